"""English photo captions told by their credit: AP pages print a caption (its opening, a few
of the story's sentences, then "(AP Photo/…)") above the story, often twice."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from bot.summarize.lang.en.segment import not_prose

CAPTION_RUN = 4  # sentences an AP caption runs between its opening ("FILE - In this …") and credit
# A name of two or more capitalised words ("Brian Kemp", "Secretary of State Brian Kemp's"
# gives "Brian Kemp's"); its last word is the surname. Only the last: a given name or a title
# ("Mayor Jane Doe" -> Jane, Mayor) named alone later is no surname standing bare.
FULL_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][\w'-]*[a-z](?:'s)?)+\b")
# Last words of capitalised runs that name a place or a body, not a person ("the White House",
# "the Supreme Court", "New York").
NOT_SURNAME = frozenset({
    "House", "Court", "York", "Secretary", "President", "Department", "Party", "State",
    "States", "Street", "University", "Council", "Senate", "Congress", "Center", "Office",
})


def credited(sentences: list[str],
             kind_of: Callable[[str], str | None] = not_prose) -> set[str]:
    """Captions: the sentence right before a photo credit, wherever else it appears, and those
    between a caption's opening and its credit that only captions hold and that name by surname
    alone someone the opening names in full (issue 28, wire: "… has accused Kemp …" was a point
    when only the caption's "Brian Kemp" says who he is). ``kind_of``: ``not_prose``, or
    the article's kinds already worked out."""
    out: set[str] = set()
    inner: dict[str, int] = {}
    for i in range(1, len(sentences)):
        if sentences[i][:1] not in "(ER" or kind_of(sentences[i]) != "credit":
            continue
        out.add(sentences[i - 1])
        for j in range(i - 2, max(-1, i - 2 - CAPTION_RUN), -1):
            kind = kind_of(sentences[j])
            if kind == "credit":
                break  # another caption's end
            if kind == "caption":
                opening = sentences[j].replace("’", "'")
                named = {n.rsplit(" ", 1)[1].removesuffix("'s")
                         for n in FULL_NAME.findall(opening)} - NOT_SURNAME
                for k in range(j + 1, i - 1):
                    if _bare_surname(sentences[k].replace("’", "'"), named):
                        inner[sentences[k]] = inner.get(sentences[k], 0) + 1
                break
    if inner:
        counts = Counter(sentences)
        out.update(s for s, n in inner.items() if n == counts[s])
    return out


def _bare_surname(sentence: str, surnames: set[str]) -> bool:
    """Whether ``sentence`` writes one of ``surnames`` with no capitalised word before or, for
    its first word, after it ("Jane Doe has said" and "House Democrats" name no one bare)."""
    words = [w.rstrip(".").removesuffix("'s") for w in re.findall(r"[\w'.-]+", sentence)]
    last = len(words) - 1
    return any(w in surnames and (
        not words[n - 1][:1].isupper() if n else n == last or not words[1][:1].isupper())
        for n, w in enumerate(words))

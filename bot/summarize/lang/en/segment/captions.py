"""English photo captions told by their credit: AP pages print a caption (its opening, a few
of the story's sentences, then "(AP Photo/…)") above the story, often twice."""

from __future__ import annotations

import re
from collections import Counter

from bot.summarize.lang.en.segment import not_prose

CAPTION_RUN = 4  # sentences an AP caption runs between its opening ("FILE - In this …") and credit
# A surname after a capitalised word ("Brian Kemp", "Donald Trump's"); a lookahead, so a run
# of such words ("Secretary of State Brian Kemp") gives each word after the first.
FULL_NAME = re.compile(r"\b[A-Z][a-z]+ (?=([A-Z][\w'-]*[a-z])\b)")


def credited(sentences: list[str]) -> set[str]:
    """Captions: the sentence right before a photo credit, wherever else it appears, and those
    between a caption's opening and its credit that only captions hold and that name by surname
    alone someone the opening names in full (issue 28, wire: "… has accused Kemp …" was a point
    when only the caption's "Brian Kemp" says who he is)."""
    out: set[str] = set()
    inner: dict[str, int] = {}
    for i in range(1, len(sentences)):
        if sentences[i][:1] not in "(ER" or not_prose(sentences[i]) != "credit":
            continue
        out.add(sentences[i - 1])
        for j in range(i - 2, max(-1, i - 2 - CAPTION_RUN), -1):
            kind = not_prose(sentences[j])
            if kind == "credit":
                break  # another caption's end
            if kind == "caption":
                opening = sentences[j].replace("’", "'")
                named = {n.removesuffix("'s") for n in FULL_NAME.findall(opening)}
                for k in range(j + 1, i - 1):
                    if _bare_surname(sentences[k].replace("’", "'"), named):
                        inner[sentences[k]] = inner.get(sentences[k], 0) + 1
                break
    if inner:
        counts = Counter(sentences)
        out.update(s for s, n in inner.items() if n == counts[s])
    return out


def _bare_surname(sentence: str, surnames: set[str]) -> bool:
    """Whether ``sentence`` writes one of ``surnames`` with no capitalised word before it."""
    words = re.findall(r"[\w'.-]+", sentence)
    return any(w.removesuffix("'s") in surnames and (n == 0 or not words[n - 1][:1].isupper())
               for n, w in enumerate(words))

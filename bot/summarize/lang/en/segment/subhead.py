"""English subheads, pull-quotes and link titles set between paragraphs of prose ("Better the
board than her hand", a feed item's point 3 in a blind read; an ATP episode's topic lines; a
linked video's "Part 1: … in Conversation with John Markoff"; issue 28, feeds). They head or
link rather than tell: no candidates, and points only when no other line is
(``bot.summarize.segment.subheads``)."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.summarize.lang.en.segment import VERB_HINT, list_lines, not_prose
from bot.summarize.lang.en.segment.placed import MINOR_WORDS
from bot.summarize.lang.en.segment.verbs import CONTRACTED, present_s_at

# A sentence's terminal mark, maybe before closing quotes or brackets: prose ends so.
TERMINAL_MARKS = ".!?…"
CLOSING = "\"'”’)]"
# A subhead is at most this many words with no verb ("Better the board than her hand", "Why the
# new information matters", "Differences between these types of contracts"); a longer line
# with no verb is one when title case holds most of its words (``TITLE_SHARE``: "Part 1:
# Original iPhone Engineers … in Conversation with John Markoff", a linked video's title).
SUBHEAD_WORDS = 8
TITLE_SHARE = 0.6
# A possessive is no verb ("John's "pile" metaphor"); after ``verbs.CONTRACTED`` words "'s" is
# "is" or "has" ("It's", "That's", "Here's").
POSSESSIVE = re.compile(r"\b(\w+)['’]s\b")
# A participle opening a line names no one who acts: "Updated 5 minutes ago." is a note.
OPENING_PARTICIPLE = re.compile(r"\w+(?:ed|ing)\b")
# A sentence of this many words tells something, whether or not its verb is one ``_has_verb``
# sees ("The team met on Monday."); a shorter one needs a verb ("ShakeMap - II DYFI?" has none).
TELLING_WORDS = 5
# A wh-word opens a subhead whose clause has a verb ("Why the new numbers matter", "How Apple
# makes its chips"), no sentence: one with a closing "?" is a question and not searched.
WH_OPENINGS = frozenset("why how what when where who which".split())
# A series' part or episode title ("Part 1: Original iPhone Engineers … in Conversation with
# John Markoff"): a name, not a headline, whatever its "-s" words.
SERIES_TITLE = re.compile(r"[A-Z]\w* \d+: ")


def subheads(sentences: list[str], starts: frozenset[int],
             kind_of: Callable[[str], str | None] = not_prose) -> set[int]:
    """The subheads between paragraphs of prose: a paragraph of one sentence with no closing
    mark and no verb, of at most ``SUBHEAD_WORDS`` words or in title case, after a sentence that
    tells something (``_tells``: not a greeting, a credit, a shard or a note like "Updated 5
    minutes ago."), not the body's first line and not a line of a list under its lead-in
    (``list_lines``: those are points when nothing else is); ``kind_of``: ``not_prose``, or the
    article's kinds already worked out."""
    out: set[int] = set()
    prose = False
    listed: set[int] | None = None
    for i, s in enumerate(sentences):
        if terminated(s):
            prose = prose or _tells(s, kind_of)
        elif prose and i in starts and (i + 1 in starts or i + 1 == len(sentences)) \
                and not s.endswith((":", ";")) and not _has_verb(s) \
                and (len(s.split(None, SUBHEAD_WORDS)) <= SUBHEAD_WORDS or _title_case(s)):
            if listed is None:
                listed = list_lines(sentences)
            if i not in listed:
                out.add(i)
    return out


def terminated(sentence: str) -> bool:
    """Whether ``sentence`` ends on a terminal mark, maybe before closing quotes or brackets
    (and a line's final "\\n"): what ``[.!?…]["'”’)\\]]*$`` searched for, read from the end
    rather than tried at every mark of the sentence (issue 26: that search was 1.7% of a BBC
    brief's instructions)."""
    end = sentence[:-1] if sentence.endswith("\n") else sentence
    bare = end.rstrip(CLOSING)
    return bare != "" and bare[-1] in TERMINAL_MARKS


def _tells(sentence: str, kind_of: Callable[[str], str | None] = not_prose) -> bool:
    """Whether ``sentence``, ending on a terminal mark, is prose that tells something: none of
    ``not_prose``'s kinds, with a verb or ``TELLING_WORDS`` words past a participle opening it
    ("Updated 5 minutes ago." is a note; "The team met on Monday." has a verb no pattern sees)."""
    if kind_of(sentence) is not None:
        return False
    opening = OPENING_PARTICIPLE.match(sentence)
    rest = sentence[opening.end():] if opening is not None else sentence
    return len(rest.split(None, TELLING_WORDS)) >= TELLING_WORDS or _has_verb(rest)


def _has_verb(line: str) -> bool:
    """Whether ``line`` has a verb ``VERB_HINT`` sees, a possessive's "'s" being none, or a
    verb in the present (``verbs.present_s_at``, the one test ``verbs.verb_at`` makes too)."""
    if VERB_HINT.search(POSSESSIVE.sub(_unless_contracted, line)) is not None:
        return True
    words = line.split()
    if (words and words[0].lower() in WH_OPENINGS) or SERIES_TITLE.match(line):
        return False
    return any(present_s_at(words, i) for i in range(1, len(words) - 1))


def _unless_contracted(m: re.Match[str]) -> str:
    """A possessive's word without its "'s"; a contraction ("It's") as it is."""
    return m.group(0) if m.group(1).lower() in CONTRACTED else m.group(1)


def _title_case(line: str) -> bool:
    """Whether capitals open at least ``TITLE_SHARE`` of the words of ``line`` that a title
    case capitalises (not ``MINOR_WORDS``)."""
    words = [w for w in line.split() if w.lower() not in MINOR_WORDS]
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return bool(words) and capitalised >= TITLE_SHARE * len(words)

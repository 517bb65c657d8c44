"""English clause boundaries where a point may be cut short (see ``bot.summarize.trim``)."""

from __future__ import annotations

import re
from collections.abc import Callable

# ", <opener>" or "; ": where an English sentence's main clause may already be complete.
CUT = re.compile(
    r"; |, (?=(?:and|but|while|although|though|whereas|because|since|after|before|as|so|"
    r"which|who|whose|where|when|with|including|according|prompting|leaving|making|adding|"
    r"saying|sending|bringing|forcing|raising|up from|down from|compared)\b)"
)
# Openers of a relative clause: cutting before one is safe only when the clause runs to the end
# (", which … , is" would leave a subject without its verb).
RELATIVE = ("which", "who", "whose", "where", "when")
# A prefix that opens with one of these is a fronted phrase or a subordinate clause unless it
# holds a comma of its own; never a main clause on its own.
FRONTED = frozenset(
    """although though while when if because as since after before despite unless whereas once
    until in on at for with by from under according among during following amid like unlike
    to""".split()
)

# The Daily Mail scrape closes its highlight lines and captions with a spaced stop ("… but is
# undergoing a full sex change ."): the splitter and the caption rules read it (a spaced stop
# marks a caption once the story began), so it stays in the sentence, and only the point the
# reader sees closes up. The words are the source's; a blind reader marked the space.
# The space closes before a closing quote too ("… in sport .\"" -> "sport.\"") and after a
# share or a bracket ("up 5% .", "[sic] ."); never after a stop ("paused... ." stays: its
# reader may read the space) nor before a decimal (" .5").
SPACED_STOP = re.compile(r"(?<=[\w'’\")”%\]]) ([.!?][\"”'’]?)$")

# English writes no list entry marks inside a sentence (``bot.summarize.trim``).
ENTRY_MARKS = ""


def tidy(s: str) -> str:
    """``s`` without the space before its closing stop ("change ." -> "change.")."""
    # The space can only be the second or third character from the end: a look there spares
    # nearly every point the search from each of its characters (the pattern opens with a
    # lookbehind, so the regex engine cannot skip ahead).
    if " " not in s[-3:-1]:
        return s
    return SPACED_STOP.sub(r"\1", s)


def prefix(s: str, limit: int, shortest: float, open_spans: Callable[[str], bool]) -> str | None:
    """The longest prefix of ``s`` within ``limit`` (and ``shortest`` or longer) that ends a
    main clause: before ", and", "; " … (``CUT``), not inside ``open_spans``."""
    best: str | None = None
    first = s.split(" ", 1)[0].strip("\"'“‘(").lower()
    for m in CUT.finditer(s):
        head = s[: m.start()].rstrip(" ,;")
        if len(head) + 1 > limit:
            break
        if len(head) < shortest or len(head.split()) < 6 or open_spans(head):
            continue
        if first in FRONTED and "," not in head:
            continue  # "In a statement on Monday" is no claim
        rest = s[m.end():]
        if rest.split(" ", 1)[0] in RELATIVE and "," in rest:
            continue  # the relative clause is an aside; the main clause goes on after it
        best = head
    return best

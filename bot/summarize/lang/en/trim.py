"""English clause boundaries where a point may be cut short (see ``bot.summarize.trim``)."""

from __future__ import annotations

import re

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

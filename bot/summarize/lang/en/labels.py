"""English label rules: when a key phrase may stand in bold over a point.

Read by ``bot.summarize.labels``; a change here cannot move Korean labels.
"""

from __future__ import annotations

import re

# Words in front of a phrase that make it what the point is NOT about: "a mummy mistaken for
# a murder victim" is no story of a murder victim; "not a recession", "rather than tax cuts".
NEGATING_BEFORE = re.compile(
    r"\b(?:not|no|never|nor|without|neither|instead of|rather than|unlike|mistaken (?:for|as)|"
    r"misidentified as|confused with|thought to be|believed to be|feared to be|presumed|"
    r"supposed|alleged|so-called|fake|false|wrongly|like|as if|denied|denies|deny|ruled out|"
    r"isn['’]t|wasn['’]t|aren['’]t|weren['’]t|doesn['’]t|didn['’]t|won['’]t)\W+"
    r"(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)
# First words that make a label a comparison or a degree, no subject ("Less prone",
# "Higher clip").
WEAK_FIRST = frozenset(
    """less more most least higher lower fewer greater better worse bigger smaller larger
    faster slower stronger weaker earlier later longer shorter cheaper easier harder
    further farther very too so much many""".split()
)
# Heads that are adjectives or measures, not things ("prone", "likely", "clip").
WEAK_HEAD = frozenset(
    """prone likely unlikely able unable due apt liable clip pace rate margin amount deal
    bit lot kind sort way time times free""".split()
)

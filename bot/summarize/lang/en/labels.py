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

# A label must be the subject of the point's main clause, where the claim is: read on 329
# English briefs, 125 of 155 labels taken from anywhere else named a bystander ("Alya Ahmed Ali"
# in "Ray Coe stepped in to rescue Alya Ahmed Ali"), a place ("West Bank" in "incidents in the
# West Bank"), an object ("Press conference") or a cut name ("Learning team" of "a deep
# learning team", "Media Freedom" of "the Palestinian Center for Development and Media
# Freedom"). So the words before it (from the point's start or the end of an opening phrase,
# "At long last,") only modify it ("China's former security chief Zhou Yongkang"), and the
# verb follows it ("has", "was", "unveiled", "plans"; after an age: "Roberto Curti, 21, died").
CLAUSE_BREAK = re.compile(r"[,;:—–]\s+")
SUBJECT_PREFIX_WORDS = 6
# Words that cannot stand in front of the subject of a main clause: prepositions, conjunctions
# and verbs make what follows an object, a place or a subordinate clause.
NOT_BEFORE_SUBJECT = frozenset(
    """of in on at by for from with to into onto over under about after before since during
    through across against among around behind beyond near toward towards upon via within
    without amid than as and or but nor so that which who whom whose when while where if
    because although though unless until like unlike is are was were be been being has have
    had will would can could may might must should shall did does do said says told
    including called named""".split()
)
DETERMINERS = frozenset("the a an this these those its their his her our".split())
SUBJECT_AFTER = re.compile(
    r"(?:,\s*\d{1,3},)?\s+(?:(?:also|now|then|still|later|recently|already|only|just|never|"
    r"finally|previously|first|again|today|yesterday|quickly|reportedly)\s+)?"
    r"(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|shall|did|"
    r"does|do|said|says|told|won|lost|made|makes|took|takes|gave|gives|became|becomes|got|"
    r"gets|left|came|comes|went|goes|found|finds|hit|hits|set|sets|put|puts|cut|cuts|"
    r"who|which|[a-z]+ed|[a-z]+[^su\W]s)\b"
)

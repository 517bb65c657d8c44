"""English label rules: when a key phrase may stand in bold over a point.

Read by ``bot.summarize.lang.en.labelling``; a change here cannot move Korean labels.
"""

from __future__ import annotations

import re

from bot.summarize.lang.en.words import STOP

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

# Phrases: where an English noun phrase begins and ends.
# Stop words, common news verbs and number words break a phrase, so a label stays a noun
# phrase ("film division", not "said film division" or "six telescopes").
BREAK = STOP | frozenset(
    """said says say according told added including saw rose fell jumped made make makes
    took take gave give hit cut won win lost lose set put got get see sees seen came come
    went go goes left became become expects expected plans planned wants wanted run runs
    three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred
    thousand million billion trillion dozen half several many much every another next ago
    today yesterday tomorrow tonight week weeks month months day days monday tuesday
    wednesday thursday friday saturday sunday january february march april june july august
    september october november december worth like unlike plus minus versus
    backwards forwards forward ahead away back abroad together instead almost already still
    even ever never yet well soon far often again perhaps maybe rather quite really lot lots
    bit way ways thing things something anything everything nothing someone anyone everyone
    know knows knew known mean means meant remain remains remained broke broken found find
    finds think thinks thought believe believes show shows shown need needs seem seems
    appear appears keep keeps kept bring brings brought buy buys bought sell sells sold pay
    pays paid meet meets met lead leads led begin begins began begun grow grows grew grown
    fall falls fallen rise rises risen feel feels felt hold holds held stand stands stood
    spend spends spent build builds built send sends sent tell tells find leave leaves
    becomes let lets try tries tried use uses ask asks help helps call calls allow allows
    continue continues include includes warn warns chose chosen wrote written spoke spoken
    drove driven ran thought taught caught sought fought bring
    across along among around behind beyond despite inside near since toward towards upon
    via within without amid""".split()
)
# A lower-case word ending in -s that is followed by one of these is a verb ("its process
# recovers 95%", "the council approves the plan"), not a plural noun.
OBJECT_START = frozenset(
    "the a an its their his her our this that these those to some all".split()
)
# After these, a lower-case word is a verb ("to flout rules", "will buy telescopes").
BEFORE_VERB = frozenset(
    "to will would could can should may might must did does do not cannot won't who".split()
)
# Comparatives end a phrase badly ("lot easier").
COMPARATIVE = frozenset(
    """easier harder better worse bigger smaller higher lower larger greater faster slower
    stronger weaker earlier later longer shorter cheaper""".split()
)
NAME_STARTS = frozenset({"New", "Old", "First", "Last", "Most", "Over", "Under", "Up"})
MAX_WORDS = 5
# Head words that make a label say nothing on their own ("Percent certainty", "Work done").
EMPTY_HEAD = frozenset(
    """percent certainty work done time people thing part number lot way case point fact end
    kind sort type area level rate place side issue matter deal move step effort anymore
    deeper clear flat enough sure""".split()
)
ADJECTIVE_END = ("al", "ive", "ous", "ic", "ful", "less", "able", "ible", "ary")
VAGUE = frozenset("various several other such certain own key main major".split())
# Written lower-case at the front of a label, these only date or grade it ("New" opening a
# name is capitalised and passes).
DATING_FIRST = frozenset(
    "recent previous pretty special normal latest current dead delve rather".split()
)
ABBREVIATIONS = frozenset("lt gen sen rep gov col sgt dr mr mrs ms st mt jr sr".split())
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

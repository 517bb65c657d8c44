"""English words that make a clause's verb, as the segment rules find them without a tagger:
auxiliaries, the past of common irregular verbs, a contraction, a subject pronoun, an "-ed" word,
and a present "-s" word placed as a verb (not a plural after a word that opens a noun phrase)."""

from __future__ import annotations

import re

# A headline's verb in the present ("Fed cuts rates …", "Apple Unveils New MacBook Pro …",
# "My NAS randomly reboots at night"): a word ending in "-s" after the line's first word and
# before its last, not a plural after a word that opens a noun phrase (``NOUN_LEADS``: "these
# two kinds of contract") or before "and", "or", "of" ("Activity reports and App Limits").
# Not "-ss", "-us" or "-is" ("this"), and not a plural of capitals ("APIs").
PRESENT_S = re.compile(r"[A-Za-z]{2,}[a-hj-rtvz]s")
NOUN_LEADS = frozenset(
    "a an the this that these those its their our your his her my some many all few several "
    "both other new top first last best more most less no any each every such own two three "
    "four five six seven eight nine ten of for with and or between in on at by from to about "
    "over under after before".split())
NOT_AFTER_VERB = frozenset({"and", "or", "of", "&"})
# Words that are a finite verb wherever they stand, or a subject that brings one.
FINITE = frozenset(
    "is are was were be been am has have had do does did will would can could shall should may "
    "might must i he she we they".split())
# The past of common irregular verbs, which no suffix shows ("Everything from bread to milk
# went up in price.", "… 10 firms quit, according to the union."; review of wt-rf47).
IRREGULAR_PAST = frozenset(
    "went fell rose came quit cut hit put set shut let cost hurt spread grew took gave made got "
    "saw said told found left ran sold bought brought began fought thought kept held stood sent "
    "spent built lost won paid met led broke drove chose wrote spoke flew threw knew drew fled "
    "became sank shrank struck slid split bet".split())
# After these words "'s" is "is" or "has" ("It's", "That's"); after a name it is a possessive.
CONTRACTED = frozenset("it that there here what who where how he she let".split())
CONTRACTIONS = ("'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m")
STRIP = "\"'“”‘’()[]«»,;:.!?…"


def verb_at(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` may be a clause's finite verb (or a subject that brings one). When
    unsure it says yes: an "-ed" word may be an adjective, and a rule that calls a span verbless
    should leave it be. A word ending in "-ing" alone is none: a progressive has its auxiliary."""
    word = words[i].strip(STRIP)
    lower = word.lower()
    if lower in FINITE or lower in IRREGULAR_PAST or lower.endswith(CONTRACTIONS):
        return True
    if lower.endswith(("'s", "’s")):
        return lower[:-2] in CONTRACTED
    if len(lower) > 3 and lower.endswith("ed"):
        return True
    return present_s_at(words, i)


def present_s_at(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is a present "-s" word placed as a verb (``PRESENT_S``): between two
    words, not after a comma, a number or a word that opens a noun phrase (``NOUN_LEADS``), and
    not before "and", "or", "of" (``NOT_AFTER_VERB``)."""
    if 0 < i < len(words) - 1 and PRESENT_S.fullmatch(words[i].strip(STRIP)):
        before, after = words[i - 1], words[i + 1]
        return before[-1] not in ",;:" and not before[-1].isdigit() \
            and before.lower() not in NOUN_LEADS and after.lower() not in NOT_AFTER_VERB
    return False

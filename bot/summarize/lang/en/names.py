"""English names: those of one place that share no letters, what the grounding check
(``bot.summarize.grounding``) takes for the same name; and definite descriptions of someone
the story named before ("The 45-year-old …", "The flanker …", "The Welsh star …"). Readers
marked such a point down when no point of the brief named whom it describes (issue 28: "The
flanker …" when no point named him), so the selector weighs one as leaning on the sentences
that name someone (bot.summarize.extractive, bot.summarize.scoring)."""

from __future__ import annotations

import re

from bot.summarize.lang.en.words import OPENERS, SPAN_OPENERS

# English words for one place that share no letters ("Americans" in a point, "U.S." cited).
ALIASES: dict[str, tuple[str, ...]] = {
    "american": ("us", "usa", "america"), "americans": ("us", "usa", "america", "american"),
    "america": ("us", "usa", "american"), "us": ("american", "america", "americans"),
    "british": ("uk", "britain"), "britain": ("uk", "british"), "uk": ("britain", "british"),
}

# Whom a story describes rather than names once it has named them: an age, a role in sport,
# the arts, politics or a family, a nationality as a noun (not "The German government"). Up
# to three words may stand before the noun ("The 17-year-old Irish League midfielder").
PERSON_NOUNS = (
    r"\d+-year-old|teenager|youngster|pensioner|grandmother|grandfather|mother|father|"
    r"widow|veteran|star|striker|midfielder|defender|forward|flanker|winger|full-back|"
    r"centre-back|goalkeeper|keeper|batsman|bowler|all-rounder|quarterback|pitcher|"
    r"actress|actor|singer|comedian|rapper|presenter|musician|tycoon|billionaire|"
    r"businessman|businesswoman|Democrat|Republican|lawmaker|congressman|congresswoman|"
    r"Dutchman|Frenchman|Spaniard|Welshman|Irishman|Englishman|Scotsman"
)
DESCRIPTION = re.compile(
    r"^[\"'“‘]?The (?:[\w-]+ ){0,3}?(?:" + PERSON_NOUNS + r")(?:,| [a-z]|['’]s )"
)
# Someone named: two capitalised words in a row ("Paddy McNair", "Mr Kim") that are not an
# opening word before a day ("On Monday"), or one inside the sentence that is no day or month.
_TWO_CAPS = re.compile(r"\b[A-Z][\w'’.-]*\s[A-Z][\w'’-]+")
_CAP_INSIDE = re.compile(r"(?<=[\s(])[A-Z][a-z'’-]+")
_OPENING = OPENERS | frozenset(SPAN_OPENERS)
NOT_NAMES = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December The""".split()
)


def names_someone(sentence: str) -> bool:
    """Whether ``sentence`` names someone (or something) by a proper name."""
    for m in _TWO_CAPS.finditer(sentence):
        first, second = m.group().split()
        if first not in NOT_NAMES and second not in NOT_NAMES and first not in _OPENING:
            return True
    return any(w not in NOT_NAMES for w in _CAP_INSIDE.findall(sentence))


def described(candidates: list[str], k: int) -> frozenset[int] | None:
    """For candidate ``k`` opening on a definite description of someone ("The 19-year-old
    was hooked …"), the candidates before it that name someone: it stands under any of them
    (it describes the story's subject, whom the lede or a later sentence named, not only the
    sentence right before it: "The 40-year-old comedian …" two points under "Oscar host Chris
    Rock …"); empty when none does. None for any other candidate and for the first, which
    the headline above it introduces."""
    if k == 0 or DESCRIPTION.match(candidates[k]) is None:
        return None
    return frozenset(j for j in range(k) if names_someone(candidates[j]))

"""English pointers to another place in the text or to a picture ("the table below", "as
shown here", "the following"): a sentence that holds one leans on what the brief may not show
(``points_away`` in ``bot.summarize.lang.en.select``).

The pointer pattern is one alternation, but each of its parts is searched alone, and only when
the sentence holds a word that part must match: the alternation was tried at every word of a
sentence with a hint for any part, about 0.6 M instructions a sentence (issue 26)."""

from __future__ import annotations

import re

# What a pointer points from: a piece of the page ("the table below", "the demo below!"), or a
# verb of showing or telling ("seen above", "noted above –", "linked to above", "listed
# below"). A bare "above"/"below" after a number or "and" compares ("those aged 22 and above",
# "below $40 a barrel"), so the word before must be one of these. Not "step", "shot", "one":
# "a step above last year's model", "warning shots above the heads", "one above the other".
_POINTED = (
    r"table|chart|graph|list|link|demo|photo|picture|image|video|screenshot|section|example|"
    r"diagram|figure|map|graphic|tweet|post|box|form|button|code|snippet|quote|excerpt|comment|"
    r"question|detail|item|option|instruction|version|thing|paragraph|note|"
    r"footnote|sidebar|gallery|clip|embed|arrow|screen|photograph"
)
# Verbs of telling about the text itself: with a time that ends the clause ("as noted
# before.", "the MAP thing I mentioned earlier on") or "here" ("There are likely more I
# haven't listed here.") they point at a place the brief does not show. Not "seen": "unlike
# anything seen before" is prose.
# "the below-average rains", "above-trend growth", "the above-ground pool": a level, no
# pointer.
_LEVEL = r"(?!-(?:average|trend|ground)\b)"
_TOLD = (
    r"mentioned|noted|described|discussed|outlined|explained|covered|touched on|listed|"
    r"linked(?: to)?|quoted|cited|shown|pictured|detailed"
)
_SHOWING = (
    r"see|seen|shown|noted|mentioned|listed|linked(?: to)?|described|discussed|outlined|"
    r"pictured|featured|embedded|included|covered|explained|illustrated|quoted|detailed|"
    r"highlighted|referenced|cited|given|set out|laid out|touch on|touched on"
)
# The parts of the pointer pattern: a sentence holds a pointer when any part matches in it
# (the tests compare the gated parts with their one alternation).
_PLACE = (
    # "the table below", "the screenshots below", "questions down below", "seen above",
    # "as noted somewhere up above", "the eligible items listed below in the VIP sale".
    rf"\b(?:(?:{_POINTED})s?|{_SHOWING}|here)"
    r"(?: (?:here|somewhere|just|right|directly|further|immediately))?(?: (?:up|down))? "
    rf"(?:above|below)\b{_LEVEL}"
    # "the below photo", "the above example": the determiner use always points.
    rf"|\bthe (?:above|below)\b{_LEVEL}"
)
_AS_SHOWN = (
    # "As you can see above, …", "as shown here", "as described earlier", "as noted before".
    r"\bas (?:you can |we can )?(?:see|seen|shown|noted|mentioned|listed|described|discussed|"
    r"outlined|pictured|illustrated|explained|detailed) (?:here|above|below|earlier|before)\b"
    # "The plan, as outlined earlier this year by the Treasury, …" dates the outlining.
    r"(?! this (?:week|month|year)\b)"
)
# "I mentioned earlier on", "listed here.": a time or place that ends the clause ("We noted
# earlier this month that …" dates a saying: not a pointer). Not "before": "a species that had
# never been described before." is news.
_TOLD_HERE = rf"\b(?:{_TOLD}) (?:\w+ )?(?:earlier|here)(?: on)?(?=[,.;:!?)]|$| –| —)"
_FOLLOWING = (
    # "the following" list or section, not a time or an event told relative to one ("the
    # following day", "over the following 70 or 80 million years", "the following game",
    # "until the following Monday", "the following March"), nor one whose list the sentence
    # itself gives after a colon ("… with the following domains: att.net, …").
    r"\bthe following(?! (?:\d|(?:[\w-]+ )?(?:day|night|morning|afternoon|evening|week|"
    r"weekend|month|year|season|game|match|race|round|term|decade|century|summer|spring|"
    r"autumn|fall|winter|hour|minute|days|weeks|months|years|seasons|games|matches|races|"
    r"hours|decades|centuries|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|january|february|"
    r"march|april|may|june|july|august|september|october|november|december)\b))"
    r"(?![^:]*:\s*\S)"
)
PLACE = re.compile(_PLACE, re.IGNORECASE)
AS_SHOWN = re.compile(_AS_SHOWN, re.IGNORECASE)
TOLD_HERE = re.compile(_TOLD_HERE, re.IGNORECASE)
FOLLOWING = re.compile(_FOLLOWING, re.IGNORECASE)
# What a pointer needs: one of these substrings, lower-cased (most sentences hold none).
POINTER_HINTS = ("above", "below", "following", " here", "earlier", "before")


def points_elsewhere(sentence: str, low: str) -> bool:
    """Whether ``sentence`` (``low``: it in lower case) holds one of POINTER_HINTS and a
    match of a part of the pointer pattern (PLACE, AS_SHOWN, TOLD_HERE, FOLLOWING). A part is
    searched only when ``low`` holds what its match must: its words are read case-blind, and
    the gates avoid "i", "k" and "s", which the pattern also matches in other letters ("ı",
    "K", "ſ") that lower() keeps apart: "earl" for "earlier", "follow" for "following"."""
    h = POINTER_HINTS
    # Spelled out rather than any() over a generator: this runs on every candidate.
    if not (h[0] in low or h[1] in low or h[2] in low or h[3] in low or h[4] in low
            or h[5] in low):
        return False
    if ("above" in low or "below" in low) and PLACE.search(sentence) is not None:
        return True
    if ("earl" in low or "here" in low) and TOLD_HERE.search(sentence) is not None:
        return True
    if "follow" in low and FOLLOWING.search(sentence) is not None:
        return True
    return AS_SHOWN.search(sentence) is not None

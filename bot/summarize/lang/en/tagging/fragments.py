"""Capitalised words an English story writes that stand for no subject of their own: a word of
a product's or a show's longer name ("Pro" of "iPad Pro", "Dragons" of "Dragons' Den") and a
place written as the far side of a comparison ("China is smaller than Greenland" in a story
about maps). Read by ``bot.summarize.lang.en.tagging`` before a one-word name becomes a tag
(issue 28, the stop-46 reads: "#pro" on iPad Pro reviews "means nothing", "#dragons" "is
vague", "#greenland" "is off-topic (the story is map projections)")."""

from __future__ import annotations

import re

from bot.summarize.lang.en import tags as rules
from bot.summarize.lang.en.tagging import mentions

# A product name that opens on a lower-case letter and has a capital inside ("iPad", "iMac",
# "eBay", "macOS"): a capitalised word right after it is the rest of the product's name.
_LOWER_CAMEL_BEFORE = re.compile(r"\b[a-z]+[A-Z][\w-]*\s+$")
# How far back the words before a mention are read: the longest product name and its space,
# or an opponent's "against both ".
_BEFORE_SPAN = 30
# The word that opens a comparison's far side, whatever the adjective before it ("smaller
# than", "four times bigger than").
_THAN_BEFORE = re.compile(r"\bthan\s+$")


def product_word(word: str, title: str, body: str) -> bool:
    """Whether most mentions of ``word`` (headline and body) are written right after a
    lower-case product name ("iPad Pro", "iMac Pro"): a word of that name, which says nothing
    alone (rf160, rf630: "#pro")."""
    text = title + "\n" + body
    hits, written = _after(word, text, _LOWER_CAMEL_BEFORE)
    return 2 * hits > written


def show_panel_word(word: str, title: str, body: str) -> bool:
    """Whether the story writes ``word`` as the first word of a show's possessive name
    ("Dragons' Den", ``SHOW_HEADS``) and the headline does not write it alone: the story's
    "Dragons" alone are the show's panel, and the show is the name a reader would follow,
    never a bare "#dragons" (CNN/DM sample, the Marmite board-game story). A club's or a
    league's ("Spurs' League Cup run") is no show: "Spurs" stay the story's subject."""
    if not word.endswith("s") or next(mentions.whole_words(word.lower(), title.lower()),
                                      None) is not None:
        return False
    return any(_SHOW_AFTER.match(body, end) is not None
               for _, end in mentions.whole_words(word, body))


_SHOW_AFTER = re.compile(r"['’][ \t]+(?:" + "|".join(rules.SHOW_HEADS) + r")\b")


def compared_place(word: str, body: str) -> bool:
    """Whether at least half the mentions of ``word``, and two or more, are the far side of a
    comparison ("China is smaller than Greenland", "four times bigger than Greenland"): an
    example the story measures something by, not what it is about (CNN/DM sample, the Mercator
    map story: "#greenland", three of its six mentions after "than")."""
    hits, written = _after(word, body, _THAN_BEFORE)
    return hits >= rules.COMPARED_MENTIONS and 2 * hits >= written


def _after(word: str, text: str, before: re.Pattern[str]) -> tuple[int, int]:
    """How many mentions of ``word`` in ``text`` have ``before`` just before them, of how many."""
    spans = list(mentions.whole_words(word, text))
    hits = sum(1 for at, _ in spans
               if before.search(text, max(0, at - _BEFORE_SPAN), at) is not None)
    return hits, len(spans)


def opponent(forms: list[str], body: str) -> bool:
    """Whether the story writes one of ``forms`` (a name's) as a side played against ("against
    Chelsea", "beat Arsenal"): a team, a player or a party in a contest."""
    return any(rules.OPPONENT_BEFORE.search(body, max(0, at - _BEFORE_SPAN), at) is not None
               for form in forms for at, _ in mentions.whole_words(form, body))

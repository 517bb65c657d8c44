"""English promotion in podcast and blog feeds (a sponsor read, a promo code, a call to
subscribe), and the word checks that spare most sentences its search."""

from __future__ import annotations

import re

# Promotion in podcast and blog feeds, anywhere in a span: a sponsor read, a promo code, a
# call to subscribe, rate or support the show. Specific phrases only: "a bill sponsored by",
# "buy now, pay later", "subscribers", "to become a member of", "support US bombers" and
# "support us all" are news.
PROMO = re.compile(
    r"\b(?:(?:use|enter|with) (?:the )?(?:promo |coupon |discount |offer )?code\b|promo code\b|"
    r"use coupon\b|(?:episode|show|podcast|feed|newsletter|week['’]s|today['’]s) (?:is )?"
    r"(?:sponsored|brought to you|presented|supported) by\b|brought to you by\b|"
    r"thanks to .{1,60}? for sponsoring\b|on patreon\b|patreon is how\b|"
    r"become a (?:patron|supporter)\b|(?-i:[Ss]upport us) (?:on|at|by|via|through)\b|"
    r"support (?:the|this|our) (?:show|podcast)\b|"
    r"subscribe (?:to (?:our|the) (?:show|podcast|newsletter|channel)|now|today|here|wherever)"
    r"\b|(?:listen|available) (?:on|in|at) (?:apple podcasts|itunes|spotify|stitcher|"
    r"google podcasts|overcast|pocket casts)\b|wherever you get your podcasts|"
    r"rate (?:and|&) review\b|tour dates\b|our new (?:podcast|show|book|album)\b|"
    r"help us keep making\b|leave (?:us )?a review\b|check out our (?:books|store|shop|merch|"
    r"live shows|sponsors)\b|order (?:right )?now\b|free \d+-day trial\b|"
    r"(?:\d+%|\$\d+) off (?:your|select)\b|"
    # A plug ending on its link, as video descriptions open: "Check Out Weathered on PBS Terra
    # https://www.youtube.com/watch?v=…".
    r"check out [^.!?]{1,80}? https?://\S+$)",
    re.IGNORECASE,
)
# A word every match of each PROMO alternative holds whole (between non-word characters),
# lower-cased: PROMO, a case-insensitive alternation searched at every character, ran on every
# sentence and was a third of an English brief's time; most sentences hold none of these, and
# then PROMO cannot match. A rare such word of each alternative, so few sentences pass.
PROMO_WORDS = frozenset(w.encode() for w in """code coupon sponsored brought presented supported
    sponsoring patreon patron supporter support subscribe podcasts itunes spotify stitcher
    overcast casts wherever review tour podcast show book album making check order trial
    off""".split())
# PROMO_WORDS that a PROMO match holds only beside one of some other words, with those words
# ("our new show", "20% off your order", "a free 30-day trial", "leave a review", "pocket
# casts"): a sentence with such a word and none of its companions is not searched. Most are
# common in news ("show", "off", "trial", "support", "order"), which is why; the rest of
# PROMO_WORDS need no companion. A hand-kept second reading of PROMO: a test builds each of
# PROMO's alternatives in random context.
PROMO_COMPANIONS = {w.encode(): frozenset(c.encode() for c in companions.split())
                    for w, companions in (
    ("show", "new"), ("podcast", "new"), ("book", "new"), ("album", "new"),
    ("off", "your select"), ("trial", "free"), ("making", "keep"), ("tour", "dates"),
    ("order", "now"), ("check", "out"), ("review", "rate leave"), ("support", "us show podcast"),
    ("code", "use enter with promo"), ("brought", "by"), ("presented", "by"),
    ("sponsored", "by"), ("supported", "by"), ("casts", "pocket"))}
# An ASCII sentence's bytes to its words as PROMO's \b reads them: letters lower-cased, digits
# and "_" kept, every other byte a space (one translate and one split, both in C, where a
# substring test per hint word cost twice as much).
_PROMO_BYTES = bytes(
    c + 32 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 or c == 95 else 32
    for c in range(256))


# The non-ASCII letters PROMO, ignoring case, reads as ASCII ones ("İ" and "ı" as "i", "ſ" as
# "s", the Kelvin sign as "k"; a test finds them all): a sentence holding one is searched whole.
ASCII_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")


def promotion(sentence: str) -> bool:
    """Whether ``sentence`` is promotion (PROMO), searched only where a PROMO_WORDS word is
    there."""
    if sentence.isascii():
        words = sentence.encode().translate(_PROMO_BYTES).split()
    elif not (ASCII_FOLDS[0] in sentence or ASCII_FOLDS[1] in sentence
              or ASCII_FOLDS[2] in sentence or ASCII_FOLDS[3] in sentence):
        # Any other non-ASCII character is no letter of a PROMO word: a "?", read as a space.
        words = sentence.encode("ascii", "replace").translate(_PROMO_BYTES).split()
    else:
        return PROMO.search(sentence) is not None
    return _may_promote(words) and PROMO.search(sentence) is not None


def _may_promote(words: list[bytes]) -> bool:
    """Whether a sentence's words (as ``promotion`` reads them) hold a PROMO_WORDS word with one
    of its PROMO_COMPANIONS, where it has any: PROMO cannot match otherwise."""
    found = PROMO_WORDS.intersection(words)
    if not found:
        return False
    present: set[bytes] | None = None
    for word in found:
        companions = PROMO_COMPANIONS.get(word)
        if companions is None:
            return True
        if present is None:
            present = set(words)
        if not companions.isdisjoint(present):
            return True
    return False

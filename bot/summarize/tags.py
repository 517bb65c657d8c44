"""Tags: feed categories and extracted keywords, normalised to slugs and mapped through aliases.
How a language's keywords are found is its own: ``bot.summarize.lang.<code>.tagging``."""

from __future__ import annotations

import re

from bot.summarize.korean import ANALYSIS
from bot.summarize.lang.registry import language
from bot.summarize.text import WORDS
from bot.tags import TagNormaliser, canonical_tag, normalise_tag

__all__ = ["TagNormaliser", "build_tags", "extract_keywords", "normalise_tag"]


def extract_keywords(
    title: str,
    sentences: list[str],
    lang: str,
    limit: int,
    raw: list[list[str]] | None = None,
    chosen: list[str] | None = None,
) -> list[str]:
    """Up to ``limit`` keywords a reader might subscribe to: names and topics that recur
    (``raw``: the sentences' tokens from ``text.tokens``, when already computed; ``chosen``:
    the brief's points, which the analyser reads where the language has one)."""
    return language(lang).keywords(
        title, sentences, chosen or sentences[:3], limit, raw, WORDS, ANALYSIS)


def build_tags(
    categories: tuple[str, ...] | list[str],
    keywords: list[str],
    normaliser: TagNormaliser,
    max_tags: int,
) -> list[str]:
    """Feed categories first, then keywords; normalised, aliased, de-duplicated, capped. A
    category that only names the site's section ("Blog") is no topic; one thing is one tag."""
    out: list[str] = []
    seen: list[tuple[str, bool]] = []  # the kept tags' singular keys, whether one word
    for raw in [*categories, *keywords]:
        tag = normaliser(raw)
        # "time-warner" and "timewarner" are one tag to a reader, and so are "#macbooks" and
        # "#macbook", and "#macs" beside "#macbook" (issue 28, a Macworld item's "#macbooks
        # #macs #laptops #macbook" "repeat each other").
        key, word = singular_key(canonical_tag(tag)), "-" not in tag
        if tag and len(tag) <= 40 and key not in SECTION_CATEGORIES \
                and not any(_one_thing(key, word, *other) for other in seen):
            out.append(tag)
            seen.append((key, word))
        if len(out) >= max_tags:
            break
    return out


# Categories a feed files every post under, naming its section rather than what a post is
# about (issue 28: a cycling blog's "#blog" on each post, "useless" to the stop-46 reader).
SECTION_CATEGORIES = frozenset({"blog", "uncategorized", "uncategorised"})
# A plural's ending after a letter that is no plural's last ("glass", "status", "analysis",
# "ios" stay): Latin letters only, so a Hangul tag never changes.
_PLURAL = re.compile(r"[a-z]{2,}[a-rt-z](?<!u|i)s")
_PLURAL_IES = re.compile(r"[a-z]{2,}ies")
# A word one tag's key may go on with to name a kind of it ("mac" + "book").
_KIND_REST = re.compile(r"[a-z]{3,}")


def singular_key(key: str) -> str:
    """``key`` (a canonical tag) of a plural read as its singular's ("macbooks" -> "macbook",
    "batteries" -> "battery"); any other key as it is."""
    if _PLURAL_IES.fullmatch(key):
        return key[:-3] + "y"
    if _PLURAL.fullmatch(key):
        return key[:-1]
    return key


def _one_thing(key: str, word: bool, other: str, other_word: bool) -> bool:
    """Whether two singular keys name one thing to a reader: the same, or, both tags one word,
    one the word the other opens on ("mac" of "macbook"); "#apple" beside "#apple-watch" (keyed
    "applewatch") is two."""
    if key == other:
        return True
    if not (word and other_word):
        return False
    short, long = sorted((key, other), key=len)
    return long.startswith(short) and len(short) >= 3 \
        and _KIND_REST.fullmatch(long[len(short):]) is not None

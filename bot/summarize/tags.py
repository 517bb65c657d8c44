"""Tags: feed categories and extracted keywords, normalised to slugs and mapped through aliases.
How a language's keywords are found is its own: ``bot.summarize.lang.<code>.tagging``."""

from __future__ import annotations

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
    """Feed categories first, then keywords; normalised, aliased, de-duplicated, capped."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in [*categories, *keywords]:
        tag = normaliser(raw)
        # "time-warner" and "timewarner" are one tag to a reader.
        key = canonical_tag(tag)
        if tag and len(tag) <= 40 and key not in seen:
            out.append(tag)
            seen.add(key)
        if len(out) >= max_tags:
            break
    return out

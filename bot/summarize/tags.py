"""Tags: feed categories and extracted keywords, normalised to slugs and mapped through aliases.
How a language's keywords are found is its own: ``bot.summarize.lang.<code>.tagging``."""

from __future__ import annotations

from itertools import chain

from bot.summarize import korean
from bot.summarize.lang.en import tagging as en
from bot.summarize.lang.ko import tagging as ko
from bot.summarize.text import tokens as _tokens_of
from bot.tags import TagNormaliser, canonical_tag, normalise_tag

__all__ = ["TagNormaliser", "build_tags", "extract_keywords", "normalise_tag"]

korean.register_cache(ko.clear_cache)


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
    the brief's points, whose Korean nouns Kiwi analyses)."""
    if lang != "ko":
        return en.tags(title, sentences, chosen or sentences[:3], limit)
    if korean.available():
        return ko.tags(title, sentences, chosen or sentences[:3], limit, korean.morphs)
    # The body's tokens come from the summarizer when it has them.
    body = chain.from_iterable(raw) if raw is not None else _tokens_of("\n".join(sentences))
    scores = ko.keywords(_tokens_of(title), body)
    # A phrase seen once outside the title is noise; the title alone counts 3.
    # Sorting only the phrases seen at least twice: most are seen once. The sort is stable, so
    # ties keep first-seen order, as most_common() would.
    ranked = sorted((k for k, v in scores.items() if v >= 2), key=scores.__getitem__, reverse=True)
    picked: list[str] = []
    for k in ranked:
        low = k.lower()
        # Keep "Time Warner" over a later "Warner" (and the other way round).
        if any(low in p.lower().split() or p.lower() in low.split() for p in picked):
            continue
        picked.append(k)
        if len(picked) >= limit:
            break
    return picked


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

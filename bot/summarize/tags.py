"""Tags: feed categories and extracted keywords, normalised to slugs and mapped through aliases.
How a language's keywords are found is its own: ``bot.summarize.lang.<code>.tagging``."""

from __future__ import annotations

from bot.summarize.korean import ANALYSIS
from bot.summarize.lang.registry import LANGUAGES, language
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
    *,
    lang: str,
) -> list[str]:
    """Feed categories first, then keywords; normalised, aliased, de-duplicated, capped. Where
    the language ``lang`` has rules of its own (``LANGUAGES``; none for a language read by
    another's), a category that only names the site's section ("Blog", "Product News") is no
    topic, and two tags its ``one_thing`` reads as one thing are one tag."""
    rules = LANGUAGES.get(lang)
    one_thing = rules.one_thing if rules else None
    sections = rules.section_categories if rules else frozenset()
    tails = rules.section_tails if rules else frozenset()
    heads = rules.section_heads if rules else frozenset()
    out: list[tuple[str, bool]] = []  # the tags kept, each with whether it is a category
    seen: set[str] = set()
    for at, raw in enumerate([*categories, *keywords]):
        tag, category = normaliser(raw), at < len(categories)
        # "time-warner" and "timewarner" are one tag to a reader.
        key = canonical_tag(tag)
        if not tag or len(tag) > 40 or key in seen or (category and key in sections):
            continue
        words = tag.split("-")
        if category and len(words) > 1 and words[-1] in tails and words[-2] in heads:
            continue  # "Product News": the site's section; never "Hacker News", "Fake News"
        if one_thing and any(one_thing(tag, kept, category and was_category)
                             for kept, was_category in out):
            continue
        out.append((tag, category))
        seen.add(key)
        if len(out) >= max_tags:
            break
    return [tag for tag, _ in out]

"""The one place that knows which languages have rules: a language code to its
bot.summarize.lang.Language. A language without a package of its own is read by English's
rules (what the summarizer did before it knew any other language)."""

from __future__ import annotations

from bot.summarize.lang import Language
from bot.summarize.lang.en.language import LANGUAGE as ENGLISH
from bot.summarize.lang.ko.language import LANGUAGE as KOREAN

__all__ = ["FALLBACK", "LANGUAGES", "UNSPACED", "language"]

LANGUAGES: dict[str, Language] = {rules.code: rules for rules in (ENGLISH, KOREAN)}
FALLBACK = ENGLISH
# Languages written without spaces between words, with no package of their own: a point of
# theirs may be 15 characters of any word count, as Korean's (Language.short_points).
UNSPACED = frozenset({"ja", "zh"})


def language(code: str) -> Language:
    """The rules for language ``code``; English's for a language with no package."""
    return LANGUAGES.get(code, FALLBACK)

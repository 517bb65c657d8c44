"""The one place that knows which languages have rules: a language code to its
bot.summarize.lang.Language. A language without a package of its own (German, Japanese …) is
read partly by English's rules, through ``language()``: boilerplate, not-prose spans, caption
words, sentence boundaries, tags. The rules that read English words for their meaning give it
none, through ``LANGUAGES.get()``: leaning back, the selection cues, labels, the short-item rule,
the text's context captions and its preparation. The summarizer behaved so before it knew any
language but English; keep the two lookups apart when adding a rule."""

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

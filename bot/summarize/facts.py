"""The checkable facts of a sentence: numbers (with amounts, percentages and units folded to
values), dates, currencies, quoted phrases, names, and negation and modality cues. The rules are
per language, in ``bot.summarize.lang.<code>.facts``; Korean names come through Kiwi
(bot.summarize.korean), whose proper nouns it tags.

The grounding check (bot.summarize.grounding) compares a model's point against the sentences it
cites through these, so each kind is normalised to something both languages share: "2.1-kilometre"
and "2.1 km" are the value 2.1; "3천억원" is 3e11 and "$300bn" is 3e11 with a currency; "March"
and "3월" are month 3.
"""

from __future__ import annotations

import re
import unicodedata

from bot.summarize import korean
from bot.summarize.lang.en import facts as en
from bot.summarize.lang.facts import Facts, Rules
from bot.summarize.lang.ko import facts as ko
from bot.summarize.negation import NOT_ONLY

__all__ = ["Facts", "facts_of", "lower_words", "quoted"]

# Each language's rules, a module per language; one without rules of its own is read by the
# English ones.
_RULES: dict[str, Rules] = {"en": en, "ko": ko}
_DEFAULT = "en"
_QUOTE = re.compile(r"[\"“”]([^\"“”]{3,200})[\"“”]|‘([^‘’]{2,200})’|「([^」]{2,200})」")


def lower_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case: a capital word at a sentence start that the
    article also writes in lower case ("Police", "Critics") is no name."""
    return frozenset(w for w in re.findall(r"\b[a-z][a-z'-]+\b", text))


def quoted(text: str) -> list[str]:
    return [next(g for g in m.groups() if g) for m in _QUOTE.finditer(text)]


def facts_of(text: str, lang: str, common: frozenset[str] = frozenset(),
             heading: bool = False) -> Facts:
    """The checkable facts of ``text`` in language ``lang`` ("en", "ko"); ``common``: words
    known to be no names (see ``lower_words``)."""
    text = unicodedata.normalize("NFC", text)
    facts = Facts()
    _RULES.get(lang, _RULES[_DEFAULT]).read(text, facts, NOT_ONLY, common, heading, korean.morphs)
    facts.quotes = quoted(text)
    return facts

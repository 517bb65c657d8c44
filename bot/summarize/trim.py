"""Fit a sentence into a point's character budget without changing what it says.

A point is its source sentence as ``shown`` (spaces collapsed, the language's known spacing
debris before the closing stop closed: "change ." -> "change."), or a prefix of it that ends at
a clause boundary and still holds a complete main clause, marked with "…". Nothing is ever
deleted from the middle (an aside can carry the claim: "X, which is not Y, …"), and no cut falls
between a verb and its object, before a "that"-clause, inside quotes, brackets or a "— … —"
pair. The summarizer prefers sentences that fit (``fits``); a sentence with no safe cut is
returned whole up to ``HARD_LIMIT`` and only past that cut at a word boundary, or, in a list
of entries (Korean "▲…▷…"), before the last entry that fits whole (``entry_prefix``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from bot.summarize.lang.en import trim as en_rules
from bot.summarize.lang.ko import trim as ko_rules


class Rules(Protocol):
    """What a language's ``trim`` module offers: its longest faithful prefix of a sentence,
    and the marks that open a list's entries (``ENTRY_MARKS``, "" for none)."""

    ENTRY_MARKS: str

    def prefix(self, s: str, limit: int, shortest: float,
               open_spans: Callable[[str], bool]) -> str | None:
        """The longest prefix of ``s`` within ``limit`` and no shorter than ``shortest`` that
        is a whole clause, none ending inside ``open_spans``."""

    def tidy(self, s: str) -> str:
        """``s`` as a point shows it: the same words, without the language's known spacing
        debris around its marks."""


HARD_LIMIT = 600  # longer than this, even a whole sentence is no point; a word cut is the end

# Each language's clause rules: ``prefix(sentence, limit, shortest, open_spans)``. A language
# without them gets no prefix.
_RULES: dict[str, Rules] = {"en": en_rules, "ko": ko_rules}
_DASHES = re.compile(r"\s(?:--|[–—-])\s|--")
MIN_SHARE = 0.4  # a prefix shorter than this share of the budget says too little


def _open_spans(prefix: str) -> bool:
    """Whether ``prefix`` ends inside quotes, brackets or a dash pair."""
    if prefix.count("“") > prefix.count("”") or prefix.count('"') % 2:
        return True
    if prefix.count("(") > prefix.count(")") or prefix.count("[") > prefix.count("]"):
        return True
    if prefix.count("‘") > prefix.count("’"):
        return True
    return len(_DASHES.findall(prefix)) % 2 == 1


def clause_prefix(sentence: str, limit: int, lang: str = "en") -> str | None:
    """The longest faithful prefix of ``sentence`` (without its "…") within ``limit``, if any.
    Only English and Korean have clause rules; other languages get None."""
    rules = _RULES.get(lang)
    return rules.prefix(sentence, limit, limit * MIN_SHARE, _open_spans) if rules else None


def shown(sentence: str, lang: str = "en") -> str:
    """``sentence`` as a whole point shows it: its spaces collapsed and the language's known
    spacing debris closed (English: "change ." -> "change."). A point is this, or a prefix of
    it marked "…": every faithfulness check compares points with it, nothing looser."""
    s = " ".join(sentence.split())
    rules = _RULES.get(lang)
    return rules.tidy(s) if rules is not None else s


def entry_prefix(cut: str, limit: int, lang: str = "en") -> str | None:
    """``cut`` up to the last list entry mark in it (the language's ``ENTRY_MARKS``), so no
    entry is shown half ("…▷삼성세무서장 최영철▷반포세무서장" -> "…▷삼성세무서장 최영철"), and
    before any section header left with none of its entries ("…전지현▲국세청◇과장급 전보▷…"
    -> "…전지현"); or None when ``cut`` holds fewer than two entries (no list), what is left is
    shorter than ``MIN_SHARE`` of ``limit``, or the language writes no such marks."""
    rules = _RULES.get(lang)
    marks = rules.ENTRY_MARKS if rules is not None else ""
    if not marks or sum(map(cut.count, marks)) < 2:
        return None
    last = max(cut.rfind(mark) for mark in marks)
    # A segment whose mark ranks above the next one's (``ENTRY_MARKS`` is highest first) is
    # that list's header.
    while last > 0:
        before = max(cut.rfind(mark, 0, last) for mark in marks)
        if before < 0 or marks.index(cut[before]) >= marks.index(cut[last]):
            break
        last = before
    if last < limit * MIN_SHARE:
        return None
    return cut[:last].rstrip() or None


def fits(sentence: str, limit: int, lang: str = "en") -> int:
    """2 when ``sentence`` fits as a point shows it (``shown``), 1 when a faithful prefix does,
    0 when neither."""
    if len(sentence) <= limit:
        return 2
    s = shown(sentence, lang)
    if len(s) <= limit:
        return 2
    return 1 if clause_prefix(s, limit, lang) else 0


def fit(sentence: str, limit: int = 300, lang: str = "en") -> str:
    """``sentence`` as a point: whole when it fits, else its longest faithful prefix + "…",
    else whole up to ``HARD_LIMIT``; never cut inside a word, nor inside a list's entry."""
    s = shown(sentence, lang)
    if len(s) <= limit:
        return s
    head = clause_prefix(s, limit, lang)
    if head:
        return head + "…"
    if len(s) <= max(HARD_LIMIT, limit):
        return s
    cut = s[: max(HARD_LIMIT, limit) - 1]
    entries = entry_prefix(cut, limit, lang)
    if entries:
        return entries + "…"
    space = cut.rfind(" ")
    if space > 0:
        cut = cut[:space]
    return cut.rstrip(" ,;:–—-\"“(") + "…"

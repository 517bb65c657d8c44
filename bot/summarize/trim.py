"""Fit a sentence into a point's character budget without changing what it says.

A point is its source sentence, or a prefix of it that ends at a clause boundary and still holds
a complete main clause, marked with "…". Nothing is ever deleted from the middle (an aside can
carry the claim: "X, which is not Y, …"), and no cut falls between a verb and its object, before
a "that"-clause, inside quotes, brackets or a "— … —" pair. The summarizer prefers sentences
that fit (``fits``); a sentence with no safe cut is returned whole up to ``HARD_LIMIT`` and only
past that cut at a word boundary.
"""

from __future__ import annotations

import re

from bot.summarize.lang.en import trim as en_rules
from bot.summarize.lang.ko import trim as ko_rules

HARD_LIMIT = 600  # longer than this, even a whole sentence is no point; a word cut is the end

_EN_CUT, _RELATIVE, _EN_FRONTED = en_rules.CUT, en_rules.RELATIVE, en_rules.FRONTED
_KO_CUT, _KO_SUBJECT = ko_rules.CUT, ko_rules.SUBJECT
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


def _en_prefix(s: str, limit: int) -> str | None:
    best: str | None = None
    first = s.split(" ", 1)[0].strip("\"'“‘(").lower()
    for m in _EN_CUT.finditer(s):
        head = s[: m.start()].rstrip(" ,;")
        if len(head) + 1 > limit:
            break
        if len(head) < limit * MIN_SHARE or len(head.split()) < 6 or _open_spans(head):
            continue
        if first in _EN_FRONTED and "," not in head:
            continue  # "In a statement on Monday" is no claim
        rest = s[m.end():]
        if rest.split(" ", 1)[0] in _RELATIVE and "," in rest:
            continue  # the relative clause is an aside; the main clause goes on after it
        best = head
    return best


def _ko_prefix(s: str, limit: int) -> str | None:
    best: str | None = None
    for m in _KO_CUT.finditer(s):
        head = s[: m.start()].rstrip(" ,;")
        if len(head) + 1 > limit:
            break
        if len(head) < limit * MIN_SHARE or _open_spans(head):
            continue
        if not _KO_SUBJECT.search(head + " "):
            continue  # a clause with no subject of its own does not stand alone
        best = head
    return best


def clause_prefix(sentence: str, limit: int, lang: str = "en") -> str | None:
    """The longest faithful prefix of ``sentence`` (without its "…") within ``limit``, if any.
    Only English and Korean have clause rules; other languages get None."""
    if lang == "ko":
        return _ko_prefix(sentence, limit)
    if lang == "en":
        return _en_prefix(sentence, limit)
    return None


def fits(sentence: str, limit: int, lang: str = "en") -> int:
    """2 when ``sentence`` fits as it is, 1 when a faithful prefix does, 0 when neither."""
    if len(sentence) <= limit:
        return 2
    return 1 if clause_prefix(" ".join(sentence.split()), limit, lang) else 0


def fit(sentence: str, limit: int = 300, lang: str = "en") -> str:
    """``sentence`` as a point: whole when it fits, else its longest faithful prefix + "…",
    else whole up to ``HARD_LIMIT``; never cut inside a word."""
    s = " ".join(sentence.split())
    if len(s) <= limit:
        return s
    head = clause_prefix(s, limit, lang)
    if head:
        return head + "…"
    if len(s) <= max(HARD_LIMIT, limit):
        return s
    cut = s[: max(HARD_LIMIT, limit) - 1]
    space = cut.rfind(" ")
    if space > 0:
        cut = cut[:space]
    return cut.rstrip(" ,;:–—-\"“(") + "…"

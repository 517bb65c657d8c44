"""Fit a sentence into a point's character budget: drop asides, then trailing clauses, and only
as a last resort cut at a word boundary with an ellipsis."""

from __future__ import annotations

import re

_PAREN = re.compile(r"\s*[(\[][^()\[\]]{0,200}[)\]]")
# Non-restrictive English asides: ", which ... ," and ", who ... ,".
_ASIDE = re.compile(r",\s(?:which|who|whose|where)\s[^,;]{3,160},")
_EN_CLAUSE = re.compile(
    r"[,;:]\s|\s[–—-]\s|\s(?=(?:but|while|although|whereas|as|after|because)\s)"
)
_KO_CLAUSE = re.compile(r"[,;:]\s|(?<=[며고서만면데])\s")
_TERMINAL = ".!?…"


def _ending(sentence: str) -> str:
    """The sentence's own terminal mark (with a closing quote if it is outside), or "."."""
    m = re.search(r"[.!?]+[\"'”’]?$", sentence)
    return m.group(0).lstrip("\"'”’") if m else "."


def _balanced(text: str) -> str:
    # A cut can leave an opening quote without its partner; close it so the point reads whole.
    if text.count("“") > text.count("”"):
        text += "”"
    elif text.count('"') % 2 == 1:
        text += '"'
    return text


def fit(sentence: str, limit: int = 240, lang: str = "en") -> str:
    """``sentence`` in at most ``limit`` characters; never cut inside a word."""
    s = " ".join(sentence.split())
    if len(s) <= limit:
        return s
    end = _ending(s) if lang != "ko" else ""
    # Asides go first: they carry the least of the sentence's claim.
    for pattern in (_PAREN, _ASIDE):
        shorter = pattern.sub("", s)
        shorter = re.sub(r"\s+([,.;:!?])", r"\1", shorter)
        if shorter != s:
            s = shorter
            if len(s) <= limit:
                return s
    clause = _KO_CLAUSE if lang == "ko" else _EN_CLAUSE
    budget = limit - 1
    best = -1
    for m in clause.finditer(s):
        if m.start() > budget - len(end):
            break
        best = m.start()
    if best >= limit * 0.45:
        head = s[:best].rstrip(" ,;:–—-")
        if lang == "ko":
            return _balanced(head) + "…"
        return _balanced(head.rstrip(_TERMINAL) + end)
    cut = s[: budget - 1]
    space = cut.rfind(" ")
    if space > 0:
        cut = cut[:space]
    cut = cut.rstrip(" ,;:–—-\"“(")
    return _balanced(cut) + "…"

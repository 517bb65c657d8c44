"""Korean clause boundaries where a point may be cut short (see ``bot.summarize.trim``)."""

from __future__ import annotations

import re
from collections.abc import Callable

# Korean connective endings that close a clause ("…했고", "…하며", "…지만").
CUT = re.compile(r"(?<=[고며만데서])(?=[ ,])|(?<=[,;]) ")
# A subject or topic of the prefix's own: "정부는 ", "연구팀이 ".
SUBJECT = re.compile(r"\S(?:은|는|이|가|께서)(?=\s)")
# Marks that open an entry of a personnel or obituary list ("▲국세청◇과장급 전보▷대변인
# 김상범▷운영지원과장 최성영…"): a list too long for a point is cut before one, never inside an
# entry (ko208's point was cut at a word, "…▷반포세무서장…", its name lost). Highest first:
# a mark followed directly by a lower one opens a header ("▲국세청", "◇과장급 전보"); Yonhap
# and News1 write "◇국장급 전보 △기획조정실장 김○○ △…".
ENTRY_MARKS = "▲◇▷△"


def tidy(s: str) -> str:
    """``s`` unchanged: no Korean spacing debris is known to close a point."""
    return s


def prefix(s: str, limit: int, shortest: float, open_spans: Callable[[str], bool]) -> str | None:
    """The longest prefix of ``s`` within ``limit`` (and ``shortest`` or longer) that ends on a
    connective ending (``CUT``) and has a subject of its own, not inside ``open_spans``."""
    best: str | None = None
    for m in CUT.finditer(s):
        head = s[: m.start()].rstrip(" ,;")
        if len(head) + 1 > limit:
            break
        if len(head) < shortest or open_spans(head):
            continue
        if not SUBJECT.search(head + " "):
            continue  # a clause with no subject of its own does not stand alone
        best = head
    return best

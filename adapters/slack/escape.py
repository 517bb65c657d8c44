"""Making untrusted feed text safe and short enough for Slack: escaping, defusing, clipping."""

from __future__ import annotations

import re

# Slack's own rule: only these three characters are escaped in text it parses as mrkdwn. That is
# also what neutralises injected control sequences (<!channel>, <@U123>, <http://evil|bank>).
_MRKDWN = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})

# plain_text objects are not parsed for mentions, but a zero-width joiner after "<" keeps even a
# misconfigured or future renderer from seeing a control sequence, and is invisible to readers.
_CONTROL_OPEN = re.compile(r"<(?=[!@#^]|[a-zA-Z][a-zA-Z0-9+.-]*:)")
_ZWJ = "\u2060"  # WORD JOINER: zero width, no line break

ELLIPSIS = "…"


def escape_mrkdwn(text: str) -> str:
    """Text for a mrkdwn field or the top-level ``text`` fallback: ``&``, ``<``, ``>`` escaped."""
    return text.translate(_MRKDWN)


def defuse_plain(text: str) -> str:
    """Text for a ``plain_text`` object: control-sequence openers broken, nothing else."""
    return _CONTROL_OPEN.sub("<" + _ZWJ, text)


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at a word boundary, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    room = limit - len(ELLIPSIS)
    cut = text.rfind(" ", 0, room + 1)
    if cut < room // 2:  # no space in a sensible place (CJK, one long word): cut mid-run
        cut = room
    return _unsplit_entity(text[:cut]).rstrip() + ELLIPSIS


def chunks(text: str, limit: int) -> list[str]:
    """``text`` split into pieces of at most ``limit`` characters, at spaces where possible and
    never inside an ``&amp;``-style entity, losing nothing but the whitespace at the cuts."""
    if limit < 1:  # no piece could hold a character: splitting would never advance
        raise ValueError(f"chunk limit must be at least 1, not {limit}")
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = rest.rfind(" ", 0, limit + 1)
        if cut < limit // 2:
            cut = limit
        head = _unsplit_entity(rest[:cut])
        if not head.strip():  # only whitespace before the cut: take a hard cut instead
            head = _unsplit_entity(rest[:limit]) or rest[:limit]
        pieces.append(head.rstrip())
        rest = rest[len(head):].lstrip()
    if rest or not pieces:
        pieces.append(rest)
    return [piece for piece in pieces if piece] or [""]


def _unsplit_entity(text: str) -> str:
    """Drop a trailing, cut-off ``&amp;``/``&lt;``/``&gt;`` so an entity is never split."""
    amp = text.rfind("&", max(0, len(text) - 4))
    if amp != -1 and ";" not in text[amp:]:
        return text[:amp]
    return text

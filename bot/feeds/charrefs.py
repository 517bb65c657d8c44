"""Numeric character references to a surrogate (``&#xD800;``) or past U+10FFFF made U+FFFD
before feedparser sees the body (and before the fast reader tries it again: lxml refuses one).

feedparser decodes the first into a lone surrogate that no UTF-8 encoder accepts and chokes on
the second in ``chr()``: either crashed the parse, and every entry of the feed was lost.
Replaced, the feed reads as well-formed and only the bad character is lost. The other
references XML forbids (NUL, most controls, U+FFFE) are left alone: feedparser's lenient
parser already reads such a feed, and replacing them would change the stored text and hash of
entries read that way since, so each would count as edited once."""

from __future__ import annotations

import re

__all__ = ["replace_invalid_references"]

# Only references that can be a surrogate or past U+10FFFF are handed to Python: hex with
# four digits opening with D, or six and more; decimal 55xxx-57xxx, or seven digits and more.
# "&#8217;" and "&#160;", the common ones, never match.
_SUSPECT_REFERENCE = re.compile(
    rb"&#(?:[xX]0*([dD][0-9a-fA-F]{3}|[0-9a-fA-F]{6,})|0*(5[5-7][0-9]{3}|[0-9]{7,}));")
_REPLACEMENT = b"&#xFFFD;"


def _checked(match: re.Match[bytes]) -> bytes:
    hex_digits, decimal = match.group(1), match.group(2)
    cp = int(hex_digits, 16) if hex_digits is not None else int(decimal)
    unreadable = 0xD800 <= cp <= 0xDFFF or cp > 0x10FFFF
    return _REPLACEMENT if unreadable else match.group(0)


def replace_invalid_references(body: bytes) -> bytes:
    """``body`` with every reference to a surrogate or past U+10FFFF made ``&#xFFFD;``."""
    if b"&#" not in body:
        return body
    return _SUSPECT_REFERENCE.sub(_checked, body)

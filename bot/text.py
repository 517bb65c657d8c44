"""Text hygiene shared by every stage: HTML to plain text, invisible-character removal, hashing."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from html.parser import HTMLParser

__all__ = ["clean_block", "clean_inline", "content_hash", "html_to_text", "truncate_words"]

# Elements whose content is never reader-visible text (code, styling, embedded documents).
_SKIP = frozenset({"script", "style", "iframe", "noscript", "template", "svg", "math", "object",
                   "embed", "head", "select", "canvas"})
# Elements that start a new paragraph when rendered.
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
})
_LINE = frozenset({"br"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})

# Invisible characters that can hide or reorder text (Trojan Source style) or break matching:
# zero-width spaces/joiners, word joiner, BOM, soft hyphen, bidi embeddings/overrides/isolates.
_INVISIBLE = {cp: None for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x200E,
                                  0x200F, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_LINE_SEPARATORS = {0x2028: "\n", 0x2029: "\n\n", 0x0085: "\n"}
# Control characters (Cc): whitespace controls become spaces so lines do not glue together, the
# others go; multi-line text keeps its newlines and tabs.
_CONTROLS_INLINE = {cp: (" " if chr(cp) in "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85" else None)
                    for cp in (*range(0x00, 0x20), *range(0x7F, 0xA0))}
_CONTROLS_MULTILINE = {**_CONTROLS_INLINE, ord("\n"): "\n", ord("\t"): "\t"}
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_HSPACE = re.compile(r"[^\S\n]+")
_ANY_SPACE = re.compile(r"\s+")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_TRAILING_PUNCT = ",;:-–—·/([{"


class _TextExtractor(HTMLParser):
    """Collects visible text; block elements become blank lines, <br> a newline."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0
        self._pre_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            if tag not in _VOID:
                self._skip_depth += 1
            return
        if self._skip_depth:
            return
        if tag == "pre":
            self._pre_depth += 1
        if tag in _LINE:
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <iframe/> or <br/>: never opens a skipped region.
        if tag in _SKIP or self._skip_depth:
            return
        if tag in _LINE:
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        if tag == "pre":
            self._pre_depth = max(0, self._pre_depth - 1)
        if not self._skip_depth and tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        # Source line breaks are not rendered breaks in HTML (outside <pre>); tags carry structure.
        self.parts.append(data if self._pre_depth else _HTML_SPACE.sub(" ", data))


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment, paragraphs separated by blank lines, cleaned."""
    if not html:
        return ""
    parser = _TextExtractor()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # pragma: no cover - html.parser is lenient in 3.11
        pass
    return clean_block("".join(parser.parts))


def _strip_invisible(text: str, *, multiline: bool) -> str:
    table = _CONTROLS_MULTILINE if multiline else _CONTROLS_INLINE
    text = text.translate(_LINE_SEPARATORS).translate(_INVISIBLE).translate(table)
    return unicodedata.normalize("NFC", text)


def clean_inline(text: str, *, multiline: bool = False) -> str:
    """One line of clean NFC text: no controls, no invisible or bidi characters, single spaces.

    With ``multiline`` newlines survive (runs of blank lines become one blank line).
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _strip_invisible(text, multiline=multiline)
    if not multiline:
        return _ANY_SPACE.sub(" ", text).strip()
    lines = [_HSPACE.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_NEWLINES.sub("\n\n", "\n".join(lines)).strip()


def clean_block(text: str) -> str:
    """Like :func:`clean_inline` but keeps line and paragraph breaks (at most one blank line)."""
    return clean_inline(text, multiline=True)


def content_hash(*parts: str) -> str:
    """sha256 hex of the cleaned parts: whitespace or invisible-character noise is not an edit."""
    digest = hashlib.sha256()
    for i, part in enumerate(parts):
        if i:
            digest.update(b"\x1f")  # a separator clean_inline can never leave inside a part
        digest.update(clean_inline(part or "").encode("utf-8"))
    return digest.hexdigest()


def _is_joining(ch: str) -> bool:
    """True for characters that extend the preceding grapheme (marks, ZWJ, selectors, tones)."""
    cp = ord(ch)
    return (
        unicodedata.category(ch) in ("Mn", "Mc", "Me")
        or cp in (0x200D, 0x200C)
        or 0xFE00 <= cp <= 0xFE0F
        or 0x1F3FB <= cp <= 0x1F3FF
        or 0x1160 <= cp <= 0x11FF  # conjoining Hangul vowels/finals (NFD input)
        or 0xE0020 <= cp <= 0xE007F  # emoji tag sequences
    )


def truncate_words(text: str, limit: int) -> str:
    """``text`` shortened to at most ``limit`` characters at a space, ending in "…" when cut.

    A single word longer than the limit is cut between graphemes rather than inside one.
    """
    if limit <= 0:
        return ""
    if len(text) <= limit:
        return text
    if limit == 1:
        return "…"
    budget = limit - 1  # room for the ellipsis
    head = text[: budget + 1]
    cut = max(head.rfind(" "), head.rfind("\n"), head.rfind("\t"))
    if cut > 0 and text[:cut].strip():
        return text[:cut].rstrip().rstrip(_TRAILING_PUNCT).rstrip() + "…"
    cut = budget
    while cut > 0 and (_is_joining(text[cut]) or text[cut - 1] == "\u200d"):
        cut -= 1
    if cut == 0:
        cut = budget  # one enormous grapheme: cutting inside it is the only bounded answer
    return text[:cut] + "…"

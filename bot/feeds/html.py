"""Text hygiene shared by every stage: HTML to plain text, invisible-character removal, hashing."""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from html import unescape
from typing import Any

from lxml import etree

__all__ = ["clean_block", "clean_inline", "content_hash", "html_to_text", "truncate_words"]

# Elements whose content is never reader-visible text (code, styling, embedded documents).
# (<embed> is void: libxml2 nests the text after it inside, so it is not listed.)
_SKIP = frozenset({"script", "style", "iframe", "noscript", "template", "svg", "math", "object",
                   "head", "select", "canvas"})
# Elements that start a new paragraph when rendered.
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
})
_LINE = frozenset({"br"})

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
# Every character the tables above change, except newline and tab (handled per mode).
_STRIPPED = re.compile("[" + "".join(
    re.escape(chr(cp)) for cp in sorted({*_INVISIBLE, *_LINE_SEPARATORS, *_CONTROLS_INLINE})
    if chr(cp) not in "\n\t") + "]")
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_TRAILING_PUNCT = ",;:-–—·/([{"


_PARSERS = threading.local()  # lxml parser objects must not be shared between threads
_BR = "\x0b"  # stands for a <br> until we know whether it ends a sentence (controls go later)
# A <br> inside a sentence ("nicht ganz billig,<br>dafür …") is a wrapped line, not a break:
# the line before ends without sentence punctuation and the next one goes on in lower case.
_BR_JOINS = re.compile(r"(?<=[\w,;\-–—])[ \t]*\x0b[ \t]*(?=\w)")


def _join_br(match: re.Match[str]) -> str:
    nxt = match.string[match.end()]
    return " " if nxt.islower() else "\n"  # caseless scripts (Hangul, kana): keep the break


def _parser() -> etree.HTMLParser:
    parser: etree.HTMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = etree.HTMLParser(encoding="utf-8", recover=True, no_network=True,
                                  remove_comments=True, remove_pis=True, default_doctype=False)
        _PARSERS.parser = parser
    return parser


def _visible_parts(root: Any, skip: frozenset[str]) -> list[str]:
    """Text of the tree in document order, with markers: _PARA for a block edge, _BR for <br>.

    Text outside <pre> is kept raw and its HTML whitespace collapsed once at the end (one
    regex pass instead of one per text node); inside <pre> it is protected as it is.
    """
    parts: list[str] = []
    pre = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in skip:
                walker.skip_subtree()  # its "end" event still comes, and adds the tail
                continue
            if tag == "pre":
                pre += 1
            if tag in _LINE:
                parts.append(_BR)
            elif tag in _BLOCK:
                parts.append(_PARA)
            if el.text:
                parts.append(_protect(el.text) if pre else el.text)
        else:
            if tag == "pre":
                pre -= 1
            if tag in _BLOCK:
                parts.append(_PARA)
            if el.tail:
                parts.append(_protect(el.tail) if pre else el.tail)
    return parts


_PARA = "\x1e"  # a block edge; like _BR, a control character that markup text cannot leave
_PRE_NEWLINE, _PRE_TAB = "\x1c", "\x1d"  # a <pre> line break and tab, shielded from collapsing


def _protect(text: str) -> str:
    return text.replace("\n", _PRE_NEWLINE).replace("\t", _PRE_TAB).replace(" ", "\xa0")


def _markers_to_text(joined: str) -> str:
    """The joined parts with markers made line breaks, for clean_block (only) to finish."""
    # Source line breaks are not rendered breaks in HTML (outside <pre>): spaces. Not collapsed
    # here: clean_block collapses every run of spaces, and _BR_JOINS reads any number of them;
    # str.replace is a memchr scan where a regex visits every character.
    text = (joined.replace("\n", " ").replace("\t", " ").replace("\r", " ")
            .replace("\f", " "))
    if _BR in text:  # _BR_JOINS opens on a lookbehind, so it is tried at every character
        text = _BR_JOINS.sub(_join_br, text)
    return (text.replace(_BR, "\n").replace(_PARA, "\n\n").replace(_PRE_NEWLINE, "\n")
            .replace(_PRE_TAB, "\t"))


_SELF_CLOSED = re.compile(r"<(iframe|script|style|noscript|template|object|canvas|select)\b"
                          r"([^<>]*?)\s*/>", re.I)
_BOGUS_COMMENT = re.compile(r"<!(?!--)(?![Dd][Oo][Cc][Tt][Yy][Pp][Ee]\s+\w[^<>]*>)")
_SKIPPED_REGION = re.compile(r"<(script|style|iframe|noscript|template|svg)\b.*?</\1\s*>",
                             re.I | re.S)
_TAG = re.compile(r"</?([a-zA-Z][\w:-]*)[^>]*>")


def _flat_text(html: str) -> str:
    """A last-resort reading for markup libxml2 gives up on: tags out, entities decoded."""
    html = _SKIPPED_REGION.sub(" ", html)
    text = _TAG.sub(lambda m: "\x1e" if m.group(1).lower() in _BLOCK else "", html)
    return clean_block(_HTML_SPACE.sub(" ", unescape(text)).replace("\x1e", "\n\n"))


def html_to_text(html: str, *, skip: frozenset[str] = frozenset()) -> str:
    """Visible text of an HTML fragment, paragraphs separated by blank lines, cleaned.

    ``skip`` names further elements whose content is dropped (see bot.feeds.cleaning).
    """
    if not html:
        return ""
    if "/>" in html:  # <iframe/> is not self-closing in HTML, but feeds mean it to be
        html = _SELF_CLOSED.sub(r"<\1\2></\1>", html)
    if "<!" in html:  # libxml2 reads "<!' …>" as a comment and hides it; it is text
        html = _BOGUS_COMMENT.sub("&lt;!", html)
    parser = _parser()
    try:
        root = etree.fromstring(html.encode("utf-8", errors="replace"), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if any(e.level_name == "FATAL" for e in parser.error_log):
        return _flat_text(html)  # e.g. nesting past libxml2's depth limit: it stopped reading
    if root is None:  # nothing libxml2 could read as markup (empty, or only whitespace)
        return ""
    return clean_block(_markers_to_text("".join(_visible_parts(root, _SKIP | skip))))


def _strip_invisible(text: str, *, multiline: bool) -> str:
    # str.translate with a dict costs a lookup per character; most text has nothing to remove,
    # and one regex scan (in C) says so.
    found = _STRIPPED.search(text)
    if found is not None:
        table = _CONTROLS_MULTILINE if multiline else _CONTROLS_INLINE
        text = text.translate(_LINE_SEPARATORS).translate(_INVISIBLE).translate(table)
    elif not multiline and ("\n" in text or "\t" in text):
        text = text.replace("\n", " ").replace("\t", " ")
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def clean_inline(text: str, *, multiline: bool = False) -> str:
    """One line of clean NFC text: no controls, no invisible or bidi characters, single spaces.

    With ``multiline`` newlines survive (runs of blank lines become one blank line).
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _strip_invisible(text, multiline=multiline)
    # str.split() splits on exactly the characters \s matches (str.isspace) and drops the ends,
    # so " ".join(x.split()) is "runs of whitespace to one space, stripped", without a regex
    # visiting every character from Python's matcher (the costliest step of a cold poll's parse).
    if not multiline:
        return " ".join(text.split())
    joined = "\n".join([" ".join(line.split()) for line in text.split("\n")])
    return _MANY_NEWLINES.sub("\n\n", joined).strip() if "\n\n\n" in joined else joined.strip()


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

"""HTML to plain text for every stage; the plain-text hygiene it ends with (invisible characters,
whitespace, truncation, the content hash) is ``bot.feeds.textclean``, re-exported here."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from lxml import etree

from bot.feeds.parsers import per_thread
from bot.feeds.textclean import (  # re-exported: the stages import them from here
    clean_block,
    clean_inline,
    content_hash,
    truncate_words,
)

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

_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


_BR = "\x0b"  # stands for a <br> until we know whether it ends a sentence (controls go later)
# A <br> inside a sentence ("nicht ganz billig,<br>dafür …") is a wrapped line, not a break:
# the line before ends without sentence punctuation and the next one goes on in lower case.
_JOINS_AFTER = ",;-–—"  # beside the word characters (_is_word)
_BR_SPACE = " \t"


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # the pattern \w


def _joined_brs(text: str) -> str:
    """Each _BR between a word character (or , ; - – —) and a word character, with the spaces
    and tabs around it, made one space when the next word starts in lower case, else a line
    break; other _BRs stay. Read piece by piece between the markers: as a pattern (opened on
    a lookbehind for the character before) it was tried at every character of the text."""
    pieces = text.split(_BR)
    parts = [pieces[0]]
    for piece in pieces[1:]:
        before = parts[-1].rstrip(_BR_SPACE)
        after = piece.lstrip(_BR_SPACE)
        if (before and after and (_is_word(before[-1]) or before[-1] in _JOINS_AFTER)
                and _is_word(after[0])):
            parts[-1] = before  # caseless scripts (Hangul, kana): keep the break
            parts += (" " if after[0].islower() else "\n", after)
        else:
            parts += (_BR, piece)
    return "".join(parts)


# one lxml parser per thread, so the poll's workers parse at once: bot.feeds.parsers
_parser = per_thread(lambda: etree.HTMLParser(encoding="utf-8", recover=True, no_network=True,
                                              remove_comments=True, remove_pis=True,
                                              default_doctype=False))


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
            if tag == "pre" and tag not in skip:  # a skipped <pre> was never counted in
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
    # here: clean_block collapses every run of spaces, and _joined_brs reads any number of them;
    # str.replace is a memchr scan where a regex visits every character.
    text = (joined.replace("\n", " ").replace("\t", " ").replace("\r", " ")
            .replace("\f", " "))
    if _BR in text:
        text = _joined_brs(text)
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

"""Plain-text hygiene without HTML: invisible-character removal, whitespace, truncation and
the content hash. Apart from ``bot.feeds.html`` (which re-exports it) so that what cleans a
chat command's arguments does not load lxml."""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["clean_block", "clean_inline", "content_hash", "truncate_words", "without_surrogates"]

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
# A lone surrogate (a JSON "\ud800" escape) cannot be encoded as UTF-8: every hash and store
# key of the text would raise. It becomes U+FFFD, as a bad character reference does.
_SURROGATE = re.compile("[\ud800-\udfff]")
# Every character the tables above change, except newline and tab (handled per mode).
_STRIPPED = re.compile("[" + "".join(
    re.escape(chr(cp)) for cp in sorted({*_INVISIBLE, *_LINE_SEPARATORS, *_CONTROLS_INLINE})
    if chr(cp) not in "\n\t") + "\ud800-\udfff]")
# "\n{3,}" has no literal prefix, so it was tried at every character of a long text; this
# one skips to each "\n\n" (the same matches).
_MANY_NEWLINES = re.compile(r"\n\n\n+")
_SPACES = re.compile("  +")
_ODD_SPACE = re.compile(r"[^\S \n]")  # whitespace str.split() splits on, but space and newline
_TRAILING_PUNCT = ",;:-–—·/([{"


def _strip_invisible(text: str, *, multiline: bool) -> str:
    # str.translate with a dict costs a lookup per character; most text has nothing to remove,
    # and one regex scan (in C) says so.
    found = _STRIPPED.search(text)
    if found is not None:
        table = _CONTROLS_MULTILINE if multiline else _CONTROLS_INLINE
        text = text.translate(_LINE_SEPARATORS).translate(_INVISIBLE).translate(table)
        text = without_surrogates(text)
    elif not multiline and ("\n" in text or "\t" in text):
        text = text.replace("\n", " ").replace("\t", " ")
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate made U+FFFD, so that it encodes as UTF-8."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def _clean_block_already(text: str) -> bool:
    """Whether clean_block would return ``text`` as it is: lines without runs of spaces or
    spaces at their ends, at most one blank line, no whitespace but space and newline, nothing
    invisible, NFC. Each test is one scan in C; what a cold poll cleans twice (clean_article's
    result, content_hash of a text) passes them all and skips splitting into words."""
    return ("  " not in text and " \n" not in text and "\n " not in text
            and "\n\n\n" not in text and not text[0].isspace() and not text[-1].isspace()
            and _nothing_odd(text)
            and (text.isascii() or unicodedata.is_normalized("NFC", text)))


def _nothing_odd(text: str) -> bool:
    """Whether ``text`` holds no whitespace but space and newline and nothing _STRIPPED takes.

    Every such character is a control, format or separator character, which str.isprintable
    rejects (as it does a newline: made a space first): one table lookup a character where the
    two patterns cost about four times as much on a long article. Only a text it rejects (it
    also rejects private-use and unassigned characters) is searched with the patterns."""
    if text.replace("\n", " ").isprintable():
        return True
    return _ODD_SPACE.search(text) is None and _STRIPPED.search(text) is None


def clean_inline(text: str, *, multiline: bool = False) -> str:
    """One line of clean NFC text: no controls, no invisible or bidi characters, single spaces.

    With ``multiline`` newlines survive (runs of blank lines become one blank line).
    """
    if not text:
        return ""
    if _clean_block_already(text):
        # on one line, each line break (a blank line: two) is one space
        return text if multiline else text.replace("\n\n", "\n").replace("\n", " ")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if multiline and (spaced := _only_spaces_and_newlines(text)) is not None:
        return _collapsed_lines(spaced)
    text = _strip_invisible(text, multiline=multiline)
    # str.split() splits on exactly the characters \s matches (str.isspace) and drops the ends,
    # so " ".join(x.split()) is "runs of whitespace to one space, stripped", without a regex
    # visiting every character from Python's matcher (the costliest step of a cold poll's parse).
    if not multiline:
        return " ".join(text.split())
    joined = "\n".join([" ".join(line.split()) for line in text.split("\n")])
    return _MANY_NEWLINES.sub("\n\n", joined).strip() if "\n\n\n" in joined else joined.strip()


def _only_spaces_and_newlines(text: str) -> str | None:
    """``text`` NFC with its tabs and no-break spaces made spaces, when then nothing in it is
    whitespace but space and newline and nothing is for _strip_invisible to take (all that
    str.isprintable rejects; see _nothing_odd); else None. A tab or no-break space is
    whitespace to str.split as a space is, so each line splits into the same words."""
    spaced = text.replace("\t", " ").replace("\xa0", " ")
    if not spaced.replace("\n", " ").isprintable():
        return None
    if spaced.isascii() or unicodedata.is_normalized("NFC", spaced):
        return spaced
    return unicodedata.normalize("NFC", spaced)


def _collapsed_lines(text: str) -> str:
    """What the line-by-line cleaning (each line's words joined by single spaces, runs of blank
    lines made one, the whole stripped) gives for a text whose only whitespace is space and
    newline, in a few scans in C: splitting made a string of every word of a long article."""
    if "  " in text:
        text = _SPACES.sub(" ", text)
    text = text.replace(" \n", "\n").replace("\n ", "\n")
    if "\n\n\n" in text:
        text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()


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

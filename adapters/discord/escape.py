"""Neutralising feed text for Discord: markdown, mentions, link spoofing; word-boundary trims."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from bot.redact import shown_link

ZWSP = "\u200b"

# Discord's markdown (simple-markdown) treats a backslash before any ASCII punctuation as an
# escape, so escaping more than strictly needed is invisible to readers and safe.
_MARKDOWN = re.compile(r"([\\*_~`|>#\[\]()<])")
# list markers ("- ", "+ ", "1. ") only mean something at the start of a line
_LIST = re.compile(r"^(\s*)([-+]|\d+\.)(?=\s|$)", re.MULTILINE)
# @everyone / @here, user/role mentions (<@id>, <@!id>, <@&id>), channel (<#id>) and command
# mentions (</name:id>): a zero-width space after the sigil stops the client from parsing them.
_AT_WORDS = re.compile(r"@(?=(everyone|here)\b)", re.IGNORECASE)
_ANGLE_SIGILS = re.compile(r"<(?=\\?[@#/])")
# Bare URLs in text become clickable; only the article's own URL may be a link, so every
# scheme separator in feed text gets a zero-width space: "https:\u200b//" is not linked.
_SCHEME = re.compile(r"(?<=[A-Za-z]):(?=//)")
# What a live mention looks like to Discord's client; used by checks and tests.
LIVE_MENTION = re.compile(r"@(everyone|here)\b|<@[!&]?\d+>|<#\d+>|</[\w\- ]+:\d+>", re.IGNORECASE)
_MASKED_LINK = re.compile(r"(?<!\\)\[(?:[^\]]|\\\])*(?<!\\)\]\(<?([^)>\s]*)")


def neutralise_mentions(text: str) -> str:
    """Mentions only, for places where markdown does not render (footer, author, content)."""
    text = _AT_WORDS.sub("@" + ZWSP, text)
    text = _ANGLE_SIGILS.sub("<" + ZWSP, text)
    # escape_mentions in discord.py also breaks bare "@123456789012345678" forms
    return re.sub(r"@(?=[!&]?\d{17,20})", "@" + ZWSP, text)


def escape_text(text: str) -> str:
    """Feed text for a field that renders markdown: no formatting, no mentions, no links."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _MARKDOWN.sub(r"\\\1", text)
    # a backslash before a digit is no escape, so "1." becomes "1\." rather than "\1."
    text = _LIST.sub(lambda m: m.group(1) + (m.group(2)[:-1] + "\\." if m.group(2)[-1] == "."
                                            else "\\" + m.group(2)), text)
    text = _SCHEME.sub(":" + ZWSP, text)
    return neutralise_mentions(text)


def escape_inline(text: str) -> str:
    """Like :func:`escape_text`, for single-line places (titles, field names)."""
    return escape_text(" ".join(text.split()))


def safe_url(url: str | None) -> str | None:
    """The article's URL if it is an absolute http(s) URL Discord will accept, else None;
    without user info or credential-like query values (bot.redact.shown_link)."""
    if not url:
        return None
    url = shown_link(url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    # percent-encode what would end a markdown link target or break the URI grammar
    url = quote(url, safe=":/?#[]@!$&'*+,;=%~-._")
    return url if len(url) <= 2048 else None


def trim_words(text: str, limit: int, ellipsis: str = "…") -> str:
    """``text`` if it fits in ``limit`` characters, else cut at a word boundary with an ellipsis.

    Discord strips leading/trailing whitespace before counting, so we do too."""
    text = text.strip()
    if len(text) <= limit:
        return text
    room = limit - len(ellipsis)
    if room <= 0:  # no room for a word: the ellipsis, or as much of it as fits
        return ellipsis[:max(0, limit)]
    cut = text[:room]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    # a word longer than half the room (a URL, a Korean run without spaces) is cut hard
    if not text[room].isspace() and space >= room // 2:
        cut = cut[:space]
    cut = cut.rstrip()
    # never leave a dangling escape or a half zero-width-space sequence at the cut
    while cut.endswith(("\\", "<", "@")):
        cut = cut[:-1]
    return cut + ellipsis


def live_mentions(text: str) -> list[str]:
    """The live mentions Discord would parse in ``text`` (should be none)."""
    return [m.group(0) for m in LIVE_MENTION.finditer(text)]


def link_targets(text: str) -> list[str]:
    """Targets of the masked links (``[text](url)``) Discord would render in ``text``."""
    return [m.group(1) for m in _MASKED_LINK.finditer(text)]

"""Briefs and digests as Slack ``chat.postMessage`` bodies (Block Kit), inside Slack's limits."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from adapters.slack.escape import ELLIPSIS, chunks, clip, defuse_plain, escape_mrkdwn
from bot.delivery import Destination
from bot.delivery.render import (
    fill,
    frame,
    headline_of,
    labels_of,
    local_time,
    tag_line,
    written_by,
)
from bot.delivery.template import LINK_SLOT, Layout, place_link, stored_layout
from bot.models import Brief, Digest, Notice
from bot.redact import shown_link

Block = dict[str, Any]
Payload = dict[str, Any]

MAX_BLOCKS = 50
HEADER_MAX = 150
SECTION_MAX = 3000
CONTEXT_MAX = 2000  # a context element has no separate documented cap; stay well under 3000
# Slack refuses ~13.2k characters of blocks with msg_blocks_too_long; we measure the serialized
# blocks (structure included), which over-counts, so this leaves a comfortable margin.
MESSAGE_CHARS = 12_000
FALLBACK_MAX = 3000  # chat.postMessage advises ≤ 4000 for ``text``
TEMPLATED_MAX = 3 * SECTION_MAX  # a templated brief: three sections, well inside one message
EVENT_TYPE = "newsbrief_brief"


@dataclass(frozen=True, slots=True)
class RenderOptions:
    unfurl_links: bool = False  # the brief already is the preview; unfurls would double it
    unfurl_media: bool = False
    threaded_digests: bool = False  # digest as a parent summary with the briefs as replies


def channel_of(dest: Destination) -> str:
    """The channel id in ``slack:<team>/<channel>``."""
    return dest.address.rsplit("/", 1)[-1]


def blocks_size(blocks: list[Block]) -> int:
    return len(json.dumps(blocks, ensure_ascii=False))


def _mrkdwn(text: str) -> Block:
    # verbatim: no auto-linking of channel names or mentions; our own <url|host> still works
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def text_sections(escaped: str) -> list[Block]:
    return [{"type": "section", "text": _mrkdwn(piece)} for piece in chunks(escaped, SECTION_MAX)]


def _plain_sections(text: str) -> list[Block]:
    return [{"type": "section", "text": {"type": "plain_text", "text": piece, "emoji": False}}
            for piece in chunks(defuse_plain(text), SECTION_MAX)]


def _context(escaped: str) -> list[Block]:
    if len(escaped) <= CONTEXT_MAX:
        return [{"type": "context", "elements": [_mrkdwn(escaped)]}]
    return text_sections(escaped)  # too long for a context line: keep every word, as sections


def _header(text: str) -> list[Block]:
    """A header block; a headline over the limit is clipped there and given whole below it."""
    safe = defuse_plain(" ".join(text.split())) or "…"
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": clip(safe, HEADER_MAX)}}
    ]
    if len(safe) > HEADER_MAX:
        blocks += _plain_sections(text)
    return blocks


# The link as written (percent-encoded and escaped: a Hangul character becomes 9 characters,
# "&" becomes 5), so it always sits whole in one section beside ":link: ", and a templated
# brief cut around it keeps ~950 characters a section.
MAX_LINK = 2048


def safe_link(url: str | None) -> str | None:
    """``<url|host>`` for an http(s) URL, the label taken from the URL itself so feed text cannot
    dress a link up as something else, without user info or credential-like query values
    (bot.redact.shown_link); ``None`` for anything else."""
    if not url:
        return None
    url = shown_link(url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if len(url) > MAX_LINK:  # escaping only lengthens it: no need to encode a huge URL
        return None
    # keep the URL's meaning but make the characters that end or split a Slack link harmless
    target = quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")
    label = parts.hostname.removeprefix("www.")
    link = f"<{escape_mrkdwn(target)}|{escape_mrkdwn(label)}>"
    return link if len(link) <= MAX_LINK else None  # too long to sit whole in a section: drop it


def _template_literal(text: str) -> str:
    # the template's own words: escaped like feed text (no <!channel>, no <@U…>, no links),
    # and its **bold** (the templates' one markdown, Discord's) in Slack's *bold*
    return escape_mrkdwn(text).replace("**", "*")


def templated(brief: Brief, dest: Destination, layout: Layout) -> list[Block]:
    """``brief`` in a destination's template, as mrkdwn sections (Slack has no embed box, so
    both styles look alike here); the link is ``<url|host>``, every value escaped."""
    link = safe_link(brief.url) or ""
    text = fill(layout, brief, timezone=dest.timezone, locale=dest.locale, escape=escape_mrkdwn,
                has_link=bool(link), literal=_template_literal)
    # sections cut with room for the link, so <url|host> never straddles two of them
    room = SECTION_MAX - max(0, len(link) - len(LINK_SLOT))
    pieces = [place_link(piece, link) for piece in chunks(clip(text, TEMPLATED_MAX), room)]
    return [{"type": "section", "text": _mrkdwn(piece)} for piece in pieces if piece] or \
        text_sections(ELLIPSIS)


def brief_blocks(brief: Brief, dest: Destination, *, compact: bool = False) -> list[Block]:
    """One brief: headline (a header block, or bold text inside a digest), source and time,
    a section per point, tags and "also covered by", the link; or the destination's template."""
    layout = stored_layout(dest.template)
    if not layout.is_default:
        return templated(brief, dest, layout)
    words = frame(dest.locale)
    if compact:
        blocks = text_sections(f"*{escape_mrkdwn(headline_of(brief))}*")
    else:
        blocks = _header(headline_of(brief))
    meta = [part for part in (brief.source or "",
                              local_time(brief.published, dest.timezone, dest.locale)) if part]
    if brief.text_source == "article":
        meta.append(words.full_text)
    if brief.model:
        meta.append(written_by(brief, dest.locale))
    if meta:
        blocks += _context(escape_mrkdwn(" · ".join(meta)))
    # labels on every point or on none: never `*label*: …` beside `• …` in one list
    for point, label in zip(brief.points, labels_of(brief), strict=True):
        label = (label or "").replace("*", "").strip()
        body = escape_mrkdwn(point.text)
        blocks += text_sections(f"*{escape_mrkdwn(label)}*: {body}" if label else f"• {body}")
    tags = tag_line(brief, dest.locale)
    if tags:
        blocks += _context(escape_mrkdwn(tags))
    link = safe_link(brief.url)
    if link:
        blocks += text_sections(f":link: {link}")
    return blocks


def fallback_text(*lines: str) -> str:
    """The top-level ``text``: Slack parses it as mrkdwn, so it is always escaped. Escaped
    before it is clipped: "&" becomes "&amp;", so text clipped first could grow fivefold."""
    joined = " — ".join(" ".join(line.split()) for line in lines if line.strip())
    return clip(escape_mrkdwn(joined or "newsbrief"), FALLBACK_MAX)


def pack(groups: list[list[Block]], *, reserve: int = 1) -> list[list[Block]]:
    """Blocks into messages within the block count and size limits. A group (one brief) stays
    in one message unless it alone is too big; ``reserve`` blocks are left for a part marker."""
    limit_blocks = MAX_BLOCKS - reserve
    limit_chars = MESSAGE_CHARS - 200 * reserve
    messages: list[list[Block]] = [[]]

    def fits(current: list[Block], extra: list[Block]) -> bool:
        return (len(current) + len(extra) <= limit_blocks
                and blocks_size(current + extra) <= limit_chars)

    for group in groups:
        if fits(messages[-1], group):
            messages[-1] += group
            continue
        if messages[-1]:
            messages.append([])
        if fits(messages[-1], group):
            messages[-1] += group
            continue
        for block in group:  # a single oversized group: split it at block boundaries
            if not fits(messages[-1], [block]):
                messages.append([])
            messages[-1].append(block)
    return [message for message in messages if message]


def _payloads(dest: Destination, messages: list[list[Block]], fallback: str,
              options: RenderOptions, key: str | None) -> list[Payload]:
    total = len(messages)
    payloads = []
    for index, blocks in enumerate(messages):
        text = fallback
        if total > 1:
            marker = f"({index + 1}/{total})"
            blocks = [*blocks, {"type": "context", "elements": [_mrkdwn(marker)]}]
            text = f"{fallback} {marker}" if index == 0 else f"{marker} {fallback}"
        payload: Payload = {
            "channel": channel_of(dest),
            "text": text,
            "blocks": blocks,
            "unfurl_links": options.unfurl_links,
            "unfurl_media": options.unfurl_media,
        }
        if key is not None:
            payload["metadata"] = {"event_type": EVENT_TYPE,
                                   "event_payload": {"key": key, "part": index}}
        payloads.append(payload)
    return payloads


def render_brief_payloads(brief: Brief, dest: Destination, *, key: str | None = None,
                          options: RenderOptions | None = None) -> list[Payload]:
    """The ``chat.postMessage`` bodies for one brief: normally one, more if feed text is huge."""
    options = options or RenderOptions()
    messages = pack([brief_blocks(brief, dest)])
    return _payloads(dest, messages, fallback_text(headline_of(brief)), options, key)


def render_notice_payloads(notice: Notice, dest: Destination, *, key: str | None = None,
                           options: RenderOptions | None = None) -> list[Payload]:
    """A notice as one message: its title as a header, its line below."""
    blocks = _header(notice.title) + text_sections(escape_mrkdwn(notice.text))
    return _payloads(dest, pack([blocks]), fallback_text(notice.title, notice.text),
                     options or RenderOptions(), key)


def _digest_intro(digest: Digest, dest: Destination) -> list[Block]:
    words = frame(dest.locale)
    blocks = _header(digest.title or words.digest_title)
    span = " – ".join(local_time(moment, dest.timezone, dest.locale)
                      for moment in (digest.period_start, digest.period_end))
    blocks += _context(escape_mrkdwn(span))
    if digest.why:
        blocks += _context(escape_mrkdwn(digest.why))
    if digest.note:
        blocks += text_sections(escape_mrkdwn(digest.note))
    if not any(section.briefs for section in digest.sections):
        blocks += text_sections(escape_mrkdwn(words.nothing_new))
    return blocks


def _section_groups(digest: Digest, dest: Destination) -> list[list[Block]]:
    groups: list[list[Block]] = []
    for section in digest.sections:
        if not section.briefs:
            continue
        title = _header(section.title)
        for position, brief in enumerate(section.briefs):
            # the section title travels with its first brief so it never ends a message alone
            lead = title if position == 0 else []
            groups.append([*lead, {"type": "divider"}, *brief_blocks(brief, dest, compact=True)])
    return groups


def render_digest_payloads(digest: Digest, dest: Destination, *, key: str | None = None,
                           options: RenderOptions | None = None) -> list[Payload]:
    """The ``chat.postMessage`` bodies for a digest, in order. Split into as many messages as the
    limits need; threaded, the first is the parent and the rest are replies (``thread_ts`` is
    filled in at send time)."""
    options = options or RenderOptions()
    intro = _digest_intro(digest, dest)
    groups = _section_groups(digest, dest)
    fallback = fallback_text(digest.title or frame(dest.locale).digest_title)
    if not options.threaded_digests or not groups:
        return _payloads(dest, pack([intro, *groups]), fallback, options, key)
    summary = [f"• {escape_mrkdwn(section.title)} ({len(section.briefs)})"
               for section in digest.sections if section.briefs]
    parent = intro + text_sections("\n".join(summary))
    return _payloads(dest, pack([parent]) + pack(groups), fallback, options, key)

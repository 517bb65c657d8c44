"""Briefs, digests and command replies as Discord message payloads (the exact JSON bodies sent)."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from adapters.discord import limits
from adapters.discord.escape import (
    escape_inline,
    escape_text,
    neutralise_mentions,
    safe_url,
    trim_words,
)
from bot.delivery import CommandReply, Destination
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

Payload = dict[str, Any]

COLOR = 0x3B82F6
_MARKER = re.compile(r"\bref (nb[0-9a-f]{22})\b")
_MENTION_RESERVE = 32  # content room for "<@&role id>\n", which mentions.py puts first
_SUBTEXT = "-# "  # Discord's small grey line: where a plain-text message carries its ref marker
# Room kept in every message for the part footer ("title · 2/3" and the ref marker).
_FOOTER_RESERVE = 120
_BLOCK_MAX = 3000
# Caps that keep title + meta + 25 labels + tags well under 6,000, leaving room for the points.
_LABEL_MAX = 100
_TAGS_MAX = 1000  # one brief inside a digest; leaves room for a section title and footer


def nonce_for(key: str, part: int = 0) -> str:
    """A deterministic Discord nonce (24 chars ≤ 25) for part ``part`` of outbox row ``key``."""
    return "nb" + hashlib.sha256(f"{key}#{part}".encode()).hexdigest()[:22]


def marker_for(key: str, part: int = 0) -> str:
    """The footer marker by which a posted message is found again after a crash."""
    return f"ref {nonce_for(key, part)}"


def find_marker(message: dict[str, Any]) -> str | None:
    """The nonce named by the ref marker in a message's embed footers, if any."""
    for embed in message.get("embeds") or []:
        found = _MARKER.search((embed.get("footer") or {}).get("text") or "")
        if found:
            return found.group(1)
    # a plain-text layout has no embed: its marker is its last line
    last = (message.get("content") or "").rsplit("\n", 1)[-1]
    found = _MARKER.fullmatch(last.removeprefix(_SUBTEXT))
    return found.group(1) if found else None


def _meta(brief: Brief, dest: Destination) -> str:
    parts = [
        escape_inline(trim_words(brief.source or "", 200)),
        escape_text(local_time(brief.published, dest.timezone, dest.locale)),
    ]
    if brief.text_source == "article":
        parts.append(escape_text(frame(dest.locale).full_text))
    parts.append(escape_text(written_by(brief, dest.locale)))
    meta = " · ".join(p for p in parts if p)
    return f"*{meta}*" if meta else ""


def _footer(text: str, marker: str | None) -> dict[str, str] | None:
    # footers render no markdown, so only mentions are neutralised there
    text = neutralise_mentions(text)
    if marker:
        text = trim_words(text, limits.FOOTER - len(marker) - 1)
        text = f"{text}\n{marker}" if text else marker
    else:
        text = trim_words(text, limits.FOOTER)
    return {"text": text} if text else None


def templated(brief: Brief, dest: Destination, layout: Layout, limit: int) -> str:
    """``brief`` in a destination's template: every value escaped as feed text, the template's
    own words with mentions made inert, then the whole once more (a "@" in the template and
    "everyone" in a headline must not meet as a ping); cut at a word to ``limit``. The link
    stands in as a NUL-marked slot during that pass (it would put a zero-width space inside a
    URL with "@" and digits) and goes in whole, or not at all, at the end."""
    url = safe_url(brief.url) or ""
    if len(url) > limit // 2:  # the link would crowd out the brief (or leave no room at all)
        url = ""
    text = fill(layout, brief, timezone=dest.timezone, locale=dest.locale, escape=escape_text,
                has_link=bool(url), literal=neutralise_mentions)
    room = limit - max(0, len(url) - len(LINK_SLOT))  # a template names the link at most once
    return place_link(trim_words(neutralise_mentions(text), room), url) or "…"


def brief_embed(brief: Brief, dest: Destination, *, marker: str | None = None) -> Payload:
    """One brief as a rich embed: linked title, source and local time, the points, tags.

    Labelled points are fields named by their key phrase; a brief without labels has its
    points as bullets in the description (a field must have a name, and "•" is not one).
    A destination with its own template gets that, in the description."""
    layout = stored_layout(dest.template)
    if not layout.is_default:
        box: Payload = {"type": "rich", "color": COLOR,
                        "description": templated(brief, dest, layout, limits.DESCRIPTION)}
        footer = _footer("", marker)
        if footer:
            box["footer"] = footer
        return box
    embed: Payload = {
        "type": "rich",
        "title": trim_words(escape_inline(headline_of(brief)), limits.TITLE) or "…",
        "color": COLOR,
    }
    url = safe_url(brief.url)
    if url:
        embed["url"] = url
    meta = _meta(brief, dest)
    footer = _footer(trim_words(tag_line(brief, dest.locale), _TAGS_MAX), marker)
    if footer:
        embed["footer"] = footer
    points = brief.points[: limits.FIELDS]
    labels = labels_of(brief)[: limits.FIELDS]
    if not points or labels[0] is None:
        bullets = [f"• {escape_text(p.text)}" for p in points]
        room = limits.DESCRIPTION - len(meta) - 2
        per_point = max(16, room // max(1, len(bullets)) - 1)
        body = "\n".join(trim_words(b, per_point) for b in bullets)
        description = "\n\n".join(part for part in (meta, body) if part)
        if description:
            embed["description"] = trim_words(description, limits.DESCRIPTION)
        return embed
    if meta:
        embed["description"] = trim_words(meta, limits.DESCRIPTION)
    names = [trim_words(escape_inline(label or ""), _LABEL_MAX) or "…" for label in labels]
    fixed = limits.embed_size(embed) + sum(len(n) for n in names)
    # an embed must fit the 6,000 total on its own: share what is left among the points
    per_point = max(16, min(limits.FIELD_VALUE, (limits.TOTAL - fixed) // max(1, len(points))))
    embed["fields"] = [
        {"name": name, "value": trim_words(escape_text(p.text), per_point) or "…",
         "inline": False}
        for name, p in zip(names, points, strict=True)
    ]
    return embed


def _message(embeds: list[Payload], content: str | None = None) -> Payload:
    payload: Payload = {}
    if content:
        payload["content"] = content
    payload["embeds"] = embeds
    payload["allowed_mentions"] = dict(limits.NO_MENTIONS)
    return payload


def render_brief_payloads(brief: Brief, dest: Destination, *, key: str | None = None
                          ) -> list[Payload]:
    """The message body that posts ``brief`` to ``dest`` (one message; a list like digests)."""
    marker = marker_for(key) if key else None
    layout = stored_layout(dest.template)
    if layout.style == "text" and not layout.is_default:
        tail = f"\n{_SUBTEXT}{marker}" if marker else ""
        room = limits.CONTENT - len(tail) - _MENTION_RESERVE
        return [_message([], templated(brief, dest, layout, room) + tail)]
    return [_message([brief_embed(brief, dest, marker=marker)])]


def _digest_block(brief: Brief, dest: Destination) -> str:
    layout = stored_layout(dest.template)
    if not layout.is_default:
        return templated(brief, dest, layout, _BLOCK_MAX)
    headline = trim_words(escape_inline(headline_of(brief)), limits.TITLE) or "…"
    url = safe_url(brief.url)
    # the article's own URL is the only link we ever write; ")" is percent-encoded by safe_url
    lines = [f"**[{headline}]({url})**" if url else f"**{headline}**"]
    meta = _meta(brief, dest)
    if meta:
        lines.append(meta)
    tags = escape_text(tag_line(brief, dest.locale))
    fixed = sum(len(x) + 1 for x in lines) + len(tags) + 1
    per_point = max(80, (_BLOCK_MAX - fixed) // max(1, len(brief.points)))
    for point, label in zip(brief.points, labels_of(brief), strict=True):
        label = f"**{escape_inline(label)}**: " if label else ""
        lines.append(trim_words(f"• {label}{escape_text(point.text)}", per_point))
    if tags:
        lines.append(trim_words(tags, 500))
    return trim_words("\n".join(lines), _BLOCK_MAX)


def render_digest_payloads(digest: Digest, dest: Destination, *, key: str | None = None
                           ) -> list[Payload]:
    """A digest as ordered messages within every limit; nothing is dropped, it splits instead."""
    title = trim_words(escape_inline(digest.title), 200)
    when = escape_text(local_time(digest.period_end, dest.timezone, dest.locale))
    content = f"**{title}**" + (f" · {when}" if when else "")
    for line in (digest.why, digest.note):
        if line:
            content += "\n" + trim_words(escape_text(line), limits.CONTENT - len(content) - 1)

    budget = limits.TOTAL - _FOOTER_RESERVE
    messages: list[list[Payload]] = [[]]
    current: Payload | None = None
    section_of: dict[int, str] = {}
    for section in digest.sections:
        sec_title = trim_words(escape_inline(section.title), 200) or "…"
        for brief in section.briefs:
            block = _digest_block(brief, dest)
            used = sum(limits.embed_size(e) for e in messages[-1])
            if (current is not None and section_of.get(id(current)) == sec_title
                    and len(current["description"]) + 2 + len(block) <= limits.DESCRIPTION
                    and used + 2 + len(block) <= budget):
                current["description"] += "\n\n" + block
                continue
            continued = current is not None and section_of.get(id(current)) == sec_title
            embed_title = trim_words(sec_title + (" (…)" if continued else ""), limits.TITLE)
            if len(messages[-1]) >= limits.EMBEDS or used + len(embed_title) + len(block) > budget:
                messages.append([])
            current = {"type": "rich", "title": embed_title, "description": block,
                       "color": COLOR}
            section_of[id(current)] = sec_title
            messages[-1].append(current)
    if not messages[-1]:
        # an empty period: one message saying so, still carrying the ref marker in an embed
        messages[-1].append({"type": "rich", "color": COLOR,
                             "description": escape_text(frame(dest.locale).nothing_new)})

    total = len(messages)
    payloads = []
    for part, embeds in enumerate(messages):
        label = trim_words(title, 60) + (f" · {part + 1}/{total}" if total > 1 else "")
        footer = _footer(label, marker_for(key, part) if key else None)
        if footer:
            embeds[-1]["footer"] = footer
        payloads.append(_message(embeds, content if part == 0 else None))
    return payloads


def render_notice_payloads(notice: Notice, dest: Destination, *, key: str | None = None
                           ) -> list[Payload]:
    """A notice as one embed (its title and its line), the ref marker in the footer so that a
    crash mid-send is reconciled like any post."""
    embed: Payload = {"type": "rich", "color": COLOR,
                      "title": trim_words(escape_inline(notice.title), limits.TITLE) or "…",
                      "description": trim_words(escape_text(notice.text), limits.DESCRIPTION)}
    footer = _footer("", marker_for(key) if key else None)
    if footer:
        embed["footer"] = footer
    return [_message([embed])]


def _split_text(text: str, limit: int) -> list[str]:
    """Split reply text into chunks of at most ``limit`` chars, at line breaks where possible."""
    chunks: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit)
        if cut < limit // 2:
            cut = rest.rfind(" ", 0, limit)
        if cut < limit // 2:
            cut = limit
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].strip()
    if rest:
        chunks.append(rest)
    return chunks


def render_reply_payloads(reply: CommandReply, dest: Destination) -> list[Payload]:
    """A command reply: its text (split, never cut) then its briefs, packed into messages."""
    chunks = _split_text(neutralise_mentions(reply.text), limits.CONTENT)
    embeds = [brief_embed(b, dest) for b in reply.briefs]
    payloads: list[Payload] = [_message([], c) for c in chunks]
    if not payloads:
        payloads.append(_message([], None))
    for embed in embeds:
        last = payloads[-1]
        used = sum(limits.embed_size(e) for e in last["embeds"])
        if len(last["embeds"]) >= limits.EMBEDS or used + limits.embed_size(embed) > limits.TOTAL:
            payloads.append(_message([]))
            last = payloads[-1]
        last["embeds"].append(embed)
    return [p for p in payloads if p.get("content") or p["embeds"]] or [_message([], "✓")]

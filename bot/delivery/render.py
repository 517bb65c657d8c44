"""Platform-neutral rendering of briefs and digests: plain text and markdown, and the localized
frame (dates, "also covered by") that every adapter shares."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.delivery.template import LINK_SLOT, Layout, Values, place_link, render
from bot.i18n import N_, choose, translate
from bot.models import Brief, Digest, Notice
from bot.redact import shown_link


@dataclass(frozen=True, slots=True)
class Frame:
    also_covered_by: str
    digest_title: str
    nothing_new: str
    full_text: str  # marks a brief written from the article page rather than the feed text
    updated: str  # leads an update reply: "Updated: <what changed>"
    more: str  # after a digest's top stories: how many more, and the command that shows them
    written_by: str  # names the model that wrote a brief's points: "summary by {model}"


_FRAME = (N_("also covered by"), N_("Daily brief"), N_("Nothing new in this period."),
          N_("full article"), N_("Updated"), N_("{n} more in this period: /digest more{page}"),
          N_("summary by {model}"))


def written_by(brief: Brief, locale: str) -> str:
    """Which model wrote the points ("summary by gpt-4o-mini"); empty for an extractive brief."""
    return frame(locale).written_by.format(model=brief.model) if brief.model else ""


def frame(locale: str) -> Frame:
    """The frame strings for a locale like ``ko`` or ``ko-KR``, from the message catalogues;
    English when there is no catalogue for it."""
    lang = choose(locale)
    return Frame(*(translate(message, lang) for message in _FRAME))


def local_time(moment: datetime | None, timezone: str = "UTC", locale: str = "en") -> str:
    """A timestamp in the destination's timezone, in the locale's usual order."""
    if moment is None:
        return ""
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    local = moment.astimezone(zone)
    if locale.lower().startswith("ko"):
        return local.strftime("%Y년 %m월 %d일 %H:%M ") + (local.tzname() or "")
    return local.strftime("%Y-%m-%d %H:%M ") + (local.tzname() or "")


def headline_of(brief: Brief) -> str:
    """The headline to show: a brief without one (an untitled feed item) takes its first
    point's key phrase, then the feed's title, then the opening of its first point."""
    for candidate in (brief.headline, *(p.label or "" for p in brief.points[:1]),
                      brief.source or "", *(p.text for p in brief.points[:1])):
        line = " ".join(candidate.split())
        if line:
            return line  # each adapter clips to its own title limit
    return ""


def labels_of(brief: Brief) -> list[str | None]:
    """Each point's key phrase, or None for all of them: labels on every point or on none, so
    that a list never mixes "label: text" with bare bullets."""
    labels = [" ".join((p.label or "").split()) for p in brief.points]
    if labels and all(labels):
        return list(labels)
    return [None] * len(labels)


def tag_line(brief: Brief, locale: str = "en") -> str:
    """The line under a brief's points: its tags and who else covered it, then on a line of
    its own the destination's opt-in "Sent because …" footer (``Brief.why``)."""
    parts = []
    if brief.tags:
        parts.append(" ".join(f"#{tag}" for tag in brief.tags))
    if brief.also_covered_by:
        parts.append(f"{frame(locale).also_covered_by}: {', '.join(brief.also_covered_by)}")
    return "\n".join(line for line in ("   ·   ".join(parts), brief.why or "") if line)


@dataclass(frozen=True, slots=True)
class Parts:
    """A brief's parts as plain text, before any platform's escaping: what a template names
    (bot.delivery.template). The core decides them; each adapter escapes and lays them out."""

    headline: str
    source: str
    time: str
    meta: str  # source · time · full article · summary by model, as the default layout shows
    tags: str  # "#a #b"
    also: str  # "also covered by: A, B"
    why: str  # the opt-in "Sent because …" footer, "" when the destination did not ask for it
    link: str
    points: list[tuple[str, str]]  # (label or "", text)

    def scalars(self) -> dict[str, str]:
        return {"headline": self.headline, "source": self.source, "time": self.time,
                "meta": self.meta, "tags": self.tags, "also": self.also, "why": self.why,
                "link": self.link}


def parts_of(brief: Brief, *, timezone: str = "UTC", locale: str = "en") -> Parts:
    words = frame(locale)
    time = local_time(brief.published, timezone, locale)
    meta = [part for part in (brief.source or "", time) if part]
    if brief.text_source == "article":
        meta.append(words.full_text)
    if brief.model:
        meta.append(written_by(brief, locale))
    also = (f"{words.also_covered_by}: {', '.join(brief.also_covered_by)}"
            if brief.also_covered_by else "")
    return Parts(
        headline=headline_of(brief), source=" ".join((brief.source or "").split()), time=time,
        meta=" · ".join(meta), tags=" ".join(f"#{tag}" for tag in brief.tags), also=also,
        why=brief.why or "", link=shown_link(brief.url) if brief.url else "",
        points=[(label or "", point.text)
                for point, label in zip(brief.points, labels_of(brief), strict=True)])


def brief_text(brief: Brief, *, timezone: str = "UTC", locale: str = "en",
               markdown: bool = False) -> str:
    """The brief in the DESIGN.md layout, as plain text or markdown."""
    headline = headline_of(brief)
    lines = [f"**{headline}**" if markdown else headline]
    meta = " · ".join(
        part for part in (brief.source or "", local_time(brief.published, timezone, locale)) if part
    )
    if brief.text_source == "article":
        meta = f"{meta} · {frame(locale).full_text}" if meta else frame(locale).full_text
    if brief.model:
        meta = " · ".join(part for part in (meta, written_by(brief, locale)) if part)
    if meta:
        lines.append(f"_{meta}_" if markdown else meta)
    for point, label in zip(brief.points, labels_of(brief), strict=True):
        if label:
            lines.append(f"• **{label}**: {point.text}" if markdown else f"• {label}: {point.text}")
        else:
            lines.append(f"• {point.text}")
    tags = tag_line(brief, locale)
    if tags:
        lines.append(tags)
    link = shown_link(brief.url) if brief.url else ""
    if link:
        lines.append(link)
    return "\n".join(lines)


def fill(layout: Layout, brief: Brief, *, timezone: str, locale: str,
         escape: Callable[[str], str], has_link: bool, literal: Callable[[str], str]) -> str:
    """A brief in a custom layout, as one platform writes it: every part through ``escape``
    (its feed-text escaping), the template's own words through ``literal``, and where the
    link goes (``has_link``: the platform has a safe one) the slot that ``place_link`` fills
    once the platform has escaped and cut the rest."""
    def clean(text: str) -> str:
        return text.replace("\0", "")

    parts = parts_of(brief, timezone=timezone, locale=locale)
    scalars = {name: escape(clean(value)) for name, value in parts.scalars().items()}
    scalars["link"] = LINK_SLOT if has_link else ""
    points = [{"n": str(n), "label": escape(clean(label)), "text": escape(clean(text))}
              for n, (label, text) in enumerate(parts.points, start=1)]
    text = render(layout.body, Values(scalars, points, literal=lambda text: literal(clean(text))))
    if parts.why and scalars["why"] not in text:
        # the destination asked for the footer: a template that does not show it (no {why},
        # or {why} in a section that did not render) still ends with it, on its own line (a
        # compact one-liner gains one line, as the issue asks)
        text = f"{text}\n{scalars['why']}"
    return text


def templated_text(brief: Brief, layout: Layout, *, timezone: str = "UTC",
                   locale: str = "en") -> str:
    """The brief in a destination's layout as plain text, unescaped: the dashboard's preview
    (which escapes for HTML) and the console. The default layout is :func:`brief_text`."""
    if layout.is_default:
        return brief_text(brief, timezone=timezone, locale=locale)
    link = shown_link(brief.url) if brief.url else ""
    return place_link(fill(layout, brief, timezone=timezone, locale=locale, escape=str,
                           has_link=bool(link), literal=str), link)


def notice_text(notice: Notice) -> str:
    """A notice as plain text: its title, then its line."""
    return f"{notice.title}\n{notice.text}"


def digest_text(digest: Digest, *, timezone: str = "UTC", locale: str = "en") -> str:
    lines = [digest.title]
    if digest.why:
        lines.append(digest.why)
    if digest.note:
        lines.append(digest.note)
    for section in digest.sections:
        lines.append("")
        lines.append(f"## {section.title}")
        for brief in section.briefs:
            lines.append("")
            lines.append(brief_text(brief, timezone=timezone, locale=locale))
    return "\n".join(lines)

"""Sample briefs for rendering tests: hostile text, Korean text, ``make_brief`` and
``markdown_texts``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.models import Brief, Point

HOSTILE = ("@everyone @here <@&123456789012345678> <@!123456789012345678> <#123456789012345678> "
           "[click me](https://evil.example/phish) **bold** `code` ||spoiler|| > quote\n# Header\n"
           "- list https://evil.example/bare </ban:123456789012345678> @EveryOne")


KOREAN = "정부는 오늘 반도체 산업 지원을 위한 새로운 정책을 발표했다. " * 40


def make_brief(headline: str = "Headline", *, points: list[str] | None = None,
               url: str | None = "https://news.example/a?id=1", source: str = "Example News",
               labels: bool = True, tags: list[str] | None = None) -> Brief:
    texts = points if points is not None else ["First point.", "Second point.", "Third point."]
    return Brief(
        headline=headline,
        points=[Point(t, label=f"Label {i}" if labels else None) for i, t in enumerate(texts)],
        tags=tags if tags is not None else ["ai", "chips"],
        url=url, lang="en", source=source,
        published=datetime(2026, 3, 8, 23, 30, tzinfo=UTC),
        also_covered_by=["Other Wire", "@everyone Times"])


def markdown_texts(payload: dict[str, Any]) -> list[str]:
    """The parts of a message where Discord renders markdown."""
    texts = [payload.get("content") or ""]
    for embed in payload["embeds"]:
        texts += [embed.get("title") or "", embed.get("description") or ""]
        texts += [f["name"] + "\n" + f["value"] for f in embed.get("fields") or []]
    return texts

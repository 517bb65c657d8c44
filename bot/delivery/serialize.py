"""JSON forms of briefs and digests: the outbox's ``digest`` column, webhook bodies and
``newsbrief brief --format json``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from bot.models import Brief, Digest, DigestSection, Notice, Point
from bot.redact import shown_link


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment is not None else None


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def brief_to_dict(brief: Brief, *, shown: bool = False) -> dict[str, Any]:
    """``shown``: for a reader (a webhook receiver, ``brief --format json``), so the link has
    no user info or credential-like query values; the stored form keeps the URL as fetched."""
    return {
        "headline": brief.headline,
        "points": [{"text": p.text, "label": p.label} for p in brief.points],
        "tags": list(brief.tags),
        "url": shown_link(brief.url) if shown and brief.url else brief.url,
        "lang": brief.lang, "source": brief.source,
        "published": _iso(brief.published), "text_source": brief.text_source,
        "also_covered_by": list(brief.also_covered_by),
        **({"model": brief.model} if brief.model else {}),
        **({"why": brief.why} if brief.why else {}),
    }


def brief_from_dict(data: Mapping[str, Any]) -> Brief:
    return Brief(
        headline=data["headline"],
        points=[Point(text=p["text"], label=p.get("label")) for p in data["points"]],
        tags=list(data.get("tags", [])), url=data.get("url"), lang=data.get("lang", "en"),
        source=data.get("source"), published=_dt(data.get("published")),
        text_source=data.get("text_source", "feed"),
        also_covered_by=list(data.get("also_covered_by", [])), model=data.get("model"),
        why=data.get("why"),
    )


def digest_to_json(digest: Digest, *, shown: bool = False) -> dict[str, Any]:
    """A JSON-ready dict (what the ``outbox.digest`` column stores; ``shown`` as for
    ``brief_to_dict``)."""
    return {
        "title": digest.title,
        "period_start": _iso(digest.period_start), "period_end": _iso(digest.period_end),
        "sections": [{"title": s.title, "briefs": [brief_to_dict(b, shown=shown) for b in s.briefs]}
                     for s in digest.sections],
        "note": digest.note,
        **({"why": digest.why} if digest.why else {}),
    }


def notice_to_json(notice: Notice) -> dict[str, Any]:
    """A notice as the ``outbox.digest`` column stores it: tagged, so it is never read back as
    a digest (a digest's JSON has no ``kind``)."""
    return {"kind": "notice", "title": notice.title, "text": notice.text}


def outgoing_json_is_notice(data: Mapping[str, Any]) -> bool:
    return data.get("kind") == "notice"


def notice_from_json(data: Mapping[str, Any]) -> Notice:
    return Notice(title=str(data["title"]), text=str(data["text"]))


def digest_from_json(data: Mapping[str, Any]) -> Digest:
    start, end = _dt(data["period_start"]), _dt(data["period_end"])
    assert start is not None and end is not None
    return Digest(
        title=data["title"], period_start=start, period_end=end,
        sections=[DigestSection(title=s["title"], briefs=[brief_from_dict(b) for b in s["briefs"]])
                  for s in data["sections"]],
        note=data.get("note"), why=data.get("why"),
    )

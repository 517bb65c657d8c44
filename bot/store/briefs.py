"""Saving briefs and loading them back as ``Brief`` objects, with their story's other sources."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.models import Brief, Point
from bot.store.schema import briefs


async def save_brief(conn: AsyncConnection, *, entry_id: int, brief: Brief, now: datetime,
                     story_id: int | None = None) -> int:
    result = await conn.execute(insert(briefs).values(
        entry_id=entry_id,
        story_id=story_id,
        headline=brief.headline,
        points=[{"text": p.text, "label": p.label} for p in brief.points],
        tags=list(brief.tags),
        lang=brief.lang,
        text_source=brief.text_source,
        url=brief.url,
        source=brief.source,
        published_at=brief.published,
        created_at=now,
    ))
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def brief_from_row(row: Any, also: list[str] | None = None) -> Brief:
    return Brief(
        headline=row.headline,
        points=[Point(text=p["text"], label=p.get("label")) for p in row.points],
        tags=list(row.tags),
        url=row.url,
        lang=row.lang,
        source=row.source,
        published=row.published_at,
        text_source=row.text_source,
        also_covered_by=also or [],
    )


async def other_sources(conn: AsyncConnection, brief_id: int) -> list[str]:
    """Names of the other feeds that carried the same story, oldest first."""
    root = (await conn.execute(
        select(func.coalesce(briefs.c.story_id, briefs.c.id)).where(briefs.c.id == brief_id)
    )).scalar_one()
    rows = await conn.execute(
        select(briefs.c.source)
        .where(or_(briefs.c.id == root, briefs.c.story_id == root), briefs.c.id != brief_id)
        .order_by(briefs.c.id)
    )
    own = (await conn.execute(select(briefs.c.source).where(briefs.c.id == brief_id))).scalar()
    seen: list[str] = []
    for (source,) in rows:
        if source and source != own and source not in seen:
            seen.append(source)
    return seen


async def load_brief(conn: AsyncConnection, brief_id: int) -> Brief:
    row = (await conn.execute(select(briefs).where(briefs.c.id == brief_id))).one()
    return brief_from_row(row, await other_sources(conn, brief_id))

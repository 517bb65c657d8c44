"""The LLM summarizer's calls and tokens per UTC day, one row a day: every worker on the
database adds to the same row, in one statement, so the daily budget is the install's."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.store.db import dialect_insert
from bot.store.schema import llm_spend


async def add(conn: AsyncConnection, day: str, *, calls: int, tokens: int) -> tuple[int, int]:
    """Add to ``day``'s spend; returns the day's (calls, tokens)."""
    stmt = dialect_insert(conn.dialect.name, llm_spend).values(
        day=day, calls=calls, tokens=tokens,
    ).on_conflict_do_update(
        index_elements=["day"], set_={"calls": llm_spend.c.calls + calls,
                                      "tokens": llm_spend.c.tokens + tokens},
    ).returning(llm_spend.c.calls, llm_spend.c.tokens)
    row = (await conn.execute(stmt)).one()
    await conn.execute(delete(llm_spend).where(llm_spend.c.day < day))  # past days: no use
    return int(row.calls), int(row.tokens)


async def spent(conn: AsyncConnection, day: str) -> tuple[int, int]:
    """``day``'s (calls, tokens) so far."""
    row = (await conn.execute(select(llm_spend.c.calls, llm_spend.c.tokens)
                              .where(llm_spend.c.day == day))).one_or_none()
    return (int(row.calls), int(row.tokens)) if row else (0, 0)

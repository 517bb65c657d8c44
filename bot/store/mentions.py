"""Role and user-group mentions: which outbox row carries one to its adapter."""

from __future__ import annotations

import re

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.store.schema import outbox

# An id, whatever the platform's shape of it: adapters check their own form before pinging.
MENTION_ID = re.compile(r"^[A-Za-z0-9]{1,32}$")


async def set_row_mention(conn: AsyncConnection, key: str, mention: str) -> None:
    if not MENTION_ID.match(mention):
        raise ValueError(f"not a role or group id: {mention!r}")
    await conn.execute(update(outbox).where(outbox.c.key == key).values(mention=mention))

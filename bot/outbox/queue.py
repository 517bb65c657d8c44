"""Putting a message in the outbox: its deterministic key and the insert. Routing, digests
and chat commands queue; only the worker (bot.outbox.worker, with its metrics) sends, so
queueing loads neither."""

from __future__ import annotations

import hashlib
from datetime import datetime

from bot.delivery.serialize import digest_to_json, notice_to_json
from bot.models import Digest, Notice
from bot.store import AsyncConnection
from bot.store import outbox as outbox_store

KEY_MAX = 64


def outbox_key(*parts: object) -> str:
    """A deterministic row key: ``outbox_key("b", 12, 34) == "b:12:34"``; long or odd keys become
    ``h:`` plus a sha256 prefix, so the result always fits the 64-character column."""
    text = ":".join(str(p) for p in parts)
    if len(text) <= KEY_MAX and text.isascii() and text.isprintable() and " " not in text:
        return text
    return "h:" + hashlib.sha256(text.encode()).hexdigest()[: KEY_MAX - 2]


# -- enqueue and admin operations --------------------------------------------------------------

async def enqueue(conn: AsyncConnection, *, key: str, destination_id: int, now: datetime,
                  brief_id: int | None = None, digest: Digest | None = None,
                  notice: Notice | None = None) -> bool:
    """Add a row unless its key exists; True when a row was added. Exactly one of ``brief_id``,
    ``digest`` and ``notice`` is given (a notice is kept in the digest column, tagged)."""
    return await enqueue_row(conn, key=key, destination_id=destination_id, now=now,
                             brief_id=brief_id, digest=digest, notice=notice) is not None


async def enqueue_row(conn: AsyncConnection, *, key: str, destination_id: int, now: datetime,
                      brief_id: int | None = None, digest: Digest | None = None,
                      notice: Notice | None = None) -> int | None:
    """:func:`enqueue`, giving the new row's id (None when the key was taken), so that what
    goes with the row (its reasons) needs no second look-up by key."""
    if sum(given is not None for given in (brief_id, digest, notice)) != 1:
        raise ValueError("enqueue needs exactly one of brief_id, digest and notice")
    if len(key) > KEY_MAX:
        raise ValueError(f"outbox key longer than {KEY_MAX}: use outbox_key()")
    return await outbox_store.add(
        conn, key=key, destination_id=destination_id, now=now, brief_id=brief_id,
        digest=digest_to_json(digest) if digest is not None
        else notice_to_json(notice) if notice is not None else None)

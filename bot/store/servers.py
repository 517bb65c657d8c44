"""A server's (Discord guild's, Slack team's) own settings: its language, chosen by an admin
(``/settings language``) or reported by the platform, which the server's channels follow."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.store.db import dialect_insert
from bot.store.schema import destinations, server_settings

ADMIN, PLATFORM = "admin", "platform"
DEFAULT_LOCALE = "en"  # destinations.locale's default: a channel nobody chose a language for


@dataclass(frozen=True, slots=True)
class ServerLocale:
    locale: str
    source: str  # ADMIN or PLATFORM


async def get_locale(conn: AsyncConnection, server: str) -> ServerLocale | None:
    row = (await conn.execute(select(server_settings.c.locale, server_settings.c.locale_source)
                              .where(server_settings.c.server == server))).first()
    return ServerLocale(row.locale, row.locale_source) if row is not None else None


async def choose_locale(conn: AsyncConnection, server: str, locale: str, *,
                        now: datetime) -> int:
    """An admin's choice: the server's language, and every one of its channels' (not its
    members' DMs: theirs to choose); how many channels changed."""
    values = {"locale": locale, "locale_source": ADMIN, "updated_at": now}
    await conn.execute(dialect_insert(conn.dialect.name, server_settings)
                       .values(server=server, **values)
                       .on_conflict_do_update(index_elements=["server"], set_=values))
    changed = await conn.execute(update(destinations)
                                 .where(destinations.c.server == server,
                                        destinations.c.dm.is_(False),  # a member's own
                                        destinations.c.locale != locale)
                                 .values(locale=locale))
    return int(changed.rowcount or 0)


async def note_platform_locale(conn: AsyncConnection, server: str, locale: str, *,
                               now: datetime) -> ServerLocale:
    """What the platform says the server speaks, taken the first time it is heard (then only
    ``/settings language`` changes it, so that it cannot flip with who happens to type); the
    server's channels still at the default language take it too (they were made before it was
    read). The server's language in force is returned."""
    found = await get_locale(conn, server)
    if found is not None:
        return found
    await conn.execute(dialect_insert(conn.dialect.name, server_settings)
                       .values(server=server, locale=locale, locale_source=PLATFORM,
                               updated_at=now)
                       .on_conflict_do_nothing(index_elements=["server"]))
    found = await get_locale(conn, server)
    if found is None or found.source != PLATFORM or found.locale != locale:
        return found or ServerLocale(locale, PLATFORM)  # another worker heard it first
    await conn.execute(update(destinations)
                       .where(destinations.c.server == server,
                              destinations.c.dm.is_(False),  # a member's own
                              destinations.c.locale == DEFAULT_LOCALE)
                       .values(locale=locale))
    return ServerLocale(locale, PLATFORM)

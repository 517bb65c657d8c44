"""Storage: SQLAlchemy Core over SQLite (default) or PostgreSQL, schema managed by Alembic.

``AsyncConnection`` is the store's connection type for every layer above: taken from here, it
never loads SQLAlchemy's asyncio ORM (bot.store.async_core)."""

from bot.store.async_core import AsyncConnection
from bot.store.db import Database

__all__ = ["AsyncConnection", "Database"]

"""Storage: SQLAlchemy Core over SQLite (default) or PostgreSQL, schema managed by Alembic."""

from bot.store.db import Database

__all__ = ["Database"]

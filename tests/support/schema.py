"""``schema_diff``: how a migrated database differs from the tables' metadata (for the
migration tests of every backend)."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from bot.store.db import sync_url
from bot.store.schema import metadata

# Full-text search objects that migration 0002 adds by hand (FTS5 on SQLite, a GIN expression
# index on PostgreSQL); the table metadata deliberately does not declare them.
SEARCH_OBJECTS = ("entries_fts", "ix_entries_fts")


def schema_diff(url: str) -> list[Any]:
    def include_name(name: str | None, type_: str, parent: Any) -> bool:
        return not (name or "").startswith(SEARCH_OBJECTS)

    engine = create_engine(sync_url(url))
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={
                "compare_type": True, "compare_server_default": True,
                "include_name": include_name})
            return list(compare_metadata(context, metadata))
    finally:
        engine.dispose()

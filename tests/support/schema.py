"""``schema_diff``: how a migrated database differs from the tables' metadata (for the
migration tests of every backend)."""

from __future__ import annotations

import re
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, Table, create_engine, inspect, text

from bot.store.db import sync_url
from bot.store.schema import metadata

# Full-text search objects that migration 0002 adds by hand (FTS5 on SQLite, a GIN expression
# index on PostgreSQL); the table metadata deliberately does not declare them.
SEARCH_OBJECTS = ("entries_fts", "ix_entries_fts")
# PostgreSQL primary keys whose index INCLUDEs more columns: migration 0018 adds story_bands'
# INCLUDE, which bot.store.schema does not declare (see its comment), so it is listed here.
PRIMARY_KEY_INCLUDES = {"story_bands": "feed_id, created_at"}


def schema_diff(url: str) -> list[Any]:
    """Alembic's comparison (columns, types, defaults, indexes, foreign keys) plus what it
    cannot see: each table's primary key columns, SQLite's WITHOUT ROWID and PostgreSQL's
    INCLUDE of a primary key's index. Empty when the database matches."""
    def include_name(name: str | None, type_: str, parent: Any) -> bool:
        return not (name or "").startswith(SEARCH_OBJECTS)

    engine = create_engine(sync_url(url))
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={
                "compare_type": True, "compare_server_default": True,
                "include_name": include_name})
            return list(compare_metadata(context, metadata)) + _layout_diff(conn)
    finally:
        engine.dispose()


def _layout_diff(conn: Connection) -> list[tuple[str, str, Any, Any]]:
    """(what, table, in the database, expected) for each primary key or table layout that
    differs from the metadata."""
    inspector = inspect(conn)
    diffs: list[tuple[str, str, Any, Any]] = []
    for table in metadata.sorted_tables:
        found = inspector.get_pk_constraint(table.name)["constrained_columns"]
        expected = [column.name for column in table.primary_key.columns]
        if found != expected:
            diffs.append(("primary_key", table.name, found, expected))
        if conn.dialect.name == "sqlite":
            layout = _sqlite_without_rowid(conn, table)
            if layout is not None:
                diffs.append(layout)
        else:
            include = _postgresql_key_include(conn, table.name)
            if include != PRIMARY_KEY_INCLUDES.get(table.name):
                diffs.append(("primary_key_include", table.name, include,
                              PRIMARY_KEY_INCLUDES.get(table.name)))
    return diffs


def _sqlite_without_rowid(conn: Connection, table: Table) -> tuple[str, str, bool, bool] | None:
    sql = conn.execute(text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :name"),
                       {"name": table.name}).scalar_one()
    found = "WITHOUT ROWID" in sql.upper()
    expected = table.dialect_options["sqlite"]["with_rowid"] is False
    return None if found == expected else ("sqlite_without_rowid", table.name, found, expected)


def _postgresql_key_include(conn: Connection, table: str) -> str | None:
    """The INCLUDE list of ``table``'s primary key index, None without one (or no key)."""
    definition = conn.execute(text(
        "SELECT pg_get_indexdef(indexrelid) FROM pg_index "
        "WHERE indrelid = CAST(:table AS regclass) AND indisprimary"),
        {"table": f'"{table}"'}).scalar_one_or_none()  # quoted: a name as written
    match = re.search(r"INCLUDE \((.*)\)", definition or "")
    return match.group(1) if match else None

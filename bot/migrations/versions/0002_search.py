"""Full-text search over stored articles: SQLite FTS5 kept in sync by triggers, PostgreSQL GIN.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 10:00:00
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# unicode61 folds case and diacritics; Korean words carry particles as suffixes ("삼성전자는"),
# which the search side handles with prefix queries ("삼성"*), so no trigram tokenizer is needed.
_SQLITE_UP = [
    """CREATE VIRTUAL TABLE entries_fts USING fts5(
        title, text, content='entries', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER entries_fts_ai AFTER INSERT ON entries BEGIN
        INSERT INTO entries_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    """CREATE TRIGGER entries_fts_ad AFTER DELETE ON entries BEGIN
        INSERT INTO entries_fts(entries_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END""",
    """CREATE TRIGGER entries_fts_au AFTER UPDATE OF title, text ON entries BEGIN
        INSERT INTO entries_fts(entries_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO entries_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    # Entries stored before this revision become searchable too.
    "INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')",
]

_SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS entries_fts_au",
    "DROP TRIGGER IF EXISTS entries_fts_ad",
    "DROP TRIGGER IF EXISTS entries_fts_ai",
    "DROP TABLE IF EXISTS entries_fts",
]

# The search query must repeat this exact expression for PostgreSQL to use the index.
_PG_UP = [
    "CREATE INDEX ix_entries_fts ON entries USING GIN "
    "(to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(\"text\", '')))",
]
_PG_DOWN = ["DROP INDEX IF EXISTS ix_entries_fts"]


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(_SQLITE_UP)
    elif dialect == "postgresql":
        _run(_PG_UP)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(_SQLITE_DOWN)
    elif dialect == "postgresql":
        _run(_PG_DOWN)

"""The story band read answered from the band index alone (issue 26). A new brief reads the
briefs of its 42 bands that are recent and of another feed; the rows were found by the primary
key's index on (band, brief_id) and then each looked up in the table for its created_at and
feed_id, a lookup per candidate row on every new brief. Now the rows hold those columns where
the read finds them:

- SQLite: the table is WITHOUT ROWID, stored in its primary key's order, so the key's search
  reads the row itself; one b-tree fewer to write per band (the rowid table is gone). SQLite
  cannot change that in place: the table is copied (nothing references it, it holds only the
  story window's bands).
- PostgreSQL: the primary key's index INCLUDEs feed_id and created_at, so the read can be an
  index-only scan; the key's columns and uniqueness are unchanged.

Revision ID: 0018_story_bands_covering
Revises: 0017_raw_hash_version
"""

import sqlalchemy as sa
from alembic import op

revision = "0018_story_bands_covering"
down_revision = "0017_raw_hash_version"
branch_labels = None
depends_on = None

COLUMNS = "band, brief_id, feed_id, created_at"


def _copy_story_bands(*, with_rowid: bool) -> None:
    """SQLite: story_bands rebuilt with or without a rowid, its rows and indexes kept. The
    CREATE TABLE commits on its own (SQLite's driver opens a transaction only at the INSERT),
    so a copy that failed midway leaves an empty story_bands_new behind with story_bands
    untouched (the INSERT onward is rolled back): it is dropped first, so a rerun succeeds."""
    op.execute("DROP TABLE IF EXISTS story_bands_new")
    op.create_table(
        "story_bands_new",
        sa.Column("band", sa.BigInteger(), nullable=False),
        sa.Column("brief_id", sa.Integer(), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["brief_id"], ["briefs.id"], ondelete="CASCADE",
                                name="fk_story_bands_brief_id_briefs"),
        sa.PrimaryKeyConstraint("band", "brief_id", name="pk_story_bands"),
        sqlite_with_rowid=with_rowid,
    )
    op.execute(f"INSERT INTO story_bands_new ({COLUMNS}) SELECT {COLUMNS} FROM story_bands")
    op.drop_index("ix_story_bands_brief_id", table_name="story_bands")
    op.drop_index("ix_story_bands_feed_created", table_name="story_bands")
    op.drop_table("story_bands")
    op.rename_table("story_bands_new", "story_bands")
    op.create_index("ix_story_bands_feed_created", "story_bands", ["feed_id", "created_at"])
    op.create_index("ix_story_bands_brief_id", "story_bands", ["brief_id"])


# PostgreSQL: how long the key's rebuild waits for story_bands when no lock_timeout is set. The
# ALTER waits behind every open transaction that read the table, and while it waits every
# later read of the table queues behind it: a worker left running would stall the upgrade and
# itself with no message. With the workers stopped (OPERATIONS' upgrade steps) nothing waits.
LOCK_WAIT = "30s"
LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL's SQLSTATE for a lock_timeout that ran out


def _primary_key(include: str) -> None:
    """PostgreSQL: the primary key's index rebuilt, with ``include`` as its INCLUDE list. A
    lock_timeout the operator set is kept; with none, the wait for the table ends after
    LOCK_WAIT with an error that says what to do, and nothing is changed."""
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT current_setting('lock_timeout')")).scalar_one() == "0":
        op.execute(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'")
    try:
        op.drop_constraint("pk_story_bands", "story_bands", type_="primary")
        op.execute(f"ALTER TABLE story_bands ADD CONSTRAINT pk_story_bands "
                   f"PRIMARY KEY (band, brief_id){include}")
    except sa.exc.OperationalError as error:
        if getattr(error.orig, "sqlstate", None) != LOCK_NOT_AVAILABLE:
            raise
        raise RuntimeError(
            "migration 0018 could not lock story_bands: another connection (a worker of the "
            "old version?) has it open. Nothing was changed; stop every worker, then start "
            "one to retry the upgrade") from error
    op.execute("SET LOCAL lock_timeout TO DEFAULT")  # the later migrations of this run wait as before


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _copy_story_bands(with_rowid=False)
    else:
        _primary_key(" INCLUDE (feed_id, created_at)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _copy_story_bands(with_rowid=True)
    else:
        _primary_key("")

"""Raw hashes marked with their version ("v2:" and 40 hex digits, issue 26): the column holds
64 characters. Entries keep their unmarked hashes; the poller compares those by the format
they were written in and rewrites each in the new one when its entry is seen unchanged.

SQLite never enforces a VARCHAR's length, so there the column is left as declared: widening it
would copy the entries table (with its search triggers, and briefs' foreign keys pointing at
it) for nothing. On PostgreSQL widening a varchar changes the catalogue only, not the rows.

Revision ID: 0017_raw_hash_version
Revises: 0016_sent_messages
"""

import sqlalchemy as sa
from alembic import op

revision = "0017_raw_hash_version"
down_revision = "0016_sent_messages"
branch_labels = None
depends_on = None

OLD_WIDTH = 40
NEW_WIDTH = 64


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.alter_column("entries", "raw_hash", type_=sa.String(length=NEW_WIDTH),
                    existing_type=sa.String(length=OLD_WIDTH), existing_nullable=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    # A marked hash does not fit the old width, and the code before it cannot read one: it
    # goes (NULL: the entry is re-cleaned once when its feed next changes, as before 0008).
    op.execute(sa.text(f"UPDATE entries SET raw_hash = NULL "
                       f"WHERE length(raw_hash) > {OLD_WIDTH}"))
    op.alter_column("entries", "raw_hash", type_=sa.String(length=OLD_WIDTH),
                    existing_type=sa.String(length=NEW_WIDTH), existing_nullable=True)

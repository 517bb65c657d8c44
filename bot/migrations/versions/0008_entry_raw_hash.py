"""Keep a hash of each entry as the feed wrote it, so that a changed feed's unchanged entries are
recognised before their text is cleaned (parsing cleans only new and edited entries).

Revision ID: 0008_entry_raw_hash
Revises: 0007_delivery
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_entry_raw_hash"
down_revision = "0007_delivery"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entries") as batch:
        batch.add_column(sa.Column("raw_hash", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("entries") as batch:
        batch.drop_column("raw_hash")

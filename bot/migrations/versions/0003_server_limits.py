"""Per-server limits: which Discord guild or Slack team added a feed or owns a destination.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.add_column(sa.Column("added_server", sa.String(length=64), nullable=True))
        batch.create_index("ix_feeds_added_server", ["added_server"])
    with op.batch_alter_table("destinations") as batch:
        batch.add_column(sa.Column("server", sa.String(length=64), nullable=True))
        batch.create_index("ix_destinations_server", ["server"])


def downgrade() -> None:
    with op.batch_alter_table("destinations") as batch:
        batch.drop_index("ix_destinations_server")
        batch.drop_column("server")
    with op.batch_alter_table("feeds") as batch:
        batch.drop_index("ix_feeds_added_server")
        batch.drop_column("added_server")

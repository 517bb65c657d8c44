"""Features of issue 18: an entry's author (pattern filters look at it); the role or user group
a subscription mentions, and the outbox row that carries it to the adapter.

Revision ID: 0005_features
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_features"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entries") as batch:
        batch.add_column(sa.Column("author", sa.String(length=200), nullable=True))
    with op.batch_alter_table("subscriptions") as batch:
        batch.add_column(sa.Column("mention", sa.String(length=32), nullable=True))
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("mention", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("mention")
    with op.batch_alter_table("subscriptions") as batch:
        batch.drop_column("mention")
    with op.batch_alter_table("entries") as batch:
        batch.drop_column("author")

"""Delivery: per-part state in the outbox row, worker heartbeats for lease takeover, pacing
shared by the workers of one database.

Revision ID: 0007_delivery
Revises: 0006_story_minhash
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_delivery"
down_revision = "0006_story_minhash"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("parts", sa.JSON(), nullable=True))
    op.create_table(
        "workers",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("down", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_workers"),
    )
    op.create_table(
        "pacing",
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("tat", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_pacing"),
    )


def downgrade() -> None:
    op.drop_table("pacing")
    op.drop_table("workers")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("parts")

"""Features of issue 18: an entry's author (pattern filters look at it); the role or user group
a subscription mentions, and the outbox row that carries it to the adapter; reactions (👍 / 👎)
to posted messages; update replies (opt-in per destination, the original post they answer).

Revision ID: 0009_features
Revises: 0008_entry_raw_hash
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_features"
down_revision = "0008_entry_raw_hash"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entries") as batch:
        batch.add_column(sa.Column("author", sa.String(length=200), nullable=True))
    with op.batch_alter_table("subscriptions") as batch:
        batch.add_column(sa.Column("mention", sa.String(length=32), nullable=True))
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("mention", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("reply_to", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("update_note", sa.Text(), nullable=True))
    with op.batch_alter_table("destinations") as batch:
        batch.add_column(sa.Column("updates", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    op.create_table(
        "reactions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=False),
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.Column("emoji", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["outbox_id"], ["outbox.id"], ondelete="CASCADE",
                                name="fk_reactions_outbox_id_outbox"),
        sa.PrimaryKeyConstraint("id", name="pk_reactions"),
        sa.UniqueConstraint("outbox_id", "user", "emoji", name="uq_reactions_outbox_id"),
    )


def downgrade() -> None:
    op.drop_table("reactions")
    with op.batch_alter_table("destinations") as batch:
        batch.drop_column("updates")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("update_note")
        batch.drop_column("reply_to")
        batch.drop_column("mention")
    with op.batch_alter_table("subscriptions") as batch:
        batch.drop_column("mention")
    with op.batch_alter_table("entries") as batch:
        batch.drop_column("author")

"""Why a message was sent (issue 24.5): ``delivery_reasons``, the subscription that let each
brief of an outbox row through, and ``destinations.why_footer``, the opt-in "Sent because …"
line under each brief. Rows sent before this migration have no reason; ``/why`` says so.

Revision ID: 0015_delivery_reasons
Revises: 0014_templates
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_delivery_reasons"
down_revision = "0014_templates"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "delivery_reasons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=False),
        sa.Column("brief_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=512), nullable=False),
        sa.ForeignKeyConstraint(["outbox_id"], ["outbox.id"], ondelete="CASCADE",
                                name="fk_delivery_reasons_outbox_id_outbox"),
        sa.PrimaryKeyConstraint("id", name="pk_delivery_reasons"),
    )
    op.create_index("ix_delivery_reasons_outbox_id", "delivery_reasons", ["outbox_id"])
    with op.batch_alter_table("destinations") as batch:
        batch.add_column(sa.Column("why_footer", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("destinations") as batch:
        batch.drop_column("why_footer")
    op.drop_index("ix_delivery_reasons_outbox_id", table_name="delivery_reasons")
    op.drop_table("delivery_reasons")

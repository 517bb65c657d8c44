"""The LLM summarizer's spend per day (UTC), one row a day, shared by every worker on the
database so ``summarizer.llm.daily_*_budget`` is one budget for the install (issue 25 review).

Revision ID: 0012_llm_spend
Revises: 0010_tenancy
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_llm_spend"
down_revision = "0010_tenancy"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "llm_spend",
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("calls", sa.Integer(), nullable=False),
        sa.Column("tokens", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("day", name="pk_llm_spend"),
    )


def downgrade() -> None:
    op.drop_table("llm_spend")

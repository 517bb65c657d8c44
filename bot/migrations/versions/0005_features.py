"""Features of issue 18: an entry's author (pattern filters look at it).

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


def downgrade() -> None:
    with op.batch_alter_table("entries") as batch:
        batch.drop_column("author")

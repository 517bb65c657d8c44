"""Issue 25: the model that wrote a brief's points (NULL: extractive), and the brief in other
languages, for destinations whose locale asks for one ({"ko": {headline, points, ...}}).

Revision ID: 0010_brief_languages
Revises: 0009_features
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_brief_languages"
down_revision = "0009_features"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("briefs") as batch:
        batch.add_column(sa.Column("model", sa.String(length=120), nullable=True))
        batch.add_column(sa.Column("translations", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("briefs") as batch:
        batch.drop_column("translations")
        batch.drop_column("model")

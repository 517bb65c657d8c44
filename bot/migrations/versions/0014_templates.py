"""The layout of a destination's briefs (issue 24.1): a preset's name or a custom template
(bot.delivery.template); NULL keeps the default brief, so every existing destination looks as
it did.

Revision ID: 0014_templates
Revises: 0013_operator_feeds
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_templates"
down_revision = "0013_operator_feeds"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("destinations") as batch:
        batch.add_column(sa.Column("template", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("destinations") as batch:
        batch.drop_column("template")

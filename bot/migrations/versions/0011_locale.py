"""The language of a server (Discord guild, Slack team): what an admin chose with /settings
language, or what the platform reports; new channels of the server take it.

Revision ID: 0011_locale
Revises: 0010_brief_languages
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_locale"
down_revision = "0010_brief_languages"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "server_settings",
        sa.Column("server", sa.String(length=64), nullable=False),
        sa.Column("locale", sa.String(length=16), nullable=False),
        sa.Column("locale_source", sa.String(length=16), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("server", name="pk_server_settings"),
    )


def downgrade() -> None:
    op.drop_table("server_settings")

"""Which chat servers use each feed, so chat commands act on and show only the caller's own
(issue 13.2). Existing chat-added feeds are linked to the server (or channel) that added them.

Revision ID: 0005_feed_servers
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_feed_servers"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feed_servers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("feed_id", sa.Integer(), sa.ForeignKey("feeds.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("server", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("feed_id", "server", name="uq_feed_servers_feed_server"),
    )
    op.create_index("ix_feed_servers_server", "feed_servers", ["server"])
    op.execute(
        "INSERT INTO feed_servers (feed_id, server, created_at) "
        "SELECT id, COALESCE(added_server, added_by), created_at FROM feeds "
        "WHERE added_server IS NOT NULL OR added_by IS NOT NULL")


def downgrade() -> None:
    op.drop_index("ix_feed_servers_server", table_name="feed_servers")
    op.drop_table("feed_servers")

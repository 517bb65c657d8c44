"""Tenancy (issue 22): a feed added in chat reaches only the servers that added it. The tenancy
mode lives in ``install_settings``; an install that already has feeds or destinations keeps
delivering what it delivers now (``tenancy: shared``), and says so at start-up, until its
operator sets ``tenancy: isolated``. Links remember the channel that added them and their
server's own tags; a destination remembers whether it is a member's direct messages (from now
on: older ones are marked when next used).

Revision ID: 0010_tenancy
Revises: 0011_locale (named 0010 before 0010_brief_languages and 0011_locale landed; the id is
kept, as the issue and the stored mode's source name it)
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0010_tenancy"
down_revision = "0011_locale"
branch_labels = None
depends_on = None


def upgrade() -> None:
    settings = op.create_table(
        "install_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_install_settings"),
    )
    with op.batch_alter_table("feed_servers") as batch:
        batch.add_column(sa.Column("tags", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("added_by", sa.String(length=255), nullable=True))
    with op.batch_alter_table("destinations") as batch:
        batch.add_column(sa.Column("dm", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    # The link of the server that first added a feed gets that feed's adding channel.
    op.execute(
        "UPDATE feed_servers SET added_by = (SELECT f.added_by FROM feeds f "
        "WHERE f.id = feed_servers.feed_id "
        "AND COALESCE(f.added_server, f.added_by) = feed_servers.server)")
    # A ref does not say whether it is a DM (the core names no platform): an older DM is
    # marked when it is next used with `dm` (bot.store.destinations.get_or_create).
    bind = op.get_bind()
    existing = bind.execute(sa.text(
        "SELECT EXISTS (SELECT 1 FROM feeds) OR EXISTS (SELECT 1 FROM destinations)")).scalar()
    if existing:
        # Routing pooled every feed for every server until now: keep it so until the operator
        # says otherwise, rather than silently stop deliveries a community relies on.
        op.bulk_insert(settings, [{"key": "tenancy", "value": "shared",
                                   "source": "0010_tenancy",
                                   "updated_at": datetime.now(UTC)}])


def downgrade() -> None:
    with op.batch_alter_table("destinations") as batch:
        batch.drop_column("dm")
    with op.batch_alter_table("feed_servers") as batch:
        batch.drop_column("added_by")
        batch.drop_column("tags")
    op.drop_table("install_settings")

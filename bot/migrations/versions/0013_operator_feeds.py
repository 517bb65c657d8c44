"""The operator's feeds said explicitly (issue 22, security review): a feed added at the CLI or
from the operator's OPML had ``added_by`` NULL and counted as the operator's only while no server
had linked it, so one server's ``/feeds add`` of the same URL made it that server's alone (and
let it disable the feed for everyone). Those rows get the ``operator`` marker
(bot.store.tenancy.OPERATOR_OWNER). A chat-added feed's tags were its first server's, shown to
every server reading it: they move onto that server's link, where a server's own tags live.

Members' DMs stored as server channels are marked at start-up (bot.app), by the ref shape each
adapter declares: the core names no platform, so this migration cannot tell.

Revision ID: 0013_operator_feeds
Revises: 0012_llm_spend
"""

from alembic import op

revision = "0013_operator_feeds"
down_revision = "0012_llm_spend"
branch_labels = None
depends_on = None

_CHAT = "COALESCE(f.added_by, '') NOT IN ('config', 'operator')"


def upgrade() -> None:
    op.execute("UPDATE feeds SET added_by = 'operator' "
               "WHERE added_by IS NULL AND added_server IS NULL")
    op.execute(
        "UPDATE feed_servers SET tags = (SELECT f.tags FROM feeds f "
        "WHERE f.id = feed_servers.feed_id) "
        "WHERE tags IS NULL AND server = (SELECT COALESCE(f.added_server, f.added_by) "
        f"FROM feeds f WHERE f.id = feed_servers.feed_id AND {_CHAT})")
    op.execute(f"UPDATE feeds SET tags = '[]' WHERE id IN (SELECT f.id FROM feeds f WHERE {_CHAT})")


def downgrade() -> None:
    # The tags stay on the links (0010_tenancy reads them there too).
    op.execute("UPDATE feeds SET added_by = NULL WHERE added_by = 'operator'")

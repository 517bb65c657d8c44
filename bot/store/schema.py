"""The tables. Changing one means adding an Alembic migration under bot/migrations/versions."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from bot.redact import redact

OPERATOR_OWNER = "operator"  # ``feeds.added_by`` of the operator's feeds: CLI, OPML

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC and always hands back timezone-aware datetimes, on SQLite as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use timezone-aware UTC")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class RedactedText(TypeDecorator[str]):
    """A text that can carry what an outside party said (an error body, a proxy's page): every
    configured secret and token-shaped string is redacted on the way in, whoever writes it."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else redact(value)


def _redact_values(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {key: _redact_values(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_redact_values(item) for item in value]
    return value


class RedactedJSON(TypeDecorator[Any]):
    """JSON whose strings are redacted as RedactedText's are."""

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return _redact_values(value)


feeds = Table(
    "feeds", metadata,
    Column("id", Integer, primary_key=True),
    Column("url", String(2048), nullable=False, unique=True),
    Column("title", Text),
    Column("site_url", Text),
    Column("tags", JSON, nullable=False, default=list),
    # the destination ref that added it (told when it is disabled); a row written without one
    # is the operator's, read by every server (bot.store.tenancy)
    Column("added_by", String(255), default=OPERATOR_OWNER),
    Column("added_server", String(64), index=True),  # its Discord guild / Slack team: limits
    Column("etag", Text),
    Column("last_modified", Text),
    Column("body_hash", String(64)),
    Column("next_check_at", UTCDateTime, nullable=False, index=True),
    Column("last_checked_at", UTCDateTime),
    Column("last_success_at", UTCDateTime),
    Column("consecutive_failures", Integer, nullable=False, default=0),
    Column("last_error", RedactedText),
    Column("disabled_at", UTCDateTime),
    Column("disabled_reason", RedactedText),
    Column("first_polled", Boolean, nullable=False, default=False),
    Column("lease_owner", String(64)),
    Column("lease_until", UTCDateTime),
    Column("created_at", UTCDateTime, nullable=False),
)

# Which servers (Discord guild, Slack team; a DM channel when there is none) use a feed they
# added in chat: each sees and controls only its own links, so a feed two servers use is shared
# storage, not shared control. Feeds from the configuration or the CLI have no link. A feed's
# briefs reach only the servers linked to it, or everyone for the operator's (bot.store.tenancy).
feed_servers = Table(
    "feed_servers", metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False),
    Column("server", String(255), nullable=False, index=True),
    Column("tags", JSON),  # this server's own tags for the feed (another's are not dropped)
    Column("added_by", String(255)),  # the channel that linked it, told when it is disabled
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("feed_id", "server", name="uq_feed_servers_feed_server"),
)

entries = Table(
    "entries", metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False),
    Column("entry_key", String(128), nullable=False),
    Column("id_kind", String(16), nullable=False),
    Column("title", Text, nullable=False),
    Column("link", Text),
    Column("published_at", UTCDateTime),
    Column("first_seen_at", UTCDateTime, nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("categories", JSON, nullable=False, default=list),
    Column("lang", String(16)),
    # Hash of the entry as the feed wrote it: an entry seen again unchanged is not re-cleaned.
    # "v2:" and 40 hex digits, or 40 without the mark (bot.feeds.assemble.legacy_raw_hash).
    # SQLite never enforces a VARCHAR's length, so its column keeps the 40 it was declared with
    # (widening it there would copy the whole table; see 0017_raw_hash_version).
    Column("raw_hash", String(64).with_variant(String(40), "sqlite")),
    Column("author", String(200)),  # for pattern filters on author
    UniqueConstraint("feed_id", "entry_key"),
)

briefs = Table(
    "briefs", metadata,
    Column("id", Integer, primary_key=True),
    Column("entry_id", Integer, ForeignKey("entries.id", ondelete="CASCADE"), nullable=False,
           unique=True),
    # The first brief of a story seen in several feeds; NULL when this brief is that first one.
    Column("story_id", Integer, ForeignKey("briefs.id", ondelete="SET NULL"), index=True),
    Column("headline", Text, nullable=False),
    Column("points", JSON, nullable=False),
    Column("tags", JSON, nullable=False),
    Column("lang", String(16), nullable=False),
    Column("text_source", String(16), nullable=False),
    Column("url", Text),
    Column("source", Text),
    Column("published_at", UTCDateTime),
    Column("created_at", UTCDateTime, nullable=False, index=True),
    # MinHash of the title and lead (bot/routing/cluster.py); NULL for briefs older than
    # 0006_story_minhash.
    Column("signature", LargeBinary),
    Column("model", String(120)),  # the model that wrote the points; NULL: extractive
    # The brief in the other languages its destinations' locales ask for: {"ko": {...}}
    Column("translations", JSON),
)

# One row per LSH band of a recent brief's signature: a new brief finds the briefs it may repeat
# by an indexed lookup of its own bands. Each feed prunes its rows older than the story window.
# The candidate read (bot.store.briefs) filters a band's rows by created_at and feed_id: the
# primary key's index holds them (SQLite: a table WITHOUT ROWID is that index; PostgreSQL: its
# INCLUDE (feed_id, created_at), which 0018_story_bands_covering adds), so no row is looked up
# in the table. The INCLUDE is not declared here: a postgresql_ argument has SQLAlchemy import
# its PostgreSQL dialect package with this module, which a SQLite install never needs.
story_bands = Table(
    "story_bands", metadata,
    Column("band", BigInteger, nullable=False),
    Column("brief_id", Integer, ForeignKey("briefs.id", ondelete="CASCADE"), nullable=False),
    Column("feed_id", Integer, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    PrimaryKeyConstraint("band", "brief_id"),
    Index("ix_story_bands_feed_created", "feed_id", "created_at"),
    Index("ix_story_bands_brief_id", "brief_id"),
    sqlite_with_rowid=False,
)

destinations = Table(
    "destinations", metadata,
    Column("id", Integer, primary_key=True),
    Column("ref", String(255), nullable=False, unique=True),
    Column("timezone", String(64), nullable=False, default="UTC"),
    Column("locale", String(16), nullable=False, default="en"),
    Column("webhook_url", Text),
    Column("server", String(64), index=True),  # Discord guild / Slack team, for per-server limits
    # a member's own direct messages: never shown to a server's admins on the dashboard
    Column("dm", Boolean, nullable=False, default=False, server_default=false()),
    # hash of the configured subscription list last applied (see sync_destinations)
    Column("config_hash", String(64)),
    Column("digest_time", String(5)),
    Column("digest_days", JSON, nullable=False, default=lambda: list(range(7))),
    Column("urgent_tags", JSON, nullable=False, default=list),
    # reply "Updated: …" to edits; the server default fills rows older than the column
    Column("updates", Boolean, nullable=False, default=False, server_default=false()),
    # the layout of its briefs: a preset's name or a custom template; NULL is the default
    Column("template", Text),
    # end each brief with "Sent because …" (issue 24.5); off unless the destination asks
    Column("why_footer", Boolean, nullable=False, default=False, server_default=false()),
    Column("paused_at", UTCDateTime),
    Column("paused_reason", RedactedText),
    Column("created_at", UTCDateTime, nullable=False),
)

subscriptions = Table(
    "subscriptions", metadata,
    Column("id", Integer, primary_key=True),
    Column("destination_id", Integer, ForeignKey("destinations.id", ondelete="CASCADE"),
           nullable=False),
    Column("kind", String(16), nullable=False),  # all | feed | tag | keyword
    Column("value", String(512), nullable=False, default=""),
    Column("exclude", Boolean, nullable=False, default=False),
    Column("mode", String(16), nullable=False, default="instant"),  # instant | digest
    Column("mention", String(32)),  # a role / user group id an admin asked to be pinged
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("destination_id", "kind", "value", "exclude"),
)

outbox = Table(
    "outbox", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(64), nullable=False, unique=True),
    Column("destination_id", Integer, ForeignKey("destinations.id", ondelete="CASCADE"),
           nullable=False),
    Column("brief_id", Integer, ForeignKey("briefs.id", ondelete="CASCADE")),
    Column("digest", JSON),  # a serialized Digest (digest and burst messages) or Notice (kind)
    Column("state", String(16), nullable=False, default="pending"),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UTCDateTime, nullable=False),
    Column("sending_at", UTCDateTime),
    Column("sent_at", UTCDateTime),
    Column("message_ids", JSON),
    # Parts of a multi-part message already posted, {"0": id, ...}: a retry, a restart or
    # another worker posts only the missing ones (see bot.outbox.worker).
    Column("parts", JSON),
    Column("mention", String(32)),  # the subscription's role / user group, for instant briefs
    Column("reply_to", String(64)),  # an update reply: the platform id of the original post
    Column("update_note", Text),  # …and what changed
    Column("error", RedactedText),
    Column("lease_owner", String(64)),
    Column("lease_until", UTCDateTime),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_outbox_state_next", "state", "next_attempt_at"),
)

# Why each brief of an outbox row was sent: the subscription that let it through, recorded when
# it was routed (a brief row has one; a digest or burst one per story). Kept as the reader
# would name it, so a subscription removed later still explains what it sent.
delivery_reasons = Table(
    "delivery_reasons", metadata,
    Column("id", Integer, primary_key=True),
    Column("outbox_id", Integer, ForeignKey("outbox.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("brief_id", Integer),  # no foreign key: a pruned brief leaves its digest's reason
    Column("kind", String(16), nullable=False),  # a name in bot.filters.kinds
    Column("value", String(512), nullable=False),  # a tag, a feed's name, a keyword, a pattern
)

# Each platform message id of a sent outbox row (a multi-part message has several), so the
# message behind a link (/why) or a reaction is one index lookup, not a scan of every
# outbox row's JSON list. Filled when a row is marked sent (bot.store.outbox.mark_sent).
sent_messages = Table(
    "sent_messages", metadata,
    Column("message_id", String(64), primary_key=True),
    Column("outbox_id", Integer, ForeignKey("outbox.id", ondelete="CASCADE"), primary_key=True,
           index=True),  # the cascade when old outbox rows are pruned
)

# One row per running process, its heartbeat: a lease whose owner stopped beating is a dead
# process's and is taken over after a short grace instead of waiting out the lease.
workers = Table(
    "workers", metadata,
    Column("id", String(64), primary_key=True),
    Column("seen_at", UTCDateTime, nullable=False),
    Column("down", RedactedJSON),  # {adapter: error} of adapters that failed to start, for `check`
)

# Send pacing shared by every worker on one database (GCRA: the theoretical arrival time).
pacing = Table(
    "pacing", metadata,
    Column("key", String(128), primary_key=True),
    Column("tat", UTCDateTime, nullable=False),
)

reactions = Table(
    "reactions", metadata,
    Column("id", Integer, primary_key=True),
    Column("outbox_id", Integer, ForeignKey("outbox.id", ondelete="CASCADE"), nullable=False),
    Column("user", String(64), nullable=False),
    Column("emoji", String(16), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("outbox_id", "user", "emoji"),  # a vote counts once however often clicked
)

server_settings = Table(
    "server_settings", metadata,
    Column("server", String(64), primary_key=True),  # Discord guild / Slack team id
    Column("locale", String(16), nullable=False),
    Column("locale_source", String(16), nullable=False),  # "admin" (/settings) | "platform"
    Column("updated_at", UTCDateTime, nullable=False),
)

# Install-wide settings the store itself applies, such as the tenancy mode (bot.store.tenancy).
install_settings = Table(
    "install_settings", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
    Column("source", String(64), nullable=False),  # who set it: "config", "0010_tenancy"
    Column("updated_at", UTCDateTime, nullable=False),
)

digest_runs = Table(
    "digest_runs", metadata,
    Column("id", Integer, primary_key=True),
    Column("destination_id", Integer, ForeignKey("destinations.id", ondelete="CASCADE"),
           nullable=False),
    Column("scheduled_for", UTCDateTime, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("destination_id", "scheduled_for"),
)

# The LLM summarizer's spend per UTC day, shared by every worker (bot.store.llm_spend).
llm_spend = Table(
    "llm_spend", metadata,
    Column("day", String(10), primary_key=True),  # ISO date, UTC
    Column("calls", Integer, nullable=False),
    Column("tokens", BigInteger, nullable=False),
)

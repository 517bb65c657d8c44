"""Migration 0017_raw_hash_version: the raw hash column holds a marked hash ("v2:" and 40 hex
digits) on both backends; hashes stored before it are kept as they are (the poller compares
them by their own format), and going back clears only the marked ones."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import create_engine, select, update

from bot.store.db import alembic_config, sync_url, upgrade
from bot.store.schema import entries, feeds
from tests.support.dbs import db_url  # noqa: F401  (fixture)
from tests.support.schema import schema_diff

NOW = datetime(2026, 11, 21, 12, tzinfo=UTC)
OLD = "aff53e16c56a74f0716aaeb7cc1446cf45133fa6"  # unmarked: 40 hex digits
NEW = "v2:d37c205cabf57d06907dae2e01697f3895bb1a39"


def _entry(url: str, key: str, hash_: str) -> None:
    engine = create_engine(sync_url(url))
    try:
        with engine.begin() as conn:
            feed_id = conn.execute(select(feeds.c.id)).scalar()
            if feed_id is None:
                feed_id = conn.execute(feeds.insert().values(
                    url="https://news.example/rss", next_check_at=NOW, created_at=NOW,
                ).returning(feeds.c.id)).scalar_one()
            conn.execute(entries.insert().values(
                feed_id=feed_id, entry_key=key, id_kind="guid", title="Title", text="Text.",
                first_seen_at=NOW, content_hash="c" * 64, categories=[], raw_hash=hash_))
    finally:
        engine.dispose()


def _hashes(url: str) -> dict[str, str | None]:
    engine = create_engine(sync_url(url))
    try:
        with engine.connect() as conn:
            return dict(conn.execute(select(entries.c.entry_key, entries.c.raw_hash)).all())
    finally:
        engine.dispose()


def test_the_column_holds_a_marked_hash_and_keeps_the_old_ones(db_url: str) -> None:
    upgrade(db_url, "0016_sent_messages")
    _entry(db_url, "old", OLD)
    upgrade(db_url)
    assert schema_diff(db_url) == []
    assert _hashes(db_url) == {"old": OLD}
    _entry(db_url, "new", NEW)  # PostgreSQL refused 43 characters in the old column
    engine = create_engine(sync_url(db_url))
    try:
        with engine.begin() as conn:  # as the poller rewrites an unchanged entry's hash
            conn.execute(update(entries).where(entries.c.entry_key == "old")
                         .values(raw_hash=NEW))
    finally:
        engine.dispose()
    assert _hashes(db_url) == {"old": NEW, "new": NEW}


def test_going_back_clears_the_hashes_the_old_column_cannot_hold(db_url: str) -> None:
    upgrade(db_url)
    _entry(db_url, "old", OLD)
    _entry(db_url, "new", NEW)
    command.downgrade(alembic_config(db_url), "0016_sent_messages")
    # PostgreSQL's narrower column cannot hold them; SQLite never enforced the width
    expected = NEW if db_url.startswith("sqlite") else None
    assert _hashes(db_url) == {"old": OLD, "new": expected}
    upgrade(db_url)
    assert schema_diff(db_url) == []

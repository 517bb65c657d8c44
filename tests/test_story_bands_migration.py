"""Migration 0018_story_bands_covering: the story band read finds a row's created_at and feed_id
in the index it searches (issue 26), with no lookup of each row in the table; the bands stored
before it are kept, and going back keeps them too."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command, op
from sqlalchemy import create_engine, select, text

from bot.store.db import alembic_config, sync_url, upgrade
from bot.store.schema import briefs, entries, feeds, story_bands
from tests.support.dbs import db_url, sqlite_url  # noqa: F401  (fixture)
from tests.support.postgres import postgres_url  # noqa: F401  (fixture)
from tests.support.schema import schema_diff

NOW = datetime(2026, 12, 7, 12, tzinfo=UTC)
BANDS = [(11, 1), (12, 1), (-13, 2)]  # (band, feed): a band's value may be negative
# The filter of bot.store.briefs' candidate read, by hand: what the plan must answer from the
# index alone.
BAND_READ = ("SELECT brief_id FROM story_bands WHERE band IN (11, 12) "
             "AND created_at >= '2026-01-01' AND feed_id != 3")


def _store_bands(url: str) -> None:
    engine = create_engine(sync_url(url))
    try:
        with engine.begin() as conn:
            for row, (band, feed) in enumerate(BANDS):
                created_at = NOW + timedelta(minutes=row)  # one a row: a swapped column shows
                feed_id = conn.execute(select(feeds.c.id).where(
                    feeds.c.url == f"https://news{feed}.example/rss")).scalar()
                if feed_id is None:
                    feed_id = conn.execute(feeds.insert().values(
                        url=f"https://news{feed}.example/rss", next_check_at=NOW,
                        created_at=NOW).returning(feeds.c.id)).scalar_one()
                entry_id = conn.execute(entries.insert().values(
                    feed_id=feed_id, entry_key=f"e{band}", id_kind="guid", title="Title",
                    text="Text.", first_seen_at=NOW, content_hash="c" * 64, categories=[],
                ).returning(entries.c.id)).scalar_one()
                brief_id = conn.execute(briefs.insert().values(
                    entry_id=entry_id, headline="Title", points=[], tags=[], lang="en",
                    text_source="feed", created_at=NOW).returning(briefs.c.id)).scalar_one()
                conn.execute(story_bands.insert().values(
                    band=band, brief_id=brief_id, feed_id=feed_id, created_at=created_at))
    finally:
        engine.dispose()


def _bands(url: str) -> list[tuple[int, int, int, datetime]]:
    """Every stored band row, all four columns, so a copy that mixes up columns differs."""
    engine = create_engine(sync_url(url))
    try:
        with engine.connect() as conn:
            return sorted((int(row.band), row.brief_id, row.feed_id, row.created_at)
                          for row in conn.execute(select(story_bands)))
    finally:
        engine.dispose()


def _covered(url: str) -> bool:
    """Whether the band read needs no table lookup per row: on SQLite its plan searches the
    table's own primary key (a rowid table's plan searches the key's separate index, then the
    table), on PostgreSQL the key's index holds the filtered columns."""
    engine = create_engine(sync_url(url))
    try:
        with engine.connect() as conn:
            if url.startswith("sqlite"):
                plan = " ".join(str(row[3]) for row in conn.execute(
                    text("EXPLAIN QUERY PLAN " + BAND_READ)))
                return "USING PRIMARY KEY (band=?)" in plan
            definition = conn.execute(text(
                "SELECT pg_get_indexdef('pk_story_bands'::regclass)")).scalar_one()
            return "INCLUDE (feed_id, created_at)" in definition
    finally:
        engine.dispose()


def test_the_band_read_is_answered_from_the_index_and_the_bands_are_kept(db_url: str) -> None:
    upgrade(db_url, "0017_raw_hash_version")
    _store_bands(db_url)
    before = _bands(db_url)
    assert len(before) == len(BANDS)
    assert not _covered(db_url)
    upgrade(db_url)
    assert schema_diff(db_url) == []
    assert _covered(db_url)
    assert _bands(db_url) == before


def test_going_back_keeps_the_bands(db_url: str) -> None:
    upgrade(db_url)
    _store_bands(db_url)
    before = _bands(db_url)
    command.downgrade(alembic_config(db_url), "0017_raw_hash_version")
    assert not _covered(db_url)
    assert _bands(db_url) == before
    upgrade(db_url)
    assert _covered(db_url) and _bands(db_url) == before
    assert schema_diff(db_url) == []


@pytest.mark.parametrize("failing_step", ["copy", "index"])
def test_an_upgrade_that_failed_midway_copying_the_bands_reruns_with_every_band(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_step: str) -> None:
    """SQLite commits the copy's CREATE TABLE on its own, so an upgrade stopped during the copy
    (a crash, a full disk) left story_bands_new behind and every later upgrade failed with
    "table story_bands_new already exists"; the rerun now starts the copy afresh."""
    url = sqlite_url(tmp_path)
    upgrade(url, "0017_raw_hash_version")
    _store_bands(url)
    before = _bands(url)
    execute, create_index = op.execute, op.create_index

    def failing_execute(sql: Any, *args: Any, **kwargs: Any) -> Any:
        if failing_step == "copy" and "INSERT INTO story_bands_new" in str(sql):
            raise RuntimeError("the copy stopped")
        return execute(sql, *args, **kwargs)

    def failing_create_index(*args: Any, **kwargs: Any) -> Any:
        if failing_step == "index":
            raise RuntimeError("the copy stopped after the rename")
        return create_index(*args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(op, "execute", failing_execute)
        patch.setattr(op, "create_index", failing_create_index)
        with pytest.raises(RuntimeError, match="the copy stopped"):
            upgrade(url)
    assert _bands(url) == before and not _covered(url)
    upgrade(url)
    assert _covered(url) and _bands(url) == before
    assert schema_diff(url) == []


def test_the_schema_check_sees_story_bands_back_in_its_old_layout(db_url: str) -> None:
    """Alembic's comparison cannot see a table's layout: a head database whose story_bands
    lost its WITHOUT ROWID (SQLite) or its key's INCLUDE (PostgreSQL) compared equal."""
    upgrade(db_url)
    command.downgrade(alembic_config(db_url), "0017_raw_hash_version")
    if db_url.startswith("sqlite"):
        assert schema_diff(db_url) == [("sqlite_without_rowid", "story_bands", False, True)]
    else:
        assert schema_diff(db_url) == [
            ("primary_key_include", "story_bands", None, "feed_id, created_at")]


def test_the_schema_check_sees_a_table_without_its_primary_key(db_url: str) -> None:
    if db_url.startswith("sqlite"):
        pytest.skip("SQLite cannot drop a primary key in place; PostgreSQL's pass checks it")
    upgrade(db_url)
    engine = create_engine(sync_url(db_url))
    try:
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE story_bands DROP CONSTRAINT pk_story_bands"))
    finally:
        engine.dispose()
    assert schema_diff(db_url) == [
        ("primary_key", "story_bands", [], ["band", "brief_id"]),
        ("primary_key_include", "story_bands", None, "feed_id, created_at")]


def test_an_upgrade_blocked_by_an_open_worker_stops_with_what_to_do(postgres_url: str) -> None:
    """PostgreSQL: the key's rebuild waits for every open transaction on story_bands, and all
    later reads of the table queue behind it; an old worker left running held the upgrade (and
    itself) with no message. Now the wait ends with an error naming the fix and nothing
    changed, and the upgrade succeeds once the worker is gone. (The test sets a short
    lock_timeout on the database, which the migration keeps, instead of waiting LOCK_WAIT.)"""
    upgrade(postgres_url, "0017_raw_hash_version")
    _store_bands(postgres_url)
    before = _bands(postgres_url)
    engine = create_engine(sync_url(postgres_url))
    try:
        with engine.begin() as conn:
            name = conn.execute(text("SELECT current_database()")).scalar_one()
            conn.execute(text(f'ALTER DATABASE "{name}" SET lock_timeout = \'200ms\''))
        with engine.connect() as worker:
            worker.execute(text("SELECT brief_id FROM story_bands WHERE band = 11")).all()
            with pytest.raises(RuntimeError, match="stop every worker"):
                upgrade(postgres_url)
            worker.rollback()
    finally:
        engine.dispose()
    assert not _covered(postgres_url) and _bands(postgres_url) == before
    upgrade(postgres_url)
    assert _covered(postgres_url) and _bands(postgres_url) == before

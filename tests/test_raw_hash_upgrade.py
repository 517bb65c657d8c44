"""An upgraded store: entries stored with the raw hash of the format before raw hashes were
marked with their version (bot.feeds.assemble.legacy_raw_hash). An entry the feed still writes
as it was is unchanged, however its body around it changed: only its stored hash is rewritten
in the current format, never its text, and nobody hears of it; a real edit still is one
(issue 26, stop 40's review: 1 delivery on main, 3 with an unversioned new hash)."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, update

from adapters.recording import Delivery, RecordingAdapter
from bot.app import App
from bot.config import Secrets
from bot.feeds.assemble import RAW_HASH_MARK
from bot.feeds.parse import prepare_feed
from bot.store import entries as entry_store
from bot.store.schema import entries, outbox
from tests.support.clock import Clock
from tests.support.dbs import db_url  # noqa: F401  (fixture)
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer
from tests.support.rehash_poll import upgrade_settings

REPO = Path(__file__).resolve().parent.parent
EDIT = "Officials later cancelled the whole plan outright. "
ITEMS = [item(n, topic="port") for n in (1, 2, 3)]
FIRST = rss("Port news", ITEMS)
# the same entries in a body that changed around them (the channel's description)
AROUND = FIRST.replace(b"<description>test</description>",
                       b"<description>test, hourly</description>", 1)
EDITED_AND_NEW = rss("Port news", [{**ITEMS[0], "text": EDIT + ITEMS[0]["text"]}, *ITEMS[1:],
                                   item(4, topic="port")])


@pytest.fixture
def server() -> FeedServer:
    with FeedServer() as srv:
        yield srv  # type: ignore[misc]


async def _app(db_url: str, server: FeedServer, tmp_path: Path, clock: Clock,
               rec: RecordingAdapter) -> App:
    settings = upgrade_settings(db_url, server.url("/port.xml"), tmp_path)
    return await App.create(settings, Secrets(values={}), adapters={"console": rec},
                            clock=clock)


async def _cycle(app: App) -> None:
    await app.pipeline.poll_due()
    await app.deliver_pending()


def _older_text(text: str) -> str:
    """What an older cleaner might have stored: the article without its last sentence, so
    that re-cleaning it now would read as a new sentence (an "Updated:" reply)."""
    return text.rsplit(". ", 1)[0] + "."


async def _upgrade(app: App, body: bytes, url: str) -> None:
    """Store as an older release did: each entry's raw hash in the legacy format (the value
    that release computed), its text as an older cleaner left it."""
    prepared = prepare_feed(body, url=url)
    async with app.db.begin() as conn:
        for pending, key, _ in prepared.entries:
            text = (await conn.execute(select(entries.c.text).where(
                entries.c.entry_key == key))).scalar_one()
            older = _older_text(text)
            await conn.execute(update(entries).where(entries.c.entry_key == key).values(
                raw_hash=pending.legacy_hash(), text=older,
                content_hash=hashlib.sha256(older.encode()).hexdigest()))


async def _upgraded_app(db_url: str, server: FeedServer, tmp_path: Path
                        ) -> tuple[App, Clock, RecordingAdapter, list[Delivery]]:
    """An app whose first cycle delivered FIRST's three briefs, its store then set back to
    what an older release left (legacy raw hashes, older texts)."""
    server.set("/port.xml", FIRST)
    clock, rec = Clock(), RecordingAdapter(name="console")
    app = await _app(db_url, server, tmp_path, clock, rec)
    try:
        await _cycle(app)
        original = list(rec.deliveries)
        assert len(original) == 3
        await _upgrade(app, FIRST, server.url("/port.xml"))
    except BaseException:
        await app.close()
        raise
    return app, clock, rec, original


async def _stored(app: App) -> dict[str, tuple[str, str]]:
    async with app.db.read() as conn:
        rows = await conn.execute(select(entries.c.entry_key, entries.c.raw_hash,
                                         entries.c.text))
        return {key: (raw_hash, text) for key, raw_hash, text in rows}


def _headline(delivery: Delivery) -> str:
    brief = delivery.message.brief
    assert brief is not None
    return brief.headline


def _check_after_edit(original: list[Delivery], later: list[Delivery]) -> None:
    """Exactly the new entry's brief and one "Updated:" under the edited entry's post."""
    [first] = [d for d in original if _headline(d).startswith("Story 1 ")]
    updates = [d for d in later if d.message.update]
    briefs = [d for d in later if not d.message.update]
    assert [d.message.reply_to for d in updates] == [first.message_id], later
    assert (updates[0].message.update or "").startswith(EDIT.strip())
    assert len(briefs) == 1 and _headline(briefs[0]).startswith("Story 4 "), later


@pytest.mark.parametrize("around", [False, True], ids=["edit-first", "around-first"])
async def test_an_upgraded_store_hears_only_the_new_entry_and_the_real_edit(
        db_url: str, server: FeedServer, tmp_path: Path, around: bool) -> None:
    app, clock, rec, original = await _upgraded_app(db_url, server, tmp_path)
    try:
        before = await _stored(app)
        clock.advance(61)
        await _cycle(app)  # the same body
        assert rec.deliveries == original
        if around:
            server.set("/port.xml", AROUND)
            clock.advance(61)
            await _cycle(app)
            assert rec.deliveries == original
            after = await _stored(app)
            # each hash now in the current format; no text re-cleaned (the older one stays)
            assert {key: text for key, (_, text) in after.items()} == {
                key: text for key, (_, text) in before.items()}
            assert all(h.startswith(RAW_HASH_MARK) for h, _ in after.values())
        server.set("/port.xml", EDITED_AND_NEW)
        clock.advance(61)
        await _cycle(app)
        _check_after_edit(original, rec.deliveries[len(original):])
        stored = await _stored(app)
        assert all(h.startswith(RAW_HASH_MARK) for h, _ in stored.values())
        clock.advance(3600)
        await _cycle(app)  # nothing more to say
        assert len(rec.deliveries) == len(original) + 2
    finally:
        await app.close()


async def _outbox_count(app: App) -> int:
    async with app.db.read() as conn:
        return len((await conn.execute(select(outbox.c.id))).all())


@pytest.mark.parametrize("body", [EDITED_AND_NEW, AROUND], ids=["edited-and-new", "around"])
async def test_a_kill_between_the_hash_rewrite_and_the_commit_loses_and_doubles_nothing(
        db_url: str, server: FeedServer, tmp_path: Path, body: bytes) -> None:
    url = server.url("/port.xml")
    app, clock, rec, original = await _upgraded_app(db_url, server, tmp_path)
    try:
        before, queued = await _stored(app), await _outbox_count(app)
    finally:
        await app.close()
    server.set("/port.xml", body)
    clock.advance(61)
    # the rewrite is in the feed's own transaction (a new and an edited entry) or in the
    # cycle's batch (nothing new): killed there, the process commits neither
    killed = subprocess.run(
        [sys.executable, "-m", "tests.support.rehash_poll", db_url, url,
         str(tmp_path / "killed"), clock.now.isoformat()],
        cwd=REPO, capture_output=True, text=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    assert killed.stdout.startswith("rewritten 2" if body is EDITED_AND_NEW else "rewritten 3")
    clock.advance(600)  # past the dead process's lease
    rec = RecordingAdapter(name="console")
    app = await _app(db_url, server, tmp_path, clock, rec)
    try:
        assert await _stored(app) == before  # nothing of the killed poll was kept
        assert await _outbox_count(app) == queued
        await _cycle(app)
        if body is EDITED_AND_NEW:
            _check_after_edit(original, rec.deliveries)
        else:
            assert rec.deliveries == []
        stored = await _stored(app)
        assert all(h.startswith(RAW_HASH_MARK) for h, _ in stored.values())
        assert len(stored) == (4 if body is EDITED_AND_NEW else 3)
        clock.advance(3600)
        await _cycle(app)
        assert len(rec.deliveries) == (2 if body is EDITED_AND_NEW else 0)
    finally:
        await app.close()


async def test_a_late_hash_rewrite_leaves_an_edit_stored_since_alone(
        db_url: str, server: FeedServer, tmp_path: Path) -> None:
    # A worker that stalled past its lease flushes the hashes it found by their legacy form
    # after another worker took the feed over and stored a real edit of that entry: the
    # rewrite replaces only the hash it compared, so the edit's text and hash stay as stored.
    app, _, _, _ = await _upgraded_app(db_url, server, tmp_path)
    try:
        async with app.db.read() as conn:
            feed_id, key, legacy = (await conn.execute(select(
                entries.c.feed_id, entries.c.entry_key, entries.c.raw_hash))).first()
        edited = RAW_HASH_MARK + "the-edit-stored-by-the-other-worker"
        async with app.db.begin() as conn:
            await conn.execute(update(entries).where(entries.c.entry_key == key).values(
                raw_hash=edited, text="The edited text."))
            await entry_store.rewrite_raw_hashes(
                conn, [(feed_id, key, RAW_HASH_MARK + "late", legacy)])
        assert (await _stored(app))[key] == (edited, "The edited text.")
        async with app.db.begin() as conn:  # where the row still holds it, it is replaced
            await conn.execute(update(entries).where(entries.c.entry_key == key).values(
                raw_hash=legacy))
            await entry_store.rewrite_raw_hashes(
                conn, [(feed_id, key, RAW_HASH_MARK + "late", legacy)])
        assert (await _stored(app))[key][0] == RAW_HASH_MARK + "late"
    finally:
        await app.close()

"""What delivering an outbox row writes, told with the recording adapter on a fake clock:
statements built once, not per row; each message id kept once; no delete before a row's first
send; each state a transaction of its own, and what a crash or a failure between those writes
leaves (issue 26); a row's ``sent`` written before the next row's pacing or slot wait, whether
or not its adapter can reconcile. The outbox's states and their conversations are in
tests/test_outbox.py."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, UniqueConstraint, event, select
from sqlalchemy.engine import default as engine_default

from adapters.recording import RecordingAdapter, SimulatedCrash
from bot import metrics
from bot.delivery import Destination, Outgoing, Pacing
from bot.outbox.pacing import Pace
from bot.outbox.queue import enqueue
from bot.outbox.worker import OutboxWorker
from bot.store import outbox as outbox_store
from bot.store.briefs import load_brief
from bot.store.db import Database, ignoring_conflicts
from bot.store.schema import outbox, sent_messages
from tests.support.crash_delivery import EPOCH, add_brief, add_destination, seed
from tests.support.outbox import (  # noqa: F401  (fixtures)
    FakeClock,
    db,
    lease_expires,
    rows,
    worker,
)
from tests.support.statements import RecordingConnection, same_statements

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


async def test_the_statements_of_a_delivery_are_built_once_not_per_row() -> None:
    """Claiming, marking sending and settling a row ran statements built anew for each row,
    with their cache keys (issue 26); built once, a row passes only its values."""
    runs = []
    for row_id in (1, 2):
        conn = RecordingConnection()
        await outbox_store.claim(conn, select(outbox.c.id), owner="w1",  # type: ignore[arg-type]
                                 until=EPOCH)
        await outbox_store.mark_sending(conn, row_id, owner="w1", now=EPOCH,  # type: ignore[arg-type]
                                        lease_until=EPOCH)
        await outbox_store.mark_sent(conn, row_id, [f"m{row_id}"], now=EPOCH)  # type: ignore[arg-type]
        runs.append(conn.statements[1:])  # the claim's own query is the caller's
    assert len(runs[0]) == 6
    assert same_statements(runs)  # settling too: its update was built per row until later


async def test_the_expiry_of_held_rows_is_built_once_not_per_batch() -> None:
    """Every batch of the worker expires the rows held too long for a paused destination, paused
    destinations or not: its update was built anew, with its cache key, at each batch (issue
    26: about half of what a batch that finds nothing costs)."""
    runs = []
    for hours in (1, 2):
        conn = RecordingConnection()
        await outbox_store.expire_held(conn, now=EPOCH,  # type: ignore[arg-type]
                                       max_age=timedelta(hours=hours), error=f"held {hours}")
        runs.append(conn.statements)
    assert len(runs[0]) == 1
    assert same_statements(runs)


@pytest.mark.parametrize("tenants", [None, ("server-1",)])
async def test_a_delivered_briefs_story_is_read_by_a_statement_built_once(
        db: Database, tenants: tuple[str, ...] | None) -> None:
    """Loading a brief to deliver it read its story's other sources with a query built anew,
    its tenancy rule included, for every brief (issue 26); now each passes only its values."""
    ids = [await add_brief(db, n, now=EPOCH) for n in range(2)]
    executed: list[object] = []

    def note(conn: object, statement: object, *args: object) -> None:
        executed.append(statement)

    event.listen(db.engine.sync_engine, "before_execute", note)
    runs = []
    try:
        for brief_id in ids:
            executed.clear()
            async with db.read() as conn:
                brief = await load_brief(conn, brief_id, tenants=tenants)
            assert brief.headline
            runs.append(list(executed))
    finally:
        event.remove(db.engine.sync_engine, "before_execute", note)
    assert len(runs[0]) == 2
    assert same_statements(runs)


async def test_a_row_settled_twice_keeps_each_message_id_once(db: Database) -> None:
    """A first send clears no earlier ids (it has none, issue 26); if its worker's lease lapsed
    mid-send and another worker's reconcile settled the row first with the same message, the
    late settling neither fails on the kept id nor keeps it twice."""
    dest = await add_destination(db, "test:twice")
    brief_id = await add_brief(db, 1)
    async with db.begin() as conn:
        row_id = await outbox_store.add(conn, key="b:twice", destination_id=dest, now=EPOCH,
                                        brief_id=brief_id, digest=None)
        assert row_id is not None
        await outbox_store.mark_sent(conn, row_id, ["m1", "m2"], now=EPOCH)  # the reconcile
    async with db.begin() as conn:
        await outbox_store.mark_sent(conn, row_id, ["m1", "m2"], now=EPOCH, first=True)
    async with db.read() as conn:
        kept = (await conn.execute(select(sent_messages.c.message_id)
                                   .where(sent_messages.c.outbox_id == row_id))).scalars().all()
    assert sorted(kept) == ["m1", "m2"]


async def test_a_rows_insert_and_its_message_ids_are_compiled_once(db: Database) -> None:
    """SQLAlchemy never caches the dialects' INSERT … ON CONFLICT (``inherit_cache = False``):
    queueing a row and keeping its message ids were compiled anew for every row (two thirds
    of the insert's cost, issue 26). From the second row on, both come from the cache."""
    seen: list[tuple[str, object]] = []

    def record(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
               executemany: bool) -> None:
        if statement.startswith(('INSERT INTO "outbox"', 'INSERT INTO "sent_messages"')):
            seen.append((statement.split()[2].strip('"'), context.cache_hit))

    dest = await add_destination(db, "test:cached")
    event.listen(db.engine.sync_engine, "before_cursor_execute", record)
    for n in range(3):
        brief_id = await add_brief(db, n)
        async with db.begin() as conn:
            row_id = await outbox_store.add(conn, key=f"b:cached:{n}", destination_id=dest,
                                            now=EPOCH, brief_id=brief_id, digest=None)
            assert row_id is not None
            assert await outbox_store.add(conn, key=f"b:cached:{n}", destination_id=dest,
                                          now=EPOCH, brief_id=brief_id, digest=None) is None
            await outbox_store.mark_sent(conn, row_id, [f"m{n}"], now=EPOCH, first=True)
    event.remove(db.engine.sync_engine, "before_cursor_execute", record)
    hit = engine_default.CACHE_HIT
    assert [table for table, _ in seen] == ["outbox", "outbox", "sent_messages"] * 3
    for table in ("outbox", "sent_messages"):  # each compiled at most once, on first use
        assert all(cached == hit for t, cached in seen[3:] if t == table), table


_RESERVED = MetaData()
_RESERVED_WORDS = Table(  # words PostgreSQL reserves and SQLite does not
    "reserved_words", _RESERVED, Column("id", Integer, primary_key=True),
    Column("user", String, nullable=False), Column("window", String, nullable=False),
    Column("do", String), UniqueConstraint("user", "window"))


async def test_an_insert_ignoring_conflicts_quotes_words_either_backend_reserves(
        db: Database) -> None:
    """Its text quoted identifiers by SQLite's rules only, so PostgreSQL refused a column named
    as one of its own reserved words (reactions.user): a syntax error on every such insert."""
    values = {"user": "u1", "window": "w", "do": "x"}
    async with db.begin() as conn:
        await conn.run_sync(_RESERVED.create_all)
        statement = ignoring_conflicts(_RESERVED_WORDS, tuple(values), ("user", "window"),
                                       returning=True)
        first = (await conn.execute(statement, values)).scalar()
        again = (await conn.execute(statement, {**values, "do": "y"})).scalar()
        kept = (await conn.execute(select(_RESERVED_WORDS.c.do))).scalars().all()
    assert first is not None and again is None
    assert kept == ["x"]


async def test_a_rows_first_send_runs_no_delete_and_a_resend_still_clears(db: Database) -> None:
    dest = await add_destination(db, "test:first")
    brief_id = await add_brief(db, 1)
    async with db.begin() as conn:
        assert await enqueue(conn, key="b:first", destination_id=dest, brief_id=brief_id,
                             now=EPOCH)
    executed: list[str] = []

    def note(conn: object, cursor: object, statement: str, *args: object) -> None:
        executed.append(statement)

    event.listen(db.engine.sync_engine, "before_cursor_execute", note)
    try:
        assert await worker(db, RecordingAdapter(), FakeClock()).run_once() == 1
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", note)
    assert [s for s in executed if s.startswith("DELETE FROM sent_messages")] == []
    assert len([s for s in executed if s.startswith('INSERT INTO "sent_messages"')]) == 1
    conn_ = RecordingConnection()
    await outbox_store.mark_sent(conn_, 1, ["m"], now=EPOCH)  # type: ignore[arg-type]
    assert len(conn_.statements) == 3  # a later attempt or a reconcile clears first


def _transactions(db: Database) -> tuple[list[list[str]], Any]:
    """Each transaction the store opens, as the statements it ran (SQLite and PostgreSQL)."""
    found: list[list[str]] = []

    def began(conn: object) -> None:
        found.append([])

    def ran(conn: object, cursor: object, statement: str, *args: object) -> None:
        if found:
            found[-1].append(" ".join(statement.split()))

    event.listen(db.engine.sync_engine, "begin", began)
    event.listen(db.engine.sync_engine, "before_cursor_execute", ran)

    def stop() -> None:
        event.remove(db.engine.sync_engine, "begin", began)
        event.remove(db.engine.sync_engine, "before_cursor_execute", ran)
    return found, stop


async def test_each_state_of_a_row_is_a_transaction_of_its_own(db: Database) -> None:
    """A row's ``sent`` is committed alone as soon as it is posted, before anything of the next
    row: merged into the next row's ``sending`` (issue 26), it saved about 1.6% of a changed
    feed's instructions for the cases it added to the path a crash depends on."""
    pairs = await seed(db, briefs=3, refs=["test:a"])
    rec = RecordingAdapter()
    found, stop = _transactions(db)
    try:
        assert await worker(db, rec, FakeClock()).run_once() == 3
    finally:
        stop()
    writes = [[s.split(" SET ")[0] + (" sent" if "sent_at" in s else " sending")
               for s in tx if s.startswith("UPDATE outbox SET state")]
              for tx in found if any(s.startswith("UPDATE outbox SET state") for s in tx)]
    assert writes == [["UPDATE outbox sending"], ["UPDATE outbox sent"]] * 3
    state = await rows(db)
    assert rec.keys() == [key for _, key in pairs]
    assert all(state[key]["state"] == "sent" for _, key in pairs)


@pytest.mark.parametrize("crash", ["after-post", "before-post"])
async def test_a_crash_between_the_writes_loses_and_doubles_nothing(
        db: Database, crash: str) -> None:
    """Killed after the second row's post (its ``sent`` unwritten) or just before it (its
    ``sending`` written): after a restart every row is posted exactly once and settled with the
    platform's id."""
    pairs = await seed(db, briefs=3, refs=["test:a"])
    keys = [key for _, key in pairs]
    seen = 0

    def die(destination: Destination, message: Outgoing) -> None:
        nonlocal seen
        seen += 1
        if seen == 2:
            raise SimulatedCrash(message.key)

    rec, clock = RecordingAdapter(), FakeClock()
    if crash == "after-post":
        rec.on_posted = die
    else:
        rec.on_attempt = die
    with pytest.raises(BaseException):  # noqa: B017
        await worker(db, rec, clock, worker_id="dead").run_once()
    state = await rows(db)
    assert [state[key]["state"] for key in keys] == ["sent", "sending", "pending"]
    rec.on_posted = rec.on_attempt = None
    restarted = worker(db, rec, clock, worker_id="alive")
    lease_expires(db, clock, restarted)
    assert await restarted.reconcile_stale() == 1
    while await restarted.run_once():
        pass
    state = await rows(db)
    assert sorted(rec.keys()) == sorted(keys)  # each posted exactly once
    assert all(state[d.message.key]["state"] == "sent"
               and state[d.message.key]["message_ids"] == [d.message_id]
               for d in rec.deliveries)


@pytest.mark.parametrize("failing", ["load", "settle"])
async def test_a_failure_between_the_writes_loses_and_doubles_nothing(
        db: Database, monkeypatch: pytest.MonkeyPatch, failing: str) -> None:
    """The second row cannot be loaded: the first is still settled as sent and the second
    fails alone. Or settling the first fails once: it stays ``sending`` (posted, outcome
    unknown) while the others go on, and reconcile settles it without posting it again."""
    pairs = await seed(db, briefs=3, refs=["test:a"])
    keys = [key for _, key in pairs]
    rec, clock = RecordingAdapter(), FakeClock()
    w = worker(db, rec, clock)
    outgoing, mark_sent = w._outgoing, outbox_store.mark_sent
    settles = 0

    async def unloadable(conn: Any, job: Any) -> Outgoing:
        if job.key == keys[1]:
            raise LookupError("no brief")
        return await outgoing(conn, job)

    async def flaky(*args: Any, **kwargs: Any) -> None:
        nonlocal settles
        settles += 1
        if settles == 1:  # the first row's
            raise OSError("disk hiccup")
        await mark_sent(*args, **kwargs)

    if failing == "load":
        monkeypatch.setattr(w, "_outgoing", unloadable)
    else:
        monkeypatch.setattr(outbox_store, "mark_sent", flaky)
    assert await w.run_once() == 3
    state = await rows(db)
    if failing == "load":
        assert [state[key]["state"] for key in keys] == ["sent", "failed", "sent"]
        assert rec.keys() == [keys[0], keys[2]]
    else:
        assert [state[key]["state"] for key in keys] == ["sending", "sent", "sent"]
        clock.advance(w.backoff(1).total_seconds() + 1)  # its outcome's backoff
        assert await w.reconcile_stale() == 1
        state = await rows(db)
        assert [state[key]["state"] for key in keys] == ["sent", "sent", "sent"]
        assert rec.keys() == keys and settles == 4  # each posted once


class _Noting:
    """A pace that has ``note`` look at the rows each time the worker asks it for a delay or a
    turn, before it answers."""

    def __init__(self, pace: Pace, note: Callable[[], Awaitable[None]]) -> None:
        self.pace, self.note = pace, note

    async def delay(self) -> float:
        await self.note()
        return await self.pace.delay()

    async def acquire(self) -> None:
        await self.note()
        await self.pace.acquire()

    async def hold(self, seconds: float) -> None:
        await self.pace.hold(seconds)


@pytest.mark.parametrize("exactly_once", [False, True])
async def test_a_row_is_sent_before_the_next_rows_pacing_and_counted_after(
        db: Database, monkeypatch: pytest.MonkeyPatch, exactly_once: bool) -> None:
    """Console and webhooks cannot reconcile, so a kill between a post and its ``sent`` posts it
    again: a row's ``sent`` is written before the next row's pacing is asked (a shared pace's
    reservation, a wait), whether or not its adapter reconciles, and a delivery counts as sent
    once its ``sent`` is committed, not when the platform answered."""
    pairs = await seed(db, briefs=3, refs=["test:a"])
    keys = [key for _, key in pairs]
    rec, clock = RecordingAdapter(exactly_once=exactly_once, pacing=Pacing(rate=0.5)), FakeClock()
    counted: list[str] = []
    monkeypatch.setattr(metrics, "delivery", lambda platform, outcome: counted.append(outcome))
    seen: list[tuple[list[object], int]] = []  # the rows' states, deliveries counted as sent

    async def note() -> None:
        state = await rows(db)
        seen.append(([state[key]["state"] for key in keys], counted.count("sent")))

    async def sleep(seconds: float) -> None:
        await note()
        await clock.sleep(seconds)

    w = OutboxWorker(db=db, adapters={rec.name: rec}, clock=clock, sleep=sleep)
    pace = w._pace
    monkeypatch.setattr(w, "_pace", lambda key, pacing: _Noting(pace(key, pacing), note))
    assert await w.run_once() == 3
    await note()
    assert len(seen) > 3 and seen[-1] == (["sent"] * 3, 3)
    assert all(states.count("sent") == sent for states, sent in seen)
    assert not any("sending" in states for states, _ in seen)


@pytest.mark.parametrize("paced", ["destination", "platform"])
async def test_a_row_is_settled_before_the_next_rows_pacing_wait(db: Database,
                                                                 paced: str) -> None:
    """A row is settled before the next row waits for its turn (its destination's or its
    platform's; a shared pace on PostgreSQL): no post waits out a pacing delay unsettled."""
    pairs = await seed(db, briefs=3, refs=["test:a"])
    keys = [key for _, key in pairs]
    pacing = Pacing(rate=0.5)
    rec = (RecordingAdapter(pacing=pacing) if paced == "destination"
           else RecordingAdapter(platform_pacing=pacing))
    clock = FakeClock()
    seen: list[list[object]] = []

    async def sleep(seconds: float) -> None:
        state = await rows(db)
        seen.append([state[key]["state"] for key in keys])
        await clock.sleep(seconds)

    w = OutboxWorker(db=db, adapters={rec.name: rec}, clock=clock, sleep=sleep)
    assert await w.run_once() == 3
    assert seen == [["sent", "pending", "pending"], ["sent", "sent", "pending"]]


async def test_a_row_is_settled_before_a_wait_for_a_delivery_slot(db: Database) -> None:
    """With every slot taken by another destination's post, the row posted before is settled
    before the wait: at each post only the row being posted is ``sending``."""
    await seed(db, briefs=2, refs=["test:a", "test:b"])
    rec, clock = RecordingAdapter(), FakeClock()
    sending: list[int] = []  # rows sending at each post, the one being posted included
    deliver = rec.deliver

    async def counting(destination: Destination, message: Outgoing) -> Any:
        state = await rows(db)
        sending.append([row["state"] for row in state.values()].count("sending"))
        return await deliver(destination, message)

    rec.deliver = counting  # type: ignore[method-assign]
    assert await worker(db, rec, clock, concurrency=1).run_once() == 4
    assert sending == [1, 1, 1, 1]

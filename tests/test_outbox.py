"""The outbox state machine, told as conversations with the recording adapter on a fake clock.
What delivering a row writes (its statements, its sent_messages, the merged transactions) is
in tests/test_outbox_writes.py; the worker, clock and rows both use, in tests/support/outbox.py."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql

from adapters.recording import RecordingAdapter, SimulatedCrash
from bot.delivery import Destination, Outgoing, Pacing
from bot.delivery.serialize import digest_from_json, digest_to_json
from bot.errors import DeliveryError
from bot.models import Digest, DigestSection
from bot.outbox.queue import enqueue, outbox_key
from bot.outbox.worker import OutboxWorker, outbox_counts
from bot.store import destinations as dest_store
from bot.store.db import Database
from bot.store.schema import destinations, outbox
from tests.support.crash_delivery import EPOCH, add_brief, add_destination, seed
from tests.support.outbox import (  # noqa: F401  (fixtures)
    FakeClock,
    db,
    lease_expires,
    rows,
    worker,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


async def test_outbox_key_is_stable_short_and_hashes_long_input() -> None:
    assert outbox_key("b", 12, 34) == "b:12:34"
    long = outbox_key("d", 1, "x" * 100)
    assert long == outbox_key("d", 1, "x" * 100) and long.startswith("h:") and len(long) == 64
    assert outbox_key("d", "a b") != outbox_key("d", "a_b")


async def test_enqueue_is_idempotent_and_digest_round_trips(db: Database) -> None:
    dest = await add_destination(db, "test:a")
    brief_id = await add_brief(db, 1)
    async with db.begin() as conn:
        assert await enqueue(conn, key="b:1", destination_id=dest, brief_id=brief_id, now=EPOCH)
        assert not await enqueue(conn, key="b:1", destination_id=dest, brief_id=brief_id,
                                 now=EPOCH + timedelta(hours=1))
        with pytest.raises(ValueError):
            await enqueue(conn, key="x", destination_id=dest, now=EPOCH)
    rec = RecordingAdapter()
    clock = FakeClock()
    assert await worker(db, rec, clock).run_once() == 1
    assert [d.message.brief.headline for d in rec.deliveries if d.message.brief] == ["Story 1"]

    async with db.begin() as conn:
        brief = (await conn.execute(select(outbox.c.brief_id))).scalar_one()
    assert brief == brief_id
    from bot.store.briefs import load_brief
    async with db.begin() as conn:
        stored = await load_brief(conn, brief_id)
    digest = Digest(title="Morning", period_start=EPOCH, period_end=EPOCH + timedelta(days=1),
                    sections=[DigestSection("ai", [stored, stored])], note="2 items")
    assert digest_from_json(digest_to_json(digest)) == digest
    async with db.begin() as conn:
        assert await enqueue(conn, key="d:1", destination_id=dest, digest=digest, now=EPOCH)
    assert await worker(db, rec, clock).run_once() == 1
    assert rec.deliveries[-1].message.digest == digest


async def test_pending_to_sent_records_message_ids(db: Database) -> None:
    pairs = await seed(db, briefs=2, refs=["test:a", "test:b"])
    rec, clock = RecordingAdapter(), FakeClock()
    w = worker(db, rec, clock)
    assert await w.run_once() == 4
    assert await w.run_once() == 0  # nothing left: no resend
    state = await rows(db)
    for ref, key in pairs:
        assert state[key]["state"] == "sent" and state[key]["attempts"] == 1
        assert state[key]["sent_at"] == EPOCH
        [delivery] = [d for d in rec.deliveries if d.message.key == key]
        assert delivery.destination.ref == ref
        assert state[key]["message_ids"] == [delivery.message_id]


async def test_sending_is_committed_before_the_post_and_reconciled_after_a_crash(
        db: Database) -> None:
    [(_, key)] = await seed(db, briefs=1, refs=["test:a"])
    rec, clock = RecordingAdapter(), FakeClock()
    rec.crash_after_post()
    with pytest.raises(BaseException) as crash:
        await worker(db, rec, clock, worker_id="dead").run_once()
    assert crash.group_contains(SimulatedCrash)
    row = (await rows(db))[key]
    assert row["state"] == "sending" and row["sending_at"] == EPOCH

    restarted = worker(db, rec, clock, worker_id="alive")

    lease_expires(db, clock, restarted)
    assert await restarted.reconcile_stale() == 1
    assert await restarted.run_once() == 0
    row = (await rows(db))[key]
    assert row["state"] == "sent"
    assert rec.keys() == [key]  # posted once, never resent
    assert row["message_ids"] == [rec.deliveries[0].message_id]
    assert rec.reconciliations == [(key, True)]


async def test_crash_before_the_post_is_resent_after_reconcile(db: Database) -> None:
    [(_, key)] = await seed(db, briefs=1, refs=["test:a"])
    clock = FakeClock()

    def die(*_: object) -> None:
        raise SimulatedCrash("before post")

    dying = RecordingAdapter(on_attempt=die)
    with pytest.raises(BaseException):  # noqa: B017
        await worker(db, dying, clock, worker_id="dead").run_once()
    rec = RecordingAdapter()
    restarted = worker(db, rec, clock, worker_id="alive")
    lease_expires(db, clock, restarted)
    assert await restarted.run_once() == 0  # a `sending` row is never blindly resent
    assert await restarted.reconcile_stale() == 1
    assert rec.reconciliations == [(key, False)]
    assert await restarted.run_once() == 1
    assert rec.keys() == [key] and (await rows(db))[key]["state"] == "sent"


async def test_at_least_once_adapter_resends_after_a_crash(db: Database) -> None:
    [(_, key)] = await seed(db, briefs=1, refs=["test:a"])
    rec, clock = RecordingAdapter(exactly_once=False), FakeClock()
    rec.crash_after_post()
    with pytest.raises(BaseException):  # noqa: B017
        await worker(db, rec, clock, worker_id="dead").run_once()
    restarted = worker(db, rec, clock, worker_id="alive")
    lease_expires(db, clock, restarted)
    await restarted.reconcile_stale()
    await restarted.run_once()
    assert rec.keys() == [key, key]  # documented: such adapters deliver at least once


async def test_retry_backs_off_exponentially_then_sends(db: Database) -> None:
    [(_, key)] = await seed(db, briefs=1, refs=["test:a"])
    rec, clock = RecordingAdapter(), FakeClock()
    rec.fail(DeliveryError("503 upstream"), times=2)
    w = worker(db, rec, clock, backoff_base=10.0)
    assert await w.run_once() == 1
    row = (await rows(db))[key]
    assert row["state"] == "pending" and row["attempts"] == 1
    assert row["next_attempt_at"] == EPOCH + timedelta(seconds=10)
    assert "503 upstream" in str(row["error"])
    clock.advance(9.9)
    assert await w.run_once() == 0  # not due yet
    clock.advance(0.1)
    assert await w.run_once() == 1
    assert (await rows(db))[key]["next_attempt_at"] == clock.now + timedelta(seconds=20)
    clock.advance(20)
    assert await w.run_once() == 1
    row = (await rows(db))[key]
    assert row["state"] == "sent" and row["attempts"] == 3 and row["error"] is None
    assert len(rec.attempts) == 3 and rec.keys() == [key]


async def test_failed_after_max_attempts(db: Database) -> None:
    [(_, key)] = await seed(db, briefs=1, refs=["test:a"])
    rec, clock = RecordingAdapter(), FakeClock()
    rec.fail(DeliveryError("500"), times=99)
    w = worker(db, rec, clock, max_attempts=3, backoff_base=1.0)
    for _ in range(6):
        await w.run_once()
        clock.advance(3600)
    row = (await rows(db))[key]
    assert row["state"] == "failed" and row["attempts"] == 3 and "500" in str(row["error"])
    assert len(rec.attempts) == 3 and rec.keys() == []


async def test_an_unloadable_row_fails_with_the_outbox_failed_event(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    """Operators alert on ``outbox.failed``: a row whose content cannot be built is one."""
    [(_, key)] = await seed(db, briefs=1, refs=["test:a"])
    async with db.begin() as conn:
        await conn.execute(update(outbox).where(outbox.c.key == key)
                           .values(brief_id=None, digest="{not json"))
    rec, clock = RecordingAdapter(), FakeClock()
    with caplog.at_level("ERROR"):
        await worker(db, rec, clock).run_once()
    assert (await rows(db))[key]["state"] == "failed" and rec.attempts == []
    [record] = [r for r in caplog.records if r.getMessage().startswith("outbox.failed")]
    assert "reason=unloadable" in record.getMessage() and key in record.getMessage()


class UnrenderableAdapter(RecordingAdapter):
    """A parts adapter whose render raises, as a template once made Discord's (IndexError)."""

    def render(self, destination: Destination, message: Outgoing) -> list[object]:
        raise IndexError("string index out of range")

    async def post_part(self, destination: Destination, message: Outgoing, index: int,
                        part: object, earlier: Sequence[str]) -> str:
        raise AssertionError("nothing renders, so nothing is posted")

    async def find_parts(self, destination: Destination, message: Outgoing,
                         since: datetime) -> dict[int, str] | None:
        return {}


async def test_a_row_that_cannot_render_fails_with_its_reason_not_forever(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    [(_, key)] = await seed(db, briefs=1, refs=["test:a"])
    rec, clock = UnrenderableAdapter(), FakeClock()
    w = worker(db, rec, clock, backoff_base=30.0)
    with caplog.at_level("ERROR"):
        await w.run_once()
        clock.advance(3600)  # had it been left "sending", reconcile would retake it by now
        await w.reconcile_stale()
    row = (await rows(db))[key]
    assert row["state"] == "failed"
    assert "cannot render message: IndexError" in row["error"]
    [record] = [r for r in caplog.records if r.getMessage().startswith("outbox.failed")]
    assert "reason=unrenderable" in record.getMessage() and key in record.getMessage()


async def test_a_sending_row_that_cannot_render_fails_at_reconcile(db: Database) -> None:
    """A row left "sending" (a crash, or a version whose render raised only after posting)
    is not re-leased on every reconcile when its message cannot be rendered."""
    [(_, key)] = await seed(db, briefs=1, refs=["test:a"])
    async with db.begin() as conn:
        await conn.execute(update(outbox).where(outbox.c.key == key)
                           .values(state="sending", attempts=1, sending_at=EPOCH))
    rec, clock = UnrenderableAdapter(), FakeClock()
    w = worker(db, rec, clock)
    lease_expires(db, clock, w)
    assert await w.reconcile_stale() == 1
    row = (await rows(db))[key]
    assert row["state"] == "failed" and "cannot render message" in row["error"]
    assert row["lease_until"] is None


async def test_permanent_error_pauses_only_that_destination(db: Database) -> None:
    pairs = await seed(db, briefs=2, refs=["test:gone", "test:ok"])
    rec, clock = RecordingAdapter(), FakeClock()
    rec.fail(DeliveryError("404 Unknown Channel", permanent=True, status=404), ref="test:gone")
    w = worker(db, rec, clock)
    await w.run_once()
    state = await rows(db)
    gone = [k for r, k in pairs if r == "test:gone"]
    ok = [k for r, k in pairs if r == "test:ok"]
    assert all(state[k]["state"] == "sent" for k in ok)
    # Held, not failed: the attempt is given back and the row waits for a resume.
    assert all(state[k]["state"] == "pending" and state[k]["attempts"] == 0 for k in gone)
    async with db.begin() as conn:
        dest = (await conn.execute(select(destinations).where(
            destinations.c.ref == "test:gone"))).one()
        assert await outbox_counts(conn, dest.id) == {"pending": 2}
    assert dest.paused_at == EPOCH and "404 Unknown Channel" in dest.paused_reason
    clock.advance(86400)
    assert await w.run_once() == 0  # paused rows are not claimed
    async with db.begin() as conn:
        await dest_store.resume(conn, dest.id, now=clock())
    assert await w.run_once() == 2
    assert sorted(rec.keys("test:gone")) == sorted(gone)


async def test_retry_after_holds_the_destination_exactly_that_long(db: Database) -> None:
    pairs = await seed(db, briefs=2, refs=["test:slow", "test:fast"])
    clock = FakeClock()
    sent_at: list[datetime] = []
    rec = RecordingAdapter(on_attempt=lambda dest, _: sent_at.append(clock.now)
                           if dest.ref == "test:slow" else None)
    rec.fail(DeliveryError("429", retry_after=7.5, status=429), ref="test:slow")
    w = worker(db, rec, clock)
    await w.run_once()
    slow = [k for r, k in pairs if r == "test:slow"]
    assert len(rec.keys("test:fast")) == 2
    # The same batch resumes the destination when its window ends, not after the batch: first
    # try at 0, the retry at exactly 7.5 s, the next row paced (the bucket restarts with one
    # token, not a burst).
    assert sorted(rec.keys("test:slow")) == sorted(slow)
    assert [(t - EPOCH).total_seconds() for t in sent_at] == [0.0, 7.5, 7.501]
    state = await rows(db)
    assert all(state[k]["attempts"] == 1 for k in slow)  # a 429 is not the message's fault


async def test_retry_after_past_the_lease_gives_the_rows_back_until_then(db: Database) -> None:
    pairs = await seed(db, briefs=2, refs=["test:slow", "test:fast"])
    clock = FakeClock()
    rec = RecordingAdapter()
    rec.fail(DeliveryError("429", retry_after=120, status=429), ref="test:slow")
    w = worker(db, rec, clock, lease_seconds=60)
    await w.run_once()
    state = await rows(db)
    slow = [k for r, k in pairs if r == "test:slow"]
    assert all(state[k]["next_attempt_at"] == EPOCH + timedelta(seconds=120) for k in slow)
    assert all(state[k]["attempts"] == 0 for k in slow)
    assert all(state[k]["lease_owner"] is None for k in slow)
    assert len(rec.keys("test:fast")) == 2 and rec.keys("test:slow") == []
    clock.advance(119.9)
    assert await w.run_once() == 0
    clock.advance(0.1)
    assert await w.run_once() == 2
    assert sorted(rec.keys("test:slow")) == sorted(slow)


async def test_unknown_failure_is_reconciled_not_blindly_resent(db: Database) -> None:
    [(_, key)] = await seed(db, briefs=1, refs=["test:a"])
    rec, clock = RecordingAdapter(), FakeClock()
    rec.fail(RuntimeError("connection reset mid-response"))
    w = worker(db, rec, clock, backoff_base=30.0)
    assert await w.run_once() == 1
    assert (await rows(db))[key]["state"] == "sending"
    assert await w.reconcile_stale() == 0  # own fresh row: wait for the backoff
    clock.advance(30.1)
    assert await w.reconcile_stale() == 1
    assert rec.reconciliations == [(key, False)]
    assert await w.run_once() == 1 and (await rows(db))[key]["state"] == "sent"


async def test_only_platforms_with_an_adapter_are_claimed(db: Database) -> None:
    pairs = await seed(db, briefs=1, refs=["test:a", "other:b"])
    rec, clock = RecordingAdapter(), FakeClock()
    assert await worker(db, rec, clock).run_once() == 1
    state = await rows(db)
    assert [state[k]["state"] for _, k in pairs] == ["sent", "pending"]


async def test_postgres_claims_skip_locked_rows(db: Database) -> None:
    w = worker(db, RecordingAdapter(), FakeClock())
    sql = str(w.claim_query([outbox.c.state == "pending"], skip_locked=True)
              .compile(dialect=postgresql.dialect()))
    assert "FOR UPDATE OF outbox SKIP LOCKED" in sql


async def test_run_forever_delivers_and_stops(db: Database) -> None:
    [(_, key)] = await seed(db, briefs=1, refs=["test:a"])
    rec = RecordingAdapter()
    w = OutboxWorker(db=db, adapters={"test": rec}, poll_interval=0.01)
    stop = asyncio.Event()
    task = asyncio.create_task(w.run_forever(stop))
    for _ in range(500):
        if rec.keys():
            break
        await asyncio.sleep(0.01)
    stop.set()
    await asyncio.wait_for(task, 5)
    assert rec.keys() == [key]


async def test_a_stop_during_a_paced_batch_gives_the_rest_back_at_once(db: Database) -> None:
    """Shutdown must not pace through a whole claimed batch (Docker kills after 10 s, and an
    at-least-once destination would then see repeats): the rows not yet sent are released."""
    pairs = await seed(db, briefs=30, refs=["test:slow"])
    stop = asyncio.Event()
    clock = FakeClock()

    posts: list[object] = []

    def third_post_stops(_dest: object, msg: object) -> None:
        posts.append(msg)
        if len(posts) == 3:  # SIGTERM arrives while the third message is being posted
            stop.set()

    rec = RecordingAdapter(pacing=Pacing(rate=1.0, burst=1), on_posted=third_post_stops)
    w = worker(db, rec, clock)
    await asyncio.wait_for(w.run_forever(stop), timeout=30)  # a hang guard, not a timing check
    assert len(rec.deliveries) == 3
    state = await rows(db)
    left = [state[key] for _, key in pairs if state[key]["state"] != "sent"]
    assert len(left) == 27
    assert all(r["state"] == "pending" and r["lease_owner"] is None for r in left)


async def test_briefs_routed_while_paused_are_held_then_delivered_in_order(
        db: Database) -> None:
    from bot.routing.route import route_brief

    dest_id = await add_destination(db, "test:paused")
    async with db.begin() as conn:
        await dest_store.add_subscription(conn, dest_id, kind="all", value="", now=EPOCH)
        await dest_store.pause(conn, dest_id, "channel_not_found", now=EPOCH)
    brief_ids = [await add_brief(db, n) for n in range(3)]
    async with db.begin() as conn:
        for brief_id in brief_ids:  # published during the pause
            assert await route_brief(conn, brief_id, now=EPOCH) == 1
    rec, clock = RecordingAdapter(), FakeClock()
    w = worker(db, rec, clock)
    assert await w.run_once() == 0 and rec.deliveries == []  # held, not posted, not lost
    async with db.begin() as conn:
        assert await outbox_counts(conn, dest_id) == {"pending": 3}
        await dest_store.resume(conn, dest_id, now=clock())
    while await w.run_once():
        pass
    assert [d.message.brief.headline for d in rec.deliveries  # type: ignore[union-attr]
            ] == ["Story 0", "Story 1", "Story 2"]


async def test_held_rows_past_the_age_limit_are_dropped_and_counted(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    pairs = await seed(db, briefs=2, refs=["test:paused"])
    async with db.begin() as conn:
        dest = await dest_store.get(conn, "test:paused")
        assert dest is not None
        await dest_store.pause(conn, dest.id, "not_in_channel", now=EPOCH)
    rec, clock = RecordingAdapter(), FakeClock()
    w = worker(db, rec, clock, held_max_age=timedelta(hours=72))
    clock.advance(72 * 3600 - 1)
    await w.run_once()
    async with db.begin() as conn:
        assert await outbox_counts(conn, dest.id) == {"pending": 2}  # not yet too old
    clock.advance(2)
    await w.run_once()
    async with db.begin() as conn:
        assert await outbox_counts(conn, dest.id) == {"expired": 2}
        await dest_store.resume(conn, dest.id, now=clock())
    assert await w.run_once() == 0 and rec.deliveries == []
    assert any("outbox.held_expired" in r.message and "count=2" in r.getMessage()
               for r in caplog.records)
    assert {k for _, k in pairs} == set(await rows(db))

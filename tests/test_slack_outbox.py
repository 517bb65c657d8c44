"""The Slack adapter driven by the outbox, against the fake Slack: the per-part state lives in
the outbox row, so nothing is posted twice across failures, lost answers and restarts."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from typing import Any

import pytest

from adapters.slack import SlackSettings, make_adapter
from bot.models import Digest
from bot.outbox.queue import enqueue, outbox_key
from bot.outbox.worker import OutboxWorker
from bot.store import destinations as dest_store
from bot.store.db import Database
from tests.support.crash_delivery import add_brief, add_destination
from tests.support.dbs import db  # noqa: F401  (the fixture)
from tests.support.fake_slack import TOKEN, FakeSlack
from tests.support.outbox import FakeClock, rows
from tests.support.slack_delivery import SPEC, big_digest

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

REF = "slack:T0TEAM/C100"


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    server = await FakeSlack(spec_path=SPEC).start()
    yield server
    await server.stop()
    assert server.violations == []


async def queue(db: Database, ref: str = REF, *, digest: Digest | None = None,
                n: int = 0) -> str:
    """One row for ``ref``: a brief (``Story n``) or the given digest; returns its key."""
    dest_id = await _dest(db, ref) or await add_destination(db, ref)
    brief_id = None if digest is not None else await add_brief(db, n)
    key = outbox_key("t", dest_id, n, "d" if digest else "b")
    async with db.begin() as conn:
        await enqueue(conn, key=key, destination_id=dest_id, brief_id=brief_id, digest=digest,
                      now=FakeClock().now)
    return key


async def _dest(db: Database, ref: str) -> int | None:
    async with db.begin() as conn:
        row = await dest_store.get(conn, ref)
    return row.id if row else None


def process(db: Database, fake: FakeSlack, clock: FakeClock, name: str,
            min_interval: float = 0.0) -> OutboxWorker:
    """A fresh process: a new adapter (no memory of earlier sends) and worker id."""
    adapter = make_adapter(SlackSettings(bot_token=TOKEN, api_base_url=fake.api_url,
                                         serve=False, min_interval=min_interval))
    return OutboxWorker(db=db, adapters={"slack": adapter}, clock=clock, sleep=clock.sleep,
                        worker_id=name, backoff_base=30.0)


async def drain(worker: OutboxWorker) -> None:
    await worker.reconcile_stale()
    while await worker.run_once():
        pass


@pytest.mark.parametrize("fault", ["http500", "internal_error", "fatal_error", "lost_answer"])
async def test_stored_then_an_unproven_failure_then_a_restart_posts_once(
        db: Database, fake: FakeSlack, fault: str) -> None:
    key = await queue(db)
    if fault == "lost_answer":
        fake.drop_after_store = 1
    else:
        fake.error_after_store.append((500, "internal_error") if fault == "http500"
                                      else (200, fault))
    clock = FakeClock()
    await process(db, fake, clock, "first").run_once()
    row = (await rows(db))[key]
    assert row["state"] == "sending"  # "sent, outcome unknown", in the row: survives a restart
    clock.advance(3600)
    await drain(process(db, fake, clock, "restarted"))  # a new process reconciles first
    row = (await rows(db))[key]
    assert row["state"] == "sent" and row["message_ids"] == [fake.history("C100")[0]["ts"]]
    assert len(fake.history("C100")) == 1 and fake.calls.count("chat.postMessage") == 1


async def test_a_restart_mid_digest_posts_only_the_missing_parts(
        db: Database, fake: FakeSlack) -> None:
    key = await queue(db, digest=big_digest())
    fake.fail("chat.postMessage", "msg_blocks_too_long", after=2)  # part 2 refused outright
    clock = FakeClock()
    await process(db, fake, clock, "first").run_once()
    row = (await rows(db))[key]
    assert row["state"] == "pending" and sorted(row["parts"]) == ["0", "1"]
    clock.advance(3600)
    await drain(process(db, fake, clock, "restarted"))  # no in-memory record survived
    stored = fake.history("C100")
    parts = [m["metadata"]["event_payload"]["part"] for m in stored]
    assert parts == list(range(len(stored))) and len(stored) > 2  # each part once, in order
    assert (await rows(db))[key]["message_ids"] == [m["ts"] for m in stored]


async def test_a_429_mid_digest_resumes_at_the_refused_part(db: Database,
                                                             fake: FakeSlack) -> None:
    key = await queue(db, digest=big_digest())
    fake.fail("chat.postMessage", "ratelimited", status=429, retry_after=3, times=2, after=1)
    clock = FakeClock()
    await drain(process(db, fake, clock, "w"))
    stored = fake.history("C100")
    assert [m["metadata"]["event_payload"]["part"] for m in stored] == list(range(len(stored)))
    assert (await rows(db))[key]["message_ids"] == [m["ts"] for m in stored]
    assert clock.slept.count(3.0) == 2  # the window was waited out, each time, exactly


async def test_parts_and_messages_are_paced_one_a_second_per_channel(
        db: Database, fake: FakeSlack) -> None:
    clock = FakeClock()
    posted_at: dict[str, list[float]] = {}
    original = fake._m_chat_postMessage

    def record(args: dict[str, Any]) -> dict[str, Any]:
        posted_at.setdefault(str(args["channel"]), []).append(clock.now.timestamp())
        return original(args)

    fake._m_chat_postMessage = record  # type: ignore[method-assign]
    await queue(db, n=1)
    await queue(db, digest=big_digest(12), n=2)
    await queue(db, "slack:T0TEAM/C200", n=3)
    await drain(process(db, fake, clock, "w", min_interval=1.0))
    c100 = posted_at["C100"]
    assert len(c100) > 3 and len(posted_at["C200"]) == 1
    assert [b - a for a, b in itertools.pairwise(c100)] == [1.0] * (len(c100) - 1)

"""Crash test: delivery processes SIGKILLed at random points still deliver every brief exactly
once to every destination, because rows left ``sending`` are reconciled before any resend."""

from __future__ import annotations

import asyncio
import random
import signal
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import select

from adapters.recording import RecordingAdapter
from bot.store.db import Database
from bot.store.schema import destinations, outbox
from tests.support.crash_delivery import seed

REPO = Path(__file__).resolve().parent.parent
KILLS = 22
# A child that dies in C (an abort, a segfault) prints every thread's Python stack on its
# stderr, which pytest shows with the failure: without it a CI log says only "double free".
FAULT_STACKS = ("-X", "faulthandler")


def _round(db_url: str, log: Path, mode: str, rng: random.Random, lease: float = 60) -> int:
    proc = subprocess.Popen(
        [sys.executable, *FAULT_STACKS, "-m", "tests.support.crash_delivery", db_url, str(log),
         mode, str(lease)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        if mode == "run-killed":
            # Somewhere in reconcile, claim, send or receipt: wherever the dice say.
            try:
                proc.wait(timeout=rng.uniform(0.0, 0.12))
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
        return proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_sigkilled_delivery_is_exactly_once(tmp_path: Path) -> None:
    db_url = f"sqlite+aiosqlite:///{tmp_path / 'crash.db'}"
    log = tmp_path / "posted.log"
    refs = [f"rec:chan{i}" for i in range(8)]

    async def setup() -> list[tuple[str, str]]:
        db = Database(db_url)
        await db.migrate()
        pairs = await seed(db, briefs=30, refs=refs)
        await db.close()
        return pairs

    expected = asyncio.run(setup())
    rng = random.Random(20260105)
    kills = rounds = 0
    while True:
        rounds += 1
        assert rounds < 80, "delivery never finished"
        if kills < KILLS:
            # Random external kills, plus kills on cue at the two moments that matter most:
            # just after the platform accepted a post, and just before it did.
            mode = rng.choice(["run-killed", "run-killed", f"after-post:{rng.randint(1, 4)}",
                               f"after-attempt:{rng.randint(1, 4)}"])
        else:
            mode = "run"
        code = _round(db_url, log, mode, rng)
        if code == -signal.SIGKILL:
            kills += 1
        else:
            assert code == 0
            if mode == "run":
                break
            # finished before the kill landed; keep going until enough kills happened
            assert kills >= KILLS, "ran out of rows before enough kills; seed more"

    assert kills >= KILLS
    recorder = RecordingAdapter(name="rec", log_path=log)
    posted = recorder.posted_log()
    # Exactly once: every (destination, key) pair posted one time, nothing else posted.
    assert set(posted) == set(expected)
    assert {pair: len(ids) for pair, ids in posted.items() if len(ids) != 1} == {}

    async def rows() -> list[tuple[str, str, str, list[str]]]:
        db = Database(db_url)
        async with db.begin() as conn:
            result = (await conn.execute(
                select(destinations.c.ref, outbox.c.key, outbox.c.state, outbox.c.message_ids)
                .join(destinations, destinations.c.id == outbox.c.destination_id))).all()
        await db.close()
        return [tuple(r) for r in result]

    for ref, key, state, message_ids in asyncio.run(rows()):
        assert state == "sent", (ref, key, state)
        # The receipt kept is the platform's own id, also for rows settled by reconcile.
        assert message_ids == posted[(ref, key)]

    lines = [line.split("\t") for line in log.read_text().splitlines()]
    outcomes = Counter(fields[3] for fields in lines if fields[0] == "reconcile")
    assert outcomes["found"] >= 1, "no crash fell between post and receipt"
    assert outcomes["missing"] >= 1, "no crash fell between 'sending' and post"


def _check_exactly_once(db_url: str, log: Path, expected: list[tuple[str, str]]) -> None:
    posted = RecordingAdapter(name="rec", log_path=log).posted_log()
    assert set(posted) == set(expected)
    assert {pair: len(ids) for pair, ids in posted.items() if len(ids) != 1} == {}

    async def states() -> set[str]:
        db = Database(db_url)
        async with db.begin() as conn:
            result = set((await conn.execute(select(outbox.c.state))).scalars())
        await db.close()
        return result

    assert asyncio.run(states()) == {"sent"}


def test_sigkilled_workers_sharing_postgresql_deliver_exactly_once(
        tmp_path: Path, db_url: str, db_backend: str) -> None:
    """Three workers at once on one PostgreSQL outbox, killed at random and restarted: rows a
    dead one held are taken over by the others (short lease) and reconciled, never doubled."""
    if db_backend != "postgresql":
        pytest.skip("several workers share PostgreSQL only")
    log = tmp_path / "posted.log"
    refs = [f"rec:chan{i}" for i in range(6)]

    async def setup() -> list[tuple[str, str]]:
        db = Database(db_url)
        await db.migrate()
        pairs = await seed(db, briefs=15, refs=refs)
        await db.close()
        return pairs

    expected = asyncio.run(setup())
    rng = random.Random(20260106)
    kills = 0
    for _ in range(40):
        modes = ["run-killed", "run-killed", "run"] if kills < 10 else ["run"] * 3
        with ThreadPoolExecutor(3) as pool:
            codes = list(pool.map(lambda m: _round(db_url, log, m, rng, lease=2.0), modes))
        kills += codes.count(-signal.SIGKILL)
        if kills >= 10 and all(code == 0 for code in codes):
            break
    assert kills >= 10
    _check_exactly_once(db_url, log, expected)


def test_sigkilled_during_polls_every_item_is_delivered_exactly_once(tmp_path: Path) -> None:
    """Whole bot processes (poll, summarize, route, deliver) killed at random, mid-poll too:
    the restarted process takes the dead one's feed leases at once (SQLite: one process) and
    every item reaches every destination exactly once."""
    from tests.support.crash_poll import REFS
    from tests.support.feeds import item, rss
    from tests.support.feedserver import FeedServer

    db_url = f"sqlite+aiosqlite:///{tmp_path / 'poll.db'}"
    log = tmp_path / "posted.log"
    feeds_count = 6
    rng = random.Random(20260107)
    with FeedServer() as server:
        for n in range(feeds_count):
            server.set(f"/f{n}.xml", rss(f"Feed {n}", [item(i, topic=f"t{n}")
                                                      for i in range(4)]), delay=0.05)
        kills = 0
        for _ in range(40):
            proc = subprocess.Popen(
                [sys.executable, *FAULT_STACKS, "-m", "tests.support.crash_poll", db_url, str(log),
                 server.url("").rstrip("/"), str(feeds_count)],
                cwd=REPO, stdout=subprocess.PIPE, text=True)
            try:
                assert proc.stdout is not None
                assert proc.stdout.readline().strip() == "ready"
                if kills < 8:
                    try:
                        proc.wait(timeout=rng.uniform(0.0, 0.4))
                    except subprocess.TimeoutExpired:
                        proc.send_signal(signal.SIGKILL)
                code = proc.wait(timeout=60)
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
            # Killed by us, or done: anything else (an abort in C, a traceback) is a crash of
            # the bot's own, whether or not the kills are over.
            assert code in (0, -signal.SIGKILL)
            if code == -signal.SIGKILL:
                kills += 1
            elif kills >= 8:
                break
        assert kills >= 8

    async def pairs() -> list[tuple[str, str]]:
        db = Database(db_url)
        async with db.begin() as conn:
            result = (await conn.execute(
                select(destinations.c.ref, outbox.c.key)
                .join(destinations, destinations.c.id == outbox.c.destination_id))).all()
        await db.close()
        return [(r.ref, r.key) for r in result]

    expected = asyncio.run(pairs())
    # every item of every feed, to each destination (an item each, or a burst message)
    assert len(expected) == len(REFS) * feeds_count * 4
    _check_exactly_once(db_url, log, expected)

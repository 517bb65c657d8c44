"""PostgreSQL as a first-class store: the migrations build exactly the declared schema on both
backends, and due feeds are claimed with SKIP LOCKED leases that two workers never share."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, select

from bot.store.db import Database, alembic_config, sync_url, upgrade
from bot.store.feeds import add_feed, claim_due
from bot.store.schema import feeds
from tests.support.dbs import db_url  # noqa: F401  (fixture)
from tests.support.postgres import postgres_url  # noqa: F401  (fixture)
from tests.support.schema import schema_diff

REPO = Path(__file__).resolve().parent.parent
LEASE = timedelta(minutes=5)


def test_migrations_from_empty_match_the_metadata(db_url: str) -> None:
    upgrade(db_url)
    assert schema_diff(db_url) == []


def test_migrations_go_down_to_empty_and_up_again(db_url: str) -> None:
    upgrade(db_url)
    command.downgrade(alembic_config(db_url), "base")
    engine = create_engine(sync_url(db_url))
    try:
        left = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert left <= {"alembic_version"}
    upgrade(db_url)
    assert schema_diff(db_url) == []


def test_workers_starting_together_on_a_new_database_migrate_once(
        postgres_url: str) -> None:
    # Every worker migrates at start; on a fresh database they must not trip over each other.
    start_at = time.time() + 1.5
    code = ("import sys, time; from bot.store.db import upgrade; "
            "time.sleep(max(0.0, float(sys.argv[1]) - time.time())); upgrade(sys.argv[2])")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(start_at), postgres_url],
                              cwd=REPO, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [(proc.wait(timeout=120), proc.communicate()[1][-500:]) for proc in procs]
    assert [code for code, _ in results] == [0, 0, 0, 0], results
    assert schema_diff(postgres_url) == []


async def _feeds(url: str, count: int, now: datetime) -> Database:
    db = Database(url)
    await db.migrate()
    async with db.begin() as conn:
        for i in range(count):
            await add_feed(conn, f"http://127.0.0.1:9/feed/{i}", now=now - timedelta(minutes=1))
    return db


async def test_two_open_transactions_never_claim_the_same_feed(postgres_url: str) -> None:
    now = datetime.now(UTC)
    db = await _feeds(postgres_url, 20, now)
    try:
        async with db.engine.connect() as a, db.engine.connect() as b:
            first_tx, second_tx = await a.begin(), await b.begin()
            async with asyncio.timeout(20):  # waiting on a's row locks would hang here
                first = await claim_due(a, now=now, owner="a", limit=8, lease=LEASE)
                second = await claim_due(b, now=now, owner="b", limit=100, lease=LEASE)
            await first_tx.commit()
            await second_tx.commit()
        first_ids, second_ids = {r.id for r in first}, {r.id for r in second}
        assert len(first_ids) == 8
        assert first_ids.isdisjoint(second_ids)
        assert len(first_ids | second_ids) == 20
        async with db.begin() as conn:
            rows = (await conn.execute(select(feeds.c.id, feeds.c.lease_owner))).all()
        owners: dict[int, str | None] = {row.id: row.lease_owner for row in rows}
        assert {owners[i] for i in first_ids} == {"a"}
        assert {owners[i] for i in second_ids} == {"b"}
    finally:
        await db.close()


async def test_a_lease_holds_until_it_expires_then_another_worker_takes_over(
        postgres_url: str) -> None:
    now = datetime.now(UTC)
    db = await _feeds(postgres_url, 5, now)
    try:
        async with db.begin() as conn:
            assert len(await claim_due(conn, now=now, owner="crashed", limit=10, lease=LEASE)) == 5
        async with db.begin() as conn:  # the owner died without recording anything
            assert await claim_due(conn, now=now + LEASE / 2, owner="b", limit=10,
                                   lease=LEASE) == []
        async with db.begin() as conn:
            taken = await claim_due(conn, now=now + LEASE + timedelta(seconds=1), owner="b",
                                    limit=10, lease=LEASE)
        assert len(taken) == 5
    finally:
        await db.close()


async def test_many_concurrent_claimers_share_out_every_feed_exactly_once(
        postgres_url: str) -> None:
    now = datetime.now(UTC)
    db = await _feeds(postgres_url, 90, now)
    claimed: Counter[int] = Counter()

    async def worker(name: str) -> None:
        while True:
            async with db.begin() as conn:
                rows = await claim_due(conn, now=now, owner=name, limit=4, lease=LEASE)
                await asyncio.sleep(0.01)  # hold the row locks while the others scan
            if not rows:
                return
            claimed.update(r.id for r in rows)

    try:
        async with asyncio.timeout(60):
            await asyncio.gather(*(worker(f"w{i}") for i in range(6)))
    finally:
        await db.close()
    assert len(claimed) == 90
    assert max(claimed.values()) == 1


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_sqlite_claims_leases_too(backend: str, tmp_path: Any) -> None:
    # One process on SQLite: no row locks, but the lease keeps the process's own second claim
    # away; a lease of another owner is a dead process's, taken by its restart at once.
    now = datetime.now(UTC)
    db = await _feeds(f"sqlite+aiosqlite:///{tmp_path / 'x.db'}", 3, now)
    try:
        async with db.begin() as conn:
            assert len(await claim_due(conn, now=now, owner="a", limit=10, lease=LEASE)) == 3
        async with db.begin() as conn:
            assert await claim_due(conn, now=now, owner="a", limit=10, lease=LEASE) == []
        async with db.begin() as conn:
            assert len(await claim_due(conn, now=now, owner="b", limit=10, lease=LEASE)) == 3
    finally:
        await db.close()

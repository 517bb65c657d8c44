"""What the LLM summarizer keeps between calls (issue 25 review): the reply cache stays bounded,
is written off the event loop and not on every answer, never publishes another process's
half-written file; the daily budget survives a restart and is shared by the processes of one
data directory."""

from __future__ import annotations

import asyncio
import os
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.store import Database
from bot.summarize import llm_state
from bot.summarize.llm import DailyBudget, ReplyCache
from bot.summarize.llm_ledger import StoreLedger
from bot.summarize.llm_prompt import Reply

REPLY = Reply.model_validate({"headline": "h", "points": [
    {"label": "A claim", "text": "A point.", "sources": [1]}], "tags": ["t"]})


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 12, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


async def test_the_cache_keeps_only_the_newest_entries(tmp_path: Path) -> None:
    path = tmp_path / "llm-cache.json"
    cache = ReplyCache(path, max_entries=3)
    for n in range(5):
        await cache.put(f"k{n}", REPLY)
    assert len(cache) == 3  # memory stays bounded too
    assert cache.get("k0") is None and cache.get("k4") is not None
    await cache.flush()
    again = ReplyCache(path, max_entries=3)
    assert [again.get(f"k{n}") is not None for n in range(5)] == [False, False, True, True, True]


async def test_old_answers_expire(tmp_path: Path) -> None:
    path, clock = tmp_path / "llm-cache.json", Clock()
    cache = ReplyCache(path, max_age=timedelta(days=3), clock=clock)
    await cache.put("old", REPLY)
    clock.now += timedelta(days=2)
    await cache.put("new", REPLY)
    await cache.flush()
    clock.now += timedelta(days=2)  # "old" is four days old, "new" two
    assert cache.get("old") is None and cache.get("new") is not None
    again = ReplyCache(path, max_age=timedelta(days=3), clock=clock)
    assert again.get("old") is None and again.get("new") is not None


async def test_writes_are_batched_and_off_the_event_loop(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    writers: list[int] = []
    real = llm_state.write_atomically

    def spy(path: Path, text: str) -> None:
        writers.append(threading.get_ident())
        real(path, text)

    monkeypatch.setattr(llm_state, "write_atomically", spy)
    cache = ReplyCache(tmp_path / "llm-cache.json")
    for n in range(20):
        await cache.put(f"k{n}", REPLY)
    await cache.flush()
    assert 1 <= len(writers) <= 2  # the first answer, then everything since, at close
    assert threading.get_ident() not in writers
    assert ReplyCache(tmp_path / "llm-cache.json").get("k19") is not None


async def test_processes_sharing_the_file_keep_each_others_answers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "llm-cache.json"
    temporaries: list[str] = []
    real_replace = os.replace

    def spy(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        temporaries.append(os.fspath(src))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    one, two = ReplyCache(path), ReplyCache(path)  # two workers, both started before a write
    await one.put("from-one", REPLY)
    await one.flush()
    await two.put("from-two", REPLY)
    await two.flush()
    later = ReplyCache(path)
    assert later.get("from-one") is not None and later.get("from-two") is not None
    assert len(set(temporaries)) == len(temporaries) == 2  # never the same temporary name
    assert not list(tmp_path.glob("*.tmp"))


async def test_an_unreadable_cache_file_is_an_empty_cache(tmp_path: Path) -> None:
    path = tmp_path / "llm-cache.json"
    path.write_text('{"half": {"reply"', encoding="utf-8")
    cache = ReplyCache(path)
    assert len(cache) == 0
    await cache.put("k", REPLY)
    await cache.flush()
    assert ReplyCache(path).get("k") is not None


async def test_the_budget_survives_a_restart(tmp_path: Path) -> None:
    path, clock = tmp_path / "llm-budget.json", Clock()
    first = DailyBudget(tokens=1000, calls=0, path=path, clock=clock)
    assert not await first.exhausted()
    await first.spend(1200)
    restarted = DailyBudget(tokens=1000, calls=0, path=path, clock=clock)  # `run --once` again
    assert await restarted.exhausted()
    clock.now += timedelta(days=1)
    assert not await restarted.exhausted()  # a new day


async def test_workers_of_one_data_directory_share_the_budget(tmp_path: Path) -> None:
    path, clock = tmp_path / "llm-budget.json", Clock()
    one = DailyBudget(tokens=0, calls=2, path=path, clock=clock)
    two = DailyBudget(tokens=0, calls=2, path=path, clock=clock)
    await one.spend(10)
    assert not await two.exhausted()
    await two.spend(10)
    assert await one.exhausted() and await two.exhausted()
    assert len(one.notices) == 1


async def test_an_unreadable_budget_file_starts_the_day_at_zero(tmp_path: Path) -> None:
    path = tmp_path / "llm-budget.json"
    path.write_text("{", encoding="utf-8")
    budget = DailyBudget(tokens=0, calls=1, path=path, clock=Clock())
    assert not await budget.exhausted()
    await budget.spend(1)
    assert await budget.exhausted()


async def test_workers_of_one_database_share_the_budget(db_url: str) -> None:
    """PostgreSQL workers on several hosts (and SQLite's one process across restarts) count one
    spend a day in the database, added to atomically."""
    clock = Clock()
    db = Database(db_url)
    await db.migrate()
    try:
        one = DailyBudget(tokens=0, calls=2, ledger=StoreLedger(db), clock=clock)
        two = DailyBudget(tokens=0, calls=2, ledger=StoreLedger(db), clock=clock)
        await asyncio.gather(one.spend(10), two.spend(15))  # at once: neither is lost
        assert await one.exhausted() and await two.exhausted()
        assert (one.calls, one.tokens) == (2, 25)
        clock.now += timedelta(days=1)
        restarted = DailyBudget(tokens=0, calls=2, ledger=StoreLedger(db), clock=clock)
        assert not await restarted.exhausted()
    finally:
        await db.close()

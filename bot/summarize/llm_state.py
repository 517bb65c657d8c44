"""What the LLM summarizer keeps between calls and across restarts: the model's answers (a
bounded file, ``data_dir/llm-cache.json``) and the day's spend (a ``SpendLedger``: the
database's for the bot, a file for ``newsbrief summarize``).

The cache is a file rather than a table: ``summarize`` and ``brief`` build the summarizer
without a store, and losing it costs one call an article. It is bounded: the answers of the
last few days (``MAX_AGE``, at most ``MAX_ENTRIES``), enough that fifty channels in one
language cost one call and a restart does not re-ask recent articles. It is written at most
every ``WRITE_EVERY`` and at close, in a worker thread, through a temporary file of its own (no
two processes share one) and an atomic rename; processes that share the data directory merge
their answers under an exclusive lock (``fcntl.flock``) rather than overwrite each other's.
The budget is the install's, not a process's, so the bot counts it in the database
(bot.summarize.llm_ledger): every worker and every restart adds to one row a day.
"""

from __future__ import annotations

import asyncio
import fcntl
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from bot.logs import get_log
from bot.summarize.llm_prompt import Reply

log = get_log(__name__)

Clock = Callable[[], datetime]
MAX_ENTRIES = 5_000  # about a few days of articles × languages; ~1 KB each on disk
MAX_AGE = timedelta(days=3)
WRITE_EVERY = timedelta(seconds=30)  # answers in between are written together


def _now() -> datetime:
    return datetime.now(UTC)


def write_atomically(path: Path, text: str) -> None:
    """``text`` to ``path`` through a temporary file no other process uses, then a rename: a
    reader sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)  # `summarize` before any run
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock shared by the processes of one data directory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("llm.state_unreadable", path=path, error=exc)
        return None


Entries = dict[str, tuple[float, dict[str, object]]]  # key: (stored at, epoch s; the reply)


class ReplyCache:
    """Model answers by key (the article's hash, the language, the model and the prompt
    version), newest last, in memory and (optionally) in one JSON file."""

    def __init__(self, path: Path | None, *, max_entries: int = MAX_ENTRIES,
                 max_age: timedelta = MAX_AGE, write_every: timedelta = WRITE_EVERY,
                 clock: Clock = _now) -> None:
        self._path = path
        self._max_entries, self._max_age, self._every = max_entries, max_age, write_every
        self._clock = clock
        self._data: Entries = self._prune(self._load()) if path else {}
        self._dirty = False
        self._written: datetime | None = None
        self._writing: asyncio.Lock | None = None

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: str) -> Reply | None:
        entry = self._data.get(key)
        if entry is None or entry[0] < self._oldest():
            return None
        try:
            return Reply.model_validate(entry[1])
        except ValueError:
            return None

    async def put(self, key: str, reply: Reply) -> None:
        self._data.pop(key, None)
        self._data[key] = (self._clock().timestamp(), reply.model_dump())
        while len(self._data) > self._max_entries:
            del self._data[next(iter(self._data))]  # the oldest
        self._dirty = True
        now = self._clock()
        if self._written is None or now - self._written >= self._every:
            await self.flush()

    async def flush(self) -> None:
        """Write what changed since the last write (at close, and every ``write_every``)."""
        if self._path is None or not self._dirty:
            return
        self._writing = self._writing or asyncio.Lock()
        if self._writing.locked():
            return  # a write is under way; the answers it misses go with the next one
        async with self._writing:
            self._dirty, self._written = False, self._clock()
            try:
                merged = await asyncio.to_thread(self._merge_and_write, dict(self._data))
                self._data = self._prune({**merged, **self._data})  # with answers meanwhile
            except OSError as exc:
                self._dirty = True
                log.warning("llm.cache_write_failed", path=self._path, error=exc)

    def _merge_and_write(self, mine: Entries) -> Entries:
        """The answers other processes wrote since, with ours, pruned, written back (a thread)."""
        assert self._path is not None
        with _locked(self._path):
            theirs = self._load()
            merged = self._prune({**theirs, **{k: v for k, v in mine.items()
                                               if k not in theirs or theirs[k][0] <= v[0]}})
            write_atomically(self._path, json.dumps(
                {"version": 2, "entries": {k: [at, r] for k, (at, r) in merged.items()}},
                ensure_ascii=False))
        return merged

    def _oldest(self) -> float:
        return (self._clock() - self._max_age).timestamp()

    def _prune(self, entries: Entries) -> Entries:
        oldest = self._oldest()
        fresh = sorted(((k, v) for k, v in entries.items() if v[0] >= oldest),
                       key=lambda kv: kv[1][0])
        return dict(fresh[-self._max_entries:])

    def _load(self) -> Entries:
        assert self._path is not None
        raw = _read_json(self._path)
        entries = raw.get("entries") if isinstance(raw, dict) else None
        if not isinstance(entries, dict):
            return {}  # none yet, unreadable, or the unbounded format before version 2
        return {k: (float(v[0]), v[1]) for k, v in entries.items()
                if isinstance(v, list) and len(v) == 2 and isinstance(v[0], int | float)
                and isinstance(v[1], dict)}


class SpendLedger(Protocol):
    """Where the day's spend is counted: ``add`` adds (0 and 0: reads) and returns the day's
    (calls, tokens)."""

    async def add(self, day: str, *, calls: int, tokens: int) -> tuple[int, int]: ...


class MemoryLedger:
    """This process only: what a summarizer without a data directory or database counts."""

    def __init__(self) -> None:
        self._day, self._calls, self._tokens = "", 0, 0

    async def add(self, day: str, *, calls: int, tokens: int) -> tuple[int, int]:
        if day != self._day:
            self._day, self._calls, self._tokens = day, 0, 0
        self._calls += calls
        self._tokens += tokens
        return self._calls, self._tokens


class FileLedger:
    """The day's spend in a small JSON file, added to under a lock: shared by the processes of
    one data directory and kept across restarts (``newsbrief summarize``, no database)."""

    def __init__(self, path: Path) -> None:
        self._path = path

    async def add(self, day: str, *, calls: int, tokens: int) -> tuple[int, int]:
        return await asyncio.to_thread(self._add, day, calls, tokens)

    def _add(self, day: str, calls: int, tokens: int) -> tuple[int, int]:
        with _locked(self._path):
            raw = _read_json(self._path)
            spent = raw if isinstance(raw, dict) and raw.get("day") == day else {}
            total_calls = int(spent.get("calls", 0)) + calls
            total_tokens = int(spent.get("tokens", 0)) + tokens
            if calls or tokens:
                write_atomically(self._path, json.dumps(
                    {"day": day, "calls": total_calls, "tokens": total_tokens}))
        return total_calls, total_tokens


class DailyBudget:
    """Calls and tokens spent today (UTC); once either limit is reached, briefs are extractive
    until the next day, and the operator is told once per process (``notices``). The spend is
    counted in ``ledger`` (the database: every worker's; ``path``: a file in the data
    directory; neither: this process's)."""

    def __init__(self, *, tokens: int, calls: int, ledger: SpendLedger | None = None,
                 path: Path | None = None, clock: Clock = _now) -> None:
        self.tokens_limit, self.calls_limit = tokens, calls
        self._ledger = ledger or (FileLedger(path) if path else MemoryLedger())
        self._memory = MemoryLedger()  # counts on when the ledger fails
        self._clock = clock
        self._day = ""
        self.tokens = self.calls = 0
        self._told = ""
        self.notices: list[str] = []

    async def exhausted(self) -> bool:
        await self._add(0, 0)
        spent = (self.tokens_limit and self.tokens >= self.tokens_limit) or (
            self.calls_limit and self.calls >= self.calls_limit)
        if spent and self._told != self._day:
            self._told = self._day
            log.warning("llm.budget_exhausted", day=self._day, calls=self.calls,
                        tokens=self.tokens)
            self.notices.append(
                f"The model budget for {self._day} (UTC) is spent ({self.calls} calls, "
                f"{self.tokens} tokens): briefs are extractive until tomorrow. Raise "
                "summarizer.llm.daily_token_budget or daily_call_budget to change it.")
        return bool(spent)

    async def spend(self, tokens: int) -> None:
        await self._add(1, tokens)

    async def _add(self, calls: int, tokens: int) -> None:
        day = self._clock().date().isoformat()
        mine = await self._memory.add(day, calls=calls, tokens=tokens)
        try:
            shared = await self._ledger.add(day, calls=calls, tokens=tokens)
        except Exception as exc:  # a ledger that fails must not stop briefs: count here
            log.warning("llm.budget_ledger_failed", error=type(exc).__name__)
            shared = mine
        self._day, (self.calls, self.tokens) = day, max(shared, mine)

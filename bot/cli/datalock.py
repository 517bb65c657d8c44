"""One ``newsbrief run`` per SQLite database: an exclusive lock on a file beside it.

SQLite serves one process: two runs on one file race their migrations and split the work with
no shared leases worth the name. The lock is ``flock`` on ``<db>.lock``: the kernel drops it
when the process dies (even by SIGKILL), so a crash never leaves a stale lock behind. PostgreSQL
needs none: several workers share it by design.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.errors import NewsbriefError


class DataDirBusy(NewsbriefError):
    """Another process holds the lock (``.holder`` its pid as it wrote it, or "")."""

    def __init__(self, database: Path, holder: str) -> None:
        who = f"another newsbrief run (pid {holder})" if holder else "another newsbrief run"
        super().__init__(f"{who} is using {database}: SQLite serves one process, so stop that "
                         "one first; to run several workers, point them all at PostgreSQL "
                         "(database.url, see docs/OPERATIONS.md)")
        self.holder = holder


def sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite URL; None for another backend or an in-memory one."""
    parsed = make_url(url)
    name = parsed.database
    if parsed.get_backend_name() != "sqlite" or not name or name == ":memory:":
        return None
    return Path(name).resolve()


class DataDirLock:
    """Held for the life of ``newsbrief run``; ``release`` (or the process ending) frees it."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = database.with_name(database.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip()
            os.close(fd)
            raise DataDirBusy(self.database, holder) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode("ascii"))
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None


def lock_sqlite(url: str) -> DataDirLock | None:
    """Take the lock of the SQLite database ``url`` names; None for PostgreSQL."""
    database = sqlite_file(url)
    if database is None:
        return None
    lock = DataDirLock(database)
    lock.acquire()
    return lock


def lock_unless_busy(url: str) -> tuple[DataDirLock | None, DataDirBusy | None]:
    """For a command that delivers (``digest``): the lock, held while it sends; or, when a
    running bot holds it, why not: the command then only queues and that bot sends. On SQLite a
    lease of another process counts as a dead one's, so two senders would post a row twice."""
    try:
        return lock_sqlite(url), None
    except DataDirBusy as busy:
        return None, busy

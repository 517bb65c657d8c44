"""One ``newsbrief run`` per SQLite database: a second is refused with the reason and the way to
run several workers, before it touches the file (no migration race)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli.datalock import DataDirBusy, DataDirLock, lock_sqlite
from tests.support.cli import newsbrief, workdir, write_config

__all__ = ["workdir"]  # the fixture, imported for these tests


def test_a_second_run_on_one_sqlite_database_is_refused(workdir: Path) -> None:
    config = write_config(workdir, "data_dir: ../data\n")  # the file is in workdir/config
    held = DataDirLock((workdir / "data" / "newsbrief.db").resolve())
    held.acquire()  # as a first `newsbrief run` holds it
    try:
        second = newsbrief("run", "--once", "--config", str(config), cwd=workdir)
    finally:
        held.release()
    assert second.returncode == 1
    line = second.stderr.strip().splitlines()[-1]  # after the run's config.loaded log line
    assert "another newsbrief run (pid " in line and "SQLite serves one process" in line
    assert "PostgreSQL (database.url" in line
    assert not (workdir / "data" / "newsbrief.db").exists()  # refused before migrating
    after = newsbrief("run", "--once", "--config", str(config), cwd=workdir)
    assert after.returncode == 0, after.stderr  # the lock goes with its holder


def test_the_lock_is_per_file_and_none_for_postgresql(tmp_path: Path) -> None:
    assert lock_sqlite("postgresql+psycopg://u@db/newsbrief") is None
    assert lock_sqlite("sqlite+aiosqlite:///:memory:") is None
    first = lock_sqlite(f"sqlite+aiosqlite:///{tmp_path / 'a.db'}")
    other = lock_sqlite(f"sqlite+aiosqlite:///{tmp_path / 'b.db'}")
    assert first is not None and other is not None
    with pytest.raises(DataDirBusy):
        lock_sqlite(f"sqlite+aiosqlite:///{tmp_path / 'a.db'}")
    first.release()
    other.release()

"""``db_url``: run a test once on SQLite and once on PostgreSQL (skipped loudly without one);
``db``: a migrated database of this pass."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store.db import Database
from tests.support.postgres import new_database_url

BACKENDS = ["sqlite", "postgresql"]
# `make test` runs the suite twice: on SQLite, then with NEWSBRIEF_TEST_BACKEND=postgresql.
BACKEND = os.environ.get("NEWSBRIEF_TEST_BACKEND", "sqlite")


def sqlite_url(directory: Path, name: str = "newsbrief.db") -> str:
    return f"sqlite+aiosqlite:///{directory / name}"


def database_url(directory: Path, name: str = "newsbrief.db") -> str:
    """An empty database for one test on the backend of this pass (see BACKEND)."""
    return new_database_url() if BACKEND == "postgresql" else sqlite_url(directory, name)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database URL for this test, on each backend in turn."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path)
    return new_database_url()


@pytest.fixture
def db_backend(db_url: str) -> str:
    """``"sqlite"`` or ``"postgresql"``: which backend ``db_url`` is on."""
    return "sqlite" if db_url.startswith("sqlite") else "postgresql"


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    """A migrated, empty database of this pass (see ``BACKEND``), closed after the test."""
    database = Database(database_url(tmp_path))
    await database.migrate()
    try:
        yield database
    finally:
        await database.close()

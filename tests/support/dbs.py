"""``db_url``: run a test once on SQLite and once on PostgreSQL (skipped loudly without one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.postgres import new_database_url

BACKENDS = ["sqlite", "postgresql"]


def sqlite_url(directory: Path) -> str:
    return f"sqlite+aiosqlite:///{directory / 'newsbrief.db'}"


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

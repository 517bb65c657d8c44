"""Shared fixtures: where the shared data lives, and a guard that keeps tests off the network."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tests.support.dbs import BACKEND, database_url

# Tests never time anything: Hypothesis's default 200 ms deadline per example turned a busy
# machine into failures of tests/test_cleaning_rewrites.py (254 ms) that say nothing about the code.
settings.register_profile("untimed", deadline=None)
settings.load_profile("untimed")

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSBRIEF_SHARED", REPO.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test when it is absent (the suite runs without)."""
    path = SHARED.joinpath("data", *parts)
    if not path.exists():
        pytest.skip(f"shared data not present: {path}")
    return path


_real_connect = socket.socket.connect


def _loopback_only(self: socket.socket, address: object) -> object:
    host = address[0] if isinstance(address, tuple) else None
    loopback = host in ("localhost", "::1", "::ffff:127.0.0.1") or str(host).startswith("127.")
    if host is not None and not loopback:
        raise RuntimeError(f"test tried to reach the network: {address!r}")
    return _real_connect(self, address)  # type: ignore[arg-type]


# In the PostgreSQL pass (NEWSBRIEF_TEST_BACKEND=postgresql) a test that stores anything runs again
# on a fresh PostgreSQL database. Which tests those are is read from their fixtures: a test (or
# its module, through `pytestmark = pytest.mark.usefixtures("pass_database")`, or a fixture it
# uses) that depends on `pass_database` stores; the rest do not depend on the backend and ran
# once in the SQLite pass.
PASS_FIXTURE = "pass_database"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: the test is about SQLite itself")


def runs_on_postgresql(item: pytest.Item) -> bool:
    """Whether the PostgreSQL pass runs this test: it (transitively) uses the pass's database
    and is not about SQLite itself."""
    fixtures = getattr(item, "fixturenames", ())
    return PASS_FIXTURE in fixtures and item.get_closest_marker("sqlite_only") is None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if BACKEND != "postgresql":
        return
    keep, drop = [], []
    for item in items:
        (keep if runs_on_postgresql(item) else drop).append(item)
    config.hook.pytest_deselected(items=drop)
    items[:] = keep


@pytest.fixture
def pass_database(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The database of this pass for Settings built from the environment: a fresh PostgreSQL
    database through the NEWSBRIEF_DATABASE__URL override in the PostgreSQL pass, the test's own
    SQLite file otherwise."""
    if BACKEND == "postgresql":
        monkeypatch.setenv("NEWSBRIEF_DATABASE__URL", database_url(Path()))
    yield


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(socket.socket, "connect", _loopback_only)
    yield


# Database fixtures: `db_url` runs a test on SQLite and on a throwaway PostgreSQL (skipped, loudly,
# where no server can be started).
from tests.support.dbs import db_backend, db_url  # noqa: E402, F401
from tests.support.postgres import (  # noqa: E402, F401
    postgres_server,
    postgres_url,
    pytest_terminal_summary,
)

"""Shared fixtures: where the shared data lives, and a guard that keeps tests off the network."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.dbs import BACKEND, database_url

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


# In the PostgreSQL pass (NEWSBRIEF_TEST_BACKEND=postgresql) every test that builds its Settings
# (the pipeline, commands, delivery, CLI-free end-to-end runs) gets a fresh PostgreSQL database
# through the NEWSBRIEF_DATABASE__URL override.
def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: the test is about SQLite itself")


# Modules whose tests store anything; the others do not depend on the backend and run once.
_STORE_MODULES = {"test_e2e", "test_health", "test_hostile_network", "test_hostile_users",
                  "test_routing", "test_digest", "test_commands", "test_cluster", "test_burst",
                  "test_outbox", "test_pacing", "test_webhook_adapter", "test_slack_commands",
                  "test_slack_delivery", "test_dashboard", "test_command_scope", "test_opml",
                  "test_slack_outbox", "test_discord_outbox", "test_patterns", "test_mentions",
                  "test_reactions", "test_updates", "test_i18n"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The PostgreSQL pass runs only the tests that store something, and not those about
    SQLite itself; the rest ran in the SQLite pass."""
    if BACKEND != "postgresql":
        return
    keep, drop = [], []
    for item in items:
        module = item.nodeid.split("::", 1)[0].rsplit("/", 1)[-1].removesuffix(".py")
        runs = module in _STORE_MODULES and item.get_closest_marker("sqlite_only") is None
        (keep if runs else drop).append(item)
    config.hook.pytest_deselected(items=drop)
    items[:] = keep


@pytest.fixture(autouse=True)
def _database_backend(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
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

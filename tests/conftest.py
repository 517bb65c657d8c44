"""Shared fixtures: where the shared data lives, and a guard that keeps tests off the network."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

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

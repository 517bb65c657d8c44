"""A throwaway PostgreSQL server for tests, started from the Debian packages (or taken from
``NEWSBRIEF_TEST_POSTGRES_URL``), shared by the whole session, one fresh database per test.

When no server can be had, tests that ask for one are skipped *loudly*: a warning in the summary
and the reason on every skip. ``NEWSBRIEF_REQUIRE_POSTGRES=1`` turns that skip into a failure
(for CI runs that installed PostgreSQL and must not pass without it).
"""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

SUPERUSER = "newsbrief"
# Durability is worthless for a database that lives for one test run; these make it fast.
FAST_SETTINGS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off",
                 "max_connections=200", "shared_buffers=32MB")


def find_pg_bin() -> Path | None:
    """The newest installed PostgreSQL's bin directory, or one on PATH."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                        key=lambda p: int(Path(p).parent.parent.name)
                        if Path(p).parent.parent.name.isdigit() else 0)
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _server_user() -> pwd.struct_passwd | None:
    """PostgreSQL refuses to run as root; under root we run it as an unprivileged account."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root and neither a 'postgres' nor a 'nobody' user exists")


@dataclass
class PostgresServer:
    """One ``postgres`` process in a temporary directory, listening on 127.0.0.1 only."""

    bin_dir: Path
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="newsbrief-pg-")))
    port: int = 0
    started: bool = False
    _names: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        user = _server_user()
        kwargs: dict[str, Any] = {}
        if user is not None:
            kwargs = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}
        return subprocess.run(args, capture_output=True, text=True, timeout=120, check=False,
                              cwd=self.root, env={**os.environ, "LC_ALL": "C"}, **kwargs)

    def start(self) -> None:
        user = _server_user()
        self.root.chmod(0o755)
        if user is not None:
            os.chown(self.root, user.pw_uid, user.pw_gid)
        done = self._run(str(self.bin_dir / "initdb"), "-D", str(self.data_dir), "-U", SUPERUSER,
                         "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync")
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed: {done.stderr.strip()[-500:]}")
        options = " ".join([f"-c {s}" for s in FAST_SETTINGS]
                           + ["-c listen_addresses=127.0.0.1", f"-k {self.root}"])
        last = ""
        for _attempt in range(3):  # the free port may be taken between bind() and start
            self.port = _free_port()
            done = self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir),
                             "-l", str(self.root / "server.log"), "-w", "-t", "60",
                             "-o", f"-p {self.port} {options}", "start")
            if done.returncode == 0:
                self.started = True
                return
            last = done.stderr.strip() or self.log_tail()
        raise RuntimeError(f"pg_ctl start failed: {last[-500:]}")

    def log_tail(self) -> str:
        try:
            return (self.root / "server.log").read_text(errors="replace")[-1000:]
        except OSError:
            return ""

    def stop(self) -> None:
        if self.started:
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate",
                      "-w", "stop")
            self.started = False
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, prefix: str = "t") -> str:
        """A new empty database; returns its SQLAlchemy URL."""
        with self._lock:
            name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        return create_database(self.url(), name)


def create_database(admin_url: str, name: str) -> str:
    """``CREATE DATABASE name`` through ``admin_url``; returns the new database's URL."""
    import psycopg
    from sqlalchemy.engine import make_url

    parsed = make_url(admin_url)
    conninfo = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # name is ours: prefix, pid and a counter
    return parsed.set(database=name).render_as_string(hide_password=False)


_state: dict[str, Any] = {}


def _external_url() -> str | None:
    return os.environ.get("NEWSBRIEF_TEST_POSTGRES_URL") or None


def server_or_reason() -> PostgresServer | str:
    """The session's server, started on first use; or the reason there is none."""
    if "server" in _state or "reason" in _state:
        return _state.get("server") or _state["reason"]
    bin_dir = find_pg_bin()
    if bin_dir is None:
        _state["reason"] = ("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl);"
                            " apt-get install postgresql, or set NEWSBRIEF_TEST_POSTGRES_URL")
        return str(_state["reason"])
    server = PostgresServer(bin_dir)
    try:
        server.start()
    except Exception as exc:
        server.stop()
        _state["reason"] = f"could not start PostgreSQL from {bin_dir}: {exc}"
        return str(_state["reason"])
    atexit.register(server.stop)
    _state["server"] = server
    return server


def _unavailable(reason: str) -> None:
    message = f"PostgreSQL tests SKIPPED: {reason}"
    if os.environ.get("NEWSBRIEF_REQUIRE_POSTGRES") == "1":
        pytest.fail(message + " (NEWSBRIEF_REQUIRE_POSTGRES=1)", pytrace=False)
    if not _state.get("warned"):
        _state["warned"] = True
        warnings.warn(message, pytest.PytestWarning, stacklevel=2)
    pytest.skip(message)


def new_database_url(prefix: str = "t") -> str:
    """A fresh empty PostgreSQL database for one test, or skip (loudly) without a server."""
    external = _external_url()
    if external is not None:
        counter = _state.setdefault("external_names", itertools.count(1))
        return create_database(external, f"{prefix}_{os.getpid()}_{next(counter)}")
    server = server_or_reason()
    if isinstance(server, str):
        _unavailable(server)
        raise AssertionError("unreachable")
    return server.create_database(prefix)


@pytest.fixture(scope="session")
def postgres_server() -> PostgresServer:
    """The session's PostgreSQL server (skips loudly when none can be started)."""
    server = server_or_reason()
    if isinstance(server, str):
        _unavailable(server)
        raise AssertionError("unreachable")
    return server


@pytest.fixture
def postgres_url() -> str:
    """A fresh, empty PostgreSQL database for this test: ``postgresql+psycopg://…``."""
    return new_database_url()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Repeat the reason at the end of the run, where nobody can miss it."""
    reason = _state.get("reason")
    if reason:
        terminalreporter.write_sep("!", "PostgreSQL tests were skipped", yellow=True)
        terminalreporter.write_line(str(reason))

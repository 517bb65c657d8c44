"""Engine creation, SQLite tuning and running the Alembic migrations."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, bindparam, event, insert, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.dialects.sqlite.base import SQLiteDialect, SQLiteIdentifierPreparer
from sqlalchemy.engine import make_url
from sqlalchemy.sql.expression import Executable

from bot.logs import get_log
from bot.store import sqlite_driver
from bot.store.async_core import AsyncConnection, AsyncEngine, create_async_engine

if TYPE_CHECKING:  # the types only: Alembic and the PostgreSQL dialect load when used
    from alembic.config import Config
    from sqlalchemy.dialects.postgresql import Insert as PgInsert

log = get_log(__name__)

READ_ONLY = "newsbrief_read_only"
NO_TRANSACTION = "newsbrief_no_transaction"
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def sync_url(url: str) -> str:
    """The same database through a synchronous driver, for Alembic."""
    parsed = make_url(url)
    driver = {"sqlite+aiosqlite": "sqlite", "postgresql+asyncpg": "postgresql+psycopg"}.get(
        parsed.drivername, parsed.drivername)
    return parsed.set(drivername=driver).render_as_string(hide_password=False)


def async_url(url: str) -> str:
    parsed = make_url(url)
    driver = {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+psycopg",
              "postgres": "postgresql+psycopg"}.get(parsed.drivername, parsed.drivername)
    return parsed.set(drivername=driver).render_as_string(hide_password=False)


# The page cache of each SQLite connection, in KiB (the pool keeps one per poll task).
SQLITE_CACHE_KIB = 128


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers go on while the poller writes; busy_timeout turns a momentary lock into a
    # wait instead of an error; foreign keys are off by default in SQLite.
    dbapi_connection.isolation_level = None  # let the "begin" event issue BEGIN itself
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # The pool keeps a connection per poll task open (issue 26), each with its own page cache:
    # at SQLite's default 2 MiB the bench's resident memory after 10,185 briefs rose from 139
    # to 150 MB; at 512 KiB it was 153 MB in a later session and 147-149 MB at 128 KiB (17
    # connections). A poll task's reads are index lookups of a few pages; the OS caches the
    # file, so a page read again comes from memory either way.
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cursor.close()


def _sqlite_begin_immediate(conn: Any) -> None:
    # A deferred transaction that reads and then writes cannot wait for another writer in WAL
    # mode (SQLITE_BUSY at once, busy_timeout or not); taking the write lock up front makes
    # concurrent transactions queue on busy_timeout instead of failing. Read-only ones (see
    # Database.read) need no lock: WAL lets them read beside a writer.
    options = conn.get_execution_options()
    driver = conn.connection.dbapi_connection
    if options.get(NO_TRANSACTION) and isinstance(driver, sqlite_driver.OneHopConnection):
        return  # Database.read_alone: the statement runs on its own, in autocommit
    begin = "BEGIN" if options.get(READ_ONLY, False) else "BEGIN IMMEDIATE"
    if isinstance(driver, sqlite_driver.OneHopConnection):
        driver.begin_later(begin)  # with the first statement, in its round trip
    else:
        conn.exec_driver_sql(begin)


# PostgreSQL connections a process keeps open unless database.pool_size says otherwise.
POOL_SIZE_CAP = 20


class Database:
    """One engine per process; ``begin()`` gives a transaction."""

    def __init__(self, url: str, *, echo: bool = False, readers: int = 4,
                 pool_size: int | None = None) -> None:
        """``readers``: transactions this process runs at once beside its one writer (the poll
        concurrency): the pool keeps that many connections and one more open. ``pool_size``
        (PostgreSQL only): the connections to keep instead; by default ``readers`` + 1, at most
        POOL_SIZE_CAP."""
        self.url = async_url(url)
        parsed = make_url(self.url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        file_db = bool(parsed.database) and parsed.database != ":memory:"
        if self.is_sqlite and file_db:
            Path(str(parsed.database)).parent.mkdir(parents=True, exist_ok=True)
        kwargs: dict[str, Any] = {"echo": echo}
        if not self.is_sqlite:
            # Kept open: one connection for each poll task and one more, so a cycle opens none
            # (each is a server process). Not for one writer, as on SQLite: the outbox's
            # delivery slots, its shared pacing and the heartbeat take connections from this
            # pool beside the poll tasks, and share the overflow with the dashboard and
            # commands. Capped by default: polling.concurrency may be 256 and PostgreSQL's
            # max_connections is 100 by default; tasks beyond the pool wait for a connection.
            kept = pool_size if pool_size is not None else min(readers + 1, POOL_SIZE_CAP)
            kwargs.update(pool_pre_ping=True, pool_size=kept, max_overflow=5)
        elif parsed.get_driver_name() == "aiosqlite":
            kwargs.update(module=sqlite_driver.dbapi())  # one thread hop per statement, not 4
        if self.is_sqlite:
            # Every connection goes back to the pool with its transaction ended (begin() and
            # read() commit or roll back; closing a Connection rolls back what it began), so
            # the pool's own rollback on return only cost a thread round trip per transaction
            # (issue 26: five per changed feed).
            kwargs.update(pool_reset_on_return=None)
        if self.is_sqlite and file_db:
            # Each poll task holds a connection while it reads its feed's known entries: with
            # the default 5 kept open, the overflow ones (a new thread and file handle each)
            # were opened and closed about 8 times a cycle at the poll concurrency of 16.
            kwargs.update(pool_size=readers + 1)
        self.engine: AsyncEngine = create_async_engine(self.url, **kwargs)
        self._sqlite_lock = asyncio.Lock()
        if self.is_sqlite:
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
            event.listen(self.engine.sync_engine, "begin", _sqlite_begin_immediate)

    @asynccontextmanager
    async def begin(self) -> AsyncIterator[AsyncConnection]:
        if not self.is_sqlite:
            async with self.engine.begin() as conn:
                yield conn
            return
        # SQLite has one writer. Queue this process's transactions here, in asyncio, rather
        # than on busy_timeout: a transaction whose task waits for a busy event loop would
        # otherwise hold the file lock long enough for the others to time out.
        async with self._sqlite_lock, self.engine.begin() as conn:
            yield conn

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncConnection]:
        """A transaction that only reads (health checks, listings): on SQLite it neither waits
        behind this process's writers nor takes the file's write lock."""
        async with self.engine.connect() as conn:
            reader = await conn.execution_options(**{READ_ONLY: True})
            async with reader.begin():
                yield reader

    @asynccontextmanager
    async def read_alone(self) -> AsyncIterator[AsyncConnection]:
        """For reads that need no snapshot in common (one SELECT, or chunks of one): on SQLite
        no transaction at all, as a lone statement is atomic by itself, so neither a BEGIN nor
        the round trip to aiosqlite's thread that ends it (issue 26: a changed feed's read of
        its known entries); elsewhere :meth:`read`."""
        if not self.is_sqlite:
            async with self.read() as conn:
                yield conn
            return
        async with self.engine.connect() as conn:
            yield await conn.execution_options(**{READ_ONLY: True, NO_TRANSACTION: True})

    async def migrate(self) -> None:
        """Bring the schema to the newest revision (a new database starts empty). Alembic (a
        tenth of a second to import) loads only when the database is behind the code."""
        if await self._current_revisions() == head_revisions():
            return
        await asyncio.to_thread(upgrade, self.url)

    async def _current_revisions(self) -> set[str]:
        try:
            async with self.read() as conn:
                rows = await conn.execute(text("SELECT version_num FROM alembic_version"))
                return {str(row[0]) for row in rows}
        except Exception:  # no table yet (a new database): Alembic creates it
            return set()

    async def close(self) -> None:
        await self.engine.dispose()


_REVISION = re.compile(r"^revision(?:\s*:\s*str)?\s*=\s*[\"']([^\"']+)", re.MULTILINE)
_DOWN = re.compile(r"^down_revision[^=\n]*=\s*(.*)$", re.MULTILINE)


@cache
def head_revisions() -> frozenset[str]:
    """The newest revision(s) of bot/migrations, read from the files' ``revision`` and
    ``down_revision`` lines (a revision no other one names as its parent is a head)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        found = _REVISION.search(source)
        down = _DOWN.search(source)
        if found is None:
            continue
        revisions.add(found.group(1))
        if down is not None:
            parents.update(re.findall(r"[\"']([^\"']+)[\"']", down.group(1)))
    return frozenset(revisions - parents)


def alembic_config(url: str) -> Config:
    # alembic: only when the database is behind
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", sync_url(url).replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    # alembic: only when the database is behind
    from alembic import command

    command.upgrade(alembic_config(url), revision)
    log.info("database.migrated", revision=revision)


def pg_insert(table: Table) -> PgInsert:
    """PostgreSQL's INSERT (``ON CONFLICT`` …), as ``sqlalchemy.dialects.postgresql.insert``."""
    # the PostgreSQL dialect package (all its drivers: 0.15 G instructions, a fifth of what a
    # chat command costs above its libraries): loaded by the first PostgreSQL insert, never on
    # SQLite
    from sqlalchemy.dialects.postgresql import insert

    return insert(table)


def dialect_insert(dialect: str, table: Table) -> Any:
    """The INSERT with ``ON CONFLICT`` of ``dialect`` (a connection's ``dialect.name``):
    SQLite's, else PostgreSQL's (:func:`pg_insert`)."""
    return sqlite_insert(table) if dialect == "sqlite" else pg_insert(table)


class _QuotingEveryName(SQLiteIdentifierPreparer):
    """Quotes every identifier: the text runs on SQLite and PostgreSQL, and PostgreSQL reserves
    words SQLite does not (``user``, ``window``, ``do``: reactions.user). Both read a quoted
    lower-case name as the name."""

    def quote(self, ident: str, force: Any = None) -> str:
        return self.quote_identifier(ident)


# Writes the SQL text of ``ignoring_conflicts``: SQLite's compiler with named parameters (no
# driver is loaded; PostgreSQL's would write its bind casts into the text).
_SQL_TEXT = SQLiteDialect(paramstyle="named")
_SQL_TEXT.identifier_preparer = _QuotingEveryName(_SQL_TEXT)


@cache
def adds_defaults(table: Table, keys: tuple[str, ...]) -> bool:
    """Whether an insert of the columns ``keys`` adds another column's Python-side default."""
    return any(column.default is not None and column.key not in keys for column in table.c)


@cache
def ignoring_conflicts(table: Table, keys: tuple[str, ...], unique: tuple[str, ...] = (),
                       returning: bool = False) -> Executable:
    """``INSERT … ON CONFLICT [(unique)] DO NOTHING [RETURNING id]`` of the columns ``keys``, as
    a text statement with typed parameters: SQLite and PostgreSQL write it alike. The
    dialects' own Insert is never cached (``inherit_cache = False``): it was compiled at every
    execution, two thirds of the cost of an outbox row's insert (issue 26: a routed brief's
    row and its delivery's message ids, 0.2 ms each); a text statement is compiled once. Not
    for an insert that adds Python-side defaults (``adds_defaults``): text cannot."""
    if adds_defaults(table, keys):
        raise ValueError(f"an insert of {keys} into {table.name} adds Python-side defaults")
    compiled = insert(table).values({k: bindparam(k) for k in keys}).compile(dialect=_SQL_TEXT)
    quote = _SQL_TEXT.identifier_preparer.quote
    target = f" ({', '.join(quote(c) for c in unique)})" if unique else ""
    sql = f"{compiled.string} ON CONFLICT{target} DO NOTHING"
    if returning:
        sql += f" RETURNING {quote(table.c.id.name)}"
    statement = text(sql).bindparams(*(bindparam(k, type_=table.c[k].type) for k in keys))
    return statement.columns(table.c.id) if returning else statement


@cache
def _insert_or_ignore(dialect: str, table: Table, unique: tuple[str, ...]) -> Any:
    """The statement of ``insert_or_ignore`` where ``ignoring_conflicts`` cannot write it."""
    return (dialect_insert(dialect, table).on_conflict_do_nothing(index_elements=list(unique))
            .returning(table.c.id))


async def insert_or_ignore(conn: AsyncConnection, table: Table, values: dict[str, Any],
                           unique: list[str]) -> int | None:
    """Insert unless a row with the same unique key exists; the new row's id, or None. Workers
    that start together on one database run the same start-up writes, and a plain INSERT
    would fail all but one of them on the unique constraint."""
    if conn.dialect.name in ("sqlite", "postgresql"):
        # RETURNING, not rowcount: psycopg reports -1 for INSERT … ON CONFLICT DO NOTHING.
        keys = tuple(values)
        statement = (_insert_or_ignore(conn.dialect.name, table, tuple(unique))
                     if adds_defaults(table, keys)
                     else ignoring_conflicts(table, keys, tuple(unique), returning=True))
        created = (await conn.execute(statement, values)).scalar()
        return None if created is None else int(created)
    key = (await conn.execute(insert(table).values(**values))).inserted_primary_key
    return None if key is None else int(key[0])


async def ping(conn: AsyncConnection) -> None:
    """``SELECT 1``: the database answers (readiness, ``check --live``)."""
    await conn.execute(text("SELECT 1"))

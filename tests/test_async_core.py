"""The store's asyncio engine loads SQLAlchemy's Core half only (bot.store.async_core, issue 26):
no ``sqlalchemy.orm``, while ``sqlalchemy.ext.asyncio``'s ORM names still work when asked for.
Each probe runs in a fresh interpreter: this test process imported the ORM long ago."""

from __future__ import annotations

import ast
import json
import subprocess
import sys

from tests.conftest import REPO


def _probe(code: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


STORE_WORK = """
import asyncio, json, sys
from sqlalchemy import text
from bot.store import Database

async def main():
    db = Database("sqlite+aiosqlite:///:memory:")
    async with db.begin() as conn:
        one = (await conn.execute(text("SELECT 1"))).scalar()
    async with db.read() as conn:
        streamed = await conn.stream(text("SELECT 2"))
        two = [row[0] async for row in streamed]
    await db.close()
    return one, two

one, two = asyncio.run(main())
orm = "sqlalchemy.orm" in sys.modules
"""


def test_the_store_opens_reads_and_streams_without_the_orm() -> None:
    result = _probe(STORE_WORK + 'print(json.dumps({"values": [one, two], "orm": orm}))')
    assert result == {"values": [1, [2]], "orm": False}


def test_the_orm_half_of_the_package_is_there_when_asked_for() -> None:
    result = _probe(STORE_WORK + """
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker
import sqlalchemy.ext.asyncio as package
from sqlalchemy.ext.asyncio.session import AsyncSession as defined
from bot.store import AsyncConnection as ours
print(json.dumps({"orm_before": orm, "orm_after": "sqlalchemy.orm" in sys.modules,
                  "session": AsyncSession is defined, "maker": callable(async_sessionmaker),
                  "same_connection": AsyncConnection is ours is package.AsyncConnection,
                  "engine_module": package.engine.__name__}))
""")
    assert result == {"orm_before": False, "orm_after": True, "session": True, "maker": True,
                      "same_connection": True, "engine_module": "sqlalchemy.ext.asyncio.engine"}


def test_a_name_the_package_lacks_is_an_attribute_error_not_a_loop() -> None:
    result = _probe("""
import json
import bot.store
import sqlalchemy.ext.asyncio as package
try:
    package.no_such_name
except AttributeError as exc:
    said = str(exc)
print(json.dumps({"said": said}))
""")
    assert "no_such_name" in str(result["said"])


def test_the_store_works_after_the_whole_package_was_imported_first() -> None:
    result = _probe("""
import json, sys
import sqlalchemy.ext.asyncio  # whole, ORM and all, before the store: nothing to change
from bot.store import AsyncConnection
print(json.dumps({"same": AsyncConnection is sqlalchemy.ext.asyncio.AsyncConnection}))
""")
    assert result == {"same": True}


def test_only_the_store_imports_the_asyncio_package() -> None:
    # Elsewhere ``from sqlalchemy.ext.asyncio import AsyncConnection`` could run before the store
    # installs its Core-only package module, and load the whole ORM again: take it from bot.store.
    found = []
    for path in sorted((REPO / "bot").rglob("*.py")):
        relative = path.relative_to(REPO).as_posix()
        if relative.startswith("bot/store/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(), relative)):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            found += [f"{relative}:{node.lineno}" for name in names
                      if name.startswith("sqlalchemy.ext.asyncio")]
    assert found == []

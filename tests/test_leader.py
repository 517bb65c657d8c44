"""One Discord gateway across workers: a PostgreSQL advisory lock, held per session."""

from __future__ import annotations

from pathlib import Path

from bot.runner.leader import AdvisoryLock, lock_key
from bot.store import Database


async def test_only_one_process_holds_the_role_until_it_lets_go(postgres_url: str) -> None:
    first, second = Database(postgres_url), Database(postgres_url)  # two workers' engines
    try:
        a = AdvisoryLock(first, "newsbrief:discord-gateway")
        b = AdvisoryLock(second, "newsbrief:discord-gateway")
        other_role = AdvisoryLock(second, "newsbrief:something-else")
        assert await a.try_acquire() and a.held
        assert not await b.try_acquire() and not b.held
        assert await other_role.try_acquire()  # roles do not block each other
        assert await a.try_acquire()  # asking again while holding is harmless
        await a.release()  # as when its process dies: the session ends, the lock goes
        assert await b.try_acquire() and b.held
        assert not await a.try_acquire()
        await b.release()
        await other_role.release()
    finally:
        await first.close()
        await second.close()


async def test_sqlite_has_one_process_so_the_role_is_always_ours(tmp_path: Path) -> None:
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'x.db'}")
    try:
        assert await AdvisoryLock(db, "newsbrief:discord-gateway").try_acquire()
    finally:
        await db.close()


def test_keys_are_stable_signed_64_bit() -> None:
    key = lock_key("newsbrief:discord-gateway")
    assert key == lock_key("newsbrief:discord-gateway")
    assert key != lock_key("newsbrief:other")
    assert -(2**63) <= key < 2**63

"""Error texts are redacted before they are stored: a platform (or a proxy in front of it) whose
error body echoes the Authorization header leaves no token in any row of any table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from discord.http import Route
from sqlalchemy import select

from adapters.discord import make_adapter
from bot import redact
from bot.config import Secrets, Settings
from bot.outbox.queue import enqueue
from bot.outbox.worker import OutboxWorker
from bot.store import destinations as dest_store
from bot.store import feeds as feed_store
from bot.store import workers as worker_store
from bot.store.db import Database
from bot.store.schema import metadata
from tests.support.crash_delivery import EPOCH, add_brief, add_destination
from tests.support.fake_discord import BOT_TOKEN, FakeDiscord
from tests.support.outbox import FakeClock, db, rows  # noqa: F401  (db: the fixture)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

CHANNEL = "111111111111111111"
# shaped as Discord issues them (user id . timestamp . HMAC), never configured anywhere here
DISCORD_SHAPED = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB"
SLACK_SHAPED = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx"


@pytest.fixture(autouse=True)
def forget_secrets() -> Iterator[None]:
    redact.KNOWN.forget_all()
    yield
    redact.KNOWN.forget_all()


async def every_value(db: Database) -> str:
    """Every row of every table, as text."""
    found = []
    async with db.begin() as conn:
        for table in metadata.sorted_tables:
            found += [repr(tuple(row)) for row in await conn.execute(select(table))]
    return "\n".join(found)


async def test_an_error_body_echoing_the_authorization_header_stores_no_token(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Route, "BASE", Route.BASE)
    async with FakeDiscord() as fake:
        fake.echo_headers = True
        # the token is checked first at log-in (GET /users/@me): a proxy there answers 503
        fake.fail("GET", "/users/@me", [503])
        dest_id = await add_destination(db, f"discord:{CHANNEL}")
        brief_id = await add_brief(db, 1)
        async with db.begin() as conn:
            await enqueue(conn, key="b:1", destination_id=dest_id, brief_id=brief_id,
                          now=EPOCH)
        adapter = make_adapter(token=BOT_TOKEN, api_base_url=fake.api_base,
                               connect_gateway=False)
        clock = FakeClock()
        worker = OutboxWorker(db=db, adapters={"discord": adapter}, clock=clock,
                              sleep=clock.sleep, worker_id="w", backoff_base=30.0)
        try:
            await worker.run_once()
        finally:
            await adapter.stop()
    error = str((await rows(db))["b:1"]["error"])
    assert "503" in error and "Authorization: Bot [redacted]" in error  # still says what failed
    assert BOT_TOKEN not in await every_value(db)


async def test_every_outside_text_column_is_redacted_of_configured_and_shaped_secrets(
        db: Database) -> None:
    configured = "configured-s3cret-value"
    redact.remember([configured])
    said = (f"proxy said: token {configured}; Bearer abc.def-123456; {DISCORD_SHAPED}; "
            f"{SLACK_SHAPED}; https://discord.com/api/webhooks/1234/{'w' * 68}; "
            f"https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX")
    dest_id = await add_destination(db, "slack:T1/C1")
    await add_brief(db, 1)
    async with db.begin() as conn:
        feed_id = (await feed_store.list_feeds(conn))[0].id
        await feed_store.record_failure(conn, feed_id, error=said, now=EPOCH, failures=1,
                                        next_check_at=EPOCH, disable_reason=said)
        await dest_store.pause(conn, dest_id, said, now=EPOCH)
        await worker_store.beat(conn, "w", now=EPOCH, down={"slack": said})
    stored = await every_value(db)
    for secret in (configured, "abc.def-123456", DISCORD_SHAPED, SLACK_SHAPED, "w" * 68,
                   "XXXXXXXXXXXXXXXX"):
        assert secret not in stored
    assert stored.count("proxy said: token [redacted]") == 4  # last_error, reason, pause, down


async def test_the_app_remembers_the_configured_secrets(tmp_path: Path) -> None:
    from bot.app import App

    settings = Settings.model_validate({"data_dir": str(tmp_path)})
    secrets = Secrets.model_validate({"values": {"OPENAI_API_KEY": "sk-configured-1234"}})
    app = await App.create(settings, secrets, adapters={})
    try:
        assert redact.redact("key sk-configured-1234 leaked") == "key [redacted] leaked"
    finally:
        await app.close()


async def test_a_secret_cut_short_by_a_length_limit_is_redacted_too(db: Database) -> None:
    configured = "configured-s3cret-value-0123456789"
    redact.remember([configured])
    await add_brief(db, 1)
    async with db.begin() as conn:
        feed_id = (await feed_store.list_feeds(conn))[0].id
        # last_error keeps 1,000 characters: the secret is cut after its first 20
        await feed_store.record_failure(conn, feed_id, error="e" * 980 + configured, now=EPOCH,
                                        failures=1, next_check_at=EPOCH, disable_reason=None)
    stored = await every_value(db)
    assert configured[:20] not in stored and "e" * 980 + "[redacted]" in stored

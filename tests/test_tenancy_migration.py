"""Migration 0010_tenancy (issue 22.1): an existing install keeps delivering what it delivers
now (tenancy shared) and says so at start-up and in `check`; a new install, or an operator who
sets ``tenancy: isolated``, keeps each server's chat-added feeds to it."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.app import App
from bot.cli.config_file import ConfigLocation
from bot.cli.setup_check import run_checks
from bot.config import Secrets, Settings
from bot.store import Database, tenancy
from bot.store import destinations as dest_store
from bot.store import feeds as feed_store
from bot.store.db import upgrade

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def old_install(path: Path) -> str:
    """A database as 0009 left it: a feed server G1 added in chat, a DM, a channel."""
    url = f"sqlite+aiosqlite:///{path}"
    upgrade(url, "0009_features")
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO feeds (url, tags, added_by, added_server, next_check_at, "
            "consecutive_failures, first_polled, created_at) VALUES ('https://g1.example/rss', "
            "'[]', 'discord:111', 'G1', '2026-11-21 12:00:00', 0, 0, '2026-11-21 12:00:00')"))
        conn.execute(text(
            "INSERT INTO feed_servers (feed_id, server, created_at) "
            "VALUES (1, 'G1', '2026-11-21 12:00:00')"))
        for ref, server in (("slack:T1/U42", "T1"), ("slack:T1/C7", "T1")):
            conn.execute(text(
                "INSERT INTO destinations (ref, timezone, locale, server, digest_days, "
                "urgent_tags, updates, created_at) VALUES (:ref, 'UTC', 'en', :server, '[]', "
                "'[]', 0, '2026-11-21 12:00:00')"), {"ref": ref, "server": server})
    engine.dispose()
    return url


async def test_an_existing_install_stays_shared_and_says_so(
        tmp_path: Path, caplog: pytest.LogCaptureFixture,
        capsys: pytest.CaptureFixture[str]) -> None:
    old_install(tmp_path / "newsbrief.db")
    caplog.set_level(logging.INFO)
    settings = Settings(data_dir=tmp_path, summarizer={"full_text": False})
    app = await App.create(settings, Secrets(values={}), adapters={})
    try:
        async with app.db.read() as conn:
            mode = await tenancy.read_mode(conn)
            adders = await feed_store.link_adders(conn, 1)
            dm = await dest_store.get(conn, "slack:T1/U42")
            channel = await dest_store.get(conn, "slack:T1/C7")
    finally:
        await app.close()
    assert (mode.mode, mode.source) == ("shared", "0010_tenancy")
    assert "tenancy.shared_kept" in caplog.text and "tenancy: isolated" in caplog.text
    assert adders == [("discord:111", "G1")]  # told when it is disabled
    # a channel stays a channel (the Slack DM's shape marks it at start-up: see 0012's test)
    assert dm is not None and channel is not None and not channel.dm
    assert await run_checks(settings, Secrets(values={}), ConfigLocation(None, "defaults"),
                            live=False, as_json=False) == 0
    assert "tenancy: shared (kept by migration 0010_tenancy" in capsys.readouterr().out


async def test_the_operator_turns_isolation_on_and_a_new_install_starts_isolated(
        tmp_path: Path) -> None:
    old_install(tmp_path / "newsbrief.db")
    settings = Settings(data_dir=tmp_path, summarizer={"full_text": False},
                        tenancy="isolated")
    app = await App.create(settings, Secrets(values={}), adapters={})
    async with app.db.read() as conn:
        assert (await tenancy.read_mode(conn)).mode == "isolated"
    await app.close()
    # the key taken out again: the default, not what the migration once kept
    app = await App.create(settings.model_copy(update={"tenancy": None}), Secrets(values={}),
                           adapters={})
    async with app.db.read() as conn:
        assert await tenancy.read_mode(conn) == tenancy.ModeSetting("isolated", "default")
    await app.close()
    fresh = Database(f"sqlite+aiosqlite:///{tmp_path / 'fresh.db'}")
    await fresh.migrate()
    async with fresh.read() as conn:
        assert await tenancy.read_mode(conn) == tenancy.ModeSetting("isolated", "default")
    await fresh.close()


async def _old_rows(url: str) -> None:
    """What 0010_tenancy left: a member's Slack DM stored as a channel of its team (dm false), a
    channel, a Discord channel, and a feed the operator added at the CLI (added_by NULL)."""
    upgrade(url, "0010_tenancy")
    db = Database(url)
    try:
        async with db.begin() as conn:
            for ref, server in (("slack:T1/U42", "T1"), ("slack:T1/C7", "T1"),
                                ("discord:555", "G1")):
                await conn.execute(text(
                    "INSERT INTO destinations (ref, timezone, locale, server, digest_days, "
                    "urgent_tags, updates, dm, created_at) VALUES (:ref, 'UTC', 'en', :server, "
                    "'[]', '[]', false, false, :now)"), {"ref": ref, "server": server, "now": NOW})
            await conn.execute(text(
                "INSERT INTO feeds (url, tags, next_check_at, consecutive_failures, "
                "first_polled, created_at) VALUES ('https://cli.example/rss', '[\"ops\"]', "
                ":now, 0, false, :now)"), {"now": NOW})
            await conn.execute(text(
                "INSERT INTO feeds (url, tags, added_by, added_server, next_check_at, "
                "consecutive_failures, first_polled, created_at) VALUES "
                "('https://g1.example/rss', '[\"clientx\"]', 'discord:111', 'G1', :now, 0, "
                "false, :now)"), {"now": NOW})
            await conn.execute(text(
                "INSERT INTO feed_servers (feed_id, server, created_at) VALUES "
                "(2, 'G1', :now), (2, 'G2', :now), (1, 'G1', :now)"), {"now": NOW})
    finally:
        await db.close()


async def test_0012_and_start_up_mark_the_operators_feeds_and_old_dms(
        tmp_path: Path, db_url: str) -> None:
    await _old_rows(db_url)
    settings = Settings(data_dir=tmp_path, database={"url": db_url},
                        summarizer={"full_text": False})
    app = await App.create(settings, Secrets(values={}), adapters={})
    try:
        async with app.db.read() as conn:
            dm = await dest_store.get(conn, "slack:T1/U42")
            channel = await dest_store.get(conn, "slack:T1/C7")
            discord = await dest_store.get(conn, "discord:555")
            rows = {row.url: row for row in await feed_store.list_feeds(conn)}
            own = await feed_store.link_tags(conn, [2], ["G1"])
            theirs = await feed_store.link_tags(conn, [2], ["G2"])
            readable = await tenancy.readable_feed_ids(conn, ["G2"])
    finally:
        await app.close()
    assert dm is not None and dm.dm
    assert channel is not None and not channel.dm
    assert discord is not None and not discord.dm  # its refs do not say: marked when next used
    cli, chat = rows["https://cli.example/rss"], rows["https://g1.example/rss"]
    assert cli.added_by == tenancy.OPERATOR_OWNER and cli.tags == ["ops"]
    assert chat.added_by == "discord:111" and chat.tags == []
    assert own == {2: ["clientx"]} and theirs.get(2, []) == []
    assert readable is None or 1 in readable  # the operator's feed, though G1 linked it

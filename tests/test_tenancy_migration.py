"""Migration 0010_tenancy (issue 22.1): an existing install keeps delivering what it delivers
now (tenancy shared) and says so at start-up and in `check`; a new install, or an operator who
sets ``tenancy: isolated``, keeps each server's chat-added feeds to it."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bot.checks import run_checks
from sqlalchemy import create_engine, text

from bot.app import App
from bot.config import ConfigLocation, Secrets, Settings
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
    # a ref does not say it is a DM: marked when next used with `dm`, not guessed here
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

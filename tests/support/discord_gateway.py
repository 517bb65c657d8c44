"""The fake gateway's intents, its fixture, ``eventually`` and a command handler that is never
asked, for the Discord gateway and supervision tests."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import TypeVar

import pytest

from bot.delivery import CommandReply, CommandRequest
from tests.support.fake_discord import FakeDiscord, served

T = TypeVar("T")


GUILDS_INTENT = 1 << 0 | 1 << 10  # guilds and guild_message_reactions: all the adapter asks


async def eventually(probe: Callable[[], T | None], what: str, timeout: float = 10.0) -> T:
    """Poll ``probe`` until it returns something truthy; fail after ``timeout`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        found = probe()
        if found:
            return found
        await asyncio.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    # short beats, so the test sees several heartbeats acked
    async with served(monkeypatch, gateway=True, heartbeat_interval=0.5) as server:
        yield server


async def _no_commands(request: CommandRequest) -> CommandReply:
    return CommandReply(text="unused")

"""Slack slash commands against the fake Slack: signed requests, the ``fake`` and ``running``
fixtures, and ``until``."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from typing import Any
from urllib.parse import urlencode

import aiohttp
import pytest
from slack_sdk.signature import SignatureVerifier

from adapters.slack import SlackAdapter, SlackSettings, make_adapter
from bot.delivery import CommandReply, CommandRequest
from tests.support.fake_slack import TEAM, TOKEN, FakeSlack

SECRET = "test-signing-secret"


class Core:
    """Plays the command core: records requests, answers with a programmable reply."""

    def __init__(self) -> None:
        self.requests: list[CommandRequest] = []
        self.reply = CommandReply("done")
        self.gate: asyncio.Event | None = None

    async def __call__(self, request: CommandRequest) -> CommandReply:
        self.requests.append(request)
        if self.gate is not None:
            await self.gate.wait()
        if isinstance(self.reply, Exception):
            raise self.reply
        return self.reply


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    server = await FakeSlack().start()
    server.users.update({"UADMIN": {"is_admin": True}, "UOWNER": {"is_owner": True},
                         "UPLAIN": {"is_admin": False, "is_owner": False},
                         "UGROUP": {"is_admin": False}})
    server.usergroups["S0OPS"] = ["UGROUP"]
    yield server
    await server.stop()
    assert server.violations == []


@pytest.fixture
async def running(fake: FakeSlack) -> AsyncIterator[tuple[SlackAdapter, Core]]:
    core = Core()
    adapter = make_adapter(SlackSettings(
        bot_token=TOKEN, signing_secret=SECRET, api_base_url=fake.api_url, http_host="127.0.0.1",
        http_port=0, admin_ids=("UCONFIG", "S0OPS"), max_body_bytes=8 * 1024, min_interval=0))
    await adapter.start(core)
    yield adapter, core
    await adapter.stop()


def form(fake: FakeSlack, command: str = "/brief", text: str = "https://news.example/a",
         user: str = "UPLAIN") -> str:
    return urlencode({"token": "legacy", "team_id": TEAM, "channel_id": "C100", "user_id": user,
                      "command": command, "text": text, "trigger_id": "1.2.3",
                      "response_url": f"{fake.base_url}/response/r1"})


def signed(body: str, *, secret: str = SECRET, at: float | None = None) -> dict[str, Any]:
    stamp = str(int(time.time() if at is None else at))
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body) or ""
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature,
            "Content-Type": "application/x-www-form-urlencoded"}


async def post(adapter: SlackAdapter, body: str, headers: dict[str, Any]) -> int:
    url = f"http://127.0.0.1:{adapter.server.port}/slack/events"
    async with aiohttp.ClientSession() as session, session.post(
            url, data=body.encode(), headers=headers) as response:
        return response.status


async def until(check: Callable[[], Any]) -> None:
    for _ in range(500):  # the listener's work runs after the ack; give it time to finish
        if check():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition never became true")

"""The Discord gateway is supervised (issue 22.4): a connection task that dies is restarted with
backoff, a connection that stops heartbeating too, /readyz and ``adapter_up`` say down until it
is back, and a close no retry can fix (4004) is reported once, without spinning. Against the
fake gateway on loopback."""

from __future__ import annotations

import asyncio
import logging

import pytest

from adapters.discord import make_adapter
from adapters.discord.bot import DiscordAdapter
from bot import metrics
from bot.health import adapter_status
from tests.support.fake_discord import BOT_TOKEN, FakeDiscord, GatewaySession
from tests.test_discord_gateway import _no_commands, eventually, fake  # noqa: F401  (fixture)


class Gate:
    """Stands in for the supervisor's backoff sleep: it waits until the test opens it, so the
    test can look at the adapter while it is down."""

    def __init__(self) -> None:
        self.waiting = asyncio.Event()
        self.open = asyncio.Event()

    async def __call__(self, delay: float) -> None:
        assert delay > 0
        self.waiting.set()
        await self.open.wait()


def supervised(fake: FakeDiscord) -> tuple[DiscordAdapter, Gate]:
    adapter = make_adapter(token=BOT_TOKEN, api_base_url=fake.api_base)
    assert isinstance(adapter, DiscordAdapter) and adapter.gateway is not None
    gate = Gate()
    adapter.gateway.sleep = gate
    adapter.gateway.check_every = 0.05
    return adapter, gate


def adapter_up(adapter: DiscordAdapter) -> float:
    """``newsbrief_adapter_up`` as /metrics serves it."""
    metrics.set_adapters_up(adapter_status({"discord": adapter})())
    return metrics.value("newsbrief_adapter_up", adapter="discord")


def identified_afresh(fake: FakeDiscord, after: GatewaySession) -> GatewaySession | None:
    """A live connection opened after ``after`` that sent IDENTIFY (not RESUME)."""
    live = fake.live_session()
    newer = live is not None and fake.gateway_sessions.index(live) > \
        fake.gateway_sessions.index(after)
    return live if newer and live is not None and live.identify is not None \
        and "intents" in live.identify else None


async def test_a_connection_task_ended_by_an_invalid_resume_is_restarted(
        fake: FakeDiscord, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    adapter, gate = supervised(fake)
    await adapter.start(_no_commands)
    try:
        first = await eventually(fake.live_session, "IDENTIFY")
        await eventually(lambda: adapter.ready, "READY")
        assert adapter_up(adapter) == 1
        fake.resume_answer = "invalid"
        await fake.close_live(4000)  # discord.py resumes; RESUMED comes with a null payload
        await eventually(gate.waiting.is_set, "the supervisor noticing the dead task")
        assert adapter_status({"discord": adapter})() == {"discord": False}  # /readyz: 503
        assert adapter_up(adapter) == 0
        assert adapter.gateway is not None and "TypeError" in (adapter.gateway.down_reason or "")
        fake.resume_answer = "resumed"
        gate.open.set()
        await eventually(lambda: identified_afresh(fake, first), "a fresh IDENTIFY")
        await eventually(lambda: adapter.ready, "READY after the restart")
        assert adapter_up(adapter) == 1
        assert adapter.gateway.restarts == 1 and adapter.gateway.down_reason is None
    finally:
        await adapter.stop()
    assert "discord.gateway_lost" in caplog.text and "discord.gateway_back" in caplog.text


async def test_heartbeats_not_acknowledged_restart_the_connection(fake: FakeDiscord) -> None:
    adapter, gate = supervised(fake)
    await adapter.start(_no_commands)
    try:
        first = await eventually(fake.live_session, "IDENTIFY")
        await eventually(lambda: adapter.ready, "READY")
        fake.ack_heartbeats = False  # the link is half dead: beats go out, nothing comes back
        await eventually(lambda: not adapter.ready, "the missed heartbeats noticed")
        await eventually(gate.waiting.is_set, "a restart scheduled")
        assert adapter.gateway is not None
        assert adapter.gateway.down_reason == "heartbeats not acknowledged"
        fake.ack_heartbeats = True
        gate.open.set()
        await eventually(lambda: identified_afresh(fake, first), "a fresh IDENTIFY")
        await eventually(lambda: adapter.ready, "READY after the restart")
        await asyncio.wait_for(first.closed.wait(), timeout=5)  # the dead link was closed
    finally:
        await adapter.stop()


async def test_authentication_failed_4004_is_reported_and_not_retried(
        fake: FakeDiscord, caplog: pytest.LogCaptureFixture) -> None:
    adapter, gate = supervised(fake)
    fake.identify_close = 4004
    await adapter.start(_no_commands)
    try:
        assert adapter.gateway is not None
        fatal = await eventually(lambda: adapter.gateway and adapter.gateway.fatal, "giving up")
        assert "4004" in fatal and "DISCORD_TOKEN" in fatal
        assert not adapter.gateway.running  # it stopped: no restart loop
        assert not gate.waiting.is_set() and len(fake.gateway_sessions) == 1
        assert not adapter.ready and adapter_up(adapter) == 0
    finally:
        await adapter.stop()
    fatal_lines = [r for r in caplog.records if "discord.gateway_fatal" in r.getMessage()]
    assert len(fatal_lines) == 1 and fatal_lines[0].levelno == logging.ERROR


@pytest.mark.parametrize(("code", "answer"), [
    (4000, "resumed"), (4009, "resumed"), (4000, "refuse")])
async def test_resumable_closes_and_a_refused_resume_come_back_up(
        fake: FakeDiscord, code: int, answer: str) -> None:
    adapter, _gate = supervised(fake)
    await adapter.start(_no_commands)
    try:
        first = await eventually(fake.live_session, "IDENTIFY")
        await eventually(lambda: adapter.ready, "READY")
        fake.resume_answer = answer
        await fake.close_live(code)
        await eventually(lambda: fake.live_session() not in (None, first), "a new connection")
        await eventually(lambda: adapter.ready, "READY or RESUMED")
        live = fake.live_session()
        assert live is not None and live.identify is not None
        # a refused resume (op 9) makes discord.py identify afresh; otherwise it resumes
        assert ("session_id" in live.identify) == (answer == "resumed")
        assert adapter.gateway is not None and adapter.gateway.fatal is None
    finally:
        await adapter.stop()

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
from adapters.discord.gateway import GatewaySupervisor
from bot import metrics
from bot.runner.health import adapter_status
from tests.support.discord_gateway import _no_commands, eventually, fake  # noqa: F401  (fixture)
from tests.support.fake_discord import BOT_TOKEN, FakeDiscord
from tests.support.fake_discord_gateway import GatewaySession
from tests.support.supervision import Gate


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


class FlappingClient:
    """Reaches READY, then its connection dies a moment later, every time: what a payload
    discord.py cannot parse after READY does. Stands in for ``discord.Client``."""

    ws = None

    def __init__(self) -> None:
        self.connects = 0

    async def connect(self, *, reconnect: bool) -> None:
        self.connects += 1
        await self.on_ready()  # type: ignore[attr-defined]  (set by the supervisor)
        await asyncio.sleep(0.05)
        raise RuntimeError("unparseable payload after READY")

    def is_ready(self) -> bool:
        return True

    def is_closed(self) -> bool:
        return False


async def test_a_connection_that_dies_right_after_ready_backs_off_instead_of_reidentifying(
        ) -> None:
    """Up for a moment is not recovered: the delay grows (IDENTIFYs are rationed by Discord),
    and only a connection that stayed up ``stable_after`` seconds resets it."""
    client = FlappingClient()
    supervisor = GatewaySupervisor(client, login=asyncio.sleep, check_every=0.01,  # type: ignore[arg-type]
                                   backoff_base=1.0, backoff_max=1000.0, stable_after=60.0)
    delays: list[float] = []
    enough = asyncio.Event()

    async def record(delay: float) -> None:
        delays.append(delay)
        if len(delays) == 5:
            enough.set()
            await asyncio.Event().wait()  # park the supervisor here

    supervisor.sleep = record
    supervisor.start()
    try:
        await asyncio.wait_for(enough.wait(), timeout=10)
    finally:
        await supervisor.stop()
    # jittered within [0.5, 1] of 2, 4, 8, 16, 32: each at least the last one's floor
    assert [round(d / 2 ** (i + 1), 1) >= 0.5 for i, d in enumerate(delays)] == [True] * 5
    assert delays[-1] >= 16 and client.connects == 5

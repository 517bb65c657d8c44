"""Slack Socket Mode is supervised (issue 22.4): /readyz and ``adapter_up`` say down while the
socket is, and a connection whose SDK monitor is gone is reconnected with backoff. Against the
fake Slack's Socket Mode endpoint on loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from adapters.slack import SlackAdapter, SlackSettings, make_adapter
from adapters.slack import app as slack_app
from bot.health import adapter_status
from tests.support.fake_slack import APP_TOKEN, TOKEN, FakeSlack
from tests.test_discord_gateway import eventually
from tests.test_discord_supervision import Gate
from tests.test_slack_commands import Core, fake  # noqa: F401  (fixture)


@pytest.fixture
async def socket_adapter(fake: FakeSlack,
                         monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[SlackAdapter]:
    monkeypatch.setattr(slack_app, "PING_INTERVAL", 0.2)  # the SDK retries every ping interval
    adapter = make_adapter(SlackSettings(bot_token=TOKEN, app_token=APP_TOKEN,
                                         api_base_url=fake.api_url, min_interval=0))
    await adapter.start(Core())
    try:
        yield adapter
    finally:
        await adapter.stop()


def ready(adapter: SlackAdapter) -> bool:
    return adapter_status({"slack": adapter})()["slack"]  # what /readyz and adapter_up read


async def test_readiness_follows_the_socket(fake: FakeSlack,
                                            socket_adapter: SlackAdapter) -> None:
    await eventually(lambda: ready(socket_adapter), "the socket up")
    fake.accept_sockets = False  # Slack moves the app and is not taking it back yet
    await fake.drop_sockets()
    await eventually(lambda: not ready(socket_adapter), "the socket reported down")
    fake.accept_sockets = True
    await eventually(fake.live_sockets, "the SDK reconnecting")
    await eventually(lambda: ready(socket_adapter), "the socket reported up again")


async def test_a_socket_whose_monitor_ended_is_reconnected(
        fake: FakeSlack, socket_adapter: SlackAdapter) -> None:
    server = socket_adapter.server
    supervisor = server.supervisor
    assert supervisor is not None
    gate = Gate()
    supervisor.sleep = gate
    supervisor.check_every = 0.05
    await eventually(lambda: ready(socket_adapter), "the socket up")
    first = fake.live_sockets()
    client = server._socket.client
    # the SDK's own tasks are gone (as after an error they did not expect): nobody reconnects
    for task in (client.current_session_monitor, client.message_receiver):
        task.cancel()
    await fake.drop_sockets()
    await eventually(gate.waiting.is_set, "a restart scheduled")
    assert not ready(socket_adapter) and supervisor.down_reason
    gate.open.set()
    await eventually(lambda: [s for s in fake.live_sockets() if s not in first], "a new socket")
    await eventually(lambda: ready(socket_adapter), "the socket up again")
    assert supervisor.restarts == 1

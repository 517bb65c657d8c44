"""Sign in with Discord and with Slack, end to end against fake providers on loopback: the
dashboard's redirect, the provider's approval, the code exchange, and the scoping that follows."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.config import Secrets
from bot.dashboard.oauth import load_providers
from bot.delivery import Destination
from bot.errors import ConfigError
from bot.store import destinations as dest_store
from tests.support.dashboard import Harness, dashboard_harness, dashboard_settings
from tests.support.fake_oauth import CLIENT_ID, CLIENT_SECRET, SLACK_BOT_TOKEN, FakeOAuth

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
MANAGE_GUILD = 1 << 5


@pytest.fixture
async def fake() -> AsyncIterator[FakeOAuth]:
    async with FakeOAuth() as provider:
        yield provider


@pytest.fixture
async def h(tmp_path: Path, fake: FakeOAuth) -> AsyncIterator[Harness]:
    settings = dashboard_settings(tmp_path, oauth={
        "discord": {"client_id": CLIENT_ID, "base_url": fake.base_url},
        "slack": {"client_id": CLIENT_ID, "base_url": fake.base_url}})
    secrets = Secrets.model_validate({"values": {
        "DISCORD_CLIENT_SECRET": CLIENT_SECRET, "SLACK_CLIENT_SECRET": CLIENT_SECRET,
        "SLACK_BOT_TOKEN": SLACK_BOT_TOKEN}})
    async with dashboard_harness(settings, secrets) as harness:
        async with harness.app.db.begin() as conn:
            for ref, server in (("discord:111", "G1"), ("discord:222", "G2"),
                                ("slack:T1/C1", "T1"), ("slack:T2/C2", "T2")):
                await dest_store.get_or_create(conn, Destination(ref), now=NOW, server=server)
        yield harness


async def test_the_login_page_offers_both_providers(h: Harness) -> None:
    page = await (await h.client.get("/login")).text()
    assert 'href="/auth/discord"' in page and "Sign in with Discord" in page
    assert 'href="/auth/slack"' in page and "Sign in with Slack" in page


async def test_discord_admin_sees_only_servers_they_manage(h: Harness, fake: FakeOAuth) -> None:
    fake.discord_guilds = [
        {"id": "G1", "name": "Guild One", "owner": False, "permissions": str(MANAGE_GUILD)},
        {"id": "G2", "name": "Guild Two", "owner": False, "permissions": str(1 << 10)},
    ]
    response = await h.client.get("/auth/discord")  # follows the fake's approval back
    page = await response.text()
    assert response.status == 200 and response.url.path == "/"
    assert "Ada" in page and "Guild One" in page and "Guild Two" not in page
    destinations = await (await h.client.get("/destinations")).text()
    assert "discord:111" in destinations
    for other in ("discord:222", "slack:T1/C1", "console:"):
        assert other not in destinations
    assert ("POST", "/api/oauth2/token") in fake.calls


async def test_discord_user_without_manage_server_is_refused(h: Harness,
                                                              fake: FakeOAuth) -> None:
    fake.discord_guilds = [{"id": "G1", "name": "Guild One", "owner": False,
                            "permissions": str(1 << 10)}]
    response = await h.client.get("/auth/discord")
    assert response.status == 403
    assert "do not hold Manage Server" in await response.text()
    assert (await h.client.get("/", allow_redirects=False)).status == 303


async def test_slack_admin_sees_only_their_workspace(h: Harness, fake: FakeOAuth) -> None:
    fake.slack_admins = {"U1"}
    response = await h.client.get("/auth/slack")
    assert response.status == 200 and response.url.path == "/"
    assert "Acme" in await response.text()
    destinations = await (await h.client.get("/destinations")).text()
    assert "slack:T1/C1" in destinations
    assert "slack:T2/C2" not in destinations and "discord:111" not in destinations


async def test_slack_member_who_is_not_an_admin_is_refused(h: Harness, fake: FakeOAuth) -> None:
    response = await h.client.get("/auth/slack")
    assert response.status == 403
    assert "Only the workspace&#39;s admins" in await response.text()


async def test_a_callback_with_a_forged_state_is_refused(h: Harness, fake: FakeOAuth) -> None:
    fake.discord_guilds = [{"id": "G1", "name": "Guild One", "permissions": str(MANAGE_GUILD)}]
    await h.client.get("/login")
    response = await h.client.get("/auth/discord/callback?code=abc&state=forged")
    assert response.status == 403 and "expired" in await response.text()
    assert ("POST", "/api/oauth2/token") not in fake.calls  # no code was spent


async def test_a_failing_provider_is_an_error_page_not_a_crash(h: Harness,
                                                               fake: FakeOAuth) -> None:
    fake.fail_token = True
    response = await h.client.get("/auth/discord")
    assert response.status == 403
    assert "Sign in with Discord failed" in await response.text()
    assert CLIENT_SECRET not in await response.text()


async def test_an_unknown_provider_is_not_found(h: Harness) -> None:
    assert (await h.client.get("/auth/myspace", allow_redirects=False)).status == 404


def test_a_provider_without_its_client_secret_is_a_config_error(tmp_path: Path) -> None:
    settings = dashboard_settings(tmp_path, oauth={"discord": {"client_id": CLIENT_ID}})
    with pytest.raises(ConfigError, match="DISCORD_CLIENT_SECRET"):
        load_providers(settings, Secrets(values={}))
    unknown = dashboard_settings(tmp_path, oauth={"nosuch": {"client_id": CLIENT_ID}})
    with pytest.raises(ConfigError, match="no such sign-in provider"):
        load_providers(unknown, Secrets(values={}))

"""A dashboard on loopback over a real App, for handler tests: sign in, post forms with the
page's own CSRF token, or act as a Discord or Slack server admin."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient, TestServer

from adapters.recording import RecordingAdapter
from bot.app import App
from bot.config import DestinationSettings, Secrets, Settings, SubscriptionSettings
from bot.dashboard import Dashboard, make_services
from bot.dashboard.auth import COOKIE, OperatorSecret, Principal
from bot.delivery import Adapter

SECRET = "correct horse battery staple"
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def dashboard_settings(tmp_path: Path, **dashboard: Any) -> Settings:
    return Settings(
        data_dir=tmp_path,
        network={"allow_private": ["127.0.0.0/8"], "total_timeout": 3.0,
                 "connect_timeout": 1.0},
        summarizer={"full_text": False},
        polling={"max_item_age_days": 36500},
        destinations=[DestinationSettings(ref="console:",
                                          subscriptions=[SubscriptionSettings()])],
        dashboard={"enabled": True, "port": 0, **dashboard},
    )


@dataclass
class Harness:
    app: App
    dash: Dashboard
    client: TestClient  # type: ignore[type-arg]
    rec: RecordingAdapter

    async def csrf(self, path: str = "/login") -> str:
        page = await (await self.client.get(path)).text()
        found = _CSRF.search(page)
        assert found, f"no CSRF token on {path}"
        return found.group(1)

    async def post(self, path: str, data: dict[str, Any] | None = None, *,
                   page: str | None = None, **kwargs: Any) -> ClientResponse:
        """POST a form as the browser would: with the CSRF token of the page it is on."""
        form = {"csrf": await self.csrf(page or "/"), **(data or {})}
        return await self.client.post(path, data=form, allow_redirects=False, **kwargs)

    async def sign_in(self) -> None:
        token = await self.csrf("/login")
        response = await self.client.post("/login", data={"csrf": token, "secret": SECRET},
                                          allow_redirects=False)
        assert response.status == 303, await response.text()

    def act_as(self, principal: Principal) -> None:
        session = self.dash.sessions.new(principal)
        self.client.session.cookie_jar.clear()
        self.client.session.cookie_jar.update_cookies(
            {COOKIE: self.dash.sessions.cookie_value(session)})


@asynccontextmanager
async def dashboard_harness(settings: Settings, secrets: Secrets | None = None, *,
                            discord: Adapter | None = None) -> AsyncIterator[Harness]:
    """``discord``: a real adapter (on the fake Discord) in place of a recording one, whose
    channel and server names the pages then show."""
    rec = RecordingAdapter(name="console")
    app = await App.create(settings, secrets or Secrets(values={}),
                           adapters={"console": rec,
                                     "discord": discord or RecordingAdapter(name="discord")})
    services = make_services(db=app.db, commands=app.commands, settings=app.settings,
                             secrets=app.secrets, notify=app.worker.notify,
                             adapters=app.adapters)
    dash = Dashboard(services, operator=OperatorSecret(SECRET, generated=False))
    client = TestClient(TestServer(dash.app))
    await client.start_server()
    try:
        yield Harness(app, dash, client, rec)
    finally:
        await client.close()
        await app.close()

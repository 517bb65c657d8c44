"""The web dashboard for the people who run the bot, served by the bot itself (aiohttp, Jinja2
templates, a little plain JavaScript; every asset ships in the package).

``await serve_dashboard(app)`` starts it on ``dashboard.host:dashboard.port`` and prints where
to sign in; ``await server.stop()`` stops it. A port already taken stops the start, as a busy
health port does (bot.listen): a dashboard the operator asked for is not silently missing."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TextIO

from aiohttp import web

from bot.app import App
from bot.dashboard import destinations, feeds, pages, server
from bot.dashboard.auth import OperatorSecret
from bot.dashboard.server import Services, make_services
from bot.listen import listen
from bot.logs import get_log

__all__ = ["Dashboard", "DashboardServer", "Services", "make_services", "serve_dashboard"]

log = get_log(__name__)


class Dashboard(server.Dashboard):
    """The dashboard with every page's routes."""

    def __init__(self, services: Services, *, operator: OperatorSecret | None = None) -> None:
        super().__init__(services, operator=operator)
        for module in (pages, feeds, destinations):
            module.add_routes(self)


@dataclass
class DashboardServer:
    dashboard: Dashboard
    runner: web.AppRunner
    url: str

    async def stop(self) -> None:
        await self.runner.cleanup()
        await self.dashboard.services.names.close()


async def serve_dashboard(app: App, *, out: TextIO | None = None) -> DashboardServer:
    settings = app.settings.dashboard
    services = make_services(db=app.db, commands=app.commands, settings=app.settings,
                             secrets=app.secrets, notify=app.worker.notify,
                             clock=app.pipeline.clock, adapters=app.adapters)
    dashboard = Dashboard(services)
    runner = web.AppRunner(dashboard.app, access_log=None)
    await runner.setup()
    port = await listen(runner, settings.host, settings.port, key="dashboard.port")
    host = "127.0.0.1" if settings.host in ("0.0.0.0", "") else settings.host
    url = (settings.public_url or f"http://{host}:{port}").rstrip("/") + "/"
    log.info("dashboard.serving", host=settings.host, port=port)
    # Printed, not logged: the one place the generated token is ever shown (logs are kept).
    if dashboard.operator.generated:
        print(f"newsbrief dashboard: {url}?token={dashboard.operator.value}",
              file=out or sys.stdout, flush=True)
    else:
        print(f"newsbrief dashboard: {url} (sign in with NEWSBRIEF_DASHBOARD_SECRET)",
              file=out or sys.stdout, flush=True)
    return DashboardServer(dashboard, runner, url)

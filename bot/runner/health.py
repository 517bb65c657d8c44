"""Health and metrics over HTTP: ``/healthz`` (alive), ``/readyz`` (database and adapters) and
``/metrics`` (Prometheus text), as aiohttp routes that an adapter's public HTTP server can mount
too (``HostsRoutes``)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from bot import metrics
from bot.delivery import Ready
from bot.listen import listen
from bot.logs import get_log
from bot.store import destinations as dest_store
from bot.store import feeds as feed_store
from bot.store import outbox as outbox_store
from bot.store.db import Database, ping

log = get_log(__name__)

AdapterStatus = Callable[[], Mapping[str, bool]]
CHECK_TIMEOUT = 5.0  # a probe that hangs is a failed probe, not a hung orchestrator


def adapter_status(adapters: Mapping[str, Any]) -> AdapterStatus:
    """Reads each adapter's optional ``ready`` (attribute, property or method); an adapter
    without one (console, webhook) has nothing to connect and counts as ready."""

    def status() -> dict[str, bool]:
        result: dict[str, bool] = {}
        for name, adapter in adapters.items():
            ready = adapter.ready if isinstance(adapter, Ready) else True
            result[name] = bool(ready() if callable(ready) else ready)
        return result

    return status


async def database_error(db: Database, timeout: float = CHECK_TIMEOUT) -> str | None:
    """None when ``SELECT 1`` answers in time, else why not (no secrets: no URL)."""
    try:
        async with asyncio.timeout(timeout):
            async with db.read() as conn:
                await ping(conn)
    except TimeoutError:
        return f"no answer within {timeout:g}s"
    except Exception as exc:
        return type(exc).__name__
    return None


async def outbox_depth(db: Database) -> dict[str, int]:
    """Rows per unsettled state, counted in the database so every worker reports the same."""
    async with db.read() as conn:
        return await outbox_store.unsettled_counts(conn)


async def database_snapshot(db: Database) -> metrics.DatabaseSnapshot:
    """The database-wide gauges, one read transaction."""
    now = datetime.now(UTC)
    depth = await outbox_depth(db)
    async with db.read() as conn:
        oldest = await outbox_store.oldest_unsettled(conn)
    seen = await attention(db)
    return metrics.DatabaseSnapshot(
        outbox_depth=depth,
        oldest_undelivered={str(ref): max(0.0, (now - _aware(first)).total_seconds())
                            for ref, first in oldest.items()},
        feeds_disabled=seen["disabled_feeds"],
        destinations_paused=len(seen["paused_destinations"]))


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def attention(db: Database) -> dict[str, Any]:
    """What an operator should look at without it making the process unready: disabled feeds
    and paused destinations (by ref: refs are names, not secrets)."""
    async with db.read() as conn:
        disabled = await feed_store.count_disabled(conn)
        paused = await dest_store.paused_refs(conn)
    return {"disabled_feeds": disabled, "paused_destinations": paused}


class HealthHandlers:
    """The three endpoints; ``db`` and ``adapters`` are optional so parts can be served alone."""

    def __init__(self, *, db: Database | None = None, adapters: AdapterStatus | None = None,
                 timeout: float = CHECK_TIMEOUT) -> None:
        self.db = db
        self.adapters = adapters
        self.timeout = timeout

    async def healthz(self, request: web.Request) -> web.Response:
        # Liveness only: answering at all proves the event loop turns. Dependencies belong to
        # /readyz, or a database outage would get every worker restarted for nothing.
        return web.json_response({"status": "ok"})

    async def readyz(self, request: web.Request) -> web.Response:
        checks: dict[str, Any] = {}
        ready = True
        if self.db is not None:
            error = await database_error(self.db, self.timeout)
            checks["database"] = error or "ok"
            ready = ready and error is None
            if error is None:
                try:
                    async with asyncio.timeout(self.timeout):
                        checks.update(await attention(self.db))
                except Exception as exc:  # details only: readiness does not depend on them
                    log.warning("health.attention_failed", error=type(exc).__name__)
        if self.adapters is not None:
            try:
                status = dict(self.adapters())
            except Exception as exc:
                status = {"(status)": False}
                log.warning("health.adapter_status_failed", error=type(exc).__name__)
            checks["adapters"] = status
            ready = ready and all(status.values())
        if not ready:
            log.warning("health.not_ready", checks=checks)
        return web.json_response({"status": "ready" if ready else "not ready", "checks": checks},
                                 status=200 if ready else 503)

    async def metrics(self, request: web.Request) -> web.Response:
        if self.db is not None:
            try:
                async with asyncio.timeout(self.timeout):
                    metrics.set_database_snapshot(await database_snapshot(self.db))
            except Exception as exc:  # the rest of the metrics are still worth serving
                metrics.set_database_snapshot(None)  # absent, not a reassuring 0
                log.warning("health.database_gauges_failed", error=type(exc).__name__)
        if self.adapters is not None:
            try:
                metrics.set_adapters_up(self.adapters())
            except Exception as exc:
                log.warning("health.adapter_status_failed", error=type(exc).__name__)
        body, content_type = metrics.render()
        response = web.Response(body=body)
        response.headers["Content-Type"] = content_type
        return response


def health_routes(*, db: Database | None = None, adapters: AdapterStatus | None = None,
                  timeout: float = CHECK_TIMEOUT) -> list[web.RouteDef]:
    """The routes, for mounting on an existing aiohttp app (an adapter's, ``HostsRoutes``)."""
    handlers = HealthHandlers(db=db, adapters=adapters, timeout=timeout)
    return [web.get("/healthz", handlers.healthz), web.get("/readyz", handlers.readyz),
            web.get("/metrics", handlers.metrics)]


def add_health_routes(app: web.Application, *, db: Database | None = None,
                      adapters: AdapterStatus | None = None) -> None:
    app.router.add_routes(health_routes(db=db, adapters=adapters))


def make_health_app(*, db: Database | None = None,
                    adapters: AdapterStatus | None = None) -> web.Application:
    app = web.Application()
    add_health_routes(app, db=db, adapters=adapters)
    return app


async def serve_health(host: str, port: int, *, db: Database | None = None,
                       adapters: AdapterStatus | None = None) -> web.AppRunner:
    """Start serving on ``host:port`` (port 0 picks a free one); ``await runner.cleanup()``
    stops it. The bound port is ``bound_port(runner)``."""
    runner = web.AppRunner(make_health_app(db=db, adapters=adapters), access_log=None)
    await runner.setup()
    port = await listen(runner, host, port, key="health.port")
    log.info("health.serving", host=host, port=port)
    return runner


def bound_port(runner: web.AppRunner) -> int:
    for address in runner.addresses:
        if isinstance(address, tuple):
            return int(address[1])
    raise RuntimeError("the health server is not listening")

"""Serving an aiohttp app on the port the operator configured: the health endpoints and the
dashboard alike. A port that cannot be taken is a set-up problem, fatal at start with the key
to change, never a log line the operator finds later."""

from __future__ import annotations

from aiohttp import web

from bot.errors import ConfigError


async def listen(runner: web.AppRunner, host: str, port: int, *, key: str) -> int:
    """Start ``runner`` (set up) on ``host:port`` and return the bound port (port 0 picks a free
    one). Raises ConfigError naming ``key`` (``health.port``, ``dashboard.port``)."""
    site = web.TCPSite(runner, host, port)
    try:
        await site.start()
    except OSError as exc:
        await runner.cleanup()
        raise ConfigError(key, f"cannot listen on {host}:{port}: {exc.strerror or exc} (is "
                          f"another newsbrief running? change {key} or stop the other "
                          "process)") from None
    return next(int(a[1]) for a in runner.addresses if isinstance(a, tuple))

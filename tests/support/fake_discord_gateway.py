"""One gateway connection as the fake Discord (``tests.support.fake_discord``) sees it: the
frames it sends, in order, plain or as one zlib stream."""

from __future__ import annotations

import asyncio
import json
import zlib
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass
class GatewaySession:
    """One gateway connection as the fake sees it."""

    ws: web.WebSocketResponse
    session_id: str
    compress: str | None  # "zlib-stream" or None (plain text frames)
    identify: dict[str, Any] | None = None  # the IDENTIFY (or RESUME) payload's "d"
    received: list[dict[str, Any]] = field(default_factory=list)
    heartbeats: int = 0
    sequence: int = 0
    close_code: int | None = None
    closed: asyncio.Event = field(default_factory=asyncio.Event)
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    _deflate: Any = None

    def __post_init__(self) -> None:
        if self.compress == "zlib-stream":
            # one deflate stream per connection, each message ending in a sync flush, which is
            # how discord.py finds message boundaries (the trailing 00 00 ff ff)
            self._deflate = zlib.compressobj()

    async def send(self, op: int, data: Any, event: str | None = None) -> None:
        async with self._lock:  # keeps sequence numbers and the deflate stream in order
            payload: dict[str, Any] = {"op": op, "d": data, "s": None, "t": event}
            if op == 0:
                self.sequence += 1
                payload["s"] = self.sequence
            raw = json.dumps(payload).encode()
            if self._deflate is None:
                await self.ws.send_str(raw.decode())
            else:
                await self.ws.send_bytes(self._deflate.compress(raw)
                                         + self._deflate.flush(zlib.Z_SYNC_FLUSH))

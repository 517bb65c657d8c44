"""A stand-in for a supervisor's backoff sleep, for the connection supervision tests."""

from __future__ import annotations

import asyncio


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

"""What the fetcher tests share: a loopback-only policy, a minimal feed body and a fetcher."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.feeds.fetch import HttpFetcher
from bot.netguard import AddressPolicy

LOOPBACK = AddressPolicy(["127.0.0.0/8"])
RSS = b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></channel></rss>"


@pytest.fixture
async def fetcher() -> AsyncIterator[HttpFetcher]:
    async with HttpFetcher(policy=LOOPBACK, total_timeout=5.0, max_bytes=1_000_000) as f:
        yield f

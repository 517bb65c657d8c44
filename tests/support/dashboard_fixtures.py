"""The ``h`` fixture: a dashboard harness on a fresh database, at ``NOW``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.support.dashboard import Harness, dashboard_harness, dashboard_settings

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


@pytest.fixture
async def h(tmp_path: Path) -> AsyncIterator[Harness]:
    async with dashboard_harness(dashboard_settings(tmp_path)) as harness:
        yield harness

"""The clock: one definition of "now" (timezone-aware UTC) that every stage takes as a default
and every test replaces by passing its own ``Clock``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def now_utc() -> datetime:
    return datetime.now(UTC)

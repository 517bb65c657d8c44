"""When to poll a feed next: pure policy over the last outcome, as miniflux's ScheduleNextCheck.

The store keeps the result (a ``next_check_at`` per feed); the scheduler only asks for due feeds.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

# 2**40 intervals is already centuries; capping the exponent keeps the float finite.
_MAX_EXPONENT = 40


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def next_check_after_success(
    now: datetime,
    *,
    interval: float,
    retry_after: float | None = None,
    max_age: float | None = None,
    min_interval: float,
    max_interval: float,
) -> datetime:
    """After a good poll: the configured interval, stretched to the server's Retry-After or
    Cache-Control max-age when those ask for longer, and clamped to [min_interval, max_interval]
    (a max-age of a week must not silence a feed for a week; a max-age of 0 must not hammer it)."""
    wait = interval
    if max_age is not None:
        wait = max(wait, max_age)
    if retry_after is not None:
        wait = max(wait, retry_after)
    return now + timedelta(seconds=_clamp(wait, min_interval, max(min_interval, max_interval)))


def _jitter_fraction(key: str, failures: int) -> float:
    """A stable fraction in [0, 1) per (feed, failure count): feeds that failed together (one host
    down) spread out, yet a rerun computes the same time."""
    digest = hashlib.sha256(f"{key}:{failures}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def next_check_after_failure(
    now: datetime,
    *,
    failures: int,
    interval: float,
    retry_after: float | None = None,
    max_backoff: float,
    jitter: float = 0.1,
    jitter_key: str | None = None,
) -> datetime:
    """After ``failures`` consecutive failures (1 = the first): ``interval * 2**(failures-1)``
    capped at ``max_backoff``, never sooner than Retry-After (itself capped at ``max_backoff``),
    plus up to ``jitter`` of that (deterministic from ``jitter_key``; none without a key)."""
    exponent = min(max(failures, 1) - 1, _MAX_EXPONENT)
    wait = min(interval * 2**exponent, max_backoff)
    if retry_after is not None:
        wait = max(wait, min(retry_after, max_backoff))
    if jitter_key is not None and jitter > 0:
        wait += wait * jitter * _jitter_fraction(jitter_key, failures)
    return now + timedelta(seconds=wait)


def should_disable(failures: int, max_failures: int) -> bool:
    """True once a feed has failed ``max_failures`` times in a row; 0 or less means never."""
    return max_failures > 0 and failures >= max_failures

"""Prometheus metrics: plain functions the pipeline and the outbox call, one registry per process.

Each worker process serves its own ``/metrics``; Prometheus sums across the scraped targets, so
no multi-process file mode is needed. Label values are small fixed sets (outcome, error kind,
platform), never feed URLs or destination refs, which would grow the series without bound.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Protocol

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    PlatformCollector,
    ProcessCollector,
    generate_latest,
)

REGISTRY = CollectorRegistry(auto_describe=True)
ProcessCollector(registry=REGISTRY)  # resident memory, CPU seconds, open fds
PlatformCollector(registry=REGISTRY)

FEEDS_POLLED = Counter("newsbrief_feeds_polled", "Feed polls by outcome",
                       ["outcome"], registry=REGISTRY)  # changed | unchanged | failed
FETCH_ERRORS = Counter("newsbrief_fetch_errors", "Failed polls by error kind",
                       ["kind"], registry=REGISTRY)  # timeout, connect, http_4xx, parse, ...
BRIEFS = Counter("newsbrief_briefs", "Briefs made", registry=REGISTRY)
DELIVERIES = Counter("newsbrief_deliveries", "Delivery attempts by platform and outcome",
                     ["platform", "outcome"], registry=REGISTRY)
RATE_LIMITED = Counter("newsbrief_rate_limited", "Deliveries held by the platform (429)",
                       ["platform"], registry=REGISTRY)
OUTBOX_DEPTH = Gauge("newsbrief_outbox_depth", "Outbox rows not yet settled, by state",
                     ["state"], registry=REGISTRY)
POLL_CYCLE = Histogram("newsbrief_poll_cycle_seconds", "Time to poll every due feed once",
                       buckets=(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600),
                       registry=REGISTRY)
SUMMARIZE = Histogram("newsbrief_summarize_seconds", "Time to summarize one article",
                      buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
                      registry=REGISTRY)

# Outcomes the outbox reports; "held" means the platform asked us to wait (429 Retry-After).
HELD = "held"


class PollStatsLike(Protocol):
    """What ``poll_cycle`` reads from the pipeline's PollStats."""

    feeds: int
    unchanged: int
    failed: int
    briefs: int
    errors: dict[str, int]


def feed_polled(outcome: str, count: int = 1) -> None:
    """``outcome``: changed, unchanged or failed."""
    if count:
        FEEDS_POLLED.labels(outcome=outcome).inc(count)


def fetch_error(kind: str, count: int = 1) -> None:
    if count:
        FETCH_ERRORS.labels(kind=kind).inc(count)


def brief_made(count: int = 1) -> None:
    if count:
        BRIEFS.inc(count)


def delivery(platform: str, outcome: str) -> None:
    """One delivery attempt: sent, retry, failed, held, paused, unknown or lost."""
    DELIVERIES.labels(platform=platform, outcome=outcome).inc()
    if outcome == HELD:
        RATE_LIMITED.labels(platform=platform).inc()


def rate_limited(platform: str) -> None:
    RATE_LIMITED.labels(platform=platform).inc()


def set_outbox_depth(depth: Mapping[str, int]) -> None:
    """Rows per state (pending, sending); a state missing from ``depth`` reads 0."""
    for state in ("pending", "sending"):
        OUTBOX_DEPTH.labels(state=state).set(depth.get(state, 0))


def observe_poll_cycle(seconds: float) -> None:
    POLL_CYCLE.observe(seconds)


@contextmanager
def summarize_timer() -> Iterator[None]:
    """``with metrics.summarize_timer(): brief = await summarizer.summarize(...)``."""
    started = time.perf_counter()
    try:
        yield
    finally:
        SUMMARIZE.observe(time.perf_counter() - started)


def poll_cycle(stats: PollStatsLike, seconds: float) -> None:
    """Record one ``Pipeline.poll_due`` call from its stats: one call covers the whole cycle."""
    feed_polled("failed", stats.failed)
    feed_polled("unchanged", stats.unchanged)
    feed_polled("changed", max(0, stats.feeds - stats.failed - stats.unchanged))
    for kind, count in stats.errors.items():
        fetch_error(kind, count)
    brief_made(stats.briefs)
    if stats.feeds:  # an idle tick is not a cycle; it would drag the histogram towards zero
        observe_poll_cycle(seconds)


def render() -> tuple[bytes, str]:
    """The Prometheus text exposition of this process's metrics, and its content type."""
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST


def value(name: str, **labels: str) -> float:
    """A sample's current value (0.0 when absent), e.g. ``value("newsbrief_briefs_total")``."""
    found: Any = REGISTRY.get_sample_value(name, labels)
    return float(found) if found is not None else 0.0

"""Prometheus metrics: plain functions the pipeline and the outbox call, one registry per process.

Each worker process serves its own ``/metrics``; Prometheus sums the per-process counters across
the scraped targets, so no multi-process file mode is needed. Label values are small fixed sets
(outcome, error kind, platform), never feed URLs; the one exception is the backlog age, labelled
by destination only while that destination has something undelivered.

Gauges that describe the whole database (outbox depth, backlog age, disabled feeds, paused
destinations) are read from it at scrape time by every worker, so they are the same on each:
aggregate them with ``max`` (never ``sum``). While the database cannot be read they are absent
and ``newsbrief_database_up`` is 0, rather than reading 0 ("nothing queued") — see OPERATIONS.md.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
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
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

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
ADAPTER_UP = Gauge("newsbrief_adapter_up", "1 when this process's adapter is connected/ready",
                   ["adapter"], registry=REGISTRY)
BRIEF_LATENCY = Histogram(
    "newsbrief_brief_latency_seconds",
    "From a brief queued (just after its item was fetched and summarized) to posted",
    ["platform"], buckets=(1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600),
    registry=REGISTRY)
POLL_CYCLE = Histogram("newsbrief_poll_cycle_seconds", "Time to poll every due feed once",
                       buckets=(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600),
                       registry=REGISTRY)
LLM_BRIEFS = Counter("newsbrief_llm_briefs", "LLM summarizer outcomes",
                     ["outcome"], registry=REGISTRY)  # model | partial | fallback_<reason>
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


def llm_brief(outcome: str) -> None:
    """One brief from the LLM summarizer: model, partial (some points extractive), or
    fallback_<reason> (timeout, http_5xx, malformed, budget, ungrounded, ...)."""
    LLM_BRIEFS.labels(outcome=outcome).inc()


def delivery(platform: str, outcome: str) -> None:
    """One delivery attempt: sent, retry, failed, held, paused, unknown or lost."""
    DELIVERIES.labels(platform=platform, outcome=outcome).inc()
    if outcome == HELD:
        RATE_LIMITED.labels(platform=platform).inc()


def rate_limited(platform: str) -> None:
    RATE_LIMITED.labels(platform=platform).inc()


@dataclass
class DatabaseSnapshot:
    """The database-wide figures, read at one scrape."""

    outbox_depth: Mapping[str, int] = field(default_factory=dict)  # state -> rows
    oldest_undelivered: Mapping[str, float] = field(default_factory=dict)  # ref -> seconds
    feeds_disabled: int = 0
    destinations_paused: int = 0


class DatabaseGauges(Collector):
    """Exports the last snapshot, or only ``newsbrief_database_up 0`` when it failed."""

    def __init__(self) -> None:
        self.snapshot: DatabaseSnapshot | None = None
        self.read = False  # nothing asked the database yet: export nothing at all

    def collect(self) -> Iterator[GaugeMetricFamily]:
        if not self.read:
            return
        yield GaugeMetricFamily("newsbrief_database_up", "1 when the last scrape could read "
                                "the database", value=1 if self.snapshot else 0)
        snap = self.snapshot
        if snap is None:
            return
        depth = GaugeMetricFamily("newsbrief_outbox_depth", "Outbox rows not yet settled, by "
                                  "state (database-wide: aggregate with max)", labels=["state"])
        for state in ("pending", "sending"):
            depth.add_metric([state], snap.outbox_depth.get(state, 0))
        yield depth
        oldest = GaugeMetricFamily("newsbrief_oldest_undelivered_seconds",
                                   "Age of the oldest undelivered message, per destination "
                                   "that has one (database-wide: aggregate with max)",
                                   labels=["destination"])
        for ref, age in sorted(snap.oldest_undelivered.items()):
            oldest.add_metric([ref], age)
        yield oldest
        yield GaugeMetricFamily("newsbrief_feeds_disabled", "Feeds disabled after repeated "
                                "failures (database-wide: aggregate with max)",
                                value=snap.feeds_disabled)
        yield GaugeMetricFamily("newsbrief_destinations_paused", "Destinations paused after a "
                                "permanent refusal (database-wide: aggregate with max)",
                                value=snap.destinations_paused)


DATABASE = DatabaseGauges()
REGISTRY.register(DATABASE)


def set_database_snapshot(snapshot: DatabaseSnapshot | None) -> None:
    """None: the database could not be read; its gauges disappear until it can."""
    DATABASE.read = True
    DATABASE.snapshot = snapshot


def set_adapters_up(status: Mapping[str, bool]) -> None:
    for name, up in status.items():
        ADAPTER_UP.labels(adapter=name).set(1 if up else 0)


def brief_posted(platform: str, seconds: float) -> None:
    BRIEF_LATENCY.labels(platform=platform).observe(max(0.0, seconds))


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

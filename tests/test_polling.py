"""When to poll next: success stretches to server hints within bounds, failure backs off."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bot.config import Settings
from bot.feeds.schedule import next_check_after_failure, next_check_after_success, should_disable
from bot.pipeline import Pipeline

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


def _after(when: datetime) -> float:
    return (when - NOW).total_seconds()


@pytest.mark.parametrize(("retry_after", "max_age", "expected"), [
    (None, None, 900),        # the configured interval
    (None, 60, 900),          # a short max-age does not make us poll faster
    (None, 3600, 3600),       # a longer max-age is honoured
    (1800, None, 1800),       # so is Retry-After
    (1800, 3600, 3600),       # the longer of the two
    (None, 10 * 86400, 86400),  # clamped to max_interval
])
def test_after_success(retry_after: float | None, max_age: float | None, expected: float) -> None:
    when = next_check_after_success(NOW, interval=900, retry_after=retry_after, max_age=max_age,
                                    min_interval=300, max_interval=86400)
    assert _after(when) == expected


def test_after_success_never_below_min_interval() -> None:
    when = next_check_after_success(NOW, interval=10, retry_after=None, max_age=0,
                                    min_interval=300, max_interval=86400)
    assert _after(when) == 300


@pytest.mark.parametrize(("failures", "expected"), [
    (1, 600), (2, 1200), (3, 2400), (4, 4800), (8, 76800), (9, 86400), (500, 86400),
])
def test_after_failure_doubles_up_to_the_cap(failures: int, expected: float) -> None:
    when = next_check_after_failure(NOW, failures=failures, interval=600, max_backoff=86400)
    assert _after(when) == expected


def test_after_failure_respects_retry_after_within_the_cap() -> None:
    assert _after(next_check_after_failure(NOW, failures=1, interval=600, retry_after=7200,
                                           max_backoff=86400)) == 7200
    assert _after(next_check_after_failure(NOW, failures=1, interval=600, retry_after=10,
                                           max_backoff=86400)) == 600
    assert _after(next_check_after_failure(NOW, failures=1, interval=600, retry_after=10**9,
                                           max_backoff=86400)) == 86400


def test_jitter_is_bounded_deterministic_and_spreads_feeds() -> None:
    def wait(key: str) -> float:
        return _after(next_check_after_failure(NOW, failures=3, interval=600, max_backoff=86400,
                                               jitter=0.1, jitter_key=key))

    waits = [wait(f"feed-{i}") for i in range(20)]
    assert all(2400 <= w < 2640 for w in waits)
    assert len(set(waits)) > 10  # feeds that failed together do not retry together
    assert wait("feed-1") == wait("feed-1")


def test_after_failure_zero_failures_treated_as_first() -> None:
    when = next_check_after_failure(NOW, failures=0, interval=600, max_backoff=86400)
    assert when == NOW + timedelta(seconds=600)


@pytest.mark.parametrize(("failures", "limit", "expected"), [
    (0, 10, False), (9, 10, False), (10, 10, True), (11, 10, True), (100, 0, False),
])
def test_should_disable(failures: int, limit: int, expected: bool) -> None:
    assert should_disable(failures, limit) is expected


async def test_a_file_feed_is_read_whatever_the_case_of_its_scheme(tmp_path: Path) -> None:
    """The configuration accepts FILE:// (schemes are case-insensitive): it must be read from
    disk, not handed to the HTTP fetcher to fail on every poll."""
    body = b"<rss><channel><title>T</title></channel></rss>"
    (tmp_path / "f.xml").write_bytes(body)
    url = "FILE://" + (tmp_path / "f.xml").as_uri()[len("file://"):]
    no_http: Any = None  # the HTTP fetcher must not be asked
    pipeline = Pipeline(db=no_http, fetcher=no_http, summarizer=no_http, settings=Settings())
    result = await pipeline._fetch(SimpleNamespace(url=url, body_hash=None))  # type: ignore[arg-type]
    assert result.status == 200 and result.body == body

"""When a destination's digest is due: HH:MM on chosen weekdays in its timezone, across DST
changes. Pure date arithmetic; what a digest contains is bot/routing/digest.py."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def zone_of(name: str) -> ZoneInfo:
    """The zone named, or UTC for a name this system does not know."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def parse_hhmm(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def last_due(now: datetime, digest_time: str, days: list[int], timezone: str) -> datetime | None:
    """The latest instant at or before ``now`` when the digest was due, in UTC. ``days`` are
    weekdays, Monday = 0. A time that does not exist on a spring-forward day (02:30) resolves
    with the offset before the change, i.e. an hour later on the wall clock."""
    zone = zone_of(timezone)
    at = parse_hhmm(digest_time)
    today = now.astimezone(zone).date()
    for back in range(8):
        day = today - timedelta(days=back)
        if day.weekday() not in days:
            continue
        # Going through UTC and back normalises a gap time to one that exists.
        due = datetime.combine(day, at, tzinfo=zone).astimezone(UTC)
        if due <= now:
            return due
    return None


def previous_due(due: datetime, digest_time: str, days: list[int], timezone: str) -> datetime:
    return last_due(due - timedelta(seconds=1), digest_time, days, timezone) or (
        due - timedelta(days=1))


def next_due(now: datetime, digest_time: str, days: list[int], timezone: str) -> datetime | None:
    """The first instant after ``now`` when the digest will be due (shown after /digest time)."""
    later = last_due(now + timedelta(days=8), digest_time, days, timezone)
    while later is not None:
        earlier = last_due(later - timedelta(seconds=1), digest_time, days, timezone)
        if earlier is None or earlier <= now:
            return later
        later = earlier
    return None

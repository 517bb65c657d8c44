"""Bursts: a feed that suddenly yields many items (a backlog, a feed re-issuing everything) is
folded into one digest-style message; items older than the configured age never count as new."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.delivery import Digest, DigestSection
from bot.i18n import N_, choose, translate
from bot.models import Brief

BURST_TITLE = N_("{feed}: {count} new items")
BURST_NOTE = N_("{count} items from {feed} arrived at once and were folded into one message.")


def is_burst(new_count: int, threshold: int) -> bool:
    """More new items from one feed in one poll than ``threshold`` is a burst."""
    return new_count > threshold


def too_old(published: datetime | None, now: datetime, max_age_days: float) -> bool:
    """An item published more than ``max_age_days`` ago is never posted as new. An undated item
    is judged by when it was first seen, which is now, so it is not too old."""
    if published is None:
        return False
    return now - published > timedelta(days=max_age_days)


def burst_digest(feed_name: str, briefs: list[Brief], *, now: datetime,
                 folded: int | None = None, locale: str = "en") -> Digest:
    """One message for a burst: the feed's briefs, newest first, with a note saying why, in
    the destination's language."""
    newest_first = sorted(
        briefs, key=lambda b: b.published.timestamp() if b.published else 0.0, reverse=True)
    oldest = min((b.published for b in briefs if b.published), default=now)
    count = folded if folded is not None else len(briefs)
    lang = choose(locale)
    return Digest(
        title=translate(BURST_TITLE, lang, feed=feed_name, count=count),
        period_start=oldest,
        period_end=now,
        sections=[DigestSection(title=feed_name, briefs=newest_first)],
        note=translate(BURST_NOTE, lang, feed=feed_name, count=count),
    )

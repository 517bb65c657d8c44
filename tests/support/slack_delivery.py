"""Slack delivery helpers: the path of Slack's Web API spec (shared data), sample briefs and a
long digest."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.models import Brief, Digest, DigestSection, Point
from tests.conftest import SHARED

WHEN = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)


SPEC = SHARED / "data" / "platform-specs" / "slack" / "slack_web_openapi_v2_without_examples.json"


def brief(n: int = 0, text: str = "Something happened.") -> Brief:
    return Brief(headline=f"Story {n} <!channel>", points=[Point(f"{text} {n}")] * 3,
                 tags=["news"], url=f"https://news.example/{n}", lang="en",
                 source="Example", published=WHEN)


def big_digest(count: int = 30) -> Digest:
    briefs = [brief(n, "A long sentence about the matter at hand. " * 12) for n in range(count)]
    return Digest("Daily", WHEN, WHEN, [DigestSection("news", briefs)])

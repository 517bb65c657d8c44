"""Discord messages for delivery tests: a channel, canned message ids and a long digest."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.models import Digest, DigestSection
from tests.support.sample_briefs import make_brief

CHANNEL = "111111111111111111"


MSGS = f"/channels/{CHANNEL}/messages"


def _big_digest(text: str, n: int = 40) -> Digest:
    briefs = [make_brief(f"Story {i} {text[:80]}", points=[text[:700], text[100:900], "End."],
                         url=f"https://news.example/{i}") for i in range(n)]
    return Digest("Daily brief", datetime.now(UTC) - timedelta(days=1), datetime.now(UTC),
                  [DigestSection("ai", briefs[: n // 2]), DigestSection("chips", briefs[n // 2:])])

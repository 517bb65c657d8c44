"""Small feed documents built in tests, so each test says exactly what its feed contains."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

BASE_TIME = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

_SYLLABLES = ("ka", "lo", "mi", "ren", "tus", "vor", "ba", "quel", "dri", "sen", "por", "ji",
              "wex", "nal", "fi", "gor", "hu", "ply", "zan", "cre", "mo", "tiv", "sa", "bex")


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))


def _sentences(n: int, topic: str) -> str:
    """Distinct text per item (made-up words), so separate stories never look like one story."""
    rng = random.Random(f"{topic}:{n}")
    parts = []
    for _ in range(5):
        words = [_word(rng) for _ in range(rng.randint(8, 13))]
        parts.append(" ".join(words).capitalize() + f" {rng.randint(2, 900)} times.")
    return " ".join(parts)


def item(n: int, *, topic: str = "harbor", when: datetime | None = None,
         guid: str | None = None) -> dict[str, str]:
    moment = when or BASE_TIME + timedelta(hours=n)
    return {
        "title": f"Story {n} about the {topic} project",
        "link": f"https://news.example/{topic}/{n}",
        "guid": guid or f"{topic}-{n}",
        "date": format_datetime(moment),
        "text": _sentences(n, topic),
    }


def rss(title: str, items: list[dict[str, str]]) -> bytes:
    body = "".join(
        f"<item><title>{escape(i['title'])}</title><link>{escape(i['link'])}</link>"
        f"<guid isPermaLink=\"false\">{escape(i['guid'])}</guid><pubDate>{i['date']}</pubDate>"
        f"<description>{escape(i['text'])}</description></item>"
        for i in items
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>{escape(title)}</title><link>https://news.example/</link>"
            f"<description>test</description>{body}</channel></rss>").encode()

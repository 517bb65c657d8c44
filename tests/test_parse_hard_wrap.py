"""A plain-text RSS description hard-wrapped at a fixed width (a release note wrapped at ~75
columns) is read as HTML whitespace: its line breaks are spaces, so no sentence is cut at a wrap
and no fragment of one becomes a point (a review of keeping such breaks, issue 28)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import bot.feeds.parse
from bot.feeds.parse import parse_feed
from bot.summarize.text import split_sentences

URL = "https://news.example.com/feeds/main.xml"
NOW = datetime(2026, 1, 1, tzinfo=UTC)
# Made-up text wrapped as such notes are: lines break after "the", before a capital, after ")",
# "%" and a closing quote.
WRAPPED = (
    "The point release mainly adds corrections for security issues, along with a few\n"
    "adjustments for serious problems reported by users of the\n"
    "Debian 12 installer images published last month by the project.\n"
    "Version 12 (codename bookworm)\n"
    "will ship in March, when prices rose 5%\n"
    "in Europe and the \"Gang of Eight\"\n"
    "lawmakers met."
)


@pytest.mark.parametrize("reader", ["fast", "feedparser"])
def test_a_hard_wrapped_description_is_not_cut_at_its_wraps(
        reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if reader == "feedparser":
        monkeypatch.setattr(bot.feeds.parse, "read_fast", lambda *args: None)
    body = (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>F'
            f"</title><link>https://news.example.com/</link><item><guid>g1</guid><title>T"
            f"</title><description><![CDATA[{WRAPPED}]]></description></item></channel>"
            f"</rss>").encode()
    text = parse_feed(body, url=URL, now=NOW).items[0].text
    assert "\n" not in text
    assert split_sentences(text, "en") == [
        "The point release mainly adds corrections for security issues, along with a few "
        "adjustments for serious problems reported by users of the Debian 12 installer images "
        "published last month by the project.",
        "Version 12 (codename bookworm) will ship in March, when prices rose 5% in Europe and "
        "the \"Gang of Eight\" lawmakers met.",
    ]

"""An item whose body is empty (a puzzle column: headline and link only, issue 28's blind read)
is still delivered plainly: its brief has no points, and every rendering carries the headline
and the link, never an empty message or an empty bullet."""

from __future__ import annotations

import json

from adapters.discord.render import brief_embed
from adapters.slack.render import brief_blocks
from bot.delivery import Destination
from bot.delivery.render import brief_text
from bot.feeds.parse import parse_feed
from bot.models import Article, Brief
from bot.summarize import ExtractiveSummarizer

TITLE = "[두근두근 뇌 운동] [2412] 따르릉 글자교환소"
LINK = "https://www.example.com/national/2024/07/03/puzzle/"
FEED = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>전국</title><link>https://www.example.com/</link>
<language>ko</language>
<item><title>{TITLE}</title><link>{LINK}</link><description></description>
<guid>{LINK}</guid></item>
</channel></rss>""".encode()


def _brief() -> Brief:
    item = parse_feed(FEED, url="https://www.example.com/rss").items[0]
    assert item.text.strip() == ""
    article = Article(title=item.title, text=item.text, url=item.link, lang=item.lang or "ko")
    return ExtractiveSummarizer().brief(article)


def test_an_empty_body_gives_a_brief_with_no_points_and_its_headline() -> None:
    brief = _brief()
    assert brief.points == []
    assert brief.headline == TITLE and brief.url == LINK


def test_an_empty_body_renders_headline_and_link_everywhere() -> None:
    brief = _brief()
    text = brief_text(brief, locale="ko")
    assert TITLE in text and LINK in text
    assert "•" not in text  # no empty bullet
    dest = Destination("test:ko", locale="ko")
    embed = brief_embed(brief, dest)
    assert embed["title"] and embed["url"] == LINK
    blocks = json.dumps(brief_blocks(brief, dest), ensure_ascii=False)
    assert "따르릉 글자교환소" in blocks and LINK in blocks

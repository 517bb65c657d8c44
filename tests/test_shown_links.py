"""URLs shown are URLs without secrets: every renderer (Discord, Slack, plain text and markdown,
webhook bodies, the dashboard preview, ``brief --format``) strips user info and redacts
credential-like query values from the links it shows; the stored URL is left as fetched."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from adapters.discord.render import render_brief_payloads as discord_brief
from adapters.discord.render import render_digest_payloads as discord_digest
from adapters.slack.render import render_brief_payloads as slack_brief
from adapters.slack.render import render_digest_payloads as slack_digest
from adapters.webhook import payload as webhook_payload
from bot.delivery import Destination, Digest, DigestSection, Outgoing
from bot.models import Brief, Point
from bot.redact import random_looking, shown_link
from bot.render import brief_text, digest_text
from bot.serialize import brief_from_dict, brief_to_dict, digest_to_json
from tests.support.crash_delivery import EPOCH as DISCORD_EPOCH
from tests.support.dashboard import Harness, dashboard_harness, dashboard_settings
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer
from tests.test_cli import newsbrief

SECRET_URL = ("http://someone:hunter2@host.example/article?id=7&token=tok-4242"
              "&sig=5f2b9c&utm_source=rss")
LEAKS = ("someone", "hunter2", "tok-4242", "5f2b9c")
SHOWN = "http://host.example/article?id=7&token=redacted&sig=redacted&utm_source=rss"


def brief(url: str = SECRET_URL) -> Brief:
    return Brief(headline="Harbor opens", points=[Point("The harbor opened today.")],
                 tags=["harbor"], url=url, lang="en", source="Gazette",
                 published=DISCORD_EPOCH)


def digest() -> Digest:
    return Digest(title="Daily brief", period_start=DISCORD_EPOCH, period_end=DISCORD_EPOCH,
                  sections=[DigestSection(title="harbor", briefs=[brief(), brief()])])


def no_leak(rendered: object) -> str:
    text = rendered if isinstance(rendered, str) else json.dumps(rendered, ensure_ascii=False)
    for leak in LEAKS:
        assert leak not in text
    return text


@pytest.mark.parametrize("url, shown", [
    (SECRET_URL, SHOWN),
    ("https://token@api.example/a", "https://api.example/a"),
    ("https://x.example/a?k=AbCdEf0123456789xyzQ#access_token=zz",
     "https://x.example/a?k=redacted#access_token=redacted"),
    ("https://x.example/a?s=my-article-about-2024-elections&page=2",
     "https://x.example/a?s=my-article-about-2024-elections&page=2"),
    ("https://x.example/a?session=9c1185a5c5e9fc54612808977ee8f548b2258d31&author=kim",
     "https://x.example/a?session=redacted&author=kim"),
    ("https://x.example/path#section-2", "https://x.example/path#section-2"),
])
def test_shown_link(url: str, shown: str) -> None:
    assert shown_link(url) == shown


def test_random_looking_values() -> None:
    assert random_looking("9c1185a5c5e9fc54612808977ee8f548b2258d31")  # hex, 40
    assert random_looking("Q2hpcCBleHBvcnQgcnVsZXM0")  # base64-ish, mixed case and digits
    assert not random_looking("my-article-about-2024-elections")
    assert not random_looking("20261121")


def test_discord_embeds_and_digests_show_no_credentials() -> None:
    dest = Destination("discord:1")
    text = no_leak(discord_brief(brief(), dest)) + no_leak(discord_digest(digest(), dest))
    assert "http://host.example/article?id=7" in text


def test_slack_blocks_and_digests_show_no_credentials() -> None:
    dest = Destination("slack:T1/C1")
    text = no_leak(slack_brief(brief(), dest)) + no_leak(slack_digest(digest(), dest))
    assert "http://host.example/article?id=7" in text


def test_plain_text_and_markdown_show_no_credentials() -> None:
    for markdown in (False, True):
        assert SHOWN in no_leak(brief_text(brief(), markdown=markdown)).splitlines()
    no_leak(digest_text(digest()))


def test_webhook_bodies_show_no_credentials_and_the_stored_form_keeps_the_url() -> None:
    dest = Destination("webhook:hook")
    body = webhook_payload(dest, Outgoing(key="k", brief=brief()))
    assert body["brief"]["url"] == SHOWN
    no_leak(webhook_payload(dest, Outgoing(key="k", digest=digest())))
    # the outbox's digest column and the stored brief keep the URL the bot fetched
    assert brief_from_dict(brief_to_dict(brief())).url == SECRET_URL
    assert SECRET_URL in json.dumps(digest_to_json(digest()))


@pytest.fixture
async def h(tmp_path: Path) -> AsyncIterator[Harness]:
    async with dashboard_harness(dashboard_settings(tmp_path)) as harness:
        yield harness


@pytest.mark.usefixtures("pass_database")
async def test_the_dashboard_preview_shows_no_credentials(h: Harness) -> None:
    story = {**item(1), "link": SECRET_URL}
    with FeedServer() as server:
        server.set("/feed.xml", rss("Gazette", [story]))
        await h.sign_in()
        asked = server.url("/feed.xml").replace("http://", "http://someone:hunter2@")
        response = await h.post("/preview", {"url": asked}, page="/preview")
        page = await response.text()
    assert response.status == 200 and 'class="view view-discord"' in page
    no_leak(page)


@pytest.mark.parametrize("fmt", ["discord", "slack", "text", "markdown", "json"])
def test_brief_format_shows_no_credentials(tmp_path: Path, fmt: str) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss("Gazette", [{**item(1), "link": SECRET_URL}]))
    done = newsbrief("brief", str(feed), "--format", fmt, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "host.example/article" in no_leak(done.stdout)


ARTICLE = ("<html><head><title>Harbor opens to ships</title></head><body><article>"
           "<h1>Harbor opens to ships</h1><p>The city harbor opened to ships on Monday after two "
           "years of work. Officials said the project cost 40 million dollars. Fishermen "
           "welcomed the new docks.</p><p>The mayor said more berths would follow next year."
           "</p></article></body></html>")


async def test_an_article_briefed_from_a_link_with_credentials_shows_none() -> None:
    """The article path (chat /brief, the dashboard preview, ``brief <url>``): the site name
    was taken from the URL with its user info, so the embed's description showed it."""
    from bot.briefing import Briefer
    from bot.feeds.fetch import HttpFetcher
    from bot.summarize.extractive import ExtractiveSummarizer
    from tests.test_fetch import LOOPBACK

    with FeedServer() as server:
        server.set("/article.html", ARTICLE, content_type="text/html; charset=utf-8")
        url = server.url("/article.html").replace("http://", "http://someone:hunter2@") \
            + "?token=tok-4242"
        async with HttpFetcher(policy=LOOPBACK, total_timeout=5.0) as fetcher:
            [found] = await Briefer(fetcher=fetcher, summarizer=ExtractiveSummarizer()
                                    ).brief_source(url)
    assert found.url == url  # stored as fetched
    dest = Destination("discord:1")
    no_leak(discord_brief(found, dest))
    no_leak(slack_brief(found, Destination("slack:T1/C1")))
    no_leak(brief_text(found))


def test_a_feed_without_a_title_is_named_by_its_host_alone() -> None:
    from bot.feeds.parse import parse_feed

    untitled = rss("", [item(1)]).replace(b"<title></title>", b"", 1).replace(
        b"<link>https://news.example/</link>", b"", 1)  # no title and no site link
    feed = parse_feed(untitled, url="http://someone:hunter2@host.example/feed.xml")
    assert feed.title == "host.example"


def test_chat_replies_carrying_briefs_show_no_credentials() -> None:
    """/brief <url> and /brief <words> answer with briefs: the reply renderers of both chats."""
    from adapters.discord.render import render_reply_payloads
    from adapters.slack.commands import reply_bodies
    from bot.delivery import CommandReply

    reply = CommandReply(text="Harbor opens", briefs=[brief()], ephemeral=False)
    assert "host.example/article" in no_leak(render_reply_payloads(reply, Destination("discord:1")))
    assert "host.example/article" in no_leak(reply_bodies(reply, Destination("slack:T1/C1")))

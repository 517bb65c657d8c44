"""Property tests over the whole chain: feed bytes → parse → extractive brief → Discord and Slack
payloads. Whatever a feed holds, rendering never raises, fits the platform limits, pings nobody
and links nothing but the article's own URL.

Profiles: ``ci`` (default, a few seconds) and ``fuzz`` (``HYPOTHESIS_PROFILE=fuzz``, `make fuzz`).
They are applied per test, not loaded globally, so other modules keep their own settings.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
from dataclasses import replace
from typing import Any
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from adapters.discord.escape import link_targets, live_mentions, safe_url
from adapters.discord.limits import payload_violations
from adapters.discord.render import render_brief_payloads as discord_payloads
from adapters.slack.render import render_brief_payloads as slack_payloads
from adapters.slack.render import safe_link
from bot.delivery import Destination
from bot.errors import ParseError
from bot.feeds.parse import parse_feed
from bot.models import Article, Brief, ParsedFeed, Point
from bot.summarize import ExtractiveSummarizer
from tests.support.fake_slack import check_post
from tests.support.sample_briefs import markdown_texts

settings.register_profile("ci", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow,
                                                 HealthCheck.data_too_large])
settings.register_profile("fuzz", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow,
                                                 HealthCheck.data_too_large])
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

DISCORD = Destination("discord:123456789012345678", timezone="Asia/Seoul", locale="ko")
SLACK = Destination("slack:T1/C1")
SUMMARIZER = ExtractiveSummarizer()
MAX_ITEMS = 5  # items per example that go all the way to payloads: keeps examples cheap

# What a hostile feed author would try, for both platforms at once.
HOSTILE_PIECES = [
    "@everyone", "@here", "@EveryOne", "<@123456789012345678>", "<@!123456789012345678>",
    "<@&123456789012345678>", "<#123456789012345678>", "</ban:123456789012345678>",
    "@123456789012345678", "&#64;everyone", "&lt;@123456789012345678&gt;",
    "<!channel>", "<!here>", "<!everyone>", "<!subteam^S123|@team>", "<@U0BOSS>", "<#C999>",
    "&lt;!here&gt;", "&amp;lt;!channel&amp;gt;",
    "[bank](http://evil.example/phish)", "[bank](<http://evil.example>)",
    "<http://evil.example/steal|https://bank.example>", "https://evil.example/bare",
    "steam://run/1", "www.evil.example", "javascript:alert(1)",
    "<script>alert('x')</script>", "<a href=\"http://evil.example\">bank</a>",
    "<img src=x onerror=alert(1)>", "<iframe src=\"http://evil.example\"/>",
    "**bold**", "__u__", "`code`", "```block```", "||spoiler||", "> quote", "# Head", "- item",
    "1. item", "~~strike~~", "*b*", "_i_", "\\", ")", "](", "|", ":link:",
    "\u200b", "\u200d", "\u2060", "\ufeff", "\u202e", "\u2066", "\u00ad", "\x07", "\x1b[31m",
    "정부는 오늘 새로운 정책을 발표했다.", "👨‍👩‍👧", "A plain sentence about the economy today.",
    "x" * 300, "word " * 80,
]
hostile_text = st.lists(st.sampled_from(HOSTILE_PIECES) | st.text(max_size=40),
                        max_size=12).map(" ".join)
hostile_link = st.sampled_from([
    "https://news.example/a?id=1", "http://news.example/path(with)parens",
    "https://news.example/a)[x](http://evil.example", "https://news.example/<@123456789012345678>",
    "https://news.example/a|evil.example>", "https://news.example/?q=<!channel>&r=1",
    "javascript:alert(1)", "data:text/html,<script>x</script>", "file:///etc/passwd",
    "/relative/path", "", "   ",
    "ftp://files.example/x", "https://user:pw@news.example/x",
    "https://news.example/" + "a" * 1900,
    # short URLs whose written link is long: Hangul is 9 characters percent-encoded, "&" is 5
    # escaped for Slack; these once stalled Slack's templated sections and Discord's text ones
    "https://news.example.kr/" + "가" * 330, "https://news.example.kr/" + "가" * 200,
    "https://news.example/?" + "a&" * 1000, "https://e.com/?" + "a&" * 300,
])
# A link longer than a Slack section (3,000) is proved on its own below.
OVERLONG_LINK = "https://news.example/" + "a" * 3100


def _xml_safe(text: str) -> str:
    """Escaped for an XML text node; characters XML 1.0 forbids are dropped (the arbitrary-bytes
    property covers those)."""
    allowed = "".join(ch for ch in text if ch in "\t\n\r" or (" " <= ch <= "\ud7ff")
                      or ("\ue000" <= ch <= "\ufffd") or ch >= "\U00010000")
    return escape(allowed)


@st.composite
def hostile_entries(draw: st.DrawFn) -> list[dict[str, Any]]:
    return draw(st.lists(st.fixed_dictionaries({
        "title": hostile_text, "text": hostile_text, "link": hostile_link,
        "category": hostile_text, "author": hostile_text, "cdata": st.booleans(),
    }), min_size=1, max_size=4))


def rss_body(title: str, entries: list[dict[str, Any]]) -> bytes:
    items = []
    for e in entries:
        text = e["text"].replace("]]>", "]] >")
        desc = (f"<![CDATA[{text}]]>" if e["cdata"] else _xml_safe(text))
        items.append(f"<item><title>{_xml_safe(e['title'])}</title>"
                     f"<link>{_xml_safe(e['link'])}</link><description>{desc}</description>"
                     f"<category>{_xml_safe(e['category'])}</category>"
                     f"<author>{_xml_safe(e['author'])}</author></item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{_xml_safe(title)}</title><link>https://news.example/</link>"
            f"{''.join(items)}</channel></rss>").encode("utf-8", "surrogatepass")


def atom_body(title: str, entries: list[dict[str, Any]]) -> bytes:
    out = []
    for i, e in enumerate(entries):
        out.append(f"<entry><id>urn:x:{i}</id><title type=\"html\">{_xml_safe(e['title'])}</title>"
                   f"<link rel=\"alternate\" href=\"{_xml_safe(e['link'])}\"/>"
                   f"<content type=\"html\">{_xml_safe(e['text'])}</content>"
                   f"<category term=\"{_xml_safe(e['category'])}\"/>"
                   f"<author><name>{_xml_safe(e['author'])}</name></author></entry>")
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{_xml_safe(title)}</title>{''.join(out)}</feed>").encode(
                "utf-8", "surrogatepass")


def json_feed_body(title: str, entries: list[dict[str, Any]]) -> bytes:
    items = [{"id": str(i), "title": e["title"], "url": e["link"], "content_html": e["text"],
              "tags": [e["category"]], "authors": [{"name": e["author"]}]}
             for i, e in enumerate(entries)]
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": title, "items": items}
    return json.dumps(doc).encode()


BUILDERS = {"rss": rss_body, "atom": atom_body, "json": json_feed_body}

# -- the checks --------------------------------------------------------------------------------

_ANY_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_SLACK_CONTROL = re.compile(r"<[!@#^]")
_SLACK_LINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^|>]*)(?:\|[^>]*)?>")


def check_discord(brief: Brief, dest: Destination = DISCORD) -> None:
    allowed = {u for u in [safe_url(brief.url)] if u}
    payloads = discord_payloads(brief, dest, key="prop-key")
    assert len(payloads) == 1
    for payload in payloads:
        assert payload_violations(payload) == [], payload_violations(payload)
        footers = [(e.get("footer") or {}).get("text") or "" for e in payload["embeds"]]
        for text in markdown_texts(payload) + footers:
            assert live_mentions(text) == [], text
        for text in markdown_texts(payload):
            assert set(link_targets(text)) <= allowed, text
            bare = text
            for url in allowed:
                bare = bare.replace(url, "")
            assert not _ANY_SCHEME.search(bare), text  # no other URL is clickable
        for embed in payload["embeds"]:
            assert embed.get("url") in allowed | {None}


def check_slack(brief: Brief, dest: Destination = SLACK) -> None:
    own = safe_link(brief.url)
    payloads = slack_payloads(brief, dest, key="prop-key")
    assert payloads
    for payload in payloads:
        assert check_post(payload) == [], check_post(payload)
        assert "<" not in payload["text"] and ">" not in payload["text"]
        for block in payload["blocks"]:
            for obj in [block.get("text"), *(block.get("elements") or [])]:
                if obj and obj.get("type") == "mrkdwn":
                    assert obj.get("verbatim") is True  # Slack would auto-link otherwise
    raw = json.dumps([p["blocks"] for p in payloads], ensure_ascii=False)
    assert not _SLACK_CONTROL.search(raw), _SLACK_CONTROL.search(raw)
    links = [m.group(0) for m in _SLACK_LINK.finditer(raw)]
    assert links == ([own] if own else []), links


def whole_chain(body: bytes, *, content_type: str | None = None) -> ParsedFeed | None:
    """Parse (ParseError is the one allowed failure), brief, render both platforms, check."""
    try:
        feed = parse_feed(body, url="https://feed.example/rss", content_type=content_type)
    except ParseError:
        event("ParseError")
        return None
    event(f"items={min(len(feed.items), MAX_ITEMS)}")
    for item in feed.items[:MAX_ITEMS]:
        article = Article(title=item.title, text=item.text, url=item.link,
                          lang=item.lang or feed.lang, source=feed.title or None,
                          published=item.published, categories=item.categories)
        brief = asyncio.run(SUMMARIZER.summarize(article, points=3))
        check_discord(brief)
        check_slack(brief)
    return feed


# -- the properties ----------------------------------------------------------------------------

def _envelope(inner: bytes) -> bytes:
    return (b"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>" + inner
            + b"</title><item><title>" + inner + b"</title><link>https://news.example/x</link>"
            b"<description>" + inner + b"</description></item></channel></rss>")


@PROFILE
@given(body=st.binary(max_size=4096) | st.binary(max_size=2048).map(_envelope))
def test_property_arbitrary_bytes_never_crash_the_chain(body: bytes) -> None:
    """hostile case: arbitrary bytes as a feed body, alone or inside an RSS envelope
    expected: ParseError or a parsed feed whose briefs render within limits, inert"""
    whole_chain(body)


_xmlish = st.lists(st.sampled_from([
    b"<rss version='2.0'>", b"<channel>", b"<item>", b"</item>", b"<title>", b"</title>",
    b"<description>", b"</description>", b"<link>http://x.example/</link>", b"<![CDATA[",
    b"]]>", b"<feed xmlns='http://www.w3.org/2005/Atom'>", b"<entry>", b"</entry>",
    b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>", b"&a;", b"&#0;", b"&#xD800;", b"\xff\xfe",
    b"\xc3\x28", b"\xed\xa0\x80", b"\x00", b"@everyone", b"<@123456789012345678>",
    b"<!channel>", b"[bank](http://evil.example)", b"<?xml version='1.0' encoding='utf-16'?>",
    b"<?xml version='1.0' encoding='x-unknown'?>",
]) | st.binary(max_size=30), max_size=40).map(b"".join)


@PROFILE
@given(body=_xmlish, content_type=st.sampled_from([None, "application/rss+xml",
                                                   "text/html", "application/json"]))
def test_property_feed_shaped_garbage_never_crashes_the_chain(body: bytes,
                                                              content_type: str | None) -> None:
    """hostile case: feed-shaped garbage (broken tags, invalid UTF-8, stray entities, NULs)
    expected: ParseError or inert payloads within limits"""
    whole_chain(body, content_type=content_type)


@PROFILE
@given(kind=st.sampled_from(sorted(BUILDERS)), title=hostile_text, entries=hostile_entries())
def test_property_hostile_feed_text_is_inert_on_both_platforms(
        kind: str, title: str, entries: list[dict[str, Any]]) -> None:
    """hostile case: well-formed RSS/Atom/JSON feeds whose every field carries mentions,
    broadcasts, markdown link spoofing, HTML, bidi/zero-width/control characters, bad links
    expected: parsed; every brief fits Discord and Slack limits, no live mention, only the
    article's own http(s) link is a link"""
    feed = whole_chain(BUILDERS[kind](title, entries))
    assert feed is not None  # well-formed input must parse
    for item in feed.items:
        # the parse stage already keeps only absolute http(s) links
        assert item.link is None or item.link.startswith(("http://", "https://"))


# Layouts a destination may choose (issue 24.1), each naming the link once; the last is an
# admin's template that tries to ping by itself and to make "@" meet a hostile headline.
LAYOUTS = ["compact", "headlines", "plain",
           "text: @{headline} <@&123456789012345678> <!channel> @here {#points}{n}. "
           "{#label}{label}: {/label}{text}\\n{/points}{also} {tags} {source} {time} {link}",
           "{^link}no link{/link}{#points}{#label}**{label}**{/label} {text} {/points}{link}"]


@PROFILE
@given(headline=hostile_text, points=st.lists(st.tuples(hostile_text, hostile_text),
                                               min_size=1, max_size=6),
       source=hostile_text, tags=st.lists(hostile_text, max_size=4), link=hostile_link,
       also=st.lists(hostile_text, max_size=3), layout=st.sampled_from(LAYOUTS))
# the long written links in every layout, always (40 random examples may miss them)
@example(headline="Hello world", points=[("", "A point.")], source="", tags=[], also=[],
         link="https://news.example.kr/" + "가" * 330, layout="compact")
@example(headline="Hello world", points=[("", "A point.")], source="", tags=[], also=[],
         link="https://e.com/?" + "a&" * 1000, layout="compact")
@example(headline="Hello world", points=[("", "A point.")], source="", tags=[], also=[],
         link="https://news.example/?" + "a&" * 330, layout=LAYOUTS[-1])
def test_property_every_layout_keeps_hostile_text_inert(
        headline: str, points: list[tuple[str, str]], source: str, tags: list[str], link: str,
        also: list[str], layout: str) -> None:
    """hostile case: a brief whose every part is hostile, in every preset and in a template
    written to ping
    expected: within both platforms' limits, no live mention, only the article's own link"""
    brief = Brief(headline=headline, points=[Point(text, label=label) for label, text in points],
                  tags=tags, url=link, lang="en", source=source, also_covered_by=also)
    check_discord(brief, replace(DISCORD, template=layout))
    check_slack(brief, replace(SLACK, template=layout))


def test_slack_overlong_article_link_stays_one_link() -> None:
    """hostile case: an item whose own link is 3,100 characters long
    expected: Discord drops the link (over 2,048); Slack must not split <url|host> across two
    sections (safe_link drops a link over 2,048 characters)"""
    body = rss_body("T", [{"title": "Long link", "text": "A sentence that is long enough to be "
                           "a point of the brief today.", "link": OVERLONG_LINK,
                           "category": "", "author": "", "cdata": False}])
    feed = parse_feed(body, url="https://feed.example/rss")
    article = Article(title=feed.items[0].title, text=feed.items[0].text, url=feed.items[0].link)
    brief = asyncio.run(SUMMARIZER.summarize(article))
    check_discord(brief)
    check_slack(brief)


# Summarizer properties (issue 11): text made of dashes, double hyphens, stray punctuation and
# empty tokens never makes the summarizer raise, and every point is its sentence or a prefix.
_SUMMARY_PIECES = [
    "arrests--over", "threatening postings--and", "--", "---", " - ", "-", "—", "–", "‐",
    "''", "'", "\"", "“", "”", "…", "...", ".", ",", ";", ":", "(", ")", "[", "]", " ", "\n",
    "The council", "said", "He", "These people", "U.S.", "No. 1", "Sen.", "we've", "ㄱ",
    "정부가", "달과", "넘어", "슈퍼컴퓨터를", "운영하며", "밝혔다.", "것이다.", "한편", "2,000",
    "fire-safety", "-s", "'s", "x-", "-x", "a", "I", "0",
]
_summary_text = st.lists(
    st.sampled_from(_SUMMARY_PIECES) | st.text(max_size=8), max_size=80
).map(" ".join)


@PROFILE
@given(title=_summary_text, text=_summary_text,
       lang=st.sampled_from([None, "en", "ko", "de", "sk", ""]),
       limit=st.integers(min_value=80, max_value=400))
# The fuzz profile's counterexamples to a closed spaced stop compared with the raw sentence.
@example(title="", text="The council said .", lang="en", limit=80)
@example(title="", text="arrests--over arrests--over .", lang="en", limit=80)
def test_property_summarizer_never_raises_and_points_are_faithful(
    title: str, text: str, lang: str | None, limit: int
) -> None:
    from bot.summarize.text import split_sentences
    from bot.summarize.trim import shown

    summarizer = ExtractiveSummarizer(max_point_chars=limit)
    brief = asyncio.run(summarizer.summarize(Article(title=title, text=text, lang=lang or None)))
    labels = [p.label for p in brief.points]
    assert all(labels) or not any(labels)
    # A point shows its sentence as ``shown`` does (spaces collapsed, the language's spacing
    # debris before the closing stop closed), or a prefix of that marked "…": nothing looser.
    sentences = [shown(s, brief.lang) for s in split_sentences(text, brief.lang)]
    lines = [shown(x, brief.lang) for x in text.splitlines()]
    for p in brief.points:
        assert p.text.strip()
        body = p.text[:-1] if p.text.endswith("…") else p.text
        assert any(s.startswith(body) for s in sentences + lines), p.text

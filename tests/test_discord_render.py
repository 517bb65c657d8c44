"""Discord payload rendering: limits, no live mentions or spoofed links, digests split in order."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.discord.escape import link_targets, live_mentions, trim_words
from adapters.discord.limits import embed_size, payload_violations
from adapters.discord.render import (
    find_marker,
    nonce_for,
    render_brief_payloads,
    render_digest_payloads,
    render_reply_payloads,
)
from bot.delivery import CommandReply, Destination
from bot.models import Brief, Digest, DigestSection, Point
from tests.conftest import shared_path
from tests.support.discord_spec import body_violations
from tests.support.sample_briefs import HOSTILE, KOREAN, make_brief, markdown_texts

DEST = Destination("discord:123", timezone="Asia/Seoul", locale="ko")


def assert_clean(payloads: list[dict[str, Any]], *, allowed_links: set[str]) -> None:
    """Zero spec/limit violations, no live mention, and only the article URLs linked."""
    for payload in payloads:
        assert payload_violations(payload) == []
        assert body_violations("POST", "/channels/{channel_id}/messages", payload) == []
        for text in markdown_texts(payload) + _plain_texts(payload):
            assert live_mentions(text) == [], text
        for text in markdown_texts(payload):
            assert set(link_targets(text)) <= allowed_links, text
            bare = text
            for url in allowed_links:
                bare = bare.replace(url, "")
            assert not re.search(r"https?://", bare), text  # no other URL is clickable
        for embed in payload["embeds"]:
            assert embed.get("url") in allowed_links | {None}


def _plain_texts(payload: dict[str, Any]) -> list[str]:
    """Footers render neither markdown nor links, but must not carry a mention either."""
    return [(e.get("footer") or {}).get("text") or "" for e in payload["embeds"]]


def test_brief_layout_and_marker() -> None:
    brief = make_brief("Chips @everyone")
    [payload] = render_brief_payloads(brief, DEST, key="row-1")
    [embed] = payload["embeds"]
    assert embed["url"] == "https://news.example/a?id=1"
    assert embed["title"] == "Chips @\u200beveryone"
    # source and the time in the destination's zone and locale (09 Mar 08:30 KST)
    assert "Example News" in embed["description"] and "2026년 03월 09일 08:30 KST" in \
        embed["description"]
    assert [f["name"] for f in embed["fields"]] == ["Label 0", "Label 1", "Label 2"]
    assert "#ai #chips" in embed["footer"]["text"] and "다른 보도" in embed["footer"]["text"]
    assert find_marker({"embeds": [embed]}) == nonce_for("row-1")
    assert payload["allowed_mentions"] == {"parse": []}
    assert_clean([payload], allowed_links={brief.url or ""})


def test_nonce_is_deterministic_and_short() -> None:
    key = "x" * 64
    assert nonce_for(key) == nonce_for(key) and len(nonce_for(key)) <= 25
    assert nonce_for(key, 0) != nonce_for(key, 1) != nonce_for("y" * 64, 1)


def test_hostile_text_renders_inert() -> None:
    brief = make_brief(HOSTILE, points=[HOSTILE, HOSTILE[::-1], "ok"], source=HOSTILE,
                       tags=["@everyone"])
    payloads = render_brief_payloads(brief, DEST, key="k")
    assert_clean(payloads, allowed_links={brief.url or ""})
    # the spoofed link text survives as text, visibly, but is not a link
    assert "click me" in payloads[0]["embeds"][0]["title"]


def test_non_http_url_is_not_linked() -> None:
    brief = make_brief(url="javascript:alert(1)")
    [payload] = render_brief_payloads(brief, DEST)
    assert "url" not in payload["embeds"][0]
    assert_clean([payload], allowed_links=set())


def test_url_with_parenthesis_and_spaces_is_encoded() -> None:
    brief = make_brief(url="https://news.example/a (b)")
    digest = Digest("Daily", datetime.now(UTC), datetime.now(UTC), [DigestSection("x", [brief])])
    payloads = render_digest_payloads(digest, DEST)
    [target] = link_targets(payloads[0]["embeds"][0]["description"])
    assert target == "https://news.example/a%20%28b%29"


def test_long_points_trimmed_at_word_boundary_within_limits() -> None:
    words = "alpha beta gamma delta " * 400
    brief = make_brief("T " * 300, points=[words, words, words, words, words], labels=True)
    [payload] = render_brief_payloads(brief, DEST, key="k")
    assert_clean([payload], allowed_links={brief.url or ""})
    embed = payload["embeds"][0]
    assert embed_size(embed) <= 6000
    for field in embed["fields"]:
        assert field["value"].endswith("…")
        assert field["value"][:-1].split()[-1] in {"alpha", "beta", "gamma", "delta"}
    assert find_marker(payload) == nonce_for("k")  # the marker survives trimming


def test_trim_words_never_cuts_mid_word() -> None:
    assert trim_words("hello world foo", 12) == "hello world…"
    assert trim_words("hello world foo", 100) == "hello world foo"
    assert trim_words("가" * 50, 10) == "가" * 9 + "…"  # one long run is cut hard
    # no room for a word: never an IndexError or a cut counted from the end
    assert trim_words("Hello world", 1) == "…"
    assert trim_words("Hello world", 0) == ""
    assert trim_words("Hello world", -40) == ""
    assert trim_words("word " * 100, -5) == ""


@pytest.mark.parametrize("template", ["compact", "plain"])  # the plain-text presets
@pytest.mark.parametrize("headline", ["Hello world", "A longer headline " * 60],
                         ids=["short", "long"])
def test_template_with_an_overlong_link_posts_without_the_link(template: str,
                                                               headline: str) -> None:
    # 2,015 characters: under the 2,048 a URL may have, over what a plain-text message has left
    url = "https://e.com/?" + "a&" * 1000
    dest = Destination("discord:123", template=template)
    payloads = render_brief_payloads(make_brief(headline, url=url), dest, key="k")
    assert_clean(payloads, allowed_links=set())
    text = json.dumps(payloads, ensure_ascii=False)
    assert "Hello world" in text or "A longer headline" in text
    assert "a&a&" not in text  # the link left out whole, not cut into


def _digest(n: int, text: str, sections: int = 3) -> Digest:
    briefs = [make_brief(f"Story {i} {text[:100]}", points=[text[:600], text[200:800], "short."],
                         url=f"https://news.example/{i}") for i in range(n)]
    per = max(1, n // sections)
    return Digest(title="오늘의 브리핑", period_start=datetime(2026, 3, 8, tzinfo=UTC),
                  period_end=datetime(2026, 3, 9, tzinfo=UTC),
                  sections=[DigestSection(f"tag{s}", briefs[s * per:(s + 1) * per])
                            for s in range(sections)], note="12 items folded from a burst")


@pytest.mark.parametrize("text", [KOREAN, HOSTILE * 10, "word " * 500])
def test_long_digest_splits_in_order_and_loses_nothing(text: str) -> None:
    digest = _digest(60, text)
    payloads = render_digest_payloads(digest, DEST, key="digest-1")
    assert len(payloads) > 1
    urls = {b.url or "" for s in digest.sections for b in s.briefs}
    assert_clean(payloads, allowed_links=urls)
    # every brief appears exactly once, in order, and each part carries its own marker
    order = [t for p in payloads for e in p["embeds"] for t in link_targets(e["description"])]
    assert order == [b.url for s in digest.sections for b in s.briefs]
    assert [find_marker(p) for p in payloads] == [nonce_for("digest-1", i)
                                                  for i in range(len(payloads))]
    assert payloads[0]["content"].startswith("**오늘의 브리핑**")
    assert "content" not in payloads[1]
    assert f"1/{len(payloads)}" in payloads[0]["embeds"][-1]["footer"]["text"]


def test_empty_digest_is_one_note_message() -> None:
    digest = Digest("Daily brief", datetime.now(UTC) - timedelta(days=1), datetime.now(UTC), [])
    [payload] = render_digest_payloads(digest, Destination("discord:1"), key="e")
    assert payload["embeds"][0]["description"] == "Nothing new in this period."
    assert find_marker(payload) == nonce_for("e")


def test_reply_text_split_never_cut() -> None:
    text = "\n".join(f"line {i} @everyone" for i in range(600))
    reply = CommandReply(text=text, briefs=[make_brief(f"B{i}") for i in range(12)])
    payloads = render_reply_payloads(reply, DEST)
    joined = "\n".join(p.get("content", "") for p in payloads if p.get("content"))
    assert joined.replace("\u200b", "") == text
    assert sum(len(p["embeds"]) for p in payloads) == 12
    assert_clean(payloads, allowed_links={"https://news.example/a?id=1"})


_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=3000) | \
    st.sampled_from([HOSTILE, KOREAN, "@everyone", "<@&1234567890123456789>", "[a](http://b)"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(headline=_text, points=st.lists(_text, min_size=0, max_size=6), label=_text,
       source=_text, tag=_text)
def test_any_text_is_inert_and_fits(headline: str, points: list[str], label: str, source: str,
                                    tag: str) -> None:
    brief = Brief(headline=headline, points=[Point(p, label=label or None) for p in points],
                  tags=[tag], url="https://news.example/x", lang="en", source=source,
                  also_covered_by=[source])
    payloads = render_brief_payloads(brief, DEST, key="prop")
    digest = Digest(headline, datetime.now(UTC), datetime.now(UTC),
                    [DigestSection(tag, [brief] * 4)], note=label)
    payloads += render_digest_payloads(digest, DEST, key="prop")
    assert_clean(payloads, allowed_links={"https://news.example/x"})


def _real_world_briefs() -> list[tuple[str, Brief]]:
    from bot.feeds.parse import parse_feed
    from bot.models import Article
    from bot.summarize import ExtractiveSummarizer
    summarizer = ExtractiveSummarizer()
    root = shared_path("feeds", "real-world")
    out: list[tuple[str, Brief]] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and _is_feed(p)):
        try:
            feed = parse_feed(path.read_bytes(), url=f"https://feeds.example/{path.name}")
        except Exception:
            continue  # not a feed (the parser's tests own that); nothing to render
        for item in feed.items[:5]:
            article = Article(title=item.title, text=item.text, url=item.link,
                              source=feed.title, published=item.published,
                              categories=item.categories, lang=item.lang)
            brief = summarizer.brief(article)
            out.append((str(path.relative_to(root)), brief))
    return out


def _is_feed(path: Path) -> bool:
    return not path.name.endswith((".serde.json", ".md", ".txt", ".LICENSE")) and \
        path.suffix in {".xml", ".rss", ".atom", ".json", ".rdf", ""}


def test_every_real_world_feed_renders_with_zero_violations() -> None:
    pytest.importorskip("bot.feeds.parse")
    briefs = _real_world_briefs()
    assert len(briefs) > 50
    problems = []
    for name, brief in briefs:
        dest = Destination("discord:1", locale="ko" if brief.lang == "ko" else "en")
        for payload in render_brief_payloads(brief, dest, key=name[:64]):
            problems += [f"{name}: {p}" for p in body_violations(
                "POST", "/channels/{channel_id}/messages", payload)]
            problems += [f"{name}: live {m}" for m in live_mentions(json.dumps(payload))]
    digest = Digest("Daily brief", datetime.now(UTC), datetime.now(UTC),
                    [DigestSection(name, [b]) for name, b in briefs])
    for payload in render_digest_payloads(digest, Destination("discord:1"), key="all"):
        problems += [f"digest: {p}" for p in body_violations(
            "POST", "/channels/{channel_id}/messages", payload)]
    assert problems == []


def test_unlabelled_points_are_bullets_not_fields_named_with_a_dot() -> None:
    """issue 11 finding 4: an unlabelled point became a field named "•" beside labelled ones"""
    brief = make_brief()
    brief.points[1] = Point("Second point.")  # one point without a key phrase
    [payload] = render_brief_payloads(brief, DEST)
    [embed] = payload["embeds"]
    assert "fields" not in embed  # labels on all points or none: here none
    assert embed["description"].endswith("• First point.\n• Second point.\n• Third point.")
    assert payload_violations(payload) == []
    labelled = render_brief_payloads(make_brief(), DEST)[0]["embeds"][0]
    assert [f["name"] for f in labelled["fields"]] == ["Label 0", "Label 1", "Label 2"]


def test_a_brief_without_headline_takes_its_key_phrase_or_feed_title() -> None:
    """issue 11: no empty-headline embeds ("…")"""
    brief = make_brief("  ")
    assert brief_title(brief) == "Label 0"
    brief = make_brief("", labels=False, source="Example News")
    assert brief_title(brief) == "Example News"
    digest = Digest("Daily", datetime(2026, 3, 8, tzinfo=UTC), datetime(2026, 3, 9, tzinfo=UTC),
                    [DigestSection("ai", [make_brief("")])])
    [payload] = render_digest_payloads(digest, DEST)
    assert "**[Label 0](" in payload["embeds"][0]["description"]


def brief_title(brief: Brief) -> str:
    return str(render_brief_payloads(brief, DEST)[0]["embeds"][0]["title"])

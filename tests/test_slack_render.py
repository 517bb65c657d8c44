"""Block Kit rendering: limits, splitting without loss, escaping, no broadcasts from feed text."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.slack import RenderOptions, render_brief_payloads, render_digest_payloads
from adapters.slack.escape import chunks, clip, escape_mrkdwn
from adapters.slack.render import HEADER_MAX, MAX_LINK, safe_link
from bot.delivery import Destination
from bot.errors import ParseError
from bot.models import Brief, Digest, DigestSection, Point
from tests.conftest import shared_path
from tests.support.fake_slack import check_post

DEST = Destination("slack:T1/C1")
KO = Destination("slack:T1/C2", timezone="Asia/Seoul", locale="ko")
HOSTILE = ("<!channel> <!here> <!everyone> <!subteam^S123|@team> <@U0BOSS> <#C999> "
           "Log in at <http://evil.example/steal|https://bank.example> & win &lt;!here&gt;")
WHEN = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)


def brief(headline: str = "Chip export rules tightened", *, text: str = "A point.",
          url: str | None = "https://news.example/a", **kw: object) -> Brief:
    points = [Point(f"{text} one", "Key change"), Point(f"{text} two"), Point(f"{text} three")]
    return Brief(headline=headline, points=points, tags=["chips", "trade"], url=url, lang="en",
                 source="Example News", published=WHEN, **kw)  # type: ignore[arg-type]


def all_text(payloads: list[dict]) -> str:
    return json.dumps(payloads, ensure_ascii=False)


def visible_words(payloads: list[dict]) -> str:
    """Everything a reader sees, entities decoded and our zero-width joiners removed."""
    out = []
    for payload in payloads:
        for block in payload["blocks"]:
            texts = [block["text"]] if "text" in block else block.get("elements", [])
            for obj in texts:
                if re.fullmatch(r"\(\d+/\d+\)", obj["text"]):
                    continue  # the part marker we add to split messages
                out.append(obj["text"].replace("\u2060", "").replace("&lt;", "<")
                           .replace("&gt;", ">").replace("&amp;", "&"))
    return " ".join(out)


def test_brief_layout_and_metadata() -> None:
    [payload] = render_brief_payloads(brief(also_covered_by=["Other Daily"]), DEST, key="k1")
    assert payload["channel"] == "C1"
    assert payload["metadata"] == {"event_type": "newsbrief_brief",
                                   "event_payload": {"key": "k1", "part": 0}}
    assert payload["unfurl_links"] is False and payload["unfurl_media"] is False
    kinds = [block["type"] for block in payload["blocks"]]
    assert kinds == ["header", "context", "section", "section", "section", "context", "section"]
    assert payload["blocks"][0]["text"] == {"type": "plain_text",
                                            "text": "Chip export rules tightened"}
    assert payload["blocks"][1]["elements"][0]["text"] == "Example News · 2025-03-01 09:30 UTC"
    # one labelled point beside two bare ones: labels on all points or none, so none
    assert [b["text"]["text"] for b in payload["blocks"][2:5]] == [
        "• A point. one", "• A point. two", "• A point. three"]
    assert "also covered by: Other Daily" in payload["blocks"][5]["elements"][0]["text"]
    assert payload["blocks"][6]["text"]["text"] == ":link: <https://news.example/a|news.example>"
    assert payload["text"] == "Chip export rules tightened"
    assert check_post(payload) == []


def test_korean_frame_and_local_time() -> None:
    [payload] = render_brief_payloads(
        brief("반도체 수출 규제 강화", text="정부가 새 규칙을 발표했다.",
              also_covered_by=["한겨레"]), KO)
    text = all_text([payload])
    assert "2025년 03월 01일 18:30 KST" in text
    assert "다른 보도: 한겨레" in text
    assert "metadata" not in payload  # no key: what the CLI prints
    assert check_post(payload) == []


def test_hostile_text_is_inert_everywhere() -> None:
    hostile = brief(HOSTILE, text=HOSTILE, url="https://news.example/a")
    hostile.source = HOSTILE
    hostile.tags = ["<!channel>"]
    hostile.points[0] = Point(HOSTILE, label="<!here> *bold* label")
    payloads = render_brief_payloads(hostile, DEST, key="k")
    assert all(check_post(payload) == [] for payload in payloads)
    raw = all_text(payloads)
    for live in ("<!channel>", "<!here>", "<!everyone>", "<!subteam", "<@U0BOSS>", "<#C999>",
                 "<http://evil"):
        assert live not in raw
    # the only link is the article's own, labelled with its own host
    links = re.findall(r"<(https?://[^|>]+)\|([^>]+)>", raw)
    assert links == [("https://news.example/a", "news.example")]
    # and nothing is lost: the reader still sees the text as written
    assert "<!channel> <!here>" in visible_words(payloads)
    assert payloads[0]["text"].startswith("&lt;!channel&gt; &lt;!here&gt;")


def test_link_spoofing_urls_are_neutralised() -> None:
    assert safe_link("javascript:alert(1)") is None
    assert safe_link("https://a.example/x|evil.example>") == (
        "<https://a.example/x%7Cevil.example%3E|a.example>")
    assert safe_link("https://www.a.example/?q=1&r=2") == (
        "<https://www.a.example/?q=1&amp;r=2|a.example>")
    [payload] = render_brief_payloads(brief(url="ftp://files.example/x"), DEST)
    assert ":link:" not in all_text([payload])


def test_long_headline_is_clipped_in_header_and_kept_whole_below() -> None:
    headline = "Word " * 60 + "END"
    [payload] = render_brief_payloads(brief(headline), DEST)
    header = payload["blocks"][0]["text"]["text"]
    assert len(header) <= HEADER_MAX and header.endswith("…")
    assert payload["blocks"][1]["text"]["text"] == headline.strip()


def test_huge_brief_splits_into_ordered_messages_without_loss() -> None:
    sentence = "이것은 매우 긴 한국어 문장이며 <!channel> 을 포함한다. "
    big = brief("긴 기사", text=sentence * 300)
    payloads = render_brief_payloads(big, KO, key="big")
    assert len(payloads) > 1
    assert [p["metadata"]["event_payload"]["part"] for p in payloads] == list(
        range(len(payloads)))
    assert all(check_post(payload) == [] for payload in payloads)
    seen = re.sub(r"\s+", "", visible_words(payloads))
    for point in big.points:
        assert re.sub(r"\s+", "", point.text) in seen
    assert payloads[-1]["blocks"][-1]["elements"][0]["text"] == f"({len(payloads)}/{len(payloads)})"


def digest_of(count: int, *, text: str = "Details follow here.") -> Digest:
    briefs = [brief(f"Story {n}", text=f"{text} ({n})") for n in range(count)]
    return Digest("Morning brief", WHEN, WHEN, [DigestSection("chips", briefs[: count // 2]),
                                                DigestSection("trade", briefs[count // 2:])])


def test_digest_splits_in_order_and_keeps_every_brief() -> None:
    payloads = render_digest_payloads(digest_of(40), DEST, key="d1")
    assert len(payloads) > 1
    assert all(check_post(payload) == [] for payload in payloads)
    raw = all_text(payloads)
    positions = [raw.index(f"*Story {n}*") for n in range(40)]
    assert positions == sorted(positions)
    for payload in payloads:
        assert len(payload["blocks"]) <= 50
        assert payload["unfurl_links"] is False and payload["unfurl_media"] is False


def test_threaded_digest_has_a_summary_parent() -> None:
    payloads = render_digest_payloads(digest_of(6), DEST,
                                      options=RenderOptions(threaded_digests=True))
    parent = all_text(payloads[:1])
    assert "chips (3)" in parent and "trade (3)" in parent and "Story" not in parent
    assert all("Story" in all_text([p]) for p in payloads[1:])


def test_empty_digest_says_nothing_new() -> None:
    empty = Digest("오늘", WHEN, WHEN, [])
    [payload] = render_digest_payloads(empty, KO)
    assert "이 기간에 새 소식이 없습니다." in all_text([payload])


def test_escape_and_chunk_helpers() -> None:
    assert escape_mrkdwn("a & <b> c") == "a &amp; &lt;b&gt; c"
    assert clip("alpha beta gamma", 12) == "alpha beta…"
    pieces = chunks(escape_mrkdwn("x" * 2998 + "<<<<"), 3000)
    assert all(len(piece) <= 3000 for piece in pieces)
    assert "".join(pieces) == escape_mrkdwn("x" * 2998 + "<<<<")  # no entity cut in two


@pytest.mark.timeout(10)  # before the fix, chunks with no room never returned
def test_chunks_refuses_a_limit_that_cannot_advance() -> None:
    for limit in (0, -5):
        with pytest.raises(ValueError, match="at least 1"):
            chunks("some text", limit)


# Links whose written form (percent-encoded, escaped) is far longer than the URL: a Hangul
# character becomes 9 characters, "&" becomes "&amp;".
LONG_WRITTEN_LINKS = ["https://news.example.kr/" + "가" * 330,
                      "https://news.example.kr/" + "가" * 328,
                      "https://news.example/?" + "a&" * 1000,
                      "https://news.example/?" + "a&" * 330]


@pytest.mark.timeout(10)  # before the fix, rendering one of these never returned
@pytest.mark.parametrize("url", LONG_WRITTEN_LINKS, ids=["ko330", "ko328", "amp1000", "amp330"])
@pytest.mark.parametrize("template", [None, "compact", "plain"])
def test_long_escaped_link_renders_one_message_with_the_link_whole(url: str,
                                                                   template: str | None) -> None:
    payloads = render_brief_payloads(brief(url=url), replace(DEST, template=template), key="k")
    assert len(payloads) == 1  # not one brief cut into a message per few characters
    assert check_post(payloads[0]) == []
    link = safe_link(url)
    assert link is None or len(link) <= MAX_LINK
    for block in payloads[0]["blocks"]:
        text = block.get("text", {}).get("text", "")
        assert text.count("<") == text.count(">")  # no <url|host> split across sections
    assert (link or "") in all_text(payloads)


hostile_text = (st.text(alphabet=st.sampled_from(list("<>&!@#^|*_~`: abcU0한글\n")), max_size=4000)
                | st.text(max_size=200))
control = st.sampled_from(["<!channel>", "<!here>", "<!everyone>", "<!subteam^S1>", "<@U1>",
                           "<http://evil|bank>", "&lt;!here&gt;"])
mixed = st.lists(hostile_text | control, max_size=8).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(headline=mixed, point=mixed, label=mixed, source=mixed, tag=mixed)
def test_arbitrary_text_never_pings_and_always_fits(headline: str, point: str, label: str,
                                                    source: str, tag: str) -> None:
    item = Brief(headline=headline, points=[Point(point, label or None), Point(point * 2)],
                 tags=[tag] if tag else [], url="https://x.example/a", lang="en",
                 source=source, published=WHEN)
    for payloads in (render_brief_payloads(item, DEST, key="p"),
                     render_digest_payloads(Digest(headline, WHEN, WHEN,
                                                   [DigestSection(tag, [item] * 3)]), DEST)):
        for payload in payloads:
            assert check_post(payload) == []


def _feed_files() -> list:
    root = shared_path("feeds", "real-world")
    return sorted(path for path in root.rglob("*")
                  if path.suffix in (".xml", ".rss", ".atom", ".rdf", ".json")
                  and not path.name.endswith(".serde.json"))


def test_contract_over_real_world_feeds() -> None:
    parse = pytest.importorskip("bot.feeds.parse")
    rendered = 0
    for path in _feed_files():
        try:
            feed = parse.parse_feed(path.read_bytes(), url="https://feed.example/")
        except ParseError:
            continue
        for item in feed.items[:20]:
            sentences = [s for s in re.split(r"(?<=[.!?])\s+", item.text) if s][:3]
            made = Brief(headline=item.title or "(untitled)",
                         points=[Point(s[:300]) for s in sentences], tags=list(item.categories),
                         url=item.link, lang=item.lang or "en", source=feed.title,
                         published=item.published)
            for payload in render_brief_payloads(made, DEST, key=item.entry_key):
                assert check_post(payload) == [], (path.name, item.title)
                rendered += 1
    assert rendered > 100


def test_labels_on_all_points_or_none() -> None:
    """issue 11 finding 4: Slack mixed `*label*: …` and `• …` in one list"""
    labelled = Brief(headline="H", points=[Point("One.", "First"), Point("Two.", "Second")],
                     tags=[], url=None, lang="en")
    [payload] = render_brief_payloads(labelled, DEST)
    assert [b["text"]["text"] for b in payload["blocks"] if b["type"] == "section"] == [
        "*First*: One.", "*Second*: Two."]
    [mixed] = render_brief_payloads(brief(), DEST)
    points = [b["text"]["text"] for b in mixed["blocks"][2:5]]
    assert all(p.startswith("• ") for p in points) and not any("*: " in p for p in points)


def test_no_empty_headline() -> None:
    """issue 11: a brief without headline uses its first point's key phrase or the feed title"""
    [payload] = render_brief_payloads(brief(""), DEST)
    assert payload["blocks"][0]["text"]["text"] == "Key change"
    untitled = Brief(headline="", points=[Point("Text.")], tags=[], url=None, lang="en",
                     source="Example News")
    [payload] = render_brief_payloads(untitled, DEST)
    assert payload["blocks"][0]["text"]["text"] == "Example News"
    assert payload["text"] == "Example News"


def test_a_headline_of_ampersands_keeps_the_fallback_text_within_slack_s_limit() -> None:
    # A feed item with no title is headlined by its link; a link of "a&a&…" was clipped to
    # 3,000 characters and then escaped, "&" -> "&amp;", into 6,022: chat.postMessage's
    # ``text`` is advised at most 4,000. Escaped first, then clipped, never mid-entity.
    headline = "https://news.example/?" + "a&" * 1500
    payloads = render_brief_payloads(brief(headline), DEST, key="k")
    for payload in payloads:
        assert check_post(payload) == []
        text = payload["text"]
        assert len(text) <= 3000
        assert not re.search(r"&(?!amp;|lt;|gt;)", text)  # every "&" is a whole entity

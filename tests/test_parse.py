"""The parse stage: formats, cleaning, links, dates, identity, hostile and oversized bodies."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import ClassVar

import pytest

import bot.feeds.cleaning
import bot.feeds.jsonfeed
import bot.feeds.parse
from bot.errors import ParseError
from bot.feeds.identity import make_key
from bot.feeds.parse import MAX_BODY_BYTES, _cut_items, _defuse, parse_feed

URL = "https://news.example.com/feeds/main.xml"
NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


def rss(items: str, *, channel: str = "<title>Example News</title>"
        "<link>https://news.example.com/</link><language>en-US</language>") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel>{channel}{items}</channel></rss>"
    ).encode()


def parse(body: bytes, **kwargs: object) -> object:
    return parse_feed(body, url=URL, now=NOW, **kwargs)  # type: ignore[arg-type]


class TestRss2:
    BODY = rss(
        "<item><title>Chip &amp; AI deal</title><link>https://news.example.com/a/1</link>"
        "<guid isPermaLink='false'>urn:a1</guid><pubDate>Fri, 31 May 2024 09:30:00 +0200</pubDate>"
        "<category>Tech</category><category>AI</category><category>Tech</category>"
        "<dc:creator>Kim</dc:creator>"
        "<description>Short teaser</description>"
        "<content:encoded><![CDATA[<p>Full <b>story</b> here.</p><p>Second para.</p>]]>"
        "</content:encoded></item>"
        "<item><title>Second</title><link>/a/2</link><guid>urn:a2</guid>"
        "<description>&lt;p&gt;Escaped &amp;amp; html&lt;/p&gt;</description></item>"
    )

    def test_feed_fields(self) -> None:
        feed = parse_feed(self.BODY, url=URL, content_type="application/rss+xml", now=NOW)
        assert feed.title == "Example News"
        assert feed.site_url == "https://news.example.com/"
        assert feed.lang == "en"
        assert feed.warning is None
        assert len(feed.items) == 2

    def test_item_fields(self) -> None:
        item = parse_feed(self.BODY, url=URL, now=NOW).items[0]
        assert item.title == "Chip & AI deal"
        assert item.link == "https://news.example.com/a/1"
        assert item.published == datetime(2024, 5, 31, 7, 30, tzinfo=UTC)
        assert item.published.tzinfo is not None
        assert item.text == "Full story here.\n\nSecond para."  # content wins over summary
        assert item.categories == ("Tech", "AI")
        assert item.author == "Kim"
        assert item.lang == "en"
        assert item.id_kind == "guid" and item.entry_key == make_key("guid", "urn:a1")
        assert len(item.content_hash) == 64

    def test_relative_link_resolved_against_feed_url(self) -> None:
        item = parse_feed(self.BODY, url=URL, now=NOW).items[1]
        assert item.link == "https://news.example.com/a/2"
        assert item.text == "Escaped & html"

    def test_edit_keeps_key_changes_hash(self) -> None:
        edited = self.BODY.replace(b"Second para.", b"Second para, corrected.")
        a = parse_feed(self.BODY, url=URL, now=NOW).items[0]
        b = parse_feed(edited, url=URL, now=NOW).items[0]
        assert a.entry_key == b.entry_key
        assert a.content_hash != b.content_hash
        again = parse_feed(self.BODY, url=URL, now=NOW).items[0]
        assert again.content_hash == a.content_hash


def test_atom_with_xml_base_and_relative_links() -> None:
    body = """<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ko" xml:base="https://blog.example.org/ko/">
  <title type="html">&lt;b&gt;Blog&lt;/b&gt;</title>
  <link rel="alternate" href="/"/>
  <entry>
    <id>tag:blog.example.org,2024:1</id>
    <title>인공지능 소식</title>
    <link rel="alternate" href="posts/1"/>
    <updated>2024-05-30T10:00:00+09:00</updated>
    <summary type="html">&lt;p&gt;요약입니다&lt;/p&gt;</summary>
    <category term="ai"/>
  </entry>
</feed>""".encode()
    feed = parse_feed(body, url=URL, now=NOW)
    assert feed.title == "Blog"
    assert feed.site_url == "https://blog.example.org/"
    assert feed.lang == "ko"
    item = feed.items[0]
    assert item.link == "https://blog.example.org/ko/posts/1"
    assert item.published == datetime(2024, 5, 30, 1, 0, tzinfo=UTC)
    assert item.text == "요약입니다"
    assert item.lang == "ko"
    assert item.categories == ("ai",)


def test_rss_10_rdf() -> None:
    body = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
 <channel rdf:about="https://r.example/"><title>RDF</title><link>https://r.example/</link></channel>
 <item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link>
  <dc:date>2024-05-01T08:00:00Z</dc:date><description>First</description></item>
</rdf:RDF>"""
    feed = parse_feed(body, url=URL, now=NOW)
    assert [(i.title, i.link, i.text) for i in feed.items] == [
        ("One", "https://r.example/1", "First")]
    assert feed.items[0].published == datetime(2024, 5, 1, 8, 0, tzinfo=UTC)


def test_rss_091() -> None:
    body = (b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91'
            b'//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91">'
            b"<channel><title>Old</title><item><title>Legacy</title>"
            b"<link>http://old.example/1</link></item></channel></rss>")
    feed = parse_feed(body, url=URL, now=NOW)
    assert feed.items[0].title == "Legacy" and feed.items[0].link == "http://old.example/1"
    assert feed.items[0].id_kind == "link"


class TestDates:
    def one(self, date_xml: str) -> datetime | None:
        body = rss(f"<item><title>t</title><guid>g</guid>{date_xml}</item>")
        return parse_feed(body, url=URL, now=NOW).items[0].published

    def test_date_without_zone_is_utc(self) -> None:
        assert self.one("<dc:date>2024-05-01T08:00:00</dc:date>") == datetime(
            2024, 5, 1, 8, 0, tzinfo=UTC)
        assert self.one("<pubDate>Wed, 01 May 2024 08:00:00</pubDate>") == datetime(
            2024, 5, 1, 8, 0, tzinfo=UTC)

    def test_unparseable_date_is_none(self) -> None:
        assert self.one("<pubDate>sometime last week</pubDate>") is None
        assert self.one("<pubDate>Mon, 99 Foo 2024 99:99:99 GMT</pubDate>") is None

    def test_far_future_date_is_none_near_future_kept(self) -> None:
        future = (NOW + timedelta(days=30)).strftime("%a, %d %b %Y %H:%M:%S GMT")
        assert self.one(f"<pubDate>{future}</pubDate>") is None
        soon = NOW + timedelta(hours=5)
        assert self.one(f"<pubDate>{soon.strftime('%a, %d %b %Y %H:%M:%S GMT')}</pubDate>") == soon

    def test_missing_date(self) -> None:
        assert self.one("") is None


class TestLinksAndText:
    def test_javascript_and_other_schemes_become_none(self) -> None:
        body = rss("<item><title>a</title><link>javascript:alert(1)</link></item>"
                   "<item><title>b</title><link>data:text/html,hi</link></item>"
                   "<item><title>c</title><link>mailto:x@example.com</link></item>")
        assert [i.link for i in parse_feed(body, url=URL, now=NOW).items] == [None, None, None]

    def test_hostile_title_and_text(self) -> None:
        body = rss("<item><guid>h</guid>"
                   "<title>Pay\u200bPal\u202e gnp.exe\u2066 &#x7; &#xFEFF;alert</title>"
                   "<description><![CDATA[<script>steal()</script><p>Real\u200d text</p>"
                   "<iframe src='https://evil/'>x</iframe><style>p{}</style>]]></description>"
                   "</item>")
        item = parse_feed(body, url=URL, now=NOW).items[0]
        assert item.title == "PayPal gnp.exe alert"
        assert item.text == "Real text"

    def test_control_characters_in_raw_bytes(self) -> None:
        body = rss("<item><guid>c</guid><title>bell\x07 and\x00 null</title></item>")
        feed = parse_feed(body, url=URL, now=NOW)  # not well-formed XML, still read
        assert feed.items[0].title == "bell and null"
        assert feed.warning

    def test_missing_title_falls_back_to_text_and_empty_entries_dropped(self) -> None:
        body = rss("<item><guid>1</guid><description>Only a body here</description></item>"
                   "<item><guid isPermaLink='false'>2</guid><author>x</author></item>"
                   "<item><guid>3</guid><link>https://x.example/3</link></item>")
        items = parse_feed(body, url=URL, now=NOW).items
        assert [i.title for i in items] == ["Only a body here", "https://x.example/3"]
        assert all(i.title or i.text for i in items)


def test_duplicate_guids_use_links() -> None:
    body = rss("".join(f"<item><title>T{i}</title><guid>https://news.example.com/</guid>"
                       f"<link>https://news.example.com/a/{i}</link></item>" for i in range(3)))
    items = parse_feed(body, url=URL, now=NOW).items
    assert {i.id_kind for i in items} == {"link"}
    assert len({i.entry_key for i in items}) == 3


def test_illformed_feed_with_entries_has_warning() -> None:
    body = rss("<item><title>Broken & unescaped <b>tag</title><link>https://x.example/1</link>"
               "</item>")
    feed = parse_feed(body, url=URL, now=NOW)
    assert feed.warning and "SAX" in feed.warning
    assert feed.items and feed.items[0].link == "https://x.example/1"


def test_euc_kr_feed_with_charset_header() -> None:
    xml = ('<?xml version="1.0" encoding="euc-kr"?><rss version="2.0"><channel><title>한국</title>'
           "<item><title>반도체 수출 증가</title><guid>k1</guid></item></channel></rss>")
    feed = parse_feed(xml.encode("euc-kr"), url=URL, content_type="text/xml; charset=euc-kr",
                      now=NOW)
    assert feed.title == "한국" and feed.items[0].title == "반도체 수출 증가"


def test_utf16_feed() -> None:
    xml = ('<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><title>U</title>'
           "<item><title>Wide</title><guid>w</guid></item></channel></rss>")
    assert parse_feed(xml.encode("utf-16"), url=URL, now=NOW).items[0].title == "Wide"


class TestJsonFeed:
    DOC: ClassVar[dict[str, object]] = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON News",
        "home_page_url": "https://j.example/",
        "feed_url": "https://j.example/feed.json",
        "language": "en-GB",
        "items": [
            {"id": "1", "url": "/posts/1", "title": "First", "content_html": "<p>Hello <b>world"
             "</b></p><script>x()</script>", "date_published": "2024-05-01T10:00:00+02:00",
             "tags": ["ai", 3, ""], "authors": [{"name": "Lee"}]},
            {"id": 2, "url": "javascript:alert(1)", "content_text": "Plain\u200b text",
             "date_published": "not a date"},
            {"id": "3", "title": "From the future", "date_published": "2030-01-01T00:00:00Z"},
            "not an item",
        ],
    }

    def test_parse(self) -> None:
        feed = parse_feed(json.dumps(self.DOC).encode(), url=URL,
                          content_type="application/feed+json", now=NOW)
        assert feed.title == "JSON News" and feed.site_url == "https://j.example/"
        assert feed.lang == "en"
        first, second, third = feed.items
        assert first.link == "https://j.example/posts/1"
        assert first.text == "Hello world"
        assert first.published == datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
        assert first.categories == ("ai",)
        assert first.author == "Lee"
        assert first.entry_key == make_key("guid", "1")
        assert second.link is None and second.published is None
        assert second.text == "Plain text" and second.title == "Plain text"
        assert second.entry_key == make_key("guid", "2")
        assert third.published is None  # far future

    def test_detected_without_content_type(self) -> None:
        feed = parse_feed(b"  \n" + json.dumps(self.DOC).encode(), url=URL, now=NOW)
        assert len(feed.items) == 3

    def test_max_items(self) -> None:
        feed = parse_feed(json.dumps(self.DOC).encode(), url=URL, max_items=1, now=NOW)
        assert [i.title for i in feed.items] == ["First"]

    @pytest.mark.parametrize("body", [b"{not json", b'{"version": "x", "items": []}',
                                      b'["https://jsonfeed.org/version/1"]',
                                      b'{"version": "https://jsonfeed.org/version/1"}'])
    def test_not_a_json_feed(self, body: bytes) -> None:
        with pytest.raises(ParseError):
            parse_feed(body, url=URL, now=NOW)


class TestNotAFeed:
    @pytest.mark.parametrize("body", [
        b"", b"   \n", b"\x00\x01\x02garbage\xff\xfe", b"just some words",
        b"<html><head><title>Home</title></head><body><p>Welcome</p></body></html>",
        b'<?xml version="1.0"?><opml version="2.0"><body><outline xmlUrl="https://x/"/></body></opml>',
        gzip.compress(b"<html><body>gz page</body></html>"),
    ])
    def test_raises_parse_error(self, body: bytes) -> None:
        with pytest.raises(ParseError):
            parse_feed(body, url=URL, now=NOW)

    def test_opml_message_is_clear(self) -> None:
        with pytest.raises(ParseError, match="OPML"):
            parse_feed(b'<?xml version="1.0"?><opml version="2.0"><body/></opml>', url=URL)

    def test_empty_but_valid_feed_is_not_an_error(self) -> None:
        feed = parse_feed(rss(""), url=URL, now=NOW)
        assert feed.items == [] and feed.title == "Example News"


class TestBounds:
    def test_oversized_body_refused(self) -> None:
        with pytest.raises(ParseError, match="cap"):
            parse_feed(b" " * (MAX_BODY_BYTES + 1), url=URL)

    def test_gzip_body_is_inflated(self) -> None:
        feed = parse_feed(gzip.compress(rss("<item><title>Zipped</title><guid>z</guid></item>")),
                          url=URL, now=NOW)
        assert feed.items[0].title == "Zipped"

    def test_gzip_bomb_refused(self) -> None:
        bomb = gzip.compress(b"<" + b" " * (MAX_BODY_BYTES + 10))
        assert len(bomb) < MAX_BODY_BYTES // 100
        with pytest.raises(ParseError, match="larger"):
            parse_feed(bomb, url=URL)

    def test_100k_entries_capped_at_max_items_keeping_the_first(self) -> None:
        body = rss("".join(f"<item><title>n{i}</title><guid>id{i}</guid></item>"
                           for i in range(100_000)))
        feed = parse_feed(body, url=URL, max_items=50, now=NOW)
        assert [i.title for i in feed.items] == [f"n{i}" for i in range(50)]
        assert feed.warning is None  # the cut leaves a well-formed document

    def test_cut_items_removes_the_tail_before_feedparser(self) -> None:
        body = rss("".join(f"<item><title>n{i}</title></item>" for i in range(1000)))
        cut = _cut_items(body, 10)
        assert cut.count(b"<item>") == 10 and cut.endswith(b"</channel></rss>")
        atom = (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
                + b"".join(b"<entry><title>e%d</title></entry>" % i for i in range(100))
                + b"</feed>")
        assert _cut_items(atom, 3).count(b"<entry>") == 3
        assert len(parse_feed(atom, url=URL, max_items=3).items) == 3

    def test_a_body_with_no_more_item_words_than_the_cap_is_not_searched(
            self, monkeypatch: pytest.MonkeyPatch) -> None:
        # issue 26: every changed feed's body was searched tag by tag for a cut it never needs
        class Unsearchable:
            def finditer(self, body: bytes, pos: int = 0) -> None:
                raise AssertionError("searched")

        monkeypatch.setattr(bot.feeds.parse, "_ITEM_OPEN", Unsearchable())
        body = rss("".join(f"<item><title>n{i}</title></item>" for i in range(5)))
        assert _cut_items(body, 10) == body
        assert [i.title for i in parse_feed(body, url=URL, max_items=10, now=NOW).items] == [
            f"n{i}" for i in range(5)]


# --- hostile XML ---------------------------------------------------------------------------------
LAUGHS = "\n".join(
    [' <!ENTITY lol "lol">']
    + [f' <!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
       for n in range(1, 10)]
)


def _hostile(doctype: str, title: str, *, newline: str = "\n") -> bytes:
    return (f'<?xml version="1.0"?>{newline}<!DOCTYPE rss [{newline}{doctype}{newline}]>{newline}'
            f'<rss version="2.0"><channel><title>t</title><item><title>{title}</title>'
            f"<description>{title}</description><link>https://x.example/1</link></item>"
            f"</channel></rss>").encode()


def _all_text(feed: object) -> str:
    return repr(feed)


class TestHostileXml:
    @pytest.mark.parametrize("newline", ["\n", ""])
    def test_billion_laughs_is_bounded(self, newline: str) -> None:
        body = _hostile(LAUGHS.replace("\n", newline), "&lol9;", newline=newline)
        feed = parse_feed(body, url=URL, now=NOW)
        assert len(_all_text(feed)) < 10_000
        assert "lollollol" not in _all_text(feed)
        # Defused by us before feedparser/expat ever see it, not only by expat's own limit.
        assert feed.warning and "DOCTYPE" in feed.warning
        assert b"<!ENTITY" not in _defuse(body)[0]

    def test_quadratic_blowup_is_bounded(self) -> None:
        big = "A" * 50_000
        body = _hostile(f'<!ENTITY a "{big}">', "&a;" * 5_000)
        feed = parse_feed(body, url=URL, now=NOW)
        assert len(_all_text(feed)) < 1_000_000
        assert feed.warning and "DOCTYPE" in feed.warning

    @pytest.mark.parametrize("newline", ["\n", ""])
    @pytest.mark.parametrize("kind", ["general", "parameter", "dtd"])
    def test_xxe_never_leaks_local_files(self, tmp_path: Path, newline: str, kind: str) -> None:
        secret = tmp_path / "secret.txt"
        secret.write_text("TOP-SECRET-MARKER")
        uris = [secret.as_uri(), "file:///etc/passwd"]
        for uri in uris:
            if kind == "general":
                body = _hostile(f'<!ENTITY xxe SYSTEM "{uri}">', "x &xxe; y", newline=newline)
            elif kind == "parameter":
                body = _hostile(f'<!ENTITY % p SYSTEM "{uri}">{newline}%p;', "x y",
                                newline=newline)
            else:
                body = (f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{uri}"><rss version="2.0">'
                        "<channel><title>t</title><item><title>x</title><guid>1</guid></item>"
                        "</channel></rss>").encode()
            try:
                feed = parse_feed(body, url=URL, now=NOW)
            except ParseError:
                continue
            dump = _all_text(feed)
            assert "TOP-SECRET-MARKER" not in dump
            assert "root:" not in dump
            if kind != "dtd":  # an external DTD subset declares no entities: left to expat
                assert feed.warning and "DOCTYPE" in feed.warning

    def test_utf16_entities_refused(self) -> None:
        body = _hostile('<!ENTITY xxe SYSTEM "file:///etc/passwd">', "&xxe;").decode()
        body16 = body.replace('version="1.0"?>', 'version="1.0" encoding="utf-16"?>')
        with pytest.raises(ParseError, match="entities"):
            parse_feed(body16.encode("utf-16"), url=URL)

    def test_safe_literal_entity_still_works(self) -> None:
        body = _hostile('<!ENTITY id "tag:example.com,">', "&id;2006")
        feed = parse_feed(body, url=URL, now=NOW)
        assert feed.items[0].title == "tag:example.com,2006"
        assert feed.warning is None


def _count_cleaning(monkeypatch: pytest.MonkeyPatch, *modules: ModuleType) -> list[str]:
    """The HTML texts ``modules`` give to article_text, in order."""
    cleaned: list[str] = []
    real = bot.feeds.cleaning.article_text

    def counted(html: str) -> str:
        cleaned.append(html)
        return real(html)

    for module in modules:
        monkeypatch.setattr(module, "article_text", counted)
    return cleaned


@pytest.mark.parametrize("kind", ["json", "rss"])
def test_only_new_or_edited_entries_have_their_text_cleaned(
        kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A changed feed with one new entry among twenty cleans one text (issue 26)."""
    from bot.feeds.parse import prepare_feed

    texts = [f"<p>Story {n} text about the harbour.</p>" for n in range(20)]
    if kind == "json":
        body = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "J",
                           "items": [{"id": str(n), "title": f"T{n}", "content_html": t}
                                     for n, t in enumerate(texts)]}).encode()
    else:
        body = ("<rss version='2.0'><channel><title>R</title>" + "".join(
            f"<item><guid>g{n}</guid><title>T{n}</title><description><![CDATA[{t}]]>"
            "</description></item>" for n, t in enumerate(texts))
            + "</channel></rss>").encode()
    cleaned = _count_cleaning(monkeypatch, bot.feeds.jsonfeed, bot.feeds.parse)
    prepared = prepare_feed(body, url=URL)
    new = prepared.keys[0]
    parsed = prepared.finish(lambda key, raw_hash, legacy: key != new)
    assert [item.entry_key for item in parsed.items] == [new]
    assert cleaned == [texts[0]]


@pytest.mark.parametrize("reader", ["fast", "feedparser"])
def test_a_summary_that_is_the_content_is_cleaned_once(
        reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """feedparser copies a lone <content:encoded> into the summary: one text, cleaned once
    (a cold first poll cleans every entry; issue 26), the same text as before."""
    html = "<p>Story text about the harbour.</p><p>More of it.</p>"
    body = rss(f"<item><guid>g1</guid><title>T</title><content:encoded><![CDATA[{html}]]>"
               "</content:encoded></item>"
               f"<item><guid>g2</guid><title>U</title><description><![CDATA[{html}]]>"
               f"</description><content:encoded><![CDATA[{html}]]></content:encoded></item>")
    if reader == "feedparser":
        monkeypatch.setattr(bot.feeds.parse, "read_fast", lambda *args: None)
    cleaned = _count_cleaning(monkeypatch, bot.feeds.parse)
    feed = parse_feed(body, url=URL, now=NOW)
    assert cleaned == [html, html]  # one per entry
    assert [item.text for item in feed.items] == [
        "Story text about the harbour.\n\nMore of it."] * 2

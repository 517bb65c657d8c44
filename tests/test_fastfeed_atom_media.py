"""Atom shapes the fast reader reads as feedparser does since issue 26's second pass: an
entry's media:group or media:content (YouTube's channel feeds) and a <content src=…> with
nothing inside; and the neighbouring shapes it still leaves to feedparser."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest

from bot.feeds.fastfeed import read_fast, refusal
from bot.feeds.parse import parse_feed
from tests.conftest import shared_path
from tests.support.fastfeed import (
    URL,
    _atom,
    _both,
    _left_to_feedparser,
    _read_fast_as_feedparser_reads,
    _rss,
)

_MEDIA = "xmlns:media='http://search.yahoo.com/mrss/'"


def _atom_media(entry: str) -> bytes:
    return _atom(entry).replace(b"<feed ", f"<feed {_MEDIA} ".encode(), 1)


@pytest.mark.parametrize("entry", [
    # YouTube: the entry's title, then a group with the same title and the video's description
    "<title>Video</title><link rel='alternate' href='https://v.example/1'/>"
    "<media:group><media:title>Video</media:title><media:content url='https://v.example/1.swf'/>"
    "<media:description>What the video shows.</media:description>"
    "<media:community><media:starRating count='3'/></media:community></media:group>",
    # a media:title before the entry's own title, deeper and not: the entry's title wins
    "<media:group><media:title>Group</media:title></media:group><title>Entry</title>",
    "<media:title>Media</media:title><title>Entry</title>",
    # a description straight in the entry, and one in media:content
    "<title>T</title><media:description>Said &lt;b&gt;so&lt;/b&gt;.</media:description>",
    "<title>T</title><media:content url='https://v.example/a.jpg'>"
    "<media:description>Caption</media:description></media:content>",
])
def test_media_title_and_description_in_an_atom_entry_are_read_fast(
        entry: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _read_fast_as_feedparser_reads(_atom_media(entry), monkeypatch, tmp_path)


# feedparser guesses HTML in plain text only outside Atom: in an Atom entry a media:title, or a
# second media:description read as content, that looks like HTML stays text/plain (the fast reader
# guessed as in RSS and dropped the title's tags)
@pytest.mark.parametrize("entry", [
    "<media:title>a &lt;b&gt;x&lt;/b&gt; y</media:title>",
    "<media:group><media:title>Tom &amp; &lt;i&gt;Jerry&lt;/i&gt;</media:title></media:group>",
    # typed plain (chosun's type='plain'), before the entry's title
    "<media:title type='plain'>a &lt;b&gt;x&lt;/b&gt;</media:title><title>T</title>",
    "<title>T</title><media:description>One</media:description><media:group>"
    "<media:description>a &lt;b&gt;x&lt;/b&gt; y</media:description></media:group>",
])
def test_media_text_in_an_atom_entry_is_not_guessed_html(
        entry: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _read_fast_as_feedparser_reads(_atom_media(entry), monkeypatch, tmp_path)


# media:text (newscred's, typed or not): feedparser has no rule for it and keeps it as
# media_text, never the entry's text
@pytest.mark.parametrize("body", [
    _atom_media("<title>T</title><media:text>M</media:text>"),
    _atom_media("<title>T</title><media:content url='https://m.example/1.jpg'>"
                "<media:text type='plain'>media text</media:text></media:content>"),
    _rss("<title>T</title><guid>g</guid><media:text>a &lt;b&gt;x&lt;/b&gt;</media:text>"),
])
def test_media_text_is_harmless(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _read_fast_as_feedparser_reads(body, monkeypatch, tmp_path)


def test_a_youtube_entry_takes_its_summary_from_the_media_description() -> None:
    body = _atom_media("<title>Video</title><media:group><media:title>Video</media:title>"
                       "<media:description>What the video shows.</media:description>"
                       "</media:group>")
    _feed, entries = read_fast(body, URL, None) or ({}, [])
    assert entries[0]["title"] == "Video"
    assert entries[0]["summary"] == "What the video shows."


def test_an_empty_title_keeps_its_value_beside_a_deeper_media_title() -> None:
    # feedparser's depth rules: the entry's empty title stays the value, the group's title
    # becomes its _detail (the item is then unusable either way)
    body = _atom_media("<title></title><media:group><media:title>Group</media:title>"
                       "</media:group>")
    slow = feedparser.parse(body).entries[0]
    fast = (read_fast(body, URL, None) or ({}, [{}]))[1][0]
    assert (fast["title"], fast["title_detail"]["value"]) == ("", "Group")
    assert (slow["title"], slow["title_detail"]["value"]) == ("", "Group")


# a media:description beside the entry's summary or content: feedparser's content flag and depth
# rules decide which is the summary (newscred: content, then a typed one in media:content)
@pytest.mark.parametrize("entry", [
    "<title>T</title><content type='html'>&lt;p&gt;Some text&lt;/p&gt;</content>"
    "<media:content url='https://m.example/1.jpg' medium='image'><media:title type='plain'>M"
    "</media:title><media:description type='plain'>media description</media:description>"
    "<media:text type='plain'>media text</media:text><media:credit>C</media:credit>"
    "</media:content>",
    "<title>T</title><summary>S</summary><media:group><media:description>D"
    "</media:description></media:group>",
    "<title>T</title><media:description>D</media:description><content>C</content>",
    "<title>T</title><media:description>D</media:description><summary>S</summary>",
    "<title>T</title><content>C</content><media:description>D</media:description>",
    "<title>T</title><content>C</content><summary>S</summary><media:group><media:description>"
    "D</media:description></media:group>",
    "<title>T</title><content>C</content><media:group><media:description>D"
    "</media:description></media:group><summary>S</summary>",
    "<title>T</title><summary>S</summary><media:description>D1</media:description><media:group>"
    "<media:description>D2</media:description></media:group>",
    "<title>T</title><content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'><p>C</p>"
    "</div></content><media:description>D</media:description>",
])
def test_media_description_beside_atom_text_is_read_fast(
        entry: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _read_fast_as_feedparser_reads(_atom_media(entry), monkeypatch, tmp_path)


@pytest.mark.parametrize("entry", [
    "<title>T</title><content src='https://e.example/a.txt' type='text/plain'/>",
    "<title>T</title><content src='a.txt' type='html'>  </content><summary>S</summary>",
    "<title>T</title><summary>S</summary><content SRC='a.txt'/>",
])
def test_atom_content_with_src_and_nothing_inside_is_read_fast(
        entry: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _read_fast_as_feedparser_reads(_atom(entry), monkeypatch, tmp_path)
    assert read_fast(_atom(entry), URL, None)[1][0]["content"][0]["value"] == ""  # type: ignore[index]


@pytest.mark.parametrize("entry", [
    "<title>T</title><content src='a.txt'>text beside it</content>",
    "<title>T</title><content src='a.pdf' type='application/pdf'/>",
    "<title src='a.txt'>T</title>",
    "<title>T</title><content mode='escaped'>x</content>",
])
def test_atom_content_src_with_anything_else_is_left_to_feedparser(
        entry: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _left_to_feedparser(_atom(entry), monkeypatch, tmp_path)


@pytest.mark.parametrize("name", ["atom_mediarss_youtube_1.xml", "atom_content_src.xml"])
def test_real_world_atom_feeds_now_read_fast_give_feedparser_items(
        name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = shared_path("feeds", "real-world", "feed_rs", "atom", name)
    assert refusal(path.read_bytes(), URL, None) is None
    fast, slow = _both(path, monkeypatch)
    assert fast == slow
    assert parse_feed(path.read_bytes(), url=URL).items


# an Atom Entry document (RFC 4287's <entry> as the root, atom_entry_1): feedparser reads it as
# one entry of a feed with no fields
@pytest.mark.parametrize("body", [
    b"<?xml version='1.0' encoding='UTF-8'?><entry xmlns='http://www.w3.org/2005/Atom'>"
    b"<title type='text'>Specifications</title><id>urn:uuid:988EF5C5</id>"
    b"<updated>2009-08-31T18:55:12.569Z</updated><author><name>S. A. Khuba</name></author>"
    b"<category term='45121504' label='Digital Camera'/><contributor><name>K</name>"
    b"</contributor><content type='text'>Pixels 12.3 million</content>"
    b"<summary type='text'>Tech specifications of a camera</summary></entry>",
    b"<entry xmlns='http://www.w3.org/2005/Atom' xml:lang='de'><title>T</title>"
    b"<link href='https://e.example/1'/><summary>S &lt;b&gt;x&lt;/b&gt;</summary></entry>",
])
def test_an_atom_entry_document_is_read_fast(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _read_fast_as_feedparser_reads(body, monkeypatch, tmp_path)


def test_an_unqualified_entry_root_is_left_to_feedparser(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _left_to_feedparser(b"<entry><title>T</title><link>https://e.example/1</link></entry>",
                        monkeypatch, tmp_path)


_CO = " xmlns:co='http://purl.org/rss/1.0/modules/company/'"
_X = " xmlns:x='urn:x'"


# feedparser reads a media:title, media:description or media:keywords inside any element (its
# title, summary, tags); the fast reader reads them in the item and in media: elements only, so
# one inside another element is left to feedparser (the same item under another key would be a
# second delivery when the feed next goes to feedparser)
@pytest.mark.parametrize("body", [
    _rss("<co:name><media:title>Quarterly results</media:title></co:name><description>The "
         "company reported growth.</description>", root=_CO),
    _rss("<title>T</title><co:name><media:description>Said so.</media:description></co:name>",
         root=_CO),
    _rss("<title>T</title><dc:modified><media:keywords>politics, economy</media:keywords>"
         "</dc:modified>"),
    _rss("<title>T</title><x:foo><media:group><media:title>G</media:title></media:group>"
         "</x:foo>", root=_X),
    _atom_media("<title>T</title><x:foo><media:keywords>a,b</media:keywords></x:foo>"
                ).replace(b"<feed ", b"<feed" + _X.encode() + b" ", 1),
])
def test_media_text_inside_another_element_is_left_to_feedparser(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _left_to_feedparser(body, monkeypatch, tmp_path)


_A = "http://www.w3.org/2005/Atom"


# feedparser names an element without a namespace by its name alone: in an Atom entry (a
# prefixed root, or xmlns='') a plain <title>, <link>, <guid> or <pubDate> is the entry's, which
# the fast reader, reading Atom's elements only, would miss
@pytest.mark.parametrize("body", [
    f"<a:entry xmlns:a='{_A}'><a:id>tag:a,1:1</a:id><title>Plain title</title>"
    "<link>https://e.example/x</link></a:entry>".encode(),
    _atom("<title xmlns=''>Plain title</title><link href='https://e.example/x'/>"),
    _atom("<title>T</title><guid xmlns=''>g-1</guid>"),
    _atom("<title>T</title><pubDate xmlns=''>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>"),
    f"<a:feed xmlns:a='{_A}'><a:title>F</a:title><a:entry><a:id>tag:a,1:1</a:id>"
    "<title>Plain title</title></a:entry></a:feed>".encode(),
    f"<a:feed xmlns:a='{_A}'><title>F</title><entry><id>tag:a,1:1</id>"
    "<title>Plain title</title></entry></a:feed>".encode(),
])
def test_an_element_without_a_namespace_in_atom_is_left_to_feedparser(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _left_to_feedparser(body, monkeypatch, tmp_path)

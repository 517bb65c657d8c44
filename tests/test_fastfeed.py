"""The fast lxml reader gives the very items feedparser gives, on every corpus file it accepts,
and leaves the rest to feedparser: the corpus, and the documents' shapes (encodings, xml:base
and xml:lang, XHTML content, names in another case, RSS 1.0). What an RSS item holds is in
tests/test_fastfeed_items.py; the documents and checks both use, tests/support/fastfeed.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import bot.feeds.parse
from bot.feeds.fastfeed import read_fast, refusal
from bot.feeds.parse import parse_feed
from tests.conftest import shared_path
from tests.support.fastfeed import (
    URL,
    _atom,
    _both,
    _left_to_feedparser,
    _rdf,
    _read_fast_as_feedparser_reads,
    _rss,
    _same_items_either_way,
)


def test_fast_path_items_equal_feedparser_items(monkeypatch: pytest.MonkeyPatch) -> None:
    root = shared_path("feeds")
    used, differ = 0, []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        body = path.read_bytes()
        if body[:2] == b"\x1f\x8b" or read_fast(body, URL, None) is None:
            continue
        used += 1
        fast, slow = _both(path, monkeypatch)
        if fast != slow:
            differ.append(str(path.relative_to(root)))
    # the plain RSS 0.9x/2.0 and Atom 1.0 of the corpus take the fast path, xml:base,
    # declared legacy encodings and XHTML content included
    assert used > 830, used
    assert differ == [], differ[:20]


def test_a_header_naming_the_declared_charset_gives_feedparser_items_too(
        monkeypatch: pytest.MonkeyPatch) -> None:
    root = shared_path("feeds")
    used, differ = 0, []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        declared = re.match(rb"\s*<\?xml[^>]*encoding=[\"']([\w.:-]+)", path.read_bytes()[:1024])
        header = f"text/xml; charset={declared.group(1).decode()}" if declared else None
        if header is None or read_fast(path.read_bytes(), URL, header) is None:
            continue
        used += 1
        fast, slow = _both(path, monkeypatch, header)
        if fast != slow:
            differ.append(str(path.relative_to(root)))
    assert used > 50, used
    assert differ == [], differ[:20]


def test_real_world_feeds_mostly_take_the_fast_path() -> None:
    root = shared_path("feeds", "real-world")
    files = [p for p in root.rglob("*") if p.suffix in (".xml", ".rss", ".atom")]
    fast = [p for p in files if read_fast(p.read_bytes(), URL, None) is not None]
    assert len(fast) >= len(files) * 6 // 10, (len(fast), len(files))


def test_xml_base_resolves_links_as_feedparser_does(monkeypatch: pytest.MonkeyPatch) -> None:
    body = (b"<rss version='2.0' xmlns:atom='http://www.w3.org/2005/Atom'><channel><title>F"
            b"</title><item xml:base='https://other.example/a/'><title>T</title>"
            b"<link>b/c.html</link><description>x <em>y</em></description></item>"
            b"<item xml:base='javascript:alert(1)'><title>U</title><link>d.html</link></item>"
            b"</channel></rss>")
    assert read_fast(body, URL, None) is not None
    fast = parse_feed(body, url=URL)
    assert [i.link for i in fast.items] == ["https://other.example/a/b/c.html",
                                            "https://example.com/feeds/d.html"]
    with monkeypatch.context() as patch:
        patch.setattr(bot.feeds.parse, "read_fast", lambda *args: None)
        assert parse_feed(body, url=URL) == fast


def test_atom_xhtml_content_is_serialised_as_feedparser_does(
        monkeypatch: pytest.MonkeyPatch) -> None:
    body = ("<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>x</id><title>t</title>"
            "<content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'>\n <p class="
            "'A&amp;B' Data-X='q&quot;'>Hi &amp; &lt;bye&gt; café</p><br/><img src='a.png' "
            "alt=''/> tail <b>bold</b><!-- c --></div></content><summary type='xhtml'><div "
            "xmlns='http://www.w3.org/1999/xhtml'>S <i>it</i></div></summary></entry></feed>"
            ).encode()
    [entry] = (read_fast(body, URL, None) or ({}, [{}]))[1]
    assert entry["content"][0]["value"] == (
        '<p class="A&amp;B" data-x="q&quot;">Hi &amp; &lt;bye&gt; café</p><br></br>'
        '<img src="a.png" alt=""></img> tail <b>bold</b>')
    fast = parse_feed(body, url=URL)
    with monkeypatch.context() as patch:
        patch.setattr(bot.feeds.parse, "read_fast", lambda *args: None)
        assert parse_feed(body, url=URL) == fast
    math = body.replace(b"<b>bold</b>", b"<math xmlns='http://www.w3.org/1998/Math/MathML'/>")
    assert read_fast(math, URL, None) is None  # feedparser's MathML rules are its own


# issue 26: SVG in XHTML content (intertwingly.atom) as feedparser writes it: names and
# attribute names in lower case, the root's xmlns after the XLink declarations made on it,
# xlink:href; a prefixed SVG, other namespaced attributes, XLink under another prefix and an
# XLink declaration lxml cannot show (made again where it is in scope) are left to feedparser
_SVG = ("<svg style='float:right' xmlns='http://www.w3.org/2000/svg' {} viewBox='0 0 9 9'>"
        "<defs><radialGradient id='g'><stop offset='0'/></radialGradient></defs><title>t &amp;"
        " u</title><use xlink:href='#g' x='1'/><text>S &lt; T</text></svg>")
_XLINK_NS = "xmlns:xlink='http://www.w3.org/1999/xlink'"


@pytest.mark.parametrize(("svg", "fast"), [
    (_SVG.format(_XLINK_NS), True),
    (_SVG.format("").replace("<defs>", f"<defs {_XLINK_NS}>").replace("<use xlink:href",
                                                                       "<use href"), True),
    (f"<p {_XLINK_NS}>x</p>" + _SVG.format(_XLINK_NS), True),
    (f"<span {_XLINK_NS}>{_SVG.format(_XLINK_NS)}</span>", False),  # declared again
    (_SVG.format(_XLINK_NS.replace("xlink=", "xl=")).replace("xlink:href", "xl:href"), False),
    ("<s:svg xmlns:s='http://www.w3.org/2000/svg'><s:g/></s:svg>", False),
    (_SVG.format(_XLINK_NS).replace("x='1'", "xml:space='preserve'"), False),
])
def test_svg_in_xhtml_content_is_serialised_as_feedparser_does(
        svg: str, fast: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    body = _atom("<title>T</title><content type='xhtml'><div xmlns='http://www.w3.org/1999/"
                 f"xhtml'><p>Before</p>{svg}<p>After</p></div></content>")
    if fast:
        _read_fast_as_feedparser_reads(body, monkeypatch, tmp_path)
    else:
        _left_to_feedparser(body, monkeypatch, tmp_path)


def test_a_declared_legacy_encoding_is_read_unless_the_header_names_another() -> None:
    body = ("<?xml version='1.0' encoding='ISO-8859-1'?><rss version='0.91'><channel>"
            "<title>Dicas técnicas</title><item><title>Olá</title><link>https://e.example/1"
            "</link></item></channel></rss>").encode("iso-8859-1")
    feed, [entry] = read_fast(body, URL, None) or ({}, [{}])
    assert (feed["title"], entry["title"]) == ("Dicas técnicas", "Olá")
    assert read_fast(body, URL, "application/xml; charset=utf-8") is None
    assert read_fast(body, URL, "text/xml; charset=ISO-8859-1") is not None  # they agree
    assert read_fast(b"<rss version='2.0'><channel/></rss>", URL,
                     "text/xml; charset=windows-1252") is None  # the header would win


@pytest.mark.parametrize("body", [
    b"<rss version='2.0'><channel><item><title>x</title>",  # ill-formed
    b"<!DOCTYPE rss><rss version='2.0'><channel/></rss>",
    b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'/>",
    b"<rss version='2.0' xmlns:itunes='http://www.itunes.com/dtds/podcast-1.0.dtd'><channel>"
    b"<item><itunes:category text='News'/></item></channel></rss>",  # becomes a tag
    b"<rss version='2.0'><channel><item><title>t</title><summary>s</summary></item></channel>"
    b"</rss>",
])
def test_unusual_documents_are_left_to_feedparser(body: bytes) -> None:
    assert read_fast(body, URL, None) is None
    assert refusal(body, URL, None)  # and bench.parse can say why


def test_refusal_names_the_reason_and_is_none_for_a_body_read_fast() -> None:
    assert refusal(b"<rss version='2.0'><channel><item>", URL, None) == "ill-formed XML"
    assert refusal(b"<!DOCTYPE rss><rss version='2.0'><channel/></rss>", URL, None) == (
        "a DOCTYPE")
    assert refusal(b"<rss version='2.0'><channel><item><summary>s</summary></item></channel>"
                   b"</rss>", URL, None) == "an element feedparser maps, no namespace"
    assert refusal(b"<rss version='2.0'><channel><title>t</title></channel></rss>", URL,
                   None) is None


def test_an_unforeseen_error_in_the_fast_reader_falls_back_to_feedparser(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.feeds.fastfeed

    def broken(*args: object) -> None:
        raise RuntimeError("a shape nobody foresaw")

    body = (b"<rss version='2.0'><channel><title>F</title><item><title>T</title>"
            b"<link>https://e.example/1</link></item></channel></rss>")
    assert read_fast(body, URL, None) is not None
    monkeypatch.setattr(bot.feeds.fastfeed, "_read", broken)
    assert read_fast(body, URL, None) is None
    assert [i.title for i in parse_feed(body, url=URL).items] == ["T"]


@pytest.mark.parametrize("body", [
    # an empty <link> stays empty (feedparser resolves only non-empty links)
    b"<rss version='2.0'><channel><title>F</title><link></link><item><title>T</title>"
    b"<link></link><guid>abc</guid></item></channel></rss>",
    b"<rss version='2.0'><channel><item><guid>https://e.example/g</guid>"
    b"<link>https://e.example/l</link><title>T</title></item></channel></rss>",
    # a second description before any content is content (feedparser's rule)
    b"<rss version='2.0'><channel><item><title>T</title><description>d one</description>"
    b"<description>two longer description</description></item></channel></rss>",
    b"<rss version='2.0'><channel><item><title>A &amp;amp; B &lt;b&gt;x&lt;/b&gt;</title>"
    b"<description>caf\xc3\x83\xc2\xa9 &#x93;q&#x94;</description></item></channel></rss>",
    b"<feed xmlns='http://www.w3.org/2005/Atom'><title type='html'>&lt;b&gt;F&lt;/b&gt;</title>"
    b"<entry><id></id><title>T</title><summary>s</summary><summary>s2 longer</summary></entry>"
    b"</feed>",
    b"<feed xmlns='http://www.w3.org/2005/Atom' xml:lang='ko'><entry><id>tag:x,1</id>"
    b"<title>T</title><link href='/rel'/><link rel='alternate' type='text/html' href='b'/>"
    b"<author><name>Kim</name></author><content type='html'>&lt;p&gt;c&lt;/p&gt;</content>"
    b"</entry></feed>",
])
def test_feedparser_rules_on_small_documents(body: bytes, monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    assert read_fast(body, URL, None) is not None
    path = tmp_path / "f.xml"
    path.write_bytes(body)
    fast, slow = _both(path, monkeypatch)
    assert fast == slow


# issue 26: feedparser lower-cases attribute names and rel/type values; the fast reader read
# them as written, so an item's id, link or text type changed with the reader (and its key
# with it: every item reposted when the feed moved to the fast path).
@pytest.mark.parametrize("body", [
    _rss("<title>T</title><guid IsPermaLink='false'>12345</guid>"),
    _rss("<title>T</title><guid ISPERMALINK='false'>12345</guid><link>https://e.example/1</link>"),
    _rss("<title>T</title><guid isPermaLink='False'>https://e.example/g</guid>"),
    _rss("<title>T</title><guid>  https://e.example/g\n </guid>"),  # whitespace around a guid
    _rss("<title>T</title><guid isPermaLink='false'> 12345\n</guid>"),
    _rss("<title>T</title><link>https://e.example/a?x=1&amp;y=2&amp;amp;z=3</link>"),
    _rss("<title>T</title><link> /relative/path\n</link>"),
    _atom("<title>T</title><link rel='Alternate' href='https://e.example/a'/>"),
    _atom("<title>T</title><link rel='alternate' type='TEXT/HTML' href='https://e.example/b'/>"),
    _atom("<title>T</title><link type='html' href='https://e.example/c'/>"),
    _atom("<title>T</title><link HREF='https://e.example/d'/>"),
    _atom("<title>T</title><link rel='SELF' href='https://e.example/self'/>"
          "<link href='https://e.example/e'/>"),
    _atom("<title TYPE='HTML'>A &amp;lt;b&amp;gt;B</title><content Type='Html'>&lt;p&gt;c"
          "&lt;/p&gt;</content>"),
    _atom("<title>T</title><category TERM='news' Label='News'/>"),
    _rss("<title>T</title><guid><![CDATA[ abc\n]]></guid>"),
    # " lang=" in escaped HTML is text, not an attribute: the item stays fast
    _rss("<title>T</title><guid>g</guid><description>&lt;p lang=\"en\"&gt;x&lt;/p&gt;"
         "</description>"),
])
def test_attribute_names_and_rel_type_values_are_read_in_any_case(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert read_fast(body, URL, None) is not None  # these stay on the fast path
    path = tmp_path / "f.xml"
    path.write_bytes(body)
    fast, slow = _both(path, monkeypatch)
    assert fast == slow


# other feedparser rules the fast reader missed (issue 26 review)
@pytest.mark.parametrize("body", [
    _rss("<title>T</title><description mode='base64'>aGVsbG8=</description><guid>g</guid>"),
    _rss("<title>T</title><description Type='application/octet-stream'>aGVsbG8=</description>"
         "<guid>g</guid>"),
    _rss("<title>T</title><link href='https://e.example/h'/><guid>g</guid>"),
    _rss("<title>T</title><link HREF='https://e.example/h'>https://e.example/t</link>"),
    _rss("<title>T</title><guid>g</guid>", channel="<link href='https://e.example/'/>"),
    _rss("<title>T1</title><title>T2</title><guid>g</guid>"),  # the first non-empty title wins
    _rss("<title></title><title>T2</title><title>T3</title><guid>g</guid>"),
    _atom("<title>T1</title><title type='html'>T2</title>"),
])
def test_feedparser_rules_the_fast_reader_missed(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "f.xml"
    path.write_bytes(body)
    fast, slow = _both(path, monkeypatch)
    assert fast == slow


# feedparser lower-cases element names (and namespace URIs) too: <Title>, <GUID>, <pubdate>
# are its title, id and date. The fast reader leaves such documents to it.
@pytest.mark.parametrize("body", [
    _rss("<Title>T</Title><link>https://e.example/1</link>"),
    _rss("<title>T</title><Link>https://e.example/1</Link>"),
    _rss("<title>T</title><GUID>https://e.example/g</GUID>"),
    _rss("<title>T</title><guid>g</guid><pubdate>Sat, 05 Dec 2026 10:00:00 GMT</pubdate>"),
    _rss("<title>T</title><guid>g</guid><PubDate>Sat, 05 Dec 2026 10:00:00 GMT</PubDate>"),
    _rss("<title>T</title><guid>g</guid><Description>d</Description>"),
    _rss("<title>T</title><guid>g</guid><content:Encoded>&lt;p&gt;c&lt;/p&gt;</content:Encoded>"),
    _rss("<title>T</title><guid>g</guid><dc:Creator>Kim</dc:Creator>"),
    _rss("<title>T</title><guid>g</guid><media:Title>M</media:Title>"),
    _rss("<title>T</title><guid>g</guid>",
         channel="<Item><title>U</title><guid>h</guid></Item>"),
    _rss("<title>T</title><guid>g</guid>", channel="<Link>https://e.example/</Link>"),
    _rss("<title>T</title><guid>g</guid>").replace(b"</channel>",
                                                   b"</channel><Channel><item><title>U</title>"
                                                   b"</item></Channel>"),
    _atom("<Title>T</Title><link href='https://e.example/a'/>"),
    _atom("<title>T</title><Link href='https://e.example/a'/>"),
    _atom("<title>T</title><Updated>2026-12-05T10:00:00Z</Updated>"),
    _atom("<title>T</title><author><Name>Kim</Name></author>"),
    _atom("<title>T</title>", feed="<Entry><id>u</id><title>U</title></Entry>"),
    # namespace URIs in another case are feedparser's known namespaces too
    _rss("<title>T</title><guid>g</guid><content:encoded>&lt;p&gt;c&lt;/p&gt;</content:encoded>"
         ).replace(b"purl.org/rss/1.0", b"purl.org/RSS/1.0"),
    _atom("<title>T</title>").replace(b"2005/Atom", b"2005/atom"),
    # plain lang= / base= attributes, any case, are xml:lang / xml:base to feedparser
    _rss("<title>T</title><guid>g</guid>", root=" lang='fr'"),
    _rss("<title>T</title><guid>g</guid>").replace(b"<item>", b"<item LANG='de'>"),
    _rss("<title>T</title><link>a.html</link>").replace(b"<item>",
                                                        b"<item BASE='https://o.example/x/'>"),
    _rss("<title>T</title><link>a.html</link>").replace(
        b"<item>", b"<item xml:BASE='https://o.example/x/'>"),
    _atom("<title>T</title><link href='a.html'/>").replace(b"<entry>",
                                                           b"<entry lang='de'>"),
    _atom("<title>T</title><link href='a.html'/>").replace(
        b"<entry>", b"<entry xml:Lang='de' xml:Base='https://o.example/x/'>"),
])
def test_element_names_in_another_case_give_feedparser_items(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "f.xml"
    path.write_bytes(body)
    fast, slow = _both(path, monkeypatch)
    assert fast == slow


# issue 26: RSS 1.0 (RDF, items beside the channel, rdf:about their id), RSS 0.90 and the
# Userland namespace are read fast, with feedparser's items
@pytest.mark.parametrize("body", [
    _rdf("<item rdf:about='https://e.example/1'><title>T</title><link>https://e.example/1"
         "</link><description>&lt;p&gt;d&lt;/p&gt;</description><dc:date>2026-12-05T10:00:00Z"
         "</dc:date><dc:creator>Kim (kim@e.example)</dc:creator><dc:subject>news</dc:subject>"
         "</item><item rdf:about='urn:x:2'><title>U</title><content:encoded>&lt;p&gt;long "
         "text&lt;/p&gt;</content:encoded></item>"),
    # <image> and <textinput> beside the channel have titles and links of their own
    _rdf("<item rdf:about='https://e.example/1'><title>T</title></item>",
         after="<image rdf:about='https://e.example/i.png'><title>Logo</title><link>"
               "https://e.example/logo</link><url>https://e.example/i.png</url></image>"
               "<textinput rdf:about='https://e.example/s'><title>Search</title><link>"
               "https://e.example/s</link><name>q</name></textinput>"),
    _rdf("<item rdf:about='  https://e.example/1 '><title>T</title><link>/rel</link></item>"
         "<item><title>no about</title><link>https://e.example/2</link></item>",
         channel="<title>F</title><dc:language>en</dc:language>"),
    _rdf("<item rdf:about='https://e.example/1'><title>T</title></item>",
         rss="http://my.netscape.com/rdf/simple/0.9/"),
    _rdf("<item rdf:about='https://e.example/1'><title>T</title><guid>g1</guid></item>"),
    _rdf("<item rdf:about='https://e.example/1'><title>T</title></item>",
         rss="http://purl.org/RSS/1.0/"),  # feedparser matches the URI in any case
    b"<rss version='2.0' xmlns='http://backend.userland.com/rss2'><channel><title>F</title>"
    b"<item><title>T</title><guid>https://e.example/g</guid></item></channel></rss>",
])
def test_rss_1_and_plain_namespaces_are_read_fast_as_feedparser_reads_them(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _read_fast_as_feedparser_reads(body, monkeypatch, tmp_path)


@pytest.mark.parametrize("body", [
    _rdf("<item rdf:about='https://e.example/1' lastmod='2026-12-05'><title>T</title></item>"),
    _rdf("<item rdf:about='https://e.example/1'><title>T</title></item>",
         after="<title>a second feed title</title>"),
    _rdf("<item rdf:about='https://e.example/1'><title>T</title></item>").replace(
        b"<channel ", b"<channel href='https://e.example/h' "),
])
def test_rss_1_shapes_the_fast_reader_leaves_to_feedparser_give_its_items(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _left_to_feedparser(body, monkeypatch, tmp_path)


# issue 26: xml:lang in RSS (rubenerd.rss, RSS 1.0 feeds): feedparser gives each text the
# xml:lang around it and takes the root's as the feed's language until a <language> says another
@pytest.mark.parametrize("body", [
    _rss("<title>T</title><guid>g</guid>", root=" xml:lang='de'",
         channel="<language>fr</language>"),
    _rss("<title xml:lang='es'>T</title><guid>g</guid><description>d</description>",
         root=" xml:lang='de'"),
    _rss("<title xml:lang=''>T</title><guid>g</guid>", root=" xml:lang='de'",
         channel="<language>fr</language>"),
    _rss("<title>T</title><guid>g</guid><content:encoded xml:lang='ko'>&lt;p&gt;본문&lt;/p&gt;"
         "</content:encoded>", channel="<language>en-US</language>"),
    _rss("<title>T</title><guid>g</guid>").replace(b"<channel>", b"<channel xml:lang='pt_BR'>"),
    _rss("<title>T</title><guid>g</guid>").replace(b"<item>", b"<item xml:lang='ja'>"),
    _rdf("<item rdf:about='https://e.example/1' xml:lang='it'><title>T</title></item>"
         ).replace(b"<rdf:RDF ", b"<rdf:RDF xml:lang='en' "),
])
def test_xml_lang_in_rss_is_read_fast_as_feedparser_reads_it(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _read_fast_as_feedparser_reads(body, monkeypatch, tmp_path)


# feedparser names an element of the RSS 1.0 or Atom 0.3 namespace, or of a default namespace
# it does not know, by its local name: in an Atom entry, an RSS 1.0 <description> is its summary
@pytest.mark.parametrize("body", [
    _atom("<title>T</title><summary>s</summary><r:description xmlns:r='http://purl.org/rss/1.0/'"
          ">a longer summary</r:description>"),
    _atom("<title>T</title><summary>s</summary><summary xmlns='http://purl.org/atom/ns#'>a "
          "longer summary</summary>"),
    _rss("<title>T</title><guid>g</guid><description xmlns='https://unknown.example/'>a longer "
         "summary</description>"),
    _atom("<title>T</title><r:title xmlns:r='http://purl.org/rss/1.0/'>R</r:title>"),
    _atom("<title>T</title>", feed="<r:title xmlns:r='http://purl.org/rss/1.0/'>R</r:title>"),
])
def test_rss_1_elements_in_an_atom_feed_give_feedparser_items(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _same_items_either_way(body, monkeypatch, tmp_path)


# Found integrating issue 26's fast-reader work: an Atom entry's children were matched by local
# name alone, so another namespace's <x:title> or <x:summary> became the entry's title or
# summary, where feedparser keeps them as x_title and x_summary.
@pytest.mark.parametrize("entry", [
    "<x:title>Wrong</x:title><title>Right</title><summary>S.</summary>",
    "<title>T</title><x:summary>Wrong summary</x:summary>",
    "<title>T</title><x:id>urn:wrong</x:id><x:link href='https://e.example/wrong'/>"
    "<link href='https://e.example/right'/>",
])
def test_another_namespaces_title_or_summary_is_not_the_entrys(
        entry: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    body = _atom(entry).replace(b"<feed xmlns='http://www.w3.org/2005/Atom'",
                                b"<feed xmlns='http://www.w3.org/2005/Atom' "
                                b"xmlns:x='https://x.example/ns'")
    _read_fast_as_feedparser_reads(body, monkeypatch, tmp_path)

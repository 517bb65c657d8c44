"""What an RSS item holds, the fast lxml reader reads as feedparser does or leaves to it:
elements feedparser keeps under keys bot.feeds.parse never reads, dc:title, lists of
categories, elements nested in an item's own (<og>, an <image>'s, an author's <name>), media:
elements, and summary-like elements that are a summary or content (the channel's ones setting
feedparser's content flag for the next item). The documents and checks are in
tests/support/fastfeed.py; tests/test_fastfeed.py holds the corpus and the documents' shapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.fastfeed import (
    _atom,
    _left_to_feedparser,
    _rdf,
    _read_fast_as_feedparser_reads,
    _rss,
)

_PODCAST = (" xmlns:itunes='http://www.itunes.com/dtds/podcast-1.0.dtd'"
            " xmlns:prism='http://prismstandard.org/namespaces/1.2/basic/'")


# issue 26: elements feedparser keeps under keys bot.feeds.parse never reads (itunes:episodeType
# was refused for its spelling), and dc:title, which feedparser reads as a <title>
@pytest.mark.parametrize("body", [
    _rss("<title>T</title><guid>g</guid><itunes:episodeType>full</itunes:episodeType>"
         "<itunes:isClosedCaptioned>No</itunes:isClosedCaptioned>", root=_PODCAST),
    _rss("<title>T</title><guid>g</guid><dc:identifier>doi:10.1/x</dc:identifier><dc:source>S"
         "</dc:source><dc:relation>R</dc:relation><dc:coverage>C</dc:coverage>"),
    # dc:modified (the New Yorker's): no rule in feedparser, kept as dc_modified
    _rss("<title>T</title><guid>g</guid><pubDate>Fri, 02 Aug 2019 15:35:34 +0000</pubDate>"
         "<dc:modified>Fri, 02 Aug 2019 16:00:00 +0000</dc:modified>"),
    _rss("<title>T</title><guid>g</guid><prism:publicationDate>2026-12-05"
         "</prism:publicationDate><prism:section>New Results</prism:section>", root=_PODCAST),
    _rss("<title>T</title><guid>g</guid><post-id xmlns='com-wordpress:feed-additions:1'>42"
         "</post-id>"),  # WordPress: a default namespace feedparser does not know, harmless
    _rss("<title>T</title><dc:title>D</dc:title><guid>g</guid>"),
    _rss("<dc:title>D</dc:title><title>T</title><guid>g</guid>"),
    _rss("<title></title><dc:title><![CDATA[ D &amp; E ]]></dc:title><guid>g</guid>"),
    _rdf("<item rdf:about='https://e.example/1'><title>T</title><dc:title>D</dc:title>"
         "<dc:identifier>doi:10.1/x</dc:identifier></item>"),
])
def test_harmless_and_title_elements_are_read_fast_as_feedparser_reads_them(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _read_fast_as_feedparser_reads(body, monkeypatch, tmp_path)


# issue 26: a list of categories in an element feedparser has no rule for (macworld.rss)
@pytest.mark.parametrize("body", [
    _rss("<title>T</title><guid>g</guid><category>a</category><categories>\n <category>b"
         "</category><category domain='x'>c</category>\n</categories><category>d</category>"),
    _rss("<title>T</title><guid>g</guid><Categories><category>b</category></Categories>"),
    # <source> has a rule of its own: its categories are the source's, not the item's
    _rss("<title>T</title><guid>g</guid><source url='https://s.example/'><category>b"
         "</category></source>"),
])
def test_a_list_of_categories_is_read_fast_as_feedparser_reads_it(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _read_fast_as_feedparser_reads(body, monkeypatch, tmp_path)


@pytest.mark.parametrize("body", [
    _rss("<title>T</title><guid>g</guid><categories><category>b</category><x>y</x>"
         "</categories>"),
    _atom("<title>T</title><categories><category term='b'/></categories>"),
])
def test_other_nested_elements_are_left_to_feedparser(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _left_to_feedparser(body, monkeypatch, tmp_path)


# feedparser reads a content:encoded anywhere in an item as its content: inside media:group,
# media:content or an unknown namespace's element, or in an Atom entry (the fast reader took
# the content: namespace for harmless and dropped it), and in a channel's element it sets the
# content flag for the next item
@pytest.mark.parametrize("body", [
    _rss("<title>T</title><guid>g</guid><description>D</description><media:group>"
         "<content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded></media:group>"),
    _rss("<title>T</title><guid>g</guid><media:content url='https://e.example/v.mp4'>"
         "<content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded></media:content>"),
    _rss("<title>T</title><guid>g</guid><description>D</description><x:box>"
         "<content:encoded>Body</content:encoded></x:box>", root=" xmlns:x='urn:unknown'"),
    _atom("<title>T</title><summary>S</summary><content:encoded "
          "xmlns:content='http://purl.org/rss/1.0/modules/content/'>Body</content:encoded>"),
    # in a channel's element: feedparser's content flag, left set for the next item
    _rss("<title>T</title><guid>g</guid><description>D</description><description>E</description>",
         channel="<media:group><content:encoded>C</content:encoded></media:group>"),
])
def test_content_encoded_the_fast_reader_does_not_read_is_left_to_feedparser(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _left_to_feedparser(body, monkeypatch, tmp_path)


# issue 26: an iTunes summary beside a description (BBC, Channel 9 podcasts). feedparser makes
# the second summary-like element of an item content, unless content was seen: a flag only an
# item's end clears, which the channel's own summary-like elements can leave set
@pytest.mark.parametrize("body", [
    _rss("<title>T</title><guid>g</guid><description>D</description>"
         "<itunes:summary>S longer</itunes:summary>", root=_PODCAST),
    _rss("<title>T</title><guid>g</guid><itunes:summary>S</itunes:summary>"
         "<description>&lt;p&gt;D longer&lt;/p&gt;</description>", root=_PODCAST),
    _rss("<title>T</title><guid>g</guid><description>D</description><description>E longer"
         "</description><itunes:summary>S longest of all</itunes:summary>", root=_PODCAST),
    # the channel's iTunes summary, then its description: content, the flag left set
    _rss("<title>T</title><guid>g</guid><description>D</description>"
         "<itunes:summary>S longer</itunes:summary>", root=_PODCAST,
         channel="<itunes:summary>C</itunes:summary><description>CD</description>"),
    _rss("<title>T</title><guid>g</guid><description>D</description>"
         "<description>E longer</description>",
         channel="<content:encoded>&lt;p&gt;C&lt;/p&gt;</content:encoded>"),
    _rss("<title>T</title><guid>g</guid><description>D</description>"
         "<itunes:summary>S longer</itunes:summary>", root=_PODCAST,
         channel="<description>CD</description><itunes:summary>C</itunes:summary>"),
])
def test_summaries_and_content_are_told_apart_as_feedparser_does(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _read_fast_as_feedparser_reads(body, monkeypatch, tmp_path)


@pytest.mark.parametrize("body", [
    _rss("<title>T</title><guid>g</guid>", channel="<summary>C</summary>"),
    _rss("<title>T</title><guid>g</guid>", channel="<Description>C</Description>"),
    _rss("<title>T</title><guid>g</guid>", channel="<dc:description>C</dc:description>"),
])
def test_other_channel_summaries_are_left_to_feedparser(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _left_to_feedparser(body, monkeypatch, tmp_path)


# issue 26: an item's <image> or <source> clears feedparser's "first non-empty title wins"
# rule (its title_depth), so a later <title> replaces the first; the fast reader kept the first
@pytest.mark.parametrize("body", [
    _rss("<title>A</title><image>https://e.example/i.png</image><title>B</title>"
         "<link>https://e.example/1</link>"),
    _rss("<title>A</title><source url='https://s.example/'>S</source><title>B</title>"
         "<guid>g</guid>"),
    _rss("<title>A</title><source url='https://s.example/'><category>c</category></source>"
         "<title>B</title><guid>g</guid>"),
    # elements nested in an RSS item, which feedparser reads by the same depth rules
    # (cloudblog.rss: an <og> block, <author><name>…</name><title>…</title></author>;
    # aktuality.rss: an item's <image> with its url, title and link): a nested <title> changes
    # only title_detail, unless it comes before the item's own or after an <image>; a nested
    # <description> is summary or content as a direct one would be
    _rss("<title>T</title><link>https://e.example/1</link><description>d</description>"
         "<og><type>article</type><title>O &lt;b&gt;x&lt;/b&gt;</title><description>od"
         "</description><image>https://e.example/i.png</image><site_name>S</site_name>"
         "<url>https://e.example/u</url></og><author><name>Diane</name><title>&lt;i&gt;PM&lt;/i&gt;"
         "</title><department/><company/></author>"),
    _rss("<og><title>O</title><description>od</description></og><title>T</title>"
         "<link>https://e.example/1</link>"),  # before the item's own title and summary
    _rss("<title>T</title><link>https://e.example/1</link><og><image>i</image><title>O</title>"
         "</og><title>U</title><description>d</description><og><description/></og>"),
    _rss("<title>T</title><link>https://e.example/1</link><author><name>A</name></author>"
         "<author><name> B </name><title/></author>"),  # the last name
    # media:title and media:description, in the item or in media:content or media:group:
    # feedparser's <title> (without setting its title rule) and <description>
    _rss("<media:title>M</media:title><title>T</title><guid>g</guid>"
         "<media:content url='https://e.example/x.jpg'><media:description>A photo"
         "</media:description><media:credit>C</media:credit></media:content>"),
    _rss("<title>T</title><guid>g</guid><description>d</description><media:group>"
         "<media:content url='https://e.example/x'><media:title>MT</media:title>"
         "</media:content><media:description>a longer group description</media:description>"
         "</media:group><media:thumbnail url='https://e.example/t.jpg'/>"),
    _rss("<title>T</title><guid>g</guid><media:thumbnail url='https://e.example/t.jpg'>"
         "<media:description>caption</media:description></media:thumbnail>"),
    _rss("<title>T</title><guid>g</guid><media:content url='https://e.example/a.mp3'>"
         "<media:title type='plain'>aGVsbG8=</media:title></media:content>"),  # ignored
    # Atom's dates in an RSS item (Medium's 489.rss): feedparser's published and updated
    _rss("<title>T</title><guid>g</guid><atom:updated>2026-12-05T10:00:00Z</atom:updated>",
         root=" xmlns:atom='http://www.w3.org/2005/Atom'"),
    _rss("<title>T</title><guid>g</guid><pubDate>Sat, 05 Dec 2026 11:00:00 GMT</pubDate>"
         "<atom:published>2026-12-05T10:00:00Z</atom:published>",
         root=" xmlns:atom='http://www.w3.org/2005/Atom'"),
    _rss("<title>T</title><link>https://e.example/1</link><image><url>https://e.example/i"
         "</url><title>Image title</title><link>https://e.example/</link><width>1</width>"
         "<height>2</height></image><title>Later</title><description>d</description>"),
])
def test_item_titles_and_nested_elements_are_read_fast_as_feedparser_reads_them(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _read_fast_as_feedparser_reads(body, monkeypatch, tmp_path)


@pytest.mark.parametrize("body", [
    _rss("<title>T</title><guid>g</guid><og><link>https://e.example/o</link></og>"),
    _rss("<title>T</title><guid>g</guid><og kind='x'><title>O</title></og>"),
    _rss("<title>T</title><guid>g</guid><og><title><b>O</b></title></og>"),
    _rss("<title>T</title><guid>g</guid><og><pubDate>Sat, 05 Dec 2026 10:00:00 GMT</pubDate>"
         "</og>"),
    _rss("<title>T</title><link>https://e.example/1</link><image><description>d</description>"
         "</image>"),
    _rss("<title>T</title><guid>g</guid><author><name>a@e.example (A)</name></author>"),
    _rss("<title>T</title><guid>g</guid><author><name>A</name><email>a@e.example</email>"
         "</author>"),
    _rss("<title>T</title><guid>g</guid><author><name>A</name></author>"
         "<dc:creator>B</dc:creator>"),
    # issue 26: what a namespaced element of an item holds feedparser reads as the item's
    # own: a plain <title> in an unknown namespace's element is its title_detail; the fast
    # reader looked inside media:group only and dropped them
    _rss("<title>T</title><guid>g</guid><foo:bar xmlns:foo='https://foo.example/'><title>"
         "&lt;b&gt;x&lt;/b&gt;</title></foo:bar>"),
    # issue 26: in an item feedparser reads <lastBuildDate> as its updated date,
    # <managingEditor> as its author and <tags> as its categories; the fast reader dropped them
    _rss("<title>T</title><guid>g</guid><lastBuildDate>Sat, 05 Dec 2026 10:00:00 GMT"
         "</lastBuildDate>"),
    _rss("<title>T</title><guid>g</guid><managingEditor>kim@e.example (Kim)</managingEditor>"),
    _rss("<title>T</title><guid>g</guid><tags>a, b</tags>"),
])
def test_other_item_elements_are_left_to_feedparser(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _left_to_feedparser(body, monkeypatch, tmp_path)


# issue 26: dc:description is feedparser's <description> (Meerkat's RSS 1.0 item, rss_1.0_spec_2):
# the item's summary, typed HTML, and a second one before any content is content
@pytest.mark.parametrize("body", [
    _rdf("<item rdf:about='https://e.example/1'><title>T</title><link>https://e.example/1"
         "</link><dc:description>\n  XML is placing increasingly heavy loads.\n"
         "</dc:description><dc:subject>XML</dc:subject></item>"),
    _rss("<title>T</title><guid>g</guid><dc:description>a &lt;b&gt;x&lt;/b&gt; y"
         "</dc:description>"),
    _rss("<title>T</title><guid>g</guid><description>One</description><dc:description>Two"
         "</dc:description>"),
    _rss("<title>T</title><guid>g</guid><dc:description>One</dc:description><description>Two"
         "</description><content:encoded>Three</content:encoded>"),
])
def test_dc_description_in_an_item_is_read_fast_as_its_description(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _read_fast_as_feedparser_reads(body, monkeypatch, tmp_path)


@pytest.mark.parametrize("body", [
    # another spelling, and one in a channel (which sets feedparser's content flag there)
    _rss("<title>T</title><guid>g</guid><dc:Description>D</dc:Description>"),
    _rss("<title>T</title><guid>g</guid><description>D</description>",
         channel="<dc:description>C</dc:description>"),
])
def test_dc_description_shapes_the_fast_reader_leaves_to_feedparser(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _left_to_feedparser(body, monkeypatch, tmp_path)


# issue 26: an element of a namespace feedparser knows but has no rule for is kept under its
# prefixed name, never an entry's key (Meerkat's co:name, ti:function); one it has a rule for
# (itunes:category, a tag) stays with feedparser
_COMPANY = " xmlns:co='http://purl.org/rss/1.0/modules/company/'"


@pytest.mark.parametrize("body", [
    _rss("<title>T</title><guid>g</guid><co:name>XML.com</co:name><co:market>NASDAQ"
         "</co:market>", root=_COMPANY),
    _rss("<title>T</title><guid>g</guid><co:name href='https://c.example/'/>", root=_COMPANY),
    _rdf("<item rdf:about='https://e.example/1'><title>T</title><co:symbol "
         "xmlns:co='http://purl.org/rss/1.0/modules/company/'>XML</co:symbol></item>"),
])
def test_a_known_namespaces_element_without_a_rule_is_read_fast(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _read_fast_as_feedparser_reads(body, monkeypatch, tmp_path)


@pytest.mark.parametrize("body", [
    _rss("<title>T</title><guid>g</guid><itunes:category text='News'/>", root=_PODCAST),
    # what is inside is checked as before: a <title> there is feedparser's title_detail
    _rss("<title>T</title><guid>g</guid><co:name><title>X</title></co:name>", root=_COMPANY),
])
def test_a_known_namespaces_element_with_a_rule_is_left_to_feedparser(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _left_to_feedparser(body, monkeypatch, tmp_path)


# issue 26: RSS text typed plain or HTML (type='text', 'plain', 'html', 'text/html'; the Daily
# Mail's media:description type='html', chosun's captions type='plain') is feedparser's text of
# that type, as untyped text is of its element's default; base64 (mode, or a type that is not
# text) and XHTML stay with feedparser
@pytest.mark.parametrize("body", [
    _rss("<title>T</title><guid>g</guid><media:credit scheme='urn:ebu'>C</media:credit>"
         "<media:description type='html'>Black Dahlia: a head shot</media:description>"),
    _rss("<title>T</title><guid>g</guid><media:content url='https://e.example/x.jpg'>"
         "<media:description type='plain'>caption</media:description></media:content>"),
    _rss("<guid>g</guid><media:content url='https://e.example/a.mp3'><media:title type='plain'>"
         "aGVsbG8=</media:title></media:content><title>T</title>"),
    _rss("<title type='html'>a &lt;b&gt;x&lt;/b&gt;</title><guid>g</guid>"),
    _rss("<title type='text'>a &lt;b&gt;x&lt;/b&gt;</title><guid>g</guid>"),
    _rss("<title>T</title><guid>g</guid><description type='text'>plain &amp; simple"
         "</description>"),
    _rss("<title>T</title><guid>g</guid><description Type='TEXT/HTML'>&lt;p&gt;d&lt;/p&gt;"
         "</description><description type='text'>second</description>"),
    _rss("<title>T</title><guid>g</guid><content:encoded type='text'>c</content:encoded>"),
    # read as HTML (the description's default) the paragraphs would run into one: a reader
    # that passed over the type would differ here
    _rss("<title>T</title><guid>g</guid><description type='text'>First paragraph here.\n\n"
         "Second paragraph here with more words.</description>"),
])
def test_rss_text_typed_plain_or_html_is_read_fast(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _read_fast_as_feedparser_reads(body, monkeypatch, tmp_path)


@pytest.mark.parametrize("body", [
    _rss("<title>T</title><guid>g</guid><description type='xhtml'>d</description>"),
    _rss("<title>T</title><guid>g</guid><description type='image/png'>aGVsbG8=</description>"),
    _rss("<title>T</title><guid>g</guid><description type='html' mode='escaped'>d"
         "</description>"),
])
def test_rss_text_typed_otherwise_is_left_to_feedparser(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _left_to_feedparser(body, monkeypatch, tmp_path)

"""Input cleaning (issue 11 finding 6): the story's text, not what surrounds it, and the fullest
version of it. Each real example reads its shared file and skips when the file is absent."""

from __future__ import annotations

import re

import pytest

from bot.feeds.cleaning import (
    _DATELINE,
    _UPDATE_STAMP,
    _without_prefix,
    article_text,
    clean_article,
)
from bot.feeds.parse import parse_feed
from bot.models import ParsedFeed
from tests.conftest import shared_path

URL = "https://example.com/feed"


def parse_shared(*parts: str) -> ParsedFeed:
    return parse_feed(shared_path("feeds", *parts).read_bytes(), url=URL)


class TestLines:
    @pytest.mark.parametrize("line", [
        "Continue reading on Medium »", "Continue reading on »", "Read more", "Read more…",
        "Continue reading →", "Keep reading", "Read the full story",
        "The post Ten tips for Go appeared first on Example Blog.",
        "Photo: Getty Images", "Image copyright Reuters", "Image caption The new bridge",
    ])
    def test_boilerplate_lines_go(self, line: str) -> None:
        assert clean_article(f"The story itself.\n\n{line}") == "The story itself."

    def test_trailing_link_text_goes(self) -> None:
        assert clean_article("It was a long day. Continue reading →") == "It was a long day."
        assert clean_article("A story. Read More") == "A story."

    def test_prose_that_mentions_reading_stays(self) -> None:
        for text in ("Full story here.", "Read more books, the study says.",
                     "She said she would continue reading the report."):
            assert clean_article(text) == text

    @pytest.mark.parametrize(("text", "expected"), [
        ("WASHINGTON (AP) — President Trump said so.", "President Trump said so."),
        ("NEWARK, N.J. (AP) — Jurors finished.", "Jurors finished."),
        ("LONDON (Reuters) - Shares rose.", "Shares rose."),
        ("(CNN) -- A storm hit.", "A storm hit."),
        ("PARIS, France — Talks began.", "Talks began."),
        ("NASA — the agency — launched it.", "NASA — the agency — launched it."),
    ])
    def test_datelines(self, text: str, expected: str) -> None:
        assert clean_article(text) == expected

    def test_update_stamps(self) -> None:
        assert clean_article("Updated 11/28/17: The fifth beta is out.") == "The fifth beta is out."
        assert clean_article("Update: Apple responded.") == "Apple responded."

    def test_css_rules(self) -> None:
        text = ("Currency can be obtained in encounters!\n.share-link a {\n margin: 0 10px;\n"
                " display: inline-block;\n}\n.share-link .youtube { background-position: 0 20%; }")
        assert clean_article(text) == "Currency can be obtained in encounters!"

    def test_glued_sentences_are_separated(self) -> None:
        assert clean_article("rise to the No. 1 spot.The US fell two spots") == (
            "rise to the No. 1 spot. The US fell two spots")
        # code, domains and abbreviations are not sentences
        for text in ("call System.Console now", "Node.js is fast",
                     "the U.S.The"):
            assert clean_article(text) == text

    def test_headings_captions_and_code_blocks_are_not_story_text(self) -> None:
        html = ("<h2>Related</h2><p>The story.</p><figure><img src='x'>"
                "<figcaption>A caption.</figcaption></figure><pre>lrwxr-xr-x 48 dom</pre>"
                "<p>Inline <code>does(x)</code> stays.</p>")
        assert article_text(html) == "The story.\n\nInline does(x) stays."

    def test_a_fragment_that_is_only_a_heading_keeps_it(self) -> None:
        assert article_text("<h3>Only a heading</h3>") == "Only a heading"


class TestLongestField:
    def test_a_short_content_teaser_loses_to_a_long_description(self) -> None:
        long = "This is the whole story, told at length. " * 5
        body = (f'<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
                f"<channel><title>F</title><item><title>T</title><link>https://e.x/1</link>"
                f"<description>{long}</description>"
                f"<content:encoded>A teaser.</content:encoded></item></channel></rss>").encode()
        assert parse_feed(body, url=URL).items[0].text == long.strip()

    def test_json_feed_longest_field(self) -> None:
        long = "The full text of the post, much longer than its summary. " * 3
        body = ('{"version": "https://jsonfeed.org/version/1.1", "title": "F", "items": '
                f'[{{"id": "1", "content_html": "<p>Short.</p>", "content_text": "{long}"}}]}}')
        assert parse_feed(body.encode(), url=URL).items[0].text == long.strip()

    @pytest.mark.parametrize(("folder", "name"), [
        ("netnewswire_rsparser", "cloudblog.rss"),
        ("feed_rs/rss2", "rss_2.0_example_6.xml"),
        ("feed_rs/atom", "atom_example_3.xml"),
    ])
    def test_real_feeds_with_a_teaser_field(self, folder: str, name: str) -> None:
        feed = parse_shared("real-world", *folder.split("/"), name)
        # the teaser briefs came out as one point: every item now has a few sentences of text
        texts = [item.text for item in feed.items]
        assert texts and min(len(t) for t in texts) > 200, [t[:80] for t in texts]


class TestRealExamples:
    def test_emarley_continue_reading(self) -> None:
        feed = parse_shared("real-world", "netnewswire_rsparser", "EMarley.rss")
        assert feed.items
        assert not [i for i in feed.items if "Continue reading" in i.text]

    def test_livemint_glued_sentence(self) -> None:
        feed = parse_shared("real-world", "netnewswire_rsparser", "livemint.xml")
        [text] = [i.text for i in feed.items if "No. 1 spot" in i.text]
        assert "spot. The US fell" in text and "spot.The" not in text

    def test_3960_br_inside_a_sentence(self) -> None:
        feed = parse_shared("real-world", "netnewswire_rsparser", "3960.json")
        [text] = [i.text for i in feed.items if "nicht ganz billig" in i.text]
        assert "nicht ganz billig, dafür schmeckt's aber auch nicht." in text

    @pytest.mark.parametrize("name", ["tpm.atom", "tpm-with-empty-base.atom"])
    def test_tpm_datelines(self, name: str) -> None:
        feed = parse_shared("real-world", "node_feedparser", name)
        texts = [i.text for i in feed.items]
        assert any("President Donald Trump’s choice" in t for t in texts)
        assert not [t for t in texts if "(AP)" in t.split("\n")[0][:40]]

    def test_macworld_update_stamp(self) -> None:
        feed = parse_shared("real-world", "netnewswire_rsparser", "macworld.rss")
        [text] = [i.text for i in feed.items if "fifth iOS 11.2 beta" in i.text]
        assert text.startswith("The fifth iOS 11.2 beta") and "Updated 11/28/17" not in text

    def test_css_rule_in_rss_with_relative_urls(self) -> None:
        feed = parse_shared("real-world", "node_feedparser", "rss-with-relative-urls.xml")
        assert feed.items
        assert not [i for i in feed.items if re.search(r"\{[^}]*:[^}]*\}|share-link", i.text)]

    def test_monkeydom_code_blocks_are_not_prose(self) -> None:
        feed = parse_shared("real-world", "netnewswire_rsparser", "monkeydom.rss")
        texts = [i.text for i in feed.items]
        assert not [t for t in texts if "lrwxr-xr-x" in t]
        # inline code keeps its parentheses
        assert any("successor() and predecessor()" in t for t in texts)

    def test_rose_json_links_and_code_intact(self) -> None:
        feed = parse_shared("real-world", "netnewswire_rsparser", "rose.json")
        [text] = [i.text for i in feed.items if "Sharecuts.app" in i.text]
        assert "[Sharecuts.app]()https://sharecuts.app)" in text  # as written, links and all


ENCODINGS = {"euckr.xml": "EUC-KR", "eucjp.xml": "EUC-JP", "shiftjis.xml": "SHIFT_JIS",
             "gb2312.xml": "GB2312", "tis620.xml": "TIS-620", "koi8r.xml": "KOI8-R",
             "windows1255.xml": "windows-1255"}


@pytest.fixture
def no_chardet(monkeypatch: pytest.MonkeyPatch) -> None:
    """feedparser guesses with chardet when it happens to be installed (it is not a dependency
    of ours): detection must not depend on that."""
    import feedparser.encodings

    monkeypatch.setattr(feedparser.encodings, "lazy_chardet_encoding", None)


@pytest.mark.usefixtures("no_chardet")
@pytest.mark.parametrize("name", sorted(ENCODINGS))
def test_undeclared_encodings_are_detected(name: str) -> None:
    body = shared_path("feeds", "feedparser-tests", "illformed", "chardet", name).read_bytes()
    field = re.search(rb"<(title|description|summary)>\s*(.*?)\s*</\1>", body, re.S)
    assert field is not None
    expected = field.group(2).decode(ENCODINGS[name])[:20]
    item = parse_feed(body, url=URL).items[0]
    assert expected in item.title + item.text


def test_declared_encodings_are_left_to_the_declaration() -> None:
    body = "<?xml version='1.0' encoding='euc-kr'?><rss version='2.0'><channel><item>" \
           "<title>한국어 제목</title></item></channel></rss>"
    assert parse_feed(body.encode("euc-kr"), url=URL).items[0].title == "한국어 제목"
    plain = "<rss version='2.0'><channel><item><title>한국어 제목입니다 오늘</title>" \
            "<description>정부는 오늘 새로운 정책을 발표했다.</description></item></channel></rss>"
    item = parse_feed(plain.encode("euc-kr"), url=URL).items[0]
    assert item.title == "한국어 제목입니다 오늘"


@pytest.mark.parametrize("line", [
    "WASHINGTON (AP) — Updated 3 p.m.: President Trump said so.",
    "He said WASHINGTON (AP) — is a dateline.", "Updated: yes", "Nothing to remove here",
    "LONDON (Reuters) - ", "(CNN) -- Updated at 10:15 a.m. ET: text", "",
])
@pytest.mark.parametrize("pattern", [_DATELINE, _UPDATE_STAMP])
def test_a_line_prefix_is_removed_as_the_whole_line_substitution_removes_it(
        pattern: re.Pattern[str], line: str) -> None:
    """clean_article matches datelines and update stamps at a line's start only (issue 26: it
    scanned every character of every line of a cold poll's entries for them)."""
    assert _without_prefix(pattern, line) == pattern.sub("", line, count=1)

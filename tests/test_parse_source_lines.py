"""Feed text written as plain text: an RSS description typed HTML that lays out no lines with
elements (no tag at all, or only a link, an image, bold) keeps its own line breaks, so its
paragraphs stay sentence boundaries; hashes and content keys stay those of the reading before
(an install that stored the entry sees neither an edit nor a new entry)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import bot.feeds.parse
from bot.feeds.cleaning import article_text
from bot.feeds.html import content_hash, html_to_text
from bot.feeds.identity import make_key
from bot.feeds.parse import parse_feed
from bot.summarize.text import split_sentences
from tests.conftest import shared_path

URL = "https://news.example.com/feeds/main.xml"
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def rss(items: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>F</title>'
            f"<link>https://news.example.com/</link>{items}</channel></rss>").encode()


def _one_text(description: str, reader: str, monkeypatch: pytest.MonkeyPatch) -> str:
    if reader == "feedparser":
        monkeypatch.setattr(bot.feeds.parse, "read_fast", lambda *args: None)
    feed = parse_feed(rss(f"<item><guid>g1</guid><title>T</title><description><![CDATA["
                          f"{description}]]></description></item>"), url=URL, now=NOW)
    return feed.items[0].text


READERS = pytest.mark.parametrize("reader", ["fast", "feedparser"])


@READERS
def test_plain_text_description_keeps_its_paragraphs(
        reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = _one_text("De ploeg speelt om 12.15 uur\n\nVandaag staat de wedstrijd op het "
                     "programma.\nDe kassa &amp; de shop zijn dicht", reader, monkeypatch)
    assert text == ("De ploeg speelt om 12.15 uur\n\nVandaag staat de wedstrijd op het "
                    "programma.\nDe kassa & de shop zijn dicht")
    assert split_sentences(text, "nl")[:2] == ["De ploeg speelt om 12.15 uur",
                                               "Vandaag staat de wedstrijd op het programma."]


@READERS
def test_inline_markup_without_blocks_keeps_line_breaks(
        reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """An image and a link, and a heading line over its paragraph: the writer's layout."""
    text = _one_text('<img src="/a.jpg" alt="" />MATCHDAY Utrecht - Twente, 20.00 uur\n\n'
                     'Tickets zijn <a href="/t">online</a> te koop\n<strong>Stevig materiaal'
                     '</strong>\nEen tas moet stevig zijn, en\nniet te zwaar.', reader,
                     monkeypatch)
    assert text.split("\n") == ["MATCHDAY Utrecht - Twente, 20.00 uur", "",
                                "Tickets zijn online te koop", "Stevig materiaal",
                                "Een tas moet stevig zijn, en niet te zwaar."]


@READERS
def test_a_hard_wrap_before_an_indented_line_is_a_space(
        reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretty-printed feeds wrap long descriptions and indent the rest (rss_0.92_spec_1)."""
    text = _one_text('Kevin started a <a href="/d">Grateful\n        Dead Weblog</a>. Hey it is '
                     "cool.\n        <i>A Frontier feature.</i>", reader, monkeypatch)
    assert text == "Kevin started a Grateful Dead Weblog. Hey it is cool. A Frontier feature."


@READERS
def test_markup_that_lays_out_lines_reads_as_a_browser_does(
        reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = _one_text("<p>One sentence goes\nOn in the source.</p><p>Two.</p>", reader,
                     monkeypatch)
    assert text == "One sentence goes On in the source.\n\nTwo."


def test_html_to_text_source_lines_only_when_asked() -> None:
    html = "Kop\n\nTekst <b>vet</b>\nRegel"
    assert html_to_text(html) == "Kop Tekst vet Regel"
    assert html_to_text(html, source_lines=True) == "Kop\n\nTekst vet\nRegel"


@READERS
def test_hash_and_content_key_stay_those_of_the_earlier_reading(
        reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry with neither guid, link nor title is keyed by its content; an install holding
    it (and entries stored before raw hashes were kept) compares content hashes. Both are taken
    of the text as read before, even where the new reading differs in more than whitespace
    (the dateline at a paragraph's start is now cut)."""
    description = "Het eerste bericht van vandaag.\n\nBERLIN (dpa) - Het tweede bericht volgt."
    if reader == "feedparser":
        monkeypatch.setattr(bot.feeds.parse, "read_fast", lambda *args: None)
    body = rss(f"<item><description>{description}</description></item>"
               f"<item><description>Iets anders.</description></item>")
    item = parse_feed(body, url=URL, now=NOW).items[0]
    before = article_text(description)  # the earlier reading: line breaks are spaces
    assert before == ("Het eerste bericht van vandaag. BERLIN (dpa) - Het tweede bericht "
                      "volgt.")
    assert item.text == "Het eerste bericht van vandaag.\n\nHet tweede bericht volgt."
    assert item.id_kind == "content"
    assert item.entry_key == make_key("content", f"\x1f{before}")
    assert item.content_hash == content_hash(before.split("\n", 1)[0], before)
    assert item.title == "Het eerste bericht van vandaag."  # the headline falls back to line 1


@READERS
def test_an_entry_read_as_before_hashes_as_before(
        reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if reader == "feedparser":
        monkeypatch.setattr(bot.feeds.parse, "read_fast", lambda *args: None)
    body = rss("<item><title>T</title><description>&lt;p&gt;A story.&lt;/p&gt;</description>"
               "</item><item><title>U</title><description>Other.</description></item>")
    item = parse_feed(body, url=URL, now=NOW).items[0]
    assert item.content_hash == content_hash("T", "A story.")


def test_a_real_dutch_feed_keeps_its_headings_and_lists_apart() -> None:
    """fcutrecht.net's descriptions: an image and a link in plain text, paragraphs by blank
    lines, a referee list a line per name. Read as HTML they ran into one another."""
    path = shared_path("feeds", "real-world", "netnewswire_rsparser", "phpxml.rss")
    items = {item.title: item for item in parse_feed(path.read_bytes(), url=path.as_uri()).items}
    referees = split_sentences(
        items["Serdar Gözübüyük scheidsrechter bij FC Twente - FC Utrecht"].text, "nl")
    assert referees[:3] == ["1️⃣ Serdar Gözübüyük", "🚩 Joost van Zuilen", "🚩 Johan Balder"]
    matchday = split_sentences(items["MATCHDAY FC Utrecht – Feyenoord #utrfey"].text, "nl")
    assert matchday[:2] == ["MATCHDAY FC Utrecht – Feyenoord, 12.15 uur",
                            "Vandaag staat de Eredivisie wedstrijd tegen Feyenoord op het "
                            "programma."]

"""Selection that keeps what the headline promises (issue 11, second pass)."""

from __future__ import annotations

import json

from bot.feeds.parse import parse_feed
from bot.models import Article
from bot.summarize import ExtractiveSummarizer
from tests.conftest import shared_path

S = ExtractiveSummarizer()

_PLANS = (
    "You may have noticed the website has had a bit of a refresh today.\n"
    "We have made it a little easier for people to navigate the site according to how they "
    "want to use the product and its many parts.\n"
    "We have also distinguished the hosted services a little more, to make it clear what the "
    "hosted offering gives to developers who build on it.\n"
    "Trying to keep things simple, there are now just two plans for communities and firms.\n"
    "The baseline plan replaces the old Nickel and Silver plans of the service.\n"
    "Either way, it costs $3 per monthly active user, billed each month.\n"
    "The main gist of the new plans is to simplify the naming and align the support we offer."
)


def test_a_pricing_headline_gets_a_price_point() -> None:
    # Finding 2: prices in a pricing story. The headline promises plans; a point states one.
    title = "Simpler plans for the service, on-premise and cloud"
    brief = S.brief(Article(title=title, text=_PLANS))
    assert any("$3" in p.text for p in brief.points), [p.text for p in brief.points]


def test_a_price_counts_only_under_a_pricing_headline() -> None:
    # The same text under a headline about something else: a price earns no extra credit.
    brief = S.brief(Article(title="A refreshed website for the service", text=_PLANS))
    assert not any("$3" in p.text for p in brief.points), [p.text for p in brief.points]


def test_shared_element_pricing_story_states_a_price() -> None:
    path = shared_path("feeds", "real-world", "feed_rs", "rss2", "rss_2.0_element_io.xml")
    item = parse_feed(path.read_bytes(), url="https://example.org/feed").items[0]
    brief = S.brief(Article(title=item.title, text=item.text, lang=item.lang))
    assert any("$3" in p.text or "$4" in p.text for p in brief.points), brief.points


# Issue 28: readers marked briefs down when the story's central event was missed for
# background and the opening anecdote. A sentence that carries the headline's terms tells the
# event (feature `headline_cover`). A wire_dev story (NPR) as scraped: before the feature, its
# brief was the Fannie Mae anecdote and a sentence about a surprised economist.


def test_the_sentence_telling_the_headline_event_is_a_point() -> None:
    path = shared_path("articles", "wire_dev.jsonl")
    title = "The Federal Deficit Is Actually Shrinking"
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    row = next(r for r in rows if r["title"] == title)
    brief = S.brief(Article(title=title, text=row["text"], lang="en"))
    texts = [p.text for p in brief.points]
    assert any(t.startswith("The federal deficit is shrinking rather quickly") for t in texts), \
        texts

"""English points that lean on what the brief does not show, and lines that are not prose
(issue 28, held-out blind read): a pointer elsewhere in the text ("the table below", "the
following"), a demonstrative for a thing told before ("this standard order"), a discourse
marker answering the sentence before ("Of course,", "In fact,"), an afterthought ("Or just
general apps."), a list item or a show's link line, and an item of one or two words."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer
from bot.summarize.extractive import refers_back
from bot.summarize.segment import not_prose

S = ExtractiveSummarizer()


def _points(title: str, text: str) -> list[str]:
    return [p.text for p in S.brief(Article(title=title, text=text, lang="en")).points]


# Found on the dev sets (real-world feed items 0:2, wire_dev, BBC) or named by the readers.
@pytest.mark.parametrize("sentence", [
    "Keyboard Maestro recognizes this standard order when it shows a shortcut in its menus.",
    "In a tacit recognition that this approach isn’t working, O’Rourke is planning to try "
    "again.",
    "I’ll briefly touch on those things below.",
    "Looking at the pretty apps screen above, you can tell which one is the new launcher.",
    "The results, as shown here, favour the new drug over the old one.",
    "The following enumerated values are used to denote the urgency of an operation.",
    "For readers not interested in the cryptographic details, feel free to skip to the demo "
    "below!",
    "As you can see above, we’ve got five main areas we see power meters placed today.",
    "In Europe the US folks get caught up on the whole MAP thing I mentioned earlier on.",
    "There are likely more power meters I haven’t listed here.",
])
def test_a_pointer_elsewhere_leans_back(sentence: str) -> None:
    assert refers_back(sentence, "en"), sentence


# Openings readers named, and ones found on the dev sets, that answer the sentence before.
@pytest.mark.parametrize("sentence", [
    "Of course, nobody asked the users what they wanted from the redesign.",
    "Of course the board had already approved the sale by then.",
    "In fact, by the time we all head to the voting booth, $6 billion will have been spent.",
    "To be sure, Barrett won his own city proper in a landslide in 2010.",
    "On top of that, 89,000 tonnes of food and vegetable oil will be needed.",
    "By contrast the confusing menus of Max's 3G phone simply get in the way.",
    "Anyway, I finally found time and motivation to pick this up again.",
    "As such, I’ve only been using Twitter for cross posting from my blog.",
    "Now technically, it’s semi-annual since it happens now and in the spring.",
    "For example, Facebook gets an early heads up about apps that are becoming hits.",
    "That said, the plan is sound and the money is there.",
])
def test_a_discourse_marker_leans_back(sentence: str) -> None:
    assert refers_back(sentence, "en"), sentence


# Comparisons and times that read like pointers, and openings that stand alone.
@pytest.mark.parametrize("sentence", [
    "The minimum wage is £4.85 per hour for those aged 22 and above, and £4.10 below that.",
    "Crude oil prices surged back above the $47 a barrel mark on Thursday.",
    "The concert will be broadcast on Radio 3 the following evening.",
    "Over the following 70 or 80 million years, the rate of evolution accelerated.",
    "We noted earlier this month that the plan would fail without new money.",
    "Unlike anything seen before, the storm flattened whole towns on the coast.",
    "After all the votes were counted, the mayor conceded the race.",
    "Separately, investment bank Goldman Sachs produced research showing a rise.",
    "Well, it's goodbye to another Olympic year and as usual there were highs and lows.",
])
def test_a_comparison_or_a_time_does_not_lean_back(sentence: str) -> None:
    assert not refers_back(sentence, "en"), sentence


def test_a_pointer_loses_to_the_news_unless_its_referent_is_shown() -> None:
    text = (
        "Beto O’Rourke’s campaign launched in March with a cross-country road trip and "
        "livestreamed visits to diners.\n\n"
        "Since then, the buzz surrounding the former congressman has evaporated in every "
        "national poll.\n\n"
        "His fundraising also dropped to $3.6 million in the second quarter of the year.\n\n"
        "Party officials in Iowa say voters have moved on to other candidates.\n\n"
        "In a tacit recognition that this approach isn’t working, O’Rourke is planning a "
        "reintroduction ahead of next month’s Democratic presidential debate."
    )
    points = _points("O’Rourke plans a reintroduction of his presidential campaign", text)
    assert not any(p.startswith("In a tacit recognition") for p in points), points
    assert len(points) == 3


def test_a_point_opening_of_course_loses_when_what_it_answers_is_not_shown() -> None:
    text = (
        "The city council approved the new budget on Tuesday by seven votes to two.\n\n"
        "It raises spending on schools by 4% and on road repairs by 9%.\n\n"
        "Property taxes will rise by 2% for the first time in six years.\n\n"
        "The mayor called the vote a turning point for the city’s finances.\n\n"
        "Of course, nobody asked the residents of the northern districts about the new "
        "budget and its property taxes."
    )
    points = _points("City council approves budget with property tax rise", text)
    assert not any(p.startswith("Of course") for p in points), points


def test_an_afterthought_is_no_point_even_in_a_short_item() -> None:
    # Real-world item: two short sentences, the second an afterthought with no verb.
    assert _points("My apps", "I use it for photos. Or just general apps.") == [
        "I use it for photos."]
    assert not_prose("Or just general apps.", "en") == "afterthought"

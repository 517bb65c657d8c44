"""English feed items' lines that say little as a point (issue 28, stop 48's read of
real-world feed items): a how-to's step given as its action's label, a line that only says
where a link is, a greeting before a lower-case sentence, Markdown link markup, a guessing
teaser, a sign-off, a paper's closing hope, an aside to a named addressee, a show notes'
writer's joke about themselves; each with the prose of the same shape that stays prose. The
texts are made up in the shape of the items readers marked down (rf26, rf102, rf117, rf308,
rf338, rf364, rf456, rf578, rf702, rf704, rf750, rf757); none is copied from ../shared."""

from __future__ import annotations

import pytest

from bot.summarize import segment
from bot.summarize.lang.en.select import weak
from tests.support.english import points


@pytest.mark.parametrize("line", [
    "Add Notes to Things: This asks you which area the notes should go into.",
    "Pick from Menu: Here’s where you choose the feed you want to read.",
    "Ask for Text: The first thing it does is take one or more reminders.",
    "Repeat with Each: It resizes every photo.",
])
def test_a_steps_label_with_a_linking_word_is_a_caption(line: str) -> None:
    # Before: only a label of capitalised words was one ("Count: This checks for input.").
    assert segment.not_prose(line, "en") == "caption", line


@pytest.mark.parametrize("line", [
    "You can get the shortcut here: Notes To Things",
    "You can find the slides here.",
    "You can view the whole script on Github here.",
    "Read the court ruling here.",
    "Your show notes writer fell asleep.",
])
def test_a_pointer_to_a_link_or_the_notes_writers_aside_is_filler(line: str) -> None:
    assert segment.not_prose(line, "en") == "filler", line


@pytest.mark.parametrize("line", [
    "You can read here why the vote failed in the Senate.",
    "Read how the council spent the money here and in Leeds last year, the report says.",
    "The show's author, Jane Doe, said the series would end in May.",
    "We were here.",
])
def test_prose_with_here_or_a_colon_is_still_prose(line: str) -> None:
    assert segment.not_prose(line, "en") not in {"filler", "caption"}, line


def test_a_workflow_post_keeps_its_description_and_drops_step_and_link_lines() -> None:
    text = (
        "This is a small Shortcut which lets you send Markdown formatted notes to the "
        "area you pick in Things\n\nSteps:\n\n"
        "Count: This checks for text.\n\n"
        "Get Variable: Get the text you gave the Shortcut\n\n"
        "Add Notes to Things: This asks you which area the notes should go into: "
        "Inbox, Today, Area, Project, or Heading.\n\n"
        "You can get the shortcut here: Notes To Things")
    got = points("Shortcut: Notes to Things", text)
    assert got == ["This is a small Shortcut which lets you send Markdown formatted notes to "
                   "the area you pick in Things"], got


@pytest.mark.parametrize("line", [
    "Hello, lately I moved my home router to a pfsense box to keep my network apart.",
    "Hi all, quick question about my NAS build.",
])
def test_a_greeting_before_a_lower_case_sentence_is_weak(line: str) -> None:
    assert weak(line), line


@pytest.mark.parametrize("line", [
    "Hello Games, Sean Murray's studio, announced a new game on Tuesday.",
    "Hi-tech firms rose 3% on Friday.",
    "Hey Jude, the Beatles song, topped the charts for nine weeks.",
])
def test_a_name_opening_on_a_greeting_word_is_not_weak(line: str) -> None:
    assert not weak(line), line


def test_a_forum_posts_greeting_gives_way_to_its_setup() -> None:
    text = (
        "Hello, lately I moved my home router to a pfsense box to keep my network apart. "
        "I run a few things at home like most people here (dns filter, media server, backups) "
        "but I also run some public websites for a couple of customers.\n\n"
        "I plan to put all the public websites in a DMZ and give the home services their own "
        "VLAN. The catch is that some home services are reachable from outside and I want "
        "all traffic to go through a single reverse proxy.\n\n"
        "Thanks in advance.")
    got = points("DMZ, VLANs and one reverse proxy", text)
    assert not any(p.startswith("Hello") for p in got), got
    assert len(got) == 3, got


def test_a_guessing_teaser_is_filler_and_a_quoted_question_is_not() -> None:
    # rf117's shape: a joke under the episode's topics that names nothing.
    assert segment.not_prose(
        "Also: guess which host likes juggling melons on air.", "en") == "filler"
    assert segment.not_prose("'And guess what?", "en") != "filler"


@pytest.mark.parametrize("line", [
    "I talked about my shortcut - you can get it over on [Shortcuts.site]()"
    "https://shortcuts.example) which we skipped this week.",
    "See the [release notes](https://example.org/notes) for the full list.",
])
def test_markdown_link_markup_left_in_a_sentence_is_cut_text(line: str) -> None:
    assert segment.not_prose(line, "en") == "cut", line


def test_brackets_in_prose_are_no_markdown() -> None:
    assert segment.not_prose(
        "The index [of prices] (a measure of inflation) rose 3% in May.", "en") is None


@pytest.mark.parametrize("line", [
    "I hope you really enjoyed it!",
    "I hope to see some of you there!",
    "We believe the toolkit will contribute towards wider use of gene editing by "
    "researchers across the crop science community.",
])
def test_a_sign_off_or_a_papers_closing_hope_is_filler(line: str) -> None:
    assert segment.not_prose(line, "en") == "filler", line


@pytest.mark.parametrize("line", [
    "I hope he comes back to the idea that his songs belong to everyone.",
    "We believe the company will report a loss of $2 billion, analysts at UBS wrote.",
    "We expect most Ruby developers to choose the standard environment.",
])
def test_a_hope_about_others_or_a_forecast_is_prose(line: str) -> None:
    assert segment.not_prose(line, "en") is None, line


@pytest.mark.parametrize("line", [
    "Well gosh, Walgreens, I suppose I just don’t get it.",
    "Yes, Australian listeners, we've heard about your odd light switches.",
    "Here’s where you can follow me, once you’re signed up: http://social.example/jdoe.",
])
def test_an_aside_to_a_named_addressee_or_a_follow_me_signpost_is_filler(line: str) -> None:
    assert segment.not_prose(line, "en") == "filler", line


@pytest.mark.parametrize("line", [
    "Yes, the vote passed 52-48 on Tuesday.",
    "Well, I currently work in the data center area, where we support storage servers.",
    "No, Apple said, the iPhone would not ship before May.",
])
def test_an_interjection_before_prose_is_no_aside(line: str) -> None:
    assert segment.not_prose(line, "en") is None, line

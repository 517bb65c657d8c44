"""English feed items' points that are no prose that tells (issue 28, stop 48's read of
real-world feed items): a how-to's step given as its action's label ("Add TaskPaper to
OmniFocus: This asks you …"), a line that only says where a link goes ("You can get the
workflow here: Taskpaper To OF"), a show notes' writer's joke about themselves. The texts are
made up in the shape of the items readers marked down (rf338, rf750, rf757)."""

from __future__ import annotations

import pytest

from bot.summarize import segment
from bot.summarize.lang.en.select import weak
from tests.support.english import points


@pytest.mark.parametrize("line", [
    "Add TaskPaper to OmniFocus: This asks you to choose where you want to add the TaskPaper.",
    "Choose from List: Here’s where you choose the podcast you’re listening to.",
    "Ask for Input: The first thing I do is input one or several tasks.",
    "Repeat with Each: It checks every picture.",
])
def test_a_steps_label_with_a_linking_word_is_a_caption(line: str) -> None:
    # Before: only a label of capitalised words was one ("Count: This checks for input.").
    assert segment.not_prose(line, "en") == "caption", line


@pytest.mark.parametrize("line", [
    "You can get the workflow here: Taskpaper To OF",
    "You can find those slides here.",
    "You can view the full source code on Github here.",
    "Read the articles of impeachment here.",
    "Your show notes author tuned out.",
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
        "This is a very simple Workflow which allows you to add TaskPaper formatted tasks or "
        "projects to your preferred place in OmniFocus\n\nSteps:\n\n"
        "Count: This checks for input.\n\n"
        "Get Variable: Get the input you provided to the Workflow\n\n"
        "Add TaskPaper to OmniFocus: This asks you to choose where you want to add the "
        "TaskPaper: Inbox, Projects, Folder, Project, or Task.\n\n"
        "You can get the workflow here: Taskpaper To OF")
    got = points("Workflow: Taskpaper to OF", text)
    assert got == ["This is a very simple Workflow which allows you to add TaskPaper formatted "
                   "tasks or projects to your preferred place in OmniFocus"], got


@pytest.mark.parametrize("line", [
    "Hello, recently I converted my ISP router to an opnsense VM to make my network safer.",
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
        "Hello, recently I converted my ISP router to an opnsense VM to make my network safer. "
        "I host some internal stuff like almost everyone here does (pihole, media stack, NAS) "
        "but I also host some public-facing websites for some clients.\n\n"
        "I am thinking of creating a DMZ with all my public websites and a specific VLAN for "
        "internal services. The problem is that some internal services are exposed to the "
        "exterior and I like to have everything routed through one reverse proxy.\n\n"
        "Thank you in advance.")
    got = points("Trouble with DMZ, VLANS and Reverse Proxy", text)
    assert not any(p.startswith("Hello") for p in got), got
    assert len(got) == 3, got


def test_a_guessing_teaser_is_filler_and_a_quoted_question_is_not() -> None:
    # rf117's point 3 under the episode's topics: a joke that names nothing.
    assert segment.not_prose(
        "Also: guess which John enjoys throwing babies into the air.", "en") == "filler"
    assert segment.not_prose("'And guess what?", "en") != "filler"


@pytest.mark.parametrize("line", [
    "I did mention my automation - this is available over on [Sharecuts.app]()"
    "https://sharecuts.app) which we didn't get into this episode.",
    "See the [release notes](https://example.org/notes) for the full list.",
])
def test_markdown_link_markup_left_in_a_sentence_is_cut_text(line: str) -> None:
    assert segment.not_prose(line, "en") == "cut", line


def test_brackets_in_prose_are_no_markdown() -> None:
    assert segment.not_prose(
        "The index [of prices] (a measure of inflation) rose 3% in May.", "en") is None


@pytest.mark.parametrize("line", [
    "I hope you totally enjoyed it!",
    "I hope to see some of you there!",
    "We believe the toolkit will contribute towards wider adoption of the CRISPR/Cas genome "
    "editing technology by researchers across the plant science community.",
])
def test_a_sign_off_or_a_papers_closing_hope_is_filler(line: str) -> None:
    assert segment.not_prose(line, "en") == "filler", line


@pytest.mark.parametrize("line", [
    "I hope he comes back to the notion that his songs are the Great American Songbook.",
    "We believe the company will report a loss of $2 billion, analysts at UBS wrote.",
    "We expect most Ruby developers to choose the standard environment.",
])
def test_a_hope_about_others_or_a_forecast_is_prose(line: str) -> None:
    assert segment.not_prose(line, "en") is None, line


@pytest.mark.parametrize("line", [
    "Well god, CVS, I guess I really just don’t know.",
    "Yes, United Kingdom residents, we've seen the video about your ridiculous plugs.",
    "Here’s where you can follow me, once you’re on the system: http://micro.blog/brentsimmons.",
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

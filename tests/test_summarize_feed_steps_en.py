"""English feed items' points that are no prose that tells (issue 28, stop 48's read of
real-world feed items): a how-to's step given as its action's label ("Add TaskPaper to
OmniFocus: This asks you …"), a line that only says where a link goes ("You can get the
workflow here: Taskpaper To OF"), a show notes' writer's joke about themselves. The texts are
made up in the shape of the items readers marked down (rf338, rf750, rf757)."""

from __future__ import annotations

import pytest

from bot.summarize import segment
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

"""English spans their place shows to be no prose though each sentence reads as prose (issue
28, wire): an NPR slideshow's caption and an old headline printed as the body's first line."""

from __future__ import annotations

from bot.summarize.lang.en.segment.placed import old_headline
from tests.support.english import points as _points
from tests.support.english import sentences_and_starts as _split

OLD_HEADLINE = "A Battle Over Antibiotics In Organic Apple And Pear Farming"
NPR_BODY = (
    "Apples and especially pears are vulnerable to a bacterial infection called fire blight "
    "that can spread quickly, killing fruit trees and devastating whole orchards.\n\n"
    "For decades, growers have seen two antibiotics as vital weapons against the disease, even "
    "on organic apples and pears.\n\n"
    "But their use has raised questions about transparency in organic labeling, amid concerns "
    "about the overuse of antibiotics in food production.\n\n"
    "The national organic standards board voted to end the exemption for the two antibiotics."
)


def test_an_old_headline_on_the_bodys_first_line_is_no_point() -> None:
    # wire-nOa086j4wopLx4LM: the story's headline was changed; its old one opened the body.
    points = _points("Surprise: Organic Apples And Pears Aren't Free Of Antibiotics",
                     f"{OLD_HEADLINE}\n\n{NPR_BODY}")
    assert OLD_HEADLINE not in points, points


def test_only_a_title_case_first_line_of_its_own_is_a_heading() -> None:
    assert old_headline(*_split(f"{OLD_HEADLINE}\n\n{NPR_BODY}")) == {0}
    # sentence case, a closing mark, too few words, glued to the prose, not the first line
    for text in (
        f"A battle over antibiotics in organic apple and pear farming\n\n{NPR_BODY}",
        f"A Battle Over Antibiotics In Organic Apple And Pear Farming.\n\n{NPR_BODY}",
        f"Fire Blight\n\n{NPR_BODY}",
        f"{OLD_HEADLINE} {NPR_BODY}",
        f"{NPR_BODY}\n\n{OLD_HEADLINE}\n\nThe board meets again in the spring.",
    ):
        assert old_headline(*_split(text)) == set(), text


SLIDES = (
    "Hide caption The mayor's budget speeches often seem more about the big picture than her "
    "yearly addresses do. On May 5, she told college graduates that they were entering a "
    "\"healing\" city. Previous Next Sam Lee/AP\n\n"
    "Hide caption Compare that with four years ago, when she told another class it was leaving "
    "in times of \"extraordinary difficulty.\" Previous Next Jane Roe/Getty Images 1 of 2 i View "
    "slideshow"
)
SPEECH = (
    "This weekend, Mayor Jane Doe will give a speech that very likely won't be about the "
    "controversies of the moment.\n\n"
    "Every year, a few schools get the mayor as their commencement speaker, and this Sunday "
    "she will get a chance to describe the big picture.\n\n"
    "The graduation speeches the mayor gives almost seem to be her real addresses on the state "
    "of the city."
)
CAPTION_SENTENCES = (
    "The mayor's budget speeches often seem more about the big picture than her yearly "
    "addresses do.",
    "On May 5, she told college graduates that they were entering a \"healing\" city.",
)


def test_an_npr_slideshow_caption_is_no_point() -> None:
    # wire-y8igcek6TQ98n4NT: the caption's second sentence led the brief.
    text = f"{SLIDES}\n\n{SPEECH}"
    for kept in (text, text.replace("\n\n", " ")):  # with its lines and flattened
        points = _points("What graduation speeches say", kept)
        assert not set(CAPTION_SENTENCES) & set(points), points

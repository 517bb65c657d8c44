"""English definite descriptions (issue 28: "The flanker …" as a point when no point named
him): a point opening "The 45-year-old …" or "The flanker …" stands only under a chosen point
that names someone before it. Made-up text."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer
from bot.summarize.lang.en.names import DESCRIPTION, described, names_someone

S = ExtractiveSummarizer()


@pytest.mark.parametrize("opening", [
    "The 45-year-old was arrested at his home on Tuesday.",
    "The flanker, who joined from Leicester, was sent off.",
    "The first-term Democrat blasted the administration on Sunday.",
    "The 17-year-old Irish League midfielder was also chased by Rangers.",
])
def test_a_description_of_someone_is_told(opening: str) -> None:
    assert DESCRIPTION.match(opening)


@pytest.mark.parametrize("opening", [
    "The German government said it would not comment.",
    "The company said profits fell.",  # BACK's: leans on the sentence right before it
    "The 45 people on board were rescued.",
])
def test_other_openings_are_no_description(opening: str) -> None:
    assert not DESCRIPTION.match(opening)


def test_a_description_stands_under_any_sentence_naming_someone() -> None:
    candidates = [
        "Oscar host Chris Rock said he will avoid bad language at the awards.",
        "The ceremony is watched by millions every year.",
        "The 40-year-old comedian caused a furore last month.",
    ]
    assert described(candidates, 2) == frozenset({0})
    assert described(candidates, 0) is None  # the headline above it introduces the lede
    assert not names_someone("On Monday the nation's governors asked for help.")


# Made-up story in the shape of a wire story whose brief put "The first-term Democrat …"
# under a lede naming no one: the governor is named only in a sentence the brief skipped.
GOVERNORS = Article(
    title="Governors seeking help must navigate the White House",
    text=(
        "Amid an unprecedented public health crisis, the nation's governors are trying to get "
        "what they need from the federal government, and fast. "
        "Governor Anna Whitfield of Rhode Island has taken the loudest line of them all. "
        "The first-term Democrat blasted the administration on Sunday for failing to help "
        "states obtain masks, gloves and other protective gear. "
        "Governors from both parties are testing whether to fight or flatter, all in an "
        "attempt to get the attention of the federal agencies. "
        "On a private conference call on Thursday, governors from both parties pressed the "
        "federal agencies for help and for more protective gear. "
        "Some governors have gone public with their requests while others have kept quiet. "
        "The states have ordered masks from abroad in the meantime."
    ),
)


def test_a_description_is_no_point_without_the_name_it_leans_on() -> None:
    points = [p.text for p in S.brief(GOVERNORS).points]
    for k, point in enumerate(points):
        if point.startswith("The first-term Democrat"):
            assert any("Anna Whitfield" in p for p in points[:k]), points

"""Spans of English feed items that are not sentences of prose (issue 28, a blind read of feed
items): two sentences the splitter left glued after a bracket or a year. The text is made up in
the shape of the feed items the reader marked down."""

from __future__ import annotations

import pytest

from bot.summarize.text import split_paragraphs


@pytest.mark.parametrize("text, first", [
    # rf33: an abbreviation's period inside the bracket, the sentence's own after it
    ("In the lab I have three NUCs and a few smaller devices (an old Zotac, etc.). I’m "
     "looking for advice on security.",
     "In the lab I have three NUCs and a few smaller devices (an old Zotac, etc.)."),
    ("The deal was signed by the maker (Acme Inc.). Shares rose on the news.",
     "The deal was signed by the maker (Acme Inc.)."),
    # rf705: a year glued to the next sentence, as a feed's markup left it
    ("He was the first US envoy to visit the region since 2015.Over 120 people have "
     "protested in recent years.",
     "He was the first US envoy to visit the region since 2015."),
])
def test_two_sentences_glued_after_a_bracket_or_a_year_are_split(text: str, first: str) -> None:
    assert split_paragraphs(text, "en")[0][0] == first


@pytest.mark.parametrize("text", [
    "He bought shares of Apple Inc. last week.",
    "Update to iOS 9.Apple says it is fine.",  # one digit: a version, not a year
    "Read it at Micro.Blog today.",
])
def test_an_abbreviation_or_a_version_still_ends_no_sentence(text: str) -> None:
    assert split_paragraphs(text, "en") == [[text]]

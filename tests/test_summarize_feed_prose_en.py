"""Spans of English feed items that are not sentences of prose (issue 28, a blind read of feed
items): a greeting run into the post's first sentence, and two sentences the splitter left
glued after a bracket or a year. The text is made up in the shape of the feed items the reader
marked down."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, segment
from bot.summarize.text import split_paragraphs

S = ExtractiveSummarizer()


def _points(title: str, text: str) -> list[str]:
    return [p.text for p in S.brief(Article(title=title, text=text, lang="en")).points]


@pytest.mark.parametrize("text, greeting, sentence", [
    ("Hello all, I recently bought a 40G switch and some 40G cards for my rack.",
     "Hello all,", "I recently bought a 40G switch and some 40G cards for my rack."),
    ("Hi Jane, I am here now and ready to start.", "Hi Jane,",
     "I am here now and ready to start."),
    ("Hey everyone, i’m building a server for my home lab.", "Hey everyone,",
     "i’m building a server for my home lab."),
])
def test_a_greeting_run_into_a_sentence_is_its_own_span(
        text: str, greeting: str, sentence: str) -> None:
    # rf15: "Hello all, I recently acquired a 40G switch …" was point 1, greeting and all.
    assert split_paragraphs(text, "en") == [[greeting, sentence]]
    assert segment.not_prose(greeting, "en") == "greeting"


@pytest.mark.parametrize("text", [
    "Hey it's cool, he even has a directory of his own.",  # an interjection, not a greeting
    "Hi i’m looking to build a server to colocate.",  # no comma: one sentence
    # a cut would leave a point opening in lower case, as a fragment reads
    "Hello, recently I converted my router to a virtual machine.",
])
def test_a_greeting_word_opening_a_sentence_otherwise_is_no_cut(text: str) -> None:
    assert split_paragraphs(text, "en") == [[text]]


def test_a_greeting_and_one_sentence_give_one_point() -> None:
    for text in ("Hello Homelab-community! I’m planning an overhaul of my home network.",
                 "Hello all, I’m planning an overhaul of my home network."):
        assert _points("Security", text) == ["I’m planning an overhaul of my home network."]


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

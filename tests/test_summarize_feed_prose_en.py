"""Spans of English feed items that are not sentences of prose (issue 28, a blind read of feed
items): a subhead or a link title between paragraphs, a greeting run into the post's first
sentence, and two sentences the splitter left glued after a bracket or a year. The text is
made up in the shape of the feed items the reader marked down."""

from __future__ import annotations

import pytest

from bot.summarize import segment
from bot.summarize.lang.en.segment.subhead import subheads
from bot.summarize.text import split_paragraphs
from tests.support.english import points as _points
from tests.support.english import sentences_and_starts as _split

SURF = (
    "Surfer Ann Lee didn’t catch any waves when she went out on Sunday, but she did come back "
    "with a story. As she sat on her board, something large swam up to her from below.\n\n"
    "“First I thought it was a seal and I thought, ‘What is he doing?’ ” she said. “And he kind "
    "of landed on my board. Then I realized he had taken a chunk. And I was, like, that’s not "
    "what seals do.”\n\n"
    "Better the board than her hand\n\n"
    "That is indeed not what seals do.\n\n"
    "∞ Permalink"
)


def test_a_subhead_between_paragraphs_is_no_point() -> None:
    # rf337: "Better the board than her hand" was point 3, no verb and no closing mark.
    points = _points("Link: That’s Not What Seals Do", SURF)
    assert "Better the board than her hand" not in points, points
    assert points[0].startswith("Surfer Ann Lee"), points


@pytest.mark.parametrize("line", [
    "Why the new numbers matter",
    "Differences between these two kinds of contract",
    "John's \"pile\" metaphor",  # a possessive is no verb
    "Activity reports and App Limits",  # a plural before "and", no verb
    "How Apple makes its new chips",  # a wh-word opens a clause, no sentence
    "New Mac APIs for developers",  # a plural of capitals
    "Three new phones for the summer",  # a plural after an adjective
    # a linked video's title: long, but title case and no verb
    "Part 1: Original Phone Engineers Ann Lee and Bo Kim in Conversation with Cy Park",
])
def test_a_short_or_title_case_line_with_no_verb_after_prose_is_a_subhead(line: str) -> None:
    sentences, starts = _split(f"The team met on Monday to plan the launch.\n\n{line}\n\n"
                               "The launch is set for June.")
    assert subheads(sentences, starts) == {1}, sentences


@pytest.mark.parametrize("text", [
    # the body's first line: a Reddit post written with no closing marks is prose
    "So i was wondering if it is possible to pass a whole slot through to the guest\n\n"
    "What i want is a setup where any device plugged in is passed through.",
    # a line with a verb, even with no closing mark (a bullet of a BBC explainer)
    "Nato was set up in 1949.\n\nOriginally had 12 members, but now has 29\n\nIt meets yearly.",
    # a long line in sentence case
    "The team met on Monday.\n\nThe newest members of the team from the two offices in the "
    "north of the country\n\nThey agreed.",
    # a line after a sentence of its own paragraph, and a line before any prose
    "Seals do not bite boards. Better the board than her hand",
    "Better the board than her hand\n\nSeals do not bite boards.",
    # a line the next sentence of its paragraph follows (a greeting cut off its sentence)
    "The team met on Monday to plan the launch.\n\nHi Jane, I am here now and ready to start.",
    # a lead-in, and a contraction's "'s" (a verb)
    "The team met on Monday to plan the launch.\n\nNext steps:\n\nThe launch is in June.",
    "The team met on Monday to plan the launch.\n\nHere’s the new plan\n\nIt is set.",
    # a short question is no prose that tells something: the line after it is no subhead
    # (a USGS item's depth after its map's link, review of issue 28)
    "ShakeMap - II DYFI?\n\n29.35 km (18.24 mi)",
])
def test_prose_and_first_lines_are_no_subheads(text: str) -> None:
    assert subheads(*_split(text)) == set(), text


def test_a_shows_link_titles_after_a_short_opening_are_no_last_resort() -> None:
    # rf444, an ATP episode's notes with one section head: its only candidate was a topic line
    # ("Activity reports and App Limits"); a link title is a point only when no other line is.
    # (The real notes' "UIKit apps on Mac" reads as a headline with a verb, and is a point.)
    text = ("We're live from WWDC!\n\niOS 12\n\nSiri Shortcuts\n\n"
            "Activity reports and App Limits\n\nNotification management\n\n"
            "Memoji\n\nSponsored by:\n\n"
            "Acme: Build intelligent apps that scale.")
    assert _points("277: You're Not a Mac App Yet", text) == ["We're live from WWDC!"]


@pytest.mark.parametrize("text, points", [
    # Only prose that tells something counts as prose before a subhead: not a greeting, a
    # credit, a shard or a note; the line after one is the item's news (review of issue 28).
    ("Hi all!\n\nQuestion about ZFS pools and RAM", ["Question about ZFS pools and RAM"]),
    ("Photo: AP.\n\nMagnitude 7.1 quake strikes off Japan coast",
     ["Magnitude 7.1 quake strikes off Japan coast"]),
    ("Final score.\n\nArsenal 2, Chelsea 1", ["Arsenal 2, Chelsea 1"]),
    ("Updated 5 minutes ago.\n\nMagnitude 6.1 earthquake near Tokyo",
     ["Magnitude 6.1 earthquake near Tokyo"]),
    # A headline's verb in the present is a verb: the line is the news, no subhead.
    ("Good morning.\n\nFed cuts rates by half a point\n\nOil jumps after OPEC output deal",
     ["Fed cuts rates by half a point", "Oil jumps after OPEC output deal"]),
    ("Need help.\n\nMy Synology NAS randomly reboots at night\n\nAny ideas why?",
     ["My Synology NAS randomly reboots at night"]),
    ("Top stories this morning.\n\nApple Unveils New MacBook Pro With M4 Chip And Longer "
     "Battery Life\n\nTesla Recalls 2 Million Cars Over Autopilot Safety Concerns",
     ["Apple Unveils New MacBook Pro With M4 Chip And Longer Battery Life",
      "Tesla Recalls 2 Million Cars Over Autopilot Safety Concerns"]),
    # A list under its lead-in is points when nothing else is, as ``list_lines`` has it.
    ("iOS 18.1 is out now.\n\nNew in this release:\n\nApple Intelligence for US users\n\n"
     "Dark mode for all widgets\n\nA new Siri design",
     ["iOS 18.1 is out now.", "Apple Intelligence for US users", "Dark mode for all widgets"]),
])
def test_a_short_items_news_line_is_no_subhead(text: str, points: list[str]) -> None:
    assert _points("T", text) == points


def test_a_subhead_is_a_point_when_no_other_line_is() -> None:
    # A terse line after a sentence that tells something is a subhead, yet the item's one other
    # line (a piece of a quotation left open) is no point: the subhead is the last resort.
    text = "“We did it all.\n\nMagnitude 6.1 earthquake near Tokyo"
    assert subheads(*_split(text)) == {1}
    assert _points("T", text) == ["Magnitude 6.1 earthquake near Tokyo"]


@pytest.mark.parametrize("text, greeting, sentence", [
    ("Hello all, I recently bought a 40G switch and some 40G cards for my rack.",
     "Hello all,", "I recently bought a 40G switch and some 40G cards for my rack."),
    ("Hi Jane, I am here now and ready to start.", "Hi Jane,",
     "I am here now and ready to start."),
    ("Hey everyone, i’m building a server for my home lab.", "Hey everyone,",
     "i’m building a server for my home lab."),
    ("Hello r/homelab, I’m planning an overhaul of my home network.", "Hello r/homelab,",
     "I’m planning an overhaul of my home network."),
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
    # a name that opens on a greeting word, before its appositive (review of issue 28)
    "Hello Games, Sean Murray's studio, announced a new game on Tuesday in London.",
    "Hey Siri, Apple's voice assistant, now works in cars.",
    "Hello Kitty, Sanrio's best-known character, turns 50 this year.",
    "Hey Jude, The Beatles song, topped the charts in 1968.",
    "Hey Jude, a song by the band, topped the charts, then stayed there.",
    "Hi Tech Corp, Intel and AMD said on Monday they would merge.",
    # reported speech
    "Hey Mom, I am OK, the text read, minutes after the shooting began.",
])
def test_a_greeting_word_opening_a_sentence_otherwise_is_no_cut(text: str) -> None:
    assert split_paragraphs(text, "en") == [[text]]


def test_a_greeting_before_one_word_and_a_mark_is_no_cut() -> None:
    # "Hello, World!" names a program: the greeting greets no one.
    text = "Hello, World! Program turns 50 this year, its author said."
    assert split_paragraphs(text, "en") == [
        ["Hello, World!", "Program turns 50 this year, its author said."]]


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
    # a quotation closing after the bracket's mark (review of issue 28)
    ("He wrote: “I have three NUCs and other gear (an old Zotac, etc.).” Then he asked for "
     "advice on security.",
     "He wrote: “I have three NUCs and other gear (an old Zotac, etc.).”"),
    # rf705: a year glued to the next sentence, as a feed's markup left it
    ("He was the first US envoy to visit the region since 2015.Over 120 people have "
     "protested in recent years.",
     "He was the first US envoy to visit the region since 2015."),
])
def test_two_sentences_glued_after_a_bracket_or_a_year_are_split(text: str, first: str) -> None:
    assert split_paragraphs(text, "en")[0][0] == first


@pytest.mark.parametrize("text", [
    "He bought shares of Apple Inc. last week.",
    # one digit: a version, not a year (a head of six words, as the rule needs)
    "Users were told to update their phones to iOS 9.Apple says it is fine.",
    "Update to iOS 10.Apple says it is fine.",  # a head too short to be a sentence
    "She moved her whole blog over to Micro.Blog today.",  # too few words after the mark
    "Col. (ret.) John Smith said the plan was sound.",  # a rank's mark in brackets
])
def test_an_abbreviation_or_a_version_still_ends_no_sentence(text: str) -> None:
    assert split_paragraphs(text, "en") == [[text]]


def test_a_subheads_verb_test_is_the_segment_rules_one(monkeypatch: pytest.MonkeyPatch) -> None:
    # Whole-stop review 47, finding 7: one verb table, so a fix to ``verbs`` reaches subheads.
    from bot.summarize.lang.en.segment import subhead, verbs
    assert subhead.CONTRACTED is verbs.CONTRACTED
    assert not hasattr(subhead, "PUNCTUATION")
    line = "Better the board than her hand"
    assert subhead._has_verb(line) is False
    monkeypatch.setattr(subhead, "present_s_at", lambda words, i: True)
    assert subhead._has_verb(line) is True

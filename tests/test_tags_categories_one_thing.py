"""A brief's tags name each thing once (issue 28, the stop-46 feed-items read): a plural
beside its singular is one tag, and so is a word beside the kind of it among one item's feed
categories ("#macbooks #macs #laptops #macbook" "repeat each other"); a feed's section
category ("#blog") is no topic. These are English rules: another language's tags are one
thing only by their form (STYLE: an English rule cannot move Korean, Polish or German)."""

from __future__ import annotations

import pytest

from bot.summarize.tags import build_tags
from bot.tags import TagNormaliser


def _tags(categories: list[str], keywords: list[str], lang: str = "en") -> list[str]:
    return build_tags(categories, keywords, TagNormaliser(), 5, lang=lang)


def test_a_plural_beside_its_singular_and_a_category_beside_its_kind_are_one_tag() -> None:
    # Feed item rf629 (Macworld, "Best MacBook: Which Mac laptop should you buy?").
    assert _tags(["MacBooks", "Macs", "Laptops"], ["MacBook"]) == ["macbooks", "laptops"]


@pytest.mark.parametrize(("plural", "singular"), [
    ("Glasses", "Glass"), ("Buses", "Bus"), ("Boxes", "Box"), ("Taxes", "Tax"),
    ("Watches", "Watch"), ("Movies", "Movie"), ("Cookies", "Cookie"), ("Batteries", "Battery"),
    ("MacBooks", "MacBook"), ("Smart Watches", "Smart Watch"),
])
def test_a_plural_and_its_singular_are_one_tag_either_way_round(plural: str, singular: str) -> None:
    assert len(_tags([plural], [singular])) == 1, _tags([plural], [singular])
    assert len(_tags([singular], [plural])) == 1, _tags([singular], [plural])


@pytest.mark.parametrize(("first", "second"), [
    # a bare "News" category is a site's section (review 48, finding 4): read as a keyword here
    (["Newcastle"], ["News"]), (["Newport"], ["News", "Newton"]), (["Arts"], ["Arthur"]),
    (["Cars"], ["Carter"]), (["Mars"], ["Marshall"]), (["Macs"], ["Macron"]),
    (["Sport"], ["Sportsman"]), (["Sun"], ["Sunderland"]), (["Star"], ["Starbucks"]),
    (["Pen"], ["Pentagon"]), (["Ban"], ["Bangladesh"]), (["Apple"], ["AppleWatch"]),
    (["New"], ["News"]), (["Series"], ["Sery"]), (["Texas"], ["Texa"]), (["Arms"], ["Arm"]),
    (["iOS"], ["io"]), (["Macs"], ["MacBook"]), (["Face"], ["Facebook"]),
])
def test_a_tag_that_opens_another_or_only_ends_like_a_plural_is_another_thing(
        first: list[str], second: list[str]) -> None:
    # The review of wt-tagen47 (finding 1): "#news" ate "#newcastle", "#macs" ate "#macron".
    # A keyword is never a kind of a category: "#macs" and a story's "MacBook" stay two.
    assert len(_tags(first, second)) == 1 + len(second), _tags(first, second)


@pytest.mark.parametrize(("categories", "keywords"), [
    (["Customs"], ["Custom"]), (["Goods"], ["Good"]), (["Mets"], ["Met"]),
    (["Face", "Facebook"], []), (["Notes", "Notebooks"], []), (["Hand", "Handbooks"], []),
])
def test_a_word_that_only_looks_like_a_plural_or_a_kind_is_another_thing(
        categories: list[str], keywords: list[str]) -> None:
    # Whole-stop review 47, finding 11: each pair is two things, categories or not.
    tags = _tags(categories, keywords)
    assert len(tags) == len(categories) + len(keywords), tags


def test_two_word_tags_and_words_that_are_no_plural_stay_apart() -> None:
    assert _tags(["Apple"], ["Apple Watch", "iOS", "macOS", "Status"]) == [
        "apple", "apple-watch", "ios", "macos", "status"]


def test_a_blog_s_section_category_is_no_tag() -> None:
    # Feed items rf511-rf516 (DC Rainmaker): "#blog" first on every post, "useless".
    assert _tags(["Blog", "Week in Review"], ["Garmin"]) == ["week-in-review", "garmin"]


def test_a_story_s_keyword_blog_is_read_as_a_topic_not_a_section() -> None:
    # Review finding 9: the headline rule ("Blog of the year") could never give "#blog".
    assert _tags([], ["Blog"]) == ["blog"]


def test_a_polish_or_german_item_s_tags_are_one_thing_only_by_their_form() -> None:
    # Polish feed rss_2.0_spreaker.xml, "Lwowska Fala odc. 78": Lwów and the programme.
    assert _tags(["fala", "kresy", "lwow", "lwowska"], [], "pl") == [
        "fala", "kresy", "lwow", "lwowska"]
    # German 3960.json: its "Blog" category, and a plural beside a singular, stay as written.
    assert _tags(["Blog"], ["Autos", "Auto"], "de") == ["blog", "autos", "auto"]


def test_hangul_and_mixed_tags_are_compared_by_their_form() -> None:
    assert _tags(["국회의원"], ["국회의원s", "국회의원book"]) == [
        "국회의원", "국회의원s", "국회의원book"]
    assert _tags(["정치인"], ["정치인"], "ko") == ["정치인"]

"""A brief's tags name each thing once (issue 28, the stop-46 feed-items read): a plural
beside its singular, or a word beside the one-word name that opens on it, is one tag
("#macbooks #macs #laptops #macbook" "repeat each other"); a feed's section category
("#blog") is no topic."""

from __future__ import annotations

from bot.summarize.tags import build_tags, singular_key
from bot.tags import TagNormaliser


def _tags(categories: list[str], keywords: list[str]) -> list[str]:
    return build_tags(categories, keywords, TagNormaliser(), 5)


def test_a_plural_beside_its_singular_and_a_word_beside_its_kind_are_one_tag() -> None:
    # Feed item rf629 (Macworld, "Best MacBook: Which Mac laptop should you buy?").
    assert _tags(["MacBooks", "Macs", "Laptops"], ["MacBook"]) == ["macbooks", "laptops"]


def test_a_blog_s_section_category_is_no_tag() -> None:
    # Feed items rf511-rf516 (DC Rainmaker): "#blog" first on every post, "useless".
    assert _tags(["Blog", "Week in Review"], ["Garmin"]) == ["week-in-review", "garmin"]


def test_two_word_tags_and_words_that_are_no_plural_stay_apart() -> None:
    assert _tags(["Apple"], ["Apple Watch", "iOS", "macOS", "Status"]) == [
        "apple", "apple-watch", "ios", "macos", "status"]
    assert [singular_key(k) for k in ("batteries", "glass", "analysis", "campus")] == [
        "battery", "glass", "analysis", "campus"]


def test_hangul_tags_are_compared_as_before() -> None:
    assert _tags(["정치"], ["국회", "국회의원"]) == ["정치", "국회", "국회의원"]

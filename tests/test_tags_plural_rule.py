"""One plural rule for a brief's tags and its subscribers (``bot.tags``; review 48, nits 6 and
7): the rule reads a tag without its hyphens, and a match is a few set look-ups."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.summarize.lang.en.tagging.one_thing import one_thing
from bot.tags import canonical_tag, same_tag, tag_forms, tag_in


@pytest.mark.parametrize(("one", "two", "same"), [
    ("macbooks", "macbook", True), ("batteries", "battery", True), ("glasses", "glass", True),
    ("consumer-goods", "consumer-good", False), ("small-arms", "small-arm", False),
    ("fox-news", "fox-new", False), ("jones", "jon", False), ("교수들", "교수", False)])
def test_the_brief_and_the_subscriber_read_one_plural_rule(one: str, two: str,
                                                           same: bool) -> None:
    # review 48, nit 6: same_tag("consumer-goods", "consumer-good") was True, one_thing False
    assert one_thing(one, two, False) is same
    assert same_tag(one, two) is same
    assert same_tag(canonical_tag(one), canonical_tag(two)) is same
    assert tag_in(two, frozenset({canonical_tag(one)})) is same


class _Unread(frozenset[str]):
    """A brief's tags that may be looked up but never scanned."""

    def __iter__(self) -> Iterator[str]:
        raise AssertionError("tag_in scanned every tag")


def test_a_tag_is_matched_by_look_ups_not_a_scan() -> None:
    # review 48, nit 7: tag_in compared the tag with every brief tag on a miss (~20x main)
    tags = _Unread({"climatechange", "macbooks", "un"})
    assert tag_in("#MacBook", tags) and tag_in("#Climate-Change", tags)
    assert not tag_in("#weather", tags)
    assert tag_forms("macbook") == {"macbook", "macbooks"}

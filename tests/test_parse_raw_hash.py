"""The raw hash of an entry's fields as the feed wrote them (bot.feeds.assemble.raw_hash)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.feeds.assemble import raw_hash


class NoRepr(str):
    """A text whose repr fails: the hash must read a text's characters, not its repr."""

    def __repr__(self) -> str:
        raise AssertionError("repr of a text")


def test_a_text_is_hashed_without_its_repr() -> None:
    # issue 26: repr of a whole article (every character escaped into a new string) was the
    # costliest step of a changed feed's parse
    article = NoRepr("<p>A long article.</p>" * 100)
    assert raw_hash("Title", [article], article) == raw_hash("Title", [str(article)],
                                                             str(article))


def test_the_same_fields_hash_the_same() -> None:
    when = datetime(2024, 5, 1, 12, tzinfo=UTC)
    fields = ("T", "https://x.example/a", None, ["<p>a</p>", None], "s", when, ("c",), None)
    assert raw_hash(*fields) == raw_hash(*fields)
    assert len(raw_hash(*fields)) == 40  # the store's column holds 40 characters


@pytest.mark.parametrize(("one", "other"), [
    (("ab", "c"), ("a", "bc")),
    ((["a", "b"],), (["ab"],)),
    ((None,), ("None",)),
    ((["a"], "b"), (["a", "b"],)),
    (("a", None), ("a", "")),
    ((datetime(2024, 5, 1, tzinfo=UTC),), (datetime(2024, 5, 2, tzinfo=UTC),)),
    (("café",), ("cafe\u0301",)),
])
def test_different_fields_hash_differently(one: tuple[object, ...],
                                           other: tuple[object, ...]) -> None:
    assert raw_hash(*one) != raw_hash(*other)


def test_a_lone_surrogate_is_hashed() -> None:
    # feedparser can hand one on from a broken character reference
    assert raw_hash("a\ud800b") != raw_hash("ab")

"""The stored hashes of an entry: their values are part of the store's format."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.feeds.assemble import RAW_HASH_MARK, legacy_raw_hash, raw_hash
from bot.feeds.html import content_hash

WHEN = datetime(2024, 5, 1, 12, tzinfo=UTC)
FIELDS = ("Title", "https://news.example/a", None, ["<p>A café.</p>", None], WHEN, ("c",))


def test_the_hashes_of_fixed_fields_do_not_move() -> None:
    # Changing any value is a change of the store's format, not a refactor: a stored raw hash
    # that no longer matches makes its entry look edited (re-cleaned, diffed, rewritten, and
    # an "Updated:" reply where a destination wants updates). A new format gets a new mark,
    # and the store compares a hash of an older one by that one's function (issue 26).
    assert raw_hash(*FIELDS) == "v2:d37c205cabf57d06907dae2e01697f3895bb1a39"
    assert legacy_raw_hash(*FIELDS) == "aff53e16c56a74f0716aaeb7cc1446cf45133fa6"
    assert content_hash("Title", "A café.") == (
        "99122744189840b6a7e835944b644a5c7790b13a57249bbfb085f88fbcb28669")


def test_a_raw_hash_is_marked_and_fits_the_column() -> None:
    assert raw_hash(*FIELDS).startswith(RAW_HASH_MARK)
    assert ":" not in legacy_raw_hash(*FIELDS)  # how the store tells the two apart
    assert len(raw_hash(*FIELDS)) <= 64  # entries.raw_hash since 0017_raw_hash_version


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


@pytest.mark.parametrize(("one", "other"), [
    (("ab", "c"), ("a", "bc")),
    ((["a", "b"],), (["ab"],)),
    ((None,), ("None",)),
    ((None,), ("",)),
    (("a", None), ("a", "")),
    ((["a"], "b"), (["a", "b"],)),
    ((["a"],), (("a",),)),
    ((["a", None],), (["a"], None)),
    # a field that holds what a frame looks like
    (("s1:a",), ("s1:", "a")),
    (("a", "s1:b"), ("as1:b",)),
    (("n",), (None,)),
    ((1,), ("1",)),
    ((1,), (True,)),
    ((datetime(2024, 5, 1, tzinfo=UTC),), (datetime(2024, 5, 2, tzinfo=UTC),)),
    (("café",), ("cafe\u0301",)),
    ((), ("",)),
])
def test_different_fields_hash_differently(one: tuple[object, ...],
                                           other: tuple[object, ...]) -> None:
    assert raw_hash(*one) != raw_hash(*other)


def test_a_lone_surrogate_is_hashed() -> None:
    # the readers now make a lone surrogate U+FFFD (bot.feeds.charrefs, the JSON reader),
    # but whatever one hands on, the hash must not be what kills a feed's parse
    assert raw_hash("a\ud800b") != raw_hash("ab")
    assert legacy_raw_hash("a\ud800b") != legacy_raw_hash("ab")
    assert content_hash("a\ud800b") == content_hash("a\ufffdb")

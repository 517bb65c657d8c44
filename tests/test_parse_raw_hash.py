"""The stored hashes of an entry: their values are part of the store's format."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.feeds.assemble import raw_hash
from bot.feeds.html import content_hash


def test_the_hashes_of_fixed_fields_do_not_move() -> None:
    # Changing either value is a change of the store's format, not a refactor: a stored raw
    # hash that no longer matches makes its entry look edited (re-cleaned, diffed, rewritten,
    # and an "Updated:" reply where a destination wants updates). Such a change needs an
    # upgrade path that tells an old hash from an edit (issue 26, stop 40's review).
    when = datetime(2024, 5, 1, 12, tzinfo=UTC)
    assert raw_hash("Title", "https://news.example/a", None, ["<p>A café.</p>", None], when,
                    ("c",)) == "aff53e16c56a74f0716aaeb7cc1446cf45133fa6"
    assert content_hash("Title", "A café.") == (
        "99122744189840b6a7e835944b644a5c7790b13a57249bbfb085f88fbcb28669")


def test_a_lone_surrogate_is_hashed() -> None:
    # the readers now make a lone surrogate U+FFFD (bot.feeds.charrefs, the JSON reader),
    # but whatever one hands on, the hash must not be what kills a feed's parse
    assert raw_hash("a\ud800b") != raw_hash("ab")
    assert content_hash("a\ud800b") == content_hash("a\ufffdb")

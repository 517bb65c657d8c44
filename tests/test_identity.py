"""The id chain: guid → link → title+date → content, with repeating kinds dropped per feed."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.feeds.identity import RawEntry, assign_keys, make_key

D1 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
D2 = datetime(2024, 5, 2, 12, 0, tzinfo=UTC)


def entry(guid: str | None = None, link: str | None = None, title: str = "",
          text: str = "", published: datetime | None = None) -> RawEntry:
    return RawEntry(guid=guid, link=link, title=title, text=text, published=published)


def test_unique_guids_are_used() -> None:
    keys = assign_keys([entry("a", "http://x/1", "One"), entry("b", "http://x/2", "Two")])
    assert [kind for _, kind in keys] == ["guid", "guid"]
    assert keys[0][0] == make_key("guid", "a")
    assert keys[0][0].startswith("g:") and len(keys[0][0]) == 34


def test_same_entry_same_key_across_polls() -> None:
    first = assign_keys([entry("a", title="One"), entry("b", title="Two")])
    # Next poll: a new entry on top, and entry "a" was edited; its key must not change.
    second = assign_keys([entry("c", title="Three"), entry("a", title="One (updated)"),
                          entry("b", title="Two")])
    assert second[1] == first[0]
    assert second[2] == first[1]


def test_repeated_guid_drops_guid_kind_for_the_whole_feed() -> None:
    entries = [entry("same", "http://x/1", "One"), entry("same", "http://x/2", "Two"),
               entry("unique", "http://x/3", "Three")]
    keys = assign_keys(entries)
    # Even the entry with a unique guid uses the link: one feed, one kind.
    assert [kind for _, kind in keys] == ["link", "link", "link"]
    assert len({key for key, _ in keys}) == 3
    assert keys[2][0] == make_key("link", "http://x/3")


def test_repeated_guid_and_link_fall_to_title_date() -> None:
    entries = [entry("g", "http://x/", "One", published=D1),
               entry("g", "http://x/", "Two", published=D1)]
    keys = assign_keys(entries)
    assert [kind for _, kind in keys] == ["title_date", "title_date"]
    assert keys[0][0] != keys[1][0]


def test_same_title_different_dates_are_distinct() -> None:
    entries = [entry(title="Daily update", published=D1), entry(title="Daily update", published=D2)]
    keys = assign_keys(entries)
    assert [kind for _, kind in keys] == ["title_date", "title_date"]
    assert keys[0][0] != keys[1][0]


def test_everything_repeats_falls_to_content() -> None:
    entries = [entry("g", "http://x/", "Same", "body one"),
               entry("g", "http://x/", "Same", "body two")]
    keys = assign_keys(entries)
    assert [kind for _, kind in keys] == ["content", "content"]
    assert keys[0][0] != keys[1][0] and keys[0][0].startswith("c:")


def test_missing_guid_on_some_entries_falls_through_per_entry() -> None:
    keys = assign_keys([entry("a", "http://x/1"), entry(None, "http://x/2")])
    assert [kind for _, kind in keys] == ["guid", "link"]


def test_blank_guid_is_absent() -> None:
    keys = assign_keys([entry("  ", "http://x/1"), entry("", "http://x/2")])
    assert [kind for _, kind in keys] == ["link", "link"]


def test_no_ids_at_all_uses_content() -> None:
    keys = assign_keys([entry(text="only text")])
    assert keys == [(make_key("content", "\x1fonly text"), "content")]


def test_empty_feed() -> None:
    assert assign_keys([]) == []


def test_keys_bounded_for_huge_guids() -> None:
    key, kind = assign_keys([entry("x" * 100_000)])[0]
    assert kind == "guid" and len(key) == 34

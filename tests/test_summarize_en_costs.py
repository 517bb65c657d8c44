"""English per-sentence work that a cheap check skips (issue 26, summarizer speed on short
BBC articles): each shortcut gives what the full reading gave, and the reading it skips is
not done."""

from __future__ import annotations

import pytest

from bot.summarize.lang.en import segment

PROSE = [
    "The council approved the budget on Monday.",
    "It will raise spending on schools by 5%.",
    "Critics said the plan came too late.",
    "A vote on the rest is due next week.",
    "The mayor welcomed the decision.",
    "Opposition members walked out.",
]
NOTES = [
    "Sponsored by:", "Squarespace: make your next move", "Links:", "Debate over lighting",
    "Orders stop 8 PM Monday evening", "Is it worth cleaning dust out of MacBooks?",
    "Post-show:", "A closing thought", "Another thought",
]


def test_show_notes_reads_no_line_ending_under_fewer_than_two_heads(
        monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    unmarked = segment._unmarked
    monkeypatch.setattr(segment, "_unmarked", lambda s: read.append(s) or unmarked(s))
    assert segment.show_notes(PROSE) == set()
    assert segment.show_notes([*PROSE, "Links:"]) == set()
    assert read == []  # a story's prose: no line's ending read
    assert segment.show_notes(NOTES) == {1, 3, 4, 5, 7, 8}
    assert read  # show notes: every line's ending read

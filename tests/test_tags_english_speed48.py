"""English tagging reads the whole body for a sport (``SPORT_CONTEXT``, IGNORECASE: about 80 µs
a BBC body) only for a name written as an opponent (issue 26, summarizer speed): the tags are
those of every test read, in any order."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from bot.summarize.lang.en import tagging
from bot.summarize.lang.en import tags as en_tags
from bot.summarize.lang.en.tagging import mentions
from tests.support.tagging import CHELSEA_OPPONENTS, brief_tags


class _Searched:
    """A pattern that counts the texts it searches."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.searched = 0

    def search(self, text: str) -> re.Match[str] | None:
        self.searched += 1
        return self.pattern.search(text)


# Chelsea far more written than Leeds City (the focus test passes), a match's words ("drew",
# "scored"), and Leeds City never written as a side played against: it stays a tag.
NO_OPPONENT = (
    "Chelsea are not as good as the Chelsea side of ten years ago, a pundit said. Chelsea "
    "shared a training ground with Leeds City and Leeds United. Chelsea took the lead in both "
    "games but drew. At Leeds City the staff were friendly. City had ten men on the books. The "
    "pundit said City were let off the hook. Chelsea are four points clear at the top. The "
    "pundit said Chelsea must learn to kill games. Robin Park scored for Chelsea in the last "
    "minute. Leeds City will now face City rivals. Chelsea play again on Saturday."
)


def test_no_sport_read_for_a_name_never_written_as_an_opponent(
        monkeypatch: pytest.MonkeyPatch) -> None:
    sport = _Searched(en_tags.SPORT_CONTEXT)
    monkeypatch.setattr(en_tags, "SPORT_CONTEXT", sport)
    assert brief_tags("", NO_OPPONENT, "en") == ["chelsea", "leeds-city"]
    assert sport.searched == 0


def test_a_side_played_against_still_reads_the_sport(monkeypatch: pytest.MonkeyPatch) -> None:
    sport = _Searched(en_tags.SPORT_CONTEXT)
    monkeypatch.setattr(en_tags, "SPORT_CONTEXT", sport)
    tags = brief_tags("", CHELSEA_OPPONENTS, "en")
    assert "chelsea" in tags and "leeds-city" not in tags, tags
    assert sport.searched >= 1


def test_a_link_or_cut_reads_mentions_only_up_to_the_first_in_prose(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Every mention was found before any was asked about (16 µs a BBC brief, stop 48).
    read: list[int] = []
    whole_words = mentions.whole_words

    def counted(phrase: str, text: str) -> Iterator[tuple[int, int]]:
        for span in whole_words(phrase, text):
            read.append(span[0])
            yield span

    monkeypatch.setattr(mentions, "whole_words", counted)
    body = "Acme Corp said it grew. " * 6 + "See Acme Corp here."
    assert not tagging._link_or_cut("Acme Corp", body)
    assert len(read) == 1
    read.clear()
    assert tagging._link_or_cut("DCR Post", "DCR Post here\nDCR Post here\nDCR Post Here")
    assert len(read) == 3
    assert tagging._link_or_cut("Dual ANT", "Dual ANT+ pods. Dual ANT+ again.")
    assert not tagging._link_or_cut("Disney", "Disney+ shows. Disney+ again.")
    assert not tagging._link_or_cut("Nobody", body)

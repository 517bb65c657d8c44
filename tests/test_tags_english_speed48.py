"""English tagging reads the whole body for a sport (``SPORT_CONTEXT``, IGNORECASE: about 80 µs
a BBC body) only for a name written as an opponent (issue 26, summarizer speed): the tags are
those of every test read, in any order."""

from __future__ import annotations

import re

import pytest

from bot.summarize.lang.en import tags as en_tags
from tests.support.tagging import brief_tags


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
# The stop-46 read's story (tests/test_tags_english_read46.py): Leeds City played against.
OPPONENTS = (
    "Chelsea are not as good as the Chelsea side of ten years ago, a pundit said. Chelsea "
    "let leads slip against both Leeds City and Leeds United. Chelsea took the lead in both "
    "games but drew. At Leeds City they lost control after scoring. City had ten men. The "
    "pundit said City were let off the hook. Chelsea are four points clear at the top. The "
    "pundit said Chelsea must learn to kill games. Robin Park scored against Chelsea in the "
    "last minute. Leeds City will now face City rivals. Chelsea play again on Saturday."
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
    tags = brief_tags("", OPPONENTS, "en")
    assert "chelsea" in tags and "leeds-city" not in tags, tags
    assert sport.searched >= 1

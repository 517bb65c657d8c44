"""The Korean selection-rule speed cuts of stop 47 (issue 26) give what they replaced gave."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer
from bot.summarize.lang.ko import select


def _texts(seed: int, alphabet: str, n: int = 4000) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(n)]


def test_an_ending_is_found_where_the_search_found_it() -> None:
    texts = ["했다.", "합니다.”", "했다.” ", "했다”.", "했다.\".", "하는가?", "했다\n", "했다.\n\n",
             "임)", "다 ", "다가", "다양한 음식", "", " ", "다", "요.…!?'’”) \t"]
    # Spaces as re's \s and str.rstrip read them both: tab, newline, the ideographic space.
    texts += _texts(47, "다요임가나 .!?…\"'”’)\n\t\u3000\x1c")
    for text in texts:
        assert select.ended(text) == (select.ENDED.search(text) is not None), repr(text)


class _CountedPattern:
    """``select.ENDED`` with its searches and matches counted."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.searches, self.matches = pattern, 0, 0

    def search(self, *args: Any) -> re.Match[str] | None:
        self.searches += 1
        return self.pattern.search(*args)

    def match(self, *args: Any) -> re.Match[str] | None:
        self.matches += 1
        return self.pattern.match(*args)


def test_a_korean_brief_never_searches_a_whole_sentence_for_its_ending(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The scoring's heading test, verbless and unintroduced searched ENDED, `$`-anchored, from
    # every syllable of its class: the costliest pattern a call in the stop-47 profile. Each
    # now matches it once, at the last syllable.
    counted = _CountedPattern(select.ENDED)
    monkeypatch.setattr(select, "ENDED", counted)
    text = ("서울시는 3일 시내버스 요금을 다음 달부터 300원 올린다고 밝혔다. 시는 다양한 "
            "의견을 들었다고 설명했다.\n\n김 시장은 “요금 인상은 불가피하다”고 말했다. "
            "인상 폭은 2015년 이후 가장 크다.\n\n지난해 서울 시내버스 승객 수.\n\n"
            "시민단체는 요금 동결을 요구해 왔다.")
    ExtractiveSummarizer().brief(Article(title="서울 버스요금 300원 인상", text=text))
    assert counted.searches == 0
    assert counted.matches > 0

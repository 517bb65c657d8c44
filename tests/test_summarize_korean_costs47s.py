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


# COUNTED_OUTCOME as it was: opened on its look-behind, so tried at every character.
_COUNTED_OUTCOME_BEFORE = re.compile(
    r"(?<![\d,.])(?![1-9]0\s?대)\d[\d,.]*(?:[만천백]\d*)*\s?여?\s?(?:명|건|개|곳|대|척|마리)"
    r"(?:을|를|이|가|은|는|에\s대해)?\s"
    r"(?:입건|삭제|차단|확보|압수|송치|검거|구조|인계|고발|징계)"
    r"(?:했|하였|됐|되었|[해돼](?!\s?(?:달|주))|,|\s?조치)")


def test_a_counted_outcome_is_found_where_it_was() -> None:
    from bot.summarize.lang.ko.select import key_facts

    texts = ["글을 올린 4명을 입건해 조사 중", "총 125건을 삭제, 차단 조치했다", "20대를 검거했다",
             "20 대를 검거했다", "120대를 압수했다", "1,20대를 압수했다", "x10대를 검거했다",
             "2천여 명을 구조해 달라", "1만2천 명을 구조했다", "٣명을 입건했다", "3.5개를 확보했다",
             "920대를 압수했다", "9 0대를 압수했다"]
    texts += [f"{a}{b}" for a in ("", "1", "9", ",", ".", "가 ", "٣") for b in texts[:6]]
    texts += _texts(26, "0123456789,. 여명건대를을입건했해돼달만천", 6000)
    for text in texts:
        found = key_facts.COUNTED_OUTCOME.search(text)
        before = _COUNTED_OUTCOME_BEFORE.search(text)
        assert (found and found.span()) == (before and before.span()), text


def test_a_counted_outcome_opens_on_its_digit() -> None:
    # The engine skips to the next digit only when the pattern opens on it; a look-behind
    # first is tried at every character of every candidate.
    from bot.summarize.lang.ko.select import key_facts

    assert key_facts.COUNTED_OUTCOME.pattern.startswith(r"\d")

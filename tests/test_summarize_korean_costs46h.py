"""Work the headline's Korean rules did twice (issue 26, wt-cost46h): each test pins a cut
that left every brief of the six dev sets byte-identical."""

from __future__ import annotations

import pytest

from bot.summarize import korean
from bot.summarize.lang import Analyser, Morph
from bot.summarize.lang.ko.select.headline import (
    UNTOLD_NOUNS,
    content_lemmas,
    headline_units,
    second_fact,
    untold_nouns,
    written_noun,
)

needs_kiwi = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")

# ko10's headline and story (tests/test_summarize_korean_untold_nouns.py), and a headline whose
# second fact the lede leaves untold.
STORIES = [
    ("“승마 대회 참가비 좀...” 전청조 3억대 사기 혐의 추가 적발",
     ["재벌 3세 행세로 사기 행각을 벌인 혐의로 1심에서 징역 12년을 선고받은 전청조(28)씨의 "
      "추가 사기 범행 행각이 적발됐다.",
      "이번에 적발된 사기 피해액은 약 3억 5800만원대다.",
      "검찰에 따르면 전씨는 데이트앱을 통해 만난 남성 4명에게 여성 승마 선수 행세를 하면서 "
      "대회 참가비를 받아냈다."]),
    ("작전 공개하며 진입… 200명이 막자 돌아섰다",
     ["체포팀은 3일 정문에 도착했다.", "작전은 공개됐고 200명이 막았다."]),
    ("[단독] 올해 전기차 보조금, 지원금 축소",
     ["정부가 전기차 지원을 줄이기로 했다.", "올해 보조금과 지원금은 대당 300만원으로 내려간다."]),
]


def _per_call(title: str, morphs: Analyser, body: str, lede: str,
              ) -> tuple[frozenset[str], int]:
    """``headline_units`` as wt-int46 wrote it: each rule reads the headline and the lede."""
    second = second_fact(title, morphs, body)
    left = second - content_lemmas(lede, morphs)
    if any(not (written_noun(unit) and unit in lede) for unit in left):
        return second, 1
    untold = untold_nouns(title, morphs, body, lede)
    return (untold, UNTOLD_NOUNS) if untold else (second, 1)


@needs_kiwi
@pytest.mark.parametrize(("title", "sentences"), STORIES)
def test_headline_units_reads_the_headline_and_the_lede_once(
        title: str, sentences: list[str]) -> None:
    asked: list[str] = []

    def morphs(text: str) -> tuple[Morph, ...]:
        asked.append(text)
        return korean.ANALYSIS.morphs(text)

    body, lede = "\n".join(sentences), sentences[0]
    if title == STORIES[0][0]:  # ko10's reaches the untold nouns: both rules read
        assert headline_units(title, korean.ANALYSIS.morphs, body, lede)[1] == UNTOLD_NOUNS
    for opening in (lede, ""):
        asked.clear()
        units = headline_units(title, morphs, body, opening)
        assert units == _per_call(title, korean.ANALYSIS.morphs, body, opening)
        assert asked.count(title) == 1
        assert asked.count(opening) <= 1

"""Work the headline's Korean rules did twice (issue 26, wt-cost46h): each test pins a cut
that left every brief of the six dev sets byte-identical."""

from __future__ import annotations

import pytest

from bot.summarize import korean
from bot.summarize.lang import Analyser, Morph, once
from bot.summarize.lang.en.select import weak
from bot.summarize.lang.ko.select.cues import _written_whole, units_in, units_maybe
from bot.summarize.lang.ko.select.headline import (
    UNTOLD_NOUNS,
    content_lemmas,
    headline_units,
    second_fact,
    untold_nouns,
    written_noun,
)
from bot.summarize.scoring import build_pool
from bot.summarize.text import content_words
from bot.summarize.weights import WEIGHTS
from tests.support.tagging import needs_kiwi

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


def _units_in_per_lemma(sentence: str, units: frozenset[str]) -> frozenset[str]:
    """``cues.units_in`` as wt-int46 wrote it: every lemma of the sentence, then the units."""
    maybe = units_maybe(sentence, units)
    if not maybe:
        return maybe
    reading = korean.ANALYSIS.morphs(sentence)
    written = frozenset(unit for unit in maybe
                        if written_noun(unit) and _written_whole(sentence, unit, reading))
    return written | (content_lemmas(sentence, korean.ANALYSIS.morphs) & maybe)


@needs_kiwi
def test_units_in_reads_only_the_forms_that_may_be_units() -> None:
    # Units of every kind: nouns, a verb's lemma whose stem the sentence inflects ("받아냈다":
    # 받아내다), a noun Kiwi splits (‘늘그막’), a unit's letters inside another word ("AI" of
    # "KAIST").
    sentences = [s for _, story in STORIES for s in story] + [
        "‘늙으막’은 ‘늘그막’, ‘늦깍이’는 ‘늦깎이’로 고쳐야 해요.",
        "KAIST와 포스텍 등은 AI 인력 양성에 나선다.",
    ]
    units = frozenset({"승마", "대회", "참가비", "받아내다", "적발", "적발되다", "막다", "돌아서다",
                       "200", "보조금", "늘그막", "AI", "공개", "내려가다", "사기"})
    for sentence in sentences:
        for some in (units, frozenset({"받아내다", "참가비"}), frozenset({"AI"})):
            assert units_in(sentence, some, korean.ANALYSIS.morphs) \
                == _units_in_per_lemma(sentence, some)
    assert units_in(sentences[2], units, korean.ANALYSIS.morphs) >= {"승마", "참가비"}


@needs_kiwi
def test_what_a_candidate_may_carry_is_read_once_across_the_rounds() -> None:
    # choose() asks units_maybe of a candidate in every round's scan; the headline's units do
    # not change, so neither does what a candidate may carry.
    title, sentences = STORIES[0]
    pool = build_pool(list(enumerate(sentences)), [content_words(s, "ko") for s in sentences],
                      title, content_words(title, "ko"), "ko", 300, weak, WEIGHTS["ko"])
    assert pool.headline_units and pool.units_maybe is not None
    for k, sentence in enumerate(sentences):
        first = pool.units_maybe(k)
        assert first == units_maybe(sentence, pool.headline_units)
        assert pool.units_maybe(k) is first


def test_once_reads_each_candidate_once_and_gives_what_the_read_gave() -> None:
    # The selector's lazy readings (scoring, retold, retold_event, extractive) were
    # functools.cache wrappers, which cost a brief more to make than the few readings kept.
    asked: list[int] = []

    def read(k: int) -> frozenset[str] | None:
        asked.append(k)
        return None if k == 1 else frozenset({str(k)})

    readings = once(read)
    assert [readings(k) for k in (0, 1, 0, 2, 1, 2)] \
        == [frozenset({"0"}), None, frozenset({"0"}), frozenset({"2"}), None, frozenset({"2"})]
    assert asked == [0, 1, 2]

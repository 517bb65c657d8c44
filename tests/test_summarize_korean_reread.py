"""Korean brief defects named by issue 28's reread of the feed and science briefs: the
sentence ending kept in two tables, a clause that borrows the subject of the sentence before.
Literal made-up text, each failing before its fix."""

from __future__ import annotations

import pytest

from bot.summarize import korean
from bot.summarize.lang.ko import select, words

needs_kiwi = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")


def test_a_sentence_ending_comes_from_the_one_table() -> None:
    # select.ENDED kept its own copy of the splitter's endings: one list, so a new ending
    # reaches both.
    assert select.ENDED.pattern.startswith(words.PREDICATE_LAST)
    assert words.PREDICATE_LAST in words.PREDICATE_END
    for syllable in words.PREDICATE_LAST.strip("[]"):
        assert select.ENDED.search(f"했{syllable}.") is not None, syllable


@needs_kiwi
def test_an_opening_clause_with_no_subject_leans_back() -> None:
    # "경주역을 출발해 … 개최지가 될 보문관광단지 등을 지난다": the opening clause's subject is the
    # main clause's, told before; the relative clause's "개최지가" is not it.
    assert korean.subjectless(
        "부산역을 출발해 해운대와 광안리 등 여름 축제 개최지가 될 해변 등을 지난다.")
    assert korean.subjectless(
        "소방관 200명과 소방차 80대를 투입해 불이 난 지 40분 만에 불길을 잡았다.")


@needs_kiwi
def test_an_adverbial_opening_keeps_the_sentence_s_subject() -> None:
    # "…에 따르면", "…를 통해", "…를 보면" are no clause of the subject's: the relative
    # clause's subject stays the sentence's, as before.
    assert not korean.subjectless(
        "2일 경찰에 따르면 이날 오후 경주시 한 가정집에서 50대 A씨가 숨진 채 발견됐다.")
    assert not korean.subjectless("연구팀이 분석한 결과 새로운 물질을 제시했다.")
    assert not korean.subjectless(
        "연도별 건수를 보면 2019년 936건에서 거리 두기가 풀린 2022년 981건으로 늘었다.")

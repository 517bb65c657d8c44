"""Korean brief defects named by issue 28's reread of the feed and science briefs: the
sentence ending kept in two tables, a clause that borrows the subject of the sentence before.
Literal made-up text, each failing before its fix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.summarize import korean
from bot.summarize.lang.ko import select, words

_WORDS = Path(words.__file__).resolve()
needs_kiwi = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")


def test_a_sentence_ending_comes_from_the_one_table() -> None:
    # select.ENDED kept its own copy of the splitter's endings: one table, so a new ending
    # added to it reaches both. Checked by behaviour in a fresh interpreter whose table has
    # one more ending ("꾸"): the splitter cuts after it and ENDED calls it complete.
    probe = f"""
import pathlib, sys, types
path = {str(_WORDS)!r}
source = pathlib.Path(path).read_text(encoding="utf-8")
assert source.count('PREDICATE_LAST = "[') == 1
source = source.replace('PREDICATE_LAST = "[', 'PREDICATE_LAST = "[꾸')
words = types.ModuleType("bot.summarize.lang.ko.words")
words.__file__ = path
exec(compile(source, path, "exec"), words.__dict__)
sys.modules[words.__name__] = words
from bot.summarize.lang.ko import select, sentences
print(select.ENDED.search("그렇게 했꾸.") is not None,
      [p for p in sentences.split_line("그렇게 했꾸.그러나 아니다.") if p.strip()])
"""
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, cwd=_WORDS.parents[4]).stdout
    assert out.strip() == "True ['그렇게 했꾸.', '그러나 아니다.']"
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


@needs_kiwi
@pytest.mark.parametrize("sentence", [
    "현금을 훔쳐 A씨가 달아난 것으로 확인됐다.",
    "회의를 마치고 대표단이 귀국한 것으로 전해졌다.",
    "정부 지원금을 받아 업체들이 투자를 늘릴 전망이다.",
])
def test_a_reported_clause_s_subject_is_the_sentence_s(sentence: str) -> None:
    # "…A씨가 달아난 것으로 확인됐다": the subject before "것으로" or a reporting noun is the
    # sentence's own, even after an opening clause with an object (tags7 review, finding 8).
    assert not korean.subjectless(sentence)


@needs_kiwi
@pytest.mark.parametrize("sentence", [
    "서울을 포함해 전국 17개 시도가 참여한 행사를 열었다.",
    "수도권을 제외하고 지방 아파트값이 내린 지역을 조사했다.",
])
def test_a_noun_s_ha_verb_can_be_adverbial(sentence: str) -> None:
    # "…을 포함해", "…을 제외하고" (a noun and 하) are adverbials like "…를 통해": the opening
    # rule does not apply and the sentence reads as before it (finding 9).
    assert not korean.subjectless(sentence)

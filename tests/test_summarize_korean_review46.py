"""Findings of the re-read of stop 46's whole change, each failing before its fix: a day
compared against every day (not paired by set order), a Latin headline word not found inside
another (AI of KAIST), a root read with 하 no noun written whole (수상 of 수상한), a case
told before leaning back with any of its particles."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.summarize import korean
from bot.summarize.korean import ANALYSIS
from bot.summarize.lang.ko.select import BACK, cues, headline

pytestmark = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")

ROOT = Path(__file__).resolve().parent.parent

_TWO_DAYS = '''
from bot.summarize.korean import ANALYSIS
from bot.summarize.lang.ko.select import retold_event
lede = "집회 참가자 A씨는 지난달 28일 경찰관을 폭행한 뒤 달아났다가 1일 경찰에 체포됐다."
later = "서울 용산경찰서는 1일 집회 참가자 A씨를 체포했다고 밝혔다."
print(retold_event.event_reader([lede, later], ANALYSIS.morphs)(1, 0))
'''


def test_a_day_is_read_against_every_day_the_chosen_point_tells() -> None:
    # The chosen point tells two days ({'.28', '.1'}); the days were paired by the sets'
    # order, which PYTHONHASHSEED sets: False under seeds 1, 4, 5, 6 and True under 2 and 3
    # (review of stop 46), so one story's brief changed from one process to the next.
    answers = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        out = subprocess.run([sys.executable, "-c", _TWO_DAYS], env=env, cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
        answers.add(out.strip())
    assert answers == {"True"}


def test_a_latin_headline_word_inside_another_is_not_written() -> None:
    assert not headline.written_in("AI", "KAIST와 포스텍 등 5개 대학이 참여한다.")
    assert headline.written_in("AI", "정부는 AI 인력 1만명을 키운다.")
    assert headline.written_in("AI", "AI·반도체 인력")
    assert headline.written_in("반도체", "차세대반도체 연구소")
    body = "올해 반도체 인재 양성 계획이 나왔다.\nKAIST와 포스텍 등 5개 대학이 반도체 과정을 연다."
    untold = headline.headline_units("AI 반도체 인재 키운다", ANALYSIS.morphs, body,
                                     "정부가 인재 양성 계획을 발표했다.")
    assert "AI" not in untold[0]


def test_a_root_read_with_a_verb_suffix_is_no_noun_written_whole() -> None:
    # "수상한" is 수상/XR + 하/XSA: its letters are no noun written whole (the docstring's
    # example, which the check did not hold). The lemma path still reads the root 수상 as a
    # unit (a second fact's units may be roots): left, recorded in the stop's note.
    reading = ANALYSIS.morphs("수상한 소포가 도착했다.")
    assert not cues._written_whole("수상한 소포가 도착했다.", "수상", reading)
    reading = ANALYSIS.morphs("그는 올해 문학상 수상 소감을 밝혔다.")
    assert cues._written_whole("그는 올해 문학상 수상 소감을 밝혔다.", "수상", reading)


@pytest.mark.parametrize("sentence", [
    "이럴 경우에는 과태료가 부과된다.", "그럴 경우엔 과태료가 부과된다.",
    "이럴 때에는 병원을 찾아야 한다.", "이 경우도 마찬가지다.", "이 경우에는 과태료가 부과된다.",
])
def test_a_case_told_before_leans_back_with_any_of_its_particles(sentence: str) -> None:
    assert BACK.match(sentence)


def test_a_case_of_its_own_does_not_lean_back() -> None:
    assert not BACK.match("경우에 따라 결과가 다르다.")

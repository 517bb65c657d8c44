"""Work a Korean brief did for nothing or twice (issue 26, wt-cost46k): each test pins a cut
that left every brief of the six dev sets byte-identical."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from bot.summarize import text
from bot.summarize.lang.ko import select, words


def test_a_surname_and_post_looks_for_the_full_name_only_where_the_post_is_written(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # "윤 의원은 …" asks whether the story names "윤○○ 의원" somewhere the brief may not show:
    # the full-name pattern was tried at every character of every candidate, though a match
    # needs the post ("의원") written, which most candidates lack.
    read: list[str] = []

    class Recording:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def finditer(self, candidate: str) -> Iterator[re.Match[str]]:
            read.append(candidate)
            return self.pattern.finditer(candidate)

    full_name = select._full_name
    monkeypatch.setattr(select, "_full_name",
                        lambda surname, post: Recording(full_name(surname, post)))
    candidates = [
        "국회가 3일 본회의를 열어 예산안을 처리했다.",
        "여야는 막판까지 증액 규모를 두고 맞섰다.",
        "표결에 앞서 윤상현 국민의힘 의원이 반대 토론에 나섰다.",
        "윤 의원은 이날 “졸속 심사”라고 말했다.",
    ]
    assert select.surname_title(candidates, 3, "예산안 국회 통과")
    assert read == [candidates[2], candidates[3]]


def test_bigrams_are_read_from_a_bounded_dict(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every word of every Korean candidate asks for its bigrams (scoring.build_pool): an
    # lru_cache call builds a tuple of its arguments each time, a dict lookup does not. The
    # cache is bounded as the term cache is, and each term is split once.
    split: list[str] = []
    bigrams_of = text._bigrams_of

    def counting(term: str) -> Any:
        split.append(term)
        return bigrams_of(term)

    # The cache is a lang.Memo: its read and its bound are the memo's own.
    monkeypatch.setattr(text._BIGRAMS, "read", counting)
    monkeypatch.setattr(text._BIGRAMS, "bound", 4)
    text._BIGRAMS.clear()
    assert text.bigrams("기초과학") == ("기초과학", "기초", "초과", "과학")
    assert text.bigrams("기초과학") == ("기초과학", "기초", "초과", "과학")
    assert text.bigrams("예산") == ("예산",)
    assert text.bigrams("budget") == ("budget",)
    assert split == ["기초과학", "예산", "budget"]
    for n in range(10):
        text.bigrams(f"연구과제{n}")
        assert len(text._BIGRAMS) <= 4
    text._BIGRAMS.clear()


HANGUL_TEXTS = [
    "정부가 내년 기초과학 연구 예산을 10% 늘린다.",
    "가힣힘히힢 ힰힱퟻ 豈 ＂％＂ 😀 a\ud800b",  # U+AC00, U+D7A3, U+D7xx either side, CJK, a pair
    "",
    "Plain English, with “curly” quotes.",
    "ㄱㄴㄷ ᄀᄁ 한글",  # compatibility and conjoining jamo are no syllables
]


@pytest.mark.parametrize("sample", HANGUL_TEXTS)
def test_hangul_syllables_are_counted_as_the_substitution_counted(sample: str) -> None:
    assert text._hangul_syllables(sample) == len(re.sub(r"[^\uac00-\ud7a3]+", "", sample))


def test_a_korean_text_is_told_korean_by_the_syllable_count_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # detect_language counted a sample's Hangul by deleting the rest with a pattern tried at
    # every character (289 K instructions a Korean science brief, callgrind): the count is
    # ``_hangul_syllables`` now, and a Korean sample is decided by it with no pattern run
    # (the module's ``re`` stands in for every pattern built at run time).
    counted: list[str] = []
    count = text._hangul_syllables

    def counting(sample: str) -> int:
        counted.append(sample)
        return count(sample)

    class NoPattern:
        def __getattr__(self, name: str) -> object:
            raise AssertionError(f"re.{name} was asked while telling Korean")

    monkeypatch.setattr(text, "_hangul_syllables", counting)
    monkeypatch.setattr(text, "re", NoPattern())
    assert text.detect_language(HANGUL_TEXTS[0]) == "ko"
    assert counted


def test_brackets_with_no_figure_are_no_list_to_look_for(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Three "(" let the figure-list pattern run (635 K instructions a sentence, callgrind),
    # though the science set's sentences with three are glosses ("(NASA)", "(SDO)", "(현지
    # 시간)"): an item needs a figure in its bracket, and without three such the pattern is
    # never tried.
    searched: list[str] = []

    class Recording:
        def search(self, sentence: str) -> re.Match[str] | None:
            searched.append(sentence)
            return figure_list_pattern.search(sentence)

    figure_list_pattern = words.FIGURE_LIST
    monkeypatch.setattr(words, "FIGURE_LIST", Recording())
    glosses = ("미국 항공우주국(NASA)의 태양활동관측위성(SDO)이 최근 태양의 이미지를 촬영해 "
               "28일(현지 시간) 홈페이지에 공개했다")
    assert not words.figure_list(glosses)
    assert searched == []
    weather = "파주(6도), 춘천(7.5도), 충주(영하 9.6도) 등 곳곳이 추웠다."
    assert words.figure_list(weather)
    assert searched == [weather]

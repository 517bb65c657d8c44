"""A Korean point naming someone by surname and title only ("김 지사는", "나 수사부장은") leans
back when the story gives the full name only in a sentence the brief may not show (issue 28, stop
47: ko40 and ko264, whose full names "김동연 경기도지사", "나원오 전남경찰청 수사부장" the rule did
not read: a place written into the title, a title it did not know)."""

from __future__ import annotations

import pytest

from bot.summarize.lang.ko.select import surname_title

LEDE = "경기도가 화재 사고 유가족에게 최대 550만원의 긴급생계비를 지원한다."
LATER = ["도는 4일부터 지원금을 지급할 예정이다.", "지원 대상은 모두 23명이다."]
TITLE = "경기도, 유족에 긴급생계비 지원"


def leans(introduction: str, point: str) -> bool:
    candidates = [LEDE, *LATER, introduction, point]
    return surname_title(candidates, len(candidates) - 1, TITLE)


@pytest.mark.parametrize(("introduction", "point"), [
    ("김동연 경기도지사는 3일 기자회견을 열고 대책을 발표했다.",
     "김 지사는 “유례가 없었던 일”이라고 했다."),
    ("김영록 전남도지사는 3일 기자회견을 열고 대책을 발표했다.",
     "김 지사는 “유례가 없었던 일”이라고 했다."),
    ("나원오 전남경찰청 수사부장은 3일 브리핑에서 이같이 밝혔다.",
     "나 수사부장은 “악성 댓글을 단 이들을 엄정히 처벌하겠다”고 했다."),
])
def test_a_full_name_with_its_place_written_into_the_title_is_read(
        introduction: str, point: str) -> None:
    assert leans(introduction, point)


def test_a_deputy_is_no_one_of_the_title() -> None:
    # "경기도부지사" is a vice-governor: "김 지사" is someone else, no full name in the story.
    assert not leans("김철수 경기도부지사는 3일 기자회견을 열고 대책을 발표했다.",
                     "김 지사는 “유례가 없었던 일”이라고 했다.")


def test_the_lede_or_the_headline_naming_them_still_settles_it() -> None:
    candidates = ["김동연 경기도지사가 화재 사고 유가족에게 긴급생계비를 지원한다고 밝혔다.",
                  *LATER, "김 지사는 “유례가 없었던 일”이라고 했다."]
    assert not surname_title(candidates, 3, TITLE)
    late = [LEDE, *LATER, "김동연 경기도지사는 3일 기자회견을 열고 대책을 발표했다.",
            "김 지사는 “유례가 없었던 일”이라고 했다."]
    assert not surname_title(late, 4, "김동연 경기도지사, 유족에 긴급생계비 지원")


@pytest.mark.parametrize("introduction", [
    "김철수 부위원장은 3일 기자회견을 열고 대책을 발표했다.",
    "김철수 인권위원장은 3일 기자회견을 열고 대책을 발표했다.",
    "김철수 국민의힘 비대위원장은 3일 기자회견을 열고 대책을 발표했다.",
])
def test_a_committee_chair_is_no_one_of_the_title_director(introduction: str) -> None:
    # "…위원장" is a title of its own, not a place ending in 위 before "원장" (stop 47's review,
    # finding 4): "김 원장" is someone else, no full name in the story.
    assert not leans(introduction, "김 원장은 “대책이 필요하다”고 했다.")

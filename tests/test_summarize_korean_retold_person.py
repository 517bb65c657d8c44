"""A Korean retelling that names the one the lede told of (issue 28, stop 47: ko79's "20대
대학원생이 구속 상태에서 재판에 넘겨졌다" then "… 대학원생 A(26)씨를 구속 기소했다", the
indictment told twice) is still a retelling; a second person ("공범 B씨"), another age, an age the
lede does not give or a full name is a person introduced (stop 46's guard, kept)."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, korean
from bot.summarize.korean import ANALYSIS
from bot.summarize.lang.ko.select import retold_event

pytestmark = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")

LEDE = "대마 젤리를 동료들과 나눠 먹은 20대 대학원생이 구속 상태에서 재판에 넘겨졌다."


def retells(later: str, lede: str = LEDE) -> bool:
    return retold_event.event_reader([lede, later], ANALYSIS.morphs)(1, 0)


@pytest.mark.parametrize("again", [
    "2일 서울동부지검 형사3부는 마약류관리법 위반 혐의로 대학원생 A(26)씨를 구속 기소했다.",
    # ko78 writes the age after 씨.
    "서울동부지검 형사3부는 이날 마약류관리법 위반 혐의로 대학원생 A씨(26)를 구속기소했다고 "
    "밝혔다.",
    "검찰은 2일 마약류관리법 위반 혐의로 대학원생 김모(29)씨를 구속 기소했다.",
    # Kiwi reads the 고모 of "고모(26)씨" as a noun ("aunt"), no surname with 모 (the review's
    # finding 8).
    "검찰은 2일 마약류관리법 위반 혐의로 대학원생 고모(26)씨를 구속 기소했다.",
])
def test_the_lede_ones_letter_of_its_age_is_the_same_one(again: str) -> None:
    assert retells(again)


def test_a_lede_of_no_noun_but_an_age_is_named_by_the_letter() -> None:
    # The brief's example: lede "20대 남성이", retelling "A(25)씨를".
    assert retells("경찰은 3일 A(25)씨를 체포했다고 밝혔다.",
                   "흉기를 휘두른 20대 남성이 경찰에 체포됐다.")


@pytest.mark.parametrize(("again", "lede"), [
    # A second letter names another one, with or without a noun of theirs.
    ("검찰은 2일 마약류관리법 위반 혐의로 공범 B(27)씨를 구속 기소했다.", LEDE),
    ("경찰은 3일 B(25)씨를 체포했다고 밝혔다.", "흉기를 휘두른 20대 남성이 경찰에 체포됐다."),
    # Another age band, or an age the lede does not give.
    ("검찰은 2일 마약류관리법 위반 혐의로 대학원생 A(31)씨를 구속 기소했다.", LEDE),
    ("경찰은 3일 집회 참가자 A(45)씨를 체포했다.", "집회 참가자 2명이 경찰에 체포됐다."),
    # A full name is a fact the lede lacks (ko45's "김광수 이사장").
    ("검찰은 2일 마약류관리법 위반 혐의로 대학원생 김하늘(26)씨를 구속 기소했다.", LEDE),
    # One more beside them, or two named.
    ("검찰은 2일 마약류관리법 위반 혐의로 대학원생 A(26)씨 등 3명을 구속 기소했다.", LEDE),
    ("검찰은 2일 마약류관리법 위반 혐의로 대학원생 A(26)씨와 B(27)씨를 구속 기소했다.", LEDE),
    ("경찰은 3일 A(25)씨도 체포했다.", "흉기를 휘두른 20대 남성이 경찰에 체포됐다."),
])
def test_another_one_named_stays_introduced(again: str, lede: str) -> None:
    assert not retells(again, lede)


def test_the_indictment_told_again_gives_way_to_what_the_accused_did() -> None:
    # ko79's story, shortened: point 2 told the indictment again with the accused's letter.
    sentences = [
        LEDE,
        "2일 서울동부지검 형사3부는 마약류관리법 위반 혐의로 대학원생 A(26)씨를 구속 기소했다.",
        "검찰에 따르면 A씨는 작년 12월 서울 마포구 클럽 인근에서 외국인에게 받은 대마 젤리 약 "
        "20개 중 일부를 먹거나 동료들에게 건넨 혐의를 받는다.",
        "젤리를 먹고 어지럼증을 호소한 동료 2명은 119에 신고해 병원으로 옮겨져 치료를 받았다.",
    ]
    brief = ExtractiveSummarizer().brief(Article(
        title="동료들과 ‘대마 젤리’ 나눠먹은 20대 대학원생 구속 기소", text="\n\n".join(sentences),
        lang="ko"))
    points = [p.text for p in brief.points]
    assert points[0] == LEDE
    assert sentences[1] not in points and sentences[2] in points and sentences[3] in points


@pytest.mark.parametrize(("again", "lede"), [
    # The lede's age is another person's (the one given the jelly, the one hit): it gives no age
    # for the accused, so "A(26)씨" is a fact it lacks (stop 47's review, finding 2).
    ("검찰은 2일 마약류관리법 위반 혐의로 A(26)씨를 구속 기소했다.",
     "20대 대학원생에게 대마 젤리를 건넨 남성이 구속 상태에서 재판에 넘겨졌다."),
    ("경찰은 3일 폭행 혐의로 A(25)씨를 체포했다.", "20대 여성을 폭행한 남성이 경찰에 체포됐다."),
])
def test_an_age_of_another_one_in_the_lede_is_no_band_of_theirs(again: str, lede: str) -> None:
    assert not retells(again, lede)


def test_the_band_and_the_age_given_together_are_one_person() -> None:
    # "20대 대학원생 A(26)씨": one person, given by band and by age (the review's finding 8).
    assert retells("검찰은 2일 마약류관리법 위반 혐의로 20대 대학원생 A(26)씨를 구속 기소했다.")


NO_COLLEAGUES = "대마 젤리를 나눠 먹은 20대 대학원생이 구속 상태에서 재판에 넘겨졌다."


@pytest.mark.parametrize("noun", ["부모", "이모", "동료", "남자친구"])
def test_a_noun_ending_in_mo_joined_to_the_named_one_is_someone_else(noun: str) -> None:
    # Whole-stop review 47, finding 2: only the surname with 모 named in the phrase ("김모(29)씨")
    # is the lede's one; "A(26)씨와 부모를" indicts the parents too.
    assert not retells(f"검찰은 2일 마약류관리법 위반 혐의로 대학원생 A(26)씨와 {noun}를 구속 "
                       "기소했다.", NO_COLLEAGUES)


def test_one_joined_to_the_named_one_is_new_though_the_lede_mentions_them() -> None:
    # Whole-stop review 47, finding 10: the lede's 동료 shared the jelly, they were not the
    # ones indicted; "A(26)씨와 동료를" indicts them too.
    assert not retells("검찰은 2일 마약류관리법 위반 혐의로 대학원생 A(26)씨와 동료를 구속 "
                       "기소했다.")

"""A Korean sentence that lists places with their figures in brackets ("파주(6도), 춘천(7.5도),
충주(9.6도) 등 …") is weak as a point (issue 28: blind readers met a list of regional lows as
a weather brief's point 3 where the next day's forecast was wanted). Two bracketed examples,
ages and counts stay. Made-up text, each case failing before the rule or guarding what it must
not catch."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, korean
from bot.summarize.lang.ko import words as ko_words
from bot.summarize.lang.ko.words import figure_list

needs_kiwi = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")


@pytest.mark.parametrize("sentence", [
    "한라산은 영하 1도를 기록했고, 철원(3도), 홍천(4.5도), 제천(5.1도) 등 내륙도 추웠다.",
    "지역별로는 부산(8.2%), 광주(5.5%), 울산(4.1%) 등에서 늘었다.",
    "이어 진주교대(90명), 대전교대(61명), 인천교대(12명) 순이었다.",
])
def test_a_list_of_places_with_figures_is_weak(sentence: str) -> None:
    assert figure_list(sentence)
    assert ko_words.weak(sentence)


@pytest.mark.parametrize("sentence", [
    # two bracketed examples of the sentence's own claim
    "물가 상승률(1.8%)은 낮아졌지만 양파(33.1%), 대파(21.4%) 등 채소류는 크게 올랐다.",
    # ages are no figures with a unit
    "현장에 있던 김모(38), 이모(41), 박모(29)씨가 다쳤다.",
    # counts are not places: after a number, or a count in words (issue 28 review)
    "위원 30명 중 법조계 출신은 12명(40%), 학계 출신 9명(30%), 기타 9명(30%)이었다.",
    "응답자 가운데 찬성 12명(40%), 반대(30%), 유보(30%)로 나뉘었다.",
    "응답은 학생 세명(39%), 교사 두명(20%), 학부모 네명(41%)이었다.",
])
def test_examples_ages_and_counts_are_no_figure_list(sentence: str) -> None:
    assert not figure_list(sentence)


@pytest.mark.parametrize("sentence", [
    # below zero, middle dots, percentage points (issue 28 review)
    "파주(영하 6도), 춘천(영하 2.5도), 충주(1.6도) 등 내륙이 추웠다.",
    "파주(6도)·춘천(7.5도)·충주(9.6도) 등 내륙이 추웠다.",
    "서울(1.2%p), 부산(0.5%p), 대구(0.3%p) 순으로 올랐다.",
])
def test_lows_below_zero_dotted_lists_and_points_are_figure_lists(sentence: str) -> None:
    assert figure_list(sentence)


@pytest.mark.parametrize(("title", "sentence"), [
    ("민주당 지지율 3주 연속 상승",
     "정당 지지도는 더불어민주당(45%), 국민의힘(38%), 조국혁신당(9%) 순이었다."),
    ("수능 국어 만점자 늘어", "영역별 정답률은 국어(92.1%), 수학(88.3%), 영어(95.0%)였다."),
])
def test_a_figure_list_whose_item_the_headline_names_is_not_weak(title: str, sentence: str) -> None:
    assert ko_words.weak(sentence)  # with no headline it is a table
    assert not ko_words.weak_under(title)(sentence)
    assert ko_words.weak_under("아침 최저 3도 추위… 내일 전국 비")(sentence)


WEATHER = (
    "찬 바람의 영향으로 5일 올가을 들어 가장 추운 아침을 맞았다. 6일에도 추위가 이어질 "
    "것으로 보인다.\n\n"
    "기상청에 따르면 5일 오전 서울 기온이 9.8도를 기록하는 등 중부 지방 기온이 전날보다 "
    "6도가량 떨어졌다. 한라산의 최저기온은 영하 1도를 기록했고, 철원(3도), 홍천(4.5도), "
    "제천(5.1도) 등 내륙 곳곳의 최저기온도 6도를 밑돌았다.\n\n"
    "6일에는 저기압의 영향으로 전국 곳곳에 비가 내리고 산지에는 얼음이 어는 곳도 있겠다. "
    "예상 강수량은 수도권 5㎜, 영남권 10~40㎜ 등이다."
)


@needs_kiwi
def test_a_weather_brief_prefers_the_forecast_to_a_list_of_lows() -> None:
    brief = ExtractiveSummarizer().brief(
        Article(title="아침 최저 3도 추위… 내일 전국 비", text=WEATHER, lang="ko"))
    points = [p.text for p in brief.points]
    assert not any("철원(3도)" in p for p in points)
    assert len(points) == 3

"""A Korean award or appointment told again (issue 28, stop 47: ko159's "… 시상식에서 윤윤수
휠라홀딩스 회장과 박세리 이사장이 공동 수상했다" under a point for each winner, "Point 3 repeats
points 1–2") gives way as a legal event told again does: the chosen points that tell the event are
read together, and everyone joined by 과/와 must be told by them."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, korean
from bot.summarize.korean import ANALYSIS
from bot.summarize.lang.ko.select import retold_event

pytestmark = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")

FIRST = ("윤윤수 휠라홀딩스 회장이 한미 관계 발전에 기여한 공로로 미국 비영리단체 "
         "코리아소사이어티가 수여하는 ‘밴 플리트상’을 수상했다.")
SECOND = ("공동수상자인 박세리 바즈인터내셔널 공동대표 겸 박세리희망재단 이사장은 한국 여성 최초로 "
          "밴 플리트상을 받았다.")
BOTH = ("코리아소사이어티에 따르면 지난 1일 미국 뉴욕 더플라자 호텔에서 열린 밴 플리트상 "
        "시상식에서 윤윤수 휠라홀딩스 회장과 박세리 이사장이 공동 수상했다.")


def retells(k: int, chosen: list[int], sentences: list[str]) -> bool:
    return retold_event.events_reader(sentences, ANALYSIS.morphs)(k, chosen)


def test_an_award_both_points_told_is_told_again() -> None:
    assert retells(2, [0, 1], [FIRST, SECOND, BOTH])


def test_one_point_does_not_tell_both_winners() -> None:
    # Each point alone tells one winner: the other is someone new.
    assert not retells(2, [0], [FIRST, SECOND, BOTH])
    assert not retells(2, [1], [FIRST, SECOND, BOTH])


def test_the_winner_is_the_first_subject_not_the_prizes_giver() -> None:
    told = retold_event.event(FIRST, ANALYSIS.morphs)
    assert told is not None and told.key == "수상" and "윤윤수" in told.befell
    assert "코리아소사이어티" not in told.befell


@pytest.mark.parametrize("again", [
    # Another winner, a new figure, another prize, another year.
    "시상식에서 윤윤수 회장과 김연아 이사장이 공동 수상했다.",
    "윤 회장은 상금 1만달러와 함께 밴 플리트상을 받았다.",
    "윤 회장은 2015년에도 카투사 상을 받았다.",
    "윤 회장은 2015년 밴 플리트상을 받았다.",
])
def test_another_winner_or_a_new_figure_is_no_retelling(again: str) -> None:
    assert not retells(2, [0, 1], [FIRST, SECOND, again])


def test_getting_anything_but_a_prize_is_no_award() -> None:
    assert retold_event.event("윤 회장은 기부금을 받았다.", ANALYSIS.morphs) is None


def test_the_award_told_again_gives_way_in_a_brief() -> None:
    later = "밴 플리트상은 한미 관계 증진에 기여한 인물에게 주는 상으로 1992년부터 시상했다."
    sentences = [FIRST, SECOND, BOTH, later]
    brief = ExtractiveSummarizer().brief(Article(
        title="윤윤수·박세리, 밴 플리트상 수상… 한미 관계 발전 기여 공로",
        text="\n\n".join(sentences), lang="ko"))
    points = [p.text for p in brief.points]
    assert points[:2] == [FIRST, SECOND]
    assert BOTH not in points and later in points

"""Korean outcomes told late with no figure (issue 28, stop 48's read of ko275, ko69, ko129):
"… 무료로 … 접종을 할 수 있어요", "… 영장이 기각된 것으로", "… 혐의로 입건됐다" tell a key fact
when no sentence before them writes the outcome's word and no figure of theirs is an earlier
one's. Made-up text, each case failing before the rule or guarding what it must not catch."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer
from bot.summarize.lang.ko.select.late_outcome import late_outcome
from tests.support.korean import pool_features
from tests.support.tagging import needs_kiwi


def no_figures() -> frozenset[str]:
    return frozenset()


def three_years() -> frozenset[str]:
    return frozenset({"3년"})


@pytest.mark.parametrize("sentence", [
    "결국 남성은 특수협박 혐의로 입건됐다.",
    "경찰은 구속영장을 신청했으나 법원에서 영장이 기각된 것으로 전해졌다.",
    "남성이 한눈 판 틈을 타 흉기를 치운 뒤 순식간에 제압했다.",
    "해경은 표류하던 선원을 모두 구조했다.",
    "생후 2개월 이상 영아들은 2·4·6개월에 무료로 접종을 할 수 있어요.",
])
def test_an_outcome_told_first_is_a_key_fact(sentence: str) -> None:
    assert late_outcome(sentence, ["경찰이 현장에 출동했다."], no_figures, no_figures)


def test_an_outcome_whose_word_was_written_before_is_none() -> None:
    # the lede told the rescue: a later "구조했다" says it again
    assert not late_outcome("해경은 선원을 모두 구조했다.",
                            ["표류하던 어선의 선원 5명이 해경에 구조됐다."], no_figures, no_figures)


def test_an_outcome_with_a_figure_told_before_is_none() -> None:
    # ko97's shape: the appeal dismissed retells point 2's "징역 3년"
    assert not late_outcome(
        "1심에서 징역 3년을 선고받은 A씨는 항소했지만, 재판부는 이를 기각했다.",
        ["재판부는 A씨에게 원심과 같은 징역 3년을 선고했다."],
        three_years, three_years)


def test_a_sentence_with_no_outcome_is_none() -> None:
    assert not late_outcome("경찰은 영장을 신청했다.", [], no_figures, no_figures)


@needs_kiwi
def test_the_free_vaccine_takes_the_point_of_an_opening_line() -> None:
    # ko275's shape: a column's three opening lines (generic), then the news it is about, the
    # combined vaccine now free, which lost to the third opening line
    title = "[건강한 우리 아이] 영유아 필수 예방접종 ‘혼합 백신’으로 횟수 줄여요"
    free = ("국가예방접종사업으로 B형 간염 백신을 맞은 생후 2개월 이상 영아들은 2·4·6개월에 무료로 "
            "육가 혼합 백신 접종을 할 수 있어요.")
    text = " ".join([
        "아이들은 태어나면서부터 예방접종을 시작합니다.",
        "영유아 시기에 맞아야 하는 필수 예방접종은 총 12종류예요.",
        "태어나서 B형 간염 접종을 맞는 것을 시작으로, 인플루엔자, A형 간염, 수두, 일본뇌염 접종 "
        "등을 맞죠.",
        "하지만 대부분의 예방접종은 한 번에 끝나지 않고 최소 2차에서 최대 5차까지 맞게 돼요.",
        "그러다 보니 아이들은 병원에도 자주 가야 하고 무엇보다 주사는 아프죠.",
        "따라서 여러 가지 항원을 한 번에 맞는 주사약들이 계속 개발되고 있는데요.",
        "2010년에는 디프테리아와 파상풍, 백일해, 소아마비를 합친 사가 백신이 나왔어요.",
        "올해부터는 국가예방접종사업에 오가 백신과 B형 간염 예방접종이 합쳐진 육가 백신이 "
        "도입됐습니다.",
        free,
        "하지만 주의 사항도 있답니다.",
        "여러 가지 항원이 들어 있는 혼합 백신의 등장으로 병원에 자주 가지 않아도 되니 "
        "편리해졌지만, 걱정하시는 분들도 있을 거예요.",
        "어떤 접종약이든 가장 중요한 것은 정해진 일정에 따라 국가에서 권장하는 예방접종을 하는 "
        "것이에요.",
    ])
    features = pool_features(title, text.split(". "))
    assert features[8]["key_fact"] == 1.0
    points = [p.text for p in ExtractiveSummarizer().brief(
        Article(title=title, text=text)).points]
    assert free in points

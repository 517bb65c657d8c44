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
    # the "없" is another clause's (the review of wt-ko48m, finding 8)
    "경찰은 남성을 제압했으며 다친 사람은 없었다.",
])
def test_an_outcome_told_first_is_a_key_fact(sentence: str) -> None:
    assert late_outcome(sentence, ["경찰이 현장에 출동했다."], no_figures, no_figures)


@pytest.mark.parametrize("earlier", [
    "119 구조대가 현장에 출동했다.",
    "선원들은 해경에 구조 요청을 보냈다.",
    "선장은 무전으로 구조를 요청했다.",
    "회사는 구조조정을 발표했다.",
    "선원들은 무전으로 구조해 달라고 요청했다.",  # a plea
    "해경은 선원들을 구조하기 위해 경비함정을 보냈다.",  # an aim
])
def test_a_noun_that_begins_with_the_outcome_tells_none(earlier: str) -> None:
    # the review of wt-ko48m, finding 3: "구조" as a substring blocked ko205's rescue
    assert late_outcome("해경은 표류하던 선원을 모두 구조했다.", [earlier], no_figures, no_figures)


def test_a_new_outcome_after_one_told_before_is_read() -> None:
    # finding 7: the first outcome was told, the booking after it is new
    assert late_outcome("경찰은 남성을 제압했고 특수협박 혐의로 입건했다.",
                        ["경찰은 흉기를 든 남성을 제압했다."], no_figures, no_figures)
    # and each telling of one outcome is read: the first weighed, the second told
    assert late_outcome("경찰은 여성이 입건됐는지 여부는 밝히지 않았고, 남성은 특수협박 혐의로 "
                        "입건했다.", ["경찰이 현장에 출동했다."], no_figures, no_figures)


@pytest.mark.parametrize("sentence", [
    "경찰은 남성이 특수협박 혐의로 입건됐는지 여부는 확인해 주지 않았다.",  # weighed
    "법원은 영장을 기각했을 가능성이 크다.",  # weighed
    "재판부가 밝힌 기준대로라면 나머지 사건들은 기각된다면, 다시 다퉈야 한다.",  # supposed (ko253)
])
def test_an_outcome_denied_weighed_or_supposed_is_none(sentence: str) -> None:
    # finding 6: the guards the docs name (UNTOLD, "기각된" only before a space)
    assert not late_outcome(sentence, ["경찰이 현장에 출동했다."], no_figures, no_figures)


def test_a_free_service_the_story_offers_is_a_key_fact() -> None:
    # ko275's shape: what one can now do, carrying a headline noun
    sentence = "생후 2개월 이상 영아들은 2·4·6개월에 무료로 헥사심 접종을 할 수 있어요."
    assert late_outcome(sentence, ["아이들은 예방접종을 시작합니다."], no_figures, no_figures,
                        story=True)
    assert late_outcome("생후 2개월 영아는 무료로 접종할 수 있어 부담이 없다.", [], no_figures,
                        no_figures, story=True)  # the "없" is another clause's
    # with no headline noun, what one can do for free is not the story's
    assert not late_outcome("관람객은 인근 공영주차장을 무료로 이용할 수 있다.", [], no_figures,
                            no_figures)


@pytest.mark.parametrize("sentence", [
    "축제장 인근 공영주차장은 무료로 개방된다.",  # a logistics note
    "관람객에게는 기념품을 무료로 나눠준다.",
    "공사는 이번 달 안에 구조 변경을 마치고 무료로 개방할 예정이다.",  # a plan
    "구는 주민 누구나 무료로 접종할 수 있도록 추진한다.",  # a plan
])
def test_a_free_thing_that_is_no_outcome_is_none(sentence: str) -> None:
    # the review of wt-ko48m, finding 2: "무료로" fired on any free thing, in any tense
    assert not late_outcome(sentence, ["서울 장미축제가 5일 개막한다."], no_figures, no_figures,
                            story=True)


def test_a_free_service_the_headline_names_is_read_unless_planned() -> None:
    assert late_outcome("축제장 인근 공영주차장은 무료로 개방된다.", [], no_figures, no_figures,
                        free_news=True)
    assert not late_outcome("공영주차장은 다음 달부터 무료로 개방할 계획이다.", [], no_figures,
                            no_figures, free_news=True)


@pytest.mark.parametrize("earlier", [
    "표류하던 어선의 선원 5명이 해경에 구조됐다.",
    "해경은 표류하던 선원 5명을 구조해 목포항으로 옮겼다.",
    "해경에 구조된 선원 5명은 병원으로 옮겨졌다.",
    "선원 5명이 해경에 구조되면서 수색은 끝났다.",
])
def test_an_outcome_told_before_is_none(earlier: str) -> None:
    # an earlier sentence told the rescue: a later "구조했다" says it again
    assert not late_outcome("해경은 선원을 모두 구조했다.", [earlier], no_figures, no_figures)


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


TITLE = "흉기 난동 남성 경찰이 제압…특수협박 혐의 입건"


@needs_kiwi
@pytest.mark.parametrize("heading", ["[사건 현장]", "사진=연합뉴스 제공"])
def test_the_lede_after_a_heading_takes_no_late_outcome(heading: str) -> None:
    # finding 5: the lede is the first candidate that is no caption or heading, not candidate 0
    title = TITLE
    features = pool_features(title, [
        heading,
        "경찰이 골목에서 흉기를 휘두르던 남성을 순식간에 제압했다",
        "경찰에 따르면 이 같은 일은 지난달 5일 광주 서구의 골목에서 발생했다",
        "남성은 술에 취한 상태였던 것으로 조사됐다",
    ])
    assert [f["lede"] for f in features[:2]] == [0.0, 1.0]
    assert [f["key_fact"] for f in features[:2]] == [0.0, 0.0]


@needs_kiwi
def test_a_heading_before_the_lede_takes_no_late_outcome() -> None:
    # a heading at candidate 1 comes before the lede: no late outcome is read there
    features = pool_features(TITLE, [
        "[사건 현장]",
        "[경찰, 흉기 든 남성 제압했다]",
        "경찰이 골목에서 흉기를 휘두르던 남성을 순식간에 붙잡았다",
        "남성은 술에 취한 상태였던 것으로 조사됐다",
    ])
    assert [f["lede"] for f in features[:3]] == [0.0, 0.0, 1.0]
    assert features[1]["key_fact"] == 0.0


@needs_kiwi
def test_a_free_car_park_takes_no_point_of_a_festival() -> None:
    # finding 2, end to end: the free car park took point 3 from the performances
    title = "서울 장미축제 5일 개막…중랑천 일대 장미 1000만 송이"
    car_park = "축제장 인근 공영주차장은 무료로 개방된다."
    sentences = [
        "서울 중랑구의 대표 축제인 서울 장미축제가 5일 중랑천 일대에서 개막해 12일까지 이어진다.",
        "올해 축제에는 장미 1000만 송이가 심어진 5.45㎞ 길이의 장미터널이 조성됐다.",
        "개막식에는 구청장과 주민 등 3000여명이 참석할 예정이다.",
        "축제 기간 중랑천 둔치에서는 공연과 체험 행사가 열린다.",
        "구는 관람객 편의를 위해 셔틀버스를 운행한다.",
        car_park,
        "구 관계자는 “많은 시민이 찾아 장미를 즐기시길 바란다”고 말했다.",
    ]
    assert pool_features(title, [s.rstrip(".") for s in sentences])[5]["key_fact"] == 0.0
    points = [p.text for p in ExtractiveSummarizer().brief(
        Article(title=title, text=" ".join(sentences), lang="ko")).points]
    assert car_park not in points

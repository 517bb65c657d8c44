"""Korean points the stop-32 blind read still named: a bare quotation opening a brief, a
demonstrative pointing at a sentence not shown, the reporter's own visit as a point, a marked
subhead with no predicate. "한편" turns to a new topic and is judged by what follows it. Literal
text, each failing before its fix."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, korean
from bot.summarize.extractive import _usable, candidate_leans_back, refers_back
from bot.summarize.lang.ko import select as ko_select
from bot.summarize.lang.ko.select import cues as ko_cues

needs_kiwi = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")

TITLE = "尹 지지층 관저 앞 집회"
# The quotation opens the story; the sentence naming its speaker follows it.
QUOTE_FIRST = (
    "“윤 (대통령) 계엄선포가 실패했냐고? 이제 우리는 완전히 이겼습니다.”\n"
    "집회 무대에 오른 한 목사는 이렇게 외쳤다.\n"
    "경찰은 관저 주변에 기동대 2700여 명을 배치해 충돌에 대비했다.\n"
    "지지자들은 밤새 관저 앞 도로를 지키겠다며 철야 농성에 들어갔다.\n"
    "윤석열 대통령 지지자 수천 명이 3일 서울 한남동 관저 앞에 모여 체포영장 집행에 반대했다."
)


def _points(title: str, text: str) -> list[str]:
    brief = ExtractiveSummarizer().brief(Article(title=title, text=text, lang="ko"))
    return [p.text for p in brief.points]


def test_a_bare_quotation_opens_no_brief() -> None:
    # Read: "“윤 (대통령) 계엄선포가 실패했냐고? 이제 우리는 완전히 이겼습니다.”" as point 1.
    points = _points(TITLE, QUOTE_FIRST)
    assert not ko_select.bare_quotation(points[0])
    assert "“윤 (대통령) 계엄선포가 실패했냐고? 이제 우리는 완전히 이겼습니다.”" not in points


@pytest.mark.parametrize("quotation", [
    "“윤 (대통령) 계엄선포가 실패했냐고? 이제 우리는 완전히 이겼습니다.”",
    "- “불빛이 끄물끄물하니 신문을 볼 수가 없다.”",
    "“아이가 있는 집은 어쩌라는 건가”",
])
def test_a_bare_quotation_as_the_first_candidate_leans_on_what_follows(quotation: str) -> None:
    # An impersonal lead needs no subject; a quotation still needs its speaker.
    assert ko_select.bare_quotation(quotation)
    assert candidate_leans_back([quotation, "집회 무대에 오른 한 목사는 이렇게 외쳤다."], 0, "ko")


def test_a_lead_with_a_speaker_or_none_needed_does_not_lean_back() -> None:
    said = "김씨는 “여기 오면 살아 있다는 느낌이 들어요.”라고 말했다."
    assert not candidate_leans_back([said, "경찰은 수사에 나섰다."], 0, "ko")
    assert not candidate_leans_back(
        ["2029년부터 서울에서 부산까지 1시간 10분대에 갈 수 있게 될 것으로 보인다."], 0, "ko")
    # a feature's lede ending like an explanation ("…것이다") leans on nothing either
    feature = "닭갈비집을 나설 때 보통은 섬유탈취제를 뿌릴 것이다."
    assert not candidate_leans_back([feature], 0, "ko")


@pytest.mark.parametrize("quoted", [
    "김씨는 “여기 오면 살아 있다는 느낌이 들어요.”라고 말했다.",
    "“여기 오면 살아 있다는 느낌이 들어요”라고 김씨는 말했다.",
])
def test_a_quotation_with_its_speaker_or_verb_is_no_bare_quotation(quoted: str) -> None:
    assert not ko_select.bare_quotation(quoted)


@pytest.mark.parametrize("inner", [
    "이씨는 경찰 조사에서 이를 부인했다.",
    "최안나 의협 대변인은 이날 브리핑을 열고 이 같은 내용을 담은 공동 입장을 발표했다.",
    "검찰은 이에 대해 아무런 입장을 내지 않았다.",
])
def test_a_demonstrative_inside_a_sentence_points_back(inner: str) -> None:
    # Read: "이씨는 … 이를 부인했다" with the claim it denies not shown.
    assert refers_back(inner, "ko")


@pytest.mark.parametrize("leaning", [
    # Read (issue 28): "같은 기간" is the period an earlier sentence gave ("2019년부터 올해
    # 7월까지"), "이처럼" the manner of a quotation not shown ("“실손보험 있으세요?”").
    "같은 기간 적발된 전체 범죄(1만4100건)의 33.1%로 가장 비중이 컸다.",
    "같은 날 오후 서울 도심에서도 집회가 열렸다.",
    "앞으로는 병의원에서 이처럼 환자에게 실손보험 보유 여부를 물을 수 없도록 하는 방안이 추진된다.",
    "이렇듯 두 낱말은 쓰는 경우가 전혀 다르다.",
])
def test_the_same_period_or_this_manner_leans_back(leaning: str) -> None:
    assert refers_back(leaning, "ko")


@pytest.mark.parametrize("standing", [
    # the manner's antecedent is the sentence's own finished clause, or it is quoted
    "금리를 0.25%p 인상했으며 이처럼 큰 폭의 인상은 2년 만이다.",
    # or a clause joined by a connective of any tense (issue 28 review)
    "기온이 40도를 넘나들며 이처럼 무더운 여름은 처음이라는 반응이 나온다.",
    "폭염이 한 달째 이어지는 가운데 이처럼 긴 더위는 1994년 이후 처음이다.",
    "전기요금이 오르면서 이처럼 가계 부담이 커졌다.",
    # or examples quoted in the sentence itself (a Korean feed item's wrap-up)
    "이렇듯 “하늘이 끄물끄물하다” “지렁이가 꾸물꾸물 기어가네”와 같이 ‘끄물끄물’과 ‘꾸물꾸물’은 "
    "사용하는 경우가 전혀 다르지요.",
    "김 지사는 “이처럼 어려운 때일수록 힘을 모아야 한다”고 말했다.",
    # "이같이 밝혔다" after the quotation it reports
    "국토교통부는 3일 브리핑에서 “조사관 2명이 FDR을 운반한다”며 이같이 밝혔다.",
    # "같은 날/해" the same as each other's, what its subjects did following
    "같은 날 태어난 쌍둥이 형제가 나란히 서울대 의대에 합격했다.",
    "같은 해 입사한 동기 3명이 모두 임원으로 승진했다.",
])
def test_a_manner_with_its_antecedent_or_a_same_without_a_time_stands(standing: str) -> None:
    assert not ko_select.inner_reference(standing)
    assert not ko_select.BACK.match(standing)


@pytest.mark.parametrize("leaning", [
    # issue 28 review: "같은 기간/시각/날" then any word ending in 은/한 was spared
    "같은 기간 수출액은 10% 늘었다.",
    "같은 시각 서울은 비가 그쳤다.",
    "같은 기간 중국은 5% 줄었다.",
    "같은 날 발생한 화재로 2명이 다쳤다.",
    "같은 기간 증가한 신규 대출은 3조원이다.",
])
def test_the_same_period_before_a_topic_or_a_relative_clause_leans_back(leaning: str) -> None:
    assert ko_select.BACK.match(leaning)


def test_a_manner_spared_does_not_hide_a_later_demonstrative() -> None:
    assert ko_select.inner_reference(
        "폭염이 이어지며 이처럼 더운 날씨에도 정부는 이 같은 방침을 유지했다.")


def test_a_noun_ending_in_go_is_no_clause_before_a_manner() -> None:
    # "사고" is a noun: no clause before 이처럼 shows the manner
    assert ko_select.inner_reference(
        "경찰 조사에 따르면 사고 현장에서 이처럼 위험한 상황이 반복됐다.")
    assert ko_select.inner_reference("회사 광고 모델이 이를 거부했다.")
    # a verb's 고 still is one
    assert not ko_select.inner_reference("비가 그치고 이처럼 맑은 날이 이어졌다.")


def test_an_opening_manner_with_its_examples_quoted_stands_as_this_does() -> None:
    for opener in ("이처럼", "이렇듯"):
        sentence = (f"{opener} “하늘이 끄물끄물하다” “지렁이가 꾸물꾸물 기어가네”와 같이 두 낱말은 "
                    "쓰는 경우가 다르다.")
        assert not refers_back(sentence, "ko")
    assert refers_back("이처럼 두 낱말은 쓰는 경우가 다르다.", "ko")


@pytest.mark.parametrize("own", [
    # the antecedent is the sentence's own clause or object
    "이씨는 마약류 주문이 들어오면 이를 드랍퍼들이 배달하는 방식으로 범행을 저질렀다.",
    "영풍 측은 조사·판단이 필요하며 이를 위해선 회계장부 등을 열람해야 한다는 취지로 주장했다.",
    "20대 아르바이트생을 강제 추행한 것도 모자라 이를 무마하려 한 60대 업주에게 징역형이 선고됐다.",
    # inside a quotation the demonstrative is the speaker's
    "김 지사는 “이를 위해 모든 지원을 다하겠다”고 말했다.",
    # a word that only contains the letters, and the verb 이르다
    "나이를 속이고 입대한 20대가 3일 경찰에 붙잡혔다.",
    "코로나가 막바지에 이를 무렵 A씨는 경기도의 한 보건소에서 일했다.",
])
def test_a_demonstrative_with_its_antecedent_in_the_sentence_does_not(own: str) -> None:
    assert not ko_select.inner_reference(own)


def test_hanpyeon_turns_to_a_new_topic_and_what_follows_it_is_judged() -> None:
    # 16 of the 21 dev sentences opening on 한편 stand alone; "한편 이와는 …" does not.
    assert not refers_back("한편 서울교통공사는 A씨와 관련 직원 2명을 직위해제했다.", "ko")
    assert not refers_back("한편, 지난 24일 경기 화성시 아리셀 공장 화재로 23명이 사망했다.", "ko")
    assert refers_back("한편 이와는 별개로 서울중앙지법은 가처분 신청을 기각했다.", "ko")
    lede = "경찰은 관저 앞 집회 참가자들을 강제 해산했다."
    day = "한편 이날 오후 윤 대통령 변호인단은 이의 신청을 했다고 밝혔다."
    # "한편 이날 …" leans on the day all the same: read as told elsewhere (``date_told``),
    # weighed while no chosen point tells the day (scoring's ``Pool.leans_on_a_day``)
    assert ko_select.date_told(day) is False
    assert not candidate_leans_back([lede, "경찰은 해산 명령을 다섯 차례 내렸다.", day], 2, "ko")


@pytest.mark.parametrize("visit", [
    "3일 오후 찾은 사고 현장에는 경찰 통제선이 여전히 쳐져 있었다.",
    "지난달 말 방문한 마을 곳곳에선 복구 작업이 한창이었다.",
])
def test_the_reporters_own_visit_is_background(visit: str) -> None:
    # Read: "3일 오후 찾은 사고 현장에는 …" as a point.
    assert ko_select.background(visit)
    assert ko_cues.news(visit, (), lede=False)[2] == 1.0


def test_someone_elses_visit_is_the_story() -> None:
    assert not ko_select.background(
        "오전 2시가 넘어서 이곳을 찾은 60대 여성은 “우리 아들이 사고났다”고 되뇌었다.")


@needs_kiwi
@pytest.mark.parametrize("subhead", [
    "◇뮤지컬 ‘고스트 베이커리’",
    "◇세 차례 소환 불응은 수사 거부",
    "◇탄핵 심판 서류도 수령 거부",
    "- 이해신 교수 연구팀, 신기술 개발에 성공",
])
def test_a_marked_subhead_with_no_predicate_is_never_a_point(subhead: str) -> None:
    # Read: "▶뮤지컬 ‘고스트 베이커리’" as point 1 (▶ is boilerplate; ◇, -, ○ were only
    # weighed down as headings).
    assert not _usable(subhead, "ko")


@needs_kiwi
@pytest.mark.parametrize("marked", [
    "◇경증으로 응급실 가면 본인 부담금 4.5배 내야",
    "◇체포 불응하며 지지자에겐 ‘편지’",
    "- 어른 손바닥만 한 크기의 전복들이 꾸물꾸물 움직이며 햇빛을 피해 숨는다.",
])
def test_a_marked_line_with_a_predicate_stays_a_candidate(marked: str) -> None:
    assert _usable(marked, "ko")

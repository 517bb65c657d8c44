"""Korean points readers tripped over in the issue-28 held-out reads: a quotation split across
two points, subheads and noun phrases as points, points leaning on a person or a day no shown
point introduced, relative days nobody can place. Literal text, each failing before its fix."""

from __future__ import annotations

import pytest

from bot.models import Article, Brief
from bot.summarize import ExtractiveSummarizer, korean, segment, split_sentences

needs_kiwi = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")

RALLY = (
    "윤석열 대통령 지지자 수천 명이 3일 서울 한남동 관저 앞에 모여 체포영장 집행에 반대했다.\n"
    "“윤 (대통령) 계엄선포가 실패했냐고? 이제 우리는 완전히 이겼습니다.”\n"
    "집회 무대에 오른 한 목사는 이렇게 외쳤다.\n"
    "경찰은 관저 주변에 기동대 2700여 명을 배치해 충돌에 대비했다.\n"
    "지지자들은 밤새 관저 앞 도로를 지키겠다며 철야 농성에 들어갔다."
)


def _brief(title: str, text: str) -> Brief:
    return ExtractiveSummarizer().brief(Article(title=title, text=text, lang="ko"))


def _unbalanced(point: str) -> bool:
    return point.count("“") != point.count("”") or point.count("‘") != point.count("’")


@needs_kiwi
def test_a_sentence_end_inside_an_open_quotation_is_none_when_it_closes_on_the_line() -> None:
    # Read: "“윤 (대통령) 계엄선포가 실패했냐고?" and "이제 우리는 완전히 이겼습니다.”" were
    # two points, each with a mark that has no partner.
    sentences = split_sentences(RALLY, "ko")
    assert "“윤 (대통령) 계엄선포가 실패했냐고? 이제 우리는 완전히 이겼습니다.”" in sentences
    assert split_sentences("“한우법을 제정하라! 사료 가격 즉시 인하하라!” 3일 오후 1시.", "ko")[0] \
        == "“한우법을 제정하라! 사료 가격 즉시 인하하라!”"
    assert not any(_unbalanced(p.text) for p in _brief("尹 지지층 관저 앞 집회", RALLY).points)


@pytest.mark.parametrize("half", [
    "“윤 (대통령) 계엄선포가 실패했냐고?",
    "이제 우리는 완전히 이겼습니다.”",
    "‘환자가 없으면 의사도 필요 없다.",
    "국민이 죽고 없으면 국가 역시 필요 없다.’",
    "재판관을 자처한 정청래 법사위원장은 다음과 같이 판결했다. “(이 사건은)",
])
def test_half_a_quotation_a_line_break_cut_is_no_point(half: str) -> None:
    assert segment.not_prose(half, "ko") == "fragment"


@pytest.mark.parametrize("whole", [
    "김씨는 “여기 오면 살아 있다는 느낌이 들어요. 뭔가 답답한 것도 잊을 수 있고요.”라고 말했다.",
    # a writer's slips inside a whole sentence are no break
    "김장섭 팀장은 ““내년엔 ‘빌라 부산’이 계속 운영될 것”이라고 말했다.",
    "특히 신아로미는 책’ 혼자서도 잘 사는 걸 어떡합니까’를 출간한 후 작가로 등극했다.",
    "반면 공단은 \" B씨 등이 2차 가해를 하고 있다”며 엄벌해 달라고 호소했다.",
    "McDonald’s는 3일 햄버거 가격을 올렸다.",
])
def test_a_whole_quotation_or_a_slip_is_prose(whole: str) -> None:
    assert segment.not_prose(whole, "ko") is None


@pytest.mark.parametrize("line", [
    "◇경증으로 응급실 가면 본인 부담금 4.5배 내야",
    "○ 검증된 기술 통해 확실하게 도전",
    "[이별전쟁 15-1] 네버앤딩스토리",
    "<상> 한국과학의 부끄러운 민낯",
    "- 이해신 교수 연구팀, 신기술 개발에 성공",
])
def test_a_bulleted_line_with_no_predicate_is_a_subhead(line: str) -> None:
    assert segment.not_prose(line, "ko") == "subhead"


def test_a_bulleted_sentence_is_prose() -> None:
    for line in ("- 비가 거의 그쳤지만 안개가 짙어지고 날은 종일 끄물끄물하다.",
                 "[속보] 공수처가 윤 대통령 체포영장 집행을 중지했다."):
        assert segment.not_prose(line, "ko") is None


@needs_kiwi
def test_a_noun_phrase_with_a_full_stop_is_no_point() -> None:
    # Read: "지난해 차범석희곡상 뮤지컬 부문 수상자들." as a point.
    # A short item has no choice to make: every usable span was a point.
    text = (
        "뮤지컬 ‘고스트 베이커리’가 다음 달 서울 대학로에서 초연된다.\n"
        "지난해 차범석희곡상 뮤지컬 부문 수상자들.\n"
        "제작사는 배우 8명이 무대에 오른다고 밝혔다."
    )
    points = [p.text for p in _brief("뮤지컬 고스트 베이커리 초연", text).points]
    assert points == ["뮤지컬 ‘고스트 베이커리’가 다음 달 서울 대학로에서 초연된다.",
                      "제작사는 배우 8명이 무대에 오른다고 밝혔다."]

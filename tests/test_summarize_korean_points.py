"""Korean points readers tripped over in the issue-28 held-out reads: a quotation split across
two points, subheads and noun phrases as points, points leaning on a person or a day no shown
point introduced, relative days nobody can place. Literal text, each failing before its fix."""

from __future__ import annotations

import pytest

from bot.models import Article, Brief
from bot.summarize import ExtractiveSummarizer, korean, segment, split_sentences
from bot.summarize.extractive import (
    candidate_leans_back,
    quote_pieces,
    refers_back,
    weights_for,
)
from bot.summarize.lang.ko import segment as ko_segment
from bot.summarize.lang.ko import select as ko_select
from bot.summarize.lang.ko import sentences as ko_sentences
from bot.summarize.lang.ko.select import cues as ko_cues
from bot.summarize.scoring import STATIC, Pool, build_pool
from bot.summarize.text import content_words

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
    "‘12·3 비상계엄' 당시 계엄군 지휘부가 말을 맞춘 정황이 확인됐다.",
])
def test_a_whole_quotation_or_a_slip_is_prose(whole: str) -> None:
    assert segment.not_prose(whole, "ko") is None


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


ABUSE = [
    "코로나 선별진료소에서 직원에게 폭언을 퍼부은 아버지와 아들이 1000만원을 물게 됐다.",
    "3일 법률구조공단에 따르면 작년 2월 A씨는 경기도의 한 보건소에서 운영팀장으로 일했다.",
    "마스크 착용을 요청하자 남성 B씨는 “너 뭐야, 네가 팀장이야?”라며 욕설을 하기 시작했다.",
    "B씨는 “넌 공무원이기 이전에 사람이 먼저 돼야 하는 거야”라며 “보건소장 나오라”고 소리쳤다.",
]


def test_a_person_only_an_unshown_sentence_introduced_leans_back() -> None:
    # Read: "A씨" (or 김씨, 이 씨) first met in point 2 or 3 when no shown point introduced them.
    assert candidate_leans_back(ABUSE, 3, "ko")
    # the lede or the sentence after it introduced A씨: a brief nearly always shows both
    assert not candidate_leans_back(
        [*ABUSE[:3], "A씨는 결국 경찰에 신고했고 법률구조공단의 도움을 받아 소송을 냈다."], 3, "ko")


def _pool_of(sentences: list[str]) -> Pool:
    title = "한남동 관저 앞 시위"
    return build_pool(list(enumerate(sentences)), [content_words(s, "ko") for s in sentences],
                      title, content_words(title, "ko"), "ko", 300, lambda s: False)


@needs_kiwi
def test_this_day_leans_on_a_point_that_names_one() -> None:
    # "이날 …" leans on the day only while no chosen point above it tells it (``date_told``,
    # weighed by scoring's ``Pool.leans_on_a_day``), not on the lede alone (stop 47: ko29's "이날
    # 행사장에서 만난 백 교수는 …" leaned back under a point 2 that tells "3일")
    rally = ["친윤 시위대가 한남동 관저 앞에서 철야 농성에 들어갔다.",
             "윤 대통령 체포를 ‘결사 저지’하겠다는 친윤 시위대는 3일 경찰과 충돌했다.",
             "경찰은 기동대 2700여 명을 관저 주변에 배치했다.",
             "이날 저녁 한남동으로 몰려온 반윤 시위대는 체포를 요구하는 구호를 외쳤다."]
    assert not candidate_leans_back(rally, 3, "ko")  # no static reading of the day
    pool = _pool_of(rally)
    assert not pool.leans_on_a_day(3, [0, 1])  # the dated point 2 is chosen
    assert pool.leans_on_a_day(3, [0, 2])  # it is not


@needs_kiwi
def test_an_additive_subject_leans_back_and_a_speaker_too_does_not() -> None:
    # Read: "…도 제 역할을 했다" (도 after the subject, adding to a list not shown).
    assert refers_back("수비진도 후반 내내 제 역할을 했다.", "ko")
    assert refers_back("의협 집행부도 지금껏 직무유기를 했습니다.", "ko")
    assert not refers_back("박종준 경호처장도 “대통령 안위가 먼저”라고 말했다.", "ko")


def test_a_day_told_relative_to_today_is_weighed_down_not_barred() -> None:
    # Read: "어제는 … 오늘은 …" in a point: when is that?
    def background_of(sentence: str, lede: bool = False) -> float:
        return ko_cues.news(sentence, (), lede)[2]

    assert background_of("어제는 비가 왔지만 오늘은 전국이 맑고 기온이 크게 올랐다.") \
        == ko_select.RELATIVE_DAY_WEIGHT
    # Read (the stop-33 held-out read): a speaker's "오늘", a company's "어제", are no easier
    # to place than the writer's
    assert background_of("경찰은 “오늘 영장 집행에 착수했다”고 설명했다.") \
        == ko_select.RELATIVE_DAY_WEIGHT
    assert background_of("회사 측은 “어제 발표한 내용은 사실과 다르다”고 밝혔다.") \
        == ko_select.RELATIVE_DAY_WEIGHT
    # a day given with it ("오늘(3일)"), a date, and the lede are not
    assert background_of("경찰은 “오늘(3일) 영장 집행에 착수했다”고 설명했다.") == 0.0
    assert background_of("기상청은 3일 전국이 맑겠다고 예보했다.") == 0.0
    assert background_of("오늘 서울의 낮 기온은 30도까지 오른다.", lede=True) == 0.0


def _static_score(sentences: list[str], k: int) -> float:
    """Candidate ``k``'s score before anything is chosen, by Korean's fitted weights."""
    weights = weights_for("ko")
    title = "전국 맑고 기온 올라"
    pool = ExtractiveSummarizer().pool(
        list(enumerate(sentences)), [content_words(s, "ko") for s in sentences], title,
        content_words(title, "ko"), "ko", weights)
    return sum(weights.get(f, 0.0) * v for f, v in zip(STATIC, pool.values[k], strict=True))


def test_a_relative_day_scores_lower_than_the_same_sentence_without_it_and_above_background(
) -> None:
    lede = "기상청은 3일 전국이 대체로 맑고 낮 기온이 평년보다 높겠다고 예보했다."
    rest = ["서울의 낮 기온은 25도, 부산은 27도까지 오르겠다.",
            "기상청은 일교차가 크니 건강 관리에 유의해야 한다고 당부했다."]

    def score(second: str) -> float:
        return _static_score([lede, second, *rest], 1)

    plain = score("비가 그친 뒤 전국이 맑고 기온이 크게 올랐다.")
    relative = score("어제 비가 그친 뒤 전국이 맑고 기온이 크게 올랐다.")
    told_before = score("앞서 비가 그친 뒤 전국이 맑고 기온이 크게 올랐다.")
    assert told_before < relative < plain


@needs_kiwi
@pytest.mark.parametrize("clipped", [
    "삼성전자는 내년 상반기 신제품 출시 예정.",
    "정부는 이달 중 추가 대책 발표 방침.",
    "피해액은 약 50억 원.",
    "이번 사고로 3명 사망, 10명 부상.",
    "올해 수출액 전년 대비 10% 증가.",
])
def test_a_clipped_news_sentence_is_not_verbless(clipped: str) -> None:
    # Read: nominal news endings (a particle, or a noun that says what happens) were dropped.
    assert not ko_select.verbless(clipped, korean.morphs)


@needs_kiwi
@pytest.mark.parametrize("phrase", [
    "지난해 차범석희곡상 뮤지컬 부문 수상자들.",
    "3일 오후 1시 서울 영등포구 여의도 국회의사당 앞.",
])
def test_a_bare_noun_phrase_is_still_verbless(phrase: str) -> None:
    assert ko_select.verbless(phrase, korean.morphs)


@pytest.mark.parametrize("lede", [
    "회사원 김모(45)씨가 3일 새벽 서울 강남구의 한 편의점에서 흉기에 찔렸다.",
    "회사원 김모(45·회사원)씨가 3일 새벽 서울 강남구의 한 편의점에서 흉기에 찔렸다.",
    "회사원 김모씨가 3일 새벽 서울 강남구의 한 편의점에서 흉기에 찔렸다.",
])
def test_a_person_the_lede_names_with_mo_and_an_age_is_introduced(lede: str) -> None:
    story = [lede, "경찰은 현장에서 30대 남성을 붙잡았다.",
             "범행 동기는 아직 밝혀지지 않았다.", "김씨는 병원으로 옮겨져 치료를 받고 있다."]
    assert not candidate_leans_back(story, 3, "ko")
    stranger = [lede, *story[1:3], "박씨는 병원으로 옮겨져 치료를 받고 있다."]
    assert candidate_leans_back(stranger, 3, "ko")


@pytest.mark.parametrize("opening", [
    "날씨가 풀리면서 한강공원도 붐볐다.",
    "아저씨는 매일 새벽 가게 문을 연다.",
    "솜씨가 좋은 장인들이 직접 만든다.",
    "마음씨 고운 주민들이 성금을 모았다.",
    "아가씨는 웃으며 손을 흔들었다.",
    "글씨가 작아 읽기 어렵다는 지적이 나왔다.",
    "말씨는 부드러웠지만 내용은 단호했다.",
])
def test_a_common_ssi_noun_is_no_person(opening: str) -> None:
    story = ["서울 한강공원에 3일 나들이객 10만 명이 몰렸다.", "주차장은 오전부터 가득 찼다.",
             "편의점 매출도 평소의 두 배였다.", opening]
    assert not candidate_leans_back(story, 3, "ko")


@pytest.mark.parametrize("person", ["김씨는", "김모씨는", "이 씨는", "A씨는", "김철수씨는"])
def test_a_person_by_surname_letter_or_name_still_needs_an_introduction(person: str) -> None:
    story = ["서울 한강공원에 3일 나들이객 10만 명이 몰렸다.", "주차장은 오전부터 가득 찼다.",
             "편의점 매출도 평소의 두 배였다.", f"{person} 매일 새벽 가게 문을 연다."]
    assert candidate_leans_back(story, 3, "ko")


@needs_kiwi
@pytest.mark.parametrize("lede", [
    "어젯밤 서울 도심에서 대규모 정전이 일어나 시민들이 불편을 겪었다.",
    "지난 월요일 서울 도심에서 대규모 정전이 일어나 시민들이 불편을 겪었다.",
    "성탄절 서울 도심에서 대규모 정전이 일어나 시민들이 불편을 겪었다.",
    "설날 아침 서울 도심에서 대규모 정전이 일어나 시민들이 불편을 겪었다.",
])
def test_this_day_leans_on_a_lede_that_names_the_day_in_words(lede: str) -> None:
    # the lede tells the day (``date_told``), so "이날 저녁 …" under it leans on nothing
    story = [lede, "한국전력은 변전소 설비 고장이 원인이라고 밝혔다.",
             "복구에는 3시간이 걸렸다.", "이날 저녁 지하철 2호선은 1시간 동안 멈춰 섰다."]
    assert not _pool_of(story).leans_on_a_day(3, [0, 1])
    # without the day in words, the same lede leaves "이날" leaning
    undated = "서울 도심에서 대규모 정전이 일어나 시민들이 불편을 겪었다."
    assert ko_select.date_told(undated) is None
    assert _pool_of([undated, *story[1:]]).leans_on_a_day(3, [0, 1])


@pytest.mark.parametrize("whole", [
    "그는 “괜찮다“고 말했다.",
    "김 위원장은 “끝까지 싸우겠다“며 자리를 떴다.",
    "경찰은 “수사 중이다“라고 밝혔다.",
])
def test_a_doubled_opener_closing_a_quotation_is_a_slip(whole: str) -> None:
    assert segment.not_prose(whole, "ko") is None


@pytest.mark.parametrize("half", [
    "“윤 (대통령) 계엄선포가 실패했냐고?",
    "그는 “고 이건희 회장의 뜻을 이어가겠다",
])
def test_an_opener_starting_a_quotation_is_no_slip(half: str) -> None:
    assert ko_segment.broken_quote(half)


@needs_kiwi
def test_a_speaker_too_of_a_single_quoted_saying_does_not_lean_back() -> None:
    assert not refers_back("김 장관도 ‘검토하겠다’고 말했다.", "ko")
    assert refers_back("수비진도 후반 내내 제 역할을 했다.", "ko")


def test_an_inch_mark_opens_no_quotation() -> None:
    line = "회사는 27\" 모니터를 출시했다. 가격은 30만원이다. 32\" 모델도 나온다."
    pieces = ["회사는 27\" 모니터를 출시했다.", "가격은 30만원이다.", "32\" 모델도 나온다."]
    assert ko_sentences.join_open_quotes(line, pieces) == pieces
    assert split_sentences(line, "ko") == pieces
    # a straight quotation still joins its pieces
    quoted = "그는 \"끝났다. 이제 간다.\" 라고 했다."
    assert ko_sentences.join_open_quotes(quoted, ["그는 \"끝났다.", "이제 간다.\" 라고 했다."]) \
        == [quoted]



NETIZENS = (
    "영상을 본 네티즌들은 오은영 박사의 모습을 보고 “소싯적 레전드 미인이셨구나” “오은영쌤 나와서 "
    "깜짝 놀랐다. 목소리와 말투는 지금과 똑같다” “그때도 지금도 아름다우십니다” 등의 반응을 보였다."
)
NETIZEN_PIECES = [
    "영상을 본 네티즌들은 오은영 박사의 모습을 보고 “소싯적 레전드 미인이셨구나” “오은영쌤 나와서 "
    "깜짝 놀랐다. 목소리와 말투는 지금과 똑같다”",
    "“그때도 지금도 아름다우십니다”",
    "등의 반응을 보였다.",
]


def test_the_pieces_of_a_run_of_quotations_are_never_points() -> None:
    # Read: point 3 was "네티즌들은 … “…” “… 똑같다”", a run of quotations cut after one's
    # own sentence end: no verb. Its pieces, and the bare quotation and "등의 반응을 보였다."
    # after it, are pieces of one sentence.
    lede = "오은영 박사의 31년 전 인터뷰 영상이 공개돼 온라인에서 관심을 모으고 있다."
    sentences = [lede, *NETIZEN_PIECES, "오 박사는 연세대학교 의대를 졸업했다."]
    assert quote_pieces(sentences, "ko", frozenset({0, 1, 4})) == {1, 2, 3}
    # a quotation opened in a paragraph before, closed by "라고": no run of this paragraph
    assert ko_sentences.quote_runs(["구류 중 돌연사가 그 증거입니다.”", "라고 말한다"]) == set()
    # "고(故) …" opens a sentence: no tail
    assert ko_sentences.quote_runs(["그는 “이겼다.”", "고 이건희 회장도 그랬다."]) == set()


@needs_kiwi
def test_a_brief_shows_no_piece_of_a_run_of_quotations() -> None:
    text = (
        "정신건강의학과 전문의 오은영 박사의 31년 전 인터뷰 영상이 공개돼 온라인에서 "
        "관심을 모으고 있다.\n\n"
        "이 영상은 1994년 3월 27일 방송된 ‘빗나간 몸매의 유혹’ 편으로, 거식증 환자의 "
        "모습 등을 담고 있다.\n\n"
        + NETIZENS + "\n\n"
        "오 박사는 연세대학교 의대를 졸업하고 같은 대학원에서 석사와 박사 학위를 받았다.\n\n"
        "오 박사는 현재 여러 방송에 출연하며 육아 전문가로 활동하고 있다."
    )
    assert split_sentences(text, "ko")[2:5] == NETIZEN_PIECES
    points = [p.text for p in _brief("“소싯적 미모에 깜짝”… 오은영 박사 31년 전 인터뷰 영상 화제",
                                     text).points]
    assert len(points) == 3 and not set(points) & set(NETIZEN_PIECES)


PHOTO = ("서울 전역에 한파특보가 내려진 3일 오전 서울 종로구 광화문광장에서 시민들이 "
         "출근길 발걸음을 재촉하고 있다.")


@pytest.mark.parametrize("body", [
    PHOTO + " /뉴스1",
    PHOTO + "/연합뉴스",
    PHOTO + "  2025.1.3/뉴스1 ⓒ News1 김민지 기자",
])
def test_a_photo_story_is_briefed_by_its_caption_without_the_credit(body: str) -> None:
    # Read: an item whose body is a photo caption had the credit ("ⓒ News1 김민지 기자") as
    # its one point, or no point at all.
    assert [p.text for p in _brief("한파 속 출근길", body).points] == [PHOTO]


def test_a_caption_that_is_only_a_noun_phrase_gives_no_point() -> None:
    assert ko_segment.caption_text("서울 서초구 대법원 청사 전경. /뉴스1") is None
    assert ko_segment.caption_text(PHOTO) is None  # no credit: no caption



@needs_kiwi
def test_a_time_or_place_told_before_leans_back() -> None:
    # Read: "당시 …", "이곳 …" points leaning on a date or place no shown point gave: "당시에는
    # …" was point 2 under "여름에 혹독한 우울증을 겪은 적이 있다.", its time in the sentence
    # between ("독일 베를린에서였다.").
    column = ["여름에 혹독한 우울증을 겪은 적이 있다.", "독일 베를린에서였다.",
              "당시에는 나의 증상이 우울증인지 몰랐다."]
    assert candidate_leans_back(column, 2, "ko")
    leaning = ("당시 상황이 담긴 영상을 보면, 남성은 양손에 흉기를 든 채 골목을 걸어 다녔다.",
               "이곳에서 시민들은 매주 토요일 집회를 열어 왔다.")
    assert all(refers_back(s, "ko") for s in leaning)


def test_the_outlet_naming_itself_is_background() -> None:
    # Read: "본지 취재를 종합하면, …" and "하지만 본지가 …" as points: "this paper" is no one
    # where the brief is read.
    for sentence in ("본지 취재를 종합하면, 최근 김 위원에 대한 차기 기상청 차장 인사 검증 절차가 "
                     "사실상 마무리됐다.",
                     "하지만 본지가 입수한 내부 문건에는 다른 내용이 적혀 있었다."):
        assert ko_select.background(sentence)
    assert not ko_select.background("본지점 직원들은 3일 오전 긴급 회의를 열었다.")
    # a speaker's call to the paper is the speaker's sentence
    assert not ko_select.background(
        "김범수 서울대 통일평화연구원장은 본지 통화에서 “영향이 크다”고 했다.")


@needs_kiwi
def test_a_reason_opening_with_no_subject_of_its_own_leans_back() -> None:
    # Read: a "…때문이다" explanation whose contrast was not shown. The reason clause's own
    # subject ("농장이") is not the sentence's.
    assert refers_back("그 안에 농장이 깔려 있기 때문이다.", "ko")
    assert refers_back("메타물질 특성을 조작하면 빛이 반사되지 않고 투과되게 만들 수 있기 때문이다",
                       "ko")
    # its own subject or topic first: a reason that names what it explains stays
    assert not refers_back("공수처가 공수처법을 근거로 ‘이첩 요구’를 했기 때문이다.", "ko")
    assert not refers_back("달이 크게 보이는 원리는 달이 근지점을 통과해 거리가 짧아지기 때문이다",
                           "ko")


@pytest.mark.timeout(60)  # the quadratic search took minutes on this input; linear, milliseconds
def test_a_long_whitespace_run_in_a_caption_is_read_in_linear_steps() -> None:
    # Review 35: CAPTION_DATE opened on "\s+", retried from every space of a long run.
    for space in ("\u1680", "\u2028", "\x1f"):
        span = "서울 종로구에서 시민들이 걷고" + space * 200_000 + "있다. /뉴스1"
        assert ko_segment.caption_text(span) == span[: span.index(".") + 1]
    dated = "서울 종로구에서 시민들이 걷고 있다. 2025.1.3/뉴스1"
    assert ko_segment.caption_text(dated) == "서울 종로구에서 시민들이 걷고 있다."


def test_a_reason_with_its_own_topic_leans_on_nothing() -> None:
    # Review 35: a topic ("… 이유는", "… 것은") past the first two words was read as none.
    for sentence in (
        "최근 몇 년 사이 서울 집값이 급등한 이유는 공급이 크게 부족했기 때문이다.",
        "급발진 인정 사례를 찾아보기 어려운 것은 국내 제조물 책임법에 따라 사실 입증 책임이 "
        "운전자에게 있기 때문이다.",
    ):
        assert not refers_back(sentence, "ko"), sentence
    assert refers_back("그 안에 농장이 깔려 있기 때문이다.", "ko")


@needs_kiwi
def test_this_day_under_a_dated_second_point_tells_the_headlines_claim() -> None:
    # ko29's shape (stop 47): a bare quotation, the report that names its speaker and the day,
    # background, then "이날 …" with the claim the headline quotes
    claim = ("이날 행사장에서 만난 김 교수는 “진보 진영도 북한 인권 문제를 꾸준히 제기해야 한다는 "
             "주장에는 변화가 없다”고 했다.")
    text = "\n\n".join([
        "“정치적인 목적을 위해 인권 문제를 희생해서는 안 됩니다.”",
        "3일 서울 중구 한국프레스센터에서 열린 ‘북한인권 심포지움’에 참석한 김철수 하와이대 "
        "교수는 “북한 인권 문제에는 보수, 진보가 따로 없다”면서 이같이 말했다. 이날 행사는 "
        "유엔 인권이사회의 정기검토에서 다뤄질 주요 내용을 검토하기 위해 열렸다.",
        "김 교수는 1989년 비합법 사회주의 조직을 결성한 대표적인 ‘운동권 스타'다. 1992년에는 "
        "국가보안법 위반 혐의로 구속돼 무기징역까지 선고 받은 전력도 있다.",
        claim + " 그는 “북한 인권 문제를 제기하는 것은 보편적이고 인간적인 가치를 지향하는 "
        "것”이라고 했다.",
        "김 교수는 2005년 미국 하버드대에서 열린 토론회에서 “운동권도 북한 인권문제를 "
        "제기해야 한다”고 말해 주목 받았다.",
    ])
    title = "‘운동권 스타’ 김철수 “진보 진영도 북한 인권 문제 제기해야”"
    points = [p.text for p in ExtractiveSummarizer().brief(
        Article(title=title, text=text)).points]
    assert claim in points

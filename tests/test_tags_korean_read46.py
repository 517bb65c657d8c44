"""Issue 28, the Korean blind read of stop 46 (24 pairs): tags readers called weak on our side,
those the stop 47 blind read kept. A project's cost (#사업비), a generic word Kiwi reads as two
(#집행유예), a made-up name (#영숙 of "영숙(가명)"), a person glued to his company
(#윤윤수-휠라홀딩스) and the company named only as his workplace, and a name read out of longer
terms (#조선 of "조선 반도", not #순천경찰서 of "순천경찰서장은" nor #무안 of "무안국제공항" twice);
each with a recall case the rule must not cost, save the whole-word GENERIC check (``집행유예``),
which has none yet (a proper noun Kiwi splits whose whole word is GENERIC). Each ko case is
cut from the ko set's story (ids in /work/notes/base47/ko.jsonl); the recall cases are made
up."""

from __future__ import annotations

import pytest

from bench import ko_news
from tests.conftest import shared_path
from tests.support.tagging import TagCase, brief_tags, needs_kiwi, tag_test

CASES = [
    TagCase("a_project_cost_is_no_tag_but_the_project_is",  # ko121
            "사업비 775억 더 올려, 위례신사선 재입찰하기로",
            "민자 사업자가 공사비 상승 등을 이유로 사업을 포기해 장기 표류할 위기에 놓인 "
            "위례신사선 경전철 사업이 다시 추진된다. 서울시는 4일 사업비를 775억원 추가 증액해 "
            "재차 사업자 모집 공고를 낸다고 밝혔다. 위례신사선은 위례신도시와 서울 강남을 "
            "연결하는 경전철이다. 서울시가 이번에 사업비를 775억원 추가 증액하면 당초 "
            "1조4847억원이었던 사업비가 1조8380억원으로 늘어난다.",
            present=("위례신사선",), absent=("사업비",)),
    TagCase("a_name_marked_made_up_is_no_tag",  # ko46
            "‘나는 솔로’ 출연자가 PD 공개 비판...“꼴랑 400만원 주고 사지 몰아”",
            "예능프로그램 ‘나는 솔로’ 16기 영숙(가명)이 해당 프로그램 연출자인 남규홍 PD를 공개 "
            "비판하고 나섰다. 영숙은 지난 2일 자신의 소셜미디어를 통해 계약서를 받지 못했다고 "
            "주장했다. 영숙은 “내 의사와 상관없이 내 영상을 우려 썼다”고 했다. 돌싱 특집에 "
            "출연했던 영숙은 “꼴랑 400만원에 한 달을 촬영했다”고 했다.",
            absent=("영숙",)),
    TagCase("a_person_and_his_company_are_no_one_tag",  # ko159
            "윤윤수·박세리, 밴 플리트상 수상… 한미 관계 발전 기여 공로",
            "윤윤수 휠라홀딩스 회장이 한미 관계 발전에 기여한 공로로 미국 비영리단체 "
            "코리아소사이어티가 수여하는 ‘밴 플리트상’을 수상했다. 공동수상자인 박세리 "
            "바즈인터내셔널 공동대표 겸 박세리희망재단 이사장은 한국 여성 최초로 밴 플리트상을 "
            "받았다. 코리아소사이어티에 따르면 지난 1일 미국 뉴욕에서 열린 시상식에서 윤윤수 "
            "휠라홀딩스 회장과 박세리 이사장이 공동 수상했다. 한국 여성이 이 상을 받은 것은 "
            "박세리 이사장이 최초다.",
            present=("윤윤수", "박세리"), absent=("윤윤수-휠라홀딩스", "휠라홀딩스")),
    TagCase("a_name_read_out_of_longer_terms_is_no_tag",  # ko45
            "윤미향 주최 토론서 “北전쟁관 수용” 시민단체 이사장 檢 송치",
            "윤미향 전 의원이 국회에서 주최한 공개 토론회에서 ‘북한의 전쟁은 정의의 전쟁관’ 같은 "
            "발언을 한 시민단체 이사장이 검찰에 송치됐다. 김 이사장은 “그 전쟁관도 수용해야 "
            "한다”며 “저는 조선 반도에서, 분단된 한반도에서의 평화를 바란다”고 말했다. 경찰은 "
            "그의 저서인 ‘전략국가 조선민주주의인민공화국’에서도 이적성이 확인됐다고 밝혔다. "
            "윤미향 의원실 측은 “개인 의견”이라고 했다.",
            present=("윤미향",), absent=("조선",)),
    TagCase("a_sentencing_word_kiwi_reads_as_two_is_no_tag",  # ko162
            "‘병역 비리’ 래퍼 나플라, 징역형 집행유예 확정",
            "사회복무요원 복무 중 정신질환을 앓는 것처럼 꾸며 일찍 소집해제 판정을 받으려고 "
            "한 래퍼 나플라가 대법원에서 징역형의 집행유예를 확정받았다. 대법원 1부는 병역법 "
            "위반 등 혐의로 기소된 나플라에게 징역 1년 2개월에 집행유예 2년을 선고한 원심 "
            "판결을 확정했다. 1심은 징역 1년의 실형을 선고했지만, 2심은 징역 1년 2개월에 "
            "집행유예 2년으로 감형했다. 나플라와 함께 병역 비리 혐의로 기소된 래퍼 라비는 "
            "징역 1년에 집행유예 2년을 선고받았다.",
            present=("나플라",), absent=("집행유예",)),
    TagCase("a_police_station_its_chief_speaks_for_is_a_tag",  # ko82
            "‘3400만원 보이스피싱’ 저지한 은행원들… 경찰, 포상금 지급",
            "전화금융사기(보이스피싱) 피해를 예방한 은행원이 경찰로부터 포상금 등을 받았다. "
            "순천경찰서는 2일 보이스피싱 피해를 예방한 은행원 2명에게 감사장과 신고포상금 "
            "30만원씩을 수여했다고 밝혔다. 은행원 A씨는 지난달 21일 60대 남성이 2500만원을 "
            "대출받으려 하자 112에 보이스피싱 의심 신고를 했다. 국승인 순천경찰서장은 "
            "“시민의 재산을 지킬 수 있었다”며 “보이스피싱 예방에 최선을 다하겠다”고 말했다.",
            present=("순천경찰서",)),
    TagCase("a_departure_city_written_once_more_in_one_longer_word_is_no_tag",  # ko254
            "에어부산 여객기, 계기상 랜딩기어 오류로 복행했다가 착륙",
            "홍콩에서 김해국제공항으로 향하던 에어부산 여객기가 랜딩기어 계기 오류로 착륙을 "
            "포기하고 복행했다. 3일 에어부산에 따르면 이날 오전 6시 20분쯤 홍콩발 에어부산 "
            "여객기가 김해국제공항에 착륙하려다 랜딩기어 오류 표시가 떠 복행했다. 에어부산 "
            "관계자는 “육안 점검 후 안전하게 착륙했다”고 말했다.",
            present=("에어부산",), absent=("홍콩",)),
    TagCase("a_real_name_beside_a_made_up_one_is_a_tag[recall]",
            "박세리 이사장, 장학금 10억 기부…“후배들 꿈 응원”",
            "박세리 박세리희망재단 이사장이 골프 꿈나무들을 위해 장학금 10억원을 기부했다. "
            "박세리 이사장은 3일 “후배들이 마음껏 꿈을 펼치길 바란다”고 말했다. 장학금을 받은 "
            "지은(가명)양은 “박세리 선수처럼 되고 싶다”고 했다. 박세리 이사장은 매년 기부를 "
            "이어가겠다고 밝혔다.",
            present=("박세리",), absent=("지은",)),
    TagCase("a_company_the_story_also_writes_alone_is_a_tag[recall]",
            "전기차 판매 부진에 신차 3종 조기 투입",
            "정의선 현대차그룹 회장이 전기차 판매 부진을 돌파하기 위해 신차 3종을 조기 투입한다. "
            "현대차그룹은 3일 올해 하반기 전기차 신차 출시 계획을 발표했다. 현대차그룹은 미국 "
            "조지아주 공장의 가동도 앞당긴다. 정의선 회장은 “위기를 기회로 바꾸겠다”고 말했다. "
            "현대차그룹 관계자는 “판매 목표는 그대로”라고 했다.",
            present=("현대차그룹",), absent=("정의선-현대차그룹",)),
    TagCase("a_short_name_written_alone_and_inside_longer_words_is_a_tag[recall]",
            "AI 비서 ‘카나나’ 출시…메신저에 연내 탑재",
            "카카오가 3일 인공지능 비서 ‘카나나’를 공개했다. 카카오는 카나나를 연내 카카오톡에 "
            "탑재할 계획이다. 카카오 관계자는 “이용자의 일상을 돕는 비서가 될 것”이라고 말했다. "
            "카카오는 카나나의 시범 서비스를 이달 시작한다.",
            present=("카카오",)),
    # Review of wt-fixtagko47, finding 1: a person's name with the copula or an ending glued
    # on ("손흥민이었다", "한동훈측", "이재명표") is the name written alone, not inside a
    # longer word.
    TagCase("a_name_with_the_copula_is_the_name_alone[recall]",
            "올해의 선수상 발표",
            "올해의 선수상 수상자는 손흥민이었다. 대한축구협회는 3일 시상식을 열었다. 손흥민 "
            "선수는 소감에서 팀 동료들에게 감사하다고 말했다.",
            present=("손흥민",)),
    TagCase("a_name_with_the_present_copula_is_the_name_alone[recall]",
            "올해의 선수상 발표",
            "대한축구협회는 3일 올해의 선수로 손흥민을 선정했다. 수상자는 손흥민이다. 협회는 "
            "시상식을 이달 연다.",
            present=("손흥민",)),
    TagCase("a_name_with_its_side_is_the_name_alone[recall]",
            "특검법 재표결 앞두고 여야 공방",
            "국민의힘은 3일 특검법 재표결을 앞두고 민주당을 비판했다. 한동훈측은 당론을 "
            "따르겠다고 밝혔다. 한동훈 대표는 이날 의원총회에서 입장을 정리했다.",
            present=("한동훈",)),
    TagCase("a_name_with_its_brand_is_the_name_alone[recall]",
            "기본소득 정책 재추진",
            "더불어민주당은 3일 이재명표 기본소득 정책을 다시 추진하기로 했다. 이재명 대표는 "
            "이날 최고위원회의에서 기본소득은 미래를 위한 투자라고 말했다. 당은 기본소득 "
            "법안을 이달 발의한다.",
            present=("이재명",)),
    # Finding 2: a foreign first name the story also writes alone is no person before a
    # company; "제니퍼 로렌스 배우" is one name.
    TagCase("a_foreign_name_whose_first_name_is_written_alone_stays_whole[recall]",
            "할리우드 스타 내한…팬미팅 열어",
            "제니퍼 로렌스 배우가 3일 내한해 팬미팅을 열었다. 제니퍼는 팬들에게 감사 인사를 "
            "전했다. 제니퍼 로렌스 배우는 다음 작품도 한국에서 촬영하고 싶다고 말했다.",
            present=("제니퍼-로렌스",), absent=("제니퍼",)),
    # Finding 4: a place written once alone and twice inside one longer name is a tag (the
    # ko252 feed test guards it too, but skips without ../shared/data).
    TagCase("a_place_held_twice_by_one_longer_name_is_a_tag",  # ko252, cut
            "사고 원인 규명할 비행기록 장치, 6일 미국으로 보낸다",
            "무안 제주항공 사고 여객기의 비행기록장치(FDR)가 자료 추출을 위해 오는 6일 미국으로 "
            "운반된다. FDR은 사고 원인을 규명할 핵심 장비로 꼽힌다.\n\n"
            "국토교통부는 3일 사고 대응 브리핑에서 “항공철도사고조사위원회(이하 사조위) 조사관 "
            "2명이 미국 교통안전위원회로 FDR을 운반한다”며 이같이 밝혔다. 자료 추출이 바로 "
            "가능하겠느냐는 질문에 국토부 관계자는 개시 시점은 정확히 밝히지 않았으나, “미국과 "
            "원활히 합의가 돼 출국 일정을 잡은 것”이라고 했다. 앞서 국토부는 국내에서는 FDR 자료 "
            "추출이 어려워 미국으로 보낼 것이라 밝힌 바 있다. 아울러 “음성기록장치(CVR)는 실제 "
            "들을 수 있는 음성 파일 형태로 변환해, 녹취록을 작성하는 단계”라고 전했다.\n\n"
            "사고를 키운 것으로 지적되는 ‘로컬라이저 둔덕’에 대해선, “한국공항공사에서 발주를 "
            "했고, 설계와 시공은 전문 회사가 진행했다”고 밝혔다. 로컬라이저는 전파를 통해 "
            "항공기의 안전한 착륙을 돕는 설비다. 무안국제공항의 경우 로컬라이저가 콘크리트 둔덕 "
            "위에 있었고, 사고 여객기는 이와 충돌했다. 2020년 한국공항공사가 무안국제공항의 "
            "로컬라이저 시설 등 개량 사업 설계 용역을 발주했다. 이후 콘크리트가 삽입된 흙 둔덕 "
            "위에 콘크리트 상판이 올라갔다. 국토부는 “설계사가 지반 상황을 검토하다 안전성 "
            "측면에서 상판을 설계해 제시했고, 공사가 수용한 것”이라고 했다.",
            present=("무안",)),
]

test_tags = tag_test("ko", CASES)


@needs_kiwi
@pytest.mark.parametrize(("headline", "present"), [
    # ko252: "무안 제주항공 사고 …" once, "무안국제공항" twice: the stop 47 read's "#무안",
    # "where the crash happened" (a longer name written twice says where, not once as 홍콩발)
    ("사고 원인 규명할 비행기록 장치, 6일 미국으로 보낸다", "무안"),
])
def test_the_feeds_place_held_by_a_repeated_longer_name_is_a_tag(headline: str,
                                                                  present: str) -> None:
    articles = {a.title: a for a in ko_news.articles(shared_path("feeds", "real-world-ko"))}
    story = articles[headline]
    assert present in brief_tags(story.title, story.text, "ko")


# Finding 3: the press marks a made-up name with an age too ("영숙(가명·32)").
@needs_kiwi
@pytest.mark.parametrize("marked", ["영숙(가명·32)이", "영숙(가명, 32)이", "영숙(가명) 씨가"])
def test_a_name_marked_made_up_with_an_age_is_no_tag(marked: str) -> None:
    headline = "‘나는 솔로’ 출연자가 PD 공개 비판...“꼴랑 400만원 주고 사지 몰아”"
    text = (f"예능프로그램 ‘나는 솔로’ 16기 {marked} 해당 프로그램 연출자인 남규홍 PD를 공개 "
            "비판하고 나섰다. 영숙은 지난 2일 자신의 소셜미디어를 통해 계약서를 받지 못했다고 "
            "주장했다. 영숙은 “내 의사와 상관없이 내 영상을 우려 썼다”고 했다.")
    assert "영숙" not in brief_tags(headline, text, "ko")

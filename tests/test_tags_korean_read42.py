"""Issue 28, blind reads 41 (ko2) and 43: Korean tags a reader would not follow: a hospital
where a patient was treated (#서울대병원), the winners' university written only as where they
work (#서울대), and words met on the way (#영장 of an arrest, the car models of a convoy:
#카니발 #그랜저, tags again where the headline writes them). Read 43 preferred #신생아 and
#기동대 on stories about newborns and a riot police unit: they stay."""

from __future__ import annotations

from tests.support.tagging import TagCase, tag_test

SNUH_STRIKE = ("서울대병원 교수들이 17일부터 무기한 휴진에 들어갔다. 서울대병원 비대위는 전공의 "
               "처분 취소를 요구했다. 서울대병원 교수 1000여명 가운데 절반이 참여했다. "
               "서울대병원은 외래 진료를 줄였다.")
LEE_HAESHIN = ("KAIST는 화학과 이해신 교수 연구팀이 주삿바늘 개발에 성공했다고 6일 밝혔다. 이해신 "
               "교수는 기술이 유용할 것이라고 말했다. 이해신 교수는 상용화를 추진한다. 이해신 "
               "교수 연구팀은 홍합을 모방했다.")

CASES = [
    TagCase("a_hospital_the_headline_does_not_write_is_no_tag",
            "“우리 아들 좀 살려주세요” 어머니는 주저앉았다",
            "30세 청년이 서울대병원 응급실에서 숨졌다. 어머니는 서울대병원 앞에서 주저앉았다. "
            "유족은 서울대병원이 치료를 미뤘다고 주장했다. 병원 측은 절차를 따랐다고 밝혔다.",
            absent=("서울대병원",)),
    TagCase("a_hospital_the_headline_writes_short_keeps_its_full_name",
            "휴진 예고 아산병원 교수들 “중증 진료에 집중”",
            "집단 휴진을 예고한 서울아산병원 교수 비대위가 진료를 재조정하겠다고 밝혔다. "
            "서울아산병원 비대위는 중증 환자 진료에 집중하기로 했다. "
            "서울아산병원은 경증 환자를 1·2차 병원으로 회송한다.",
            present=("서울아산병원",)),
    TagCase("a_university_written_only_as_where_winners_work_is_no_tag",
            "권영민 교수 등 5명 ‘경암상’",
            "경암교육문화재단은 30일 경암상 수상자를 발표했다. 올해 수상자는 권영민 서울대 "
            "국문학과 명예교수, 박승범 서울대 화학부 교수, 허원도 KAIST 생명과학과 교수다. "
            "시상식은 부산에서 열린다.",
            absent=("서울대",)),
    TagCase("a_warrant_and_a_convoys_car_models_are_no_tags",
            "[속보] 공수처, 한남동 관저 진입… 尹 체포 영장 집행 시작",
            "공수처가 윤석열 대통령 체포 영장 집행을 시작했다. 공수처 차량 행렬은 관저로 향했다. "
            "K5 승용차와 카니발 두 대가 먼저 출발하고, "
            "5분쯤 뒤 그랜저와 카니발 한 대가 뒤따랐다. "
            "그랜저에는 공수처 검사들이 탔다. 영장 집행은 오전 7시에 시작됐다.",
            absent=("카니발", "그랜저", "영장")),
    TagCase("a_hospital_the_headline_writes_long_or_spaced_is_one_name[long]",
            "서울대학교병원 교수들 무기한 휴진", SNUH_STRIKE, present=("서울대병원",)),
    TagCase("a_hospital_the_headline_writes_long_or_spaced_is_one_name[spaced]",
            "서울대 병원 교수들 휴진", SNUH_STRIKE, present=("서울대병원",), absent=("서울대",)),
    TagCase("a_university_before_a_post_with_a_particle_is_where_winners_work",
            "권영민 교수 등 5명 ‘경암상’",
            "경암교육문화재단은 30일 경암상 수상자를 발표했다. 권영민 서울대 국문학과 명예교수가 "
            "인문사회 분야 상을 받는다. 박승범 서울대 화학부 교수는 자연과학 분야 수상자다. "
            "허원도 KAIST 생명과학과 교수도 상을 받는다. 시상식은 부산에서 열린다.",
            absent=("서울대",)),
    TagCase("a_car_model_the_headline_writes_is_a_tag[recall]",
            "기아, 카니발 4만대 리콜…에어백 결함",
            "기아가 카니발 4만2000대를 리콜한다. 국토교통부는 카니발 조수석 에어백에 결함이 "
            "확인됐다고 밝혔다. 카니발 소유주는 무상 수리를 받을 수 있다. 카니발은 지난해 "
            "가장 많이 팔린 미니밴이다. 기아는 카니발 소유주에게 우편으로 알린다.",
            present=("카니발",)),
    TagCase("a_car_model_the_headline_writes_is_a_tag[sales]", "현대차 그랜저, 3개월 연속 판매 1위",
            "현대차 그랜저가 3개월 연속 국내 판매 1위에 올랐다. 그랜저는 지난달 1만대 넘게 "
            "팔렸다. 그랜저 하이브리드 비중은 60%다. 현대차는 그랜저 신형을 내년에 내놓는다.",
            present=("그랜저",)),
    TagCase("a_riot_police_unit_and_a_newborn_the_story_is_about_keep_their_tags[riot]",
            "‘기동대 직원 폭행’ 물의 빚은 경찰서장 “변명 여지없이 잘못”",
            "한 경찰서장이 기동대 직원을 폭행해 물의를 빚었다. 그는 기동대 직원에게 사과했다. "
            "기동대 측은 감찰을 요청했다. 서장은 변명 여지없이 잘못했다고 말했다.",
            present=("기동대",)),
    TagCase("a_riot_police_unit_and_a_newborn_the_story_is_about_keep_their_tags[newborn]",
            "“반인륜적 범행” 출산 후 신생아 살해한 엄마...2심서도 징역 5년",
            "출산 직후 신생아를 살해한 엄마가 2심에서도 징역 5년을 선고받았다. 재판부는 "
            "신생아 살해는 반인륜적 범행이라고 했다. 2012년 신생아 사건은 무죄였다.",
            present=("신생아",)),
    TagCase("a_professor_named_before_the_post_keeps_the_tag", "KAIST, 피 안나는 주삿바늘 개발",
            LEE_HAESHIN, present=("이해신",)),
    TagCase("a_professor_named_before_a_department_keeps_the_tag", "아프리카발톱개구리 유전체 해독",
            "아프리카발톱개구리의 유전체를 국제 공동연구진이 해독했다. UNIST는 권태준 "
            "생명과학부 교수가 제1 저자로 참여했다고 밝혔다. 연구진은 4만여 개 유전자를 "
            "규명했다. UNIST는 권태준 생명과학부 교수가 후속 연구를 이끈다고 했다.",
            present=("권태준",)),
    TagCase("a_professor_opening_a_line_keeps_the_tag", "피 안 나는 주삿바늘 개발",
            "- 이해신 교수 연구팀, 신기술 개발\nKAIST는 화학과 이해신 교수 연구팀이 피가 나지 "
            "않는 주삿바늘을 개발했다. 연구팀은 홍합을 모방했다. 기술은 유용할 것으로 "
            "기대된다\n이해신 교수는 “혈우병 환자에게 유용할 것”이라고 말했다.",
            present=("이해신",)),
]

test_tags = tag_test("ko", CASES)

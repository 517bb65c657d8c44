"""Korean points that stand alone (issue 28, stop 48's read of our Korean briefs): a textbook
definition as a point. Literal text from the dev articles, and the stop 48 review's news
sentences that must not read as one."""

from __future__ import annotations

import pytest

from bot.summarize.lang.ko import select as ko_select


@pytest.mark.parametrize("sentence", [
    # ko156: the readers' "a textbook definition of 전자금융거래법, not news"
    "전자금융거래법은 디지털 수단을 이용한 금융 거래에 필요한 사항을 규율하는 법률로, "
    "실생활에서는 주로 신용카드·통장과 이에 접근하기 위한 공인인증서 등을 대여·판매하는 "
    "행위를 처벌하는 역할을 한다.",
    "한식진흥원은 농림축산식품부 산하 공공기관으로, 한식의 세계화를 목표로 설립됐다.",  # ko132
    "IAMF는 산악영화와 산악문화 발전을 위해 지난 2000년에 설립된 국제단체로, 5대륙 20개 "
    "국가의 25개 산악영화제와 … 27개 회원으로 구성돼 있다.",  # ko126
    # "로서," and "이며," close it as "(으)로," does
    "양형위원회는 대법원 산하 독립기구로서, 형량 기준을 정한다.",
    "양형위원회는 대법원 산하 독립기구이며, 형량 기준을 정한다.",
    # the topic after a past year
    "지난 2007년 시행된 전자금융거래법은 금융 거래를 규율하는 법률로, 처벌 조항을 담았다.",
])
def test_what_a_named_thing_is_is_background(sentence: str) -> None:
    assert ko_select.background(sentence)


@pytest.mark.parametrize("sentence", [
    "양형위는 전자금융거래법 위반 범죄에 관해 형량 범위를 각각 8개월 이하·4개월~1년으로 늘렸다.",
    "경찰은 A씨를 특수협박 혐의로, B씨를 폭행 혐의로 각각 입건했다.",
    # a kind noun as a means or a destination (the stop 48 review's 13)
    "A씨는 이 같은 수법으로, 2년간 피해자 30명에게서 5억원을 가로챈 혐의를 받는다.",
    "삼성전자는 자체 개발한 기술로, 세계 최초로 2나노 공정 양산에 성공했다.",
    "부상자 3명은 인근 의료기관으로, 경상자 5명은 보건소로 각각 이송됐다.",
    "정부는 그 해법으로, 규제 완화와 세제 지원을 내놨다.",
    "경찰은 이들을 불법으로, 규정했다.",
    "학생들은 단체로, 버스를 타고 현장에 도착했다.",
    "회사는 새 방식으로, 생산량을 두 배로 늘렸다.",
    "이번 사고는 원전 사상 최악의 현상으로, 방사능 수치가 기준치의 100배를 넘었다.",
    "현대차는 이번 신제품으로, 올해 판매 목표를 30만 대로 높였다.",
    "윤 대통령은 거부권 행사 방법으로, 국회에 재의를 요구했다.",
    # the news about the very thing
    "이번 협약은 한일 양국이 처음 맺는 기후 협약으로, 2030년까지 탄소 배출을 절반으로 줄이는 "
    "내용을 담았다.",
    "이날 공개된 제품은 세계 최초의 접는 태블릿 제품으로, 다음 달 국내에 출시된다.",
    "이번 협약은 한일 양국이 처음 맺는 협약으로, 탄소 배출을 절반으로 줄이는 내용을 담았다.",
    "소방당국은 부상자를 인근 의료기관으로, 나머지를 보건소로 옮겼다.",
    # no topic: the kind after an adnominal alone is no definition
    "소방당국이 부상자를 인근에 있는 의료기관으로, 나머지를 보건소로 옮겼다.",
])
def test_the_news_is_no_definition(sentence: str) -> None:
    assert not ko_select.background(sentence)

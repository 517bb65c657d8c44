"""Korean points that stand alone (issue 28, stop 48's read of our Korean briefs): a textbook
definition as a point. Literal text from the dev articles, each failing before its fix."""

from __future__ import annotations

from bot.summarize.lang.ko import select as ko_select


def test_what_a_named_thing_is_is_background() -> None:
    # ko156: the readers' "a textbook definition of 전자금융거래법, not news"
    assert ko_select.background(
        "전자금융거래법은 디지털 수단을 이용한 금융 거래에 필요한 사항을 규율하는 법률로, "
        "실생활에서는 주로 신용카드·통장과 이에 접근하기 위한 공인인증서 등을 대여·판매하는 "
        "행위를 처벌하는 역할을 한다.")
    assert ko_select.background(
        "한식진흥원은 농림축산식품부 산하 공공기관으로, 한식의 세계화를 목표로 설립됐다.")
    # the news, and a charge told with "혐의로,", are no definition
    assert not ko_select.background(
        "양형위는 전자금융거래법 위반 범죄에 관해 형량 범위를 각각 8개월 이하·4개월~1년으로 "
        "늘렸다.")
    assert not ko_select.background(
        "경찰은 A씨를 특수협박 혐의로, B씨를 폭행 혐의로 각각 입건했다.")

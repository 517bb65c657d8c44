"""A Korean sentence that only promises effort ("…최선을 다하겠다”고 말했다")
is weak as a point (issue 28: blind readers met an official's closing promise as point 3
where the story's follow-through was wanted). A quotation that announces something stays.
Made-up text, each case failing before the rule or guarding what it must not catch."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, korean
from bot.summarize.lang.ko import words as ko_words
from bot.summarize.lang.ko.words import stock_promise

needs_kiwi = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")


@pytest.mark.parametrize("sentence", [
    "김철수 서장은 “시민의 도움으로 피해를 막을 수 있었다”며 “앞으로도 범죄 예방에 최선을 "
    "다하겠다”고 말했다.",
    "구청 관계자는 “주민 안전에 만전을 기하겠다”고 밝혔다.",
    "시 관계자는 “깨끗한 거리를 만들 수 있도록 노력하겠다”고 했다.",
    "위원장은 “위원회는 앞으로도 제도를 꾸준히 개선해나가겠다”고 했다.",
    "경찰은 피해 회복에 최선을 다하겠다고 밝혔다.",
    "구청은 주민 안전에 최선을 다할 계획이다.",
])
def test_a_stock_promise_is_weak(sentence: str) -> None:
    assert stock_promise(sentence)
    assert ko_words.weak(sentence)


@pytest.mark.parametrize("sentence", [
    # a decision, a figure, a named measure: content
    "시 관계자는 “내년부터 경로당 냉방비 지원을 추진하겠다”고 밝혔다.",
    "군 관계자는 “올해 50억원을 들여 하천을 정비하는 데 최선을 다하겠다”고 했다.",
    "구청장은 “‘안심 귀갓길’ 사업으로 주민을 적극 지원하겠다”고 말했다.",
    # an act already taken, told before the promise
    "회사는 “해당 직원을 징계 처리했다”며 “앞으로도 최선을 다하겠다”고 했다.",
    # the promise opens the quotation, what it ends on is content
    "관계자는 “최선을 다하겠다”며 “새 관제 시스템으로 야간 순찰을 늘리겠다”고 밝혔다.",
    # thanks are no promise (formal thanks are words.ceremony's, weak on their own)
    "박씨는 “도와주신 이웃들께 감사드린다”고 말했다.",
    # not a promise at all
    "경찰은 보이스피싱 피해를 막은 은행원 2명에게 감사장을 수여했다.",
])
def test_a_quotation_with_content_is_not_stock(sentence: str) -> None:
    assert not stock_promise(sentence)


# An award story closing on the chief's promise: the concrete case is the better third point.
AWARD = (
    "보이스피싱 피해를 막은 은행원이 경찰로부터 감사장을 받았다. "
    "한빛경찰서는 2일 보이스피싱 피해를 예방한 은행원 2명에게 감사장과 포상금을 "
    "수여했다고 밝혔다.\n\n"
    "은행원 A씨는 지난달 21일 60대 남성이 “지인을 돕기 위해 돈이 필요하다”며 2500만원을 "
    "대출받으려 하자 보이스피싱을 의심해 경찰에 신고했다.\n\n"
    "경찰은 은행원들의 신속한 조치로 피해를 막을 수 있었다며 감사장 수여를 결정했다.\n\n"
    "김철수 한빛경찰서장은 “은행 직원의 세심한 관심으로 시민의 재산을 지킬 수 있었다”며 "
    "“앞으로도 금융기관과 긴밀히 협조해 보이스피싱 예방과 범인 검거에 최선을 다하겠다”고 말했다."
)


@needs_kiwi
def test_a_brief_prefers_a_sentence_with_content_to_a_closing_promise() -> None:
    brief = ExtractiveSummarizer().brief(
        Article(title="보이스피싱 막은 은행원들… 경찰, 감사장 수여", text=AWARD, lang="ko"))
    points = [p.text for p in brief.points]
    assert not any("최선을 다하겠다" in p for p in points)
    assert len(points) == 3

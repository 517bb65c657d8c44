"""Issue 28, stop 46: a Korean headline whose hook the lede leaves to the body ("“승마 대회
참가비 좀...” 전청조 3억대 사기 혐의 추가 적발", ko10). The headline breaks after the quotation,
so its second fact was what the lede tells, and the sentence that tells the hook lost to a
thin amount; the headline's nouns the lede lacks are ``headline_gain`` units too."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, korean
from bot.summarize.lang.ko.select.cues import units_in
from bot.summarize.lang.ko.select.headline import headline_units, untold_nouns

needs_kiwi = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")

TITLE = "“승마 대회 참가비 좀...” 김모씨 3억대 사기 혐의 추가 적발"
# Made for this test on ko10's pattern: the lede tells the second fact, the hook comes fourth,
# after a one-line amount.
SENTENCES = [
    "재벌 3세 행세로 사기 행각을 벌인 혐의로 1심에서 징역 12년을 선고받은 김모(28)씨의 추가 "
    "사기 범행 행각이 적발됐다.",
    "서울동부지검 형사2부는 김씨를 사기와 명예훼손 혐의로 추가 기소했다고 3일 밝혔다.",
    "이번에 적발된 사기 피해액은 약 3억 5800만원대다.",
    "검찰에 따르면 김씨는 데이트앱을 통해 만난 남성 4명에게 여성 승마 선수 행세를 하면서 대회 "
    "참가비를 받아냈다.",
    "김씨는 피해자들에게 결혼이나 교제를 할 것처럼 속였고 약 2억3300만원을 받아냈다.",
    "재벌가의 숨겨진 아들 행세를 하며 주식 투자금 명목으로 피해자 3명에게 약 1억 2500만원을 "
    "뜯어낸 혐의도 추가로 적발됐다.",
    "김씨가 투자 전문가 행세를 하며 유튜버 A씨의 강의 여부까지 좌우할 수 있는 것처럼 허위 "
    "발언을 한 혐의도 받는다.",
    "한편 김씨는 사기와 공문서 위조 등 혐의로 지난 2월 1심에서 징역 12년을 선고받아 현재 "
    "항소심을 진행 중이다.",
]


@needs_kiwi
def test_the_headline_nouns_the_lede_lacks_are_untold() -> None:
    untold = untold_nouns(TITLE, korean.ANALYSIS.morphs, "\n".join(SENTENCES), SENTENCES[0])
    assert untold == {"승마", "대회", "참가비"}


@needs_kiwi
def test_a_generic_noun_one_the_lede_writes_or_one_no_sentence_writes_is_no_unit() -> None:
    # 올해 is generic (``words.GENERIC``); the lede writes 전기차; no sentence writes 축소.
    title = "올해 전기차 보조금 지원금 축소"
    lede = "정부가 전기차 지원을 줄이기로 했다."
    body = f"{lede}\n올해 보조금과 지원금은 대당 300만원으로 내려간다."
    morphs = korean.ANALYSIS.morphs
    assert untold_nouns(title, morphs, body, lede) == {"보조금", "지원금"}
    assert untold_nouns(title, morphs, body, "") == frozenset()
    # One noun the lede lacks is no fact the headline adds (``UNTOLD_NOUNS``).
    assert untold_nouns(title, morphs, body.replace("과 지원금", ""), lede) == frozenset()


@needs_kiwi
def test_a_noun_unit_is_carried_where_it_is_written() -> None:
    # Kiwi reads ‘늘그막’ here as 늘 + 그 + 막 (ko188's answer sentence).
    sentence = "‘늙으막’은 ‘늘그막’, ‘늦깍이’는 ‘늦깎이’로 고쳐야 해요."
    units = frozenset({"늘그막", "늦깎이", "고치다"})
    assert units_in(sentence, units, korean.ANALYSIS.morphs) == units


@needs_kiwi
def test_a_second_fact_the_lede_leaves_untold_stays_the_units() -> None:
    morphs = korean.ANALYSIS.morphs
    # The lede tells the second fact (사기 혐의 추가 적발): the untold nouns are the units.
    assert headline_units(TITLE, morphs, "\n".join(SENTENCES), SENTENCES[0]) \
        == {"승마", "대회", "참가비"}
    # A lede that leaves the second fact untold: the units are that fact alone, as before.
    title = "작전 공개하며 진입… 200명이 막자 돌아섰다"
    body = "체포팀은 3일 정문에 도착했다.\n작전은 공개됐고 200명이 막았다."
    assert headline_units(title, morphs, body, "체포팀은 3일 정문에 도착했다.") \
        == {"200", "막다", "돌아서다"}


@needs_kiwi
def test_a_brief_tells_the_hook_its_lede_leaves_untold() -> None:
    article = Article(title=TITLE, text="\n".join(SENTENCES), lang="ko")
    texts = [p.text for p in ExtractiveSummarizer().brief(article).points]
    assert texts[0] == SENTENCES[0], texts
    assert SENTENCES[3] in texts, texts

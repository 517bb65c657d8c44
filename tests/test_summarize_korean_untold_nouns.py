"""Issue 28, stop 46: a Korean headline whose hook the lede leaves to the body ("“승마 대회
참가비 좀...” 전청조 3억대 사기 혐의 추가 적발", ko10). The headline breaks after the quotation,
so its second fact was what the lede tells, and the sentence that tells the hook lost to a
thin amount; the headline's nouns the lede lacks are ``headline_gain`` units too."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, korean
from bot.summarize.lang.en.select import weak
from bot.summarize.lang.ko.select.cues import units_in
from bot.summarize.lang.ko.select.headline import (
    UNTOLD_NOUNS,
    headline_units,
    second_fact,
    untold_nouns,
)
from bot.summarize.scoring import build_pool, choose
from bot.summarize.text import content_words
from bot.summarize.weights import WEIGHTS
from tests.support.korean import position_weights, rank
from tests.support.tagging import needs_kiwi

TITLE = "“승마 대회 참가비 좀...” 전청조 3억대 사기 혐의 추가 적발"
# Made for this test on ko10's pattern: the lede tells the second fact, the hook comes fourth,
# after a one-line amount. Kiwi reads the headline's 전청조 as 전 + 청조, which the lede's
# "전청조(28)씨" tells only as written.
SENTENCES = [
    "재벌 3세 행세로 사기 행각을 벌인 혐의로 1심에서 징역 12년을 선고받은 전청조(28)씨의 추가 "
    "사기 범행 행각이 적발됐다.",
    "서울동부지검 형사2부는 전씨를 사기와 명예훼손 혐의로 추가 기소했다고 3일 밝혔다.",
    "이번에 적발된 사기 피해액은 약 3억 5800만원대다.",
    "검찰에 따르면 전씨는 데이트앱을 통해 만난 남성 4명에게 여성 승마 선수 행세를 하면서 대회 "
    "참가비를 받아냈다.",
    "전씨는 피해자들에게 결혼이나 교제를 할 것처럼 속였고 약 2억3300만원을 받아냈다.",
    "재벌가의 숨겨진 아들 행세를 하며 주식 투자금 명목으로 피해자 3명에게 약 1억 2500만원을 "
    "뜯어낸 혐의도 추가로 적발됐다.",
    "전씨가 투자 전문가 행세를 하며 유튜버 A씨의 강의 여부까지 좌우할 수 있는 것처럼 허위 "
    "발언을 한 혐의도 받는다.",
    "한편 전씨는 사기와 공문서 위조 등 혐의로 지난 2월 1심에서 징역 12년을 선고받아 현재 "
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
def test_a_latin_word_in_small_letters_is_no_noun() -> None:
    title = "삼성 ‘Galaxy AI’ is here… 갤럭시 S25 공개"
    lede = "삼성전자가 새 스마트폰을 내놓았다."
    body = f"{lede}\nGalaxy AI is built in, and AI features run on the phone."
    assert untold_nouns(title, korean.ANALYSIS.morphs, body, lede) == {"Galaxy", "AI"}


@needs_kiwi
def test_a_noun_unit_is_carried_where_it_is_written() -> None:
    # Kiwi reads ‘늘그막’ here as 늘 + 그 + 막 (ko188's answer sentence).
    sentence = "‘늙으막’은 ‘늘그막’, ‘늦깍이’는 ‘늦깎이’로 고쳐야 해요."
    units = frozenset({"늘그막", "늦깎이", "고치다"})
    assert units_in(sentence, units, korean.ANALYSIS.morphs) == units


@needs_kiwi
@pytest.mark.parametrize(("sentence", "unit"), [
    ("KAIST 연구진은 새 소재를 개발했다.", "AI"),
    ("한 손엔 아이스아메리카노를 들고 있었다.", "아이"),
    ("위원장 의사봉을 뺏었다.", "의사"),
    ("그는 사기업에 취직했다.", "사기"),
    ("수상한 남성이 나타났다.", "수상"),
])
def test_a_noun_unit_written_inside_another_word_is_not_carried(sentence: str, unit: str,
                                                                 ) -> None:
    assert units_in(sentence, frozenset({unit}), korean.ANALYSIS.morphs) == frozenset()


@needs_kiwi
def test_the_lede_tells_the_second_fact_so_the_untold_nouns_are_the_units() -> None:
    # The lede writes 전청조 whole, where Kiwi reads the headline's as 전 + 청조.
    assert headline_units(TITLE, korean.ANALYSIS.morphs, "\n".join(SENTENCES), SENTENCES[0]) \
        == ({"승마", "대회", "참가비"}, UNTOLD_NOUNS)


@needs_kiwi
def test_a_second_fact_the_lede_leaves_untold_stays_the_units() -> None:
    morphs = korean.ANALYSIS.morphs
    title = "작전 공개하며 진입… 200명이 막자 돌아섰다"
    body = "체포팀은 3일 정문에 도착했다.\n작전은 공개됐고 200명이 막았다."
    assert headline_units(title, morphs, body, "체포팀은 3일 정문에 도착했다.") \
        == ({"200", "막다", "돌아서다"}, 1)
    # A lede that tells the whole second fact and every headline noun: the second fact stays
    # the units (a brief may not show that lede; once chosen, it takes them away).
    lede = "작전을 공개하며 진입한 체포팀은 200명이 막자 돌아섰다."
    assert headline_units(title, morphs, f"{lede}\n{body}", lede) \
        == ({"200", "막다", "돌아서다"}, 1)
    # A figure's digits inside another number of the lede ("8" in "2018년") do not tell it.
    assert headline_units(AMOUNT_TITLE, morphs, "\n".join(AMOUNT), AMOUNT[0]) \
        == (second_fact(AMOUNT_TITLE, morphs, "\n".join(AMOUNT)), 1)


@needs_kiwi
def test_a_headline_tag_and_what_a_caption_before_the_lede_writes_are_no_units() -> None:
    morphs = korean.ANALYSIS.morphs
    body = "\n".join(SENTENCES)
    assert untold_nouns("[단독] " + TITLE, morphs, "단독 보도입니다.\n" + body, SENTENCES[0]) \
        == {"승마", "대회", "참가비"}
    # The lede is the first candidate that is no caption or heading: read as the lede, the
    # heading below leaves the second fact untold (추가 적발), whose lemmas become the units.
    cands = ["[사진] 사기 혐의 전청조씨", *SENTENCES]
    pool = build_pool(list(enumerate(cands)), [content_words(c, "ko") for c in cands], TITLE,
                      content_words(TITLE, "ko"), "ko", 300, weak, WEIGHTS["ko"])
    assert (pool.headline_units, pool.units_least) == ({"승마", "대회", "참가비"}, UNTOLD_NOUNS)


@needs_kiwi
def test_a_brief_tells_the_hook_its_lede_leaves_untold() -> None:
    article = Article(title=TITLE, text="\n".join(SENTENCES), lang="ko")
    texts = [p.text for p in ExtractiveSummarizer().brief(article).points]
    assert texts[0] == SENTENCES[0], texts
    assert SENTENCES[3] in texts, texts


# The review of stop 46 made this: a headline amount whose digits the lede's year holds.
AMOUNT_TITLE = "A씨 무죄 확정… 형사보상금 8억원"
AMOUNT = [
    "2018년 사기 혐의로 기소됐다가 무죄를 확정받은 A씨가 형사보상금을 받게 됐다.",
    "서울중앙지법 형사보상 전담 재판부는 A씨가 낸 형사보상 청구를 받아들였다고 3일 밝혔다.",
    "A씨는 사기 혐의로 구속 기소돼 1심에서 징역 3년을 선고받고 2년 넘게 구금됐다.",
    "항소심은 피해자 진술을 믿기 어렵다며 무죄를 선고했고, 대법원은 지난해 이를 확정했다.",
    "A씨의 변호인은 수사 과정에서 검찰이 유리한 증거를 빼놓았다고 여러 차례 지적해 왔다.",
    "재판부는 구금 일수에 법이 정한 하루 최대 보상액을 곱해 8억원으로 정했다.",
    "A씨 측은 보상금 일부를 기부하겠다고 밝혔다.",
    "검찰은 항소하지 않았다.",
]


@needs_kiwi
@pytest.mark.parametrize("amount", ["8억원", "18억원"])
def test_a_brief_tells_the_headline_amount_whose_digits_the_ledes_year_holds(amount: str,
                                                                             ) -> None:
    # "8" and "18" are both in the lede's "2018년".
    article = Article(title=AMOUNT_TITLE.replace("8억원", amount),
                      text="\n".join(AMOUNT).replace("8억원", amount), lang="ko")
    texts = [p.text for p in ExtractiveSummarizer().brief(article).points]
    assert AMOUNT[5].replace("8억원", amount) in texts, texts


# Made for the review of stop 46: "AI" is written only inside "KAIST".
AI_TITLE = "정부 반도체 지원책 발표… AI 인력 양성"
AI = [
    "정부가 3일 반도체 산업 지원책을 발표했다.",
    "지원책에는 세제 혜택과 전력망 확충, 용수 공급 방안이 담겼다.",
    "KAIST와 포스텍 등 5개 대학이 반도체 특성화 대학으로 새로 지정된다.",
    "산업부 관계자는 기업들의 투자 부담을 덜어 주는 데 초점을 맞췄다고 설명했다.",
    "정부는 2030년까지 인공지능 전문 인력 1만명을 길러낼 계획이다.",
    "업계는 대체로 환영하는 분위기다.",
]


@needs_kiwi
def test_a_brief_tells_the_second_fact_not_a_word_that_holds_its_letters() -> None:
    article = Article(title=AI_TITLE, text="\n".join(AI), lang="ko")
    texts = [p.text for p in ExtractiveSummarizer().brief(article).points]
    assert AI[4] in texts and AI[2] not in texts, texts


@needs_kiwi
def test_one_untold_noun_left_gains_nothing_while_choosing() -> None:
    # ko205's pattern ("분당 8층 상가 화재 ‘대피의 기적’"): once a point carried 대피, the 화재
    # a sentence writes in "화재경보기" is one noun left, the headline's word for the lede's
    # "큰불", and won the third point over the fire official's account.
    sentences = [
        "분당의 8층 상가 건물에서 큰불이 났지만 240여명이 모두 무사히 빠져나왔다.",
        "이용객들은 직원 안내에 따라 옥상과 계단으로 대피했다.",
        "방화문과 화재경보기도 제 역할을 했다.",
        "소방 관계자는 “평소 훈련 덕분에 인명 피해가 없었다”고 말했다.",
    ]
    title = "분당 8층 상가 화재 ‘대피의 기적’"
    weights = position_weights(headline_gain=0.3)
    pool = build_pool(list(enumerate(sentences)), [content_words(s, "ko") for s in sentences],
                      title, content_words(title, "ko"), "ko", 300, weak, WEIGHTS["ko"])
    rank(pool, {0: 1.5, 1: 0.9, 2: 0.7, 3: 0.8})
    carried = {1: frozenset({"대피"}), 2: frozenset({"화재"})}
    pool.headline_units, pool.units_least = frozenset({"대피", "화재"}), UNTOLD_NOUNS
    pool.units_of = lambda k: carried.get(k, frozenset())
    pool.units_maybe = None
    assert choose(pool, weights, 3, lambda k: False) == [0, 1, 3]
    # A second fact's units count one by one: the same 화재 wins there.
    pool.units_least = 1
    assert choose(pool, weights, 3, lambda k: False) == [0, 1, 2]

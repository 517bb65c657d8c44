"""Korean points that stand alone as one sentence (issue 28, stop 48's read of our Korean
briefs): two sentences glued before a quotation, a textbook definition as a point. Literal text
from the dev articles, each failing before its fix."""

from __future__ import annotations

from bot.summarize.lang import Analysis, Splitting
from bot.summarize.lang.ko import select as ko_select
from bot.summarize.lang.ko import sentences as ko_sentences

# ko224: Kiwi keeps the sentence before a quotation embedded in the next one ("“…”는 약속이
# 돌아왔다") as one sentence, and the pair was one point.
PROMISE = (
    "며칠 전 포털사이트 검색으로 알게 된 업체 운영자가 이용 요금의 50% 선결제를 요구하며 원하는 "
    "연령대와 이상형을 물어봤을 때, 얼렁뚱땅 “심성이 고운 분”이라고 대답했었다."
)
PROMISED = "“선하게 예쁘고 마음씨 착한 친구로 매칭해 주겠다”는 약속이 돌아왔다."
# ko145: the quotation's sentence has no subject of its own ("whose comment?"): it stays with
# the sentence it completes.
COMMENT = (
    "신아로미는 1일 자신의 인스타그램에 자신에게 달린 비난 댓글을 캡처한 영상을 올렸다. "
    "“노후 준비 단단히 해놓길 바랍니다. 우리 집 애들이 낸 세금에 무임승차하면 안 됩니다”"
    "라는 댓글의 내용이었다."
)


def test_a_sentence_is_cut_before_a_quotation_that_opens_the_next() -> None:
    assert ko_sentences.cut_before_quotations([f"{PROMISE} {PROMISED}"]) == [PROMISE, PROMISED]


def _kiwi_keeping(pieces: list[str]) -> Splitting:
    """A splitting whose analyser answers ``pieces`` for any line, as Kiwi answered ko224's
    paragraph (its sentence before the quotation and the quotation's sentence as one)."""
    return Splitting(not_prose=lambda span, lang: None, analysis=Analysis(
        available=lambda: True, morphs=lambda text: (), noun_phrases=lambda text: [],
        main_clause_subject=lambda text, at: False, story_lines=lambda line: [line],
        needs_splitting=lambda line: True, split_line=lambda line: list(pieces)))


def test_the_splitter_cuts_what_the_analyser_kept_as_one_sentence() -> None:
    after = "30분 뒤 강남역 3번 출구 앞에서 우리는 마주했다."
    kept = _kiwi_keeping([f"{PROMISE} {PROMISED}", after])
    line = f"{PROMISE} {PROMISED} {after}"
    assert ko_sentences.line_sentences(line, kept) == [PROMISE, PROMISED, after]


def test_a_quotation_with_no_subject_after_it_stays_with_the_sentence_before() -> None:
    assert ko_sentences.cut_before_quotations([COMMENT]) == [COMMENT]


def test_no_cut_inside_a_quotation_or_where_one_is_left_open() -> None:
    inside = "그는 “끝났다. “이제 간다”고 했다."
    assert ko_sentences.cut_before_quotations([inside]) == [inside]
    left_open = "경찰은 현장을 조사했다. “수사는 계속된다고 밝혔다."
    assert ko_sentences.cut_before_quotations([left_open]) == [left_open]


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

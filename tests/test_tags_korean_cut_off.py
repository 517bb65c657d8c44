"""Stop 46: a Korean tag that is the front of a longer term the story writes. ko8's "#경계선" (a
boundary line) stood for "경계선 지능인" (a person of borderline intelligence): Kiwi reads
"지능인" as 지능 and a copula or a noun suffix, no noun word, so the two-word term was never a
candidate and its first word, written 18 times, was the tag."""

from __future__ import annotations

from bot.summarize import korean
from bot.summarize.lang.ko.tagging import mentions
from tests.support.tagging import brief_tags, needs_kiwi

BORDERLINE = (
    "교육부가 ‘경계선 지능인’에 대한 첫 실태 조사를 벌이기로 했다. 경계선 지능인은 지적장애에 "
    "해당하지 않아 지원을 거의 받지 못했다. 정부는 국민의 약 13.6%가 경계선 지능인인 것으로 "
    "본다. 경계선 지능인을 일찍 찾도록 학부모용 검사 도구도 만든다. 경계선 지능 청년의 모임도 "
    "돕는다."
)


@needs_kiwi
def test_the_front_of_a_term_kiwi_reads_with_a_copula_is_no_tag() -> None:
    tags = brief_tags("정부 ‘경계선 지능인’ 첫 실태 조사 나선다", BORDERLINE, "ko")
    assert "경계선" not in tags, tags


@needs_kiwi
def test_a_noun_before_a_word_that_is_no_term_stays_a_tag() -> None:
    # "증인선서 없이": an adverb after the noun, no longer term (ko94 keeps #증인선서).
    text = ("법원이 증인선서 없이 진행한 영상 신문은 증거가 될 수 없다고 밝혔다. 재판부는 증인선서 "
            "없이 녹음된 파일을 증거로 쓸 수 없다고 봤다. 증인선서 절차가 빠진 신문은 위법하다는 "
            "것이다.")
    assert "증인선서" in brief_tags("대법 “증인선서 없이 녹음된 파일, 증거 안 돼”", text, "ko")


def test_runs_on_needs_every_mention_and_two_of_them() -> None:
    assert mentions.runs_on("경계선", "경계선 지능인은 … 경계선 지능 검사") == "지능"
    assert mentions.runs_on("경계선", "경계선 지능인은 … 경계선이 있다") is None
    assert mentions.runs_on("민주당", "더불어민주당 대표 … 민주당 지지자") is None
    assert mentions.runs_on("경계선", "경계선 지능인은 … 경계선 위에") is None


def test_kiwi_is_what_the_rule_reads() -> None:
    # The rule names Kiwi's readings; a Kiwi that reads 지능인 as one noun needs none of it.
    if korean.available():
        tags = [m[1] for m in korean.morphs("‘경계선 지능인’에")]
        assert "VCP" in tags or "XSN" in tags, tags

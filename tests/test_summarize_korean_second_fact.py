"""Issue 28: a Korean headline that tells two facts ("…무죄 확정… 형사보상 8억원"). Blind readers
marked down briefs that told the first (the lead's) and missed the second; the selector's
``headline_gain`` pays a candidate for the second fact's lemmas no chosen point carries yet."""

from __future__ import annotations

import pytest

from bot.models import Article, Brief
from bot.summarize import ExtractiveSummarizer, korean
from bot.summarize.lang.en.select import weak
from bot.summarize.lang.ko.select.cues import may_carry
from bot.summarize.lang.ko.select.headline import second_fact
from bot.summarize.scoring import build_pool, choose
from bot.summarize.text import content_words
from bot.summarize.weights import WEIGHTS

needs_kiwi = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")

TITLE = "간첩 누명 어부 52년 만에 무죄 확정… 형사보상 8억원"
# The lead and the two sentences after it tell the acquittal; the compensation comes sixth.
SENTENCES = [
    "간첩 누명을 쓰고 옥살이를 한 어부 김모씨가 52년 만에 재심에서 무죄를 확정받았다.",
    "대법원은 지난 3일 검찰의 상고를 기각하고 원심의 무죄 판결을 확정했다고 밝혔다.",
    "김씨는 1972년 조업 중 북한에 납치됐다가 돌아온 뒤 간첩으로 몰려 징역 7년을 살았다.",
    "재판부는 당시 수사기관의 불법 구금과 고문으로 얻은 자백은 증거가 될 수 없다고 판단했다.",
    "김씨의 변호인은 판결이 늦었지만 다행이라고 말했다.",
    "법원은 이와 별도로 김씨에게 형사보상금 8억원을 지급하라고 결정했다.",
    "김씨는 남은 생을 가족과 함께 보내고 싶다고 했다.",
]


def _brief(title: str, sentences: list[str]) -> Brief:
    article = Article(title=title, text="\n".join(sentences), lang="ko")
    return ExtractiveSummarizer().brief(article)


@needs_kiwi
@pytest.mark.parametrize(("title", "second"), [
    (TITLE, {"형사보상", "8"}),
    ("[단독] 무죄 확정, 형사보상 500만원", {"형사보상", "500"}),
    # Every leading tag goes; the first fact's lemmas are not the second's.
    ("[신문은 선생님] [동물 이야기] 벌레 독 세져… 파나마선 행운 가져다준다고 여겨요",
     # "파나마선" (파나마에선) is Kiwi's 파나마 + 선, a particle misread as a noun: 선 is no
     # person's or agency's suffix (범, 처), so it stays a unit, as before stop 44
     {"파나마", "선", "행운", "가져다주다", "여기다"}),
])
def test_the_headlines_second_fact_is_its_lemmas_after_the_break(
        title: str, second: set[str]) -> None:
    assert second_fact(title, korean.ANALYSIS.morphs, "") == second


@needs_kiwi
@pytest.mark.parametrize("title", [
    "한우 반납 집회 열려",  # no break
    "삼성전자 1,000억 투자",  # a number's comma is no break
    "정부 대책 발표… 왜?",  # the rest adds under two lemmas
    "정부 대책 발표, 정부 대책",  # the rest adds nothing the first lacks
])
def test_a_headline_of_one_fact_has_no_second(title: str) -> None:
    assert second_fact(title, korean.ANALYSIS.morphs, "") == frozenset()


@needs_kiwi
def test_a_brief_tells_the_headlines_second_fact() -> None:
    texts = [p.text for p in _brief(TITLE, SENTENCES).points]
    assert texts[0] == SENTENCES[0], texts
    assert SENTENCES[5] in texts, texts


def _pool_of(title: str, sentences: list[str]):  # type: ignore[no-untyped-def]
    words = [content_words(s, "ko") for s in sentences]
    return build_pool(list(enumerate(sentences)), words, title, content_words(title, "ko"),
                      "ko", 300, weak, WEIGHTS["ko"])


@needs_kiwi
def test_only_the_candidates_choose_visits_are_read_for_the_second_fact() -> None:
    # A story trailed by many short notices (headings, weighed down): choose() visits the
    # best few, and the analyser's reading of the rest is skipped.
    filler = [f"지역 소식 {n}: 주민 {n}명 행사 참석" for n in range(2, 30)]
    pool = _pool_of(TITLE, SENTENCES + filler)
    units_of = pool.units_of
    assert units_of is not None
    read: list[int] = []

    def counted(k: int) -> frozenset[str]:
        read.append(k)
        return units_of(k)

    pool.units_of = counted
    # Sentence 2 (a sentence with a figure the story had not told, "징역 7년") outweighs
    # sentence 1, which tells the lead's acquittal again, since the key_fact feature (stop 41).
    assert choose(pool, WEIGHTS["ko"], 3, lambda k: False) == [0, 2, 5]
    assert 0 < len(set(read)) < len(SENTENCES), read


@needs_kiwi
def test_a_headline_of_one_fact_reads_no_candidate() -> None:
    assert _pool_of("간첩 누명 어부 52년 만에 무죄 확정", SENTENCES).units_of is None


@pytest.mark.parametrize(("sentence", "lemma", "may"), [
    ("형사보상금 8억원을 지급하라고 결정했다.", "형사보상", True),  # a noun as it is written
    ("그는 그 사실을 몰라 당황했다.", "모르다", True),  # 르: the first syllable takes ㄹ
    ("시장이 크게 바뀌었다.", "바꾸다", True),  # first consonant and vowel of 바
    ("손님이 가게에 와 물건을 샀다.", "오다", True),  # a one-syllable stem: its consonant
    ("형사보상금 지급이 결정됐다.", "바꾸다", False),
    ("형사보상금 지급이 결정됐다.", "열리다", False),
])
def test_a_sentence_may_carry_a_lemma_on_its_letters(sentence: str, lemma: str,
                                                    may: bool) -> None:
    assert may_carry(sentence, lemma) is may

"""Korean headlines written in Hanja (issue 28, stop 45): the selector reads a headline's Hanja
abbreviation or word as the Hangul its body writes, from the one table the tagger reads too
(bot/summarize/lang/ko/words.py, its headline Hanja section)."""

from __future__ import annotations

import pytest

from bot.summarize import ExtractiveSummarizer, korean
from bot.summarize.lang.en.select import weak
from bot.summarize.lang.ko import tags, words
from bot.summarize.lang.ko.select import cues as ko_cues
from bot.summarize.scoring import STATIC
from bot.summarize.text import content_words
from tests.support.korean import pool_features

needs_kiwi = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")

# ko233 of the Korean feed set: the second sentence tells the headline's 小寒 in Hangul.
KO233_TITLE = "이름값 하는 小寒... 내일 아침 최저 영하 12도"
KO233 = [
    "토요일인 4일 한파(寒波)가 닥칠 것으로 전망됐다.",
    "소한(小寒)인 5일에는 중부지방을 중심으로 폭설이 예고됐다.",
    "이에 다음 주 찾아올 한파가 올겨울 들어 가장 매서울 것으로 전망된다.",
]


def _features(title: str, sentences: list[str]) -> list[dict[str, float]]:
    return pool_features(title, sentences, weak)


def test_a_headline_is_read_in_the_bodys_words() -> None:
    assert words.read_headline(KO233_TITLE) == "이름값 하는 소한... 내일 아침 최저 영하 12도"
    assert words.read_headline("野, 탄핵 당기려 “내란죄 빼겠다”").startswith("야당,")
    assert "검찰 송치" in words.read_headline("시민단체 이사장 檢 송치")
    # 中 after a noun is "among", no China; a modifier (前, 男) and a surname stay as written.
    assert "범죄중 33.1%" in words.read_headline("열차 내 범죄中 33.1%가 성폭력")
    assert words.read_headline("前 장관 추정男 尹") == "前 장관 추정男 尹"


def test_a_hanja_run_is_read_as_a_word() -> None:
    # Abbreviations written together are read each, apart: content words the body writes.
    assert words.read_headline("與野 합의") == "여당·야당 합의"
    assert words.read_headline("美中 무역전쟁") == "미국·중국 무역전쟁"
    assert {"여당", "야당"} <= set(content_words(words.read_headline("與野 합의"), "ko"))
    # Any other run is a word of its own, no country: 中企 is small and medium firms.
    for title in ("中企 대출", "中東 정세 불안", "中小기업"):
        assert "중국" not in words.read_headline(title), title
    # 日 after a number is the day.
    assert words.read_headline("3日 오후") == "3일 오후"


@needs_kiwi
def test_a_hanja_word_gives_no_country_noun() -> None:
    for title in ("中企 대출", "中東 정세 불안", "3日 오후"):
        nouns = ko_cues.headline_nouns(title, korean.morphs)
        assert not {"중국", "일본"} & {way for ways in nouns for way in ways}, (title, nouns)


def test_the_tagger_reads_the_same_table() -> None:
    assert tags.HEADLINE_ABBREVIATIONS == {"北": "북한", "美": "미국", "中": "중국", "日": "일본",
                                           "與": "여당", "野": "야당"}
    assert tags.HANJA_SURNAMES["윤"] == "尹" and tags.HANJA_SURNAMES["조"] == "曺趙"


@needs_kiwi
def test_a_sentence_writing_the_headlines_hanja_in_hangul_carries_it() -> None:
    cover = [x["headline_nouns"] for x in _features(KO233_TITLE, KO233)]
    assert cover[1] > 0.0 == cover[2], cover


@needs_kiwi
def test_an_abbreviation_is_carried_by_any_word_the_body_writes_for_it() -> None:
    nouns = ko_cues.headline_nouns("음주車 인도 돌진", korean.morphs)
    assert ("차량", "자동차", "승용차") in nouns, nouns
    cover, _, _ = ko_cues.news("자동차 한 대가 인도로 돌진했다.", nouns, lede=False)
    assert cover > 0.0


@needs_kiwi
def test_a_party_abbreviation_names_no_party() -> None:
    # Which party 與 or 野 is changes with an election: read as 여당/야당 only.
    nouns = ko_cues.headline_nouns("野, 특검법 강행 처리", korean.morphs)
    assert ("야당",) in nouns, nouns
    by_name, as_ruling = (
        ko_cues.news(f"{party}은 이날 본회의에서 특검법을 단독으로 처리했다.", nouns, lede=False)
        for party in ("민주당", "여당"))
    assert by_name[0] == as_ruling[0], (by_name, as_ruling)


@needs_kiwi
def test_the_headline_similarity_reads_the_hanja_word() -> None:
    sentence_words = [content_words(s, "ko") for s in KO233]
    pool = ExtractiveSummarizer().pool(list(enumerate(KO233)), sentence_words, KO233_TITLE,
                                       content_words(KO233_TITLE, "ko"), "ko")
    headline = [dict(zip(STATIC, v, strict=True))["headline"] for v in pool.values]
    assert headline[1] > 0.0 == headline[2], headline


@needs_kiwi
def test_a_headline_number_is_carried_only_with_its_unit() -> None:
    # ko233: "동지(冬至·작년 12월 21일)" won the second point on the headline's "12" of "12도".
    nouns = ko_cues.headline_nouns(KO233_TITLE, korean.morphs)
    assert ("12",) in nouns and ("5월",) in ko_cues.headline_nouns("5월도 여름", korean.morphs)
    month = "우리나라는 동지(冬至·작년 12월 21일)부터 한 달 정도를 가장 추운 ‘한겨울’로 본다."
    assert ko_cues.news(month, nouns, lede=False)[0] == 0.0
    cold = "4일 전국의 아침 최저기온은 영하 12도에서 영상 1도로 예보됐다."
    assert ko_cues.news(cold, nouns, lede=False)[0] == 4 / 7  # 아침 최저 영하 12도


@needs_kiwi
def test_a_headline_number_is_carried_after_a_dated_one() -> None:
    # "12시" is a clock time; the later "12도" carries the headline's 12.
    twelve = (("12",),)
    assert ko_cues.news("5일 밤 12시부터 영하 12도까지 떨어진다.", twelve, lede=False)[0] == 1.0
    assert ko_cues.news("5일 밤 12시부터 추워진다.", twelve, lede=False)[0] == 0.0

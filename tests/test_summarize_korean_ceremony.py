"""What issue 28's blind readers marked down in Korean briefs: a ceremony's thanks as a point
where the news's facts were wanted (ko23), a teaser opening that tells nothing alone (ko191),
and points that open leaning back by "문제는 …" (ko94) or "이 자리에서는 …". Made-up text,
each case failing before its rule or guarding what it must not catch, and the feed's real
briefs (skipped without the shared data)."""

from __future__ import annotations

import pytest

from bench import ko_news
from bot.models import Article
from bot.summarize import ExtractiveSummarizer, korean
from bot.summarize.extractive import candidate_leans_back
from bot.summarize.lang.ko import select as ko_select
from bot.summarize.lang.ko import words as ko_words
from bot.summarize.lang.ko.words import ceremony, marked_aside, teaser
from tests.conftest import shared_path

needs_kiwi = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")


def _no_subject_rule(sentence: str) -> bool:
    return False


@pytest.mark.parametrize("sentence", [
    "한빛대 총장은 “뜻깊은 기부에 동참해 주신 박 회장님께 감사드린다”면서 “기금은 학생들의 "
    "성장에 큰 도움이 될 것”이라고 밝혔다.",
    "소속사는 “두 사람의 앞날에 따뜻한 축하를 보내주시면 감사하겠다”고 했다.",
    "수상자 김씨는 “큰 상을 받게 돼 영광이다”라고 말했다.",
    "회장은 “새 출발을 진심으로 축하드린다”고 말했다.",
])
def test_a_quotation_of_ceremony_is_weak(sentence: str) -> None:
    assert ceremony(sentence)
    assert ko_words.weak(sentence)
    assert ko_words.weak_under("한빛대에 10억 기부")(sentence)


@pytest.mark.parametrize("sentence", [
    # the plain thanks of the people a human story is about: often its point (and the fit's)
    "안 경장은 “새벽에 흔쾌히 도와준 산후조리원에 감사하다”고 했다.",
    "유족은 “약까지 챙겨주시니 참 고맙다”고 했다.",
    # thanks told as an act, no quotation: an award is news
    "경찰은 피해를 막은 은행원 2명에게 감사장을 수여했다.",
    # the word inside a longer one
    "감사원은 “감사 결과를 다음 달 공개할 예정”이라고 밝혔다.",
])
def test_other_thanks_are_not_ceremony(sentence: str) -> None:
    assert not ceremony(sentence)


@pytest.fixture(scope="module")
def feed() -> dict[str, Article]:
    """The Korean feed snapshots' articles by headline (real text: skipped without them)."""
    return {a.title: a for a in ko_news.articles(shared_path("feeds", "real-world-ko"))}


@needs_kiwi
@pytest.mark.parametrize(("headline", "gone"), [
    # ko23: the president's thanks was point 3, the donation's project missing
    ("유상덕 ST인터내셔널 회장, 고려대에 10억 기부", "감사드린다"),
    # ko47: the agency's "…축하를 보내주시면 감사하겠다" was point 3
    ("이유영, 뒤늦게 전한 결혼 소식…“9월 부모된다”", "감사하겠다"),
    # ko191: the teaser was point 1, the confirmed acquittal missing
    ("주차장서 한 살배기 차로 숨지게 한 주부 무죄 확정...형사보상금도 받아", "잊지 못한다"),
    # ko94: "문제는 당시 형사소송법은 …" was point 3
    ("대법 \"임의 영상신문에서 증인선서 없이 녹음된 파일, 증거 안 돼\"", "문제는"),
    # ko188: a quiz's example, its misspellings left in, was point 1 with its asterisk
    ("[신문은 선생님] [예쁜 말 바른 말] [364] ‘늦깎이’와 ‘늘그막’", "*할아버지는"),
])
def test_a_feed_brief_drops_what_readers_marked_down(
        feed: dict[str, Article], headline: str, gone: str) -> None:
    points = [p.text for p in ExtractiveSummarizer().brief(feed[headline]).points]
    assert len(points) == 3, points
    assert not any(gone in p for p in points), points


def test_the_teaser_story_brief_tells_the_acquittal(feed: dict[str, Article]) -> None:
    headline = "주차장서 한 살배기 차로 숨지게 한 주부 무죄 확정...형사보상금도 받아"
    points = [p.text for p in ExtractiveSummarizer().brief(feed[headline]).points]
    assert any("무죄" in p and "500만원" in p for p in points), points


@pytest.mark.parametrize("sentence", [
    "주부 김모(30)씨는 2021년 4월 7일을 잊지 못한다.",
    "박씨는 그날의 사고를 지금도 기억한다.",
    "이씨는 아직도 그 겨울을 잊을 수 없다.",
])
def test_a_teaser_opens_no_brief(sentence: str) -> None:
    assert teaser(sentence)
    assert candidate_leans_back([sentence, "김씨는 이듬해 재판에 넘겨졌다."], 0, "ko")


@pytest.mark.parametrize("sentence", [
    # a mourner's grief, told in the sentence
    "빈소를 찾은 어머니는 “왜 하필 거기를…”이라더니 통곡하며 말을 잊지 못했다.",
    # what is remembered is told
    "김씨는 2021년 4월 7일 주차장에서 아이를 차로 치어 숨지게 한 사고를 지금도 생생히 "
    "기억하고 있다고 법정에서 진술했다.",
    "서울시는 3일 시청역 사고 희생자 추모 공간을 열었다.",
])
def test_a_lede_that_tells_something_is_no_teaser(sentence: str) -> None:
    assert not teaser(sentence)


@pytest.mark.parametrize("sentence", [
    "문제는 당시 형사소송법이 제한적인 경우에만 영상 신문을 허용하고 있었다는 점이다.",
    "문제는 그 이후였다.",
    "관건은 계단 정보를 등록해 줄 사람을 모으는 일이었다.",
    "이 자리에서는 시민과 전문가가 함께하는 체험의 장을 마련할 예정이다.",
    # a case told before (ko275's third point under stop 46's headline nouns)
    "이럴 땐 이후 접종 시기에 혼합 백신으로 바꿔 맞는 것보다 기존 백신을 맞는 것이 낫다.",
    "이 경우 지연 접종도 가능하니 꼭 의사와 접종 일정을 상의하세요.",
    "이런 경우에는 보호자가 동의서를 내야 한다.",
    # review of stop 46: the forms the first table missed
    "이럴 경우 과태료 100만원이 부과된다.",
    "이 경우는 보호자 동의가 필요하다.",
    "이 경우에만 예외가 인정된다.",
    "이경우 지연 접종도 가능하다.",
    "그럴 땐 병원을 찾아야 한다.",
    "그런 경우에는 보호자가 동의서를 내야 한다.",
    "이 경우를 두고 법조계는 첫 판례라고 평가했다.",
])
def test_a_problem_or_an_event_told_before_leans_back(sentence: str) -> None:
    assert ko_select.refers_back(sentence, _no_subject_rule)


@pytest.mark.parametrize("sentence", [
    # past the opening "이 자리에서" is left to the lede, which names the event nearly always
    # (ko45's "… 국회에서 주최한 공개 토론회에서 …"; an editor picked the sentence after it)
    "김 이사장은 이 자리에서 “그 전쟁관도 수용해야 한다”고 말했다.",
    "경찰청장은 3일 기자회견을 열고 이 자리에서 사퇴 의사를 밝혔다.",
    # a noun of its own, no topic leaning back
    "문제점은 국회 토론회에서 처음 제기됐다.",
    "이 자리에 오르기까지 30년이 걸렸다고 김 회장은 말했다.",
    "경우에 따라 과태료가 부과된다.",
])
def test_a_problem_or_an_event_named_in_the_sentence_stands(sentence: str) -> None:
    assert not ko_select.refers_back(sentence, _no_subject_rule)


@pytest.mark.parametrize("sentence", [
    "*할아버지는 “늙으막에 재취업했다”고 하셨고, 할머니는 “늦깍이 대학생이 되었다”고 말씀하셨다.",
    "* 산길을 지나다가 (끄물끄물, 꾸물꾸물) 움직이는 뱀을 보고 놀랐다.",
    "※ QR코드에 휴대폰을 갖다 대면 구독 창이 열립니다.",
])
def test_a_marked_aside_opens_no_brief_and_is_weak(sentence: str) -> None:
    assert ko_select.opens_no_brief(sentence)
    assert ko_words.weak(sentence)
    assert ko_words.weak_under("‘늦깎이’와 ‘늘그막’")(sentence)


@pytest.mark.parametrize("sentence", [
    "‘늙으막’은 ‘늘그막’으로 고쳐야 해요.",
    "서울 아파트값이 5주 연속 올랐다.",
    "지수는 3*4 배열로 표시된다.",  # a mark inside, not opening
])
def test_a_sentence_with_no_opening_mark_is_no_aside(sentence: str) -> None:
    assert not marked_aside(sentence)

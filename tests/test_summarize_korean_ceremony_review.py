"""The review of issue 28's Korean selection rules (a ceremony's thanks, a teaser, "문제는",
"이 같이", a marked aside): literal sentences each rule caught and must not, and made-up
stories in which a ceremony quotation or an aside line loses its place in the brief."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, korean
from bot.summarize.extractive import candidate_leans_back
from bot.summarize.lang.ko import select as ko_select
from bot.summarize.lang.ko import words as ko_words
from bot.summarize.lang.ko.words import ceremony, teaser

needs_kiwi = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")


def _no_subject_rule(sentence: str) -> bool:
    return False


def _points(title: str, text: str) -> list[str]:
    brief = ExtractiveSummarizer().brief(Article(title=title, text=text, lang="ko"))
    return [p.text for p in brief.points]


@pytest.mark.parametrize("sentence", [
    # a subject's 이 before 같이 ("together"), no "like this"
    "양경수 위원장이 무대에 올라 노조법 개정을 외치자 광장에 모인 10만여명이 같이 구호를 외쳤다.",
    "두 사람이 같이 답했다.",
    "한미 정상이 같이 강조했다.",
])
def test_together_after_a_subject_reports_no_unshown_quotation(sentence: str) -> None:
    assert not ko_select.refers_back(sentence, _no_subject_rule)


def test_a_spaced_like_this_still_reports_an_unshown_quotation() -> None:
    sentence = "그는 현장의 대치 상황을 전하며 이 같이 말했다."
    assert ko_select.refers_back(sentence, _no_subject_rule)


@pytest.mark.parametrize("sentence", [
    "국토교통부는 “LH의 전관 특혜 의혹에 대해 전면 감사하겠다”고 밝혔다.",
    "교육부 관계자는 “A대학 교비 횡령 의혹에 대해 이달 중 특별 감사하겠습니다”라고 밝혔다.",
])
def test_a_promise_to_audit_is_no_thanks(sentence: str) -> None:
    assert not ceremony(sentence)
    assert not ko_words.weak(sentence)


def test_thanks_after_a_request_are_still_ceremony() -> None:
    assert ceremony("소속사는 “따뜻한 축하를 보내주시면 감사하겠습니다”라고 했다.")


def test_an_honour_at_the_headlines_news_is_not_weak() -> None:
    sentence = ("김연경은 경기 뒤 “마지막 경기에서 팬 투표 1위로 MVP까지 받게 돼 영광이다”라고 "
                "말했다.")
    assert ko_words.weak(sentence)  # with no headline, a ceremony
    assert not ko_words.weak_under("김연경 은퇴 경기서 MVP")(sentence)
    assert not ko_words.weak_under("안세영, 28년 만에 올림픽 금메달")(
        "안세영은 “28년 만에 금메달을 따게 돼 영광이다”라고 말했다.")


@pytest.mark.parametrize(("title", "sentence"), [
    # thanks to the headline's donor for the headline's gift: the ceremony, not the news
    ("한빛대에 10억 기부",
     "한빛대 총장은 “뜻깊은 기부에 동참해 주신 박 회장님께 감사드린다”고 밝혔다."),
    ("유상덕 ST인터내셔널 회장, 고려대에 10억 기부",
     "김동원 고려대 총장은 “고려대 개교 120주년을 향한 여정에 동참해 주신 유상덕 회장님과 "
     "ST인터내셔널에 감사드린다”면서 “많은 도움이 될 것”이라고 밝혔다."),
    # an honour at something the headline does not tell
    ("김연경 은퇴 경기서 MVP", "김연경은 “이 자리에 서게 돼 영광이다”라고 말했다."),
])
def test_thanks_to_the_headlines_donor_stay_weak(title: str, sentence: str) -> None:
    assert ko_words.weak_under(title)(sentence)


@needs_kiwi
def test_a_brief_keeps_the_honour_that_tells_the_headline() -> None:
    points = _points("김연경 은퇴 경기서 MVP",
                     "배구 여제 김연경이 은퇴 경기를 치렀다. "
                     "김연경은 18일 인천 삼산월드체육관에서 열린 올스타전에 출전했다. "
                     "김연경은 경기 뒤 “마지막 경기에서 팬 투표 1위로 MVP까지 받게 돼 "
                     "영광이다”라고 말했다. "
                     "이날 경기장에는 6000여명의 관중이 찾았다. "
                     "흥국생명은 김연경의 등번호 10번을 영구 결번하기로 했다.")
    assert any("MVP" in p for p in points), points


@pytest.mark.parametrize("sentence", [
    "국민 10명 중 6명은 세월호 참사를 기억한다.",
    "챗GPT가 이제 사용자와 나눈 대화를 기억한다.",
])
def test_a_claim_of_memory_is_no_teaser(sentence: str) -> None:
    assert not teaser(sentence)
    assert not candidate_leans_back([sentence, "재단은 16일 조사 결과를 발표했다."], 0, "ko")


@pytest.mark.parametrize("sentence", [
    "주부 김모(30)씨는 2021년 4월 7일을 잊지 못한다.",
    "최씨는 그 순간을 아직도 잊지 못한다.",
])
def test_a_day_or_a_moment_remembered_is_a_teaser(sentence: str) -> None:
    assert teaser(sentence)


@needs_kiwi
def test_a_survey_brief_opens_on_its_finding() -> None:
    points = _points("세월호 10주기 여론조사 결과 나와",
                     "국민 10명 중 6명은 세월호 참사를 기억한다. "
                     "4·16재단은 16일 전국 성인 1000명을 조사한 결과를 발표했다. "
                     "20대의 응답 비율이 가장 낮았다. "
                     "재단은 추모 사업 예산이 해마다 줄고 있다고 지적했다. "
                     "조사의 표본오차는 95% 신뢰수준에 ±3.1%포인트다.")
    assert points[0] == "국민 10명 중 6명은 세월호 참사를 기억한다.", points


def test_an_exams_questions_do_not_lean_back() -> None:
    sentence = "문제는 EBS 교재와 50% 연계해 출제됐고 킬러 문항은 한 문제도 없었다."
    assert not ko_select.refers_back(sentence, _no_subject_rule)
    assert ko_select.refers_back("문제는 그 이후였다.", _no_subject_rule)


@needs_kiwi
@pytest.mark.parametrize(("title", "text", "marked_down"), [
    ("한빛산업 박 회장, 한빛대에 장학기금 10억 기부",
     "박모 한빛산업 회장이 모교 한빛대에 장학기금 10억원을 기부했다. "
     "한빛대는 2일 총장실에서 기부식을 열었다고 3일 밝혔다. "
     "한빛대 총장은 기부식에서 “뜻깊은 나눔에 동참해 주신 박 회장님께 진심으로 "
     "감사드린다”고 말했다. "
     "박 회장의 장학기금은 이공계 학생 40명의 4년 등록금으로 쓰인다. "
     "박 회장은 2010년부터 한빛대에 모두 30억원의 장학기금을 기부해 왔다.",
     "감사드린다"),
    ("김 작가, 한국문학상 수상",
     "소설가 김모 작가가 올해 한국문학상을 받았다. "
     "한국문학재단은 3일 장편소설 ‘바다의 끝’을 쓴 김 작가를 수상자로 뽑았다고 밝혔다. "
     "재단 이사장은 “수상자께 진심으로 축하드린다”고 말했다. "
     "심사위원단은 김 작가의 소설이 분단의 기억을 새로운 문장으로 그렸다고 평가했다. "
     "상금은 5000만원이며 시상식은 다음 달 열린다.",
     "축하드린다"),
    ("‘늘그막’은 틀린 말?",
     "*할아버지는 “늙으막에 재취업했다”고 하셨고, 할머니는 “늦깍이 대학생이 되었다”고 말씀하셨다. "
     "위 문장에서 틀린 말은 ‘늙으막’과 ‘늦깍이’다. "
     "‘늘그막’은 늙어 가는 무렵을 뜻하는 말로 ‘늙으막’으로 쓰면 틀린다. "
     "‘늦깎이’는 나이가 들어 어떤 일을 시작한 사람을 이르는 말이다. "
     "두 낱말 모두 소리 나는 대로 적으면 틀리기 쉽다.",
     "*할아버지는"),
])
def test_a_ceremony_quotation_or_an_aside_loses_its_place(
        title: str, text: str, marked_down: str) -> None:
    points = _points(title, text)
    assert len(points) == 3, points
    assert not any(marked_down in p for p in points), points


def test_a_headline_of_figures_alone_still_spares_an_honour_at_them() -> None:
    # No word of two letters to name a figure list's item, but a figure: the honour at it is
    # the headline's news all the same (weak_under once returned ``weak`` with no word).
    sentence = "그는 “2024년에 1000승을 거두게 돼 영광이다”라고 말했다."
    assert ko_words.weak(sentence)
    assert not ko_words.weak_under("1000")(sentence)

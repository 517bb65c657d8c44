"""A Korean sentence that opens on "결국" ("in the end") with a subject of its own tells the
outcome a story led up to and leans on nothing (issue 28, stop 47's read of ko157: "결국 A씨는
… 징역 5년을 선고했다" was the one sentence of the headline's sentence and leaned back). Made-up
text, each case failing before its rule or guarding what it must not catch."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer
from bot.summarize.extractive import candidate_leans_back
from tests.support.tagging import needs_kiwi

LEDE = "B(41)씨는 어린 시절 아버지를 여의고 어머니와 단둘이 생활했다."


@needs_kiwi
@pytest.mark.parametrize(("sentence", "leans"), [
    ("결국 B씨는 작년 12월 살인 혐의로 재판에 넘겨졌고, 법원은 지난 5월 B씨에게 징역 5년을 "
     "선고했다.", False),
    ("결국 협상은 결렬됐고 노조는 오는 10일 파업에 들어간다.", False),
    # no subject in the first two words after it: the turn of a story told before
    ("결국 1심에서는 관련 범행에 대해 무죄가 선고됐다.", True),
    ("결국 지난해 초 회사를 그만두고 가게를 열었다.", True),
    # a subject that itself leans back
    ("결국 그는 경찰에 자수했다.", True),
    # a bare noun for a person: one told before, perhaps another one (ko5: the woman of another
    # case read as the lede's runaway wife)
    ("결국 여성은 작년 체포돼 사기 혐의로 재판에 넘겨졌고, 최근 징역 1년을 선고받았다.", True),
    ("결국 남편은 경찰에 신고했다.", True),
    # the table's other persons and plurals (review rev-late, finding 5)
    ("결국 어머니는 경찰에 신고했다.", True),
    ("결국 아버지는 경찰에 신고했다.", True),
    ("결국 친구는 경찰에 신고했다.", True),
    ("결국 아이들은 경찰에 신고했다.", True),
    ("결국 여성들은 경찰에 신고했다.", True),
])
def test_a_conclusion_with_its_own_subject_leans_on_nothing(sentence: str, leans: bool) -> None:
    sentences = [LEDE, "그는 생계를 위해 각종 아르바이트를 했다.", sentence]
    assert candidate_leans_back(sentences, 2, "ko") == leans


@needs_kiwi
def test_the_sentence_that_tells_the_sentence_is_a_point() -> None:
    # ko157's shape: a life story told in order, the trial at the end
    title = "신생아 살해한 엄마...2심서도 징역 5년"
    verdict = ("결국 B씨는 작년 12월 살인 혐의로 재판에 넘겨졌고, 인천지법 형사15부는 지난 5월 "
               "B씨에게 징역 5년을 선고했다.")
    text = " ".join([
        LEDE,
        "주거가 불안정했고, 15살 때부턴 생계에 도움이 되고자 각종 아르바이트를 했다.",
        "B씨는 2015년 10월 인천의 한 병원에서 남아를 출산했는데, 이후 인근 공원에서 아기를 "
        "살해했다.",
        "한동안 B씨는 이를 잊고 살았다.",
        "그러나 지난해 구청이 미신고 신생아를 전수 조사하자 압박을 느끼고 경찰에 자수했다.",
        "경찰 조사 과정에서 B씨는 “정말 달래려고 했는데, 그 정도로 아이가 죽을 것이라곤 생각을 "
        "못했다” “어머니에게 들킬까봐 두려웠다”는 취지로 진술했다.",
        verdict,
        "양측 모두 항소했다.",
        "서울고법 형사13부는 검찰과 B씨 측 항소를 모두 기각하고, 1심 판단을 유지했다고 2일 밝혔다.",
        "재판부는 “원심이 정한 형이 지나치게 가벼워 부당하다고 보이지 않으며 이 사건 범행은 인명 "
        "살상이라는 반인륜적 범행”이라며 “B씨가 일정 기간 수용 생활을 통해 깊은 사죄와 반성의 "
        "시간을 가질 필요가 있다”고 지적했다.",
    ])
    points = [p.text for p in ExtractiveSummarizer().brief(
        Article(title=title, text=text)).points]
    assert verdict in points


@needs_kiwi
@pytest.mark.parametrize(("sentences", "k"), [
    # a person no point before it introduces: the lede names B씨, not D씨
    (["회사원 B(41)씨가 숨진 채 발견됐다.", "경찰은 수사에 착수했다.",
      "결국 D씨는 경찰에 자수했다."], 2),
    # introduced only in the sentence before, which need not be shown: leans as "한편 B씨는 …" does
    (["회사원이 숨진 채 발견됐다.", "경찰은 수사에 착수했다.", "동료 B씨는 그를 마지막으로 봤다.",
      "결국 B씨는 경찰에 자수했다."], 3),
])
def test_a_conclusion_on_a_person_the_lede_does_not_introduce_leans_back(
        sentences: list[str], k: int) -> None:
    # review of wt-ko47f: "결국" was set aside for refers_back only, so unintroduced read
    # "결국 D씨는 …" as no person at all
    assert candidate_leans_back(sentences, k, "ko")


@needs_kiwi
@pytest.mark.parametrize("sentence", [
    "결국 그 사람은 회사를 떠났다.",
    "결국 이 사건은 미제로 남았다.",
    "결국 해당 업체는 문을 닫았다.",
])
def test_a_conclusion_whose_subject_points_back_leans_back(sentence: str) -> None:
    # review of wt-ko47f: "그 …은", "이 …은", "해당 …는" name what was told before, as "그는" does
    sentences = ["회사원 B(41)씨가 숨진 채 발견됐다.", "경찰은 수사에 착수했다.", sentence]
    assert candidate_leans_back(sentences, 2, "ko")


@needs_kiwi
def test_a_conclusion_on_a_person_named_lee_is_read_for_the_person() -> None:
    # "이 씨는" is a surname, not a demonstrative: introduced in the lede, it leans on nothing
    sentences = ["회사원 이모(41)씨가 경찰에 붙잡혔다.", "경찰은 수사에 착수했다.",
                 "결국 이 씨는 혐의를 인정했다."]
    assert not candidate_leans_back(sentences, 2, "ko")


@needs_kiwi
@pytest.mark.parametrize("sentence", [
    "결국 이 대표는 사퇴 요구를 일축했다.",
    "아울러 이 장관은 피해자들에게 사과했다.",
])
def test_the_surname_yi_before_a_title_is_no_pointing_subject(sentence: str) -> None:
    # stop 47's review of the whole change: "이 대표" is Korean news's commonest surname and
    # title, read as "this" after the opener though the lede gives the full name; it leans on
    # nothing, as it does without the opener
    sentences = ["이재명 더불어민주당 대표가 3일 국회에서 기자회견을 열었다.",
                 "그는 당의 진로를 밝혔다.", sentence]
    assert not candidate_leans_back(sentences, 2, "ko")
    assert not candidate_leans_back([*sentences[:2], sentence.split(" ", 1)[1]], 2, "ko")

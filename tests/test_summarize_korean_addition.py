"""A Korean sentence that opens on "아울러" ("in addition") and names its actor right after it
tells a further act whole and leans on nothing (issue 28, stop 47's read of ko270: "아울러 경찰은
… 총 125건을 삭제, 차단 조치했다" leaned back on "아울러" alone). "또" ("also") keeps leaning
back. Made-up text, each case failing before its rule or guarding what it must not catch."""

from __future__ import annotations

import pytest

from bot.summarize.extractive import candidate_leans_back
from tests.support.tagging import needs_kiwi

LEDE = "온라인에서 참사 유족을 모욕하는 사례가 늘어 경찰이 수사에 착수했다."


@needs_kiwi
@pytest.mark.parametrize(("sentence", "leans"), [
    ("아울러 경찰은 유족을 모욕하는 게시글, 댓글 등 총 125건을 삭제, 차단 조치했다.", False),
    ("아울러 국토부는 동일기종을 보유한 항공사에 대한 특별점검을 10일로 연장한다고 밝혔다.",
     False),
    # a quotation with no speaker after it: who said it?
    ("아울러 “음성기록장치는 음성 파일 형태로 변환하는 단계”라고 전했다.", True),
    # no subject after it
    ("아울러 게시글 125건을 삭제, 차단 조치했다.", True),
    # a quotation in single marks (review rev-late, finding 6)
    ("아울러 ‘음성기록장치는 변환 단계’라고 전했다.", True),
    # a subject that itself leans back (BACK catches "그는"; the pointing subject the rest)
    ("아울러 그는 경찰에 출석했다.", True),
    ("아울러 해당 업체는 게시글 125건을 삭제했다.", True),
    ("아울러 이 사건은 경찰에 넘겨졌다.", True),
    # "also" said again by 도: also besides what? (a noun ending in 도 is no such mark)
    ("아울러 경찰은 댓글도 삭제했다.", True),
    ("아울러 경찰은 처벌 제도 개선을 건의했다.", False),
    # Kiwi's 도/JX after a noun, not a list of syllables (review rev-late, finding 1)
    ("아울러 경찰은 비용도 지원한다.", True),
    ("아울러 경찰은 사진도 공개했다.", True),
    ("아울러 경찰은 문제도 점검했다.", True),
    ("아울러 경찰은 규정도 고치기로 했다.", True),
    ("아울러 경찰은 댓글도, 게시글을 삭제했다.", True),
    # nouns in 도, a concessive ending, a quoted 도: no "also" (finding 2)
    ("아울러 경찰은 관련 보도 내용을 확인하고 있다.", False),
    ("아울러 경찰은 경기도 일대 게시글 125건을 삭제했다.", False),
    ("아울러 경찰은 유족이 원하지 않더라도 수사를 계속할 방침이다.", False),
    ("아울러 경찰은 “유족도 피해자”라고 밝혔다.", False),
    # a bare noun for a person, as after "결국" (review rev-late, finding 5)
    ("아울러 여성은 작년 체포돼 사기 혐의로 재판에 넘겨졌다.", True),
    ("아울러 아이들은 경찰에 신고했다.", True),
    # "또" says the fact before is the one it adds to: it leans back with a subject too
    ("또 경찰은 게시글 125건을 삭제, 차단 조치했다.", True),
])
def test_an_addition_with_its_own_subject_leans_on_nothing(sentence: str, leans: bool) -> None:
    sentences = [LEDE, "전남경찰청은 이날 글을 올린 4명을 입건했다고 밝혔다.",
                 "A씨는 유족을 모욕한 혐의를 받고 있다.", sentence]
    assert candidate_leans_back(sentences, 3, "ko") == leans


@needs_kiwi
def test_an_addition_on_a_person_the_lede_does_not_introduce_leans_back() -> None:
    sentences = ["회사원이 숨진 채 발견됐다.", "경찰은 수사에 착수했다.",
                 "동료 B씨는 그를 마지막으로 봤다.", "아울러 B씨는 경찰에 출석했다."]
    assert candidate_leans_back(sentences, 3, "ko")


@needs_kiwi
@pytest.mark.parametrize(("sentence", "leans"), [
    # "another N, M": M named, the sentence tells it whole (ko234)
    ("또 다른 블랙박스인 비행기록장치(FDR)는 사고 충격으로 손상돼 미국으로 보내 분석할 방침이다.",
     False),
    # another one, no one named: which was the first?
    ("또 다른 관계자는 “소 4마리는 오늘 도살될 것”이라고 설명했다.", True),
    ("또 다른 여성 역시 사고 직후 현장을 급하게 피했다.", True),
    # a noun that ends in 인 is no copula
    ("또 다른 원인 중 하나는 엔진 고장이다.", True),
    ("또 다른 한국인 선수는 예선에서 탈락했다.", True),
    # Kiwi's copula, not a list of syllables (review rev-late, finding 3)
    ("또 다른 일본인 관광객은 사고 직후 현장을 급하게 피했다.", True),
    ("또 다른 정치인 2명은 사고 직후 현장을 급하게 피했다.", True),
    ("또 다른 군인 1명은 사고 직후 현장을 급하게 피했다.", True),
    # the copula past the first word after 다른
    ("또 다른 핵심 장비인 비행기록장치(FDR)는 사고 충격으로 손상돼 미국으로 보내 분석할 방침이다.",
     False),
])
def test_another_that_names_itself_leans_on_nothing(sentence: str, leans: bool) -> None:
    sentences = ["블랙박스 분석이 본격 시작됐다.",
                 "국토부는 음성 기록 장치에서 음성 파일을 추출했다고 밝혔다.",
                 "음성 기록 장치는 두 가지 블랙박스 중 하나다.", sentence]
    assert candidate_leans_back(sentences, 3, "ko") == leans

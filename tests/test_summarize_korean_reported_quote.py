"""A Korean story that opens on a bare quotation and names its speaker in the next sentence,
which quotes them too and reports the opening words with "이같이 말했다" (issue 28's read of
ko29: point 1 was the report alone, "이같이" pointing at a quotation the brief never showed;
the reader's Lead-3 showed both). Made-up text of the same shape, failing before the fix."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, korean
from bot.summarize.extractive import candidate_leans_back
from bot.summarize.lang.ko import select as ko_select

needs_kiwi = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")

TITLE = "원로 학자 “해양 보호에 여야가 따로 없다”"
OPENING = "“어업 이익이나 개발 목적을 위해 바다 생태계를 희생해서는 안 됩니다.”"
REPORT = ("4일 오후 2시쯤 부산 해운대구 벡스코에서 해양수산부 주최로 열린 ‘2025 해양보호 "
          "포럼’에 참석한 김민석 부경대 해양학과 명예교수는 “해양 보호 문제에는 여야가 따로 "
          "없다”면서 이같이 말했다.")
STORY = "\n".join([
    OPENING,
    REPORT + " 이날 포럼은 내년에 열릴 유엔 해양총회에서 다뤄질 주요 의제를 점검하기 위해 열렸다.",
    "김 교수는 1990년대 연안 매립 반대 운동을 이끈 대표적인 ‘환경 운동가’다. 2001년에는 "
    "매립 공사장 점거로 구속돼 실형을 선고받은 전력도 있다.",
    "김 교수는 “정부가 바뀔 때마다 보호구역 정책이 흔들려서는 안 된다”고 강조했다.",
    "그는 “어민 생계와 생태계 보호를 함께 설계해야 한다”고 했다.",
    "김 교수는 2010년 국회 토론회에서 “갯벌은 한번 잃으면 되돌릴 수 없다”고 말해 주목받았다.",
])


def test_a_report_after_a_bare_quotation_leans_on_it() -> None:
    # "이같이" reports the opening quotation, not the one inside the sentence.
    assert ko_select.reports_quotation_before([OPENING, REPORT], 1)
    assert candidate_leans_back([OPENING, REPORT], 1, "ko")
    # so the quotation may open the brief: the sentence after it names its speaker
    assert not candidate_leans_back([OPENING, REPORT], 0, "ko")


def test_a_report_after_prose_reports_the_lede_and_stands() -> None:
    # ko252's shape: "이같이" after a sentence that is no quotation reports the lede, which a
    # brief shows; the exemption of "“…”며 이같이 밝혔다" stays.
    lede = "사고 여객기의 비행기록장치가 자료 추출을 위해 오는 6일 미국으로 운반된다."
    said = ("국토교통부는 3일 브리핑에서 “조사관 2명이 미국으로 장치를 운반한다”며 이같이 "
            "밝혔다.")
    assert not ko_select.reports_quotation_before([lede, "장치는 핵심 장비로 꼽힌다.", said], 2)
    assert not candidate_leans_back([lede, "장치는 핵심 장비로 꼽힌다.", said], 2, "ko")


def test_a_report_with_no_quotation_of_its_own_still_leaves_the_quotation_out() -> None:
    # "한 목사는 이렇게 외쳤다" tells nothing beside the quotation (stop 32's read).
    bare = "“이제 우리는 완전히 이겼습니다.”"
    assert not ko_select.reports_quotation_before([bare, "무대에 오른 한 목사는 이렇게 외쳤다."], 1)
    assert candidate_leans_back([bare, "무대에 오른 한 목사는 이렇게 외쳤다."], 0, "ko")


@needs_kiwi
def test_the_brief_shows_the_quotation_its_first_report_reports() -> None:
    brief = ExtractiveSummarizer().brief(Article(title=TITLE, text=STORY, lang="ko"))
    points = [p.text for p in brief.points]
    assert REPORT in points
    assert points.index(OPENING) == points.index(REPORT) - 1

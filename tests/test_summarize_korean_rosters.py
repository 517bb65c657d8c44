"""A personnel notice glued at its list marks ("▲환경부◇과장급 전보▷…▷…") gives one list entry
a point, each under its organisation, not raw glued list text and not an empty brief (issue
28: readers preferred the glued points to none, 3 of 3). Literal text, each failing before
its fix or guarding what it must not catch."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, korean
from bot.summarize.lang.ko import segment as ko_segment
from bot.summarize.text import split_sentences

needs_kiwi = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")

NOTICE = (
    "▲환경부◇과장급 전보▷물관리위원회지원단장 김진식▷기후변화정책관실 기후전략과장 염정섭\n\n"
    "▲통계청◇3급(부이사관) 승진▷사회통계기획과장 김경희▷가계수지동향과장 이진석"
    "◇4급(서기관) 승진▷기획재정담당관실 안은진▷통계데이터기획과 김병주\n\n"
    "▲금융위원회▷상임위원 김범기"
)


def test_a_roster_line_is_cut_into_entries_each_the_lines_own_text() -> None:
    line = NOTICE.split("\n\n")[1]
    entries = ko_segment.roster_entries(line)
    assert entries == ["▲통계청◇3급(부이사관) 승진▷사회통계기획과장 김경희",
                       "▷가계수지동향과장 이진석",
                       "◇4급(서기관) 승진▷기획재정담당관실 안은진",
                       "▷통계데이터기획과 김병주"]
    assert "".join(entries) == line


def test_an_organisations_first_entry_is_a_last_resort_and_the_rest_never_a_point() -> None:
    assert ko_segment.not_prose("▲환경부◇과장급 전보▷물관리위원회지원단장 김진식") == "entry"
    assert ko_segment.not_prose("▷기후변화정책관실 기후전략과장 염정섭") == "list"
    # a mid-line move's entry does not say whose it is
    assert ko_segment.not_prose("◇4급(서기관) 승진▷기획재정담당관실 안은진") == "list"


@pytest.mark.parametrize("line", [
    "▲박수용 별세, 김영희 모친상=2일1시 경희의료원, 발인 4일8시30분",  # an obituary: one item
    "개편안의 주요 내용은 ▲요금 인하 ▷할인 확대 등이다.",  # prose listing, with its predicate
    "◇과장급 전보▷기획과장 김철수",  # no organisation's ▲ to open it
])
def test_a_line_that_is_no_roster_is_not_cut(line: str) -> None:
    assert not ko_segment.roster(line)


def test_the_splitter_gives_each_entry_its_own_span() -> None:
    sentences = split_sentences(NOTICE, "ko")
    assert "▲환경부◇과장급 전보▷물관리위원회지원단장 김진식" in sentences
    assert "▲금융위원회▷상임위원 김범기" in sentences


@needs_kiwi
def test_a_personnel_notice_gives_one_entry_a_point_under_its_organisation() -> None:
    brief = ExtractiveSummarizer().brief(Article(title="[인사] 환경부 외", text=NOTICE, lang="ko"))
    assert [p.text for p in brief.points] == [
        "▲환경부◇과장급 전보▷물관리위원회지원단장 김진식",
        "▲통계청◇3급(부이사관) 승진▷사회통계기획과장 김경희",
        "▲금융위원회▷상임위원 김범기",
    ]

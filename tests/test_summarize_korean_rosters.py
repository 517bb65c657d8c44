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
    sentences = split_sentences(NOTICE, "ko")
    tails = ko_segment.roster_tails(sentences, frozenset({0, 2, 6}))
    assert {sentences[i] for i in tails} == {
        "▷기후변화정책관실 기후전략과장 염정섭",
        "▷가계수지동향과장 이진석",
        "◇4급(서기관) 승진▷기획재정담당관실 안은진",  # a mid-line move's: whose is not shown
        "▷통계데이터기획과 김병주",
    }


@pytest.mark.parametrize("line", [
    "▲박수용 별세, 김영희 모친상=2일1시 경희의료원, 발인 4일8시30분",  # an obituary: one item
    "개편안의 주요 내용은 ▲요금 인하 ▷할인 확대 등이다.",  # prose listing, with its predicate
    "▲요금 인하 ▷할인 확대 등이 포함됐다.",  # opening on ▲, but a verb at its end
    "▲배추 ▷한 포기 가격이 5000원 올랐다",  # a verb, no period
    "◇과장급 전보▷기획과장 김철수",  # no organisation's ▲ to open it
    "▲김철수씨 별세 ▷김영희씨 남편상 ▷발인 5일 오전 6시",  # an obituary with its details
    "▲박영희씨 부음 ▷이민수씨 모친상 ▷발인 6일",
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


# Items made only of lines that are themselves "▷" bullets: each line keeps the kind it had
# before the roster cut, so the item is not left with an empty brief (issue 28 review).
BULLET_ITEMS = [
    ("[인사] 환경부", "▷대기환경정책관 오일영\n▷기후전략과장 염정섭\n▷물관리정책관 김철수"),
    ("행사 안내", "▷일시: 2024년 7월 20일 오전 10시\n▷장소: 서울시청 대회의실\n"
                 "▷대상: 초·중학생 100명\n▷문의: 02-123-4567"),
    ("주요 뉴스", "▷ 서울시, 내년부터 청년 월세 지원 확대\n▷ 정부, 내년 예산 656조원 편성\n"
                 "▷ 한국은행 기준금리 3.25%로 인하"),
    ("행사 안내", "◇일시▷7월 20일 오후 2시\n◇장소▷서울 코엑스\n◇참가비▷무료"),
    ("[인사] 국세청", "◇과장급 전보▷대변인 김상범"),
]


@needs_kiwi
@pytest.mark.parametrize(("title", "text"), BULLET_ITEMS)
def test_lines_that_are_bullets_themselves_are_still_points(title: str, text: str) -> None:
    brief = ExtractiveSummarizer().brief(Article(title=title, text=text, lang="ko"))
    assert brief.points, text


@needs_kiwi
def test_a_roster_one_mark_a_line_gives_its_entries_not_its_heads() -> None:
    text = ("▲환경부\n◇과장급 전보\n▷물관리위원회 지원단장 김진식\n"
            "▷기후변화정책관실 기후전략과장 염정섭\n▲금융위원회\n▷상임위원 김범기")
    brief = ExtractiveSummarizer().brief(Article(title="[인사] 환경부 외", text=text, lang="ko"))
    points = [p.text for p in brief.points]
    assert points and all(p.startswith("▷") for p in points), points


@needs_kiwi
def test_an_obituary_with_marked_details_keeps_them() -> None:
    text = ("▲김철수씨 별세 ▷김영희씨 남편상 ▷발인 5일 오전 6시\n"
            "▲박영희씨 별세 ▷이민수씨 모친상 ▷발인 6일")
    brief = ExtractiveSummarizer().brief(Article(title="[부음]", text=text, lang="ko"))
    assert any("발인" in p.text for p in brief.points), [p.text for p in brief.points]


def test_a_mark_typed_twice_is_one_mark() -> None:
    line = "▲환경부▷▷대기환경정책관 오일영▷기후전략과장 염정섭"
    assert ko_segment.roster_entries(line) == [
        "▲환경부▷▷대기환경정책관 오일영", "▷기후전략과장 염정섭"]
    assert ko_segment.not_prose("▲환경부▷▷대기환경정책관 오일영") == "entry"


@pytest.mark.parametrize("line", [
    "▲국세청◇과장급 전보▷대변인 김상범▷운영지원과장 최성영 겸임",  # a post held as well
    "▲환경부▷대기환경정책관 오일영▷기후전략과장 김지임",  # a name ending on 임
])
def test_a_roster_ending_on_a_predicates_syllable_is_still_cut(line: str) -> None:
    assert ko_segment.roster(line)

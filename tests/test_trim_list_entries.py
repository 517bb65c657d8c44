"""A list too long for a point (a personnel or obituary notice: "▲국세청◇과장급 전보▷대변인
김상범▷…") is cut before an entry mark, never inside an entry (issue 28, stop 45: ko208's
point ended "…▷반포세무서장…", the name cut off)."""

from __future__ import annotations

from bot.summarize.trim import HARD_LIMIT, fit

# ko208-like: one line of entries, each a post and a name, far past the hard limit.
POSTS = ("납세자보호관", "대변인", "운영지원과장", "기획재정담당관", "국세데이터담당관",
         "정보화기획담당관", "감사담당관", "심사1담당관", "국제세원담당관", "법무과장",
         "소득세과장", "소비세과장", "상속증여세과장", "법인세과장", "송무2과장",
         "성동세무서장", "성북세무서장", "서대문세무서장", "은평세무서장", "강서세무서장",
         "구로세무서장", "금천세무서장", "관악세무서장", "삼성세무서장", "반포세무서장",
         "서초세무서장", "역삼세무서장", "잠실세무서장", "송파세무서장", "강남세무서장")
NAMES = ("김상범", "최성영", "박상준", "김성기", "배상록", "이상원", "최지은", "김태형")
ENTRIES = [f"▷{office}{post} {NAMES[i % len(NAMES)]}"
           for i, (office, post) in enumerate((o, p) for o in ("", "조사1국 ") for p in POSTS)]
NOTICE = "▲국세청◇과장급 전보" + "".join(ENTRIES)


def test_a_list_point_is_cut_before_an_entry() -> None:
    assert len(NOTICE) > HARD_LIMIT
    point = fit(NOTICE, 300, "ko")
    assert point.endswith("…") and len(point) <= HARD_LIMIT
    shown = point[:-1]
    assert NOTICE.startswith(shown) and NOTICE[len(shown)] == "▷", point[-40:]
    # every entry shown is whole: a post and its name
    assert all(entry in NOTICE for entry in ("▷" + e for e in shown.split("▷")[1:]))
    assert shown.endswith(ENTRIES[len(shown.split("▷")) - 2])


def test_a_list_point_never_ends_on_a_header_without_its_entries() -> None:
    # A section header ("▲국세청◇과장급 전보") straddling the cut: the point ends before it.
    entries = "▲과학기술정보통신부" + "".join(f"▷{post} 이영희" for post in POSTS * 2)
    before = entries[:entries.rfind("▷", 0, HARD_LIMIT - 40)]
    notice = before + "▲국세청◇과장급 전보▷납세자보호관 전담 직무대리 전지현" * 3
    assert len(notice) > HARD_LIMIT
    point = fit(notice, 300, "ko")
    assert point.endswith("…") and notice.startswith(point[:-1])
    assert point[:-1].endswith("전지현"), point[-40:]


def test_a_list_marked_with_triangles_is_cut_before_an_entry() -> None:
    # Yonhap and News1 write personnel lists with △: "◇국장급 전보 △기획조정실장 김○○ △…".
    notice = "◇국장급 전보 " + " ".join(f"△{post} 직무대리 김철수" for post in POSTS * 2)
    assert len(notice) > HARD_LIMIT
    point = fit(notice, 300, "ko")
    assert point[:-1].endswith("직무대리 김철수"), point[-40:]


def test_prose_and_english_are_cut_as_before() -> None:
    prose = "정부는 " + "가나다라 " * 150 + "했다."
    point = fit(prose, 300, "ko")
    assert point.endswith("…") and " " not in point[-3:]
    # English writes no entry marks: marks past MIN_SHARE of the limit are still words.
    english = "word " * 30 + "▲ item one " * 4 + "▲ item two " + "word " * 120
    assert fit(english, 300, "en").endswith("word…")


def test_a_list_cut_needs_two_marks_and_a_long_enough_point() -> None:
    # One mark is no list, and a cut that would leave less than MIN_SHARE of the limit is
    # worse than a word cut: both are cut at a word.
    single = "가나다라 " * 40 + "▲국세청 " + "가나다라 " * 200
    assert "▲국세청" in fit(single, 300, "ko")
    early = "▲국세청 ▲관세청 " + "가나다라 " * 200
    assert len(fit(early, 300, "ko")) > 300

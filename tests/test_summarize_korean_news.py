"""Korean news briefs (issue 28, the Korean blind reads): the first point carries the
headline's event, a quotation whose speaker is not named and background are marked down,
labels only name the point's subject, tags are names without their posts."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.models import Article, Brief
from bot.summarize import ExtractiveSummarizer, korean
from bot.summarize.extractive import refers_back
from bot.summarize.labels import label_points, label_stands
from bot.summarize.lang.en.select import weak
from bot.summarize.lang.ko import labelling as ko_labelling
from bot.summarize.lang.ko import tagging as ko_tagging
from tests.support.korean import pool_features

needs_kiwi = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")


def _brief(title: str, text: str) -> Brief:
    return ExtractiveSummarizer().brief(Article(title=title, text=text, lang="ko"))


def _features(title: str, sentences: list[str]) -> list[dict[str, float]]:
    return pool_features(title, sentences, weak)


def test_a_quotation_whose_speaker_is_not_named_is_speakerless() -> None:
    # Read: "그러면서 “…”고 설명했다" as a point, the speaker two points away or not shown.
    f = _features("경찰 스키드마크 정정", [
        "경찰이 사고 현장의 흔적을 잘못 발표했다고 정정했다.",
        "그러면서 “처음에는 여러 흔적이 섞여 있었다”고 설명했다.",
        "“혼란을 드려 죄송하다”는 말도 덧붙였다.",
        "김민수 교통과장은 “흔적을 헷갈렸다”고 밝혔다.",
        "비대위 측은 “진료를 줄이겠다”며 입장문을 냈다.",
    ])
    assert [x["speakerless"] for x in f] == [0.0, 1.0, 1.0, 0.0, 0.0]


def test_background_is_marked() -> None:
    f = _features("서울아산병원 교수 휴진", [
        "서울아산병원 교수들이 4일부터 휴진한다.",
        "앞서 서울대병원 교수들도 휴진을 예고했다.",
        "2019년 경남은행은 비슷한 사고를 겪었다.",
        "강 대표는 지난달 입장을 밝힌 바 있다.",
        "병원은 중증 환자 진료에 집중한다고 밝혔다.",
    ])
    assert [x["background"] for x in f] == [0.0, 1.0, 1.0, 1.0, 0.0]


@needs_kiwi
def test_the_headline_nouns_and_numbers_a_sentence_carries() -> None:
    f = _features("경남은행 3000억 횡령 후폭풍… 성과급 회수", [
        "경남은행이 임직원 성과급을 회수하기로 했다.",
        "이사회는 지난 1일 회의를 열었다.",
        "경남은행 직원의 횡령액은 3000억원에 이른다.",
    ])
    cover = [x["headline_nouns"] for x in f]
    assert cover[1] == 0.0 < cover[0] and cover[2] > 0.0


# A story whose third sentence is a speaker's quote run on without naming the speaker.
STORY = (
    "경찰 \"스키드마크와 기름자국 헷갈려 죄송\"",
    "역주행 사고를 수사 중인 경찰이 스키드마크와 기름 자국을 헷갈렸다고 정정했다.\n"
    "박정우 교통과장은 3일 기자단을 찾아 \"현장의 자국을 스키드마크로 생각했다\"며 "
    "사과했다.\n"
    "그러면서 \"처음 갔을 때는 여러 흔적이 섞여 있었다. 부동액과 엔진오일 흔적을 "
    "헷갈렸다\"고 설명했다.\n"
    "앞서 경찰은 지난 2일 브리핑에서 사고 지점에서 스키드마크가 발견됐다고 발표했다.\n"
    "경찰은 브리핑 한 시간 뒤 스키드마크가 아니라 기름 자국이 발견된 것이라고 번복했다.\n"
    "박정우 교통과장은 \"가해 차량이 주차장 출구부터 가속한 것으로 확인됐다\"고 밝혔다.\n"
    "경찰은 가해 차량 운전자를 다음 주 다시 불러 조사할 예정이다.",
)


@needs_kiwi
def test_a_brief_takes_no_speakerless_quote_and_no_background() -> None:
    texts = [p.text for p in _brief(*STORY).points]
    assert texts[0].startswith("역주행 사고를"), texts
    assert not any(t.startswith(("그러면서", "앞서")) for t in texts), texts


@needs_kiwi
def test_a_name_with_its_post_is_tagged_by_the_name() -> None:
    # Read: "#정용우-교통과장"; and "#징역" on court stories.
    tags = _brief(*STORY).tags
    assert not any("교통과장" in t for t in tags), tags
    tags = _brief("마약 밀반입 30대 여성 징역 5년",
                  "마약을 몸속에 숨겨 밀반입한 30대 여성에게 징역 5년이 선고됐다. 인천지법은 "
                  "A씨에게 징역 5년을 선고했다. 재판부는 A씨의 친구에게 징역 3년에 집행유예 "
                  "5년을 선고했다. A씨는 태국에서 케타민을 들여왔다. 케타민은 마약류다.").tags
    assert "징역" not in tags, tags


def test_a_korean_label_must_be_the_points_subject() -> None:
    # Read: "소속 정당:" over "김 군수는 소속 정당인 국민의힘을 탈당했다" (he is the subject).
    doc = "소속 정당 소속 정당 대통령 경호처 대통령 경호처"
    assert not label_stands("소속 정당", "김 군수는 소속 정당인 국민의힘을 탈당했다.", doc, "ko")
    assert not label_stands("대통령 경호처", "공수처는 대통령 경호처와 대치했다.", doc, "ko")
    assert label_stands("대통령 경호처", "3일 대통령 경호처는 관저 앞을 막았다.", doc, "ko")
    # Read on the news set: a relative clause's subject labelled a point about the standoff.
    assert not label_stands("대통령 경호처", "3일 공수처와 대통령 경호처가 벌인 대치 상황은 "
                            "길었다.", doc, "ko")


def test_a_korean_point_opening_on_its_topic_gets_no_label_cheaply(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Speed: no label can stand when the first word is the topic, so Kiwi's phrases are not
    # built (they were a tenth of a Korean brief, for labels refused in the end).
    def no_phrases(text: str) -> list[tuple[str, list[str]]]:
        raise AssertionError("phrases built for a point that can carry no label")

    monkeypatch.setattr(korean, "noun_phrases", no_phrases)
    points = ["법무부는 이민자 사회통합 프로그램을 내년부터 유료화한다고 밝혔다."]
    doc = points[0] + " 사회통합 프로그램 참여자는 단계별로 10만원을 낸다."
    assert label_points(points, Counter(), "ko", "이민자 프로그램 유료화", doc) == [None]


def test_a_past_month_and_a_words_meaning_are_background_and_the_days_news_is_not() -> None:
    # Issue 28's blind read: "a definition or background sentence takes point 3". Seen on
    # the fit half of the Korean news set: a past month opening what happened before, and a
    # word's meaning given as "…라는 뜻이다".
    f = _features("김장훈 화장품 사업", [
        "가수 김장훈이 화장품 사업에 뛰어들었다.",
        "지난 2월에는 화장품 출시 기념 콘서트를 열었다.",
        "이 단어는 스와힐리어로 ‘숲’이라는 뜻이다.",
        "이 분야는 연구자들이 흔히 기초과학이라 일컫는다.",
        "지난 3일 김장훈은 유튜브에 출연해 브랜드를 소개했다.",
        "지난 3월 5일 그는 부스에서 직접 브랜드를 소개했다.",
    ])
    assert [x["background"] for x in f] == [0.0, 1.0, 1.0, 1.0, 0.0, 0.0]


def test_the_lede_is_never_background_and_a_definition_is() -> None:
    # Read: the lead "2018년 … 촉발한 제보자 김씨는 3일 …" lost to three background points.
    f = _features("버닝썬 5년 후 제보자", [
        "2018년 의혹을 제기한 제보자 김상교씨는 3일 “공권력이 죽으라고 했다”고 말했다.",
        "2018년 김씨는 클럽을 방문했다가 폭행당했다.",
        "사회통합 프로그램은 이민자에게 한국어를 교육하는 것을 가리킨다.",
    ])
    assert [x["background"] for x in f] == [0.0, 1.0, 1.0]


def test_this_process_leans_back() -> None:
    assert refers_back("이 과정에서 경찰에게도 폭행당한 김씨는 유착 의혹을 제기했다.", "ko")


def test_a_point_reporting_a_quote_it_does_not_show_leans_back() -> None:
    # The blind read: "…는 이렇게 외쳤다" as a point, the shout itself in another sentence.
    assert refers_back("김 대표는 3일 광화문 집회에서 연단에 올라 이렇게 외쳤다.", "ko")
    assert refers_back("나 수사부장은 3일 오전 무안국제공항에서 브리핑에서 이같이 밝혔다.", "ko")
    assert refers_back("그는 기자들과 만나 다음과 같이 말했다.", "ko")
    # "이 같이", spaced (ko250: "… 대치 상황을 전하며 이 같이 말했다.")
    assert refers_back("공수처 관계자는 3일 기자들과 만나 대치 상황을 전하며 이 같이 말했다.", "ko")
    assert not refers_back("주 전 위원장은 “빵 사려고 3시간째 대기라더라”며 이 같이 말했다.", "ko")
    # The quote shown in the point itself: nothing is missing.
    assert not refers_back("김 대표는 3일 “정부는 물러나라”며 이렇게 외쳤다.", "ko")
    assert not refers_back("김 대표는 3일 ‘끝까지 가겠다’며 이렇게 밝혔다.", "ko")  # ‘…’ too
    assert not refers_back("김 대표는 3일 광화문 집회에서 정부의 퇴진을 요구했다.", "ko")


class _CountingKiwi:
    """Kiwi, counting the sentence splits asked of it."""

    def __init__(self, kiwi: object) -> None:
        self._kiwi = kiwi
        self.splits = 0

    def __getattr__(self, name: str) -> object:
        return getattr(self._kiwi, name)

    def split_into_sents(self, *args: object, **kwargs: object) -> object:
        self.splits += 1
        return self._kiwi.split_into_sents(*args, **kwargs)  # type: ignore[attr-defined]


@needs_kiwi
def test_a_line_is_split_by_kiwi_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Speed (issue 28): splitting was the one Kiwi analysis done again on every brief.
    counting = _CountingKiwi(korean.analyser())
    monkeypatch.setattr(korean, "_kiwi", counting)
    korean.clear_cache()
    line = "정부는 “내년에는 늘리겠다. 예산도 늘린다”고 말했다. 그러나 야당은 반대했다."
    first = korean.split_line(line)
    assert first is not None and len(first) == 2
    assert korean.split_line(line) == first
    assert counting.splits == 1
    korean.clear_cache()


@needs_kiwi
def test_what_is_read_from_an_analysis_is_cached_and_forgotten_with_it() -> None:
    # Speed: the headline and points are read for tags and labels once per sentence; the bench
    # clears the analyses to time a cold brief, and these must go with them. A point's label is
    # read here too: the brief looks for none once one of its points can have no label
    # (labels.label_points, stop 46), as this story's can.
    brief = _brief(*STORY)
    ko_labelling.analysed(brief.points[0].text, STORY[1], STORY[0], set(), korean.ANALYSIS)
    assert ko_tagging._noun_words.cache_info().currsize > 0
    assert ko_labelling.subruns.cache_info().currsize > 0
    korean.clear_cache()
    assert ko_tagging._noun_words.cache_info().currsize == 0
    assert ko_labelling.subruns.cache_info().currsize == 0

"""Korean points whose one time anchor is "이날" (the day) while no shown point tells the day:
the blind readers of issue 28 asked "which day?" of a brief whose date sat in a sentence it
skipped. Literal text, failing before the fix."""

from __future__ import annotations

from itertools import chain

import pytest

from bench import fit_selection
from bot.models import Article
from bot.summarize import ExtractiveSummarizer
from bot.summarize.extractive import weights_for
from bot.summarize.lang.ko import select as ko_select
from bot.summarize.scoring import build_pool, choose
from bot.summarize.text import content_words, paragraph_starts, split_paragraphs
from tests.support.tagging import needs_kiwi

# A fit-half crime story's shape: the day is told once, in a sentence after the lede, and two
# later sentences lean on it with "이날".
THEFT = (
    "새벽 시간에 편의점에 침입해 현금을 훔쳐 달아난 50대가 범행 30분 만에 검거됐다.\n"
    "전북 전주완산경찰서는 야간주거침입절도 혐의로 B씨를 붙잡아 조사 중이라고 5일 밝혔다. "
    "B씨는 이날 오전 3시 10분쯤 전북 전주시 효자동 한 편의점에 침입해 금고에 있던 현금 "
    "200여만원을 훔쳐 달아난 혐의를 받고 있다. B씨는 미리 준비한 공구로 편의점 뒷문 잠금장치를 "
    "부순 뒤 이같은 범행을 저질렀다.\n"
    "경찰은 주변 폐쇄회로(CC)TV 분석 등을 통해 범행 30여분 만인 이날 오전 3시 40분쯤 전주시 "
    "서신동 한 버스정류장 앞에서 B씨를 붙잡고, 훔친 현금도 모두 회수했다.\n"
    "B씨는 경찰에서 “빚 독촉에 시달리다 범행을 저질렀다”고 진술한 것으로 알려졌다. 경찰은 B씨를 "
    "상대로 정확한 사건 경위를 조사 중이다."
)


@pytest.mark.parametrize(("sentence", "told"), [
    ("B씨는 이날 오전 3시 10분쯤 편의점에 침입했다.", False),
    ("경찰은 범행 30여분 만인 이날 오전 3시 40분쯤 B씨를 붙잡았다.", False),
    ("한편 경찰은 이날 오후 현장 감식을 벌였다.", False),
    ("전주완산경찰서는 B씨를 붙잡아 조사 중이라고 5일 밝혔다.", True),
    ("성탄절인 이날 오후 3시쯤 불이 났다.", True),  # the day is named with it
    ("B씨는 “이날만 기다렸다”고 말했다.", None),  # a speaker's day, not the story's anchor
    ("경찰은 B씨를 상대로 정확한 사건 경위를 조사 중이다.", None),
])
def test_a_day_told_elsewhere_is_told_apart_from_a_date(sentence: str, told: bool | None) -> None:
    assert ko_select.date_told(sentence) is told


@needs_kiwi
def test_this_day_is_a_point_only_under_a_point_that_tells_the_day() -> None:
    brief = ExtractiveSummarizer().brief(
        Article(title="“빚 독촉에”…편의점 털었다 30분만에 붙잡혀", text=THEFT, lang="ko"))
    points = [p.text for p in brief.points]
    leaning = [p for p in points if ko_select.date_told(p) is False]
    assert not leaning or any(ko_select.date_told(p) for p in points), points


@needs_kiwi
def test_the_fit_weighs_a_day_told_elsewhere_as_a_brief_does() -> None:
    # The fit's pool (bench.fit_selection.prepare) holds the brief's reading of each day: with
    # none, the fit would take "B씨는 이날 …" under no point that tells the day, a choice no
    # brief makes, and fit the weights to it.
    title = "“빚 독촉에”…편의점 털었다 30분만에 붙잡혀"
    summarizer = ExtractiveSummarizer()
    row = {"id": "theft", "title": title, "text": THEFT, "summary": THEFT.split("\n")[0]}
    item = fit_selection.prepare(row, "ko", summarizer, 3)
    pool = item.pool
    assert pool is not None and pool.told is not None
    told = [pool.told(k) for k in range(len(pool.sentences))]
    assert told == [ko_select.date_told(s) for s in pool.sentences]
    assert False in told  # a candidate whose one anchor is "이날"
    weights = weights_for("ko")
    fit = [pool.sentences[k] for k in choose(pool, weights, 3, item.back.__getitem__)]
    paragraphs = split_paragraphs(THEFT, "ko")
    brief = summarizer.select(list(chain.from_iterable(paragraphs)), title, "ko", 3,
                              starts=paragraph_starts(paragraphs))
    assert fit == brief, (fit, brief)
    leaning = [p for p in fit if ko_select.date_told(p) is False]
    assert not leaning or any(ko_select.date_told(p) for p in fit), fit


def _days_told_by(pattern: str) -> list[str]:
    """One or more words for each branch of ``DAY``'s alternation, read from the pattern
    itself, so a branch added there is tested here without copying it by hand."""
    body = pattern[pattern.index("(?:") + 3:pattern.rindex(")")]
    assert "(" not in body, "DAY grew a nested group: teach this reader its syntax"
    days: list[str] = []
    for branch in body.split("|"):
        if branch.startswith(r"\d{1,2}"):
            rest = branch[len(r"\d{1,2}"):]
            days += ["3" + rest, "12" + rest, "３" + rest]
        elif branch.startswith("["):
            letters, rest = branch[1:].split("]", 1)
            days += [letter + rest for letter in letters]
        else:
            days.append(branch)
        assert not set(days[-1]) & set("\\[](){}?*+.^$"), branch
    return days


# Each way of telling the day (``DAY``'s branches, read from its pattern), and its lookahead of
# first letters: a branch added without its letter there would never match.
@pytest.mark.parametrize("day", _days_told_by(ko_select.DAY.pattern))
def test_every_way_of_telling_the_day_is_found(day: str) -> None:
    assert ko_select.DAY.search(f"경찰은 {day} 오전 현장을 다시 찾았다.") is not None


def test_a_sentence_with_no_day_tells_none() -> None:
    assert ko_select.DAY.search("경찰은 오전 현장을 다시 찾아 주변을 살폈다.") is None
    assert ko_select.date_told("경찰은 오전 현장을 다시 찾아 주변을 살폈다.") is None


# The review of wt-ko47f's shape: an undated lede, "이날 오전 …" third, and the day told only
# later ("5일"). Points are shown in story order, so a dated point chosen first but shown below
# would leave the reader asking "which day?" at "이날".
STRIKE_TITLE = "철도노조 파업 돌입…출근길 열차 운행 30% 감축"
STRIKE = [
    "전국철도노동조합이 임금 협상 결렬에 따라 총파업에 들어갔다.",
    "노조는 기본급 인상과 인력 충원을 요구하고 있다.",
    "이날 오전 서울역과 용산역 등 주요 역에서는 열차 운행이 30% 줄어 출근길 시민 수천 명이 큰 "
    "불편을 겪었다.",
    "코레일은 대체 인력 4500명을 투입했다고 밝혔다.",
    "시민들은 불편을 호소했다.",
    "국토교통부는 5일 비상수송대책본부를 꾸리고 버스 200대를 추가 투입하기로 했다.",
    "노사는 주말께 교섭을 재개할 예정이다.",
]


@needs_kiwi
def test_this_day_leans_on_a_dated_point_shown_before_it_only() -> None:
    words = [content_words(s, "ko") for s in STRIKE]
    pool = build_pool(list(enumerate(STRIKE)), words, STRIKE_TITLE,
                      content_words(STRIKE_TITLE, "ko"), "ko", 300, lambda s: False)
    assert pool.told is not None and pool.told(2) is False and pool.told(5) is True
    assert pool.leans_on_a_day(2, [0, 1])  # no point tells the day
    assert pool.leans_on_a_day(2, [0, 5])  # one does, but it is shown below "이날"


@needs_kiwi
def test_this_day_is_never_shown_above_the_point_that_tells_the_day() -> None:
    points = [p.text for p in ExtractiveSummarizer().brief(
        Article(title=STRIKE_TITLE, text=" ".join(STRIKE), lang="ko")).points]
    for n, point in enumerate(points):
        if ko_select.date_told(point) is False:
            assert any(ko_select.date_told(p) for p in points[:n]), points

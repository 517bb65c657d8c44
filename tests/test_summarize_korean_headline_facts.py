"""Issue 28, stop 43's Korean read: the headline's facts that the body writes and our brief
missed. ko8's headline rounds the body's figure ("전 국민 14% 추정" over "약 13.6%"); ko229's
headline quotes two sides ("…경호처 “사실 무근” 공조본 “채증됐다”") and the brief gave only
경호처's, since Kiwi misread the headline's "공조본" and 공조본's sentences open on "반면"."""

from __future__ import annotations

import pytest

from bench import ko_news
from bot.models import Article
from bot.summarize import ExtractiveSummarizer, korean
from bot.summarize.lang.ko.select.key_facts import carried, figures, headline_figure, rounds_to
from tests.conftest import shared_path

needs_kiwi = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")

@pytest.mark.parametrize(("written", "head", "rounded"), [
    ("13.6%", "14%", True),
    ("14.4%", "14%", True),
    ("2.7배", "3배", True),
    ("13.4%", "14%", False),  # rounds to 13
    ("14.5%", "14%", False),  # rounds (half up) to 15
    ("13%", "14%", False),  # a whole number stands for itself, not for another
    ("13.6명", "14%", False),  # another unit
    ("13.6%", "13.6%", False),  # as written: ``carried`` takes it, not the rounding
    ("13.6%", "14.0%", False),  # a headline with a decimal rounds nothing
])
def test_a_body_decimal_rounds_to_the_headline_figure(
        written: str, head: str, rounded: bool) -> None:
    assert rounds_to(written, head) is rounded


def test_the_rounded_figure_is_the_headline_figure() -> None:
    head = figures("정부 ‘경계선 지능인’ 첫 실태 조사 나선다.. 전 국민 14% 추정")
    assert head == {"14%"}
    own = figures("정부는 전체 국민의 약 13.6%가 경계선 지능인인 것으로 추정한다.")
    assert carried(own, head) == {"14%"}
    assert headline_figure(own, head) == 1.0
    assert headline_figure(figures("교육부는 13%를 조사한다."), head) == 0.0


@pytest.fixture(scope="module")
def feed() -> dict[str, Article]:
    """The Korean feed snapshots' articles by headline (real text: skipped without them)."""
    return {a.title: a for a in ko_news.articles(shared_path("feeds", "real-world-ko"))}


@needs_kiwi
@pytest.mark.parametrize(("headline", "told"), [
    # ko8: the headline's 14%, written 13.6% in the body, was in no point
    ("정부 ‘경계선 지능인’ 첫 실태 조사 나선다.. 전 국민 14% 추정", "약 13.6%가"),
])
def test_a_feed_brief_tells_the_headline_s_fact(
        feed: dict[str, Article], headline: str, told: str) -> None:
    points = [p.text for p in ExtractiveSummarizer().brief(feed[headline]).points]
    assert len(points) == 3, points
    assert any(told in p for p in points), points

"""A Korean lede that restates the headline and adds to it is the news (issue 28, the blind
read of seed 3838: the brief that left out "… 건립 기금으로 10억원을 기부했다" under the
headline "… 10억 기부" lost); only a near copy of the headline is barred as a wasted point."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, korean
from bot.summarize.lang.en.select import weak
from bot.summarize.scoring import build_pool
from bot.summarize.text import content_words
from bot.summarize.weights import WEIGHTS

pytestmark = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")

TITLE = "김하늘 하늘산업 회장, 한빛대에 10억 기부"
LEDE = "김하늘 하늘산업 회장이 모교 공학관 도서관 건립 기금으로 10억원을 기부했다."
TEXT = (
    f"{LEDE} 한빛대는 오는 2026년 개교 80주년 기념사업 일환으로 공학관 도서관 신축을 "
    "추진하고 있다.\n\n"
    "한빛대는 지난 2일 오후 3시 총장실에서 ‘하늘산업 공학관 도서관 건립 기금 기부식’을 "
    "열었다고 3일 밝혔다. 한빛대 경영학과 85학번 출신인 김 회장은 기부식에서 “모교에 "
    "도움이 되고 싶었다”면서 “학생들이 새 도서관에서 꿈을 키웠으면 좋겠다”고 밝혔다.\n\n"
    "박정민 한빛대 총장은 “동참해 주신 김하늘 회장님과 하늘산업에 감사드린다”면서 "
    "“기금으로 지어질 도서관은 연구와 교육 역량 강화에 큰 도움이 될 것”이라고 밝혔다."
)


def test_a_lede_that_restates_the_headline_and_adds_to_it_is_a_point() -> None:
    brief = ExtractiveSummarizer().brief(Article(title=TITLE, text=TEXT, lang="ko"))
    assert brief.points[0].text == LEDE


def test_a_near_copy_of_the_headline_is_no_point() -> None:
    copy = "김하늘 하늘산업 회장이 한빛대에 10억 기부했다."  # the headline's words, no more
    text = TEXT.replace(LEDE, copy)
    brief = ExtractiveSummarizer().brief(Article(title=TITLE, text=text, lang="ko"))
    assert copy not in [p.text for p in brief.points]


def test_the_shipped_threshold_lies_between_a_lede_that_adds_and_a_copy() -> None:
    # Fitted against editors' picks, which skip every lede that restates the headline, the
    # threshold could fall under such a lede again; at 1.01 nothing would be barred at all.
    copy = "김하늘 하늘산업 회장이 한빛대에 10억 기부했다."
    sentences = [LEDE, copy, "박정민 총장은 감사하다고 밝혔다."]
    pool = build_pool(list(enumerate(sentences)), [content_words(s, "ko") for s in sentences],
                      TITLE, content_words(TITLE, "ko"), "ko", 300, weak)
    assert pool.title_sim[0] < WEIGHTS["ko"]["headline_copy"] <= pool.title_sim[1]

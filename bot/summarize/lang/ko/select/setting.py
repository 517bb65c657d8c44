"""Korean sentences that only set the scene: when and where someone arrived, with nothing of
what happened there.

Issue 28's read of stop 47 (Korean against Lead-3, 16 of 24) found briefs that were the lede's
first three sentences while the news was told later: ko98's point 2 was "… 지난달 27일 오후
6시50분쯤 … 능곡파출소 주차장으로 A씨 차량이 들어왔다." (a car pulling in) over the rescue.
Such a sentence is weighed as ``background`` (the reporter's own visit, ``words.scene``, is
already): it may still be a point, where nothing tells more. Two wider readings were measured
and not kept (docs/SUMMARIZER.md, stop 48): a place described with no topic ("… 공관이 밀집한
구역이다.", ko228) moved the Korean fit off the shipped weights (``bench.fit_selection --lang
ko --check``) through a fit-half article's "… 밀집한 곳이다."; an event the story named taking
place ("이 같은 일은 … 오전 2시 40분쯤 … 골목에서 발생했다.", ko129) is the when and where the
editors picked and the readers did not fault.
"""

from __future__ import annotations

import re

from bot.summarize.lang.ko.select.key_facts import figures

# A clock time ("오전 7시 18분", "오후 6시50분쯤", "새벽 2시"): a scene's when. A day alone is
# not one: every Korean story tells its day, news sentences too.
CLOCK = re.compile(r"(?:오전|오후|새벽|밤|저녁|아침)\s?\d{1,2}시")
# The sentence's one predicate, at its end: an arrival ("정문에 도착했다", "주차장으로 … 차량이
# 들어왔다"). An event taking place ("지진이 발생했다") is not one: it may be the news itself
# (ko14's lede).
ARRIVAL = re.compile(r"(?:도착|들어왔|들어섰|출발)(?:했|하였)?다[.]?[\"'”’)]*\s*$")
# A second clause makes it more than a scene: "… 대치를 벌이던 체포조는 저지선을 뚫고 … 도착했다"
# (ko265) tells the breakthrough, "… 진입을 시도했고, … 경내로 진입했다" (ko262) the entry. A noun
# ending in 고 ("사고") reads as a clause too: the rule then holds back, as it should when unsure.
CLAUSE = re.compile(
    r"[가-힣](?:고|며|면서|자|지만|는데|으나|돼)[,]?\s"
    # "… 점검한 뒤", "… 시도 끝에": a word of its own after the clause ("오후" is no "후").
    r"|[가-힣]\s(?:뒤|후|다음|끝에)[,]?\s")
# A clock time whole, minutes and seconds too: "18분" is a figure to ``key_facts.figures``.
CLOCK_TIME = re.compile(r"\d{1,2}시\s?(?:\d{1,2}분)?(?:\s?\d{1,2}초)?")


def sets_scene(sentence: str) -> bool:
    """Whether ``sentence`` only sets the scene: a clock time (``CLOCK``) and an arrival as
    its one predicate (``ARRIVAL``, no second ``CLAUSE``), and no figure but the clock's
    (``key_facts.figures``: "체포팀 80명가량이 … 도착했다" counts who came, which may be news)."""
    if CLOCK.search(sentence) is None or ARRIVAL.search(sentence) is None \
            or CLAUSE.search(sentence) is not None:
        return False
    return not figures(CLOCK_TIME.sub(" ", sentence))

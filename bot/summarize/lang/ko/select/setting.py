"""Korean sentences that only set the scene: when and where someone arrived or the story's
event took place, or what the place is, with nothing of what happened there.

Issue 28's read of stop 47 (Korean against Lead-3, 16 of 24) found briefs that were the lede's
first three sentences while the news was told later: ko228's point 2 was "윤 대통령 관저와
국회의장·대법원장, 군 수뇌부 공관이 밀집한 구역이다." (what the site is) over the warrant
refused and the arrest attempted; ko98's "… 지난달 27일 오후 6시50분쯤 … 능곡파출소 주차장으로
A씨 차량이 들어왔다." (a car pulling in) over the rescue; ko129's "… 이 같은 일은 지난달 2일
오전 2시 40분쯤 대구 북구의 골목에서 발생했다." (when and where) over the police response.
Such a sentence is weighed as ``background`` (the reporter's own visit, ``words.scene``, is
already): it may still be a point, where nothing tells more.
"""

from __future__ import annotations

import re

from bot.summarize.lang.ko.select.key_facts import figures

# A clock time ("오전 7시 18분", "오후 6시50분쯤", "새벽 2시"): a scene's when. A day alone is
# not one: every Korean story tells its day, news sentences too.
CLOCK = re.compile(r"(?:오전|오후|새벽|밤|저녁|아침)\s?\d{1,2}시")
# The sentence's one predicate, at its end: an arrival ("정문에 도착했다", "주차장으로 … 차량이
# 들어왔다"), or an event that the story has named already taking place ("이 같은 일은 … 골목에서
# 발생했다": a topic, 은/는, before it). "지진이 발생했다" (이/가) names a new event, the news
# itself (ko14's lede), and is no scene.
ARRIVAL = re.compile(r"(?:도착|들어왔|들어섰|출발)(?:했|하였)?다[.]?[\"'”’)]*\s*$")
TAKING_PLACE = re.compile(r"(?:발생|일어났|벌어졌)(?:했|하였)?다[.]?[\"'”’)]*\s*$")
TOPIC = re.compile(r"[가-힣](?:은|는)\s")
# A second clause makes it more than a scene: "… 대치를 벌이던 체포조는 저지선을 뚫고 … 도착했다"
# (ko265) tells the breakthrough, "… 진입을 시도했고, … 경내로 진입했다" (ko262) the entry. A noun
# ending in 고 ("사고") reads as a clause too: the rule then holds back, as it should when unsure.
CLAUSE = re.compile(
    r"[가-힣](?:고|며|면서|자|지만|는데|으나|돼)[,]?\s"
    # "… 점검한 뒤", "… 시도 끝에": a word of its own after the clause ("오후" is no "후").
    r"|[가-힣]\s(?:뒤|후|다음|끝에)[,]?\s")
# A clock time whole, minutes and seconds too: "18분" is a figure to ``key_facts.figures``.
CLOCK_TIME = re.compile(r"\d{1,2}시\s?(?:\d{1,2}분)?(?:\s?\d{1,2}초)?")
# A place described with no subject: "… 공관이 밀집한 구역이다." ("… 50m가량 떨어진 지점이다."
# has a figure, the distance, and is left alone).
SITE = re.compile(
    r"(?:구역|지역|지점|장소|동네|마을|단지|골목|곳)(?:이)?다[.]?\s*$")


def _site(sentence: str) -> bool:
    """A place described with no topic of its own (``SITE``)."""
    return SITE.search(sentence) is not None and TOPIC.search(sentence) is None


def _arrival(sentence: str) -> bool:
    """A clock time and an arrival, or a named event taking place, as its one predicate."""
    if CLOCK.search(sentence) is None or CLAUSE.search(sentence) is not None:
        return False
    return ARRIVAL.search(sentence) is not None or (
        TAKING_PLACE.search(sentence) is not None and TOPIC.search(sentence) is not None)


def sets_scene(sentence: str) -> bool:
    """Whether ``sentence`` only sets the scene: a clock time and an arrival or an event
    taking place as its one predicate (``CLOCK``, ``ARRIVAL``, ``TAKING_PLACE``, no second
    ``CLAUSE``), or a place described with no topic (``SITE``); and no figure
    (``key_facts.figures``: "체포팀 80명가량이 … 도착했다" counts who came, which may be news)."""
    if not (_site(sentence) or _arrival(sentence)):
        return False
    return not figures(CLOCK_TIME.sub(" ", sentence))

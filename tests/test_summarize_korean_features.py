"""A Korean feature's opener that names nothing ("조용히 한쪽으로 밀려나 있던 도시에 눈길이
갔다.", "그날 밤 …") as point 1, while a later sentence names the city: issue 28's blind
readers named it. Literal text, failing before the fix."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer
from bot.summarize.extractive import candidate_leans_back
from bot.summarize.lang.ko import select as ko_select

TRAVEL = [
    "조용히 한쪽으로 밀려나 있던 도시에 눈길이 갔다.",
    "올해 경주에서는 아시아·태평양 경제협력체(APEC) 정상회의가 열린다.",
    "새로 개통한 동해선 열차를 타고 경주역에 내렸다.",
    "시내버스는 대릉원과 첨성대, 동궁과 월지를 차례로 지난다.",
]


@pytest.mark.parametrize("opener", [
    "조용히 한쪽으로 밀려나 있던 도시에 눈길이 갔다.",
    "그날 밤 까닭 모를 불안한 마음에 잠을 설쳤다.",
    "그해 겨울은 유난히 길었다.",
])
def test_an_opener_that_names_nothing_opens_no_brief(opener: str) -> None:
    assert candidate_leans_back([opener, *TRAVEL[1:]], 0, "ko")


@pytest.mark.parametrize("lede", [
    "폭우가 쏟아진 마을에 주민들이 돌아왔다.",  # a news lede: its subject is named
    "그날 오후 3시 경주 시내에서 불이 났다.",  # a time told
    "경주시는 “정상회의 준비를 마쳤다”고 밝혔다.",
    "오랫동안 잊혀 있던 경주에 눈길이 갔다.",  # the city named
])
def test_a_lede_that_names_or_tells_something_opens_a_brief(lede: str) -> None:
    assert not ko_select.unnamed_opener(lede)
    assert not candidate_leans_back([lede, *TRAVEL[1:]], 0, "ko")


def test_the_brief_opens_on_the_sentence_that_names_the_city() -> None:
    brief = ExtractiveSummarizer().brief(
        Article(title="APEC 앞둔 경주, 겨울 여행", text="\n".join(TRAVEL), lang="ko"))
    points = [p.text for p in brief.points]
    assert TRAVEL[0] not in points, points

"""Korean points that only set the scene (issue 28, stop 48's read of ko228, ko98, ko129): the
time and place of an arrival or of the story's event, or what the place is, weigh as
background, so a later sentence that tells what happened may take the point. Made-up text,
each case failing before the rule or guarding what it must not catch."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer
from bot.summarize.lang.ko.select.setting import sets_scene
from tests.support.korean import pool_features
from tests.support.tagging import needs_kiwi


@pytest.mark.parametrize("sentence", [
    # ko228's, ko98's and ko129's shapes
    "점검반은 5일 오전 9시 12분 부산 남구 대연동 공단 구역 정문에 도착했다.",
    "4일 충남경찰청에 따르면 지난달 29일 오후 8시10분쯤 아산경찰서 배방지구대 앞으로 B씨 "
    "차량이 들어왔다.",
    "3일 경찰청 유튜브에 따르면, 이 같은 일은 지난달 5일 오전 3시 10분쯤 광주 서구의 "
    "골목에서 발생했다.",
    "공장과 물류창고, 화학물질 저장시설이 밀집한 구역이다.",
    # a departure and an arrival are still only when and where
    "오전 6시 20분 청사를 출발해 오전 7시 5분쯤 현장에 도착했다.",
])
def test_a_sentence_that_only_sets_the_scene(sentence: str) -> None:
    assert sets_scene(sentence)


@pytest.mark.parametrize("sentence", [
    # a new event named with 이/가 is the news itself (ko14's lede)
    "3일 오후 2시 24분 전북 부안군 남남서쪽 4㎞ 지역에서 규모 2.3의 지진이 발생했다.",
    # a second clause tells what was done on the way (ko265's, ko262's shapes)
    "2시간가량 대치를 벌이던 점검반은 저지선을 뚫고 이날 오전 10시쯤 본관 앞에 도착했다.",
    "장비를 점검한 뒤 오전 8시 4분 정문에 도착했다.",
    # a count of who came may be news
    "점검반 80명가량이 오전 7시쯤 정문에 도착했다.",
    # a place with a distance, or a place that is the topic, is left alone
    "본관에서 50m가량 떨어진 지점이다.",
    "이곳은 공장이 밀집한 구역이다.",
    # no clock time: a day alone is every story's
    "점검반은 5일 부산 남구 공단 정문에 도착했다.",
])
def test_a_sentence_that_tells_more_than_the_scene(sentence: str) -> None:
    assert not sets_scene(sentence)


@needs_kiwi
def test_the_outcome_takes_the_point_of_the_scene() -> None:
    # ko129's shape: the lede, then when and where it happened, then a video of the scene
    # that leans on it; what the police did came later and lost to both (in ko129 itself the
    # subduing, "… 순식간에 제압했다", took point 3)
    title = "새벽 3시 쇠파이프 들고 배회… 순찰차 4대 출동"
    scene = ("3일 경찰청 유튜브에 따르면, 이 같은 일은 지난달 5일 오전 3시 10분쯤 광주 서구의 "
             "골목에서 발생했다.")
    text = " ".join([
        "새벽 시간 한 남성이 쇠파이프를 들고 골목을 배회해 순찰차 4대가 출동하는 일이 벌어졌다.",
        scene,
        "당시 상황이 담긴 영상을 보면, 모자를 눌러쓴 남성은 오른손에 쇠파이프를 든 채 골목을 "
        "두리번거리며 걸어 다녔다.",
        "이를 본 한 주민이 놀라 다른 주민에게 가까이 가지 말라고 말리는 모습도 찍혔다.",
        "경찰은 쇠파이프를 든 남성이 돌아다닌다는 신고 여러 건을 받고 현장에 순찰차 4대를 "
        "보내 긴급 출동했다.",
        "이 남성은 순찰차를 보자 쇠파이프를 허공에 휘두르다, 모여드는 경찰들을 보곤 뒷걸음질 쳤다.",
        "경찰은 만일의 사태에 대비해 방검 장갑을 끼고 방패를 든 채 모든 도주로를 막고 남성 "
        "체포에 나섰다.",
        "흥분한 남성을 달래며 쇠파이프를 내려놓게 했고, 남성이 한눈 판 사이 발 옆의 쇠파이프를 "
        "치운 뒤 순식간에 제압했다.",
        "결국 남성은 특수협박 혐의로 입건됐다.",
    ])
    features = pool_features(title, text.split(". "))
    assert features[1]["background"] == 1.0
    points = [p.text for p in ExtractiveSummarizer().brief(
        Article(title=title, text=text)).points]
    assert scene not in points
    assert not any(p.startswith("당시 상황이 담긴 영상") for p in points)
    assert any(p.startswith("경찰은") for p in points)

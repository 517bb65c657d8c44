"""Korean points that only set the scene (issue 28, stop 48's read of ko98): the time and place
of an arrival weighs as background, so a later sentence that tells what happened may take the
point. Made-up text, each case failing before the rule or guarding what it must not catch."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer
from bot.summarize.lang.ko.select.setting import sets_scene
from tests.support.korean import pool_features
from tests.support.tagging import needs_kiwi


@pytest.mark.parametrize("sentence", [
    # ko98's and ko228's shapes
    "4일 충남경찰청에 따르면 지난달 29일 오후 8시10분쯤 아산경찰서 배방지구대 앞으로 B씨 "
    "차량이 들어왔다.",
    "점검반은 5일 오전 9시 12분 부산 남구 대연동 공단 구역 정문에 도착했다.",
    # a departure and an arrival are still only when and where
    "오전 6시 20분 청사를 출발해 오전 7시 5분쯤 현장에 도착했다.",
])
def test_a_sentence_that_only_sets_the_scene(sentence: str) -> None:
    assert sets_scene(sentence)


@pytest.mark.parametrize("sentence", [
    # an event taking place may be the news itself (ko14's lede), and ko129's when and where
    # of its event was what the editors picked
    "3일 오후 2시 24분 전북 부안군 남남서쪽 4㎞ 지역에서 규모 2.3의 지진이 발생했다.",
    "3일 경찰청 유튜브에 따르면, 이 같은 일은 지난달 5일 오전 3시 10분쯤 광주 서구의 "
    "골목에서 발생했다.",
    # a second clause tells what was done on the way (ko265's, ko262's shapes)
    "2시간가량 대치를 벌이던 점검반은 저지선을 뚫고 이날 오전 10시쯤 본관 앞에 도착했다.",
    "장비를 점검한 뒤 오전 8시 4분 정문에 도착했다.",
    # a count of who came may be news
    "점검반 80명가량이 오전 7시쯤 정문에 도착했다.",
    # a place described: measured and not kept (it moved the Korean fit, stop 48)
    "공장과 물류창고, 화학물질 저장시설이 밀집한 구역이다.",
    # no clock time: a day alone is every story's
    "점검반은 5일 부산 남구 공단 정문에 도착했다.",
])
def test_a_sentence_that_tells_more_than_the_scene(sentence: str) -> None:
    assert not sets_scene(sentence)


@needs_kiwi
def test_the_story_takes_the_point_of_the_arrival() -> None:
    # ko98's shape: the lede, then when and where the man's car pulled in, then how he
    # staggered to the door; the arrival took point 2
    title = "“숨이 안 쉬어져”…파출소 앞 쓰러진 남성, 무슨 일?"
    arrival = ("4일 충남경찰청에 따르면 지난달 29일 오후 8시10분쯤 아산경찰서 배방지구대 앞으로 "
               "B씨 차량이 들어왔다.")
    text = " ".join([
        "진통제를 먹은 뒤 알레르기 쇼크에 빠진 시민이 경찰의 응급처치로 목숨을 건진 사연이 "
        "알려졌다.",
        arrival,
        "차에서 내려 지구대를 향해 힘겹게 걸음을 옮기던 B씨는 가슴을 손으로 움켜쥐거나 차량에 "
        "몸을 기대고 중간중간 바닥에 주저앉는 등 고통을 호소했다.",
        "겨우 지구대 출입문 앞까지 왔지만 곧 의식을 잃고 쓰러졌다.",
        "B씨는 경찰청 유튜브를 통해 “늘 먹던 진통제를 먹었는데 5분도 안 돼서 얼굴이 붓고 숨이 "
        "막혔다”며 “‘병원에 가야겠다’는 생각에 차를 몰고 지구대 근처까지 왔는데 몸이 말을 "
        "듣지 않았다”고 했다.",
        "다행히 지구대 소속 김영수(45) 경위와 박지훈(31) 경장이 쓰러진 B씨를 발견해 달려갔다.",
        "B씨는 “정신 차리세요”라는 외침에도 숨을 쉬기 힘든 듯한 모습을 보였다.",
        "김 경위와 박 경장은 B씨를 순찰차에 태워 응급실로 옮겼다.",
        "무사히 응급실에 도착한 B씨는 건강을 되찾았다.",
    ])
    features = pool_features(title, text.split(". "))
    assert features[1]["background"] == 1.0
    points = [p.text for p in ExtractiveSummarizer().brief(
        Article(title=title, text=text)).points]
    assert arrival not in points

"""Korean briefs with no tag where an established topic was the story's subject (issue 28,
tags6): a topic the points write is a tag though the headline writes it otherwise ("음주車"
for 음주운전, "정원" for 의대 정원), and it gives way to a longer name holding it."""

from __future__ import annotations

from bot.summarize.korean import morphs
from bot.summarize.lang.ko import tagging
from bot.summarize.lang.ko.tagging import mentions
from tests.support.tagging import brief_tags, needs_kiwi


def _tags(title: str, text: str) -> list[str]:
    return brief_tags(title, text, "ko")


@needs_kiwi
def test_a_topic_the_headline_writes_by_its_short_form_is_a_tag() -> None:
    # Feed fit half: "도로 화단 올라탄 음주車…" had no tag.
    text = (
        "음주운전을 하다 사고를 일으킨 남성이 모르는 사람이 대리운전을 해줬다고 잡아떼다 결국 "
        "시인해 경찰에 입건됐다. 서울 관악경찰서는 지난 2일 도로교통법상 음주운전 혐의를 받는 "
        "남성 A씨를 입건해 수사하고 있다고 3일 밝혔다. 경찰에 따르면 지난 2일 오후 11시쯤 "
        "차량이 화단 위에 올라가 있다는 신고가 접수됐다. A씨는 처음에 대리기사가 운전했다고 "
        "주장했다."
    )
    tags = _tags("[단독] 도로 화단 올라탄 음주車…“대리 맡겨” 잡아떼다 실토했다", text)
    assert "음주운전" in tags, tags


@needs_kiwi
def test_a_topic_the_points_write_is_a_tag_under_a_headline_without_it() -> None:
    # Feed fit half: "의료계 “인력 추계위, 내년 정원 논의 안하면 참여 않겠다”" had no tag.
    text = (
        "대한의사협회와 의대 교수 단체 등 의료계는 2일 정부가 2025학년도 의대 정원을 포함해 "
        "의제의 제한 없이 논의할 것을 요구한다고 했다. 그러지 않으면 정부가 제안한 위원회에 "
        "전문가 추천을 하지 않겠다고 했다. 정부는 의대 정원 문제를 위원회에서 논의할 수 "
        "있다는 입장이다. 양측이 평행선을 달릴 것이라는 전망이 나온다."
    )
    tags = _tags("의료계 “인력 추계위, 내년 정원 논의 안하면 참여 않겠다”", text)
    assert "의대" in tags, tags


@needs_kiwi
def test_a_topic_from_the_points_gives_way_to_a_longer_name_holding_it() -> None:
    # Science dev set: "#나노로봇" must not turn into "#로봇".
    text = (
        "연구팀이 수술 없이 종양을 제거하는 나노로봇을 개발했다. 나노로봇은 혈관을 따라 "
        "이동해 종양에 약물을 전달한다. 로봇의 크기는 머리카락 굵기의 천분의 일이다. 연구팀은 "
        "나노로봇이 종양 세포만 골라 공격한다고 설명했다. 로봇은 임무를 마친 뒤 몸 밖으로 "
        "배출된다. 연구팀은 로봇을 동물 실험에서 시험했다."
    )
    tags = _tags("수술 없이 종양 제거하는 나노로봇 개발", text)
    assert "나노로봇" in tags and "로봇" not in tags, tags


@needs_kiwi
def test_a_noun_with_a_gloss_in_brackets_is_still_the_noun() -> None:
    # Feed fit half: "이름값 하는 小寒... 내일 아침 최저 영하 12도" had no tag; its points
    # write the topic only as "한파(寒波)가", which read as no noun word.
    text = (
        "토요일인 4일 한파(寒波)가 닥칠 것으로 전망됐다. 4일 전국의 아침 최저기온은 영하 "
        "12도에서 영상 1도로 예보됐다. 낮 최고기온은 3~8도로 예보됐다. 바람도 강하게 불어 "
        "체감온도는 더 낮겠다. 이번 주말 한파는 월요일까지 이어지겠다. 한파에 대비해 수도관 "
        "동파에 주의해야 한다."
    )
    tags = _tags("이름값 하는 小寒... 내일 아침 최저 영하 12도", text)
    assert "한파" in tags, tags


@needs_kiwi
def test_a_name_and_its_gloss_are_one_tag() -> None:
    # Purity dump: "#ggm" beside "#광주글로벌모터스" once "광주글로벌모터스(GGM)" read as a noun.
    text = (
        "광주글로벌모터스(GGM)가 올해 역대 최대 실적을 낼 것으로 전망된다. GGM은 캐스퍼 "
        "전기차 생산에 힘입어 생산 목표치를 높였다. GGM은 지난해 흑자로 돌아섰다. 캐스퍼 "
        "전기차는 유럽과 일본에 수출된다. 광주글로벌모터스는 내년 생산량을 더 늘릴 계획이다."
    )
    tags = _tags("GGM, ‘캐스퍼 전기차’ 생산 힘입어 역대 최대 실적 전망", text)
    assert ("ggm" in tags) != ("광주글로벌모터스" in tags), tags


def test_a_gloss_after_a_list_is_the_list_s() -> None:
    # Feed fit half: "티몬‧위메프(티메프)" made #위메프 one with #티메프, and the brief lost it
    # (to "#사태"); a gloss after one name is still that name's.
    doc = ("검찰이 티몬‧위메프(티메프)의 미정산 사태를 수사한다. "
           "광주글로벌모터스(GGM)가 흑자를 냈다.")
    assert not tagging._glossed("위메프", ["티메프"], doc)
    assert tagging._glossed("GGM", ["광주글로벌모터스"], doc)


@needs_kiwi
def test_a_topic_counts_only_as_a_word_of_its_own() -> None:
    # Review 35: 전세기 and 전세계 counted as mentions of the topic 전세.
    text = (
        "정부는 중동 지역 교민 철수를 위해 전세기 2대를 3일 띄우기로 했다. 외교부는 전세기 탑승 "
        "신청을 받고 있다고 밝혔다. 교민 가운데 일부는 현지 전세 주택 계약 문제로 귀국을 망설이고 "
        "있다. 전세계 항공사들도 운항을 중단했다. 외교부는 추가 전세기 투입도 검토하고 있다."
    )
    assert not tagging._points_topic("전세", "중동 교민 철수 본격화\n" + text, morphs)
    assert tagging._points_topic("전세", "전세 사기 피해 확산\n전세 계약이 늘었다. 전세가 오른다.",
                                 morphs)
    # A compound's last noun is what it names: 소비자물가 is a mention of 물가.
    assert tagging._points_topic("물가", "채소 값 고공행진\n소비자물가 상승률은 1%대다. 채소류 "
                                 "물가는 올랐다. 1%대 물가 상승률을 체감하지 못한다.", morphs)


@needs_kiwi
def test_a_compounds_first_noun_is_a_mention_of_the_topic() -> None:
    # Stop 35's before/after read: #한파 was lost when 한파특보 stopped counting as a 한파
    # (only mentions ending a word counted), though it is 한파+특보 by the analyser's reading.
    title = "일요일 중부 대설특보… 다음주 중반에도 호남 폭설"
    text = ("이번 주말 중부지방을 중심으로 대설이 예고됐다. 다음주 중반에는 호남에 폭설이 "
            "내리겠고, 전국에 한파(寒波)가 찾아올 것으로 전망됐다. 기상청은 중부 내륙에 "
            "한파특보가 내려질 수 있다고 밝혔다. 한파가 이어지는 동안 수도관 동파에 유의해야 "
            "한다.")
    assert mentions.topic_mentions("한파", title + "\n" + text, morphs) == 3
    assert "한파" in brief_tags(title, text, "ko")

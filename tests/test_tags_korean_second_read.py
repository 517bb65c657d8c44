"""Korean tags after the second read of the tag rules (6 December): a person called by the
surname and "씨" after the full name is named that often; a role in politics is no play's
character; a headline's abbreviation (北, 美) names the country; a word inside a longer
headline word ("정부청사") is not the headline's subject."""

from __future__ import annotations

from bot.summarize.lang.ko.tagging.mentions import headline_subject
from tests.support.tagging import brief_tags, needs_kiwi


def _tags(title: str, text: str) -> list[str]:
    return brief_tags(title, text, "ko")


@needs_kiwi
def test_a_person_called_by_surname_and_ssi_is_no_passing_mention() -> None:
    # Read: "#박민수" lost; named in full twice, then "박씨" three times: the story's person.
    text = (
        "지난 5일 새벽 경기 부천시의 한 아파트에서 불이 나자 택배기사 박민수(42) 씨가 이웃 주민 "
        "5명을 구했다. 박민수 씨는 배달을 하던 중 연기를 보고 건물로 뛰어들었다. 소방당국은 "
        "박씨가 아이 3명을 업고 계단으로 내려왔다고 밝혔다. 주민들은 박씨 덕분에 목숨을 건졌다고 "
        "말했다. 부천시는 박씨에게 표창을 수여할 계획이다. 소방당국은 화재 원인을 조사하고 있다."
    )
    tags = _tags("\"아이들 지키려 했다\"…불길 속 이웃 구한 택배기사", text)
    # 부천시 is where it happened: a city is a tag only when the headline writes it (7 Dec read).
    assert "박민수" in tags and "부천시" not in tags, tags


@needs_kiwi
def test_a_role_in_politics_is_no_character_of_a_play() -> None:
    # Read: "#한동훈" lost under "한동훈 역할론": "역할" there is his part in the party.
    text = (
        "국민의힘 안팎에서 한동훈 전 대표의 역할론이 커지고 있다. 당내에서는 한동훈 역할이 "
        "필요하다는 목소리가 나온다. 한 중진 의원은 한동훈 전 대표가 다시 전면에 나서야 "
        "한다고 말했다. 한동훈 전 대표는 아직 입장을 밝히지 않았다. 당 지도부는 한동훈 "
        "역할을 두고 신중한 입장이다. 친윤계 의원들은 반대 의견을 냈다."
    )
    tags = _tags("한동훈 역할론 커지는 與…당내 '구원투수' 요구", text)
    assert "한동훈" in tags, tags


@needs_kiwi
def test_a_part_in_a_play_written_with_yeokhal_is_still_no_tag() -> None:
    text = (
        "극단 산울림의 연극 ‘귀향’이 대학로에서 막을 올렸다. 순희 역할을 맡은 배우 박정자는 "
        "무대를 홀로 이끈다. 순희는 전쟁 통에 가족을 잃은 여인이다. 순희가 고향에 돌아오는 "
        "장면에서 객석은 숨을 죽였다. 박정자는 순희의 침묵을 길게 끌었다. 연극은 다음 달까지 "
        "이어진다. 박정자는 이번이 마지막 무대라고 말했다."
    )
    tags = _tags("연극 ‘귀향’ 박정자, 순희로 돌아오다", text)
    assert "순희" not in tags and "박정자" in tags, tags


@needs_kiwi
def test_a_headline_abbreviation_names_the_subject() -> None:
    # Read: "#북한" lost under "北, 동해상으로 …": 北 is 북한, the headline's subject.
    text = (
        "북한이 6일 오전 동해상으로 탄도미사일 3발을 발사했다고 합동참모본부가 밝혔다. 북한의 "
        "미사일 발사는 올해 들어 다섯 번째다. 합참에 따르면 북한은 평안남도 일대에서 미사일을 "
        "쐈다. 군 당국은 북한의 추가 도발 가능성에 대비해 감시를 강화했다. 북한은 지난달에도 "
        "순항미사일을 시험 발사했다. 정부는 국가안전보장회의를 열고 북한의 도발을 규탄했다."
    )
    tags = _tags("北, 동해상으로 탄도미사일 3발 발사", text)
    assert "북한" in tags, tags


@needs_kiwi
def test_an_institution_opening_a_longer_headline_word_is_not_its_subject() -> None:
    # "국회의사당 앞 …" is about a rally at the building, not about 국회.
    text = (
        "국회의사당 앞에서 농민 단체가 집회를 열었다. 전국한우협회는 국회에 한우법 처리를 "
        "요구했다. 농민들은 국회 정문 앞에 소를 세워 두었다. 전국한우협회 회장은 국회가 "
        "응답해야 한다고 말했다. 집회는 저녁까지 이어졌다."
    )
    tags = _tags("국회의사당 앞 한우 반납 집회", text)
    assert "국회" not in tags and "전국한우협회" in tags, tags


def test_a_headline_word_opening_a_longer_word_is_not_its_subject() -> None:
    assert not headline_subject("정부", "정부청사 전산망 화재…민원 서비스 중단")
    assert not headline_subject("한국", "한국전력, 4분기 전기요금 동결")
    assert headline_subject("정부", "정부, 전산망 화재 대책 발표")
    assert headline_subject("북한", "[단독] 北, 동해상으로 탄도미사일 3발 발사")


@needs_kiwi
def test_surname_and_ssi_count_for_nobody_when_two_people_share_the_surname() -> None:
    # Purity read: "김씨" is 김성태 here, not the lawyer 김형태 named twice.
    text = (
        "이화영씨와 김형태 변호사의 접견 녹음 파일이 공개됐다. 이화영씨는 김성태씨가 관련 사실을 "
        "알고 있다는 듯한 발언을 했다. 이화영씨는 “김씨의 황당한 거짓말”이라며 부인했다. "
        "김형태 변호사는 답하지 않았다. 이화영씨는 김씨가 검찰에서 허위 사실을 날조했다고 "
        "말했다. 김성태씨는 입장을 내지 않았다. 이화영씨는 김씨를 고소하겠다고 했다."
    )
    tags = _tags("이화영 “김성태에게 팩트가 있는 것 같다”", text)
    assert "김형태" not in tags and "이화영" in tags, tags

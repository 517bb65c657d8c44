"""Korean tags after the second read of the tag rules (6 December): a person called by the
surname and "씨" after the full name is named that often; a role in politics is no play's
character; a headline's abbreviation (北, 美) names the country; a word inside a longer
headline word ("정부청사") is not the headline's subject."""

from __future__ import annotations

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
    assert "박민수" in tags and "부천시" in tags, tags


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

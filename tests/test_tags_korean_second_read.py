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

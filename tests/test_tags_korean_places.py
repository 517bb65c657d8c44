"""Korean tags: a headline's subject written after "…" or "·" with no space is still a word
of its own; a body whose name ends in a generic noun ("서울교통공사") is still a body; an
address ("#서울-용산구", "#한남동") is a tag only when the headline makes it its subject
(issue 28, held-out read and the Korean news fit half, 6 December)."""

from __future__ import annotations

from tests.support.tagging import brief_tags, needs_kiwi


def _tags(title: str, text: str) -> list[str]:
    return brief_tags(title, text, "ko")


@needs_kiwi
def test_a_subject_after_an_ellipsis_with_no_space_is_a_tag() -> None:
    # The fit half's "고효율 태양전지·연료전지…미래부, 새 기후과제 선정" had no tag: the
    # ministry shared one written word with "태양전지·연료전지…".
    text = (
        "미래창조과학부는 온실가스를 줄이기 위한 사업의 대상으로 2개 과제를 선정했다고 23일 "
        "밝혔다. 첫 과제는 건물 외벽에 붙이는 태양전지를 개발한다. 미래부는 1년에 25억 원씩 "
        "5년을 지원할 예정이다. 다른 과제는 연료전지 기술개발이다. 미래부는 여기에 1년에 "
        "22억 원씩 4년을 투입한다."
    )
    tags = _tags("고효율 태양전지·연료전지…미래부, 새 기후과제 선정", text)
    assert "미래부" in tags, tags


@needs_kiwi
def test_a_body_whose_name_ends_in_a_generic_noun_is_a_tag() -> None:
    # "서울교통공사" ends in 공사 (construction work, a generic noun): the headline's body
    # was dropped and the brief had no tag.
    text = (
        "납품과 관련해 골프 접대를 받은 서울교통공사 고위 간부가 검찰에 넘겨졌다. 경찰은 "
        "서울교통공사 기술본부 소속 처장 A씨를 뇌물수수 혐의로 송치했다고 2일 밝혔다. "
        "서울교통공사에서 처장직은 세 번째 고위직이다. 경찰은 지난 6월 서울교통공사 본사를 "
        "압수수색했다."
    )
    tags = _tags("골프 접대 받은 서울교통공사 고위 간부 檢 송치", text)
    assert "서울교통공사" in tags, tags


CRASH = (
    "서울 강남구 대치동에서 70대 여성이 몰던 벤츠 승용차가 차량 3대를 들이받았다. 서울 "
    "강남구 대치동 도로에서 사고가 난 것은 4일 오후다. 여성은 경찰에 급발진을 주장했다. "
    "경찰은 서울 강남구 대치동 일대 CCTV를 확보해 벤츠의 급발진 여부를 조사하고 있다."
)


@needs_kiwi
def test_an_address_where_it_happened_is_no_tag() -> None:
    # Read: "#서울-강남구" under a crash in 대치동; the car and the claim are the story.
    tags = _tags("대치동서 벤츠 몰다 차량 3대 들이받은 70대 여성…급발진 주장", CRASH)
    assert not [t for t in tags if t.endswith(("강남구", "대치동"))], tags


@needs_kiwi
def test_a_neighbourhood_the_story_only_happens_in_is_no_tag() -> None:
    # "#한남동" under rallies in front of the residence: the residence is the subject.
    text = (
        "윤석열 대통령 관저가 있는 서울 한남동 일대에서 밤까지 집회가 이어졌다. 한남동 관저 "
        "앞에는 지지자들이 모였다. 민주노총은 한남동 관저 인근에서 체포를 촉구했다. 경찰은 "
        "한남동 일대에 기동대를 배치했다. 관저 앞 집회는 자정을 넘겨 이어졌다."
    )
    tags = _tags("밤까지 관저 앞 집회, 충돌 우려", text)
    assert "한남동" not in tags, tags


@needs_kiwi
def test_a_neighbourhood_the_headline_is_about_stays() -> None:
    text = (
        "성수동이 팝업스토어의 중심지로 떠올랐다. 성수동에는 올해에만 팝업스토어 300여 곳이 "
        "문을 열었다. 성동구에 따르면 성수동 방문객은 지난해보다 40% 늘었다. 성수동 상인들은 "
        "임대료가 오를까 걱정한다."
    )
    tags = _tags("성수동, 팝업스토어 성지로 떠올라", text)
    assert "성수동" in tags, tags


@needs_kiwi
def test_a_title_after_a_name_is_no_tag_once_the_dot_splits_words() -> None:
    # "김건희 여사·최재영 목사": split at the dot, "여사" (a title) stands alone.
    text = (
        "검찰이 김건희 여사와 최재영 목사를 무혐의 처분했다. 검찰은 김건희 여사가 받은 가방이 "
        "직무와 관련이 없다고 봤다. 최재영 목사는 처분에 반발했다. 김건희 여사 측은 입장을 "
        "내지 않았다. 검찰은 최재영 목사의 청탁도 인정하지 않았다."
    )
    tags = _tags("검찰, 김건희 여사·최재영 목사 무혐의 처분", text)
    assert "여사" not in tags and "최재영" in tags, tags

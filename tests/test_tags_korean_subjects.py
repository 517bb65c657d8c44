"""Korean tags name what the story is about (issue 28, held-out read of 6 December): no
two-syllable object a reader would not follow, no national institution or place the headline
does not make its subject, no person named in passing, no source cited for a figure, no
character of a play."""

from __future__ import annotations

from bot.summarize.lang.ko.tagging.mentions import headline_read
from bot.summarize.lang.ko.words import read_headline
from tests.support.tagging import brief_tags, needs_kiwi


def _tags(title: str, text: str) -> list[str]:
    return brief_tags(title, text, "ko")


@needs_kiwi
def test_a_note_on_the_stairs_is_no_subject() -> None:
    # Read: "#쪽지 #계단", objects of the story, nobody follows them.
    text = (
        "아파트 계단에 쪽지 한 장이 붙었다. 쪽지에는 층간소음을 줄여 달라는 부탁이 적혀 있었다. "
        "주민들은 계단을 오르내리며 쪽지를 읽었다. 관리사무소는 계단 청소 때 쪽지를 떼지 "
        "않기로 했다. 쪽지를 쓴 주민은 이름을 밝히지 않았다. 계단 조명도 새로 달았다."
    )
    tags = _tags("계단에 붙은 쪽지 한 장", text)
    assert not {"쪽지", "계단"} & set(tags), tags


RALLY = (
    "한우 농가들이 국회 앞에서 집회를 열었다. 전국한우협회는 사료값이 올라 소를 키울수록 "
    "손해라고 밝혔다. 농민들은 국회 앞 도로에 소를 세워 두고 집회를 이어갔다. 전국한우협회는 "
    "국회에 한우법 처리를 요구했다. 집회는 저녁까지 이어졌다. 전국한우협회 회장은 정부 "
    "지원을 요구했다."
)


@needs_kiwi
def test_an_institution_the_story_only_mentions_is_no_tag() -> None:
    # Read: "#국회" under a farmers' rally; the rally and the association are the story.
    tags = _tags("12년 만에 열린 한우 반납 집회", RALLY)
    assert "국회" not in tags and "전국한우협회" in tags, tags


@needs_kiwi
def test_an_institution_the_headline_is_about_stays() -> None:
    tags = _tags("국회, 한우법 처리 미뤄", RALLY)
    assert "국회" in tags, tags


@needs_kiwi
def test_a_place_inside_a_longer_name_is_no_place_tag() -> None:
    # "서울" of "서울교통공사" and "중국" of "중국인" are other things.
    text = (
        "서울교통공사 간부가 골프 접대를 받은 혐의로 송치됐다. 경찰은 서울 시내 업체 두 곳을 "
        "조사했다. 업체 대표는 서울에서 접대를 했다고 진술했다. 서울교통공사는 간부를 "
        "직위 해제했다. 서울교통공사 노조는 감사를 요구했다."
    )
    tags = _tags("골프 접대 받은 서울교통공사 간부 송치", text)
    assert "서울" not in tags, tags


@needs_kiwi
def test_a_person_named_in_passing_is_no_tag() -> None:
    # Read: "#김형태", a resident quoted once (and again in a photo caption).
    text = (
        "제주 성산일출봉 주변에 담배꽁초가 쌓이고 있다고 주민 김형태(52)씨가 말했다. "
        "성산일출봉 관리소는 담배꽁초를 버리면 과태료를 물리기로 했다. 김형태 씨는 매일 "
        "담배꽁초를 줍는다. 제주도는 성산일출봉에 안내판을 더 세운다."
    )
    tags = _tags("성산일출봉에 담배꽁초 ‘휙’", text)
    assert "김형태" not in tags and "성산일출봉" in tags, tags


@needs_kiwi
def test_a_person_with_a_public_role_stays() -> None:
    text = (
        "김형태 산업부 장관이 배터리 소재 공장 세 곳을 새로 짓겠다고 밝혔다. 김형태 장관은 "
        "충전 시간이 절반으로 주는 소재를 국내에서 만들겠다고 말했다. 배터리 소재 시장은 "
        "커지고 있다. 공장은 2027년에 문을 연다."
    )
    tags = _tags("배터리 소재 공장 세 곳 새로 짓는다", text)
    assert "김형태" in tags, tags


@needs_kiwi
def test_the_lead_of_the_study_stays() -> None:
    text = (
        "몽골 여왕의 유골에서 칭기즈 칸 가계의 유전자가 확인됐다. 유전자는 몽골 초원 곳곳의 "
        "무덤에서 나왔다. 이번 연구는 이광호 중앙대 교수 연구팀이 수행했다. 이광호 교수는 "
        "“칭기즈 칸 계보를 밝힐 첫 분자고고학 연구”라고 말했다."
    )
    tags = _tags("몽골 여왕과 칭기즈 칸의 비밀", text)
    assert "이광호" in tags, tags


@needs_kiwi
def test_a_lawyer_named_twice_is_no_tag() -> None:
    # Read: "#김형태", a client's lawyer in a story about the client's recorded words.
    text = (
        "이화영 전 부지사가 변호인에게 한 말이 담긴 녹취록이 공개됐다. 녹취록은 이화영씨와 "
        "김형태 변호사가 구치소에서 나눈 대화를 담았다. 이화영씨는 녹취록 내용을 부인했다. "
        "김형태 변호사는 “접견 내용은 말할 수 없다”고 했다. 이화영씨의 재판은 다음 달 열린다."
    )
    tags = _tags("이화영 녹취록 공개… “굉장히 두렵다”", text)
    assert "김형태" not in tags and "이화영" in tags, tags


@needs_kiwi
def test_a_source_cited_for_a_figure_is_no_tag() -> None:
    # Read: "#한국경제연구원", quoted for a number in a story about the minimum wage.
    text = (
        "최저임금이 내년에 5% 오른다. 한국경제연구원에 따르면 최저임금을 받는 노동자는 300만 "
        "명이다. 자영업자들은 최저임금 인상에 반대했다. 한국경제연구원의 분석으로는 일자리 "
        "10만 개가 줄어든다. 노동계는 최저임금 인상 폭이 작다고 했다."
    )
    tags = _tags("내년 최저임금 5% 인상", text)
    assert "한국경제연구원" not in tags and "최저임금" in tags, tags


@needs_kiwi
def test_a_character_of_a_play_is_no_tag() -> None:
    # Read: "#순희" from a play review ("극 중 순희는"); the actor is the person.
    text = (
        "연극 ‘엄마의 봄’이 대학로에서 막을 올렸다. 극 중 순희는 딸을 잃은 어머니다. 배우 "
        "박정자가 무대에 선다. 순희는 봄마다 딸의 편지를 읽는다. 박정자는 순희의 목소리를 "
        "낮게 잡았다. 공연은 다음 달까지 이어진다."
    )
    tags = _tags("연극 ‘엄마의 봄’ 대학로 개막", text)
    assert "순희" not in tags, tags


def test_the_tagger_reads_a_day_and_during_as_the_selector_does() -> None:
    # Review of stop 45: one Hanja table, one reading ("3日" was "3일본" for the tagger).
    for title, read in (("[단독] 3日 오후 北, 동해상 미사일", "3일 오후 북한, 동해상 미사일"),
                        ("범죄中 33.1%가 성폭력", "범죄중 33.1%가 성폭력"),
                        ("日, 수출 규제 강화", "일본, 수출 규제 강화")):
        assert headline_read(title) == read
    assert read_headline("3日 오후") == headline_read("3日 오후")

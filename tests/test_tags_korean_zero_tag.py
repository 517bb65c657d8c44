"""Korean briefs that carried no tag (issue 28, tags5: 25 of 127 on the feed fit half): a
person named in full once and then by the surname and a post ("윤석열 대통령 ... 윤 대통령은")
or by the headline's Hanja surname ("尹"), and an established topic the story also writes as a
verb ("탄핵하라" is still #탄핵)."""

from __future__ import annotations

import re

from bot.summarize.lang.ko import tags as rules
from tests.support.tagging import brief_tags, needs_kiwi


def _tags(title: str, text: str) -> list[str]:
    return brief_tags(title, text, "ko")


@needs_kiwi
def test_a_person_called_by_the_hanja_surname_in_the_headline_is_a_tag() -> None:
    # Fit half: "尹체포팀 진입 불허하자..." had no tag; 윤석열 is named in full once.
    text = (
        "경찰이 지난 3일 윤석열 대통령 체포영장 집행 과정에서 경호처장을 현행범으로 체포하려 "
        "했던 것으로 알려졌다. 공조수사본부는 관저 진입을 시도했지만 경호처가 이를 막았다. "
        "공조본 관계자는 경호처의 저지로 집행이 무산됐다고 말했다. 경호처는 법에 따른 경호 "
        "업무라고 반박했다. 공조본은 다음 집행 일정을 검토하고 있다."
    )
    tags = _tags("尹체포팀 진입 불허하자...경찰, 경호처장 현행범 체포하려 했다", text)
    assert "윤석열" in tags, tags


@needs_kiwi
def test_a_person_called_by_surname_and_post_is_a_tag() -> None:
    # Fit half: "女 민원인 앞에서 바지 훌러덩... 양양군수 국힘 탈당" had no tag.
    text = (
        "김진하 강원 양양군수가 여성 민원인 앞에서 부적절한 행위를 했다는 의혹이 제기됐다. "
        "김 군수는 민원 해결을 대가로 금품을 받았다는 의혹도 받고 있다. 논란이 커지자 김 "
        "군수는 소속 정당에 탈당계를 냈다. 지역 시민단체는 김 군수의 사퇴를 요구했다. 수사기관은 "
        "관련 의혹을 조사하고 있다."
    )
    tags = _tags("女 민원인 앞에서 바지 훌러덩... 양양군수 국힘 탈당", text)
    assert "김진하" in tags, tags


@needs_kiwi
def test_the_surname_of_another_word_is_no_second_mention() -> None:
    # "전주지검" opens on 전, and "문재인 전 대통령" writes 전 before a post: no person.
    text = (
        "전주지검은 문재인 전 대통령의 딸 문다혜씨 관련 수사를 이어가고 있다. 검찰은 감사원을 "
        "압수수색했다. 검찰은 감사원이 감사 요구를 기각한 경위를 살피고 있다. 감사원은 "
        "절차에 따른 결정이었다고 밝혔다. 검찰은 관련자 소환을 검토하고 있다."
    )
    tags = _tags("“감사 왜 기각했나”… 감사원 압수 수색한 검찰", text)
    assert "전주지검" not in tags, tags


@needs_kiwi
def test_a_topic_written_as_a_verb_is_still_a_tag() -> None:
    # Fit half: "野, 탄핵 당기려 …" had no tag: "탄핵하" made #탄핵 an act.
    text = (
        "더불어민주당이 윤석열 대통령 탄핵 심판을 앞당기기 위해 소추 사유에서 내란죄를 빼기로 "
        "했다. 민주당은 국회가 대통령을 탄핵한 사유는 헌법 위반이라고 설명했다. 탄핵 심판의 "
        "쟁점을 줄이면 헌법재판소의 심리가 빨라진다는 판단이다. 국민의힘은 탄핵 사유를 바꾸는 "
        "것은 부당하다고 반발했다. 헌재는 다음 주 변론 기일을 연다."
    )
    tags = _tags("野, 탄핵 당기려 “내란죄 빼겠다”", text)
    assert "탄핵" in tags, tags


@needs_kiwi
def test_a_post_written_with_any_particle_counts() -> None:
    # Fit half: "尹 체포 저지에 병사 동원 논란..." had no tag: "윤석열 대통령에 대한" carries
    # "에", which the post's particles left out.
    text = (
        "공조수사본부가 윤석열 대통령에 대한 체포영장 집행에 나섰지만 무산됐다. 대통령경호처가 "
        "관저 앞에 병사를 동원했다는 의혹이 제기됐다. 공조본은 현장 영상을 채증했다고 밝혔다. "
        "경호처는 병사 동원은 사실이 아니라고 반박했다. 공조본은 추가 집행을 검토하고 있다."
    )
    tags = _tags("尹 체포 저지에 병사 동원 논란...경호처 “사실 무근”", text)
    assert "윤석열" in tags, tags


@needs_kiwi
def test_a_ministry_is_followed_as_an_institution() -> None:
    # Fit half: "[단독] 올 장마 기간 서울 비 예보, 60%가 틀렸다" lost #기상청, read as a common
    # noun written only in the body.
    text = (
        "올여름 장마 기간 기상청의 서울 강수 예보 가운데 60%가 틀린 것으로 나타났다. 기상청은 "
        "장마 기간 서울에 비가 온다고 예보한 날의 절반 이상 비가 내리지 않았다. 전문가들은 "
        "기상청 예보 모델의 한계를 지적했다. 기상청은 국지성 호우가 잦아 예보가 어려웠다고 "
        "해명했다. 장마는 지난달 말 끝났다."
    )
    tags = _tags("[단독] 올 장마 기간 서울 비 예보, 60%가 틀렸다", text)
    assert "기상청" in tags, tags


@needs_kiwi
def test_a_compound_written_with_a_space_counts_as_one() -> None:
    # Fit half: "“97세 아버지 거동 불편”…실내흡연 양해 요청에 ‘와글와글’" had no tag: the body
    # writes "실내 흡연".
    text = (
        "아파트 주민 커뮤니티에 실내 흡연을 양해해 달라는 글이 올라와 논란이 됐다. 글쓴이는 "
        "97세 아버지가 거동이 불편해 밖에 나갈 수 없다고 적었다. 일부 주민은 실내 흡연 연기가 "
        "아래층까지 올라온다고 했다. 다른 주민은 사정을 이해한다는 댓글을 달았다. 관리사무소는 "
        "공동주택 실내 흡연 자제를 요청했다."
    )
    tags = _tags("“97세 아버지 거동 불편”…실내흡연 양해 요청에 ‘와글와글’", text)
    assert "실내흡연" in tags, tags


@needs_kiwi
def test_a_topic_the_headline_writes_needs_two_mentions() -> None:
    # Fit half: "아침 최저 6도 ‘가을 한파’... 내일 전국 곳곳 비" had no tag.
    text = (
        "내일 아침 기온이 6도까지 떨어지며 가을 한파가 찾아오겠다. 기상청은 전국 곳곳에 비가 "
        "내리겠다고 예보했다. 비가 그친 뒤에는 찬 바람이 불어 체감 온도가 더 낮아지겠다. "
        "기상청은 건강 관리에 유의해 달라고 당부했다. 주말에는 기온이 다시 오르겠다."
    )
    tags = _tags("아침 최저 6도 ‘가을 한파’... 내일 전국 곳곳 비", text)
    assert "한파" in tags, tags


@needs_kiwi
def test_a_lawmaker_who_obtained_the_figures_is_no_tag() -> None:
    # Fit half: "#김희정" under "포르쉐 끌며 임대아파트 거주…": a source of the figures, then
    # "김 의원은" (which made her named twice).
    text = (
        "임대주택에 살면서 고가 차량을 보유한 입주민이 300명 이상으로 나타났다. 국민의힘 김희정 "
        "의원이 한국토지주택공사로부터 제출받은 자료에 따르면 임대주택 입주민 311명이 기준을 넘는 "
        "차량을 보유했다. 이 가운데 포르쉐를 모는 입주민도 있었다. 포르쉐 차량 가격은 "
        "1억8000만원에 달했다. 김 의원은 관리가 허술하다고 지적했다. 임대아파트 입주 기준은 "
        "차량 가액을 제한한다."
    )
    tags = _tags("1억8000만원 포르쉐 끌며 임대아파트 거주… 이런 입주민 311명", text)
    assert "김희정" not in tags, tags


@needs_kiwi
def test_an_everyday_thing_is_no_tag() -> None:
    # Fit half: "#경찰차" under "… 경찰차 5대 달려갔다": a police car, nothing to follow.
    text = (
        "새벽 2시 양손에 몽둥이와 흉기를 든 남성이 주택가를 돌아다닌다는 신고가 들어왔다. 경찰차 "
        "5대가 현장에 출동했다. 경찰차가 도착하자 남성은 달아났다. 경찰은 경찰차 블랙박스 영상을 "
        "토대로 남성을 붙잡았다. 남성은 술에 취해 있었다고 경찰은 밝혔다."
    )
    tags = _tags("새벽 2시 양손에 몽둥이·흉기 들고 어슬렁… 경찰차 5대 달려갔다", text)
    assert "경찰차" not in tags, tags


@needs_kiwi
def test_the_head_of_an_institute_quoted_is_no_tag() -> None:
    # Purity dump: "#김범수" (김범수 서울대 통일평화연구원장 ... 김 원장은) on a survey story.
    text = (
        "우리나라 성인 3분의 1 이상이 통일이 필요 없다고 답한 것으로 나타났다. 서울대 "
        "통일평화연구원의 조사에서 통일이 필요 없다는 응답은 역대 최고치였다. 김범수 서울대 "
        "통일평화연구원장은 본지 통화에서 북한의 위협을 체감할 일이 많았다고 했다. 김 원장은 "
        "젊은 세대가 통일 비용을 부담으로 여긴다고 말했다. 통일이 필요하다는 응답은 줄었다."
    )
    tags = _tags("우리나라 성인 3분의 1 이상 “통일 필요 없다” 역대 최고치", text)
    assert "김범수" not in tags, tags


@needs_kiwi
def test_a_shop_owner_called_by_surname_and_daepyo_is_no_tag_but_a_party_leader_is() -> None:
    # Review of the merged tags change: "대표" heads any shop; only a party's is an office.
    shop = (
        "서울 마포구에서 10년째 분식집을 운영해 온 김철수 대표는 이달 말 가게 문을 닫기로 "
        "했다. 김 대표는 “재료값이 1년 새 두 배 가까이 올라 더는 버틸 수 없다”고 말했다. "
        "통계청에 따르면 지난달 외식 물가는 전년 대비 4.5% 올랐다. 인근 상인들도 비슷한 "
        "처지라고 입을 모았다. 자영업자 단체는 정부에 임대료 지원을 요구하고 있다."
    )
    assert "김철수" not in _tags("고물가에 문 닫는 동네 식당들", shop)
    party = (
        "이재명 더불어민주당 대표는 3일 국회에서 기자회견을 열고 특검법 재의결을 촉구했다. "
        "이 대표는 “국민의 뜻을 따르라”고 말했다. 국민의힘은 특검법이 위헌이라고 반박했다. "
        "국회는 오는 8일 본회의를 연다. 정치권에서는 재의결 전망이 엇갈린다."
    )
    assert "이재명" in _tags("야당, 특검법 재의결 촉구", party)



def test_only_a_public_office_is_a_post_after_the_full_name() -> None:
    # A pastor holds no office; "대표" counts only as a party's.
    def post(text: str) -> str | None:
        m = re.match(r"[가-힣]{3}" + rules.NAME_POST, text)
        return None if m is None else m.group(1)

    assert [post(t) for t in ("박영호 목사는", "김철수 대표는", "이재명 더불어민주당 대표는",
                              "한동훈 국민의힘 대표가", "김진하 강원 양양군수가")] == [
        None, None, "대표", "대표", "군수"]


@needs_kiwi
def test_a_pastor_the_headline_calls_by_the_hanja_surname_is_a_tag() -> None:
    # Purity dump after dropping 목사 from the posts: "…崔 접근 치밀" lost #최재영; a headline
    # writes a Hanja surname for a public figure, whatever the role beside the name.
    text = (
        "검찰은 2일 김 여사와 최재영 목사 등 관련자들을 모두 무혐의 처분했다. 수사팀은 최 "
        "목사의 선물에 직무관련성이 없다고 판단했다. 최 목사는 검찰 조사에서 선물은 접견 "
        "입장권이었다고 말했다. 검찰은 최 목사가 의도적으로 접근했다고 봤다. 최 목사는 "
        "결정에 불복하겠다고 밝혔다."
    )
    tags = _tags("검찰 “김여사 무혐의, 법률가 양심 따른 결론...崔 접근 치밀”", text)
    assert "최재영" in tags, tags


@needs_kiwi
def test_a_ruling_on_evidence_tags_no_file_or_evidence() -> None:
    # The latest Korean blind read: "#파일", "#증거" under a ruling on a recorded testimony.
    text = (
        "증인 선서 없이 영상 신문을 진행했다면 그 녹음 파일을 증거로 채택할 수 없다는 대법원 "
        "판단이 나왔다. 대법원은 원심 판결을 깨고 사건을 돌려보냈다. 재판부는 녹음 파일과 "
        "녹취록을 증거로 유죄를 인정했었다. 대법원은 선서 없는 증언은 증거가 될 수 없다고 봤다. "
        "녹음 파일도 증거로 삼을 수 없다는 것이다."
    )
    tags = _tags("대법 \"임의 영상신문에서 증인선서 없이 녹음된 파일, 증거 안 돼\"", text)
    assert "파일" not in tags and "증거" not in tags, tags

"""Korean points that lean on a person named in full only in a sentence not shown: "윤 의원은
…" in a point while "윤상현 국민의힘 의원" is only in a later sentence (issue 28, the Korean
held-out read: "전 목사는", "김 변호사는", "이 대표는"). Literal text, failing before the fix."""

from __future__ import annotations

import pytest

from bot.summarize.extractive import ExtractiveSummarizer, candidate_leans_back

LEDE = "고위공직자범죄수사처가 3일 윤석열 대통령에 대한 체포영장 집행을 중지했다."
STORY = [
    LEDE,
    "공수처는 경호처의 저지로 집행이 불가능하다고 판단했다고 밝혔다.",
    "관저 앞에는 오전부터 지지자들이 모여 집회를 열었다.",
    "윤상현 국민의힘 의원은 이날 오전 관저 안으로 들어가 공수처 관계자들을 만났다.",
    "윤 의원은 이날 오전 11시쯤 본지 통화에서 “상황 중재를 위해 들어왔다”고 말했다.",
]
TITLE = "[속보] 공수처, 尹 체포영장 집행 중지…“대치 계속돼 불가능 판단”"


def test_a_surname_and_title_lean_on_the_full_name_in_a_sentence_not_shown() -> None:
    assert candidate_leans_back(STORY, 4, "ko", TITLE)


@pytest.mark.parametrize("where", ["headline", "lede", "itself"])
def test_a_person_the_headline_the_lede_or_the_sentence_names_is_introduced(where: str) -> None:
    story, title = list(STORY), TITLE
    if where == "headline":
        title = "윤상현 “상황 중재하러 관저 들어갔다”"
    elif where == "lede":
        story[0] = LEDE.replace("중지했다", "중지했다고 윤상현 의원이 전했다")
    else:
        story[4] = story[4].replace("윤 의원은", "윤상현 의원은")
    assert not candidate_leans_back(story, 4, "ko", title)


@pytest.mark.parametrize("sentence", [
    # no "전○○ 장관" in the story: a former minister, named as such
    "전 장관은 이날 기자회견을 열고 공수처의 집행은 위법하다고 주장했다.",
    # this representative, not a surname: "이 대표는" with no "이○○ 대표" in the story
    "이 대표는 이날 기자회견을 열고 공수처의 집행은 위법하다고 주장했다.",
    # inside a quotation the speaker's words
    "한 지지자는 “윤 의원은 잘못이 없다”고 말했다.",
])
def test_no_full_name_in_the_story_or_a_quoted_title_is_no_lean_back(sentence: str) -> None:
    story = [*STORY[:4], sentence]
    assert not candidate_leans_back(story, 4, "ko", TITLE)


@pytest.mark.parametrize(("full", "short"), [
    ("전광훈 사랑제일교회 목사는 이날 집회에서 연설했다.", "전 목사는 집회 뒤 경찰에 출석했다."),
    ("김형태 변호사는 이날 접견 녹취록을 공개했다.", "김 변호사는 녹취록이 편집됐다고 주장했다."),
    ("이재명 더불어민주당 대표는 이날 최고위원회의에 참석했다.", "이 대표는 특검 도입을 요구했다."),
])
def test_the_titles_readers_met(full: str, short: str) -> None:
    # Read (the stop-33 held-out read): "전 목사는", "김 변호사는", "이 대표는" in a point
    story = [*STORY[:3], full, short]
    assert candidate_leans_back(story, 4, "ko", TITLE)


@pytest.mark.parametrize(("other", "point"), [
    # 전 after a full name is "former"; "전날" is a day, not 전○
    ("전날 여야 대표는 국회에서 회동했다.", "이재명 전 대표는 이날 기자들과 만나 입장을 밝혔다."),
    ("전직 대통령 예우 문제도 거론됐다.", "문재인 전 대통령은 이날 페이스북에 글을 올렸다."),
    # "한편" opens with 한 but names no one, and "한 의원" is one lawmaker
    ("한편 민주당 의원은 담화를 비판했다.", "한 의원은 이날 담화가 실망스럽다고 말했다."),
])
def test_a_day_or_a_common_word_is_no_full_name(other: str, point: str) -> None:
    # Review of the merged change (ko_former): each leaned back on a word read as a name.
    story = [*STORY[:3], other, point]
    assert not candidate_leans_back(story, 4, "ko", TITLE)
    # what must stay: the real full name still introduces the short form
    assert candidate_leans_back([*STORY[:3], "윤상현 국민의힘 의원은 관저에 들어갔다.",
                                 "윤 의원은 중재하러 왔다고 말했다."], 4, "ko", TITLE)


def test_a_point_naming_a_former_leader_in_full_stays_end_to_end() -> None:
    sents = [
        "더불어민주당이 3일 국회에서 특검법 재의결을 촉구했다.",
        "국회는 오는 8일 본회의를 열 예정이다.",
        "이재명 전 대표는 이날 기자들과 만나 특검법 재의결은 국민의 뜻이라며 국회의 재의결을 "
        "요구했다.",
        "국민의힘은 특검법이 위헌이라는 입장을 고수하고 있다.",
        "정치권에서는 재의결 전망이 엇갈린다.",
        "앞서 전날 여야 대표는 회동했지만 빈손으로 헤어졌다.",
    ]
    picked = ExtractiveSummarizer().select(sents, "민주당, 특검법 재의결 촉구", "ko", 3)
    assert [sents.index(p) for p in picked] == [0, 1, 2]

"""Korean points that lean on a person named in full only in a sentence not shown: "윤 의원은
…" in a point while "윤상현 국민의힘 의원" is only in a later sentence (issue 28, the Korean
held-out read: "전 목사는", "김 변호사는", "이 대표는"). Literal text, failing before the fix."""

from __future__ import annotations

import pytest

from bot.summarize.extractive import candidate_leans_back

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

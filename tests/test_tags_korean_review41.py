"""Issue 28, the review of the 7 December read's Korean tag rules: a dropped tag must not be
the story's own subject (the prosecution's own reform, YouTube's own news),
"▲" used as a bullet makes no obituary list, 해양경찰청 is no 경찰청, 인도 the headline writes
is India, and the tag limit is the setting's on both paths."""

from __future__ import annotations

from dataclasses import replace

from bot.summarize.korean import ANALYSIS
from bot.summarize.lang.ko.tagging import story_tags
from bot.summarize.text import WORDS
from tests.support.tagging import brief_tags, needs_kiwi


def _tags(title: str, text: str) -> list[str]:
    return brief_tags(title, text, "ko")


@needs_kiwi
def test_a_bullet_inside_a_sentence_makes_no_obituary_list() -> None:
    text = ("윤석열 대통령은 2일 민생 대책을 발표했다. 윤석열 대통령은 ▲전기요금 동결 "
            "▲대중교통비 환급 ▲소상공인 대출 이자 지원을 약속했다. "
            "윤석열 대통령은 물가 안정이 최우선이라고 강조했다. "
            "야당은 윤석열 대통령의 대책이 부족하다고 비판했다.")
    assert "윤석열" in _tags("윤석열 대통령, 민생 대책 발표", text)


@needs_kiwi
def test_the_prosecution_is_a_tag_when_the_story_is_about_it() -> None:
    text = ("법무부는 검찰 조직개편안을 국무회의에 상정했다. 개편안에 따르면 검찰은 특수부를 "
            "폐지하고 형사부를 늘린다. 검찰 내부에서는 반발이 나오고 있다. "
            "검찰총장은 개편안을 수용하겠다고 밝혔다. 검찰 개혁은 이번 정부의 핵심 과제다.")
    assert "검찰" in _tags("검찰, 특수부 폐지 조직개편 단행… 검찰청 인사 대폭 교체", text)


@needs_kiwi
def test_a_platform_is_a_tag_when_the_story_is_its_own_news() -> None:
    text = ("유튜브가 쇼츠 영상의 광고 수익 배분을 확대한다고 2일 밝혔다. 유튜브는 "
            "크리에이터에게 광고 수익의 45%를 나눈다. 유튜브의 이번 조치는 틱톡과의 경쟁을 "
            "의식한 것이다. 유튜브 모회사 구글은 실적 발표에서 쇼츠 성장을 강조했다.")
    assert "유튜브" in _tags("유튜브, 쇼츠 수익 배분 확대… 크리에이터 유치 경쟁", text)


@needs_kiwi
def test_the_coast_guard_is_no_police_agency() -> None:
    text = ("해양경찰청은 서해 중국 어선 불법조업 단속을 강화한다고 밝혔다. 해양경찰청은 "
            "경비함 10척을 추가 배치한다. 해양경찰청 관계자는 불법조업이 늘었다고 말했다. "
            "해양경찰청은 어민 보호에 나선다.")
    assert "해양경찰청" in _tags("해양경찰청, 중국 어선 불법조업 단속 강화", text)


@needs_kiwi
def test_india_the_headline_writes_is_a_tag() -> None:
    text = ("인도 총선이 19일 시작됐다. 인도 유권자 9억7천만명이 투표에 참여한다. "
            "모디 총리는 3연임에 도전한다. 인도 야당 연합은 모디 총리를 견제하고 있다. "
            "모디 총리의 인도국민당이 우세하다는 전망이다.")
    assert "인도" in _tags("인도 총선 시작… 모디 3연임 도전", text)


@needs_kiwi
def test_a_company_the_headline_lists_by_its_short_name_keeps_its_tag() -> None:
    text = ("윤석열 대통령은 기시다 후미오 일본 총리와 정상회담을 했다. 윤석열 대통령과 기시다 "
            "총리는 반도체 협력을 논의했다. 삼성전자와 현대차는 일본 투자 계획을 밝혔다. "
            "삼성전자는 요코하마에 연구소를 짓는다. 현대차는 수소차 협력을 늘린다. "
            "기시다 총리는 윤석열 대통령을 환영했다. 삼성전자와 현대차의 투자는 3조원 규모다.")
    tags = _tags("尹대통령, 기시다 총리와 정상회담… 삼성·현대차 투자 논의", text)
    assert "삼성전자" in tags and "현대차" in tags, tags


def test_without_the_analyser_the_limit_is_the_setting() -> None:
    text = ["가나다 라마바 사아자 차카타 파하가 나다라"] * 3
    no_analyser = replace(ANALYSIS, available=lambda: False)
    tags = story_tags("가나다 라마바 사아자 차카타", text, text, 2, None, WORDS, no_analyser)
    assert len(tags) == 2, tags
    assert len(story_tags("가나다 라마바 사아자 차카타", text, text, 8, None, WORDS,
                          no_analyser)) > 3

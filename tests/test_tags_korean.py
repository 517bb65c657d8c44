"""Korean tags are nouns or names only (issue 28): Kiwi's proper nouns first, no headline
fragments, no generic nouns or acts, one tag per thing."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, korean

needs_kiwi = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")


def _tags(title: str, text: str) -> list[str]:
    return ExtractiveSummarizer().brief(Article(title=title, text=text, lang="ko")).tags


MISSING = (
    "제주 실종 담당 경찰관 긴급 체포",
    "제주에서 실종 사건을 담당하던 경찰관이 긴급 체포됐다. 제주경찰청은 실종 신고를 받고도 "
    "수사를 하지 않은 혐의로 경찰관 김민수 경위를 긴급 체포했다고 밝혔다. 김민수 경위는 "
    "실종 신고 이후 현장 활동을 하지 않은 혐의를 받는다. 제주경찰청은 김민수 경위의 활동 "
    "기록을 조사하고 있다. 실종자 가족은 신고 당시 경찰의 대응이 늦었다고 말했다.",
)


@needs_kiwi
def test_a_headline_fragment_is_no_tag() -> None:
    # Read: "#제주-실종-담당-경찰관-긴급-체포", the headline's nouns run together.
    tags = _tags(*MISSING)
    assert all(t.count("-") <= 1 for t in tags), tags
    assert "제주-실종-담당-경찰관-긴급-체포" not in tags


@needs_kiwi
def test_generic_nouns_and_acts_are_no_tags() -> None:
    # Read: "#신고 #활동 #혐의" on the same kind of story; "체포" is what happened, no subject.
    tags = _tags(*MISSING)
    assert not {"신고", "활동", "혐의", "체포", "경찰관"} & set(tags), tags


@needs_kiwi
def test_names_come_first() -> None:
    tags = _tags(*MISSING)
    # the police agency, its place or the officer by name; never his rank ("김민수 경위")
    assert tags[0] in ("제주경찰청", "제주", "김민수") and "김민수" in tags[:2], tags


@needs_kiwi
def test_a_person_beats_generic_body_words() -> None:
    # Read: "#저하 #수컷" where the story is a named researcher's finding.
    text = (
        "서울대 이영희 교수 연구팀은 수컷 생쥐의 기억력 저하를 막는 물질을 찾았다고 밝혔다. "
        "이영희 교수는 수컷 생쥐에게 이 물질을 주자 기억력 저하가 절반으로 줄었다고 말했다. "
        "연구팀은 암컷 생쥐에서도 같은 효과를 확인했다. 이영희 교수는 치매 치료에 쓰일 수 "
        "있을 것으로 기대했다. 기억력 저하는 나이가 들수록 심해진다."
    )
    tags = _tags("기억력 저하 막는 물질 찾았다", text)
    assert tags and tags[0] == "이영희", tags
    assert "저하" not in tags and "수컷" not in tags


@needs_kiwi
def test_tags_are_nouns_read_alone() -> None:
    # A tag is shown without its sentence: Kiwi must read it alone as nouns (or it is a name).
    for title, text in (MISSING,):
        for tag in _tags(title, text):
            tags = {m[1] for m in korean.morphs(tag.replace("-", " "))}
            assert tags <= {"NNG", "NNP", "SL", "SH"}, (tag, tags)


@needs_kiwi
def test_one_tag_per_thing() -> None:
    text = (
        "미국 에너지부는 새 슈퍼컴퓨터를 공개했다. 미국 에너지부 장관은 슈퍼컴퓨터가 기후 연구에 "
        "쓰인다고 말했다. 미국은 슈퍼컴퓨터 경쟁에서 앞서 있다. 미국 에너지부는 내년에 두 번째 "
        "슈퍼컴퓨터를 만든다."
    )
    tags = _tags("미국 에너지부, 새 슈퍼컴퓨터 공개", text)
    assert not ("미국-에너지부" in tags and "미국" in tags), tags
    assert "슈퍼컴퓨터" in tags


@needs_kiwi
def test_a_name_with_its_post_is_no_tag() -> None:
    text = (
        "UNIST 권태준 생명과학부 교수 연구팀은 개구리 유전체를 해독했다. 권태준 생명과학부 교수는 "
        "개구리 유전체가 사람 연구에 쓰일 것이라고 말했다. 권태준 교수는 유전체 지도를 공개했다."
    )
    tags = _tags("개구리 유전체 해독", text)
    assert "권태준-생명과학부" not in tags and "권태준" in tags, tags


def test_without_kiwi_generic_nouns_are_still_no_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    # The particle rules stand in when kiwipiepy is missing; the same generic list applies.
    monkeypatch.setattr(korean, "available", lambda: False)
    monkeypatch.setattr(korean, "split_line", lambda line: None)
    tags = _tags(*MISSING)
    assert tags and not {"신고", "활동", "혐의", "경찰관", "긴급"} & set(tags), tags

"""A Korean point that names its person only as "그는"/"그녀가" past its opening leans on a
sentence not shown ("…방황했다는 그는 “…”"); one that names the person before the pronoun
does not (issue 28, the Korean news fit half, 6 December). Literal text, each failing before
its fix or guarding what it must not catch."""

from __future__ import annotations

import pytest

from bot.summarize.extractive import refers_back
from bot.summarize.lang.ko import select as ko_select


@pytest.mark.parametrize("sentence", [
    "태사자 활동이 끝나고 방황했다는 그는 “당시 해변에서 한 외국인 부부와 만났다”고 말했다.",
    "31년째 휠체어를 사용하는 그녀가 건넨 명함엔 ‘계단뿌셔클럽’ 공동대표라고 적혀 있었다.",
    "결혼하지 않은 것을 가장 큰 성취로 여기는 그는 요가, 여행 등 일상을 공유하고 있다.",
])
def test_a_pronoun_past_the_opening_leans_back(sentence: str) -> None:
    assert refers_back(sentence, "ko")


@pytest.mark.parametrize("sentence", [
    "성추행 수사 도중 B씨의 마약 투약 사실과 함께 그가 버닝썬의 마약 공급책으로 밝혀졌다.",
    "표적으로 정한 사람을 찾아 그가 탄 자동차를 추적하는 기능도 있다.",
    "경찰은 “그는 범행을 부인했다”고 밝혔다.",
])
def test_a_pronoun_with_its_person_named_before_it_stands(sentence: str) -> None:
    assert not refers_back(sentence, "ko")


def test_a_pronoun_after_a_person_is_not_what_leans_back() -> None:
    # "사람을 찾아 그가 탄 …": the person before the pronoun is its antecedent. Its opening
    # clause is a relative clause's ("…찾아 … 추적하는 기능"), so the sentence stands (above).
    sentence = "표적으로 정한 사람을 찾아 그가 탄 자동차를 추적하는 기능도 있다."
    assert not ko_select.inner_pronoun(sentence)


"""Work the summarizer does once per span of an article, not once per stage that asks (issue
26, summarizer speed): the same output, fewer calls."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer
from bot.summarize.lang.registry import LANGUAGES

KOREAN = Article(
    title="연구진, 새 배터리 소재 개발",
    text=(
        "국내 연구진이 충전 속도를 두 배로 높인 배터리 소재를 개발했다.\n"
        "연구팀은 새 소재가 영하의 온도에서도 성능을 유지한다고 밝혔다.\n"
        "실험실 전경. /연합뉴스\n"
        "이 소재는 내년부터 전기차에 쓰일 예정이다.\n"
        "연구진은 후속 연구를 이어갈 계획이라고 설명했다."
    ),
    lang="ko",
)


def test_korean_spans_are_judged_not_prose_once_each(monkeypatch: pytest.MonkeyPatch) -> None:
    # The splitter asks each line whether it is a caption, the candidate filter asks each
    # sentence what it is: the same spans, which were judged twice.
    asked: Counter[str] = Counter()
    rules = LANGUAGES["ko"]

    def counted(span: str) -> str | None:
        asked[span] += 1
        return rules.not_prose(span)

    brief = ExtractiveSummarizer().brief(KOREAN)
    monkeypatch.setitem(LANGUAGES, "ko", dataclasses.replace(rules, not_prose=counted))
    assert ExtractiveSummarizer().brief(KOREAN) == brief
    assert asked and max(asked.values()) == 1, asked
    assert len(asked) >= 5  # every line was asked

"""Korean tags' checks run cheapest first (issue 26: a Korean brief's cost): a form a pure
string test drops never costs a search of the story, and a story with no name left never has
its lines read for a list. Each check only drops a form, so the tags are the same in any
order; these pin that the costly checks are skipped. A made-up analyser stands in for Kiwi:
each written word one noun, the names proper."""

from __future__ import annotations

import pytest

from bot.summarize.lang import Morph
from bot.summarize.lang.ko import tagging

_NAMES = frozenset({"인천", "홍길동"})


def _analyse(text: str) -> tuple[Morph, ...]:
    out: list[Morph] = []
    at = 0
    for word in text.split():
        start = text.index(word, at)
        at = start + len(word)
        out.append((word, "NNP" if word in _NAMES else "NNG", start, at))
    return tuple(out)


def _record(monkeypatch: pytest.MonkeyPatch, name: str) -> list[str]:
    """The forms ``tagging``'s check ``name`` is asked about, the check itself still run."""
    asked: list[str] = []
    check = getattr(tagging, name)

    def recorded(form: str, *args: object) -> bool:
        asked.append(form)
        return bool(check(form, *args))

    monkeypatch.setattr(tagging, name, recorded)
    return asked


def test_a_venue_is_dropped_before_the_story_is_searched(
        monkeypatch: pytest.MonkeyPatch) -> None:
    specific = _record(monkeypatch, "_specific")
    unfollowed = _record(monkeypatch, "_unfollowed")
    title = "시민식당 반도체"
    body = ["시민식당 반도체 공장", "시민식당 반도체 수출"]
    tagging.tags(title, body, body, 5, _analyse)
    assert "시민식당" not in specific and "시민식당" not in unfollowed, (specific, unfollowed)
    assert "반도체" in unfollowed  # the checks still run for a form the string tests keep


def test_a_city_in_passing_is_dropped_before_the_story_is_searched(
        monkeypatch: pytest.MonkeyPatch) -> None:
    unfollowed = _record(monkeypatch, "_unfollowed")
    title = "반도체 수출 호조"
    body = ["인천 반도체 공장", "인천 반도체 수출"]
    assert "인천" not in tagging.tags(title, body, body, 5, _analyse)
    assert "인천" not in unfollowed, unfollowed


def test_a_story_with_no_name_left_is_not_read_for_a_list(
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    headline = tagging.rules.LIST_HEADLINE

    class Recorded:
        """The notice headline's pattern, saying when a story is read for a list."""

        def match(self, title: str) -> object:
            asked.append(title)
            return headline.match(title)

    monkeypatch.setattr(tagging.rules, "LIST_HEADLINE", Recorded())
    body = ["반도체 공장 증설", "반도체 수출 증가"]
    assert tagging.tags("반도체 수출 호조", body, body, 5, _analyse) == ["반도체"]
    assert asked == []
    body = ["홍길동 반도체 공장", "홍길동 반도체 수출"]
    tagging.tags("반도체 수출 호조", body, body, 5, _analyse)
    assert asked == ["반도체 수출 호조"]  # a name written twice asks, once

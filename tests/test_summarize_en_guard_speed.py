"""English's list guard (``guards.may_list``) counts "; " only where a ";" is written and
" and " only while the commas are too few (issue 26, summarizer speed): the same answer as the
three counts summed, on the rule's shapes and on random text."""

from __future__ import annotations

import random

import pytest

from bot.summarize.lang.en.segment.guards import may_list


class _Counted(str):
    """A span that records what is counted in it."""

    counted: list[str]

    def count(self, sub: str, *args: int | None) -> int:  # type: ignore[override]
        self.counted.append(sub)
        return super().count(sub, *args)


def _span(text: str) -> _Counted:
    span = _Counted(text)
    span.counted = []
    return span


def _summed(span: str) -> bool:
    return span.count(", ") + span.count("; ") + span.count(" and ") >= 3


def test_a_span_without_a_semicolon_counts_no_semicolons() -> None:
    # Three counts on every sentence were 11.7 µs a BBC brief (stop 48), "; " written in few.
    prose = _span("The council said it would review the plan, and the vote was delayed.")
    assert not may_list(prose)
    assert "; " not in prose.counted
    commas = _span("Apples, pears, plums, cherries and figs.")
    assert may_list(commas)
    assert commas.counted == [", "]


@pytest.mark.parametrize("text", [
    "a, b, c", "a; b; c", "a and b and c and d", "a, b; c and d", "a, b", "a;b;c;d",
    "a ; b ; c", "", ", , ,", " and  and ", "a,b, c; d", "x; y, z",
])
def test_may_list_is_the_three_counts_summed(text: str) -> None:
    assert may_list(text) == _summed(text)


def test_may_list_is_the_three_counts_summed_on_random_text() -> None:
    rng = random.Random(48)
    pieces = [",", ";", " ", "and", "a", ", ", "; ", " and ", "x", "\n"]
    for _ in range(50_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert may_list(text) == _summed(text)

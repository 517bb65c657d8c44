"""Stop 46: what the two Korean readers of amounts in 조/억/만/천 make of the shapes Korean
news writes. ``facts.value`` is the figure an LLM point must share with its cited sentences
(``bot.summarize.grounding``); ``key_facts.figures`` the headline's figure a brief should carry
(``bot.summarize.lang.ko.select.key_facts``). Both took a written zero for "nothing written":
"1억0000만" was 100,010,000, "0억" 1e8, and "3억0천만" was written back "3억1만"."""

from __future__ import annotations

import pytest

from bot.summarize.lang.ko.facts import value
from bot.summarize.lang.ko.select.key_facts import figures


@pytest.mark.parametrize(("written", "expected"), [
    ("2300만", 2.3e7),
    ("3억 5800만", 3.58e8),
    ("3억5800만", 3.58e8),
    ("0.5억", 5e7),
    ("1,000억", 1e11),
    ("4천800만", 4.8e7),
    ("1천만", 1e7),
    ("18조8,900억", 1.889e13),
    ("35만6509", 356_509.0),
    ("2억0500만", 2.05e8),
    # a zero part adds nothing; it is no bare unit
    ("1억0000만", 1e8),
    ("3억0천만", 3e8),
    ("1조 0억", 1e12),
    ("0억", 0.0),
    ("0만", 0.0),
])
def test_value_reads_korean_amounts(written: str, expected: float) -> None:
    assert value(written) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("피해액은 3억 5800만원이다.", "3억5800만원"),
    ("2300만 원을 냈다.", "2300만원"),
    ("0.5억원이 들었다.", "5000만원"),
    ("1억0000만원을 받았다.", "1억원"),
    ("3억0천만원을 받았다.", "3억원"),
    ("2억0500만원을 받았다.", "2억500만원"),
    ("매출은 0억원이었다.", "0원"),
])
def test_figures_write_korean_amounts_one_way(text: str, expected: str) -> None:
    assert figures(text) == frozenset({expected})

"""What the Korean reader of amounts in 조/억/만/천/백/십 makes of the shapes Korean news
writes. ``facts.value`` is the figure an LLM point must share with its cited sentences
(``bot.summarize.grounding``); ``key_facts.figures`` the headline's figure a brief should carry
(``bot.summarize.lang.ko.select.key_facts``), written back one way from ``value``. Stop 46: both
took a written zero for "nothing written" ("1억0000만" was 100,010,000, "0억" 1e8, and "3억0천만"
was written back "3억1만"). Review of stop 46, 4: they were two readers fixed twice, and
``figures`` never read 십/백 ("3백만원" was no figure while the grounding check read it), so one
table now runs through both."""

from __future__ import annotations

import pytest

from bot.summarize.lang.ko.facts import value
from bot.summarize.lang.ko.select.key_facts import figures

# (as written, its value, as ``figures`` writes it back before the unit)
AMOUNTS = [
    ("2300만", 2.3e7, "2300만"),
    ("3억 5800만", 3.58e8, "3억5800만"),
    ("3억5800만", 3.58e8, "3억5800만"),
    ("0.5억", 5e7, "5000만"),
    ("1.8억", 1.8e8, "1억8000만"),
    ("1,000억", 1e11, "1000억"),
    ("4천800만", 4.8e7, "4800만"),
    ("1억8천만", 1.8e8, "1억8000만"),
    ("1천만", 1e7, "1000만"),
    ("18조8,900억", 1.889e13, "18조8900억"),
    ("35만6509", 356_509.0, "35만6509"),
    ("2억0500만", 2.05e8, "2억500만"),
    ("3백만", 3e6, "300만"),
    ("5십억", 5e9, "50억"),
    ("2천5백만", 2.5e7, "2500만"),
    # a zero part adds nothing; it is no bare unit
    ("1억0000만", 1e8, "1억"),
    ("3억0천만", 3e8, "3억"),
    ("1조 0억", 1e12, "1조"),
    ("0억", 0.0, "0"),
    ("0만", 0.0, "0"),
]


@pytest.mark.parametrize(("written", "expected", "one_way"), AMOUNTS, ids=[a[0] for a in AMOUNTS])
def test_value_reads_korean_amounts(written: str, expected: float, one_way: str) -> None:
    assert value(written) == expected


@pytest.mark.parametrize(("written", "expected", "one_way"), AMOUNTS, ids=[a[0] for a in AMOUNTS])
def test_figures_write_the_amount_value_reads_one_way(written: str, expected: float,
                                                      one_way: str) -> None:
    assert figures(f"피해액은 {written}원이다.") == frozenset({f"{one_way}원"})
    assert value(one_way) == expected  # written back, it reads the same


@pytest.mark.parametrize(("text", "expected"), [
    ("2300만 원을 냈다.", "2300만원"),
    ("3억 원을 받았다.", "3억원"),
    ("3~5억원이 든다.", "3~5억원"),  # a range as it is
    ("2.0.1만원이 든다.", "2.0.1만원"),  # no amount to add up: as written
])
def test_figures_keep_what_is_no_one_amount_as_written(text: str, expected: str) -> None:
    assert figures(text) == frozenset({expected})

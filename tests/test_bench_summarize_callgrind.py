"""bench.summarize_callgrind's reading of callgrind's file and of its child's output, and its
table (made-up text: the bench itself needs valgrind and ../shared, which the suite does not)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.summarize_callgrind import counted, last_total, report

OUTPUT = """# callgrind format
version: 1
events: Ir
summary: 0
fn=(1) sre_ucs1_match
totals: 12
fn=(2) _PyEval_EvalFrameDefault
totals: 885039352
"""


def test_the_last_total_is_the_counted_pass(tmp_path: Path) -> None:
    out = tmp_path / "callgrind.out.bbc.ours"
    out.write_text(OUTPUT)
    assert last_total(out) == 885_039_352


def test_a_file_without_totals_is_no_figure(tmp_path: Path) -> None:
    out = tmp_path / "callgrind.out.bbc.ours"
    out.write_text("events: Ir\nsummary: 0\n")
    with pytest.raises(SystemExit, match="no totals"):
        last_total(out)


def test_the_articles_counted_are_read_from_the_child() -> None:
    assert counted("loading\narticles counted: 100\n") == 100
    with pytest.raises(SystemExit, match="did not say"):
        counted("loading\n")


def test_the_table_gives_millions_per_brief_and_the_ratio() -> None:
    table = report({"bbc": {"ours": 8_850_000.0, "LexRank": 34_515_000.0}})
    assert table.splitlines()[1].split() == ["bbc", "8.85", "34.52", "3.9x"]

"""bench.poll_callgrind's arithmetic and its reading of callgrind's files (made-up files: the
bench itself needs valgrind and ../shared, which the suite does not)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.poll_callgrind import _totals, per_feed

DUMP = """# callgrind format
version: 1
desc: Timerange: Basic block 0 - 7502770
desc: Trigger: Client Request: {label}

positions: line
events: Ir
summary: 0
fn=(1) sqlite3TriggersExist
totals: {total}
"""


def test_totals_are_read_per_labelled_dump_and_the_program_end_is_left_out(
        tmp_path: Path) -> None:
    (tmp_path / "callgrind.out.7.1").write_text(DUMP.format(label="unchanged", total=3000))
    (tmp_path / "callgrind.out.7.2").write_text(DUMP.format(label="changed", total=90_000))
    (tmp_path / "callgrind.out.7").write_text(
        "desc: Trigger: Program termination\nsummary: 0\ntotals: 0\n")
    (tmp_path / "callgrind.out.8").write_text(  # the feed server's process: never labelled
        "desc: Trigger: Program termination\ntotals: 5\n")
    assert _totals(tmp_path / "callgrind.out") == {"unchanged": 3000, "changed": 90_000}


def test_a_changed_feed_is_its_cycles_less_the_unchanged_feeds_share() -> None:
    # 10 feeds at 300 each unchanged; two cycles of 2 changed: 8 x 300 + 2 x changed per cycle
    unchanged, changed = per_feed({"unchanged": 3000, "changed": 2 * (2400 + 2 * 5000)},
                                  feeds=10, changed=2, cycles=2)
    assert unchanged == 300
    assert changed == pytest.approx(5000)

"""bench.poll_callgrind's arithmetic and its reading of callgrind's files (made-up files: the
bench itself needs valgrind and ../shared, which the suite does not)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.poll_callgrind import (
    _totals,
    arguments,
    check_cycle,
    cold_counts,
    cold_report,
    feeds_to_change,
    per_feed,
)
from bot.pipeline import PollStats

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
    assert _totals(tmp_path / "callgrind.out", 7) == {"unchanged": 3000, "changed": 90_000}


def test_a_kept_directory_holding_another_runs_dumps_reads_only_this_runs(
        tmp_path: Path) -> None:
    (tmp_path / "callgrind.out.7.1").write_text(DUMP.format(label="unchanged", total=3000))
    (tmp_path / "callgrind.out.7.2").write_text(DUMP.format(label="changed", total=90_000))
    (tmp_path / "callgrind.out.71.1").write_text(DUMP.format(label="unchanged", total=1))
    (tmp_path / "callgrind.out.71.2").write_text(DUMP.format(label="changed", total=2))
    assert _totals(tmp_path / "callgrind.out", 7) == {"unchanged": 3000, "changed": 90_000}
    with pytest.raises(SystemExit, match="no changed, unchanged dump from process 8"):
        _totals(tmp_path / "callgrind.out", 8)


RSS = (b"<rss version='2.0'><channel><title>t</title><item><title>a</title>"
       b"<link>http://example.com/a</link></item></channel></rss>")
ATOM_ENTRY = (b"<?xml version='1.0'?><entry xmlns='http://www.w3.org/2005/Atom'><id>urn:a</id>"
              b"<title>a</title></entry>")


def test_only_feeds_that_can_take_a_new_item_are_changed() -> None:
    # an Atom Entry document has no feed to add to: changing it would change nothing
    assert feeds_to_change([RSS, ATOM_ENTRY, RSS, ATOM_ENTRY, RSS], 3) == [0, 2, 4]
    with pytest.raises(SystemExit, match="only 2 of 3 feeds"):
        feeds_to_change([RSS, ATOM_ENTRY, RSS], 3)


def test_a_cycle_that_missed_a_feed_failed_one_or_made_other_briefs_stops_the_bench() -> None:
    check_cycle(PollStats(feeds=10, unchanged=8, new_items=2, briefs=2), feeds=10, briefs=2,
                what="changed")
    for stats in (PollStats(feeds=9, briefs=2), PollStats(feeds=10, failed=1, briefs=2),
                  PollStats(feeds=10, briefs=1)):
        with pytest.raises(SystemExit, match="changed cycle polled"):
            check_cycle(stats, feeds=10, briefs=2, what="changed")


def test_a_changed_feed_is_its_cycles_less_the_unchanged_feeds_share() -> None:
    # 10 feeds at 300 each unchanged; two cycles of 2 changed: 8 x 300 + 2 x changed per cycle
    unchanged, changed = per_feed({"unchanged": 3000, "changed": 2 * (2400 + 2 * 5000)},
                                  feeds=10, changed=2, cycles=2)
    assert unchanged == 300
    assert changed == pytest.approx(5000)


def test_a_cold_run_reads_its_one_cold_dump_and_reports_per_feed_and_item(
        tmp_path: Path) -> None:
    (tmp_path / "callgrind.out.7.1").write_text(DUMP.format(label="cold", total=6_000_000_000))
    assert _totals(tmp_path / "callgrind.out", 7, frozenset({"cold"})) == {
        "cold": 6_000_000_000}
    with pytest.raises(SystemExit, match="no changed, unchanged dump"):
        _totals(tmp_path / "callgrind.out", 7)
    report = cold_report(6_000_000_000, feeds=100, items=800, briefs=20)
    assert "6000.0 M" in report and "60.00 M" in report and "7.500 M" in report
    assert "800 items stored, 20 briefed" in report


def test_a_cold_run_that_did_not_say_its_counts_fails() -> None:
    assert cold_counts("noise\ncold poll: 110 869 20\n") == (110, 869, 20)
    for said in ("", "noise\n", "cold poll: 110 869\n", "cold poll: 110 0 0\n",
                 "cold poll: 1 2 3\ncold poll: 1 2 3\n"):
        with pytest.raises(SystemExit, match=r"bench\.poll_callgrind"):
            cold_counts(said)


def test_a_cold_run_changes_no_feed_and_starts_with_no_window() -> None:
    cold = arguments(["--cold", "--feeds", "10"])  # fewer feeds than --changed's default
    assert (cold.feeds, cold.window) == (10, 0)
    assert arguments(["--cold"]).feeds is None  # the distinct captures, counted by the run
    warm = arguments([])
    assert (warm.feeds, warm.changed, warm.window) == (200, 20, 1000)
    with pytest.raises(SystemExit):
        arguments(["--feeds", "10"])  # 20 changed of 10

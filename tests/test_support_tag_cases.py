"""The tag case table (``tests.support.tagging``) fails a case on each kind of expectation: a
table whose checks never fail would pass every brief."""

from __future__ import annotations

import pytest

from tests.support.tagging import TagCase, tag_test


def test_each_expectation_reports_its_fault() -> None:
    case = TagCase("all", "", "", present=("a",), absent=("b",), absent_prefixes=("c",),
                   absent_within=("d",), one_of=("e", "f"))
    assert case.faults(["a", "e"]) == []
    assert case.faults(["b", "c-x", "x-d", "g"]) == [
        "missing a", "unwanted b", "unwanted c-x", "unwanted x-d", "none of e/f"]


def test_a_case_expecting_nothing_and_a_shared_name_are_refused() -> None:
    with pytest.raises(ValueError, match="expects nothing"):
        TagCase("empty", "", "")
    with pytest.raises(ValueError, match="share a name"):
        tag_test("en", [TagCase("same", "", "x", present=("x",))] * 2)

"""Korean brief defects named by issue 28's reread of the feed and science briefs: the
sentence ending kept in two tables, a clause that borrows the subject of the sentence before.
Literal made-up text, each failing before its fix."""

from __future__ import annotations

from bot.summarize.lang.ko import select, words


def test_a_sentence_ending_comes_from_the_one_table() -> None:
    # select.ENDED kept its own copy of the splitter's endings: one list, so a new ending
    # reaches both.
    assert select.ENDED.pattern.startswith(words.PREDICATE_LAST)
    assert words.PREDICATE_LAST in words.PREDICATE_END
    for syllable in words.PREDICATE_LAST.strip("[]"):
        assert select.ENDED.search(f"했{syllable}.") is not None, syllable

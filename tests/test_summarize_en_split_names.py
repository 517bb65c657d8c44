"""The English splitter joins the Daily Mail scrape's split names ("Prince . Harry") around each
" . " only, never by scanning the whole text (issue 26, stop 47: 0.6 M instructions of a CNN/DM
brief); what it joins is what the old whole-text ``sub`` joined."""

from __future__ import annotations

import random
import re

import pytest

from bot.summarize.lang.en import sentences

SPLIT_PIECES = ["Prince", "Harry", "Harry's", "Anglo-Saxon", "O'Neil", "É", "_A", "Palace",
                " . ", ".", " ", ",", "-", "’", "5", "Prince Harry", "Buckingham Palace", "aB"]


def _split_names_by_sub(text: str) -> str:
    def joined(m: re.Match[str]) -> str:
        name = f"{m.group(1)} {m.group(2)}"
        return name if re.search(r"\b" + re.escape(name) + r"\b", text) else m.group()
    return sentences.SPLIT_NAME.sub(joined, text) if " . " in text else text


@pytest.mark.parametrize("text", [
    "a naked Prince . Harry was seen. Prince Harry said.",
    "at Buckingham . Palace . Harry . Potter, Buckingham Palace",
    "Anglo-Saxon . Kings O'Neil . Smith _A . Bc Anglo-Saxon Kings",
    "on Friday . Mr Obama said . Prince . Harry . Windsor Prince Harry Harry Windsor",
])
def test_split_names_joined_around_each_mark_are_subs(text: str) -> None:
    """``join_split_names`` tries SPLIT_NAME only in the word before each " . " and builds a
    name's pattern only where the text writes the name: it joins what the pattern's ``sub``
    over the whole text joined (issue 26: 0.6 M instructions of a CNN/DM brief)."""
    assert sentences.join_split_names(text) == _split_names_by_sub(text)


def test_split_names_on_random_text_are_subs() -> None:
    rng = random.Random(47)
    for _ in range(20000):
        text = "".join(rng.choice(SPLIT_PIECES) + rng.choice(("", " "))
                       for _ in range(rng.randint(0, 14)))
        assert sentences.join_split_names(text) == _split_names_by_sub(text), text


class _MatchOnly:
    """SPLIT_NAME that may only be matched at a place, never scanned over a text."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.match = pattern.match


def test_split_names_are_not_scanned_for_over_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither the whole text is scanned for SPLIT_NAME, nor a name's pattern built for a
    name the text never writes unbroken ("Prince . Harry" with no "Prince Harry")."""
    monkeypatch.setattr(sentences, "SPLIT_NAME", _MatchOnly(sentences.SPLIT_NAME))

    def no_search(*args: object) -> None:
        raise AssertionError("a name's pattern searched for")

    monkeypatch.setattr(sentences.re, "search", no_search)
    text = "Seen with a naked Prince . Harry at the party . Guests said so."
    assert sentences.join_split_names(text) == text

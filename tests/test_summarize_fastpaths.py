"""The speed rewrites of issue 11 give the same results as the code they replaced."""

from __future__ import annotations

import re

import pytest

from bot.summarize import text as text_mod
from bot.summarize.lang.en.tagging import keywords as english_keywords
from bot.summarize.lang.en.tags import MID_CAP
from bot.summarize.text import split_sentences


def test_whitespace_runs_collapse_as_before() -> None:
    # Only runs that change are substituted now; tabs, no-break spaces, doubled spaces and
    # blank or space-padded lines still come out exactly as the old full substitution gave.
    raw = "First  line\there.\u00a0Second one.\n \n\t Third\u00a0\u00a0line. \r\nFourth."
    old = [
        s
        for block in re.split(r"\s*\n\s*", re.sub(r"[ \t\u00a0]+", " ", raw))
        for s in text_mod._split_block(block.strip(), "en")
        if block.strip()
    ]
    assert split_sentences(raw, "en") == old
    assert split_sentences(raw, "en") == [
        "First line here.",
        "Second one.",
        "Third line.",
        "Fourth.",
    ]


def test_mid_sentence_capitals_found_back_to_back() -> None:
    # The whitespace-first pattern must still find a capital right after another one's end
    # ("at Acme Labs"), which a pattern consuming the character before would miss.
    body = "He works at Acme Labs, then Zeta. Bo said x Y z W."
    old = re.findall(r"(?<=[a-z0-9,;:]\s)[A-Z][\w&'’-]*", body)
    assert MID_CAP.findall(body) == old == ["Acme", "Labs", "Zeta", "Y", "W"]
    assert english_keywords("", [body])["Zeta"] == 1


def test_term_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    # A long-running bot sees endless distinct tokens: the cache empties when full.
    monkeypatch.setattr(text_mod, "_TERM_CACHE_SIZE", 3)
    cache = text_mod._TermCache()
    for word in ("alpha", "beta", "gamma", "delta", "epsilon"):
        assert cache[word] == text_mod._term_of(word)
        assert len(cache) <= 3
    assert cache["Profits"] == "profit" and cache["the"] is None


def test_five_word_check_counts_words_not_spaces() -> None:
    from bot.summarize.extractive import _usable

    # Trailing and doubled whitespace are no words: four words stay too few.
    assert not _usable("Supercalifragilistic words only four   ", "en")
    assert _usable("Five words make a sentence here.", "en")


def test_sentence_openers_found_without_match_objects() -> None:
    # A capitalised word opening the body or a line proves nothing unless it is also written
    # mid-sentence; the findall rewrite must keep telling the two apart.
    body = "Apple rose.\nShares in Apple fell.\nBanana split."
    scores = english_keywords("", body.split("\n"))
    assert scores["Apple"] == 2  # its opening use counts because "in Apple" is mid-sentence
    assert "Banana" not in scores and "Shares" not in scores

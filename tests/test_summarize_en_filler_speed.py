"""English filler's "you're in luck" span is tried only where a sentence says "re in luck"
(issue 26, summarizer speed): apart from FILLER and guarded, it finds what it found as one of
FILLER's alternatives, on the rule's examples and on random text."""

from __future__ import annotations

import importlib
import random
import re

import pytest

# The module, not the function ``segment`` imports under its name.
en_filler = importlib.import_module("bot.summarize.lang.en.segment.filler")

# FILLER as it was, with the luck span one of its alternatives (stop 47).
WHOLE = re.compile(f"{en_filler.FILLER.pattern}|{en_filler.IN_LUCK.pattern}")

LUCK_CASES = [
    "If you're looking for a good deal on Mac software, you're in luck.",
    "If you’re looking for a good deal on Mac software, you’re in luck!",
    "You're in luck.",
    "you're in luck.",
    "Your're in luck.",
    "If you want one, you're in luck. The bundle costs $30.",
    "Good news. you're in luck.",
    "x" * 100 + " you're in luck.",
    "x" * 101 + " you're in luck.",
    "We're in luck.",
    "They say you're in luck?",
    "Don't worry!",
    "It's that time of year again!",
    "The company said it would cut 200 jobs.",
]

PIECES = ["you", "'", "’", "re", " ", "in", "luck", ".", "!", "?", "You", "x", "Don't worry",
          "It's the holiday season", ", and you're", "Yup", ",", "5", "\n", "We", "r"]


class _Tried:
    """A pattern that records each sentence it is matched against."""

    def __init__(self, pattern: re.Pattern[str], tried: list[str]) -> None:
        self.pattern = pattern
        self.tried = tried

    def match(self, sentence: str) -> re.Match[str] | None:
        self.tried.append(self.pattern.pattern)
        return self.pattern.match(sentence)


def test_no_opening_run_is_tried_without_the_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    # A run of up to 100 characters opening a pattern is tried and given back at every
    # sentence (20.6 of FILLER's 22.3 µs a BBC brief, stop 48): not on a sentence without it.
    tried: list[str] = []
    luck = en_filler.IN_LUCK.pattern
    monkeypatch.setattr(en_filler, "FILLER", _Tried(en_filler.FILLER, tried))
    monkeypatch.setattr(en_filler, "IN_LUCK", _Tried(en_filler.IN_LUCK, tried))
    assert not en_filler.filler("The company said on Tuesday it would cut 200 jobs.")
    assert tried and not [p for p in tried if p.startswith("[^.!?]{0,100}") or "|[^" in p]
    tried.clear()
    assert en_filler.filler("If you're looking for a deal on Mac software, you're in luck.")
    assert luck in tried


@pytest.mark.parametrize("sentence", LUCK_CASES)
def test_filler_is_as_with_the_luck_span_in_filler(sentence: str) -> None:
    marketing = any(h in sentence for h in en_filler.MARKETING_HINTS) and bool(
        en_filler.MARKETING.search(sentence)) and not en_filler.REPORTED.search(sentence)
    assert en_filler.filler(sentence) == (WHOLE.match(sentence) is not None or marketing)


def test_every_luck_span_holds_the_hint_on_random_text() -> None:
    rng = random.Random(48)
    for _ in range(50_000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 16)))
        for sentence in (text, text + "you're in luck.", text + " you’re in luck!"):
            found = en_filler.IN_LUCK.match(sentence) is not None
            if found:
                assert en_filler.IN_LUCK_HINT in sentence
            assert (en_filler.FILLER.match(sentence) is not None or found) == (
                WHOLE.match(sentence) is not None)

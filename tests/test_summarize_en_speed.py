"""English tagging finds names by ``str.find`` from where they are written, not by a pattern
built and compiled per name and tried at every character (issue 26, summarizer speed): each
search finds what the pattern it replaced found, on tricky and on random text."""

from __future__ import annotations

import random
import re

import pytest

from bot.summarize.lang.en import tagging

PIECES = ["Smith", "Tom", "Tom Smith", "Smithson", "smith", " ", "  ", "\n", "-", "ex-", "_",
          "(", "'", "’", "s", ",", ".", "5", "é", "Élodie", "Mc", "Smith-Jones", "+", "TOM"]
NAMES = ["Smith", "Tom Smith", "Smith-Jones", "S", "+", "'s", ""]


def _random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14))) for _ in range(count)]


def _finditer_spans(phrase: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\b" + re.escape(phrase) + r"\b", text)]


TRICKY_WHOLE = [
    ("Smith", "Smith Smith-Jones Smithson _Smith Smith_ 5Smith Smith5 éSmith Smith."),
    ("Tom Smith", "Tom Smith Smith Tom Smith Tom Smithson Tom  Smith Tom Smith"),
    ("A A", "A A A A A"),
    ("+", "a + b ++ c+"),
    ("Dual ANT", "Dual ANT+ and Dual ANT"),
    ("", "ab cd"),
    ("Smith", ""),
]


@pytest.mark.parametrize(("phrase", "text"), TRICKY_WHOLE)
def test_whole_words_finds_what_finditer_found(phrase: str, text: str) -> None:
    assert list(tagging._whole_words(phrase, text)) == _finditer_spans(phrase, text)


def test_whole_words_finds_what_finditer_found_on_random_text() -> None:
    for text in _random_texts(26, 3000):
        for phrase in NAMES:
            assert list(tagging._whole_words(phrase, text)) == _finditer_spans(phrase, text), (
                phrase, text)

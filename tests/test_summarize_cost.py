"""Work the summarizer leaves undone where its result cannot move a brief (issue 26, stop 45):
each test pins one reading that is skipped, and that it is still done where it counts."""

from __future__ import annotations

from bot.summarize.scoring import build_pool, choose
from bot.summarize.text import content_words
from bot.summarize.weights import WEIGHTS

_SENTENCES = [
    "But the council said the plan would go ahead after a vote in the chamber on Monday.",
    "The city council approved a new budget for its parks and libraries on Monday night.",
    "The budget adds three libraries and keeps every park open through the winter months.",
]


def _lean_back_reads(weights: dict[str, float] | None) -> list[str]:
    asked: list[str] = []

    def leans_back(sentence: str) -> bool:
        asked.append(sentence)
        return sentence.startswith("But ")

    words = [content_words(s, "en") for s in _SENTENCES]
    build_pool(list(enumerate(_SENTENCES)), words, "", [], "en", 300, lambda s: False, weights,
               leans_back)
    return asked


def test_the_lede_is_not_read_for_lean_back_where_it_weighs_nothing() -> None:
    # English weighs the lede 0: its lean-back reading (refers_back, about 90 K instructions
    # a call on a BBC brief) cannot move a score.
    assert WEIGHTS["en"]["lede"] == 0.0
    assert _lean_back_reads(WEIGHTS["en"]) == []


def test_the_lede_is_read_for_lean_back_where_it_is_weighed() -> None:
    # The fit (no weights) and a row that weighs the lede still find it past "But …".
    assert _lean_back_reads(None) == _SENTENCES[:2]
    assert _lean_back_reads({**WEIGHTS["en"], "lede": 0.3}) == _SENTENCES[:2]


def test_a_candidate_right_after_a_point_is_not_read_for_lean_back() -> None:
    # Leaning back costs nothing right after the sentence leant on: choose() no longer asks.
    words = [content_words(s, "en") for s in _SENTENCES]
    pool = build_pool(list(enumerate(_SENTENCES)), words, "", [], "en", 300, lambda s: False,
                      WEIGHTS["en"])
    asked: list[int] = []

    def leans_back(k: int) -> bool:
        asked.append(k)
        return False

    chosen = choose(pool, WEIGHTS["en"], 2, leans_back)
    assert chosen == [0, 1]
    assert 0 in asked and 1 not in asked

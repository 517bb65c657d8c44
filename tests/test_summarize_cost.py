"""Work the summarizer leaves undone where its result cannot move a brief (issue 26, stop 45):
each test pins one reading that is skipped, and that it is still done where it counts."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from bot.summarize.scoring import Pool, build_pool, choose
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


_STORY = [
    "The city council approved a new budget for its parks and libraries on Monday night.",
    "Pictured: the mayor with council members outside the city hall after the budget vote.",
    "The budget adds three libraries and keeps every park open through the winter months.",
    "Council members said the parks plan had support from residents across the city.",
    "A second vote on the library plan is expected in the spring, officials said.",
    "Officials did not say how much the three new libraries would cost the city to run.",
    "The winter months usually see some parks close early because of the weather.",
    "Residents can read the full budget on the city website from Tuesday morning.",
]


def _story_pool(weights: dict[str, float] | None) -> tuple[Pool, list[str]]:
    """The story's pool built for ``weights``, and the sentences its caption reading reads
    (so far: choose() may read more)."""
    read: list[str] = []

    def caption_like(sentence: str) -> bool:
        read.append(sentence)
        return sentence.startswith("Pictured:")

    words = [content_words(s, "en") for s in _STORY]
    pool = build_pool(list(enumerate(_STORY)), words, "City council approves budget", [],
                      "en", 300, caption_like, weights)
    return pool, read


def _caption_reads(weights: dict[str, float] | None) -> tuple[list[int], list[str]]:
    pool, read = _story_pool(weights)
    chosen = choose(pool, WEIGHTS["en"], 3, lambda k: False)
    return chosen, read


def test_a_caption_is_read_only_for_candidates_the_greedy_choice_reaches() -> None:
    # English weighs a caption -0.4: read as 0.0 it only raises a static score, so
    # choose() reads it when its scan reaches the candidate, never for the late ones no
    # point can come from (about three of a BBC brief's 16 candidates score as high as its
    # third point).
    assert WEIGHTS["en"]["caption"] < 0.0
    _, read = _caption_reads(WEIGHTS["en"])
    assert _STORY[0] in read and _STORY[-1] not in read
    assert len(read) < len(_STORY)


def test_a_caption_reached_late_weighs_as_it_did_read_up_front() -> None:
    # The second sentence is caption-like and early: read when reached, it loses the place
    # its position would give it, as it does in the fit's pool where every value is read.
    chosen, read = _caption_reads(WEIGHTS["en"])
    _, all_read = _caption_reads(None)
    assert _STORY[1] in read and 1 not in chosen
    assert len(all_read) == len(_STORY)
    words = [content_words(s, "en") for s in _STORY]
    full = build_pool(list(enumerate(_STORY)), words, "City council approves budget", [],
                      "en", 300, lambda s: s.startswith("Pictured:"), None)
    assert choose(full, WEIGHTS["en"], 3, lambda k: False) == chosen


def test_no_label_is_looked_for_when_one_point_can_have_none(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A brief's points are all labelled or none: the third point opens on a preposition and a
    # verb ("In a statement, …" has no subject a label could name), so no label is looked for
    # the first two either (106 of BBC's first 300 briefs had such a point past the first).
    from bot.summarize import labels
    from bot.summarize.lang.en.labelling import unlabelled

    points = ["The city council approved a new budget for its parks on Monday night.",
              "The budget adds three libraries and keeps every park open in winter.",
              "In a statement released later, officials said the parks would stay open."]
    assert [unlabelled(p) for p in points] == [False, False, True]
    asked: list[str] = []
    make = labels.make_label

    def counted(point: str, *args: Any, **kwargs: Any) -> str | None:
        asked.append(point)
        return make(point, *args, **kwargs)

    monkeypatch.setattr(labels, "make_label", counted)
    text = " ".join(points)
    counts = Counter(w for p in points for w in content_words(p, "en"))
    assert labels.label_points(points, counts, "en", "Council passes budget", text) \
        == [None, None, None]
    assert asked == []
    # Where every point may have one, labels are still looked for, first point first.
    labels.label_points(points[:2], counts, "en", "Council passes budget", text)
    assert asked[:1] == points[:1]


def test_unread_captions_are_read_before_a_choice_that_weighs_captions_up() -> None:
    # A pool built lazily for a caption weight below zero, then chosen with one above zero
    # (a caller's own weights): 0.0 is no upper bound there, so every caption is read first
    # and the caption-like second sentence wins the place a read value gives it.
    pool, _ = _story_pool(WEIGHTS["en"])
    assert pool.unread_captions
    favours_captions = {**WEIGHTS["en"], "caption": 5.0}
    chosen = choose(pool, favours_captions, 3, lambda k: False)
    assert not pool.unread_captions
    assert 1 in chosen

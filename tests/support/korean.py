"""What the Korean selection tests ask of a pool of sentences: each candidate's feature values,
by feature name, as ``build_pool`` computes them for a headline; and a choice ranked by
position alone (``position_weights``, ``rank``), where a test sets the order candidates are
weighed in and reads what one dynamic feature does to it."""

from __future__ import annotations

from collections.abc import Callable

from bot.summarize.scoring import STATIC, Pool, build_pool
from bot.summarize.text import content_words
from bot.summarize.weights import WEIGHTS


def _never(sentence: str) -> bool:
    return False


def pool_features(title: str, sentences: list[str],
                  weak: Callable[[str], bool] = _never) -> list[dict[str, float]]:
    """The feature values of each of ``sentences`` under ``title`` (a 300-character budget);
    ``weak`` is the caption check the pool applies (none by default)."""
    words = [content_words(s, "ko") for s in sentences]
    pool = build_pool(list(enumerate(sentences)), words, title, content_words(title, "ko"),
                      "ko", 300, weak)
    return [dict(zip(STATIC, v, strict=True)) for v in pool.values]


def position_weights(**kept: float) -> dict[str, float]:
    """Korean's weights with every feature at zero but position (1.0) and ``kept``, and the
    hard limits (``duplicate``, ``headline_copy``) out of reach."""
    weights = {name: 0.0 for name in WEIGHTS["ko"]}
    weights.update(position=1.0, duplicate=1.01, headline_copy=1.01, **kept)
    return weights


def rank(pool: Pool, ranks: dict[int, float]) -> None:
    """Sets each candidate's position value (the first static feature) to ``ranks[k]``."""
    assert STATIC[0] == "position"
    pool.values = [(ranks[k], *v[1:]) for k, v in enumerate(pool.values)]

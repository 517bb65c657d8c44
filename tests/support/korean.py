"""What the Korean selection tests ask of a pool of sentences: each candidate's feature values,
by feature name, as ``build_pool`` computes them for a headline."""

from __future__ import annotations

from collections.abc import Callable

from bot.summarize.scoring import STATIC, build_pool
from bot.summarize.text import content_words


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

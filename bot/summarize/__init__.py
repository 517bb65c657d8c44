"""Three-point briefs: the offline extractive summarizer, an optional LLM one, and helpers."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from bot.summarize.base import Summarizer
from bot.summarize.extractive import ExtractiveSummarizer
from bot.summarize.text import detect_language, split_sentences
from bot.tags import TagNormaliser, normalise_tag

if TYPE_CHECKING:
    from bot.summarize.llm import OpenAISummarizer

__all__ = [
    "ExtractiveSummarizer",
    "OpenAISummarizer",
    "Summarizer",
    "TagNormaliser",
    "detect_language",
    "normalise_tag",
    "split_sentences",
]


def __getattr__(name: str) -> Any:
    # The LLM summarizer (and its HTTP client) loads only when asked for: `newsbrief
    # summarize` with the default extractive summarizer should not pay for it.
    if name == "OpenAISummarizer":
        return importlib.import_module("bot.summarize.llm").OpenAISummarizer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

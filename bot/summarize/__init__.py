"""Three-point briefs: the offline extractive summarizer, an optional LLM one, and helpers."""

from bot.summarize.base import Summarizer
from bot.summarize.extractive import ExtractiveSummarizer
from bot.summarize.llm import OpenAISummarizer
from bot.summarize.tags import TagNormaliser, normalise_tag
from bot.summarize.text import detect_language, split_sentences

__all__ = [
    "ExtractiveSummarizer",
    "OpenAISummarizer",
    "Summarizer",
    "TagNormaliser",
    "detect_language",
    "normalise_tag",
    "split_sentences",
]

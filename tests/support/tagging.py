"""A brief's tags from literal text, for the tag tests of both languages."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, korean

needs_kiwi = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")


def brief_tags(title: str, text: str, lang: str) -> list[str]:
    """The tags the extractive summarizer gives a story in ``lang``."""
    return ExtractiveSummarizer().brief(Article(title=title, text=text, lang=lang)).tags

"""What the English summarizer tests ask of a text: its brief's points, and its sentences with
the indexes that open a paragraph (as the segmentation rules see them)."""

from __future__ import annotations

from itertools import chain

from bot.models import Article
from bot.summarize import ExtractiveSummarizer
from bot.summarize.text import paragraph_starts, split_paragraphs

SUMMARIZER = ExtractiveSummarizer()


def points(title: str, text: str) -> list[str]:
    return [p.text for p in SUMMARIZER.brief(Article(title=title, text=text, lang="en")).points]


def sentences_and_starts(text: str) -> tuple[list[str], frozenset[int]]:
    paragraphs = split_paragraphs(text, "en")
    return list(chain.from_iterable(paragraphs)), paragraph_starts(paragraphs)

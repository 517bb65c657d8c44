"""The summarizer interface every implementation (extractive, LLM) satisfies."""

from __future__ import annotations

from typing import Protocol

from bot.models import Article, Brief


class Summarizer(Protocol):
    async def summarize(self, article: Article, *, points: int = 3) -> Brief: ...

"""The summarizer interface every implementation (extractive, LLM) satisfies."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from bot.models import Article, Brief


class Summarizer(Protocol):
    async def summarize(self, article: Article, *, points: int = 3) -> Brief: ...


@runtime_checkable
class Translator(Protocol):
    """A summarizer that can also write a brief in another language (the LLM one), and has
    things to tell the operator (its daily budget ran out)."""

    async def summarize_in(self, article: Article, lang: str | None, *,
                           points: int = 3) -> Brief: ...

    def take_notices(self) -> list[str]: ...

    async def aclose(self) -> None:
        """Write back what it keeps across restarts (its cache)."""


async def close_summarizer(summarizer: Summarizer) -> None:
    """At shutdown: a summarizer that keeps state writes it back."""
    if isinstance(summarizer, Translator):
        await summarizer.aclose()

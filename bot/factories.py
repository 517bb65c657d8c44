"""The summarizer and the fetcher built from settings, apart from ``bot.app`` so the commands
that need only these (``summarize``, ``brief``) do not import the store, the outbox and the
command core."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import Secrets, Settings
    from bot.feeds.fetch import HttpFetcher
    from bot.summarize import Summarizer


def make_summarizer(settings: Settings, secrets: Secrets) -> Summarizer:
    from bot.summarize.extractive import ExtractiveSummarizer

    extractive = ExtractiveSummarizer(aliases=settings.tags.aliases, max_tags=settings.tags.max,
                                      max_point_chars=settings.summarizer.max_point_chars)
    if settings.summarizer.kind != "openai":
        return extractive
    from bot.summarize.llm import OpenAISummarizer

    llm = settings.summarizer.openai
    return OpenAISummarizer(
        base_url=llm.base_url, model=llm.model, api_key=secrets.get(llm.api_key_env),
        fallback=extractive, timeout=llm.timeout, retries=llm.retries,
        daily_token_budget=llm.daily_token_budget,
        cache_path=settings.data_dir / "llm-cache.json",
    )


def make_fetcher(settings: Settings) -> HttpFetcher:
    from bot.feeds.fetch import HttpFetcher
    from bot.netguard import AddressPolicy

    net = settings.network
    return HttpFetcher(policy=AddressPolicy(net.allow_private), connect_timeout=net.connect_timeout,
                       total_timeout=net.total_timeout, max_bytes=net.max_body_bytes,
                       per_host=net.per_host_concurrency, user_agent=net.user_agent)

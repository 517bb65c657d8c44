"""The summarizer and the fetcher built from settings, apart from ``bot.app`` so the commands
that need only these (``summarize``, ``brief``) do not import the store, the outbox and the
command core."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.config import Secrets, Settings
from bot.netguard import AddressPolicy
from bot.summarize import Summarizer
from bot.summarize.extractive import ExtractiveSummarizer

if TYPE_CHECKING:  # the types only: aiohttp loads when a fetcher is made, the LLM when chosen
    from bot.feeds.fetch import HttpFetcher
    from bot.summarize.llm_state import SpendLedger


def make_summarizer(settings: Settings, secrets: Secrets, *,
                    ledger: SpendLedger | None = None) -> Summarizer:
    """``ledger``: where the LLM's daily spend is counted (the database's, from ``App``);
    none: a file in ``data_dir``, for the commands that run without a store."""
    extractive = ExtractiveSummarizer(aliases=settings.tags.aliases, max_tags=settings.tags.max,
                                      max_point_chars=settings.summarizer.max_point_chars)
    if settings.summarizer.kind == "extractive":
        return extractive
    return make_llm_summarizer(settings, secrets, extractive, ledger)


def make_llm_summarizer(settings: Settings, secrets: Secrets, extractive: Summarizer,
                        ledger: SpendLedger | None = None) -> Summarizer:
    # the optional LLM client: only when chosen
    from bot.summarize.llm import DailyBudget, LLMSummarizer, ReplyCache
    from bot.summarize.llm_client import ChatClient

    llm = settings.summarizer.openai
    client = ChatClient(base_url=llm.base_url, model=llm.model,
                        api_key=secrets.get(llm.api_key_env), timeout=llm.timeout,
                        retries=llm.retries, concurrency=llm.concurrency)
    return LLMSummarizer(
        client=client, fallback=extractive,
        budget=DailyBudget(tokens=llm.daily_token_budget, calls=llm.daily_call_budget,
                           ledger=ledger, path=settings.data_dir / "llm-budget.json"),
        cache=ReplyCache(settings.data_dir / "llm-cache.json"),
        max_point_chars=settings.summarizer.max_point_chars, aliases=settings.tags.aliases,
        max_tags=settings.tags.max,
    )


def make_fetcher(settings: Settings) -> HttpFetcher:
    # aiohttp: loaded when a fetcher is made, which `summarize` never needs
    from bot.feeds.fetch import HttpFetcher

    net = settings.network
    return HttpFetcher(policy=AddressPolicy(net.allow_private), connect_timeout=net.connect_timeout,
                       total_timeout=net.total_timeout, max_bytes=net.max_body_bytes,
                       per_host=net.per_host_concurrency, user_agent=net.user_agent)

"""Abstractive briefs from an OpenAI-compatible model, in the channel's language, each point
checked against the sentences it cites (bot.summarize.grounding) and replaced by the extractive
point when the check fails; fewer than two accepted points, or any failure of the model, gives
the extractive brief. Answers are cached by article, language and prompt version, so fifty
channels that want a Korean brief of one article cost one call (the cache and the daily budget:
bot.summarize.llm_state)."""

from __future__ import annotations

import asyncio
import hashlib
import json

from bot import metrics
from bot.logs import get_log
from bot.models import Article, Brief, Point
from bot.netguard import redact_url
from bot.summarize.base import Summarizer
from bot.summarize.grounding import ArticleContext, check_label, check_point
from bot.summarize.llm_client import ChatClient, LLMError
from bot.summarize.llm_prompt import PROMPT_VERSION, SCHEMA, Reply, messages, parse
from bot.summarize.llm_state import DailyBudget, ReplyCache
from bot.summarize.tags import TagNormaliser
from bot.summarize.text import detect_language, split_sentences
from bot.summarize.trim import fit

log = get_log(__name__)

MIN_POINTS = 2  # fewer accepted model points than this: the extractive brief


def article_hash(article: Article) -> str:
    return hashlib.sha256(f"{article.title}\n{article.text}".encode()).hexdigest()


class LLMSummarizer:
    """Briefs written by a model and checked against the article; the extractive summarizer
    (``fallback``) fills every gap."""

    def __init__(self, *, client: ChatClient, fallback: Summarizer, budget: DailyBudget,
                 cache: ReplyCache | None = None, max_point_chars: int = 300,
                 aliases: dict[str, list[str]] | None = None, max_tags: int = 5) -> None:
        self.client = client
        self.model = client.model
        self._fallback = fallback
        self.budget = budget
        self._cache = cache if cache is not None else ReplyCache(None)  # an empty one is falsy
        self._max_chars = max_point_chars
        self._tags = TagNormaliser(aliases)
        self._max_tags = max_tags
        self._inflight: dict[str, asyncio.Future[Reply]] = {}

    async def aclose(self) -> None:
        """Write the answers the cache holds back (it writes at most every few seconds)."""
        await self._cache.flush()

    def take_notices(self) -> list[str]:
        """Messages for the operator (the budget ran out), each handed out once."""
        out, self.budget.notices = self.budget.notices, []
        return out

    async def summarize(self, article: Article, *, points: int = 3) -> Brief:
        return await self.summarize_in(article, None, points=points)

    async def summarize_in(self, article: Article, lang: str | None, *, points: int = 3
                           ) -> Brief:
        """The brief of ``article`` in ``lang`` (None: the article's language)."""
        source_lang = (article.lang or detect_language(f"{article.title}\n{article.text}"))
        source_lang = source_lang.split("-")[0].lower()
        target = (lang or source_lang).split("-")[0].lower()
        sentences = split_sentences(article.text, source_lang)
        try:
            reply = await self._reply(article, sentences, points, target, source_lang)
        except LLMError as exc:
            return await self._extractive(article, points, exc.reason)
        except Exception as exc:  # any failure means the extractive brief, never no brief
            return await self._extractive(article, points, f"error:{type(exc).__name__}")
        return await self._checked(article, reply, sentences, points, target, source_lang)

    async def _extractive(self, article: Article, points: int, reason: str) -> Brief:
        log.warning("llm.fallback", reason=reason, model=self.model,
                    url=redact_url(self.client.base_url))
        metrics.llm_brief(f"fallback_{reason.split(':')[0]}")
        return await self._fallback.summarize(article, points=points)

    async def _reply(self, article: Article, sentences: list[str], points: int, lang: str,
                     source_lang: str) -> Reply:
        key = hashlib.sha256(json.dumps(
            [article_hash(article), lang, points, self.model, PROMPT_VERSION]).encode()
        ).hexdigest()
        cached = self._cache.get(key)
        if cached is not None:
            log.debug("llm.cache_hit", key=key[:12], lang=lang)
            return cached
        running = self._inflight.get(key)
        if running is not None:  # another channel asked for the same brief a moment ago
            return await asyncio.shield(running)
        future: asyncio.Future[Reply] = asyncio.get_running_loop().create_future()
        self._inflight[key] = future
        try:
            reply = await self._ask(article, sentences, points, lang, source_lang)
            await self._cache.put(key, reply)
            future.set_result(reply)
            return reply
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved: no "never retrieved" warning when nobody waits
            raise
        finally:
            del self._inflight[key]

    async def _ask(self, article: Article, sentences: list[str], points: int, lang: str,
                   source_lang: str) -> Reply:
        if await self.budget.exhausted():
            raise LLMError("budget")
        prompt = messages(article.title, sentences, points=points, lang=lang,
                          source_lang=source_lang)
        answer = await self.client.complete(prompt, SCHEMA)
        await self.budget.spend(answer.tokens)
        try:
            return parse(answer.content)
        except ValueError as exc:
            raise LLMError("malformed") from exc

    async def _checked(self, article: Article, reply: Reply, sentences: list[str], points: int,
                       lang: str, source_lang: str) -> Brief:
        extractive = await self._fallback.summarize(article, points=points)
        context = ArticleContext(article.text, source_lang)
        kept: list[Point | None] = []
        grounds: list[str] = [article.title]  # what the headline may rest on
        for n, p in enumerate(reply.points[:points]):
            cited = [sentences[i - 1] for i in dict.fromkeys(p.sources)
                     if 1 <= i <= len(sentences)]
            verdict = check_point(p.text, cited, lang=lang, cited_lang=source_lang,
                                  context=context)
            if not verdict.ok:
                # the reason only: the point is the model's words about the article
                log.info("llm.point_rejected", point=n + 1, reason=verdict.reason)
                kept.append(None)
                continue
            label: str | None = " ".join(p.label.split()) or None
            if label and not check_label(label, cited, lang=lang, cited_lang=source_lang,
                                         context=context, point=p.text).ok:
                log.info("llm.label_rejected", point=n + 1)
                label = None
            kept.append(Point(fit(" ".join(p.text.split()), self._max_chars, lang), label))
            grounds += cited
        accepted = sum(p is not None for p in kept)
        if accepted < MIN_POINTS:
            return await self._extractive(article, points, "ungrounded")
        out = self._fill(kept, extractive.points if lang == extractive.lang else [], points)
        metrics.llm_brief("model" if accepted == len(out) else "partial")
        tags = list(dict.fromkeys(self._tags(t) for t in [*article.categories, *reply.tags]))
        return Brief(
            headline=self._headline(reply.headline, article, grounds, lang, source_lang),
            points=out, tags=[t for t in tags if t][: self._max_tags], url=article.url,
            lang=lang, source=article.source, published=article.published, model=self.model)

    @staticmethod
    def _fill(kept: list[Point | None], extractive: list[Point], points: int) -> list[Point]:
        """Refused points replaced, in place, by extractive points the brief does not already
        say (none across languages: a brief stays in one language). Labels go on every point
        or on none."""
        spare = [p for p in extractive if all(k is None or k.text != p.text for k in kept)]
        out: list[Point] = []
        for point in kept:
            if point is None:
                if spare:
                    out.append(spare.pop(0))
                continue
            out.append(point)
        out = out[:points]
        if not all(p.label for p in out):
            out = [Point(p.text) for p in out]
        return out

    @staticmethod
    def _headline(written: str, article: Article, grounds: list[str], lang: str,
                  source_lang: str) -> str:
        """In the article's language its own title; in another, the model's headline when it
        says only what the title and the sentences of the accepted points say."""
        title = article.title.strip()
        written = " ".join(written.split())
        if lang == source_lang or not written:
            return title
        ok = check_point(written, grounds, lang=lang, cited_lang=source_lang).ok
        return written if ok else title


# The name the configuration and older code know it by.
OpenAISummarizer = LLMSummarizer
__all__ = ["DailyBudget", "LLMSummarizer", "OpenAISummarizer", "ReplyCache", "article_hash"]

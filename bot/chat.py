"""The chat commands without the bot around them, for ``newsbrief command``: the store and the
command core, nothing that polls, posts or summarizes. Most commands only read or change the
store (/subscriptions, /brief <words>, /feeds list …), so the fetcher (aiohttp), the feed parsers
(feedparser, lxml) and the summarizer load only when a command first leaves it (/brief <link>,
/feeds add): a chat command costs about what its store work costs, not a full start-up (issue
26). What a command queues is posted by ``run``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot import redact
from bot.clock import Clock, now_utc
from bot.commands import CommandCore
from bot.config import Secrets, Settings, secret_values
from bot.models import Brief
from bot.startup import command_core, open_store, with_default_destination
from bot.store import Database

if TYPE_CHECKING:  # the types only: the briefer (aiohttp, parsers, summarizer) and feed
    # management load on first use
    from bot.briefing import Briefer
    from bot.feeds.manage import ReadFeed


class LateBriefer:
    """The fetcher, summarizer and briefer ``App`` builds, built by the first command that
    reads a feed or briefs a link; ``aclose`` closes them if they were."""

    def __init__(self, settings: Settings, secrets: Secrets, db: Database) -> None:
        self.settings = settings
        self.secrets = secrets
        self.db = db
        self._briefer: Briefer | None = None

    def briefer(self) -> Briefer:
        if self._briefer is None:
            # the fetcher (aiohttp), the parsers and the summarizer: heavy, and most chat
            # commands never leave the store
            from bot.briefing import Briefer
            from bot.factories import make_fetcher, make_summarizer
            from bot.summarize.llm_ledger import StoreLedger

            summarizer = make_summarizer(self.settings, self.secrets, ledger=StoreLedger(self.db))
            self._briefer = Briefer(fetcher=make_fetcher(self.settings), summarizer=summarizer,
                                    points=self.settings.summarizer.points)
        return self._briefer

    async def brief_url(self, url: str) -> Brief:
        return await self.briefer().brief_url(url)

    async def read_feed(self, url: str, *, find: bool = True) -> ReadFeed:
        # the feed reader (feedparser, lxml): only for /feeds add
        from bot.feeds.reading import fetch_feed

        return await fetch_feed(url, fetcher=self.briefer().fetcher, find=find)

    async def aclose(self) -> None:
        if self._briefer is None:
            return
        # bot.summarize (its package loads the summarizers): already loaded with the briefer,
        # and at the top it would load them for every chat command
        from bot.summarize.base import close_summarizer

        await close_summarizer(self._briefer.summarizer)
        await self._briefer.fetcher.aclose()


@dataclass
class ChatApp:
    db: Database
    commands: CommandCore
    late: LateBriefer

    @classmethod
    async def create(cls, settings: Settings, secrets: Secrets, *,
                     clock: Clock = now_utc) -> ChatApp:
        """The store opened as ``App.create`` opens it (migrated, configured feeds and
        destinations synced), and the command core over it."""
        settings = with_default_destination(settings)
        redact.remember(secret_values(settings, secrets))  # stored error texts never hold them
        db = await open_store(settings, clock=clock)
        late = LateBriefer(settings, secrets, db)
        commands = command_core(settings, db, clock=clock, brief_url=late.brief_url,
                                read_feed=late.read_feed)
        return cls(db, commands, late)

    async def close(self) -> None:
        await self.late.aclose()
        await self.db.close()

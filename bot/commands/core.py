"""The command core: one platform-neutral entry point that checks limits, dispatches by name and
turns every failure into a reply. Adapters only build the ``CommandRequest``."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from bot import i18n
from bot.clock import now_utc
from bot.commands import usage
from bot.commands.base import (
    BriefUrl,
    CommandError,
    Context,
    Handler,
    error,
    known_tags,
)
from bot.delivery import CommandReply, CommandRequest, Pacing
from bot.feeds.textclean import clean_inline
from bot.i18n import _
from bot.logs import get_log
from bot.netguard import AddressPolicy, shown_url
from bot.outbox.pacing import TokenBucket
from bot.store import destinations as dest_store
from bot.store import servers as server_store
from bot.store.db import Database
from bot.store.feeds import server_feeds
from bot.tags import TagNormaliser

if TYPE_CHECKING:  # the type only: feed management (its store modules, OPML) is /feeds's
    from bot.feeds.manage import FeedReader

log = get_log(__name__)

@dataclass(frozen=True, slots=True)
class ChatCommand:
    """One entry of the command table: what runs it, and its usage line, which /help lists (so
    a command added here is in /help without anyone remembering to add it)."""

    handler: Handler
    usage: str  # N_(): "Usage: /name …", translated when said


@dataclass(frozen=True, slots=True)
class LazyHandler:
    """The handler ``function`` of ``bot.commands.<module>``, imported when it first runs: a
    command loads its own module and not the others' (the digest and story routing, feed
    management), which every chat command from the CLI would otherwise pay for at start (issue
    26). The names are strings no type checker follows: test_commands imports every one."""

    module: str
    function: str

    def resolve(self) -> Handler:
        handler: Handler = getattr(importlib.import_module(f"bot.commands.{self.module}"),
                                   self.function)
        return handler

    async def __call__(self, ctx: Context, req: CommandRequest) -> CommandReply:
        return await self.resolve()(ctx, req)


def _handler(module: str, function: str) -> Handler:
    return LazyHandler(module, function)


COMMANDS: dict[str, ChatCommand] = {
    "brief": ChatCommand(_handler("brief", "brief"), usage.BRIEF),
    "subscribe": ChatCommand(_handler("subscribe", "subscribe"), usage.SUBSCRIBE),
    "unsubscribe": ChatCommand(_handler("subscribe", "unsubscribe"), usage.UNSUBSCRIBE),
    "subscriptions": ChatCommand(_handler("subscribe", "subscriptions"), usage.SUBSCRIPTIONS),
    "digest": ChatCommand(_handler("digest", "digest"), usage.DIGEST),
    "feeds": ChatCommand(_handler("feeds", "feeds"), usage.FEEDS),
    "updates": ChatCommand(_handler("updates", "updates"), usage.UPDATES),
    "settings": ChatCommand(_handler("settings", "settings"), usage.SETTINGS),
    "why": ChatCommand(_handler("why", "why"), usage.WHY),
}
MAX_ARGS = 1000
USER_RATE = Pacing(rate=0.5, burst=5)  # a person: five quick commands, then one per 2 s
DESTINATION_RATE = Pacing(rate=1.0, burst=10)  # a channel, whoever types
MAX_BUCKETS = 10_000  # forget the oldest callers first; a full bucket is the default anyway


async def run_handler(name: str, handler: Handler, ctx: Context,
                      req: CommandRequest) -> CommandReply:
    """``handler``'s reply, every failure an error reply: the chat core and the dashboard answer
    a failing command alike (the dashboard has no traceback page for a handler's bug)."""
    try:
        return await handler(ctx, req)
    except CommandError as exc:
        return error(str(exc))
    except ImportError as exc:  # the handler's module (or one it needs) would not load
        log.exception("command.unavailable", command=name, module=exc.name,
                      where=req.where.ref)
        return error(_("/{name} is unavailable just now; it has been logged.", name=name))
    except Exception:
        log.exception("command.failed", command=name, where=req.where.ref)
        return error(_("Something went wrong handling that command; it has been logged."))


def help_text() -> str:
    """Every command in the table, each by its usage line without the "Usage:" word (found as
    the text before the first slash, whatever the language)."""
    lines = [_(command.usage) for command in COMMANDS.values()]
    return "\n".join([_("Commands:"), *(line[line.find("/"):] for line in lines)])


def split_command(line: str) -> tuple[str, str]:
    """``"/subscribe ai dm"`` → ``("subscribe", "ai dm")``, for the console and the CLI."""
    name, _, args = line.strip().partition(" ")
    return name.lstrip("/!").lower(), args.strip()


class CommandCore:
    """``await core.handle(request)`` never raises; ``await core.suggest("tag", "a")`` feeds
    autocomplete. ``clock`` drives both the stored timestamps and the rate limits."""

    def __init__(self, *, db: Database, brief_url: BriefUrl | None = None,
                 clock: Callable[[], datetime] = now_utc,
                 user_rate: Pacing = USER_RATE,
                 destination_rate: Pacing = DESTINATION_RATE,
                 policy: AddressPolicy | None = None, max_feeds_per_channel: int = 100,
                 max_subscriptions: int = 50, max_feeds_per_server: int = 300,
                 max_subscriptions_per_server: int = 500,
                 tag_aliases: dict[str, list[str]] | None = None,
                 digest_stories: int = 10, read_feed: FeedReader | None = None) -> None:
        self.db = db
        self.read_feed = read_feed  # /feeds add reads the feed first (bot.feeds.manage)
        self.policy = policy or AddressPolicy()
        self.max_feeds_per_channel = max_feeds_per_channel
        self.max_subscriptions = max_subscriptions
        self.max_feeds_per_server = max_feeds_per_server
        self.max_subscriptions_per_server = max_subscriptions_per_server
        self.tags = TagNormaliser(tag_aliases)
        self.digest_stories = digest_stories
        self.brief_url = brief_url
        self.clock = clock
        self.user_rate = user_rate
        self.destination_rate = destination_rate
        self._buckets: dict[str, TokenBucket] = {}

    def _bucket(self, key: str, pacing: Pacing) -> TokenBucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= MAX_BUCKETS:
                self._buckets.pop(next(iter(self._buckets)))
            bucket = TokenBucket(pacing.rate, pacing.burst,
                                 clock=lambda: self.clock().timestamp())
            self._buckets[key] = bucket
        return bucket

    def _allowed(self, req: CommandRequest) -> bool:
        user = self._bucket(f"user:{req.where.platform}:{req.user}", self.user_rate)
        where = self._bucket(f"where:{req.where.ref}", self.destination_rate)
        # Check both before taking, so a refusal by one does not spend the other's token.
        if user.delay() > 0 or where.delay() > 0:
            return False
        return user.try_acquire() and where.try_acquire()

    async def handle(self, req: CommandRequest) -> CommandReply:
        """Answer in the caller's language, else the channel's, else English."""
        req = await self._server_language(req)
        with i18n.use(await self._language(req)):
            return await self._handle(req)

    async def _server_language(self, req: CommandRequest) -> CommandRequest:
        """The server's language (an admin's choice, else what the platform reports) becomes
        the channel's default, so that a channel created by this command speaks it."""
        if req.server is None or req.operator:
            return req
        reported = i18n.language(req.server_locale)
        try:
            async with self.db.read() as reader:  # nearly always known: no write lock
                found = await server_store.get_locale(reader, req.server)
            if found is None and reported:
                async with self.db.begin() as conn:
                    found = await server_store.note_platform_locale(conn, req.server, reported,
                                                                    now=self.clock())
        except Exception:  # a reply must not fail for want of its language
            log.exception("command.server_locale_failed", server=req.server)
            return req
        if found is None:
            return req
        return replace(req, where=replace(req.where, locale=found.locale))

    async def _language(self, req: CommandRequest) -> str:
        if i18n.language(req.locale):
            return i18n.choose(req.locale)
        try:
            async with self.db.begin() as conn:
                row = await dest_store.get(conn, req.where.ref)
        except Exception:  # the reply must not fail for want of its language
            log.exception("command.locale_lookup_failed", where=req.where.ref)
            row = None
        return i18n.choose(row.locale if row else None, req.where.locale)

    async def _handle(self, req: CommandRequest) -> CommandReply:
        name = req.command.strip().lstrip("/").lower()
        if name == "help":
            return CommandReply(text=help_text())
        command = COMMANDS.get(name)
        if command is None:
            return error(_("Unknown command “{name}”.", name=name[:30]) + "\n" + help_text())
        handler = command.handler
        if len(req.args) > MAX_ARGS:
            return error(_("That is too long (at most {limit} characters).", limit=MAX_ARGS))
        # As feed text is cleaned: no controls (NUL, which PostgreSQL refuses, ESC, BEL), no
        # bidi overrides or invisible characters reach storage, replies or logs.
        req = replace(req, args=clean_inline(req.args))
        if not self._allowed(req):
            log.info("command.rate_limited", command=name, user=req.user, where=req.where.ref)
            return error(_("Too many commands just now; try again in a few seconds."))
        ctx = self.context(timezone=await self._timezone(req))
        result = await run_handler(name, handler, ctx, req)
        if result.timezone is None:  # decided here once, so no command's reply keeps UTC
            result.timezone = ctx.timezone
        log.info("command.handled", command=name, user=req.user, where=req.where.ref,
                 error=result.error)
        return result

    async def _timezone(self, req: CommandRequest) -> str:
        """The clock of where the command was typed: the channel's stored time zone; in a DM,
        the caller's DM destination's; else UTC."""
        ref = req.dm.ref if req.in_dm and req.dm is not None else req.where.ref
        try:
            async with self.db.read() as reader:
                row = await dest_store.get(reader, ref)
        except Exception:  # a reply must not fail for want of its clock
            log.exception("command.timezone_lookup_failed", where=ref)
            row = None
        return row.timezone if row is not None else "UTC"

    def context(self, *, timezone: str = "UTC") -> Context:
        """What a handler runs with: this core's limits and services, at the clock's now, and
        the time zone of where the command was typed."""
        return Context(db=self.db, now=self.clock(), brief_url=self.brief_url, timezone=timezone,
                       policy=self.policy, max_feeds_per_channel=self.max_feeds_per_channel,
                       max_subscriptions=self.max_subscriptions, tags=self.tags,
                       max_feeds_per_server=self.max_feeds_per_server,
                       max_subscriptions_per_server=self.max_subscriptions_per_server,
                       digest_stories=self.digest_stories, read_feed=self.read_feed)

    async def suggest(self, kind: str, prefix: str, server: str | None = None, *,
                      limit: int = 25) -> list[str]:
        """Autocomplete choices: ``tag`` (most used first) or ``feed`` (titles, else redacted
        URLs, of the feeds ``server`` uses: another server's feeds are never offered)."""
        needle = prefix.strip().lstrip("#").casefold()[:100]
        async with self.db.begin() as conn:
            if kind == "tag":
                tags = await known_tags(conn, None if server is None else (server,))
                return [t for t, _ in tags.most_common() if t.startswith(needle)][:limit]
            if kind == "feed" and server is not None:
                found = []
                for row in await server_feeds(conn, server):
                    shown = row.title or shown_url(row.url)
                    if needle in shown.casefold():
                        found.append(shown)
                return found[:limit]
        return []

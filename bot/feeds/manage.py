"""Feed management, one set of rules for every door (issue 14.4): chat's ``/feeds``, the
``newsbrief feeds`` CLI and the dashboard's Feeds page only parse input and format what this
returns; the configuration file checks its URLs with the same :mod:`bot.feeds.rules`.

The rules: a feed URL is http(s) with a host, no credentials and not too long; it does not point
at a private or reserved address (IP literals for everyone, and, for a remote user, the
addresses its name resolves to); a channel and a server may add only so many feeds; tags are
normalised; a URL already stored is not added twice; optionally the feed is fetched once and its
newest item briefed before it is saved (the preview check). Who asks is an :class:`Actor`, which
also says whose feeds it sees: a chat server's own, or (the operator) every feed.

Results are typed; refusals are :class:`FeedError` subclasses whose text is the translated
message a door shows."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from bot.clock import now_utc
from bot.errors import BlockedAddress, FetchError, NewsbriefError
from bot.feeds import opml, rules
from bot.i18n import _
from bot.models import Brief, ParsedFeed
from bot.netguard import AddressPolicy, resolve, shown_url
from bot.store import destinations as dest_store
from bot.store import feeds as feed_store
from bot.store import outbox as outbox_store
from bot.store import reactions as reaction_store
from bot.store import tenancy
from bot.store.db import Database
from bot.store.feeds import FeedRow

if TYPE_CHECKING:  # the type only: discovery reads pages with lxml, which only /feeds add needs
    from bot.feeds import discover

RESOLVE_TIMEOUT = 5.0  # seconds; a name that does not resolve by then is the fetcher's to report


# -- who asks ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Actor:
    """Who asks, and so which rules and whose feeds apply.

    ``where``: the channel adding feeds (stored as ``added_by``; the per-channel limit counts
    them). ``server``: its platform server (``added_server``; the per-server limit). ``scope``:
    the servers whose feeds it sees and controls, the first being the one a new feed is linked
    to; None is the operator, who sees every feed. ``remote``: a person on a chat platform or
    the web, whose feed names are resolved and refused when they point at a private address."""

    where: str | None = None
    server: str | None = None
    scope: tuple[str, ...] | None = None
    remote: bool = False


OPERATOR = Actor()  # the shell: every feed, no limits, the operator's own network


def private_address_refusal() -> str:
    # one wording for every door; it names the setting, since only the operator can lift it
    return _("it points at a private or reserved address (the operator can allow its "
             "network in network.allow_private)")


def feed_ref(typed: str) -> str:
    """A feed as a person names it: its URL, its id, or its id as every listing shows it
    (``#3``, quoted in a shell or not). The one place every door (CLI, chat, dashboard) reads
    it."""
    text = typed.strip()
    return text[1:] if text.startswith("#") and text[1:].isdigit() else text


@dataclass(frozen=True, slots=True)
class FeedLimits:
    per_channel: int = 100
    per_server: int = 300


# -- what it returns ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class FeedPreview:
    """The brief of a feed's newest item, made before the feed is saved. ``url``: the feed's
    own URL when the one asked was a site's page that named it (``found``: every feed found)."""

    brief: Brief
    items: int
    title: str | None
    url: str | None = None
    found: tuple[discover.Candidate, ...] = ()


@dataclass(frozen=True, slots=True)
class ReadFeed:
    """A URL read as a feed: the feed's own URL (the one asked, or the first feed the page
    asked for names), its parse, and every feed found when the URL asked was a page."""

    url: str
    feed: ParsedFeed
    found: tuple[discover.Candidate, ...] = ()


@dataclass(frozen=True, slots=True)
class Added:
    feed_id: int
    url: str
    created: bool  # a new feed row
    linked: bool  # the actor's server now uses a feed that existed
    preview: FeedPreview | None = None
    tags: tuple[str, ...] = ()  # the actor's server's own tags for it, when it gave some
    asked: str | None = None  # the site's page asked for, when the feed was found on it
    found: tuple[discover.Candidate, ...] = ()  # every feed that page named, the first taken

    def discovery(self) -> str | None:
        """What discovery found, for the reply: the page asked, the feed taken, the others."""
        if self.asked is None or not self.found:
            return None
        others = [shown_url(c.url) for c in self.found if c.url != self.url]
        text = _("{page} is a web page, not a feed; it names {feed}, which was added.",
                 page=shown_url(self.asked), feed=shown_url(self.url))
        if others:
            text += " " + _("It names other feeds too (add one of them instead if you meant "
                            "it): {others}", others=", ".join(others))
        return text

    @property
    def present(self) -> bool:
        """Nothing changed: the feed was there already, and used by the actor's server."""
        return not self.created and not self.linked

    def message(self) -> str:
        found = self.discovery()
        said = self._said()
        return f"{found}\n{said}" if found else said

    def _said(self) -> str:
        shown = shown_url(self.url)
        if self.present and self.tags:
            return _("Already reading {url} (feed {id}); this server tags it {tags}.",
                     url=shown, id=self.feed_id, tags=", ".join(self.tags))
        if self.present:
            return _("Already reading {url} (feed {id}).", url=shown, id=self.feed_id)
        if shown != self.url:  # a private feed's token stays out of a public reply
            return _("Added feed {id}: {url}. It will be read at the next poll; follow it "
                     "here with /subscribe feed:<its URL>.", id=self.feed_id, url=shown)
        return _("Added feed {id}: {url}. It will be read at the next poll; follow it here "
                 "with /subscribe feed:{url}", id=self.feed_id, url=self.url)


@dataclass(frozen=True, slots=True)
class Removed:
    feed_id: int
    name: str
    asked: str  # the URL or id as the actor named it
    servers: tuple[str, ...] = ()  # the servers that stopped using it; (): deleted outright

    def message(self) -> str:
        if self.servers:
            return _("Removed feed {id} ({name}) from this server.", id=self.feed_id,
                     name=self.name)
        return _("Removed {feed}.", feed=self.asked)


@dataclass(frozen=True, slots=True)
class Changed:
    """A feed enabled or disabled."""

    feed_id: int
    name: str
    asked: str
    enabled: bool

    def message(self) -> str:
        if self.enabled:
            return _("Re-enabled {feed}; it is polled again now.", feed=self.asked)
        return _("Disabled {name}.", name=self.name)


@dataclass(frozen=True, slots=True)
class PausedDestination:
    ref: str
    reason: str | None
    held: int  # messages waiting for the resume
    dropped: int  # expired while paused


@dataclass(slots=True)
class FeedStatus:
    feeds: list[FeedRow]
    paused: list[PausedDestination]
    votes: dict[tuple[str, str], Counter[str]]  # (feed name, tag) -> votes by emoji
    votes_by_feed: dict[int, Counter[str]] = field(default_factory=dict)

    def votes_of(self, feed_id: int) -> tuple[int, int]:
        """(👍, 👎) on the feed's briefs."""
        counts = self.votes_by_feed.get(feed_id, Counter())
        return counts[reaction_store.UP], counts[reaction_store.DOWN]


# -- what it refuses ---------------------------------------------------------------------------

class FeedError(NewsbriefError):
    """A refusal; ``str()`` is the translated message. ``usage``: the request itself is
    malformed (the CLI exits 2 for these), rather than refused in the present state."""

    usage = False


class BadFeedUrl(FeedError):
    usage = True

    def __init__(self, reason: str) -> None:
        super().__init__(_("Cannot add that feed: {reason}.", reason=reason))
        self.reason = reason


class TooManyTags(FeedError):
    usage = True

    def __init__(self) -> None:
        super().__init__(_("At most {limit} tags per feed.", limit=rules.MAX_TAGS))


class FeedLimit(FeedError):
    def __init__(self, message: str) -> None:
        super().__init__(message)


class NoSuchFeed(FeedError):
    def __init__(self, url_or_id: str) -> None:
        super().__init__(_("This server has no feed {feed}.",
                           feed=shown_url(url_or_id[:rules.MAX_URL])[:100]))
        self.asked = url_or_id


class SharedFeed(FeedError):
    def __init__(self, name: str) -> None:
        super().__init__(_("{name} is used by other servers too, so it cannot be disabled "
                           "here; remove it from yours instead.", name=name))


class OperatorFeed(FeedError):
    """A server asked to remove, enable or disable a feed of the operator's: it is read by every
    server, so only the operator controls it."""

    def __init__(self, name: str) -> None:
        super().__init__(_("{name} is the operator's feed, read by every server; only the "
                           "operator can remove, enable or disable it.", name=name))


class NotPaused(FeedError):
    def __init__(self) -> None:
        super().__init__(_("Posting here is not paused."))


class PreviewFailed(FeedError):
    pass


class NotAFeed(FeedError):
    """What the URL answered is not a feed that can be read (an HTTP error, a web page)."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(_("Cannot add {url}: {reason}.", url=shown_url(url), reason=reason))
        self.reason = reason


Previewer = Callable[[str], Awaitable[FeedPreview]]
class FeedReader(Protocol):
    """fetch_feed with its fetcher bound."""

    async def __call__(self, url: str, *, find: bool = True) -> ReadFeed: ...


# -- the service -------------------------------------------------------------------------------

class FeedService:
    def __init__(self, db: Database, *, policy: AddressPolicy | None = None,
                 limits: FeedLimits | None = None, clock: Callable[[], datetime] = now_utc,
                 preview: Previewer | None = None, read: FeedReader | None = None) -> None:
        self.db = db
        self.policy = policy or AddressPolicy()
        self.limits = limits or FeedLimits()
        self.clock = clock
        self.preview = preview
        self.read = read  # set: a feed is fetched and read before it is added (chat)

    async def check_url(self, url: str, actor: Actor) -> None:
        """Raise BadFeedUrl unless ``url`` may be added by ``actor``."""
        problem = rules.url_problem(url) or self._literal_problem(url)
        if problem is None and actor.remote:
            problem = await self._resolved_problem(url)
        if problem:
            raise BadFeedUrl(problem)

    def _literal_problem(self, url: str) -> str | None:
        try:
            self.policy.check_url(url)
        except BlockedAddress:
            return private_address_refusal()
        except FetchError:
            return _("that is not a valid URL")
        return None

    async def _resolved_problem(self, url: str) -> str | None:
        """Refuse a name on a private address now, with a reply, rather than store one that
        every poll would refuse. The fetcher checks again at connect time (DNS can change)."""
        parsed = self.policy.check_url(url)
        try:
            async with asyncio.timeout(RESOLVE_TIMEOUT):
                addresses = await resolve(parsed.host or "", parsed.port or 443)
        except (OSError, TimeoutError):
            return None  # unresolvable now; the fetcher reports it, and vets the address then
        if not any(self.policy.is_allowed(address) for address in addresses):
            return private_address_refusal()
        return None

    async def add(self, url: str, *, actor: Actor, tags: Sequence[str] = (),
                  title: str | None = None, check: bool = False, find: bool = True) -> Added:
        """Add (or, for a server, start using) a feed. ``check``: fetch it and brief its newest
        item first, so a URL that is not a feed is found now, not after ten failed polls."""
        await self.check_url(url, actor)
        if len(tags) > rules.MAX_TAGS:
            raise TooManyTags()
        clean = rules.normalise_tags(list(tags))
        preview = await self._preview(url) if check else None
        asked: str | None = None
        found: tuple[discover.Candidate, ...] = ()
        if preview is not None and preview.url not in (None, url):
            asked, found, url = url, preview.found, preview.url or url
        elif self.read is not None and preview is None:
            async with self.db.read() as conn:  # a refused add fetches nothing
                await self._within_limits(conn, actor)
            # NotAFeed: nothing is stored, the reply says why; ``find``: a site's page leads
            # to its feed (bot.feeds.discover)
            read = await self.read(url, find=find)
            if read.url != url:
                asked, found, url = url, read.found, read.url
        if asked is not None:  # the feed a page named passes the same URL rules
            await self.check_url(url, actor)
        now = self.clock()
        home = actor.scope[0] if actor.scope else None
        async with self.db.begin() as conn:
            await self._within_limits(conn, actor)
            # The operator's feed (CLI, OPML, the operator's dashboard) is everyone's, with the
            # operator's tags; a server's add records its channel, and its tags only on its
            # link, so they reach that server's destinations (bot.store.tenancy) and no other's
            feed_id, created = await feed_store.add_feed(
                conn, url, now=now, title=title, tags=clean if home is None else [],
                added_by=tenancy.OPERATOR_OWNER if actor.scope is None else actor.where,
                added_server=actor.server)
            linked = home is not None and await feed_store.link_server(
                conn, feed_id, home, now=now, tags=clean, added_by=actor.where)
        return Added(feed_id, url, created, linked, preview, tuple(clean), asked, found)

    async def _within_limits(self, conn: Any, actor: Actor) -> None:
        if actor.where is not None and \
                await feed_store.count_added_by(conn, actor.where) >= self.limits.per_channel:
            raise FeedLimit(_("This channel has reached its limit of {limit} feeds; remove one "
                              "first.", limit=self.limits.per_channel))
        if actor.server is not None and len(await feed_store.server_feeds(
                conn, actor.server)) >= self.limits.per_server:
            # feeds this server uses, its own or shared with another server
            raise FeedLimit(_("This server has reached its limit of {limit} feeds; remove one "
                              "first.", limit=self.limits.per_server))

    async def _preview(self, url: str) -> FeedPreview:
        if self.preview is None:
            raise PreviewFailed(_("Previews are not available in this process."))
        return await self.preview(url)

    async def _find(self, conn: Any, url_or_id: str, actor: Actor) -> FeedRow:
        row = await feed_store.find_servers_feed(conn, actor.scope, feed_ref(url_or_id))
        if row is None:
            raise NoSuchFeed(url_or_id)
        return row

    async def _controlled(self, conn: Any, url_or_id: str, actor: Actor) -> FeedRow:
        """``_find``, for a change: a server may change only a feed that is not the
        operator's, which every server reads (a linked server's tags do not make it its own)."""
        row = await self._find(conn, url_or_id, actor)
        if actor.scope is not None and tenancy.is_operator_owner(row.added_by):
            raise OperatorFeed(row.title or shown_url(row.url))
        return row

    async def remove(self, url_or_id: str, *, actor: Actor) -> Removed:
        """The operator deletes the feed; a server only stops using it (the feed goes when no
        server uses it any more). A dashboard admin of several servers unlinks all of theirs."""
        async with self.db.begin() as conn:
            row = await self._controlled(conn, url_or_id, actor)
            name = row.title or shown_url(row.url)
            if actor.scope is None:
                await feed_store.remove_feed(conn, str(row.id))
                return Removed(row.id, name, url_or_id)
            mine = [s for s in await feed_store.servers_using(conn, row.id) if s in actor.scope]
            for server in mine:
                await feed_store.unlink_server(conn, row.id, server)
        return Removed(row.id, name, url_or_id, tuple(mine))

    async def enable(self, url_or_id: str, *, actor: Actor) -> Changed:
        async with self.db.begin() as conn:
            row = await self._controlled(conn, url_or_id, actor)
            await feed_store.enable_feed(conn, str(row.id), now=self.clock())
        return Changed(row.id, row.title or shown_url(row.url), url_or_id, enabled=True)

    async def disable(self, url_or_id: str, *, actor: Actor, reason: str) -> Changed:
        """Stop polling a feed. It stops for every server that uses it, so a server may disable
        only a feed no other server uses: shared storage, not shared control."""
        async with self.db.begin() as conn:
            row = await self._controlled(conn, url_or_id, actor)
            name = row.title or shown_url(row.url)
            if actor.scope is not None and any(
                    s not in actor.scope for s in await feed_store.servers_using(conn, row.id)):
                raise SharedFeed(name)
            await feed_store.disable_feed(conn, row.id, now=self.clock(), reason=reason)
        return Changed(row.id, name, url_or_id, enabled=False)

    async def feeds(self, actor: Actor) -> list[FeedRow]:
        """The feeds the actor uses, each with its server's own tags beside the feed's."""
        async with self.db.read() as conn:
            rows = await feed_store.servers_feeds(conn, actor.scope)
            if actor.scope is None:
                return rows
            own = await feed_store.link_tags(conn, [row.id for row in rows], actor.scope)
        return [replace(row, tags=list(dict.fromkeys([*row.tags, *own.get(row.id, [])])))
                for row in rows]

    async def status(self, actor: Actor) -> FeedStatus:
        """Feeds in scope, paused destinations (the actor's server's and channel's; all for the
        operator) with what they hold, and the 👍 / 👎 votes on those feeds' briefs."""
        async with self.db.read() as conn:
            rows = await feed_store.servers_feeds(conn, actor.scope)
            if actor.scope is None:
                paused_rows = await feed_store.paused_destinations(conn, None, None)
            else:
                paused_rows = await feed_store.paused_destinations(conn, actor.server,
                                                                   actor.where)
            paused = []
            for dest in paused_rows:
                counts = await outbox_store.outbox_counts(conn, dest.id)
                paused.append(PausedDestination(dest.ref, dest.reason, counts.get("pending", 0),
                                                counts.get("expired", 0)))
            ids = None if actor.scope is None else [row.id for row in rows]
            votes = await reaction_store.vote_counts(conn, ids, actor.scope)
            by_feed = await reaction_store.votes_by_feed(conn, ids, actor.scope)
        return FeedStatus(rows, paused, votes, by_feed)

    async def resume(self, ref: str) -> None:
        """Resume posting to a paused destination (the platform said gone or forbidden, and the
        cause is fixed); its held messages are due at once. NotPaused when it was not."""
        async with self.db.begin() as conn:
            dest = await dest_store.get(conn, ref)
            if dest is None or dest.paused_at is None:
                raise NotPaused()
            await dest_store.resume(conn, dest.id, now=self.clock())

    async def import_opml(self, data: bytes, *, actor: Actor,
                          progress: Callable[[int, int], None] | None = None,
                          max_feeds: int = opml.MAX_FEEDS) -> opml.ImportSummary:
        """Import an OPML list. The operator's is one statement per batch (10,000 feeds in
        minutes); a server's goes through :meth:`add` feed by feed, so its limits hold and each
        refusal is reported. Raises OpmlError when the file as a whole is unusable."""
        if actor.scope is None:
            return await opml.import_opml(self.db, data, now=self.clock(), progress=progress,
                                          refuse=self._literal_problem)
        read = opml.parse_opml(data, max_feeds=max_feeds)
        summary = opml.ImportSummary(skipped=read.skipped)
        for done, feed in enumerate(read.feeds, start=1):
            try:
                # a list names feeds: no discovery, or one list of pages would make each line
                # up to ten fetches of hosts the pages choose
                added = await self.add(feed.url, actor=actor, tags=feed.tags, title=feed.title,
                                       find=False)
            except FeedError as exc:
                summary.problems.append(f"{feed.url}: {exc}")
            else:
                summary.added += not added.present
                summary.present += added.present
            if progress is not None:
                progress(done, len(read.feeds))
        return summary

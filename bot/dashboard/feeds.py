"""The Feeds page: status of every feed in scope (with the 👍 / 👎 its briefs got); add (with a
preview of its newest brief), enable, disable, remove; OPML import with progress, and export.

Adding, enabling, disabling, removing and importing go through bot.feeds.manage, as chat's
``/feeds`` and the CLI do, so URL checks, the private address guard, per-channel and per-server
limits and scoping are the same rules: a server admin sees the feeds their servers use
(``feed_store.servers_feeds``), and removing a feed another server also uses only unlinks it;
the operator sees all and removes outright, and imports in bulk, as at the CLI; anyone else's
import is added one feed at a time under their limits."""

from __future__ import annotations

import asyncio
import re
import secrets as random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from bot.dashboard.auth import SESSION, Principal
from bot.dashboard.pages import ago, brief_for, feed_health, show_message
from bot.dashboard.paging import pager
from bot.dashboard.server import Dashboard
from bot.delivery import Destination
from bot.feeds.manage import Actor, FeedError, FeedLimits, FeedService, NoSuchFeed
from bot.feeds.opml import OpmlError, OpmlFeed, OpmlRead, parse_opml, write_opml
from bot.logs import get_log
from bot.routing.feedback import Votes, effect
from bot.store import dashboard as queries
from bot.store import feeds as feed_store
from bot.store import reactions as reaction_store

log = get_log(__name__)

MAX_OPML_FEEDS = 2000
MAX_JOBS = 100
# Feeds the operator adds without naming a channel; also the "channel" of an enable or remove,
# which act on a whole server (or, for the operator, on the feed itself).
OPERATOR_WHERE = Destination("dashboard:")


@dataclass
class ImportJob:
    owner: str  # the principal's kind:user, so nobody else can watch it
    total: int
    done: int = 0
    added: int = 0
    present: int = 0  # already there (for this server: already used by it)
    skipped: Counter[str] = field(default_factory=Counter)  # outlines not imported, by reason
    problems: list[str] = field(default_factory=list)
    task: asyncio.Task[None] | None = None

    @property
    def finished(self) -> bool:
        return self.done >= self.total


def add_routes(dash: Dashboard) -> None:
    page = FeedsPage(dash)
    router = dash.app.router
    router.add_get("/feeds", page.index)
    router.add_post("/feeds/preview", page.preview)
    router.add_post("/feeds/add", page.add)
    router.add_post("/feeds/{id:\\d+}/{action:enable|disable|remove}", page.change)
    router.add_get("/feeds/export.opml", page.export)
    router.add_post("/feeds/import", page.import_opml)
    router.add_get("/feeds/import/{job}", page.import_progress)


def _owner(principal: Principal) -> str:
    return f"{principal.kind}:{principal.user}"


class FeedsPage:
    def __init__(self, dash: Dashboard) -> None:
        self.dash = dash
        self.jobs: dict[str, ImportJob] = dash.import_jobs

    async def _page(self, request: web.Request, *, status: int = 200,
                    **extra: Any) -> web.Response:
        servers = self.dash.scope(request).servers
        now = self.dash.services.clock()
        async with self.dash.services.db.read() as conn:
            every = await feed_store.servers_feeds(conn, servers)
            page, rows = pager(request).of_all(every)
            dests = await queries.scoped_destinations(conn, servers)
            votes = await reaction_store.votes_by_feed(conn, [r.id for r in rows], servers)
        feeds = [{"row": r, "health": feed_health(r), "last": ago(r.last_success_at, now),
                  "next": "due now" if r.next_check_at <= now else ago(r.next_check_at, now),
                  "up": votes.get(r.id, Counter())[reaction_store.UP],
                  "down": votes.get(r.id, Counter())[reaction_store.DOWN],
                  "ranking": effect(Votes.of(votes[r.id]), "en") if r.id in votes else ""}
                 for r in rows]
        # the add form's channel list: names already known, never a lookup per channel in scope
        names = await self.dash.services.names.names(cached_channels=[d.row.ref for d in dests])
        context: dict[str, Any] = {"feeds": feeds, "total": len(every), "page": page,
                                   "names": names, "dests": dests, "error": None,
                                   "import_error": None, "form": {}, "preview": None}
        context.update(extra)
        return self.dash.render(request, "feeds.html", context, status=status)

    async def index(self, request: web.Request) -> web.Response:
        return await self._page(request)

    async def preview(self, request: web.Request) -> web.Response:
        form = await request.post()
        url = str(form.get("url") or "").strip()
        brief, problem = await brief_for(self.dash, url)
        views = show_message(self.dash, Destination("text:preview"), brief=brief) \
            if brief is not None else None
        preview = {"url": url, "error": problem, "views": views, "brief": brief}
        if request.headers.get("X-Requested-With") == "fetch":
            return self.dash.render(request, "feed_preview.html", {"preview": preview},
                                    status=400 if problem else 200)
        return await self._page(request, form=dict(form), preview=preview,
                                status=400 if problem else 200)

    async def _where(self, request: web.Request, dest_id: str
                     ) -> tuple[Destination, str | None] | str:
        """The channel a feed is added for (told when it fails), or why it cannot be."""
        principal: Principal = request[SESSION].principal
        if not dest_id and principal.operator:
            return OPERATOR_WHERE, None
        if not dest_id.isdigit():
            return "Choose the channel this feed is for."
        async with self.dash.services.db.read() as conn:
            found = await queries.scoped_destination(conn, int(dest_id), principal.servers)
        if found is None:
            return "That channel is not one you manage."
        return found.row.destination, found.server

    async def add(self, request: web.Request) -> web.Response:
        form = await request.post()
        url = str(form.get("url") or "").strip()
        tags = [t for t in re.split(r"[,\s]+", str(form.get("tags") or "")) if t]
        where = await self._where(request, str(form.get("destination") or ""))
        problem: str | None = None
        if not url or any(c.isspace() for c in url):
            problem = "Enter the feed's URL (no spaces)."
        elif isinstance(where, str):
            problem = where
        else:
            try:
                added = await self._service().add(url, actor=_adder(request, where), tags=tags)
            except FeedError as exc:
                problem = str(exc)
            else:
                return self.dash.redirect(request, "/feeds", added.message())
        return await self._page(request, error=problem, form=dict(form), status=400)

    def _service(self) -> FeedService:
        """The chat command's rules and limits (its core's policy, limits and clock)."""
        core = self.dash.services.commands
        return FeedService(self.dash.services.db, policy=core.policy, clock=core.clock,
                           limits=FeedLimits(core.max_feeds_per_channel,
                                             core.max_feeds_per_server),
                           read=core.read_feed)  # read first: a site's page finds its feed

    async def change(self, request: web.Request) -> web.Response:
        principal: Principal = request[SESSION].principal
        feed_id, action = request.match_info["id"], request.match_info["action"]
        # every server of this admin's at once (the operator: every feed)
        actor = Actor(scope=None if principal.servers is None else tuple(principal.servers),
                      remote=True)
        service = self._service()
        try:
            if action == "disable":
                done = await service.disable(feed_id, actor=actor,
                                             reason=f"disabled by {principal.name}")
            elif action == "enable":
                done = await service.enable(feed_id, actor=actor)
            else:
                removed = await service.remove(feed_id, actor=actor)
                named = [principal.servers.get(s, s) for s in removed.servers] \
                    if principal.servers and len(removed.servers) > 1 else []
                text = " ".join(f"{name}: {removed.message()}" for name in named) \
                    or removed.message()
                return self.dash.redirect(request, "/feeds", text)
        except NoSuchFeed:
            raise web.HTTPNotFound(text="No such feed among yours.") from None
        except FeedError as exc:
            return self.dash.redirect(request, "/feeds", str(exc))
        return self.dash.redirect(request, "/feeds", done.message())

    async def export(self, request: web.Request) -> web.Response:
        async with self.dash.services.db.read() as conn:
            rows = await feed_store.servers_feeds(conn, self.dash.scope(request).servers)
        text = write_opml([OpmlFeed(r.url, r.title, list(r.tags)) for r in rows])
        return web.Response(text=text, content_type="text/x-opml", headers={
            "Content-Disposition": 'attachment; filename="newsbrief-feeds.opml"'})

    async def import_opml(self, request: web.Request) -> web.Response:
        form = await request.post()
        upload = form.get("opml")
        # the whole request is capped by client_max_size, so the file is too
        data = upload.file.read() if isinstance(upload, web.FileField) else b""
        problem: str | None = None
        read: OpmlRead | None = None
        if not data:
            problem = "Choose an OPML file to import."
        else:
            try:  # the CLI's reader, caps and messages; off the event loop, it is CPU work
                read = await asyncio.to_thread(parse_opml, data, max_feeds=MAX_OPML_FEEDS)
            except OpmlError as exc:
                problem = f"Cannot import that file: {exc}."
            else:
                if not read.feeds:
                    problem = " ".join(["That file lists no http(s) feeds.",
                                        *_skipped_lines(read.skipped)])
        where = await self._where(request, str(form.get("destination") or ""))
        if problem is None and isinstance(where, str):
            problem = where
        if problem or read is None or isinstance(where, str):
            return await self._page(request, import_error=problem, status=400)
        principal: Principal = request[SESSION].principal
        while len(self.jobs) >= MAX_JOBS:
            self.jobs.pop(next(iter(self.jobs)))
        job_id = random.token_urlsafe(12)
        job = ImportJob(owner=_owner(principal), total=len(read.feeds), skipped=read.skipped)
        self.jobs[job_id] = job
        job.task = asyncio.create_task(self._import(request, job, data, where))
        return self.dash.redirect(request, f"/feeds/import/{job_id}")

    async def _import(self, request: web.Request, job: ImportJob, data: bytes,
                      where: tuple[Destination, str | None]) -> None:
        def progress(done: int, total: int) -> None:
            job.done = done

        try:
            summary = await self._service().import_opml(
                data, actor=_adder(request, where), progress=progress,
                max_feeds=MAX_OPML_FEEDS)
            job.added, job.present, job.skipped = summary.added, summary.present, summary.skipped
            job.problems += summary.problems
        except Exception:  # the page must finish and say so, not refresh for ever
            log.exception("dashboard.import_failed")
            job.problems.append("The import stopped on an internal error (logged); "
                                "what was imported before it stays.")
        job.done = job.total
        log.info("dashboard.imported", total=job.total, added=job.added, present=job.present,
                 skipped=sum(job.skipped.values()), problems=len(job.problems))

    async def import_progress(self, request: web.Request) -> web.Response:
        job = self.jobs.get(request.match_info["job"])
        if job is None or job.owner != _owner(request[SESSION].principal):
            raise web.HTTPNotFound(text="No such import.")
        return self.dash.render(request, "import.html", {"job": job})


def _adder(request: web.Request, where: tuple[Destination, str | None]) -> Actor:
    """Who adds a feed from this page: the chosen channel of the chosen server, as if its
    admin typed ``/feeds add`` there; the operator sees every feed, as at the CLI."""
    principal: Principal = request[SESSION].principal
    dest, server = where
    scope = None if principal.operator else (server or dest.ref,)
    return Actor(where=dest.ref, server=server, scope=scope, remote=True)


def _skipped_lines(skipped: Counter[str]) -> list[str]:
    return [f"Skipped {n}: {why}." for why, n in sorted(skipped.items())]

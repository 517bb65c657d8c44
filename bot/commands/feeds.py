"""/feeds add <url> [tags] | remove <url|id> | list | status — the feeds everyone reads from."""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.commands.base import Context, error, reply, require_admin, scope_of
from bot.delivery import CommandReply, CommandRequest
from bot.errors import FetchError
from bot.i18n import N_, _
from bot.netguard import credentials_in, resolve, shown_url
from bot.reactions import feedback_lines
from bot.store import destinations as dest_store
from bot.store import feeds as feed_store
from bot.store import reactions as reaction_store
from bot.store.schema import feeds as feeds_table
from bot.summarize.tags import normalise_tag

USAGE = N_("Usage: /feeds add <url> [tags…] | remove <url|id> | enable <url|id> | list | "
           "status | resume | test")
MAX_URL = 2048
MAX_TAGS = 10
MAX_LINES = 50  # a chat message, not a report; the CLI lists everything


def _valid_feed_url(url: str) -> str | None:
    """Why the URL cannot be a feed, or None. Chat users get http(s) only: file:// would read
    the bot's own disk. Private addresses are refused later by the fetcher's address guard."""
    if len(url) > MAX_URL:
        return _("that URL is too long")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return _("only http:// and https:// feeds can be added")
    if not parts.hostname:
        return _("that URL has no host")
    if credentials_in(url):
        return _("URLs with credentials are not accepted (they would be shown to everyone)")
    return None


async def feeds(ctx: Context, req: CommandRequest) -> CommandReply:
    words = req.args.split()
    action = words[0].lower() if words else ""
    if action == "add" and len(words) >= 2:
        require_admin(req)
        return await _add(ctx, req, words[1], words[2:])
    if action == "remove" and len(words) == 2:
        require_admin(req)
        return await _remove(ctx, req, words[1])
    if action == "enable" and len(words) == 2:
        require_admin(req)
        return await _enable(ctx, req, words[1])
    if action == "list" and len(words) == 1:
        return await _list(ctx, req)
    if action == "status" and len(words) == 1:
        return await _status(ctx, req)
    if action == "resume" and len(words) == 1:
        require_admin(req)
        return await _resume(ctx, req)
    if action == "test" and len(words) == 1:
        require_admin(req)
        return await _test(ctx, req)
    return error(_(USAGE))


def _no_feed(url_or_id: str) -> CommandReply:
    return error(_("This server has no feed {feed}.", feed=shown_url(url_or_id[:MAX_URL])[:100]))


async def _remove(ctx: Context, req: CommandRequest, url_or_id: str) -> CommandReply:
    """A server removes only its own use of a feed; the feed goes when no one uses it."""
    scope = scope_of(req)
    async with ctx.db.begin() as conn:
        if scope is None:
            removed = await feed_store.remove_feed(conn, url_or_id)
            return reply(_("Removed {feed}.", feed=url_or_id)) if removed else _no_feed(url_or_id)
        row = await feed_store.find_server_feed(conn, scope, url_or_id)
        if row is None:
            return _no_feed(url_or_id)
        await feed_store.unlink_server(conn, row.id, scope)
    return reply(_("Removed feed {id} ({name}) from this server.", id=row.id,
                   name=row.title or shown_url(row.url)))


async def _enable(ctx: Context, req: CommandRequest, url_or_id: str) -> CommandReply:
    scope = scope_of(req)
    async with ctx.db.begin() as conn:
        if scope is not None:
            row = await feed_store.find_server_feed(conn, scope, url_or_id)
            if row is None:
                return _no_feed(url_or_id)
            url_or_id = str(row.id)
        enabled = await feed_store.enable_feed(conn, url_or_id, now=ctx.now)
    return reply(_("Re-enabled {feed}; it is polled again now.", feed=url_or_id)) if enabled \
        else _no_feed(url_or_id)
async def _test(ctx: Context, req: CommandRequest) -> CommandReply:
    """Queue one sample brief, marked TEST MESSAGE, for this channel: it goes through the
    outbox and the real adapter, so it proves what a real brief would meet (permissions,
    pacing, rendering). Once a minute per channel, so it cannot be used to spam."""
    from bot.checks import sample_brief
    from bot.delivery import Digest, DigestSection
    from bot.outbox.worker import enqueue, outbox_key

    minute = ctx.now.replace(second=0, microsecond=0)
    test = Digest(title="TEST MESSAGE from newsbrief", period_start=ctx.now,
                  period_end=ctx.now, sections=[DigestSection("test", [sample_brief()])],
                  note="Asked for with /feeds test; real briefs will look like this.")
    async with ctx.db.begin() as conn:
        dest = await dest_store.get_or_create(conn, req.where, now=ctx.now)
        queued = await enqueue(conn, key=outbox_key("feeds-test", dest.id, minute.isoformat()),
                               destination_id=dest.id, now=ctx.now, digest=test)
    if not queued:
        return error(_("A test message was sent here less than a minute ago."))
    return reply(_("A test message is on its way to this channel."))


async def _resume(ctx: Context, req: CommandRequest) -> CommandReply:
    """Posting here was paused (the platform said gone or forbidden); the cause is fixed."""
    async with ctx.db.begin() as conn:
        row = await dest_store.get(conn, req.where.ref)
        if row is None or row.paused_at is None:
            return reply(_("Posting here is not paused."))
        await dest_store.resume(conn, row.id, now=ctx.now)
    return reply(_("Resumed: held messages will be posted here now."), ephemeral=False)


async def _private_address(ctx: Context, url: str) -> str | None:
    """Refuse a feed on a private address now, with a reply, rather than store one that every
    poll would refuse. The fetcher checks again at connect time (DNS can change)."""
    try:
        parsed = ctx.policy.check_url(url)
        async with asyncio.timeout(5):
            addresses = await resolve(parsed.host, parsed.port or 443)
    except FetchError as exc:
        return str(exc)
    except (OSError, TimeoutError):
        return None  # unresolvable now; the fetcher reports it, and vets the address at connect
    if not any(ctx.policy.is_allowed(address) for address in addresses):
        return _("it points at a private or reserved address")
    return None


async def _add(ctx: Context, req: CommandRequest, url: str, tags: list[str]) -> CommandReply:
    problem = _valid_feed_url(url) or await _private_address(ctx, url)
    if problem:
        return error(_("Cannot add that feed: {reason}.", reason=problem))
    if len(tags) > MAX_TAGS:
        return error(_("At most {limit} tags per feed.", limit=MAX_TAGS))
    clean = [t for t in (normalise_tag(tag)[:64] for tag in tags) if t]
    scope = scope_of(req)
    async with ctx.db.begin() as conn:
        added_here = (await conn.execute(
            select(func.count()).select_from(feeds_table)
            .where(feeds_table.c.added_by == req.where.ref)
        )).scalar_one()
        if added_here >= ctx.max_feeds_per_channel:
            return error(_("This channel has reached its limit of {limit} feeds; remove one "
                           "first.", limit=ctx.max_feeds_per_channel))
        if req.server is not None:
            # Feeds this server uses, its own or shared with another server.
            in_server = len(await feed_store.server_feeds(conn, req.server))
            if in_server >= ctx.max_feeds_per_server:
                return error(_("This server has reached its limit of {limit} feeds; remove "
                               "one first.", limit=ctx.max_feeds_per_server))
        feed_id, created = await feed_store.add_feed(conn, url, now=ctx.now, tags=clean,
                                                     added_by=req.where.ref,
                                                     added_server=req.server)
        linked = scope is not None and await feed_store.link_server(conn, feed_id, scope,
                                                                    now=ctx.now)
    shown = shown_url(url)
    if not created and not linked:
        return reply(_("Already reading {url} (feed {id}).", url=shown, id=feed_id))
    if shown != url:  # a private feed's token stays out of a public reply
        return reply(_("Added feed {id}: {url}. It will be read at the next poll; follow it "
                       "here with /subscribe feed:<its URL>.", id=feed_id, url=shown))
    return reply(_("Added feed {id}: {url}. It will be read at the next poll; follow it here "
                   "with /subscribe feed:{url}", id=feed_id, url=url), ephemeral=False)


async def _rows(conn: AsyncConnection, req: CommandRequest) -> list[Row[Any]]:
    scope = scope_of(req)
    if scope is None:
        return await feed_store.list_feeds(conn)
    return await feed_store.server_feeds(conn, scope)


async def _list(ctx: Context, req: CommandRequest) -> CommandReply:
    async with ctx.db.begin() as conn:
        rows = await _rows(conn, req)
    if not rows:
        return reply(_("No feeds yet.") + " " + _(USAGE))
    lines = [_("{count} feeds:", count=len(rows))]
    for row in rows[:MAX_LINES]:
        tags = f" [{', '.join(row.tags)}]" if row.tags else ""
        off = _(" (disabled)") if row.disabled_at else ""
        shown = shown_url(row.url)
        lines.append(f"{row.id}. {row.title or shown} — {shown}{tags}{off}")
    if len(rows) > MAX_LINES:
        lines.append(_("… and {count} more (newsbrief feeds list shows all).",
                       count=len(rows) - MAX_LINES))
    return reply("\n".join(lines))


async def _status(ctx: Context, req: CommandRequest) -> CommandReply:
    async with ctx.db.begin() as conn:
        rows = await _rows(conn, req)
        if scope_of(req) is None:
            paused = await feed_store.paused_destinations(conn, None, None)
        else:  # this server's destinations, and the channel asking
            paused = await feed_store.paused_destinations(conn, req.server, req.where.ref)
        votes = await reaction_store.vote_counts(
            conn, None if scope_of(req) is None else [row.id for row in rows])
    lines = [_("Feeds:")] if rows else [_("No feeds.")]
    for row in rows[:MAX_LINES]:
        name = row.title or shown_url(row.url)
        if row.disabled_at:
            state = _("disabled: {reason}", reason=row.disabled_reason or _("too many failures"))
        elif row.consecutive_failures:
            state = _("failing ({count}×): {error}", count=row.consecutive_failures,
                      error=(row.last_error or "")[:120])
        elif row.last_success_at:
            when = row.last_success_at.strftime("%Y-%m-%d %H:%M")
            state = _("ok, last read {when} UTC", when=when)
        else:
            state = _("not read yet")
        lines.append(f"{row.id}. {name}: {state}")
    if paused:
        lines.append(_("Paused destinations:"))
        lines += ["• " + _("{where}: {reason}", where=ref, reason=reason or _("paused"))
                  for ref, reason in paused]
    lines += feedback_lines(votes)
    return reply("\n".join(lines))

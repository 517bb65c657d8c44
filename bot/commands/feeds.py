"""/feeds add <url> [tags] | remove <url|id> | list | status — the feeds everyone reads from."""

from __future__ import annotations

from bot.commands import usage
from bot.commands.base import Context, error, reply, require_admin, scope_of, stored_target
from bot.commands.reactions import feedback_lines, ranking_lines
from bot.delivery import CommandReply, CommandRequest
from bot.delivery.render import local_time
from bot.feeds.manage import (
    Actor,
    FeedError,
    FeedLimits,
    FeedService,
    NoSuchFeed,
    NotPaused,
)
from bot.i18n import _, current
from bot.models import Digest, DigestSection, sample_brief
from bot.netguard import shown_url
from bot.outbox.queue import enqueue, outbox_key
from bot.store.feeds import FeedRow

USAGE = usage.FEEDS
MAX_LINES = 50  # a chat message, not a report; the CLI lists everything


def _service(ctx: Context) -> FeedService:
    return FeedService(ctx.db, policy=ctx.policy, clock=lambda: ctx.now, limits=FeedLimits(
        per_channel=ctx.max_feeds_per_channel, per_server=ctx.max_feeds_per_server),
        read=ctx.read_feed)


def _actor(req: CommandRequest) -> Actor:
    scope = scope_of(req)
    return Actor(where=req.where.ref, server=req.server,
                 scope=None if scope is None else (scope,), remote=True)


async def feeds(ctx: Context, req: CommandRequest) -> CommandReply:
    try:
        return await _feeds(ctx, req)
    except NotPaused as exc:  # not a failure: said as a plain reply
        return reply(str(exc))
    except FeedError as exc:
        return error(str(exc))


async def _feeds(ctx: Context, req: CommandRequest) -> CommandReply:
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
    if action == "status":  # Discord's /feeds status may name one feed (a title has spaces)
        return await _status(ctx, req, " ".join(words[1:]) or None)
    if action == "resume" and len(words) == 1:
        require_admin(req)
        return await _resume(ctx, req)
    if action == "test" and len(words) == 1:
        require_admin(req)
        return await _test(ctx, req)
    return error(_(USAGE))


async def _remove(ctx: Context, req: CommandRequest, url_or_id: str) -> CommandReply:
    """A server removes only its own use of a feed; the feed goes when no one uses it."""
    return reply((await _service(ctx).remove(url_or_id, actor=_actor(req))).message())


async def _enable(ctx: Context, req: CommandRequest, url_or_id: str) -> CommandReply:
    return reply((await _service(ctx).enable(url_or_id, actor=_actor(req))).message())


async def _test(ctx: Context, req: CommandRequest) -> CommandReply:
    """Queue one sample brief, marked TEST MESSAGE, for this channel: it goes through the
    outbox and the real adapter, so it proves what a real brief would meet (permissions,
    pacing, rendering). Once a minute per channel, so it cannot be used to spam."""
    minute = ctx.now.replace(second=0, microsecond=0)
    test = Digest(title="TEST MESSAGE from newsbrief", period_start=ctx.now,
                  period_end=ctx.now, sections=[DigestSection("test", [sample_brief()])],
                  note="Asked for with /feeds test; real briefs will look like this.")
    async with ctx.db.begin() as conn:
        dest = await stored_target(conn, req, req.where, now=ctx.now)
        queued = await enqueue(conn, key=outbox_key("feeds-test", dest.id, minute.isoformat()),
                               destination_id=dest.id, now=ctx.now, digest=test)
    if not queued:
        return error(_("A test message was sent here less than a minute ago."))
    return reply(_("A test message is on its way to this channel."))


async def _resume(ctx: Context, req: CommandRequest) -> CommandReply:
    """Posting here was paused (the platform said gone or forbidden); the cause is fixed."""
    await _service(ctx).resume(req.where.ref)
    return reply(_("Resumed: held messages will be posted here now."), ephemeral=False)


async def _add(ctx: Context, req: CommandRequest, url: str, tags: list[str]) -> CommandReply:
    added = await _service(ctx).add(url, actor=_actor(req), tags=tags)
    # a public reply only when it shows the whole URL (a private feed's token stays hidden)
    public = not added.present and shown_url(url) == url
    return reply(added.message(), ephemeral=not public)


async def _list(ctx: Context, req: CommandRequest) -> CommandReply:
    rows = await _service(ctx).feeds(_actor(req))
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


def _names(row: FeedRow, wanted: str) -> bool:
    """Whether ``wanted`` (an id, a URL, or a title or shown URL from autocomplete) is the row."""
    return wanted in (str(row.id), row.url, row.title, shown_url(row.url))


async def _status(ctx: Context, req: CommandRequest, wanted: str | None) -> CommandReply:
    status = await _service(ctx).status(_actor(req))
    rows = [row for row in status.feeds if wanted is None or _names(row, wanted)]
    if wanted is not None and not rows:
        return error(str(NoSuchFeed(wanted)))
    lines = [_("Feeds:")] if rows else [_("No feeds.")]
    for row in rows[:MAX_LINES]:
        name = row.title or shown_url(row.url)
        if row.disabled_at:
            state = _("disabled: {reason}", reason=row.disabled_reason or _("too many failures"))
        elif row.consecutive_failures:
            state = _("failing ({count}×): {error}", count=row.consecutive_failures,
                      error=(row.last_error or "")[:120])
        elif row.last_success_at:
            when = local_time(row.last_success_at, ctx.timezone, current())
            state = _("ok, last read {when}", when=when)
        else:
            state = _("not read yet")
        lines.append(f"{row.id}. {name}: {state}")
    if status.paused:
        lines.append(_("Paused destinations:"))
        lines += ["• " + _("{where}: {reason}", where=dest.ref, reason=dest.reason or _("paused"))
                  for dest in status.paused]
    lines += feedback_lines(status.votes)
    names = {row.id: row.title or shown_url(row.url) for row in status.feeds}
    lines += ranking_lines(names, status.votes_by_feed, status.votes)
    return reply("\n".join(lines))

"""/digest time HH:MM [timezone] | off | now | more [page] — when a destination gets its digest,
and the stories past the last digest's cap."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.commands import usage
from bot.commands.base import (
    CommandError,
    Context,
    error,
    pop_target,
    reply,
    require_manage,
    stored_target,
)
from bot.delivery import CommandReply, CommandRequest, Destination
from bot.delivery.render import local_time
from bot.i18n import _, current
from bot.routing import digest as digests
from bot.routing.digest_schedule import next_due
from bot.store import destinations as dest_store

USAGE = usage.DIGEST
_HHMM = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def _timezone(name: str) -> str:
    if len(name) > 64:
        raise CommandError(_("That timezone name is too long."))
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise CommandError(_("Unknown timezone “{name}” (use a name like Asia/Seoul or "
                             "America/New_York).", name=name)) from None
    return name


async def digest(ctx: Context, req: CommandRequest) -> CommandReply:
    words = req.args.split()
    target = pop_target(req, words)
    if not words:
        return error(_(USAGE))
    action = words[0].lower()
    if action == "more" and len(words) <= 2:
        return await _more(ctx, target, words[1:])
    require_manage(req, target)
    if action == "time":
        return await _set_time(ctx, req, target, words[1:])
    if action == "off" and len(words) == 1:
        async with ctx.db.begin() as conn:
            row = await stored_target(conn, req, target, now=ctx.now)
            await dest_store.update_destination(conn, row.id, digest_time=None)
        return reply(_("Digest off for {where}; digest subscriptions wait until it is on.",
                       where=target.ref))
    if action == "now" and len(words) == 1:
        async with ctx.db.begin() as conn:
            row = await stored_target(conn, req, target, now=ctx.now)
            sent = await digests.digest_now(conn, row, now=ctx.now, stories=ctx.digest_stories)
        if sent is None:
            return reply(_("Nothing new for a digest since the last one."))
        count = sum(len(s.briefs) for s in sent.sections)
        if count == 1:
            return reply(_("Digest of 1 story on its way."))
        return reply(_("Digest of {count} stories on its way.", count=count))
    return error(_(USAGE))


async def _more(ctx: Context, target: Destination, words: list[str]) -> CommandReply:
    """Anyone who reads the digest may page through it; the reply goes to the asker only."""
    if words and not (words[0].isdigit() and 2 <= int(words[0]) <= 1000):
        return error(_("Usage: /digest more [page], where page 2 follows the digest itself."))
    page = int(words[0]) if words else 2
    async with ctx.db.begin() as conn:
        row = await dest_store.get(conn, target.ref)
        digest = None if row is None else await digests.more(
            conn, row, now=ctx.now, page=page, stories=ctx.digest_stories)
    if digest is None:
        return reply(_("Nothing more in the last digest."))
    found = [brief for section in digest.sections for brief in section.briefs]
    text = f"{digest.title}, page {page}" + (f"\n{digest.note}" if digest.note else "")
    answer = reply(text, briefs=found)
    answer.timezone = row.timezone if row is not None else None  # the digest's own clock
    return answer


async def _set_time(ctx: Context, req: CommandRequest, target: Destination,
                    words: list[str]) -> CommandReply:
    if not words or len(words) > 2:
        return error(_(USAGE))
    match = _HHMM.fullmatch(words[0])
    if match is None:
        return error(_("“{value}” is not a time: use HH:MM, 24-hour, e.g. 08:00.",
                       value=words[0][:20]))
    hhmm = f"{int(match.group(1)):02d}:{match.group(2)}"
    async with ctx.db.begin() as conn:
        row = await stored_target(conn, req, target, now=ctx.now)
        zone = _timezone(words[1]) if len(words) == 2 else row.timezone
        await dest_store.update_destination(conn, row.id, digest_time=hhmm, timezone=zone)
        fresh = await dest_store.by_id(conn, row.id)
        assert fresh is not None
        # The instant that just passed is not owed: the first digest is the next one.
        await digests.mark_current_handled(conn, fresh, now=ctx.now)
    upcoming = next_due(ctx.now, hhmm, fresh.digest_days, zone)
    when = _(" Next: {when}.", when=local_time(upcoming, zone, current())) if upcoming else ""
    return reply(_("Digest for {where} at {time} {zone}.", where=target.ref, time=hhmm,
                   zone=zone) + when)

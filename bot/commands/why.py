"""/why <message link> — which subscription made the bot send that message (issue 24.5). The
adapter reads its platform's link into ``CommandRequest.link``; the core answers only about a
message the caller could be shown: one posted where they ask, in their own DMs, or in a channel
of their own server. Anything else, the bot's or not, gets one reply that says nothing more."""

from __future__ import annotations

from bot.commands import usage
from bot.commands.base import (
    Context,
    error,
    on_off_target,
    reply,
    scope_of,
    shown_ref,
    stored_target,
)
from bot.delivery import CommandReply, CommandRequest
from bot.filters.reasons import because
from bot.i18n import N_, _, current
from bot.store import destinations as dest_store
from bot.store import reasons as reason_store
from bot.store.destinations import DestinationRow

USAGE = usage.WHY
FOOTER_USAGE = N_("Usage: /settings why on | off [here|dm] — end each brief with the "
                  "subscription it was sent for (“Sent because you follow #openai”)")
MAX_LINES = 20  # a digest's stories, one line each


def visible(req: CommandRequest, destination: DestinationRow) -> bool:
    """Whether the caller may learn why ``destination`` got a message (bot.store.tenancy): its
    own channel or DM, or a channel (not a member's DM) of the caller's server."""
    if req.operator or destination.ref == req.where.ref:
        return True
    if req.dm is not None and destination.ref == req.dm.ref:
        return True
    return not destination.dm and destination.tenant == scope_of(req)


async def why(ctx: Context, req: CommandRequest) -> CommandReply:
    if req.link is None:
        return error(_(USAGE))
    nothing = _("I posted no message at that link that you can see.")
    async with ctx.db.read() as conn:
        sent = await reason_store.find_sent(conn, req.link.where, req.link.message_id)
        if sent is None or not visible(req, sent.destination):
            return error(nothing)
        stories = (await reason_store.of_rows(conn, [sent.outbox_id]))[sent.outbox_id]
    if not stories:
        return reply(_("No reason was kept for that message: it is a notice, or it was posted "
                       "before reasons were recorded."))
    # in the caller's language, as the rest of the reply
    lines = [because(s.reason, dm=sent.destination.dm, locale=current()) for s in stories]
    if not sent.digest:
        return reply(lines[0] + ".")
    if len(set(lines)) == 1:
        return reply(_("Every story in that digest: {why}.", why=lines[0]))
    shown = [f"• {s.headline or _('(a story no longer kept)')}: {line}"
             for s, line in zip(stories[:MAX_LINES], lines, strict=False)]
    if len(stories) > MAX_LINES:
        shown.append(_("… and {n} more.", n=len(stories) - MAX_LINES))
    return reply("\n".join([_("Why each story in that digest was sent:"), *shown]))


async def footer_setting(ctx: Context, req: CommandRequest) -> CommandReply:
    """``/settings why on|off [here|dm]`` (``req.args`` without ``why``): ``why_footer``."""
    target, on = on_off_target(req, FOOTER_USAGE)
    async with ctx.db.begin() as conn:
        row = await stored_target(conn, req, target, now=ctx.now)
        await dest_store.update_destination(conn, row.id, why_footer=on)
    if on:
        return reply(_("Briefs in {where} now end with why they were sent.",
                       where=shown_ref(target.ref)))
    return reply(_("Briefs in {where} no longer say why they were sent.",
                   where=shown_ref(target.ref)))

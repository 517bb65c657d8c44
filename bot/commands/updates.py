"""/updates on | off [here|dm] — whether a changed article gets "Updated: …" in reply."""

from __future__ import annotations

from bot.commands import usage
from bot.commands.base import Context, on_off_target, reply, shown_ref, stored_target
from bot.delivery import CommandReply, CommandRequest
from bot.i18n import _
from bot.store import updates as update_store

USAGE = usage.UPDATES


async def updates(ctx: Context, req: CommandRequest) -> CommandReply:
    target, on = on_off_target(req, USAGE)
    async with ctx.db.begin() as conn:
        row = await stored_target(conn, req, target, now=ctx.now)
        await update_store.set_updates(conn, row.id, on)
    if on:
        return reply(_("Updates on for {where}: a changed article gets “Updated: …” in reply "
                       "to its brief.", where=shown_ref(target.ref)))
    return reply(_("Updates off for {where}.", where=target.ref))

"""/settings language ko|en — the language of everything the bot writes in a server: replies
to commands, digest headers, feed-disabled and other notices. Admins only.
/settings template <preset or template> — the layout of this channel's briefs
(bot.delivery.template); with nothing after it, the current one. /settings why
on|off [here|dm] — the "Sent because …" footer (bot.commands.why)."""

from __future__ import annotations

from dataclasses import replace

from bot import i18n
from bot.commands.base import CommandError, Context, error, reply, require_manage, stored_target
from bot.commands.why import footer_setting
from bot.delivery import CommandReply, CommandRequest, template
from bot.i18n import N_, _
from bot.store import destinations as dest_store
from bot.store import servers as server_store

USAGE = N_("Usage: /settings language <{languages}>")
TEMPLATE_USAGE = N_("Usage: /settings template <{presets}>, or your own: {example}")
EXAMPLE = "text: **{headline}** · {source} {link}"
NAMES = {"en": "English", "ko": "한국어"}  # each language in its own words


def _languages() -> str:
    return "|".join(sorted(i18n.available()))


def _template_usage() -> str:
    return _(TEMPLATE_USAGE, presets="|".join(template.PRESETS), example=EXAMPLE)


async def settings(ctx: Context, req: CommandRequest) -> CommandReply:
    name, _space, rest = req.args.strip().partition(" ")
    if name.lower() == "template":
        return await _template(ctx, req, rest.strip())
    words = req.args.lower().split()
    if words and words[0] == "why":
        return await footer_setting(ctx, replace(req, args=req.args.split(None, 1)[1]
                                                 if len(words) > 1 else ""))
    if not words or words[0] != "language" or len(words) > 2:
        return error(_(USAGE, languages=_languages()) + "\n" + _template_usage())
    async with ctx.db.begin() as conn:
        dest = await dest_store.get_or_create(conn, req.where, now=ctx.now, server=req.server)
        if len(words) == 1:
            name = NAMES.get(dest.locale, dest.locale)
            return reply(_("This channel's language: {language}.", language=name) + " "
                         + _(USAGE, languages=_languages()))
        if not req.is_admin:
            raise CommandError(_("Changing the language needs the admin permission."))
        lang = i18n.language(words[1])
        if lang is None or words[1] != lang:
            return error(_("I do not speak “{language}”.", language=words[1][:20]) + " "
                         + _(USAGE, languages=_languages()))
        if req.server is not None:
            await server_store.choose_locale(conn, req.server, lang, now=ctx.now)
        await dest_store.update_destination(conn, dest.id, locale=lang)
    with i18n.use(lang):  # said in the language just chosen
        where = _("this server") if req.server is not None else _("this channel")
        return reply(_("Language set to {language} for {where}: replies, digests and notices "
                       "follow it.", language=NAMES.get(lang, lang), where=where),
                     ephemeral=False)


async def _template(ctx: Context, req: CommandRequest, text: str) -> CommandReply:
    """Show or set the layout of this channel's briefs; validated before anything is stored."""
    async with ctx.db.begin() as conn:
        dest = await stored_target(conn, req, req.where, now=ctx.now)
        if not text:
            current = template.stored_layout(dest.template).source
            return reply(_("This channel's template: {template}.", template=current) + "\n"
                         + _template_usage())
        require_manage(req, req.where)
        try:
            chosen = template.layout(text)
        except template.TemplateError as exc:
            return error(_("That template cannot be used: {problem}.", problem=str(exc))
                         + "\n" + _template_usage())
        await dest_store.update_destination(
            conn, dest.id, template=None if chosen.is_default else chosen.source)
    return reply(_("Template set to {template} for this channel; /feeds test shows it.",
                   template=chosen.source), ephemeral=False)

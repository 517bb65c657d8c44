"""Slash commands: definitions, interaction → CommandRequest, CommandReply → messages."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Collection
from typing import Any, Literal

import discord
from discord import app_commands

from adapters.discord.render import render_reply_payloads
from bot.delivery import CommandHandler, CommandReply, CommandRequest, Destination, MessageLink
from bot.logs import get_log

log = get_log(__name__)

# (kind, typed prefix, the caller's server: guild id, or the channel ref outside a guild)
Suggest = Callable[[str, str, str | None], Awaitable[list[str]]]
Run = Callable[[discord.Interaction, str, str], Awaitable[None]]

ADMIN_COMMANDS: frozenset[str] = frozenset({"feeds"})
# Replies to these are for the whole channel; every other reply concerns only the caller.
PUBLIC_COMMANDS: frozenset[str] = frozenset({"brief"})
_ADMIN_PERMISSIONS = discord.Permissions(manage_guild=True)
_NO_MENTIONS = discord.AllowedMentions.none()
# "Copy Message Link": https://discord.com/channels/<guild or @me>/<channel>/<message>
_MESSAGE_LINK = re.compile(
    r"https://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/channels/(\d{1,20}|@me)/\d{1,20}/(\d{1,20})")


def is_admin(interaction: discord.Interaction) -> bool:
    """Whether the caller may manage this channel: Manage Server or Administrator in a guild."""
    if interaction.guild_id is None:
        return False
    perms = interaction.permissions  # the member's resolved permissions, sent by Discord
    return bool(perms.administrator or perms.manage_guild)


def message_link(text: str, guild_id: int | None) -> MessageLink | None:
    """The posted message a link names. Discord's message ids are unique across channels, so
    it is looked up by id alone (a forum post or a thread reply is found the same way); a link
    into another server than the one asked in (or a server's from a DM) finds nothing."""
    found = _MESSAGE_LINK.search(text)
    if found is None:
        return None
    guild, message = found.groups()
    if guild != (str(guild_id) if guild_id else "@me"):
        return MessageLink(where="discord:", message_id="")  # nothing has an empty id
    return MessageLink(where="discord:", message_id=message)


async def to_request(interaction: discord.Interaction, command: str, args: str) -> CommandRequest:
    """The platform-neutral request for an interaction (``args`` is the text after the name)."""
    where = Destination(f"discord:{interaction.channel_id}")
    dm: Destination | None = None
    if interaction.guild_id is None:
        dm = where
    else:
        try:
            channel = await interaction.user.create_dm()
            dm = Destination(f"discord:{channel.id}")
        except discord.HTTPException as exc:
            log.info("discord.dm_unavailable", user=interaction.user.id, status=exc.status)
    return CommandRequest(command=command, args=args, user=str(interaction.user.id), where=where,
                          dm=dm, is_admin=is_admin(interaction),
                          server=str(interaction.guild_id) if interaction.guild_id else None,
                          locale=interaction.locale.value if interaction.locale else None,
                          # the guild's Community language (preferred_locale) as Discord sends it
                          server_locale=interaction.guild_locale.value
                          if interaction.guild_locale else None,
                          link=message_link(args, interaction.guild_id),
                          in_dm=interaction.guild_id is None)


async def send_reply(interaction: discord.Interaction, reply: CommandReply, *,
                     deferred_ephemeral: bool) -> None:
    """Answer a deferred interaction with ``reply`` (text split, briefs as embeds)."""
    locale = str(interaction.locale) if interaction.locale else "en"
    dest = Destination(f"discord:{interaction.channel_id}", locale=locale,
                       timezone=reply.timezone or "UTC")
    payloads = render_reply_payloads(reply, dest)
    replace_original = reply.ephemeral == deferred_ephemeral
    if not replace_original:
        # the "thinking…" message already has the other visibility: drop it, answer afresh
        await interaction.delete_original_response()
    for i, payload in enumerate(payloads):
        embeds = [discord.Embed.from_dict(e) for e in payload["embeds"]]
        content = payload.get("content")
        if i == 0 and replace_original:
            await interaction.edit_original_response(content=content, embeds=embeds,
                                                     allowed_mentions=_NO_MENTIONS)
        else:
            await interaction.followup.send(content=content or discord.utils.MISSING,
                                            embeds=embeds, ephemeral=reply.ephemeral,
                                            allowed_mentions=_NO_MENTIONS, wait=True)


async def run_command(interaction: discord.Interaction, command: str, args: str,
                      handler: CommandHandler) -> None:
    """Defer (the core may take longer than Discord's 3 s), ask the core, send its reply."""
    ephemeral = command not in PUBLIC_COMMANDS
    await interaction.response.defer(thinking=True, ephemeral=ephemeral)
    request = await to_request(interaction, command, args)
    log.info("discord.command", command=command, user=request.user, where=request.where.ref,
             admin=request.is_admin)
    try:
        reply = await handler(request)
    except Exception:
        log.exception("discord.command_failed", command=command)
        reply = CommandReply(text="Sorry, that command failed. Please try again later.",
                             error=True)
    await send_reply(interaction, reply, deferred_ephemeral=ephemeral)


def _join(*parts: str | None) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


def _server(interaction: discord.Interaction) -> str:
    """The scope the core keys feeds by: as ``to_request`` reports it (guild, else channel)."""
    if interaction.guild_id:
        return str(interaction.guild_id)
    return f"discord:{interaction.channel_id}"


async def _choices(suggest: Suggest | None, kinds: tuple[str, ...], current: str,
                   server: str) -> list[app_commands.Choice[str]]:
    if suggest is None:
        return []
    seen: list[str] = []
    for kind in kinds:
        try:
            found = await suggest(kind, current, server)
        except Exception:
            log.exception("discord.autocomplete_failed", kind=kind)
            continue
        # Discord allows 25 choices, names and values of 1-100 characters
        seen += [s for s in found if 0 < len(s) <= 100 and s not in seen]
    return [app_commands.Choice(name=s, value=s) for s in seen[:25]]


def register_commands(tree: app_commands.CommandTree, run: Run, *, suggest: Suggest | None = None,
                      admin_commands: Collection[str] = ADMIN_COMMANDS) -> None:
    """Add /brief /subscribe /unsubscribe /subscriptions /digest /feeds to ``tree``."""

    def perms(name: str) -> discord.Permissions | None:
        # only a hint admins can change; the core enforces it from CommandRequest.is_admin
        return _ADMIN_PERMISSIONS if name in admin_commands else None

    async def tags_and_feeds(interaction: discord.Interaction, current: str
                             ) -> list[app_commands.Choice[str]]:
        return await _choices(suggest, ("tag", "feed"), current, _server(interaction))

    async def feeds_only(interaction: discord.Interaction, current: str
                         ) -> list[app_commands.Choice[str]]:
        return await _choices(suggest, ("feed",), current, _server(interaction))

    async def brief(interaction: discord.Interaction, query: str) -> None:
        await run(interaction, "brief", query)

    async def subscribe(interaction: discord.Interaction, target: str,
                        where: Literal["here", "dm"] | None = None,
                        role: discord.Role | None = None) -> None:
        # the role an admin picks is passed as its id; the core stores it, the render pings it
        await run(interaction, "subscribe", _join(target, where,
                                                  f"role:{role.id}" if role else None))

    async def unsubscribe(interaction: discord.Interaction, target: str,
                          where: Literal["here", "dm"] | None = None) -> None:
        await run(interaction, "unsubscribe", _join(target, where))

    async def subscriptions(interaction: discord.Interaction) -> None:
        await run(interaction, "subscriptions", "")

    async def updates(interaction: discord.Interaction, state: Literal["on", "off"],
                      where: Literal["here", "dm"] | None = None) -> None:
        await run(interaction, "updates", _join(state, where))

    async def why(interaction: discord.Interaction, link: str) -> None:
        await run(interaction, "why", link)

    simple = [
        (brief, "brief", "Brief an article URL now, or search stored stories", None),
        (subscribe, "subscribe", "Follow a tag, feed or keyword here or in your DMs",
         tags_and_feeds),
        (unsubscribe, "unsubscribe", "Stop following a tag, feed or keyword", tags_and_feeds),
        (subscriptions, "subscriptions", "What this channel and you follow", None),
        (updates, "updates", "Reply “Updated: …” under a brief whose article changed", None),
        (why, "why", "Why one of my messages was sent here (paste its link)", None),
    ]
    for callback, name, description, complete in simple:
        cmd: app_commands.Command[Any, ..., None] = app_commands.Command(
            name=name, description=description, callback=callback)  # type: ignore[arg-type]
        cmd.default_permissions = perms(name)
        if complete is not None:
            cmd.autocomplete("target")(complete)
        tree.add_command(cmd)

    digest = app_commands.Group(name="digest", description="This channel's daily digest",
                                default_permissions=perms("digest"))

    @digest.command(name="time", description="Post the digest daily at HH:MM")
    async def digest_time(interaction: discord.Interaction, at: str,
                          timezone: str | None = None) -> None:
        await run(interaction, "digest", _join("time", at, timezone))

    @digest.command(name="off", description="Stop the daily digest")
    async def digest_off(interaction: discord.Interaction) -> None:
        await run(interaction, "digest", "off")

    @digest.command(name="now", description="Post a digest now")
    async def digest_now(interaction: discord.Interaction) -> None:
        await run(interaction, "digest", "now")

    @digest.command(name="more", description="The stories past the last digest's top ones")
    async def digest_more(interaction: discord.Interaction, page: int | None = None) -> None:
        await run(interaction, "digest", _join("more", None if page is None else str(page)))

    feeds = app_commands.Group(name="feeds", description="Manage the feeds newsbrief reads",
                               default_permissions=perms("feeds"), guild_only="feeds" in
                               admin_commands)

    @feeds.command(name="add", description="Add a feed, optionally with tags")
    async def feeds_add(interaction: discord.Interaction, url: str,
                        tags: str | None = None) -> None:
        await run(interaction, "feeds", _join("add", url, tags))

    @feeds.command(name="remove", description="Remove a feed")
    async def feeds_remove(interaction: discord.Interaction, feed: str) -> None:
        await run(interaction, "feeds", _join("remove", feed))

    @feeds.command(name="list", description="List the feeds")
    async def feeds_list(interaction: discord.Interaction) -> None:
        await run(interaction, "feeds", "list")

    @feeds.command(name="status", description="Feed health and paused destinations")
    async def feeds_status(interaction: discord.Interaction, feed: str | None = None) -> None:
        await run(interaction, "feeds", _join("status", feed))

    @feeds.command(name="test", description="Post one marked sample brief in this channel")
    async def feeds_test(interaction: discord.Interaction) -> None:
        await run(interaction, "feeds", "test")

    # the bot's own notices name these: "re-enable it with /feeds enable 13"
    @feeds.command(name="enable", description="Poll a disabled feed again")
    async def feeds_enable(interaction: discord.Interaction, feed: str) -> None:
        await run(interaction, "feeds", _join("enable", feed))

    @feeds.command(name="resume", description="Post in this channel again after a pause")
    async def feeds_resume(interaction: discord.Interaction) -> None:
        await run(interaction, "feeds", "resume")

    settings = app_commands.Group(name="settings", description="This server's settings",
                                  default_permissions=_ADMIN_PERMISSIONS)

    @settings.command(name="language", description="The language the bot writes in here")
    async def settings_language(interaction: discord.Interaction,
                                language: Literal["en", "ko"] | None = None) -> None:
        await run(interaction, "settings", _join("language", language))

    @settings.command(name="template", description="How briefs look here: a preset or your own")
    async def settings_template(interaction: discord.Interaction,
                                template: str | None = None) -> None:
        await run(interaction, "settings", _join("template", template))

    @settings.command(name="why", description="End each brief with why it was sent")
    async def settings_why(interaction: discord.Interaction, state: Literal["on", "off"],
                           where: Literal["here", "dm"] | None = None) -> None:
        await run(interaction, "settings", _join("why", state, where))

    tree.add_command(settings)

    feeds_remove.autocomplete("feed")(feeds_only)
    feeds_enable.autocomplete("feed")(feeds_only)
    feeds_status.autocomplete("feed")(feeds_only)
    tree.add_command(digest)
    tree.add_command(feeds)

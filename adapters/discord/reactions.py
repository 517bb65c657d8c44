"""Reactions on Discord: MESSAGE_REACTION_ADD (the ``guild_reactions`` intent, nothing more) as
the core's ``Reaction``. Only 🔕, 👍 and 👎 are passed on; the bot's own reactions are not."""

from __future__ import annotations

from collections.abc import Callable

import discord

from bot.delivery import Destination, Reaction, ReactionHandler
from bot.logs import get_log

log = get_log(__name__)

WANTED = frozenset({"🔕", "👍", "👎"})


async def _parent(client: discord.Client, thread_id: int) -> int | None:
    """The channel a thread belongs to (from the gateway's cache, else GET /channels/{id})."""
    channel = client.get_channel(thread_id)
    if channel is None:
        try:
            channel = await client.fetch_channel(thread_id)
        except discord.HTTPException as exc:
            log.info("discord.reaction_thread_unknown", thread=thread_id, status=exc.status)
            return None
    parent = getattr(channel, "parent_id", None)
    return int(parent) if parent else None


def listen(client: discord.Client, handler: Callable[[], ReactionHandler | None]) -> None:
    """Hand each wanted reaction in a server channel to ``handler()`` (looked up per event, so
    it may be set after the client is made)."""

    async def on_raw_reaction_add(event: discord.RawReactionActionEvent) -> None:
        react = handler()
        emoji = (event.emoji.name or "").replace("\ufe0f", "")
        if react is None or emoji not in WANTED or event.guild_id is None:
            return
        if client.user is not None and event.user_id == client.user.id:
            return
        member = event.member
        perms = member.guild_permissions if isinstance(member, discord.Member) else None
        admin = bool(perms and (perms.administrator or perms.manage_guild))
        dm: Destination | None = None
        if emoji == "🔕" and not admin and member is not None:
            try:  # a member's 🔕 mutes the tag in their own DM subscriptions
                dm = Destination(f"discord:{(await member.create_dm()).id}")
            except discord.HTTPException as exc:
                log.info("discord.dm_unavailable", user=event.user_id, status=exc.status)
        where = event.channel_id
        if event.message_id == event.channel_id:
            # a forum post's first message has its thread's id: the brief went to the forum
            where = await _parent(client, event.channel_id) or where
        outcome = await react(Reaction(
            emoji=emoji, message_id=str(event.message_id), user=str(event.user_id),
            where=Destination(f"discord:{where}"), dm=dm, is_admin=admin))
        log.info("discord.reaction", emoji=emoji, outcome=outcome)

    client.event(on_raw_reaction_add)

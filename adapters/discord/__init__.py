"""Discord adapter: bot and webhook delivery, slash commands (discord.py)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from adapters.discord.bot import DiscordAdapter, sync_commands
from adapters.discord.commands import ADMIN_COMMANDS, Suggest
from adapters.discord.render import render_brief_payloads, render_digest_payloads
from adapters.discord_probe import API_BASE, DiscordSettings, options
from bot.delivery import AdapterInputs

__all__ = [
    "DiscordAdapter",
    "make_adapter",
    "render_brief_payloads",
    "render_digest_payloads",
    "sync_commands",
]


def make_adapter(*, token: str | None = None, api_base_url: str | None = None,
                 shard_count: int | None = None, application_id: int | None = None,
                 suggest: Suggest | None = None, connect_gateway: bool = True,
                 admin_commands: Collection[str] = ADMIN_COMMANDS) -> DiscordAdapter:
    """The adapter from settings: ``token`` is DISCORD_TOKEN (None for webhook-only installs)."""
    return DiscordAdapter(token=token or None, api_base_url=api_base_url or API_BASE,
                          shard_count=shard_count, application_id=application_id,
                          suggest=suggest, connect_gateway=connect_gateway,
                          admin_commands=admin_commands)


def build(inputs: AdapterInputs) -> DiscordAdapter:
    """The registry's builder (adapters.ADAPTERS): ``DISCORD_TOKEN`` and ``discord:``."""
    return make_adapter(**options(inputs), suggest=inputs.suggest)


def syncs_on_start(inputs: AdapterInputs) -> bool:
    """``run`` registers the slash commands first when ``discord.sync_commands`` is on."""
    section: DiscordSettings = inputs.section
    return section.sync_commands and bool(inputs.secret("DISCORD_TOKEN"))


async def sync_from_settings(inputs: AdapterInputs,
                             guilds: Sequence[int] = ()) -> tuple[bool, str]:
    """Register the slash commands (in ``guilds``, else ``discord.guild_ids``, else globally):
    (True, what was synced where) or (False, what is missing)."""
    section: DiscordSettings = inputs.section
    token = inputs.secret("DISCORD_TOKEN")
    if not token:
        return False, "set DISCORD_TOKEN to sync Discord's slash commands"
    guild_ids = list(guilds) or section.guild_ids
    names = await sync_commands(token=token, api_base_url=section.api_base_url,
                                guild_ids=guild_ids)
    where = f"guilds {', '.join(map(str, guild_ids))}" \
        if guild_ids else "globally (may take up to an hour to appear)"
    return True, f"synced {len(names)} commands {where}: {', '.join(names)}"

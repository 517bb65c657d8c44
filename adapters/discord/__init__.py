"""Discord adapter: bot and webhook delivery, slash commands (discord.py)."""

from __future__ import annotations

from collections.abc import Collection

from adapters.discord.bot import DEFAULT_API_BASE, DiscordAdapter, sync_commands
from adapters.discord.commands import ADMIN_COMMANDS, Suggest
from adapters.discord.render import render_brief_payloads, render_digest_payloads

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
    return DiscordAdapter(token=token or None, api_base_url=api_base_url or DEFAULT_API_BASE,
                          shard_count=shard_count, application_id=application_id,
                          suggest=suggest, connect_gateway=connect_gateway,
                          admin_commands=admin_commands)

"""What people call a Discord channel and a guild, for the dashboard: GET /channels/{id} and
GET /guilds/{id} (View Channel is all either needs). Uncached: bot.delivery.names caches."""

from __future__ import annotations

from typing import Any

from discord.http import Route

DM_TYPES = frozenset({1, 3})  # a DM and a group DM have no channel name to show


async def channel_name(http: Any, channel_id: int) -> str | None:
    data = await http.request(Route("GET", "/channels/{channel_id}", channel_id=channel_id))
    if int(data.get("type", 0)) in DM_TYPES or not data.get("name"):
        return None
    return f"#{data['name']}"


async def guild_name(http: Any, guild_id: int) -> str | None:
    data = await http.request(Route("GET", "/guilds/{guild_id}", guild_id=guild_id))
    return str(data["name"]) if data.get("name") else None

"""What a ``discord:<id>`` destination is: a text channel, a forum (or media) channel, or a
thread, learned from GET /channels/{id} (View Channel is all that needs) and cached, never
configured by hand."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from discord.http import Route

FORUM_TYPES = frozenset({15, 16})  # GUILD_FORUM, GUILD_MEDIA: each post is a thread
THREAD_TYPES = frozenset({10, 11, 12})  # announcement, public and private threads
REQUIRE_TAG = 1 << 4  # channel flag: a forum post must carry at least one tag
MAX_TAGS = 5  # Discord's limit on applied_tags
THREAD_NAME = 100  # Discord's limit on a thread's name
TTL = 600.0  # seconds a lookup is trusted: forum tags change rarely; archived is rechecked on 50083


@dataclass(frozen=True, slots=True)
class ForumTag:
    id: str
    name: str
    moderated: bool  # only members with Manage Threads may apply it


@dataclass(frozen=True, slots=True)
class ChannelInfo:
    id: str
    type: int
    guild_id: str | None = None
    parent_id: str | None = None
    archived: bool = False
    locked: bool = False
    flags: int = 0
    tags: tuple[ForumTag, ...] = field(default_factory=tuple)

    @property
    def kind(self) -> str:
        """``forum``, ``thread`` or ``text`` (every other type posts messages directly)."""
        if self.type in FORUM_TYPES:
            return "forum"
        return "thread" if self.type in THREAD_TYPES else "text"

    @property
    def requires_tag(self) -> bool:
        return bool(self.flags & REQUIRE_TAG)

    def tag_ids(self, names: Iterable[str]) -> list[str]:
        """The ids of this forum's tags named like ``names`` (case and '#' ignored), in the
        order given, at most five. Moderated tags are left out: the bot does not ask for Manage
        Threads, and Discord refuses them to anyone without it."""
        by_name = {t.name.strip().lstrip("#").casefold(): t for t in self.tags if not t.moderated}
        ids: list[str] = []
        for name in names:
            tag = by_name.get(name.strip().lstrip("#").casefold())
            if tag is not None and tag.id not in ids:
                ids.append(tag.id)
        return ids[:MAX_TAGS]


def parse_channel(data: dict[str, Any]) -> ChannelInfo:
    meta = data.get("thread_metadata") or {}
    return ChannelInfo(
        id=str(data["id"]), type=int(data.get("type", 0)),
        guild_id=str(data["guild_id"]) if data.get("guild_id") else None,
        parent_id=str(data["parent_id"]) if data.get("parent_id") else None,
        archived=bool(meta.get("archived")), locked=bool(meta.get("locked")),
        flags=int(data.get("flags") or 0),
        tags=tuple(ForumTag(str(t["id"]), str(t.get("name", "")), bool(t.get("moderated")))
                   for t in data.get("available_tags") or []))


class ChannelCache:
    """GET /channels/{id}, remembered for ``ttl`` seconds per channel (one process's memory:
    a restarted adapter asks again, which is all reconcile needs)."""

    def __init__(self, ttl: float = TTL) -> None:
        self._ttl = ttl
        self._seen: dict[int, tuple[ChannelInfo, float]] = {}
        self._forums: set[int] = set()  # kinds rarely change: known past the TTL, until a 404

    async def get(self, http: Any, channel_id: int, *, fresh: bool = False) -> ChannelInfo:
        cached = self._seen.get(channel_id)
        if cached is not None and not fresh and time.monotonic() - cached[1] < self._ttl:
            return cached[0]
        data = await http.request(Route("GET", "/channels/{channel_id}", channel_id=channel_id))
        info = parse_channel(data)
        self._seen[channel_id] = (info, time.monotonic())
        if info.kind == "forum":
            self._forums.add(channel_id)
        else:
            self._forums.discard(channel_id)
        return info

    def is_forum(self, channel_id: int) -> bool:
        """Whether the channel was a forum when last asked (posts to it open threads)."""
        return channel_id in self._forums

    def forget(self, channel_id: int) -> None:
        self._seen.pop(channel_id, None)
        self._forums.discard(channel_id)


class PacedHttp:
    """discord.py's HTTP client behind a turn of the platform's pace: every request made through
    it waits for its turn first (Discord's global limit counts look-ups as it counts posts)."""

    def __init__(self, http: Any, turn: Callable[[], Awaitable[None]] | None) -> None:
        self.http = http
        self.turn = turn

    async def request(self, route: Route, **kwargs: Any) -> Any:
        if self.turn is not None:
            await self.turn()
        return await self.http.request(route, **kwargs)

"""Forum (and media) channel destinations: each brief, or each digest, is a new post (a thread
whose first message is the brief's normal payload), found again after a lost answer by the
``ref nb…`` marker in that first message.

Creating a forum post takes no nonce, so Discord cannot dedupe a resend: a post whose answer was
lost is looked for among the forum's active threads (GET /guilds/{guild}/threads/active) and its
archived ones (GET /channels/{forum}/threads/archived/public), keeping those the bot started
since the attempt, and reading each one's first message for the marker.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

import discord
from discord.http import Route, json_or_text

from adapters.discord.channels import THREAD_NAME, ChannelInfo
from adapters.discord.escape import neutralise_mentions, trim_words
from adapters.discord.render import Payload
from bot.delivery import Destination, Outgoing
from bot.delivery.render import headline_of, local_time
from bot.errors import DeliveryError

ARCHIVED_PAGES = 5  # 100 archived threads a page, newest archived first
FindPosted = Callable[[int, datetime, set[str]], Awaitable[dict[str, str]]]


def post_name(message: Outgoing, dest: Destination) -> str:
    """The post's title: the headline (or the digest's title and date), at most 100 chars."""
    if message.digest is not None:
        when = local_time(message.digest.period_end, dest.timezone, dest.locale)
        text = message.digest.title + (f" · {when}" if when else "")
    elif message.notice is not None:
        text = message.notice.title
    else:
        text = headline_of(message.brief) if message.brief is not None else ""
    # a thread name renders no markdown and pings nobody; neutralised all the same
    return trim_words(neutralise_mentions(" ".join(text.split())), THREAD_NAME) or "…"


def post_tags(message: Outgoing) -> list[str]:
    """The names to match against the forum's tags: a brief's tags, a digest's section titles."""
    if message.brief is not None:
        return list(message.brief.tags)
    if message.digest is not None:
        return [section.title for section in message.digest.sections]
    return []


def no_tag_error(forum: ChannelInfo, message: Outgoing) -> DeliveryError:
    """A forum that requires a tag, and nothing of the brief's matches one: the destination is
    paused (held, not dropped) with what to change, instead of a retry that cannot succeed."""
    wanted = ", ".join(f"#{t}" for t in post_tags(message)) or "none"
    offered = ", ".join(t.name for t in forum.tags if not t.moderated) or "none"
    return DeliveryError(
        f"forum {forum.id} requires a tag and none matches (brief tags: {wanted}; forum tags "
        f"the bot may apply: {offered}): add a forum tag named like a feed tag, or turn off "
        "'Require people to select tags'", permanent=True, status=400)


async def create_post(http: Any, forum: ChannelInfo, message: Outgoing, dest: Destination,
                      payload: Payload) -> str:
    """POST /channels/{forum}/threads; the new thread's id (its first message has the same)."""
    tags = forum.tag_ids(post_tags(message))
    if forum.requires_tag and not tags:
        raise no_tag_error(forum, message)
    body: dict[str, Any] = {"name": post_name(message, dest), "message": payload}
    if tags:
        body["applied_tags"] = tags
    data = await post_once(http, Route("POST", "/channels/{channel_id}/threads",
                                       channel_id=int(forum.id)), body)
    return str(data["id"])


async def post_once(http: Any, route: Route, body: dict[str, Any]) -> Any:
    """One POST, never resent. discord.py's ``request`` resends on 500/502/504/524 by itself,
    and a forum post carries no nonce, so a resend after Discord created the post (and then
    failed to answer) would be a second post. Here every failure reaches the outbox: a 5xx or a
    lost connection is "sent, outcome unknown", which the outbox reconciles before any resend;
    a 429 hands its retry_after to the outbox's pacing."""
    session = http._HTTPClient__session  # discord.py keeps its aiohttp session private
    headers = {"User-Agent": http.user_agent, "Authorization": f"Bot {http.token}",
               "Content-Type": "application/json"}
    if not http._global_over.is_set():  # discord.py's own global rate-limit pause
        await http._global_over.wait()
    async with session.request(route.method, route.url, data=discord.utils._to_json(body),
                               headers=headers, proxy=http.proxy,
                               proxy_auth=http.proxy_auth) as response:
        data = await json_or_text(response)
        if 200 <= response.status < 300:
            return data
        if response.status == 429:
            retry_after = data.get("retry_after") if isinstance(data, dict) else None
            raise DeliveryError("discord rate limited", status=429,
                                retry_after=float(retry_after or 1.0))
        if response.status == 403:
            raise discord.Forbidden(response, data)
        if response.status == 404:
            raise discord.NotFound(response, data)
        if response.status >= 500:
            raise discord.DiscordServerError(response, data)
        raise discord.HTTPException(response, data)


async def _candidates(http: Any, forum: ChannelInfo, bot_id: str, after: int
                      ) -> list[dict[str, Any]]:
    """Threads of ``forum`` the bot started after snowflake ``after``, active then archived."""
    found: list[dict[str, Any]] = []
    if forum.guild_id:
        active = await http.request(Route("GET", "/guilds/{guild_id}/threads/active",
                                           guild_id=int(forum.guild_id)))
        found += [t for t in active.get("threads", []) if str(t.get("parent_id")) == forum.id]
    before: str | None = None
    oldest = discord.utils.snowflake_time(after)
    for _ in range(ARCHIVED_PAGES):
        params: dict[str, Any] = {"limit": 100, **({"before": before} if before else {})}
        page = await http.request(Route("GET", "/channels/{channel_id}/threads/archived/public",
                                        channel_id=int(forum.id)), params=params)
        threads = page.get("threads", [])
        found += threads
        stamps: list[str] = [str(stamp) for t in threads
                             if (stamp := (t.get("thread_metadata") or {}).get(
                                 "archive_timestamp"))]
        # archived after it was made: once archives are older than the attempt, stop
        if not page.get("has_more") or not stamps or datetime.fromisoformat(min(stamps)) < oldest:
            break
        before = min(stamps)
    return [t for t in found if str(t.get("owner_id")) == bot_id and int(t["id"]) > after]


async def find_post(http: Any, forum: ChannelInfo, bot_id: str, since: datetime,
                    wanted: set[str], first: str, name: str,
                    find_posted: FindPosted) -> dict[str, str]:
    """The parts (nonce → message id) of the post whose first message carries ``first``."""
    after = discord.utils.time_snowflake(since - timedelta(minutes=1))
    threads = await _candidates(http, forum, bot_id, after)
    # same title first: usually the one; but a moderator may have renamed it, so all are read
    threads.sort(key=lambda t: t.get("name") != name)
    seen: set[str] = set()
    for thread in threads:
        if thread["id"] in seen:
            continue
        seen.add(thread["id"])
        found = await find_posted(int(thread["id"]), since, wanted)
        if first in found:
            return found
    return {}

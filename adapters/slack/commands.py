"""Slash commands: Slack's form body to a ``CommandRequest``, a ``CommandReply`` to responses."""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import replace
from functools import partial
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.escape import escape_mrkdwn
from adapters.slack.render import (
    Block,
    Payload,
    brief_blocks,
    fallback_text,
    pack,
    text_sections,
)
from bot.delivery import CommandReply, CommandRequest, Destination, MessageLink
from bot.logs import get_log

log = get_log(__name__)

RESPONSE_URL_POSTS = 5  # Slack accepts up to 5 posts to one response_url within 30 minutes
# "Copy link": https://acme.slack.com/archives/C0123/p1700000000123456 (?thread_ts=… for a
# reply); the path's p-number is the message's ts without its dot
_PERMALINK = re.compile(r"https://[A-Za-z0-9.-]+\.slack\.com/archives/([A-Z0-9]{1,32})/p(\d{10})(\d{6})\b")


class AdminCheck:
    """Slack has no per-command permissions: a caller is an admin when ``users.info`` says they
    are a workspace admin or owner, or when they (or a user group they are in) are listed in
    ``admin_ids``. Answers are cached briefly; any API failure means "not an admin"."""

    def __init__(self, client: AsyncWebClient, admin_ids: Iterable[str], *, ttl: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.client = client
        self.admin_ids = frozenset(admin_ids)
        self.ttl = ttl
        self.clock = clock
        self._cache: dict[str, tuple[float, Any]] = {}

    async def __call__(self, user: str) -> bool:
        if user in self.admin_ids:
            return True
        profile = await self._profile(user)
        if profile.get("is_admin") or profile.get("is_owner") or profile.get("is_primary_owner"):
            return True
        for group in sorted(gid for gid in self.admin_ids if gid.startswith("S")):
            members = await self._cached(f"group:{group}", partial(
                self.client.usergroups_users_list, usergroup=group))
            if user in ((members or {}).get("users") or []):
                return True
        return False

    async def _profile(self, user: str) -> dict[str, Any]:
        info = await self._cached(f"user:{user}", lambda: self.client.users_info(
            user=user, include_locale=True))  # one call answers both "admin?" and "language?"
        return dict((info or {}).get("user") or {})

    async def locale(self, user: str) -> str | None:
        """The user's Slack language (``ko-KR``), for replies in it; None when unknown."""
        found = (await self._profile(user)).get("locale")
        return str(found) if found else None

    async def _cached(self, key: str, call: Callable[[], Awaitable[Any]]) -> Any:
        now = self.clock()
        hit = self._cache.get(key)
        if hit is not None and now - hit[0] < self.ttl:
            return hit[1]
        try:
            value = (await call()).data
        except SlackApiError as exc:
            log.warning("slack.admin_lookup_failed", key=key.split(":", 1)[0],
                        error=exc.response.get("error"))
            return None  # fail closed, and do not cache the failure
        self._cache[key] = (now, value)
        return value


def _typed(text: str) -> str:
    """What the user typed: Slack sends a command's text with ``&``, ``<`` and ``>`` as HTML
    entities even with ``should_escape: false`` (a feed URL ``?a=1&b=2`` arrives as
    ``&amp;b=2``); ``&amp;`` last, so a typed ``&lt;`` stays as typed."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def message_link(text: str, *, team: str, user: str) -> MessageLink | None:
    """The posted message a permalink names, in the caller's workspace (a permalink names its
    workspace by a domain, not the team id: a link into another one finds nothing here). A DM
    channel (``D…``) can only be the caller's own, which the bot posts to as their user id."""
    found = _PERMALINK.search(text)
    if found is None:
        return None
    channel, seconds, micros = found.groups()
    where = f"slack:{team}/{user}" if channel.startswith("D") else f"slack:{team}/{channel}"
    return MessageLink(where=where, message_id=f"{seconds}.{micros}")


def to_request(body: Mapping[str, Any], *, commands: Mapping[str, str],
               is_admin: bool, locale: str | None = None) -> CommandRequest:
    """The platform-neutral request for a slash-command payload."""
    slash = str(body.get("command", ""))
    team = str(body.get("team_id", ""))
    user = str(body.get("user_id", ""))
    text = str(body.get("text") or "").strip()
    return CommandRequest(
        command=commands.get(slash, slash.lstrip("/")),
        args=_typed(text),
        user=user,
        where=Destination(f"slack:{team}/{body.get('channel_id', '')}"),
        dm=Destination(f"slack:{team}/{user}"),  # the adapter opens the DM when it posts
        is_admin=is_admin,
        server=str(team) or None,
        locale=locale,
        # Slack reports no team language to apps: the first caller's stands for it until an
        # admin runs /settings language
        server_locale=locale,
        link=message_link(text, team=team, user=user),
        in_dm=str(body.get("channel_id", "")).startswith("D"),  # a DM channel is always D…
    )


def reply_bodies(reply: CommandReply, where: Destination) -> list[Payload]:
    """``response_url`` bodies for a reply: its text, then its briefs, split to the limits and
    to the number of posts one response_url accepts; anything past that is said, not dropped
    silently."""
    text = reply.text.strip()
    if reply.error and text:
        text = f":warning: {text}"
    groups: list[list[Block]] = []
    if text:
        groups.append(text_sections(escape_mrkdwn(text)))
    if reply.timezone:  # the channel's clock, which the command read; the request has none
        where = replace(where, timezone=reply.timezone)
    for brief in reply.briefs:
        groups.append([{"type": "divider"}, *brief_blocks(brief, where, compact=True)])
    messages = pack(groups, reserve=1) or [[]]
    if len(messages) > RESPONSE_URL_POSTS:
        shown = messages[:RESPONSE_URL_POSTS]
        left = sum(1 for block in _flatten(messages[RESPONSE_URL_POSTS:])
                   if block["type"] == "divider")
        shown[-1] = [*shown[-1], *text_sections(escape_mrkdwn(
            f"… {left} more not shown here; narrow the query to see them."))]
        messages = shown
    kind = "ephemeral" if reply.ephemeral else "in_channel"
    fallback = fallback_text(text or (reply.briefs[0].headline if reply.briefs else "newsbrief"))
    bodies = []
    for blocks in messages:
        body: Payload = {"response_type": kind, "text": fallback, "replace_original": False,
                         "unfurl_links": False, "unfurl_media": False}
        if blocks:
            body["blocks"] = blocks
        bodies.append(body)
    return bodies


def _flatten(messages: list[list[Block]]) -> list[Block]:
    return [block for message in messages for block in message]

"""Forum channels and threads for the fake Discord (mixed into ``FakeDiscord``), in Discord's
shapes (GuildChannelResponse with available_tags, ThreadResponse with thread_metadata,
ThreadsResponse) and with its error codes:

- POST /channels/{forum}/messages: 400 40058 (a forum takes posts, not messages);
- POST /channels/{forum}/threads: a post (a thread whose first message has the thread's id);
  400 40067 when the forum requires a tag and none is given;
- POST /channels/{thread}/messages: 403 50083 when archived, 403 160005 when locked;
- PATCH /channels/{thread} ``{"archived": false}``: 403 50013 unless the bot started the thread
  or has Manage Threads (``manage_threads``), or when it is locked without Manage Threads;
- a deleted channel or thread: 404 10003 everywhere.

GET /channels/{id} needs only View Channel: ``forbidden_reads`` (no Read Message History) never
changes its answer; ``hidden`` (no View Channel) does, with 403 50001.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from aiohttp import web

THREAD_ROUTES = [
    ("POST", "/channels/{channel_id}/threads"),
    ("PATCH", "/channels/{channel_id}"),
    ("GET", "/guilds/{guild_id}/threads/active"),
    ("GET", "/channels/{channel_id}/threads/archived/public"),
]
REQUIRE_TAG = 1 << 4


def error(status: int, code: int, message: str) -> web.Response:
    from tests.support.fake_discord import _json
    return _json({"message": message, "code": code}, status)


class ThreadsMixin:
    """Forum and thread state and routes; ``FakeDiscord`` supplies the rest."""

    guild_id: str
    bot_id: str
    channels: dict[str, list[dict[str, Any]]]
    manage_threads: bool
    lose_answers: set[tuple[str, str]]  # (method, path): do it, then answer an error as if lost
    lost_status: int  # the status of that answer
    objects: dict[str, dict[str, Any]]  # channel id → its GET /channels/{id} object
    deleted: set[str]
    hidden: set[str]

    def _snowflake(self) -> str: ...
    def _message(self, channel_id: str, body: dict[str, Any], **extra: Any) -> dict[str, Any]: ...

    # ---- programming the fake -------------------------------------------------------------

    def add_forum(self, forum_id: str, tags: list[str], *, require_tag: bool = False,
                  moderated: tuple[str, ...] = (), media: bool = False) -> list[dict[str, Any]]:
        """A forum (type 15, or media 16) with these tags; returns its available_tags."""
        available = [{"id": str(int(forum_id) + 100 + n), "name": name,
                      "moderated": name in moderated, "emoji_id": None, "emoji_name": None}
                     for n, name in enumerate(tags)]
        self.objects[forum_id] = {
            "id": forum_id, "type": 16 if media else 15, "guild_id": self.guild_id,
            "name": "news-forum", "position": 1, "parent_id": None, "topic": None,
            "nsfw": False, "last_message_id": None, "rate_limit_per_user": 0,
            "permission_overwrites": [], "flags": REQUIRE_TAG if require_tag else 0,
            "available_tags": available, "default_reaction_emoji": None,
            "default_sort_order": None, "default_forum_layout": 0,
            "default_auto_archive_duration": 4320, "default_thread_rate_limit_per_user": 0}
        return available

    def add_thread(self, thread_id: str, parent_id: str, *, archived: bool = False,
                   locked: bool = False, owner: str | None = None, type_: int = 11
                   ) -> dict[str, Any]:
        thread = self._thread(thread_id, parent_id, name="a thread", owner=owner or "1" * 18,
                              type_=type_)
        thread["thread_metadata"].update(archived=archived, locked=locked)
        self.objects[thread_id] = thread
        return thread

    def delete_channel(self, channel_id: str) -> None:
        self.deleted.add(channel_id)
        self.objects.pop(channel_id, None)

    def threads_in(self, forum_id: str) -> list[dict[str, Any]]:
        return [o for o in self.objects.values() if o.get("parent_id") == forum_id]

    def _thread(self, thread_id: str, parent_id: str, *, name: str, owner: str,
                type_: int = 11, tags: list[str] | None = None) -> dict[str, Any]:
        now = datetime.now(UTC).isoformat()
        return {"id": thread_id, "type": type_, "guild_id": self.guild_id, "name": name,
                "parent_id": parent_id, "owner_id": owner, "flags": 0,
                "last_message_id": thread_id, "rate_limit_per_user": 0, "message_count": 0,
                "member_count": 1, "total_message_sent": 0, "applied_tags": tags or [],
                "thread_metadata": {"archived": False, "archive_timestamp": now,
                                    "auto_archive_duration": 4320, "locked": False,
                                    "create_timestamp": now}}

    # ---- checks shared with the message routes ---------------------------------------------

    def refusal(self, channel: str, *, posting: bool) -> web.Response | None:
        """Why a request about ``channel`` fails, if it does (None: it is fine)."""
        if channel in self.deleted:
            return error(404, 10003, "Unknown Channel")
        if channel in self.hidden:
            return error(403, 50001, "Missing Access")
        obj = self.objects.get(channel)
        if obj is None or not posting:
            return None
        if obj["type"] in (15, 16):
            return error(400, 40058, "Cannot send messages in a forum channel")
        meta = obj.get("thread_metadata") or {}
        if meta.get("archived"):
            return error(403, 50083, "Thread is archived")
        if meta.get("locked") and not self.manage_threads:
            return error(403, 160005, "Thread is locked")
        return None

    # ---- routes -----------------------------------------------------------------------------

    async def _post_channels_channel_id_threads(self, request: web.Request,
                                                params: dict[str, str], body: dict[str, Any]
                                                ) -> web.Response:
        from tests.support.fake_discord import _json
        forum_id = params["channel_id"]
        refused = self.refusal(forum_id, posting=False)
        if refused is not None:
            return refused
        forum = self.objects.get(forum_id)
        if forum is None or forum["type"] not in (15, 16):
            # starting a thread without a message in a text channel is not what we fake
            return error(400, 50024, "Cannot execute action on this channel type")
        applied = [str(t) for t in body.get("applied_tags") or []]
        known = {t["id"]: t for t in forum["available_tags"]}
        if any(t not in known or (known[t]["moderated"] and not self.manage_threads)
               for t in applied):
            return error(400, 50035, "Invalid Form Body")
        if forum["flags"] & REQUIRE_TAG and not applied:
            return error(400, 40067, "A tag is required to create a forum post in this channel")
        thread_id = self._snowflake()
        thread = self._thread(thread_id, forum_id, name=body["name"], owner=self.bot_id,
                              tags=applied)
        self.objects[thread_id] = thread
        first = {**self._message(thread_id, body["message"]), "id": thread_id}
        self.channels[thread_id].append(first)
        if ("POST", request.path.split("/api/v10", 1)[1]) in self.lose_answers:
            # created, but the answer is lost
            return error(self.lost_status, 0, "upstream connect error")
        return _json({**thread, "message": first}, 201)

    async def _patch_channels_channel_id(self, _r: web.Request, params: dict[str, str],
                                         body: dict[str, Any]) -> web.Response:
        from tests.support.fake_discord import _json
        thread_id = params["channel_id"]
        refused = self.refusal(thread_id, posting=False)
        if refused is not None:
            return refused
        thread = self.objects.get(thread_id)
        if thread is None or "thread_metadata" not in thread or set(body) != {"archived"}:
            return error(400, 50024, "Cannot execute action on this channel type")
        meta = thread["thread_metadata"]
        allowed = self.manage_threads or (thread["owner_id"] == self.bot_id
                                          and not meta["locked"])
        if not allowed:
            return error(403, 50013, "Missing Permissions")
        meta["archived"] = bool(body["archived"])
        meta["archive_timestamp"] = datetime.now(UTC).isoformat()
        return _json(thread)

    async def _get_guilds_guild_id_threads_active(self, _r: web.Request,
                                                  params: dict[str, str], _b: Any
                                                  ) -> web.Response:
        from tests.support.fake_discord import _json
        if params["guild_id"] != self.guild_id:
            return error(404, 10004, "Unknown Guild")
        threads = [o for o in self.objects.values() if "thread_metadata" in o
                   and not o["thread_metadata"]["archived"]]
        return _json({"threads": threads, "members": [], "has_more": False})

    async def _get_channels_channel_id_threads_archived_public(
            self, request: web.Request, params: dict[str, str], _b: Any) -> web.Response:
        from tests.support.fake_discord import _json
        forum_id = params["channel_id"]
        refused = self.refusal(forum_id, posting=False)
        if refused is not None:
            return refused
        limit = int(request.query.get("limit", "50"))
        before = request.query.get("before")
        archived = sorted((t for t in self.threads_in(forum_id)
                           if t["thread_metadata"]["archived"]),
                          key=lambda t: t["thread_metadata"]["archive_timestamp"], reverse=True)
        if before:
            archived = [t for t in archived
                        if t["thread_metadata"]["archive_timestamp"] < before]
        return _json({"threads": archived[:limit], "members": [],
                      "has_more": len(archived) > limit})

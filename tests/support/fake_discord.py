"""A fake Discord REST API and gateway on loopback that answer as Discord does and check requests.

Every JSON body is validated against Discord's OpenAPI spec (``../shared/data/platform-specs/
discord/openapi.json``, skipped when absent) and against our own limits and no-ping checks
(always). Problems land in ``violations``; the ``fake`` fixture (and ``served``) fails the test on
any.

Usage (in an async test)::

    async with FakeDiscord() as fake:
        set_api_base(fake.api_base)           # discord.http.Route.BASE
        fake.fail("POST", "/channels/1/messages", [429, 429])   # a short 429 storm
        ...
        assert fake.messages(1)[0]["embeds"][0]["title"] == "..."

The gateway (``fake.gateway_url``, also answered by GET /gateway and /gateway/bot) says HELLO,
takes IDENTIFY (or RESUME), acks heartbeats, dispatches READY and one GUILD_CREATE (``GUILD_ID``
with the text channel ``TEXT_CHANNEL_ID``), and lets a test inject events::

    await fake.dispatch("INTERACTION_CREATE", fake.application_command("subscriptions"))

discord.py 2.7's ``Client`` dials ``DiscordWebSocket.DEFAULT_GATEWAY`` rather than asking GET
/gateway, so a test points that at ``fake.gateway_url`` too.
"""

from __future__ import annotations

import itertools
import json
import re
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import discord
import pytest
from aiohttp import WSMsgType, web
from discord.gateway import DiscordWebSocket
from discord.http import Route

from tests.support.discord_spec import body_violations
from tests.support.fake_discord_gateway import GatewaySession
from tests.support.fake_discord_threads import THREAD_ROUTES, ThreadsMixin
from tests.support.loopback import serve

BOT_TOKEN = "test-bot-token"
BOT_USER = {"id": "900000000000000001", "username": "newsbrief", "discriminator": "0",
            "global_name": None, "avatar": None, "bot": True}
APP_ID = "900000000000000002"
FOLLOWUP_CHANNEL = "900000000000000009"  # where interaction replies are said to be
OWNER = {"id": "900000000000000003", "username": "owner", "discriminator": "0", "avatar": None}
GUILD_ID = "900000000000000010"  # the one guild the gateway reports
TEXT_CHANNEL_ID = "900000000000000011"  # its text channel
MEMBER = {"id": "900000000000000012", "username": "reader", "discriminator": "0",
          "global_name": "Reader", "avatar": None}  # who runs the injected commands
GATEWAY_PATH = "/gateway-ws"
# Discord closes the gateway with 4014 when these are asked for and not enabled in the portal
# (DISCORD.md says to leave them off): GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT
PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15)

# (method, route template as in the spec, our path regex)
ROUTES: list[tuple[str, str, re.Pattern[str]]] = [
    (m, t, re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", t) + "$"))
    for m, t in [
        ("GET", "/users/@me"),
        ("GET", "/gateway"),
        ("GET", "/gateway/bot"),
        ("GET", "/oauth2/applications/@me"),
        ("POST", "/users/@me/channels"),
        ("GET", "/channels/{channel_id}"),
        ("GET", "/guilds/{guild_id}"),
        ("GET", "/channels/{channel_id}/messages"),
        ("POST", "/channels/{channel_id}/messages"),
        ("GET", "/webhooks/{webhook_id}/{webhook_token}"),
        ("POST", "/webhooks/{webhook_id}/{webhook_token}"),
        ("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"),
        ("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"),
        ("POST", "/interactions/{interaction_id}/{interaction_token}/callback"),
        ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands"),
        ("PUT", "/applications/{application_id}/commands"),
        *THREAD_ROUTES,
    ]
]
def _route(method: str, path: str) -> tuple[str, str, re.Match[str]] | None:
    for route_method, template, pattern in ROUTES:
        found = pattern.match(path)
        if route_method == method and found:
            return route_method, template, found
    return None


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # exactly "application/json": discord.py parses nothing else (json_or_text)
    return web.Response(status=status, body=json.dumps(data).encode(),
                        headers={"Content-Type": "application/json", **(headers or {})})


class FakeDiscord(ThreadsMixin):
    """The fake server; see the module docstring (forums and threads: fake_discord_threads)."""

    def __init__(self, *, nonce_window: float = 300.0, heartbeat_interval: float = 41.25,
                 global_rate: float | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.nonce_window = nonce_window  # seconds a nonce dedupes, as "the past few minutes"
        # Discord's global limit (50 req/s per bot), enforced when set: 429 {"global": true}
        self.global_rate = global_rate
        self.global_limited = 0
        self._global_window: deque[float] = deque()
        # the limit's clock (a test's virtual one makes the count deterministic) and when, by
        # it, each request came
        self.clock = clock
        self.request_times: list[float] = []
        self.heartbeat_interval = heartbeat_interval  # seconds, sent in HELLO (Discord: 41.25)
        self.ack_heartbeats = True  # False: heartbeats go unanswered (a half-dead link)
        self.identify_close: int | None = None  # close every IDENTIFY with this code (4004…)
        # how a RESUME is answered: "resumed"; "invalid" (RESUMED with a null payload, which
        # ends discord.py's connection task); "refuse" (op 9, not resumable)
        self.resume_answer = "resumed"
        self.gateway_sessions: list[GatewaySession] = []
        self._session_ids = itertools.count(1)
        self.violations: list[str] = []
        self.requests: list[tuple[str, str, Any]] = []
        self.channels: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.interaction_responses: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.commands: dict[str, list[dict[str, Any]]] = {}
        # no Read Message History: listing messages is refused, GET /channels/{id} is not
        self.forbidden_reads: set[str] = set()
        # any other id is a text channel the bot may post in, except these (10003 / 50001)
        self.deleted: set[str] = set()
        self.hidden: set[str] = set()
        self.objects: dict[str, dict[str, Any]] = {}  # forums and threads (add_forum, ...)
        self.manage_threads = False  # the bot's Manage Threads permission
        self.lose_answers: set[tuple[str, str]] = set()
        self.echo_headers = False  # failures echo the request's headers (Authorization too)
        self.lost_status = 503  # how a lost answer comes back: 503, or a 500 discord.py retries
        self.guild_id = GUILD_ID
        self.guild_name = "Fake Guild"  # GET /guilds/{GUILD_ID}'s name (others: Unknown Guild)
        self.channel_names: dict[str, str] = {}  # GET /channels/{id}'s name, else "news"
        self.bot_id = BOT_USER["id"]
        self._nonces: dict[tuple[str, str], tuple[dict[str, Any], float]] = {}
        self._webhooks: dict[str, tuple[str, str]] = {}  # id -> (token, channel id)
        self._failures: dict[tuple[str, str], list[int | tuple[int, float] | None]] = {}
        self._last_id = 0
        self._runner: web.AppRunner | None = None
        self.port = 0

    async def __aenter__(self) -> FakeDiscord:
        app = web.Application()
        app.router.add_route("*", "/api/v10/{tail:.*}", self._handle)
        app.router.add_get(GATEWAY_PATH, self._gateway_socket)
        self._runner, self.port = await serve(app)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._runner is not None
        for session in self.gateway_sessions:  # else cleanup waits for the sockets' handlers
            if not session.closed.is_set():
                await session.ws.close(code=1001)  # "going away", as at a Discord restart
        await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}{GATEWAY_PATH}"

    # ---- programming the fake -------------------------------------------------------------

    def webhook(self, channel_id: str, hook_id: str = "910000000000000001",
                token: str = "t" * 68) -> str:
        """Create a webhook for a channel; returns its URL (on the fake)."""
        self._webhooks[hook_id] = (token, channel_id)
        return f"{self.api_base}/webhooks/{hook_id}/{token}"

    def fail(self, method: str, path: str,
             statuses: list[int | tuple[int, float] | None]) -> None:
        """Answer the next requests to ``path`` with these statuses: ``(429, retry_after)`` for
        a rate limit, ``None`` to answer one request normally."""
        self._failures[(method, path)] = list(statuses)

    def messages(self, channel_id: str) -> list[dict[str, Any]]:
        return self.channels[str(channel_id)]

    def sent(self, method: str, prefix: str) -> list[Any]:
        return [b for m, p, b in self.requests if m == method and p.startswith(prefix)]

    def forget_nonces(self) -> None:
        """Let the dedupe window pass."""
        self._nonces.clear()

    def live_session(self) -> GatewaySession | None:
        """The newest identified gateway connection that is still open."""
        live = [s for s in self.gateway_sessions if s.identify and not s.closed.is_set()]
        return live[-1] if live else None

    async def close_live(self, code: int) -> GatewaySession:
        """Close the live gateway connection with ``code`` (4000: the client resumes)."""
        session = self.live_session()
        if session is None:
            raise AssertionError("no identified gateway connection to close")
        await session.ws.close(code=code, message=b"Closed by the test.")
        return session

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send an op 0 dispatch (e.g. INTERACTION_CREATE) on the live gateway connection."""
        session = self.live_session()
        if session is None:
            raise AssertionError("no identified gateway connection to dispatch to")
        await session.send(0, data, event)

    def application_command(self, name: str, options: list[dict[str, Any]] | None = None, *,
                            admin: bool = False) -> dict[str, Any]:
        """An INTERACTION_CREATE payload: ``MEMBER`` runs /name in ``TEXT_CHANNEL_ID``."""
        perms = (1 << 5) | (1 << 10) if admin else (1 << 10) | (1 << 11)
        return {
            "id": self._snowflake(), "application_id": APP_ID, "type": 2,
            "token": f"itoken-{self._snowflake()}", "version": 1, "locale": "en-US",
            "guild_locale": "en-US", "guild_id": GUILD_ID, "channel_id": TEXT_CHANNEL_ID,
            "context": 0, "channel": {**self._text_channel(), "guild_id": GUILD_ID},
            "data": {"id": self._snowflake(), "name": name, "type": 1, "guild_id": GUILD_ID,
                     "options": options or []},
            "member": {"user": MEMBER, "roles": [], "joined_at": "2024-01-01T00:00:00+00:00",
                       "deaf": False, "mute": False, "flags": 0, "permissions": str(perms)},
            "app_permissions": "2251799813685247", "entitlements": [],
            "authorizing_integration_owners": {"0": GUILD_ID},
            "attachment_size_limit": 8388608,
        }

    # ---- the gateway ----------------------------------------------------------------------

    async def _gateway_socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        query = request.query
        if query.get("v") != "10" or query.get("encoding", "json") != "json":
            self.violations.append(f"gateway: unexpected query {dict(query)}")
        compress = query.get("compress")
        if compress not in (None, "zlib-stream"):
            # discord.py asks for zstd-stream when a zstd module is installed; not faked here
            self.violations.append(f"gateway: unsupported compress={compress}")
            compress = None
        session = GatewaySession(ws=ws, session_id=f"fake-session-{next(self._session_ids)}",
                                 compress=compress)
        self.gateway_sessions.append(session)
        try:
            await session.send(10, {"heartbeat_interval": round(self.heartbeat_interval * 1000)})
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    self.violations.append(f"gateway: unexpected frame {msg.type!r}")
                    continue
                payload = json.loads(msg.data)
                session.received.append(payload)
                await self._gateway_op(session, payload.get("op"), payload.get("d"))
        finally:
            session.close_code = ws.close_code
            session.closed.set()
        return ws

    async def _gateway_op(self, session: GatewaySession, op: Any, data: Any) -> None:
        if op == 1:  # heartbeat: ack it, or discord.py reconnects as a zombie connection
            session.heartbeats += 1
            if self.ack_heartbeats:
                await session.send(11, None)
        elif op == 2:
            await self._identify(session, data)
        elif op == 6:
            await self._resume(session, data)
        elif op not in (3, 4, 8):  # presence, voice state, member requests: accepted, unused
            self.violations.append(f"gateway: unknown op {op!r}")

    async def _identify(self, session: GatewaySession, data: dict[str, Any]) -> None:
        if self.identify_close is not None:
            await session.ws.close(code=self.identify_close, message=b"Refused by the test.")
            return
        if data.get("token") != BOT_TOKEN:
            await session.ws.close(code=4004, message=b"Authentication failed.")
            return
        intents = data.get("intents")
        if not isinstance(intents, int) or intents & PRIVILEGED_INTENTS:
            self.violations.append(f"gateway: intents {intents!r} (none or privileged)")
            await session.ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        session.identify = data
        ready: dict[str, Any] = {
            "v": 10, "user": {**BOT_USER, "verified": True, "mfa_enabled": False, "flags": 0},
            "guilds": [{"id": GUILD_ID, "unavailable": True}], "session_id": session.session_id,
            "resume_gateway_url": self.gateway_url, "application": {"id": APP_ID, "flags": 0},
            "private_channels": [], "relationships": [], "presences": [],
            "guild_join_requests": [], "geo_ordered_rtc_regions": ["seoul"]}
        if "shard" in data:
            ready["shard"] = data["shard"]
        await session.send(0, ready, "READY")
        await session.send(0, self._guild(), "GUILD_CREATE")

    async def _resume(self, session: GatewaySession, data: dict[str, Any]) -> None:
        known = any(s.session_id == data.get("session_id") for s in self.gateway_sessions)
        if data.get("token") != BOT_TOKEN or not known or self.resume_answer == "refuse":
            await session.send(9, False)  # not resumable: the client identifies afresh
            return
        session.identify = data
        invalid = self.resume_answer == "invalid"
        await session.send(0, None if invalid else {"_trace": ["fake-gateway"]}, "RESUMED")

    def _text_channel(self) -> dict[str, Any]:
        return {"id": TEXT_CHANNEL_ID, "type": 0, "name": "news", "position": 0,
                "parent_id": None, "topic": None, "nsfw": False, "last_message_id": None,
                "rate_limit_per_user": 0, "permission_overwrites": [], "flags": 0}

    def _guild(self) -> dict[str, Any]:
        everyone = {"id": GUILD_ID, "name": "@everyone", "permissions": str((1 << 10) | (1 << 11)),
                    "position": 0, "color": 0, "hoist": False, "managed": False,
                    "mentionable": False, "flags": 0}
        me = {"user": BOT_USER, "roles": [], "joined_at": "2024-01-01T00:00:00+00:00",
              "deaf": False, "mute": False, "flags": 0}
        # what a guilds-intent GUILD_CREATE carries; discord.py reads the rest with defaults
        return {"id": GUILD_ID, "name": "Fake Guild", "icon": None, "owner_id": OWNER["id"],
                "afk_timeout": 300, "verification_level": 1, "default_message_notifications": 1,
                "explicit_content_filter": 2, "mfa_level": 0, "nsfw_level": 0,
                "premium_tier": 0, "preferred_locale": "en-US", "features": [],
                "roles": [everyone], "emojis": [], "stickers": [], "system_channel_flags": 0,
                "joined_at": "2024-01-01T00:00:00+00:00", "large": False,
                "unavailable": False, "member_count": 2, "members": [me],
                "channels": [self._text_channel()], "threads": [], "voice_states": [],
                "presences": [], "stage_instances": [], "guild_scheduled_events": [],
                "soundboard_sounds": []}

    # ---- the API --------------------------------------------------------------------------

    def _snowflake(self) -> str:
        self._last_id = max(self._last_id + 1, discord.utils.time_snowflake(datetime.now(UTC)))
        return str(self._last_id)

    def _message(self, channel_id: str, body: dict[str, Any], **extra: Any) -> dict[str, Any]:
        return {"id": self._snowflake(), "channel_id": channel_id, "type": 0,
                "content": body.get("content") or "", "embeds": body.get("embeds") or [],
                "author": BOT_USER, "timestamp": datetime.now(UTC).isoformat(),
                "edited_timestamp": None, "tts": False, "mention_everyone": False,
                "mentions": [], "mention_roles": [], "attachments": [], "pinned": False,
                "flags": body.get("flags") or 0, "components": [], **extra}

    async def _handle(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        body: Any = None
        if request.can_read_body:
            raw = await request.read()
            if request.headers.get("Content-Type", "").startswith("application/json"):
                body = json.loads(raw)
        self.requests.append((request.method, path, body))
        self.request_times.append(self.clock())
        route = _route(request.method, path)
        if route is None:
            self.violations.append(f"unknown route {request.method} {path}")
            return _json({"message": "404: Not Found", "code": 0}, 404)
        method, template, found = route
        if body is not None:
            self.violations += [f"{method} {template}: {p}"
                                for p in body_violations(method, template, body)]
        failure = self._failure(request.method, path, request.headers) or self._global_limit()
        if failure is not None:
            return failure
        needs_token = not template.startswith(("/webhooks", "/interactions")) \
            and template != "/gateway"  # GET /gateway needs no authentication
        if needs_token and request.headers.get("Authorization") != f"Bot {BOT_TOKEN}":
            return _json({"message": "401: Unauthorized", "code": 0}, 401)
        params = found.groupdict()
        return await getattr(self, "_" + re.sub(r"\W+", "_", f"{method} {template}").strip("_")
                             .lower())(request, params, body)

    def _global_limit(self) -> web.Response | None:
        """More than ``global_rate`` requests within one second: a global 429."""
        if self.global_rate is None:
            return None
        now = self.clock()
        while self._global_window and self._global_window[0] <= now - 1.0:
            self._global_window.popleft()
        if len(self._global_window) >= self.global_rate:
            self.global_limited += 1
            wait = self._global_window[0] + 1.0 - now
            return _json({"message": "You are being rate limited.", "retry_after": wait,
                          "global": True}, 429,
                         {"Via": "1.1 google", "Retry-After": str(max(1, round(wait))),
                          "X-RateLimit-Global": "true", "X-RateLimit-Scope": "global"})
        self._global_window.append(now)
        return None

    def _failure(self, method: str, path: str,
                 headers: Any = None) -> web.Response | None:
        queue = self._failures.get((method, path))
        if not queue:
            return None
        entry = queue.pop(0)
        if entry is None:
            return None
        status, retry_after = (entry, 0.05) if isinstance(entry, int) else entry
        if status == 429:
            return _json({"message": "You are being rate limited.", "retry_after": retry_after,
                          "global": False}, 429,
                         {"Via": "1.1 google", "Retry-After": str(max(1, round(retry_after))),
                          "X-RateLimit-Scope": "user", "X-RateLimit-Limit": "5",
                          "X-RateLimit-Remaining": "0", "X-RateLimit-Reset-After":
                          str(retry_after), "X-RateLimit-Bucket": "fakebucket"})
        codes = {401: 0, 403: 50013, 404: 10003, 500: 0, 503: 0}
        message = f"{status}"
        if self.echo_headers and headers is not None:  # a proxy's debugging error page
            message += " upstream failed; request headers: " + "; ".join(
                f"{name}: {value}" for name, value in headers.items())
        return _json({"message": message, "code": codes.get(status, 0)}, status)

    async def _get_users_me(self, *_: Any) -> web.Response:
        return _json(BOT_USER)

    async def _get_gateway(self, *_: Any) -> web.Response:
        return _json({"url": self.gateway_url})

    async def _get_gateway_bot(self, *_: Any) -> web.Response:
        return _json({"url": self.gateway_url, "shards": 1, "session_start_limit": {
            "total": 1000, "remaining": 999, "reset_after": 14_400_000, "max_concurrency": 1}})

    async def _get_oauth2_applications_me(self, *_: Any) -> web.Response:
        return _json({"id": APP_ID, "name": "newsbrief", "icon": None, "description": "",
                      "bot_public": False, "bot_require_code_grant": False, "owner": OWNER,
                      "verify_key": "0" * 64, "flags": 0, "summary": ""})

    async def _post_users_me_channels(self, _r: web.Request, _p: dict[str, str], body: Any
                                      ) -> web.Response:
        user = {**OWNER, "id": str(body["recipient_id"])}
        return _json({"id": str(int(body["recipient_id"]) + 1), "type": 1, "recipients": [user],
                      "last_message_id": None})

    async def _get_channels_channel_id(self, _r: web.Request, params: dict[str, str],
                                       _b: Any) -> web.Response:
        channel = params["channel_id"]
        refused = self.refusal(channel, posting=False)  # View Channel only, not history
        if refused is not None:
            return refused
        found = self.objects.get(channel) or {**self._text_channel(), "id": channel,
                                              "guild_id": GUILD_ID}
        if channel in self.channel_names:
            found = {**found, "name": self.channel_names[channel]}
        return _json(found)

    async def _get_guilds_guild_id(self, _r: web.Request, params: dict[str, str],
                                   _b: Any) -> web.Response:
        if params["guild_id"] != self.guild_id:
            return _json({"message": "Unknown Guild", "code": 10004}, 404)
        return _json({**self._guild(), "name": self.guild_name})

    async def _get_webhooks_webhook_id_webhook_token(self, _r: web.Request,
                                                     params: dict[str, str], _b: Any
                                                     ) -> web.Response:
        hook_id, token = params["webhook_id"], params["webhook_token"]
        if self._webhooks.get(hook_id, ("", ""))[0] != token:
            return _json({"message": "Unknown Webhook", "code": 10015}, 404)
        return _json({"id": hook_id, "type": 1, "name": "newsbrief", "token": token,
                      "channel_id": self._webhooks[hook_id][1], "guild_id": GUILD_ID})

    async def _get_channels_channel_id_messages(self, request: web.Request,
                                                params: dict[str, str], _b: Any) -> web.Response:
        channel = params["channel_id"]
        refused = self.refusal(channel, posting=False)
        if refused is not None:
            return refused
        if channel in self.forbidden_reads:
            return _json({"message": "Missing Access", "code": 50001}, 403)
        after = int(request.query.get("after", "0"))
        limit = min(100, int(request.query.get("limit", "50")))
        newer = [m for m in self.channels[channel] if int(m["id"]) > after][:limit]
        return _json(list(reversed(newer)))  # Discord lists newest first

    async def _post_channels_channel_id_messages(self, _r: web.Request, params: dict[str, str],
                                                 body: dict[str, Any]) -> web.Response:
        channel = params["channel_id"]
        refused = self.refusal(channel, posting=True)
        if refused is not None:
            return refused
        nonce = body.get("nonce")
        now = datetime.now(UTC).timestamp()
        if body.get("enforce_nonce") and nonce is not None:
            seen = self._nonces.get((channel, str(nonce)))
            if seen and now - seen[1] <= self.nonce_window:
                return _json(seen[0])  # a duplicate nonce returns the existing message
        message = self._message(channel, body, nonce=nonce)
        self.channels[channel].append(message)
        if nonce is not None:
            self._nonces[(channel, str(nonce))] = (message, now)
        return _json(message)

    async def _post_webhooks_webhook_id_webhook_token(self, request: web.Request,
                                                      params: dict[str, str], body: Any
                                                      ) -> web.Response:
        hook_id, token = params["webhook_id"], params["webhook_token"]
        if hook_id == APP_ID:  # an interaction follow-up
            message = self._message(FOLLOWUP_CHANNEL, body, webhook_id=hook_id)
            self.interaction_responses[token].append({"followup": body, "message": message})
            return _json(message)
        if self._webhooks.get(hook_id, ("", ""))[0] != token:
            return _json({"message": "Unknown Webhook", "code": 10015}, 404)
        channel = self._webhooks[hook_id][1]
        message = self._message(channel, body, webhook_id=hook_id)
        self.channels[channel].append(message)
        if request.query.get("wait") != "true":
            return web.Response(status=204)
        return _json(message)

    async def _patch_webhooks_webhook_id_webhook_token_messages_original(
            self, _r: web.Request, params: dict[str, str], body: Any) -> web.Response:
        message = self._message(FOLLOWUP_CHANNEL, body, webhook_id=params["webhook_id"])
        self.interaction_responses[params["webhook_token"]].append({"edit": body})
        return _json(message)

    async def _delete_webhooks_webhook_id_webhook_token_messages_original(
            self, _r: web.Request, params: dict[str, str], _b: Any) -> web.Response:
        self.interaction_responses[params["webhook_token"]].append({"delete": True})
        return web.Response(status=204)

    async def _post_interactions_interaction_id_interaction_token_callback(
            self, request: web.Request, params: dict[str, str], body: Any) -> web.Response:
        self.interaction_responses[params["interaction_token"]].append({"callback": body})
        if request.query.get("with_response") not in ("1", "true"):
            return web.Response(status=204)
        flags = (body.get("data") or {}).get("flags") or 0
        return _json({"interaction": {
            "id": params["interaction_id"], "type": 2,
            "response_message_loading": body["type"] == 5,
            "response_message_ephemeral": bool(flags & 64)},
            "resource": {"type": body["type"]}})

    async def _put_applications_application_id_guilds_guild_id_commands(
            self, _r: web.Request, params: dict[str, str], body: Any) -> web.Response:
        return self._store_commands(params["guild_id"], params["application_id"], body)

    async def _put_applications_application_id_commands(
            self, _r: web.Request, params: dict[str, str], body: Any) -> web.Response:
        return self._store_commands("global", params["application_id"], body)

    def _store_commands(self, scope: str, app_id: str, body: list[dict[str, Any]]
                        ) -> web.Response:
        stored = [{**c, "id": self._snowflake(), "application_id": app_id, "version": "1",
                   "type": c.get("type", 1), "default_member_permissions":
                   c.get("default_member_permissions")} for c in body]
        self.commands[scope] = stored
        return _json(stored)


@asynccontextmanager
async def served(monkeypatch: pytest.MonkeyPatch, *, gateway: bool = False,
                 **options: Any) -> AsyncIterator[FakeDiscord]:
    """A ``FakeDiscord(**options)`` for one test, failing it on any request that broke a rule.
    discord.py's API base (and with ``gateway`` its default gateway) is restored after the test,
    whoever changes it: the Discord adapter repoints it."""
    monkeypatch.setattr(Route, "BASE", Route.BASE)
    if gateway:
        monkeypatch.setattr(DiscordWebSocket, "DEFAULT_GATEWAY", DiscordWebSocket.DEFAULT_GATEWAY)
    async with FakeDiscord(**options) as server:
        yield server
        assert server.violations == []


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    """The fake Discord of a test (see ``served``)."""
    async with served(monkeypatch) as server:
        yield server


@pytest.fixture(name="fake_discord")
async def fake_discord_fixture(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    """The fake Discord under its own name, for tests whose ``fake`` is another platform's."""
    async with served(monkeypatch) as server:
        yield server

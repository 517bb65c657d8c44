"""A fake Discord REST API and gateway on loopback that answer as Discord does and check requests.

Every JSON body is validated against Discord's OpenAPI spec (``../shared/data/platform-specs/
discord/openapi.json``, skipped when absent) and against our own limits and no-ping checks
(always). Problems land in ``violations``; the ``fake_discord`` fixture fails the test on any.

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

import asyncio
import itertools
import json
import re
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import discord
import jsonschema
from aiohttp import web

from adapters.discord.escape import live_mentions
from adapters.discord.limits import payload_violations
from tests.conftest import SHARED

SPEC_PATH = SHARED / "data" / "platform-specs" / "discord" / "openapi.json"
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
        ("GET", "/channels/{channel_id}/messages"),
        ("POST", "/channels/{channel_id}/messages"),
        ("POST", "/webhooks/{webhook_id}/{webhook_token}"),
        ("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"),
        ("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"),
        ("POST", "/interactions/{interaction_id}/{interaction_token}/callback"),
        ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands"),
        ("PUT", "/applications/{application_id}/commands"),
    ]
]
MESSAGE_BODIES = {"/channels/{channel_id}/messages", "/webhooks/{webhook_id}/{webhook_token}",
                  "/webhooks/{webhook_id}/{webhook_token}/messages/@original"}


@cache
def _spec() -> dict[str, Any] | None:
    if not SPEC_PATH.exists():
        return None
    spec: dict[str, Any] = json.loads(SPEC_PATH.read_text())
    return spec


@cache
def _validator(method: str, template: str) -> jsonschema.Draft202012Validator | None:
    spec = _spec()
    if spec is None:
        return None
    op = spec["paths"][template][method.lower()]
    schema = op["requestBody"]["content"]["application/json"]["schema"]
    # refs are "#/components/...": give the sub-schema the spec's components as its root
    return jsonschema.Draft202012Validator({**schema, "components": spec["components"]})


def _known_properties(method: str, template: str) -> set[str] | None:
    """Top-level properties the spec knows for a message body (the spec does not forbid extra
    ones, but Discord ignores them silently, which would hide a bug such as a webhook nonce)."""
    spec = _spec()
    if spec is None:
        return None
    schema = spec["paths"][template][method.lower()]["requestBody"]["content"][
        "application/json"]["schema"]
    refs = [s["$ref"] for s in schema.get("anyOf", [])] or [schema["$ref"]]
    names: set[str] = set()
    for ref in refs:
        names |= set(spec["components"]["schemas"][ref.rsplit("/", 1)[1]]["properties"])
    return names


def _snowflakes_as_strings(value: Any) -> Any:
    """The spec types snowflakes as strings only; discord.py sends some as JSON integers (e.g.
    ``recipient_id``), which Discord accepts in practice (the docs only say ids are *returned*
    as strings). Reality wins over the spec here, so 64-bit integers are compared as strings."""
    if isinstance(value, dict):
        return {k: _snowflakes_as_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_snowflakes_as_strings(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool) and value >= 2**32:
        return str(value)
    return value


def body_violations(method: str, template: str, body: Any) -> list[str]:
    """Spec and own-limit problems of one request body."""
    problems: list[str] = []
    validator = _validator(method, template)
    if validator is not None:
        problems += [f"spec: {e.json_path}: {e.message[:200]}"
                     for e in validator.iter_errors(_snowflakes_as_strings(body))]
    if template in MESSAGE_BODIES and isinstance(body, dict):
        known = _known_properties(method, template)
        if known is not None:
            # discord.py's edit_original_response always adds "tts": false, which the edit
            # schema lacks and Discord ignores; anything else unknown is reported
            problems += [f"unknown field {k!r}" for k, v in body.items()
                         if k not in known and not (k == "tts" and v is False)]
        # The spec allows content up to 4000 on Create Message; the docs (message.mdx) say
        # 2000, as for webhooks. Where spec and docs disagree the docs win: limits.CONTENT.
        problems += payload_violations(body)
        for embed in body.get("embeds") or []:
            url = embed.get("url")
            if url is not None and (urlsplit(url).scheme not in ("http", "https")
                                    or any(c.isspace() for c in url)):
                problems.append(f"embed url is not an http(s) URI: {url!r}")
        problems += [f"live mention {m!r}" for m in live_mentions(json.dumps(
            body, ensure_ascii=False))]
    return problems


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


class FakeDiscord:
    """The fake server; see the module docstring."""

    def __init__(self, *, nonce_window: float = 300.0) -> None:
        self.nonce_window = nonce_window  # seconds a nonce dedupes, as "the past few minutes"
        self.violations: list[str] = []
        self.requests: list[tuple[str, str, Any]] = []
        self.channels: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.interaction_responses: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.forbidden_reads: set[str] = set()
        self._nonces: dict[tuple[str, str], tuple[dict[str, Any], float]] = {}
        self._webhooks: dict[str, tuple[str, str]] = {}  # id -> (token, channel id)
        self._failures: dict[tuple[str, str], list[int | tuple[int, float] | None]] = {}
        self._last_id = 0
        self._runner: web.AppRunner | None = None
        self.port = 0

    async def __aenter__(self) -> FakeDiscord:
        app = web.Application()
        app.router.add_route("*", "/api/v10/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._runner is not None
        await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

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
        route = _route(request.method, path)
        if route is None:
            self.violations.append(f"unknown route {request.method} {path}")
            return _json({"message": "404: Not Found", "code": 0}, 404)
        method, template, found = route
        if body is not None:
            self.violations += [f"{method} {template}: {p}"
                                for p in body_violations(method, template, body)]
        failure = self._failure(request.method, path)
        if failure is not None:
            return failure
        needs_token = not template.startswith(("/webhooks", "/interactions"))
        if needs_token and request.headers.get("Authorization") != f"Bot {BOT_TOKEN}":
            return _json({"message": "401: Unauthorized", "code": 0}, 401)
        params = found.groupdict()
        return await getattr(self, "_" + re.sub(r"\W+", "_", f"{method} {template}").strip("_")
                             .lower())(request, params, body)

    def _failure(self, method: str, path: str) -> web.Response | None:
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
        return _json({"message": f"{status}", "code": codes.get(status, 0)}, status)

    async def _get_users_me(self, *_: Any) -> web.Response:
        return _json(BOT_USER)

    async def _get_oauth2_applications_me(self, *_: Any) -> web.Response:
        return _json({"id": APP_ID, "name": "newsbrief", "icon": None, "description": "",
                      "bot_public": False, "bot_require_code_grant": False, "owner": OWNER,
                      "verify_key": "0" * 64, "flags": 0, "summary": ""})

    async def _post_users_me_channels(self, _r: web.Request, _p: dict[str, str], body: Any
                                      ) -> web.Response:
        user = {**OWNER, "id": str(body["recipient_id"])}
        return _json({"id": str(int(body["recipient_id"]) + 1), "type": 1, "recipients": [user],
                      "last_message_id": None})

    async def _get_channels_channel_id_messages(self, request: web.Request,
                                                params: dict[str, str], _b: Any) -> web.Response:
        channel = params["channel_id"]
        if channel in self.forbidden_reads:
            return _json({"message": "Missing Access", "code": 50001}, 403)
        after = int(request.query.get("after", "0"))
        limit = min(100, int(request.query.get("limit", "50")))
        newer = [m for m in self.channels[channel] if int(m["id"]) > after][:limit]
        return _json(list(reversed(newer)))  # Discord lists newest first

    async def _post_channels_channel_id_messages(self, _r: web.Request, params: dict[str, str],
                                                 body: dict[str, Any]) -> web.Response:
        channel = params["channel_id"]
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

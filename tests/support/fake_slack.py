"""A fake Slack (Web API, response_url, incoming webhooks) on loopback, for the real SDKs.

It stores what is posted, answers the read methods from that store, can be told to fail, and
checks every ``chat.postMessage`` body against Block Kit's limits and mention safety (always) and
against Slack's OpenAPI spec in ../shared (when present). Problems land in ``violations``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from aiohttp import web

from tests.support.loopback import serve

TOKEN = "xoxb-test-token"
APP_TOKEN = "xapp-test-token"
TEAM = "T0TEAM"

# a text that could notify or disguise: control sequences anywhere in parsed text
_LINK = re.compile(r"<(https?://[^|<>\s]+)\|([^<>]*)>")


@dataclass
class Failure:
    error: str
    status: int = 200
    retry_after: int | None = None
    times: int = 1
    after: int = 0  # let this many calls through first


@dataclass
class FakeSlack:
    spec_path: Path | None = None
    messages: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    posts: list[dict[str, Any]] = field(default_factory=list)  # every chat.postMessage body
    responses: list[dict[str, Any]] = field(default_factory=list)  # response_url posts
    webhook_posts: list[dict[str, Any]] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    usergroups: dict[str, list[str]] = field(default_factory=dict)
    failures: dict[str, list[Failure]] = field(default_factory=lambda: defaultdict(list))
    webhook_status: list[tuple[int, str, int | None]] = field(default_factory=list)
    drop_after_store: int = 0  # store the next N posts, then cut the connection (a lost answer)
    # store the next posts, then answer each with this (status, error): "it may have succeeded"
    error_after_store: list[tuple[int, str]] = field(default_factory=list)
    archived: set[str] = field(default_factory=set)
    # conversations.info knows these and any channel posted to; others are channel_not_found
    known_channels: set[str] = field(default_factory=set)
    channel_names: dict[str, str] = field(default_factory=dict)  # else the id, lowered
    team_name: str = "Fake Workspace"  # team.info's answer for TEAM (others: team_not_found)
    allowed_subteams: set[str] = field(default_factory=set)  # user groups a post may mention
    base_url: str = ""
    socket_acks: list[dict[str, Any]] = field(default_factory=list)  # Socket Mode envelope acks
    accept_sockets: bool = True  # False: Socket Mode connections are refused (Slack is down)
    sockets: list[web.WebSocketResponse] = field(default_factory=list)  # every one accepted
    _socket_out: asyncio.Queue[dict[str, Any]] = field(default_factory=asyncio.Queue)
    _clock: float = 0.0
    _runner: web.AppRunner | None = None

    # -- control -------------------------------------------------------------------------------

    def fail(self, method: str, error: str, *, status: int = 200, retry_after: int | None = None,
             times: int = 1, after: int = 0) -> None:
        """Fail the next ``times`` calls of ``method``, after letting ``after`` through."""
        self.failures[method].append(Failure(error, status, retry_after, times, after))

    def history(self, channel: str) -> list[dict[str, Any]]:
        return self.messages[channel]

    async def start(self) -> FakeSlack:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)
        app.router.add_post("/response/{rid}", self._response_url)
        app.router.add_post("/hooks/{hid}", self._webhook)
        app.router.add_get("/socket", self._socket)
        self._runner, port = await serve(app)
        self.base_url = f"http://127.0.0.1:{port}"
        if self.spec_path is not None and self.spec_path.exists():
            self._spec = json.loads(self.spec_path.read_text())
        else:
            self._spec = None
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/"

    # -- Web API -------------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        self.calls.append(method)
        args = await _arguments(request)
        if method == "apps.connections.open":
            if request.headers.get("Authorization") != f"Bearer {APP_TOKEN}":
                return _json({"ok": False, "error": "invalid_auth"})
            return _json({"ok": True, "url": self.base_url.replace("http", "ws") + "/socket"})
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            return _json({"ok": False, "error": "invalid_auth"})
        queued = self.failures.get(method)
        if queued and queued[0].after > 0:
            queued[0].after -= 1
        elif queued:
            failure = queued[0]
            failure.times -= 1
            if failure.times <= 0:
                queued.pop(0)
            headers = {"Retry-After": str(failure.retry_after)} if failure.retry_after else {}
            return _json({"ok": False, "error": failure.error}, status=failure.status,
                         headers=headers)
        handler = getattr(self, "_m_" + method.replace(".", "_"), None)
        if handler is None:
            return _json({"ok": False, "error": "unknown_method"}, status=404)
        result = handler(args)
        if method == "chat.postMessage" and result.get("ok") and self.drop_after_store > 0:
            self.drop_after_store -= 1
            assert request.transport is not None
            request.transport.close()  # the message is stored; the answer never arrives
            raise web.HTTPInternalServerError()
        if method == "chat.postMessage" and result.get("ok") and self.error_after_store:
            status, error = self.error_after_store.pop(0)
            return _json({"ok": False, "error": error}, status=status)
        return _json(result)

    def _m_auth_test(self, args: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "url": "https://fake.slack.com/", "team": "Fake", "user": "newsbrief",
                "team_id": TEAM, "user_id": "UBOT", "bot_id": "BBOT"}

    def _m_conversations_info(self, args: dict[str, Any]) -> dict[str, Any]:
        channel = str(args.get("channel", ""))
        if channel not in self.known_channels and channel not in self.channel_names \
                and not self.messages.get(channel):
            return {"ok": False, "error": "channel_not_found"}
        return {"ok": True, "channel": {"id": channel,
                                        "name": self.channel_names.get(channel, channel.lower()),
                                        "is_member": True, "is_archived": channel in self.archived}}

    def _m_team_info(self, args: dict[str, Any]) -> dict[str, Any]:
        if str(args.get("team", TEAM)) != TEAM:
            return {"ok": False, "error": "team_not_found"}
        return {"ok": True, "team": {"id": TEAM, "name": self.team_name, "domain": "fake"}}

    def _m_chat_postMessage(self, args: dict[str, Any]) -> dict[str, Any]:
        self.posts.append(args)
        problems = check_post(self._without_allowed_mention(args)) + self._check_spec(args)
        self.violations += problems
        channel = str(args.get("channel", ""))
        if not channel or channel.startswith("CMISSING"):
            return {"ok": False, "error": "channel_not_found"}
        if channel in self.archived:
            return {"ok": False, "error": "is_archived"}
        if any("too long" in problem for problem in problems):
            return {"ok": False, "error": "msg_blocks_too_long"}
        if problems:
            return {"ok": False, "error": "invalid_blocks"}
        self._clock = max(self._clock + 0.000001, time.time())
        ts = f"{self._clock:.6f}"
        message = {"type": "message", "ts": ts, "text": args.get("text", ""),
                   "blocks": args.get("blocks", []), "bot_id": "BBOT"}
        if args.get("thread_ts"):
            message["thread_ts"] = args["thread_ts"]
        if args.get("metadata"):
            message["metadata"] = args["metadata"]
        self.messages[channel].append(message)
        return {"ok": True, "channel": channel, "ts": ts,
                "message": {k: v for k, v in message.items() if k != "metadata"}}

    def _without_allowed_mention(self, args: dict[str, Any]) -> dict[str, Any]:
        """The body less a leading ``<!subteam^ID>`` block for a group the test configured:
        the only mention a post may make; anything else is checked as usual."""
        blocks = args.get("blocks") or []
        if blocks and blocks[0].get("type") == "section":
            text = blocks[0].get("text") or {}
            found = re.fullmatch(r"<!subteam\^(S[A-Z0-9]+)>", str(text.get("text", "")))
            if found and found.group(1) in self.allowed_subteams and text.get("verbatim"):
                return {**args, "blocks": blocks[1:]}
        return args

    def _m_conversations_history(self, args: dict[str, Any]) -> dict[str, Any]:
        channel = str(args.get("channel", ""))
        oldest = float(args.get("oldest") or 0)
        limit = int(args.get("limit") or 100)
        start = int(args.get("cursor") or 0)
        with_metadata = str(args.get("include_all_metadata")).lower() in ("true", "1")
        visible = [m for m in reversed(self.messages[channel])  # newest first, as Slack does
                   if float(m["ts"]) > oldest and m.get("thread_ts", m["ts"]) == m["ts"]]
        page = [_shown(m, with_metadata) for m in visible[start:start + limit]]
        more = start + limit < len(visible)
        return {"ok": True, "messages": page, "has_more": more,
                "response_metadata": {"next_cursor": str(start + limit) if more else ""}}

    def _m_conversations_replies(self, args: dict[str, Any]) -> dict[str, Any]:
        channel, parent = str(args.get("channel", "")), str(args.get("ts", ""))
        with_metadata = str(args.get("include_all_metadata")).lower() in ("true", "1")
        thread = [_shown(m, with_metadata) for m in self.messages[channel]
                  if m["ts"] == parent or m.get("thread_ts") == parent]
        return {"ok": True, "messages": thread, "has_more": False}

    def _m_conversations_open(self, args: dict[str, Any]) -> dict[str, Any]:
        user = str(args.get("users", ""))
        return {"ok": True, "channel": {"id": "D" + user}}

    def _m_users_info(self, args: dict[str, Any]) -> dict[str, Any]:
        user = str(args.get("user", ""))
        if user not in self.users:
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "user": {"id": user, **self.users[user]}}

    def _m_usergroups_users_list(self, args: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "users": self.usergroups.get(str(args.get("usergroup")), [])}

    # -- response_url and incoming webhooks ----------------------------------------------------

    async def _response_url(self, request: web.Request) -> web.Response:
        body = await request.json()
        body["_rid"] = request.match_info["rid"]
        self.responses.append(body)
        self.violations += check_post(body, fallback_only=False)
        return web.Response(text="ok")

    async def _webhook(self, request: web.Request) -> web.Response:
        body = await request.json()
        if self.webhook_status:
            status, text, retry = self.webhook_status.pop(0)
            headers = {"Retry-After": str(retry)} if retry else {}
            return web.Response(status=status, text=text, headers=headers)
        if "channel" in body or "metadata" in body:
            self.violations.append("webhook body carries channel/metadata")
        self.violations += check_post(body)
        self.webhook_posts.append(body)
        return web.Response(text="ok")

    async def send_socket_event(self, envelope: dict[str, Any]) -> None:
        """Push an envelope (e.g. a ``slash_commands`` one) to the connected Socket Mode app."""
        await self._socket_out.put(envelope)

    async def drop_sockets(self) -> None:
        """Close every open Socket Mode connection, as Slack does when it moves an app."""
        for socket in self.sockets:
            if not socket.closed:
                await socket.close()

    def live_sockets(self) -> list[web.WebSocketResponse]:
        return [socket for socket in self.sockets if not socket.closed]

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        if not self.accept_sockets:
            return web.Response(status=503, text="socket mode unavailable")
        socket = web.WebSocketResponse()
        self.sockets.append(socket)
        await socket.prepare(request)
        await socket.send_json({"type": "hello", "num_connections": 1,
                                "debug_info": {"approximate_connection_time": 3600}})

        async def pump() -> None:
            while True:
                await socket.send_json(await self._socket_out.get())

        sender = asyncio.ensure_future(pump())
        try:
            async for frame in socket:
                if frame.type == web.WSMsgType.TEXT:
                    self.socket_acks.append(json.loads(frame.data))
        finally:
            sender.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sender
        return socket

    # -- the spec ------------------------------------------------------------------------------

    def _check_spec(self, args: dict[str, Any]) -> list[str]:
        if self._spec is None:
            return []
        operation = self._spec["paths"]["/chat.postMessage"]["post"]
        params = {p["name"]: p for p in operation["parameters"] if p["in"] == "formData"}
        # newer than the spec snapshot, documented on docs.slack.dev
        known = set(params) | {"metadata", "markdown_text"}
        problems = [f"spec: unknown argument {name}" for name in args if name not in known]
        problems += [f"spec: missing {name}" for name, p in params.items()
                     if p.get("required") and name not in args]
        for name, value in args.items():
            kind = params.get(name, {}).get("type")
            if kind == "boolean" and not isinstance(value, bool):
                problems.append(f"spec: {name} should be a boolean")
            if kind == "string" and name not in ("blocks", "attachments") \
                    and not isinstance(value, str):
                problems.append(f"spec: {name} should be a string")
        return problems


async def _arguments(request: web.Request) -> dict[str, Any]:
    args: dict[str, Any] = dict(request.query)
    raw = await request.read()
    if not raw:
        return args
    if request.content_type == "application/json":
        args.update(json.loads(raw))
    else:
        args.update(parse_qsl(raw.decode()))
    return args


def _shown(message: dict[str, Any], with_metadata: bool) -> dict[str, Any]:
    return {k: v for k, v in message.items() if with_metadata or k != "metadata"}


def _json(body: dict[str, Any], *, status: int = 200,
          headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(text=json.dumps(body), status=status, headers=headers,
                        content_type="application/json")


# -- Block Kit limits and mention safety, written apart from the adapter's own renderer ----------

def check_post(body: dict[str, Any], *, fallback_only: bool = False) -> list[str]:
    """Problems with a message body: Slack's limits, and any way feed text could ping or spoof."""
    problems: list[str] = []
    text = body.get("text", "")
    if not isinstance(text, str) or not text:
        problems.append("no text fallback")
    elif len(text) > 4000:
        problems.append(f"text too long: {len(text)}")
    elif "<" in text or ">" in text:
        problems.append(f"unescaped fallback text: {text[:80]!r}")
    if "unfurl_links" in body and not isinstance(body["unfurl_links"], bool):
        problems.append("unfurl_links not a boolean")
    for flag in ("link_names",):
        if body.get(flag):
            problems.append(f"{flag} set")
    if body.get("parse") not in (None, "none"):
        problems.append("parse is not none")
    blocks = body.get("blocks") or []
    if len(blocks) > 50:
        problems.append(f"too many blocks: {len(blocks)}")
    if len(json.dumps(blocks, ensure_ascii=False)) > 13_000:
        problems.append("blocks too long in all")
    for block in blocks:
        problems += _check_block(block)
    return problems


def _check_block(block: dict[str, Any]) -> list[str]:
    kind = block.get("type")
    problems: list[str] = []
    if kind == "divider":
        return []
    if kind == "header":
        text = block["text"]
        if text.get("type") != "plain_text":
            problems.append("header not plain_text")
        if not 0 < len(text.get("text", "")) <= 150:
            problems.append(f"header length {len(text.get('text', ''))}")
        problems += _check_text(text)
    elif kind == "section":
        text = block["text"]
        if not 0 < len(text.get("text", "")) <= 3000:
            problems.append(f"section text length {len(text.get('text', ''))}")
        problems += _check_text(text)
    elif kind == "context":
        elements = block.get("elements", [])
        if not 0 < len(elements) <= 10:
            problems.append(f"context with {len(elements)} elements")
        for element in elements:
            problems += _check_text(element)
    else:
        problems.append(f"unexpected block type {kind}")
    return problems


def _check_text(obj: dict[str, Any]) -> list[str]:
    text = obj.get("text", "")
    if obj.get("type") == "plain_text":
        if re.search(r"<[!@#]", text):
            return [f"control sequence in plain_text: {text[:80]!r}"]
        return []
    if obj.get("type") != "mrkdwn":
        return [f"unknown text object {obj.get('type')}"]
    if obj.get("verbatim") is not True:
        return ["mrkdwn without verbatim"]
    problems = []
    for match in _LINK.finditer(text):
        host = urlsplit(match.group(1).replace("&amp;", "&")).hostname or ""
        if match.group(2) != host.removeprefix("www."):
            problems.append(f"link label is not its host: {match.group(0)[:80]!r}")
    rest = _LINK.sub("", text)
    if "<" in rest or ">" in rest:
        problems.append(f"control sequence in mrkdwn: {rest[:80]!r}")
    return problems

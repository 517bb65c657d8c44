"""The Bolt ``AsyncApp`` that receives slash commands, over Socket Mode or signed HTTP."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.commands import AdminCheck, reply_bodies, to_request
from adapters.slack.reactions import reaction_listener
from adapters.slack.settings import SlackSettings
from adapters.slack.socket import SocketSupervisor
from bot.delivery import CommandHandler, CommandReply, ReactionHandler
from bot.logs import get_log

log = get_log(__name__)
PING_INTERVAL = 10.0  # seconds between Socket Mode pings (slack_bolt's default); 4 missed: stale


class NoRequestBodies(logging.Filter):
    """Bolt writes request bodies into some lines (a bad signature's whole body at INFO, an
    unhandled request's payload): cut each such message before its body."""

    _MARKERS = ("body:", "body=", "request (")

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cut = min((i for i in (message.find(m) for m in self._MARKERS) if i >= 0), default=-1)
        if cut >= 0:
            record.msg, record.args = message[:cut] + "[request body not logged]", None
        return True


def build_app(settings: SlackSettings, client: AsyncWebClient,
              commands: CommandHandler, reactions: ReactionHandler | None = None) -> AsyncApp:
    """An AsyncApp with one listener per configured slash command. In HTTP mode Bolt verifies
    every request's signature and timestamp (5 minutes) and answers 401 before any listener."""
    bolt_log = logging.getLogger("adapters.slack.bolt")
    if not any(isinstance(f, NoRequestBodies) for f in bolt_log.filters):
        bolt_log.addFilter(NoRequestBodies())
    app = AsyncApp(
        client=client,
        signing_secret=settings.signing_secret or "",
        request_verification_enabled=not settings.socket_mode,
        logger=bolt_log,
    )
    is_admin = AdminCheck(client, settings.admin_ids, ttl=settings.admin_cache_seconds)

    async def on_command(ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()  # first: Slack wants the 200 within 3 s; the work and reply come after
        user = str(body.get("user_id", ""))
        request = to_request(body, commands=settings.commands, is_admin=await is_admin(user),
                             locale=await is_admin.locale(user))
        log.info("slack.command", command=request.command, user=request.user,
                 where=request.where.ref, admin=request.is_admin)
        try:
            reply = await commands(request)
        except Exception:
            log.exception("slack.command_failed", command=request.command)
            reply = CommandReply("Sorry, that did not work. Please try again later.",
                                 error=True)
        for reply_body in reply_bodies(reply, request.where):
            await respond(**reply_body)

    for slash in settings.commands:
        app.command(slash)(on_command)
    if reactions is not None:
        app.event("reaction_added")(reaction_listener(reactions, is_admin))
    return app

class RawSignatureVerifier(SignatureVerifier):
    """Signs the raw bytes, as Slack does: the SDK decodes them first, so a body that is not
    UTF-8 raised there instead of failing the signature check."""

    def generate_signature(self, *, timestamp: str, body: str | bytes) -> str | None:
        if timestamp is None:
            return None
        raw = body if isinstance(body, bytes) else (body or "").encode()
        digest = hmac.new(self.signing_secret.encode(), b"v0:" + timestamp.encode() + b":" + raw,
                          hashlib.sha256).hexdigest()
        return f"v0={digest}"


class SlackServer:
    """Runs the app: Socket Mode when an app token is configured, else an aiohttp server whose
    ``web_app`` can carry more routes (health, metrics) if added before ``start``."""

    def __init__(self, settings: SlackSettings, client: AsyncWebClient,
                 commands: CommandHandler, reactions: ReactionHandler | None = None) -> None:
        self.settings = settings
        self.app = build_app(settings, client, commands, reactions)
        # Socket Mode has no HTTP listener and may have no signing secret.
        self._verifier = RawSignatureVerifier(settings.signing_secret) \
            if settings.signing_secret else None
        self.web_app = web.Application(client_max_size=settings.max_body_bytes)
        self.web_app.router.add_post(settings.http_path, self._handle)
        self._runner: web.AppRunner | None = None
        self._socket: AsyncSocketModeHandler | None = None
        self.supervisor: SocketSupervisor | None = None  # Socket Mode: watches the connection
        self.port: int | None = None

    async def _handle(self, request: web.Request) -> web.Response:
        body = await request.read()  # over max_body_bytes: aiohttp answers 413 itself
        refusal = self._refusal(request, body)
        if refusal is not None:
            status, reason = refusal
            # One line, never the body: it is unauthenticated text anyone can send.
            log.info("slack.request_refused", status=status, reason=reason)
            return web.json_response({"error": reason}, status=status)
        bolt_response = await self.app.async_dispatch(await to_bolt_request(request))
        return await to_aiohttp_response(bolt_response)

    def _refusal(self, request: web.Request, body: bytes) -> tuple[int, str] | None:
        """Why a request is refused before Bolt sees it (which would log its body on a bad
        signature, and answer 500 to a malformed timestamp or a non-UTF-8 body), or None.

        One rule: a request that does not prove it comes from Slack is 401, whatever is wrong
        with its signature inputs (no signature or timestamp, a timestamp that is not a number,
        a stale one, a wrong signature); 4xx other than 401 only for a signed request."""
        stamp = request.headers.get("X-Slack-Request-Timestamp", "")
        signature = request.headers.get("X-Slack-Signature", "")
        if not stamp or not signature:
            return 401, "unsigned request"
        if not stamp.isascii() or not stamp.isdigit() or len(stamp) > 12:
            return 401, "malformed timestamp"
        # the signature covers the raw bytes: checked before the body is decoded
        if self._verifier is None or not self._verifier.is_valid(body, stamp, signature):
            return 401, "invalid signature or stale timestamp"
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return 400, "body is not UTF-8"
        content_type = request.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type == "application/x-www-form-urlencoded":
            return None
        if content_type == "application/json" and _is_event_envelope(text):
            return None  # the Events API (reaction_added) posts JSON envelopes
        # Slack sends slash commands form-encoded, never JSON (decided in docs/SECURITY.md)
        return 415, "slash commands are form-encoded; JSON only as an Events API envelope"

    async def start(self) -> None:
        if self.settings.socket_mode:
            self._socket = AsyncSocketModeHandler(self.app, self.settings.app_token,
                                                  web_client=self.app.client,
                                                  ping_interval=PING_INTERVAL)
            await self._socket.connect_async()
            self.supervisor = SocketSupervisor(self._socket.client)
            self.supervisor.start()
            log.info("slack.start", mode="socket")
            return
        self._runner = web.AppRunner(self.web_app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.settings.http_host, self.settings.http_port)
        await site.start()
        sockets = getattr(site._server, "sockets", None) or []  # the real port when 0 was asked
        self.port = sockets[0].getsockname()[1] if sockets else self.settings.http_port
        log.info("slack.start", mode="http", host=self.settings.http_host, port=self.port,
                 path=self.settings.http_path)

    async def stop(self) -> None:
        if self.supervisor is not None:
            await self.supervisor.stop()
            self.supervisor = None
        if self._socket is not None:
            await self._socket.close_async()
            self._socket = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


_EVENT_TYPES = frozenset({"event_callback", "url_verification", "app_rate_limited"})


def _is_event_envelope(text: str) -> bool:
    """Whether a JSON body is an Events API envelope, the one JSON Slack sends to this URL."""
    try:
        body = json.loads(text)
    except ValueError:
        return False
    return isinstance(body, dict) and body.get("type") in _EVENT_TYPES

"""The Slack adapter: posts briefs with metadata, reconciles by it, paces, serves commands."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from aiohttp import ClientError
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.errors import from_api_error
from adapters.slack.mentions import with_group_mention
from adapters.slack.render import (
    EVENT_TYPE,
    Payload,
    RenderOptions,
    channel_of,
    render_brief_payloads,
    render_digest_payloads,
)
from adapters.slack.settings import SlackSettings
from adapters.slack.updates import render_update_payloads
from adapters.slack.webhook import post_webhook
from bot.delivery import (
    CommandHandler,
    Destination,
    Outgoing,
    Pacing,
    Reaction,
    ReactionHandler,
    Receipt,
)
from bot.errors import DeliveryError

log = logging.getLogger(__name__)

# how far before the recorded attempt to look, for clock skew between us and Slack
_SKEW = timedelta(minutes=2)
_MAX_PAGES = 20


def render_outgoing(message: Outgoing, dest: Destination, options: RenderOptions,
                    *, key: str | None = None) -> list[Payload]:
    if message.digest is not None:
        return render_digest_payloads(message.digest, dest, key=key, options=options)
    if message.brief is not None and message.update and message.reply_to:
        return render_update_payloads(message.brief.headline, message.update, message.reply_to,
                                      dest, options, key=key)
    if message.brief is not None:
        return with_group_mention(
            render_brief_payloads(message.brief, dest, key=key, options=options),
            message.mention)
    raise DeliveryError("outgoing message has neither a brief nor a digest", permanent=True)


class SlackAdapter:
    """One instance serves every ``slack:`` destination, bot-token and webhook ones alike."""

    name = "slack"
    pacing = Pacing(rate=1.0, burst=1)

    def __init__(self, settings: SlackSettings, *, client: AsyncWebClient | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.settings = settings.validated()
        # webhook destinations cannot be reconciled; with no bot token there is nothing else
        self.exactly_once = bool(settings.bot_token)
        self.options = RenderOptions(unfurl_links=settings.unfurl_links,
                                     unfurl_media=settings.unfurl_media,
                                     threaded_digests=settings.threaded_digests)
        self.client = client or (self._make_client() if settings.bot_token else None)
        self.server: Any = None  # adapters.slack.app.SlackServer once started
        self.on_reaction: ReactionHandler | None = None  # set by the app: 🔕 / 👍 / 👎
        self.extra_routes: list[Any] = []  # aiohttp RouteDefs the HTTP-mode server also serves
        # parts already posted per (destination, key): a retried deliver resumes, never repeats
        self._posted: dict[tuple[str, str], dict[int, str]] = {}
        # keys whose last send ended without an answer: look before sending again
        self._uncertain: dict[tuple[str, str], datetime] = {}
        self._dm_channels: dict[str, str] = {}
        self._next_send: dict[str, float] = {}
        self._pace_lock = asyncio.Lock()
        self._clock = clock
        self._sleep = sleep

    def _make_client(self) -> AsyncWebClient:
        kwargs: dict[str, Any] = {"token": self.settings.bot_token,
                                  "timeout": self.settings.timeout}
        if self.settings.api_base_url:
            kwargs["base_url"] = self.settings.api_base_url
        client = AsyncWebClient(**kwargs)
        # the default handler retries a POST whose connection dropped, which can post twice;
        # ambiguous sends are settled by reconcile instead, and 429 waits are the outbox's
        client.retry_handlers = []
        return client

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self, commands: CommandHandler) -> None:
        if self.client is None or not self.settings.serve:
            log.info("slack_start mode=deliver_only")
            return
        from adapters.slack.app import SlackServer  # Bolt only where commands are served

        self.server = SlackServer(self.settings, self.client, commands, self._reaction)
        # e.g. /healthz, /readyz, /metrics: one HTTP server per process in HTTP mode
        self.server.web_app.router.add_routes(self.extra_routes)
        await self.server.start()

    async def _reaction(self, reaction: Reaction) -> str:
        # looked up per event: the app sets on_reaction after making the adapter
        return await self.on_reaction(reaction) if self.on_reaction else "ignored:no_handler"

    async def stop(self) -> None:
        if self.server is not None:
            await self.server.stop()
            self.server = None

    # -- delivery ----------------------------------------------------------------------------

    async def deliver(self, destination: Destination, message: Outgoing) -> Receipt:
        payloads = render_outgoing(message, destination, self.options, key=message.key)
        if destination.webhook_url:
            for payload in payloads:
                await self._pace(destination.webhook_url)
                await post_webhook(destination.webhook_url, payload,
                                   timeout=self.settings.timeout)
            return Receipt([])
        client = self._require_client()
        slot = (destination.ref, message.key)
        if slot in self._uncertain:
            receipt = await self.reconcile(destination, message, self._uncertain[slot])
            if receipt is not None:  # the unanswered send did land, every part of it
                return receipt
        channel = await self._channel(destination)
        threaded = message.digest is not None and self.options.threaded_digests
        posted = self._posted.setdefault(slot, {})
        for part, payload in enumerate(payloads):
            if part in posted:
                continue
            body = {**payload, "channel": channel}
            if threaded and part > 0:
                body["thread_ts"] = posted[0]
            await self._pace(channel)
            started = datetime.now().astimezone()
            try:
                response = await client.chat_postMessage(**body)
            except SlackApiError as exc:
                raise self._failed(destination, exc, "chat.postMessage") from exc
            except (ClientError, TimeoutError) as exc:
                # the post may or may not have happened: find out before any resend
                self._uncertain[slot] = started
                log.warning("slack_send_ambiguous dest=%s key=%s part=%d error=%s",
                            destination.ref, message.key, part, type(exc).__name__)
                raise DeliveryError(f"slack chat.postMessage: {type(exc).__name__}") from exc
            posted[part] = str(response["ts"])
        self._posted.pop(slot, None)
        log.info("slack_sent dest=%s key=%s parts=%d", destination.ref, message.key, len(posted))
        return Receipt([posted[part] for part in range(len(payloads))])

    async def reconcile(self, destination: Destination, message: Outgoing,
                        attempted_at: datetime) -> Receipt | None:
        if destination.webhook_url:
            return None  # an incoming webhook leaves nothing to look up: at-least-once
        slot = (destination.ref, message.key)
        expected = len(render_outgoing(message, destination, self.options, key=message.key))
        channel = await self._channel(destination)
        threaded = message.digest is not None and self.options.threaded_digests
        found = await self._find_parts(destination, channel, message.key,
                                       attempted_at - _SKEW, threaded)
        self._uncertain.pop(slot, None)
        log.info("slack_reconciled dest=%s key=%s found=%d expected=%d",
                 destination.ref, message.key, len(found), expected)
        if len(found) >= expected and all(part in found for part in range(expected)):
            self._posted.pop(slot, None)
            return Receipt([found[part] for part in range(expected)])
        # some parts made it: remember them so the resend posts only the missing ones
        self._posted[slot] = {part: ts for part, ts in found.items() if part < expected}
        return None

    async def _find_parts(self, destination: Destination, channel: str, key: str,
                          oldest: datetime, threaded: bool) -> dict[int, str]:
        client = self._require_client()
        found: dict[int, str] = {}
        cursor: str | None = None
        for _ in range(_MAX_PAGES):
            try:
                page = await client.conversations_history(
                    channel=channel, oldest=f"{oldest.timestamp():.6f}",
                    include_all_metadata=True, limit=200, cursor=cursor)
            except SlackApiError as exc:
                raise self._failed(destination, exc, "conversations.history") from exc
            _collect(page.get("messages") or [], key, found)
            cursor = (page.get("response_metadata") or {}).get("next_cursor") or None
            if not cursor:
                break
        if threaded and 0 in found:
            try:
                replies = await client.conversations_replies(
                    channel=channel, ts=found[0], include_all_metadata=True, limit=200)
            except SlackApiError as exc:
                raise self._failed(destination, exc, "conversations.replies") from exc
            _collect(replies.get("messages") or [], key, found)
        return found

    # -- helpers -----------------------------------------------------------------------------

    def _require_client(self) -> AsyncWebClient:
        if self.client is None:
            raise DeliveryError("slack: no bot token configured for a bot destination",
                                permanent=True)
        return self.client

    def _failed(self, destination: Destination, exc: SlackApiError, method: str
                ) -> DeliveryError:
        error = from_api_error(exc, method=method)
        log.warning("slack_api_error dest=%s method=%s error=%s permanent=%s retry_after=%s",
                    destination.ref, method, error, error.permanent, error.retry_after)
        return error

    async def _channel(self, destination: Destination) -> str:
        """The conversation to post to: a user id (a DM destination) becomes its DM channel,
        which ``conversations.history`` can then read."""
        channel = channel_of(destination)
        if not channel.startswith(("U", "W")):
            return channel
        if channel not in self._dm_channels:
            client = self._require_client()
            try:
                opened = await client.conversations_open(users=channel)
            except SlackApiError as exc:
                raise self._failed(destination, exc, "conversations.open") from exc
            self._dm_channels[channel] = str(opened["channel"]["id"])
        return self._dm_channels[channel]

    async def _pace(self, channel: str) -> None:
        """At most one post a second per channel, across parts and deliveries."""
        async with self._pace_lock:
            now = self._clock()
            ready = self._next_send.get(channel, now)
            self._next_send[channel] = max(now, ready) + self.settings.min_interval
        if ready > now:
            await self._sleep(ready - now)


def _collect(messages: list[dict[str, Any]], key: str, found: dict[int, str]) -> None:
    for item in messages:
        metadata = item.get("metadata") or {}
        payload = metadata.get("event_payload") or {}
        if metadata.get("event_type") == EVENT_TYPE and payload.get("key") == key:
            found.setdefault(int(payload.get("part", 0)), str(item["ts"]))

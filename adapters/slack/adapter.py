"""The Slack adapter: renders, posts one part with metadata, finds parts by it, serves commands."""

from __future__ import annotations

from collections.abc import Sequence
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
    render_notice_payloads,
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
    post_parts,
)
from bot.errors import DeliveryError
from bot.logs import get_log

log = get_log(__name__)

# how far before the recorded attempt to look, for clock skew between us and Slack
_SKEW = timedelta(minutes=2)
_MAX_PAGES = 20
UNPACED = Pacing(rate=1000.0, burst=1000)  # min_interval 0: tests, or a proxy that paces


def render_outgoing(message: Outgoing, dest: Destination, options: RenderOptions,
                    *, key: str | None = None) -> list[Payload]:
    if message.digest is not None:
        return render_digest_payloads(message.digest, dest, key=key, options=options)
    if message.notice is not None:
        return render_notice_payloads(message.notice, dest, key=key, options=options)
    if message.brief is not None and message.update and message.reply_to:
        return render_update_payloads(message.brief.headline, message.update, message.reply_to,
                                      dest, options, key=key)
    if message.brief is not None:
        return with_group_mention(
            render_brief_payloads(message.brief, dest, key=key, options=options),
            message.mention)
    raise DeliveryError("outgoing message has no brief, digest or notice", permanent=True)


class SlackAdapter:
    """One instance serves every ``slack:`` destination, bot-token and webhook ones alike.

    The outbox drives delivery part by part (``render``, ``post_part``, ``find_parts``) and
    keeps which parts are up, and paces: Slack's one message a second per channel is
    ``pacing``, shared by every worker on a PostgreSQL database."""

    name = "slack"

    def __init__(self, settings: SlackSettings, *, client: AsyncWebClient | None = None) -> None:
        self.settings = settings.validated()
        # webhook destinations cannot be reconciled; with no bot token there is nothing else
        self.exactly_once = bool(settings.bot_token)
        interval = self.settings.min_interval
        self.pacing = Pacing(rate=1.0 / interval, burst=1) if interval > 0 else UNPACED
        self.options = RenderOptions(unfurl_links=settings.unfurl_links,
                                     unfurl_media=settings.unfurl_media,
                                     threaded_digests=settings.threaded_digests)
        self.client = client or (self._make_client() if settings.bot_token else None)
        self.server: Any = None  # adapters.slack.app.SlackServer once started
        self.on_reaction: ReactionHandler | None = None  # set by the app: 🔕 / 👍 / 👎
        self.extra_routes: list[Any] = []  # aiohttp RouteDefs the HTTP-mode server also serves
        self._dm_channels: dict[str, str] = {}

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
            log.info("slack.start", mode="deliver_only")
            return
        from adapters.slack.app import SlackServer  # Bolt only where commands are served

        self.server = SlackServer(self.settings, self.client, commands, self._reaction)
        # e.g. /healthz, /readyz, /metrics: one HTTP server per process in HTTP mode
        self.server.web_app.router.add_routes(self.extra_routes)
        await self.server.start()

    async def _reaction(self, reaction: Reaction) -> str:
        # looked up per event: the app sets on_reaction after making the adapter
        return await self.on_reaction(reaction) if self.on_reaction else "ignored:no_handler"

    @property
    def ready(self) -> bool:
        """For /readyz and ``adapter_up``: in Socket Mode, the socket is connected (see
        adapters.slack.socket); HTTP mode and delivery alone have no connection to keep."""
        supervisor = getattr(self.server, "supervisor", None)
        return supervisor.up if supervisor is not None else True

    @property
    def serves_http(self) -> bool:
        """HTTP mode: ``start`` runs a public server (where ``extra_routes`` are mounted too)."""
        return self.client is not None and self.settings.serve and not self.settings.socket_mode

    async def stop(self) -> None:
        if self.server is not None:
            await self.server.stop()
            self.server = None

    # -- delivery: one part at a time, the outbox keeps the bookkeeping -----------------------

    def render(self, destination: Destination, message: Outgoing) -> list[Payload]:
        return render_outgoing(message, destination, self.options, key=message.key)

    def _threaded(self, message: Outgoing) -> bool:
        return message.digest is not None and self.options.threaded_digests

    async def post_part(self, destination: Destination, message: Outgoing, index: int,
                        part: Any, earlier: Sequence[str]) -> str:
        if destination.webhook_url:
            await post_webhook(destination.webhook_url, part, timeout=self.settings.timeout)
            return ""  # an incoming webhook answers "ok", no message id
        client = self._require_client()
        body = {**part, "channel": await self._channel(destination)}
        if self._threaded(message) and index > 0:
            body["thread_ts"] = earlier[0]
        try:
            response = await client.chat_postMessage(**body)
        except SlackApiError as exc:
            raise self._failed(destination, exc, "chat.postMessage") from exc
        except (ClientError, TimeoutError, OSError) as exc:
            # the post may or may not have happened: find out before any resend
            log.warning("slack.send_ambiguous", dest=destination.ref, key=message.key, part=index,
                        error=type(exc).__name__)
            raise DeliveryError(f"slack chat.postMessage: {type(exc).__name__}",
                                uncertain=True) from exc
        return str(response["ts"])

    async def find_parts(self, destination: Destination, message: Outgoing,
                         since: datetime) -> dict[int, str] | None:
        if destination.webhook_url:
            return None  # an incoming webhook leaves nothing to look up: at-least-once
        channel = await self._channel(destination)
        found = await self._find_parts(destination, channel, message.key, since - _SKEW,
                                       self._threaded(message))
        log.info("slack.reconciled", dest=destination.ref, key=message.key, found=len(found))
        return found

    async def deliver(self, destination: Destination, message: Outgoing) -> Receipt:
        receipt = await post_parts(self, destination, message)
        return Receipt([]) if destination.webhook_url else receipt

    async def reconcile(self, destination: Destination, message: Outgoing,
                        attempted_at: datetime) -> Receipt | None:
        found = await self.find_parts(destination, message, attempted_at)
        expected = len(self.render(destination, message))
        if found and all(part in found for part in range(expected)):
            return Receipt([found[part] for part in range(expected)])
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

    # -- names, for the dashboard ----------------------------------------------------------

    async def channel_name(self, destination: Destination) -> str | None:
        """``#general`` (conversations.info); a DM (a user id) or a webhook has none."""
        channel = channel_of(destination)
        if self.client is None or destination.webhook_url or channel.startswith(("U", "W")):
            return None
        try:
            found = (await self.client.conversations_info(channel=channel)).get("channel") or {}
        except SlackApiError as exc:  # channel_not_found, not_in_channel: refused for good
            raise from_api_error(exc, method="conversations.info") from exc
        if found.get("is_im") or not found.get("name"):
            return None
        return f"#{found['name']}"

    async def server_name(self, server: str) -> str | None:
        """The workspace's name (team.info)."""
        if self.client is None:
            return None
        try:
            found = (await self.client.team_info(team=server)).get("team") or {}
        except SlackApiError as exc:
            raise from_api_error(exc, method="team.info") from exc
        return str(found["name"]) if found.get("name") else None

    # -- helpers -----------------------------------------------------------------------------

    def _require_client(self) -> AsyncWebClient:
        if self.client is None:
            raise DeliveryError("slack: no bot token configured for a bot destination",
                                permanent=True)
        return self.client

    def _failed(self, destination: Destination, exc: SlackApiError, method: str
                ) -> DeliveryError:
        error = from_api_error(exc, method=method)
        log.warning("slack.api_error", dest=destination.ref, method=method, error=error,
                    permanent=error.permanent, retry_after=error.retry_after)
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


def _collect(messages: list[dict[str, Any]], key: str, found: dict[int, str]) -> None:
    for item in messages:
        metadata = item.get("metadata") or {}
        payload = metadata.get("event_payload") or {}
        if metadata.get("event_type") == EVENT_TYPE and payload.get("key") == key:
            found.setdefault(int(payload.get("part", 0)), str(item["ts"]))

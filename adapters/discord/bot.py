"""The Discord adapter: bot-token sends with deterministic nonces, webhook sends, reconciliation."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Collection, Sequence
from datetime import datetime, timedelta
from typing import Any

import aiohttp
import discord
import yarl
from discord import app_commands
from discord.gateway import DiscordWebSocket
from discord.http import Route

from adapters.discord import forum, names
from adapters.discord.channels import ChannelCache, ChannelInfo, PacedHttp
from adapters.discord.commands import ADMIN_COMMANDS, Suggest, register_commands, run_command
from adapters.discord.gateway import GatewaySupervisor
from adapters.discord.i18n import CatalogueTranslator
from adapters.discord.mentions import with_role_mention
from adapters.discord.reactions import listen
from adapters.discord.render import (
    Payload,
    find_marker,
    nonce_for,
    render_brief_payloads,
    render_digest_payloads,
    render_notice_payloads,
)
from adapters.discord.updates import render_update_payloads
from adapters.discord.webhook import PERMANENT, WebhookSender
from adapters.discord_probe import API_BASE
from bot.delivery import (
    CommandHandler,
    Destination,
    Outgoing,
    Pacing,
    ReactionHandler,
    Receipt,
    complete_parts,
    post_parts,
)
from bot.errors import DeliveryError
from bot.logs import get_log

log = get_log(__name__)

# Discord dedupes an enforce_nonce send "in the past few minutes"; inside this much we trust it.
NONCE_WINDOW = timedelta(minutes=2)
# Discord's global limit: 50 requests a second per bot, all routes and channels together. The
# outbox paces every worker of one database by it (see bot.outbox.pacing.SharedPace).
GLOBAL_PACING = Pacing(rate=50.0, burst=1)
# Discord's JSON error codes that need more than "discord answered 403": what, and the fix
ARCHIVED, LOCKED, FORUM_ONLY = 50083, 160005, 40058
# What a channel that takes no plain message answers one: a forum's 40058, or "not a text
# channel" (50008), which Discord may give a media channel; either sends us to ask its kind.
KIND_ERRORS = frozenset({FORUM_ONLY, 50008})
REASONS = {
    10003: "the channel or thread no longer exists (Unknown Channel)",
    50001: "the bot cannot see this channel (Missing Access): give it View Channel",
    50013: "the bot lacks a permission here (Missing Permissions): Send Messages (in Threads "
           "for a thread, Create Posts for a forum) and Embed Links",
    FORUM_ONLY: "this is a forum channel: the bot posts to it as new posts",
    40067: "this forum requires a tag on every post",
    ARCHIVED: "the thread is archived",
    LOCKED: "the thread is locked",
}


def set_api_base(url: str) -> None:
    """Point every discord.py REST call (bot and webhook routes) at ``url``."""
    Route.BASE = url.rstrip("/")


def make_client(*, shard_count: int | None = None, application_id: int | None = None,
                max_ratelimit_timeout: float = 30.0) -> discord.Client:
    """A client with minimal intents and no mentions allowed by default."""
    intents = discord.Intents.none()
    intents.guilds = True  # channel and permission data for slash commands
    intents.guild_reactions = True  # 🔕 / 👍 / 👎 on briefs; never message content
    options: dict[str, Any] = {
        "intents": intents,
        "allowed_mentions": discord.AllowedMentions.none(),
        # discord.py's floor is 30 s; a longer 429 raises RateLimited, which we hand to the core
        "max_ratelimit_timeout": max(30.0, max_ratelimit_timeout),
        "application_id": application_id,
    }
    if shard_count:
        return discord.AutoShardedClient(shard_count=shard_count, **options)
    return discord.Client(**options)


def to_delivery_error(exc: BaseException) -> DeliveryError:
    """discord.py and transport errors as the core's DeliveryError."""
    if isinstance(exc, DeliveryError):
        return exc
    if isinstance(exc, discord.RateLimited):
        return DeliveryError("discord rate limited", retry_after=exc.retry_after, status=429)
    if isinstance(exc, discord.DiscordServerError):
        # a 5xx does not prove the message was not created: reconcile before any resend
        return DeliveryError(f"discord answered {exc.status}", status=exc.status,
                             uncertain=True)
    if isinstance(exc, discord.HTTPException):
        status = exc.status
        if status == 429:
            # discord.py gave up (out of tries, or no Via header: a Cloudflare block)
            header = exc.response.headers.get("Retry-After") if exc.response else None
            try:
                retry_after = float(header) if header else 60.0
            except ValueError:
                retry_after = 60.0
            return DeliveryError("discord rate limited", retry_after=retry_after, status=429)
        reason = REASONS.get(exc.code)
        return DeliveryError(f"discord answered {status} (code {exc.code})"
                             + (f": {reason}" if reason else ""),
                             permanent=status in PERMANENT or exc.code == 40067, status=status)
    # a transport error after the request may have gone out: the outcome is unknown
    return DeliveryError(f"discord request failed: {type(exc).__name__}", uncertain=True)


class DiscordAdapter:
    """Serves ``discord:<channel id>`` destinations through a bot token and/or webhooks."""

    name = "discord"

    def __init__(self, *, token: str | None = None, api_base_url: str = API_BASE,
                 shard_count: int | None = None, application_id: int | None = None,
                 suggest: Suggest | None = None, connect_gateway: bool = True,
                 admin_commands: Collection[str] = ADMIN_COMMANDS,
                 max_ratelimit_timeout: float = 30.0, webhook_max_wait: float = 30.0,
                 history_pages: int = 5) -> None:
        set_api_base(api_base_url)
        self._api_base_url = api_base_url
        self._token = token
        # webhook-only installs cannot read channel history, so they cannot reconcile
        self.exactly_once = token is not None
        # Discord does not document per-channel send limits; webhooks have a hidden 30/60 s per
        # channel, so stay under it and let the bucket headers and 429s do the rest.
        self.pacing = Pacing(rate=0.5, burst=5)
        self.platform_pacing = GLOBAL_PACING
        # set by the outbox: a turn of that global pace, taken before every request but the
        # post it already paced (look-ups of a channel's kind, reopening a thread, reconcile)
        self.pace_request: Callable[[], Awaitable[None]] | None = None
        self._connect_gateway = connect_gateway
        self._history_pages = history_pages
        self._channels = ChannelCache()  # forum, thread or text: asked once, not configured
        self._handler: CommandHandler | None = None
        self.gateway: GatewaySupervisor | None = None  # runs and restarts the connection
        self._webhooks = WebhookSender(api_base_url=api_base_url, max_wait=webhook_max_wait)
        self._login_lock = asyncio.Lock()
        self.client: discord.Client | None = None
        self.on_reaction: ReactionHandler | None = None  # set by the app: 🔕 / 👍 / 👎
        self.tree: app_commands.CommandTree[Any] | None = None
        if token:
            self.client = make_client(shard_count=shard_count, application_id=application_id,
                                      max_ratelimit_timeout=max_ratelimit_timeout)
            self.tree = app_commands.CommandTree(self.client)
            self.gateway = GatewaySupervisor(self.client, login=self._login)
            listen(self.client, lambda: self.on_reaction)
            register_commands(self.tree, self._run, suggest=suggest,
                              admin_commands=admin_commands)

    @property
    def ready(self) -> bool:
        """For /readyz and ``adapter_up``: webhook-only needs no connection; bot mode needs the
        gateway up (connected, heartbeats acknowledged: see adapters.discord.gateway), or, while
        another process holds the gateway, a REST log-in."""
        if self.client is None:
            return True
        if self._connect_gateway and self.gateway is not None:
            return self.gateway.up
        return self.client.user is not None

    async def start(self, commands: CommandHandler) -> None:
        """Log in over REST (GET /users/@me) and, unless disabled, open the gateway."""
        self._handler = commands
        if self.client is None or self._token is None:
            log.info("discord.start", mode="webhook")
            return
        await self._login()
        log.info("discord.start", mode="bot",
                 user_id=self.client.user.id if self.client.user else None,
                 gateway=self._connect_gateway)
        if self._connect_gateway:
            await self.open_gateway()

    async def _login(self) -> discord.Client:
        """Log the client in over REST once (``start``, or the first send: ``run --once``
        delivers without starting the gateway)."""
        assert self.client is not None and self._token is not None
        async with self._login_lock:
            if self.client.user is None:
                try:
                    await self.client.login(self._token)
                except discord.LoginFailure as exc:
                    raise DeliveryError("DISCORD_TOKEN was refused", permanent=True,
                                        status=401) from exc
        return self.client

    @property
    def wants_gateway(self) -> bool:
        return self.client is not None and self._connect_gateway

    def hold_gateway(self) -> None:
        """Another process holds the gateway: deliver over REST only until told otherwise."""
        self._connect_gateway = False

    async def open_gateway(self) -> None:
        """Connect to the gateway (slash commands arrive there); idempotent."""
        if self.client is None or self.gateway is None or self.gateway.running:
            return
        self._connect_gateway = True
        if self._api_base_url != API_BASE:
            # discord.py dials its built-in gateway address whatever the REST base is: ask the
            # configured API (a proxy, a test server) where its gateway is.
            _, url, _ = await self.client.http.get_bot_gateway()
            DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)
        self.gateway.start()

    async def stop(self) -> None:
        # The gateway task first: closing the client under a live reader makes discord.py send
        # close code 4000 (resumable), and Discord would show the bot online until it times out.
        if self.gateway is not None:
            await self.gateway.stop()
        if self.client is not None:
            await self.client.close()
        await self._webhooks.close()

    async def _run(self, interaction: discord.Interaction, command: str, args: str) -> None:
        if self._handler is None:
            log.warning("discord.command_before_start", command=command)
            return
        await run_command(interaction, command, args, self._handler)

    def render(self, destination: Destination, message: Outgoing) -> list[Payload]:
        if message.digest is not None:
            return render_digest_payloads(message.digest, destination, key=message.key)
        if message.notice is not None:
            return render_notice_payloads(message.notice, destination, key=message.key)
        if message.brief is not None and message.update and message.reply_to:
            return render_update_payloads(message.brief, message.update, message.reply_to,
                                          destination, key=message.key)
        if message.brief is not None:
            return with_role_mention(
                render_brief_payloads(message.brief, destination, key=message.key),
                message.mention)
        raise DeliveryError("outgoing message has no brief, digest or notice", permanent=True)

    async def deliver(self, destination: Destination, message: Outgoing) -> Receipt:
        receipt = await post_parts(self, destination, message)
        log.info("discord.delivered", dest=destination.ref, key=message.key,
                 messages=len(receipt.message_ids))
        return receipt

    def _channel_id(self, destination: Destination) -> int:
        try:
            return int(destination.address)
        except ValueError:
            raise DeliveryError(f"bad Discord destination {destination.ref!r}",
                                permanent=True) from None

    async def post_part(self, destination: Destination, message: Outgoing, index: int,
                        part: Any, earlier: Sequence[str]) -> str:
        if destination.webhook_url:
            return await self._webhooks.send(destination.webhook_url, part)
        if self.client is None:
            raise DeliveryError("no DISCORD_TOKEN and no webhook for this destination",
                                permanent=True)
        client = await self._login()
        body = {**part, "nonce": nonce_for(message.key, index), "enforce_nonce": True}
        channel_id = self._channel_id(destination)
        try:
            if not self._channels.is_forum(channel_id):
                # Text channels and threads take a message the same way, so their kind is never
                # asked: one request a post, the one the outbox paces. A forum refuses it
                # (40058, nothing created); only then is it looked up, and remembered.
                try:
                    return await self._post_message(channel_id, body)
                except discord.HTTPException as exc:
                    if exc.code not in KIND_ERRORS:
                        raise
                    channel = await self._channel(destination, fresh=True)
                    if channel.kind != "forum":
                        raise
                await self._turn()  # the outbox's turn went to the refused message
            else:
                channel = await self._channel(destination)  # a forum's tags, asked every TTL
            if channel.kind == "forum" and index == 0 and not message.reply_to:
                return await forum.create_post(client.http, channel, message, destination, part)
            return await self._post_message(self._target(channel, message, earlier), body)
        except (TimeoutError, discord.DiscordException, aiohttp.ClientError, OSError,
                DeliveryError) as exc:
            error = to_delivery_error(exc)
            if error.status == 404:
                self._channels.forget(channel_id)  # asked again if it ever comes back
            log.warning("discord.send_failed", dest=destination.ref, status=error.status,
                        permanent=error.permanent, retry_after=error.retry_after,
                        uncertain=error.uncertain, reason=str(error))
            if error is exc:
                raise
            raise error from exc

    def _paced(self, client: discord.Client) -> PacedHttp:
        return PacedHttp(client.http, self.pace_request)

    async def _turn(self) -> None:
        """A turn of the global pace for a request beyond the one the outbox paced."""
        if self.pace_request is not None:
            await self.pace_request()

    async def _channel(self, destination: Destination, *, fresh: bool = False) -> ChannelInfo:
        """The destination's kind (GET /channels/{id}, cached). A lookup that fails for a
        passing reason proves nothing was posted: retried, never "outcome unknown"."""
        client = await self._login()
        try:
            return await self._channels.get(self._paced(client), self._channel_id(destination),
                                            fresh=fresh)
        except (TimeoutError, discord.DiscordException, aiohttp.ClientError, OSError) as exc:
            error = to_delivery_error(exc)
            error.uncertain = False
            raise error from exc

    async def channel_name(self, destination: Destination) -> str | None:
        """``#news`` for the dashboard (a webhook-only install cannot ask: None)."""
        if self.client is None or destination.webhook_url:
            return None
        http = (await self._login()).http
        try:
            return await names.channel_name(http, self._channel_id(destination))
        except discord.HTTPException as exc:  # a 403 / 404 is the core's "refused for good"
            raise to_delivery_error(exc) from exc

    async def server_name(self, server: str) -> str | None:
        if self.client is None or not server.isdigit():
            return None
        http = (await self._login()).http
        try:
            return await names.guild_name(http, int(server))
        except discord.HTTPException as exc:
            raise to_delivery_error(exc) from exc

    @staticmethod
    def _target(channel: ChannelInfo, message: Outgoing, earlier: Sequence[str]) -> int:
        """Where a message goes: the channel or thread itself; in a forum, the post it belongs
        to (a digest's first part opened it; an update replies inside the brief's post, whose
        id is its first message's)."""
        if channel.kind != "forum":
            return int(channel.id)
        return int(message.reply_to) if message.reply_to else int(earlier[0])

    async def _post_message(self, channel_id: int, body: dict[str, Any]) -> str:
        """POST a message; an archived thread is reopened once (a locked one never is)."""
        client = await self._login()
        route = Route("POST", "/channels/{channel_id}/messages", channel_id=channel_id)
        try:
            data = await client.http.request(route, json=body)
        except discord.HTTPException as exc:
            if exc.code not in (ARCHIVED, LOCKED):
                raise
            await self._reopen(channel_id)
            await self._turn()
            data = await client.http.request(route, json=body)  # same nonce: still one post
        return str(data["id"])

    async def _reopen(self, thread_id: int) -> None:
        """Unarchive a thread, or say why it cannot be: a thread a moderator locked stays
        locked (the bot never overrides that), and reopening one needs Manage Threads unless
        the bot started it."""
        client = await self._login()
        thread = await self._channels.get(self._paced(client), thread_id, fresh=True)
        if thread.locked:
            raise DeliveryError(f"thread {thread_id} is locked: a moderator closed it; unlock "
                                "it or subscribe another channel, then newsbrief feeds resume",
                                permanent=True, status=403)
        if not thread.archived:
            return  # reopened meanwhile (someone posted): just send again
        try:
            await self._paced(client).request(Route("PATCH", "/channels/{channel_id}",
                                                    channel_id=thread_id),
                                              json={"archived": False})
        except discord.Forbidden as exc:
            raise DeliveryError(f"thread {thread_id} is archived and the bot may not reopen "
                                "it: give it Manage Threads there, or reopen the thread, then "
                                "newsbrief feeds resume", permanent=True, status=403) from exc
        self._channels.forget(thread_id)
        log.info("discord.thread_unarchived", thread=thread_id)

    async def find_parts(self, destination: Destination, message: Outgoing,
                         since: datetime) -> dict[int, str] | None:
        """The parts of ``message`` already in the channel (by their footer ref marker);
        None where that cannot be asked (webhook-only, no Read Message History)."""
        if self.client is None:  # a webhook's posts are found by the bot reading history
            log.info("discord.reconcile_unverifiable", dest=destination.ref, key=message.key,
                     reason="no_token")
            return None
        wanted = {nonce_for(message.key, part): part
                  for part in range(len(self.render(destination, message)))}
        try:
            channel = await self._channel(destination)
            if channel.kind == "forum" and not message.reply_to:
                client = await self._login()
                assert client.user is not None
                found = await forum.find_post(
                    self._paced(client), channel, str(client.user.id), since, set(wanted),
                    nonce_for(message.key, 0), forum.post_name(message, destination),
                    self._find_posted)
            else:
                found = await self._find_posted(self._target(channel, message, ()), since,
                                                set(wanted))
        except discord.HTTPException as exc:
            if exc.status in (401, 404):
                raise to_delivery_error(exc) from exc
            # no Read Message History: inside the nonce window a resend is deduped anyway
            recent = datetime.now(since.tzinfo) - since < NONCE_WINDOW
            log.warning("discord.reconcile_unverifiable", dest=destination.ref, key=message.key,
                        status=exc.status, in_window=recent)
            return None
        log.info("discord.reconciled", dest=destination.ref, key=message.key, found=len(found),
                 of=len(wanted))
        return {wanted[nonce]: message_id for nonce, message_id in found.items()}

    async def reconcile(self, destination: Destination, message: Outgoing,
                        attempted_at: datetime) -> Receipt | None:
        """Post only the parts missing of a half-posted message; ``None`` when none is up."""
        return await complete_parts(self, destination, message, attempted_at)

    async def _find_posted(self, channel_id: int, since: datetime, wanted: set[str]
                           ) -> dict[str, str]:
        client = await self._login()
        # a minute of slack for clock skew between us and Discord's snowflakes
        after = discord.utils.time_snowflake(since - timedelta(minutes=1))
        found: dict[str, str] = {}
        for _ in range(self._history_pages):
            route = Route("GET", "/channels/{channel_id}/messages", channel_id=channel_id)
            page: list[dict[str, Any]] = await self._paced(client).request(
                route, params={"after": after, "limit": 100})
            for msg in page:
                nonce = find_marker(msg)
                if nonce in wanted:
                    found[nonce] = str(msg["id"])
            if len(page) < 100 or len(found) == len(wanted):
                break
            after = max(int(m["id"]) for m in page)
        return found


async def sync_commands(*, token: str, api_base_url: str = API_BASE,
                        guild_ids: Collection[int] = (), application_id: int | None = None,
                        admin_commands: Collection[str] = ADMIN_COMMANDS) -> list[str]:
    """Register the slash commands with Discord: per guild (instant) or globally. Run it on
    purpose (CLI), not on every start: Discord allows 200 command creates a day per guild."""
    set_api_base(api_base_url)
    client = make_client(application_id=application_id)
    tree: app_commands.CommandTree[Any] = app_commands.CommandTree(client)

    async def _unused(interaction: discord.Interaction, command: str, args: str) -> None:
        return None

    register_commands(tree, _unused, admin_commands=admin_commands)
    synced: list[str] = []
    try:
        await tree.set_translator(CatalogueTranslator())  # Korean names and descriptions
        await client.login(token)
        if guild_ids:
            for guild_id in guild_ids:
                guild = discord.Object(id=guild_id)
                tree.copy_global_to(guild=guild)
                done = await tree.sync(guild=guild)
                synced += [f"{guild_id}:/{c.name}" for c in done]
        else:
            synced += [f"global:/{c.name}" for c in await tree.sync()]
    finally:
        await client.close()
    log.info("discord.commands_synced", count=len(synced))
    return synced

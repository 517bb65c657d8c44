"""The Discord adapter: bot-token sends with deterministic nonces, webhook sends, reconciliation."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection
from datetime import datetime, timedelta
from typing import Any

import aiohttp
import discord
import yarl
from discord import app_commands
from discord.gateway import DiscordWebSocket
from discord.http import Route

from adapters.discord.commands import ADMIN_COMMANDS, Suggest, register_commands, run_command
from adapters.discord.i18n import CatalogueTranslator
from adapters.discord.mentions import with_role_mention
from adapters.discord.reactions import listen
from adapters.discord.render import (
    Payload,
    find_marker,
    nonce_for,
    render_brief_payloads,
    render_digest_payloads,
)
from adapters.discord.updates import render_update_payloads
from adapters.discord.webhook import PERMANENT, WebhookSender
from bot.delivery import (
    CommandHandler,
    Destination,
    Outgoing,
    Pacing,
    ReactionHandler,
    Receipt,
)
from bot.errors import DeliveryError

log = logging.getLogger(__name__)

DEFAULT_API_BASE = "https://discord.com/api/v10"
# Discord dedupes an enforce_nonce send "in the past few minutes"; inside this much we trust it.
NONCE_WINDOW = timedelta(minutes=2)


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
        return DeliveryError(f"discord answered {status} (code {exc.code})",
                             permanent=status in PERMANENT, status=status)
    return DeliveryError(f"discord request failed: {type(exc).__name__}")


class DiscordAdapter:
    """Serves ``discord:<channel id>`` destinations through a bot token and/or webhooks."""

    name = "discord"

    def __init__(self, *, token: str | None = None, api_base_url: str = DEFAULT_API_BASE,
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
        self._connect_gateway = connect_gateway
        self._history_pages = history_pages
        self._handler: CommandHandler | None = None
        self._gateway: asyncio.Task[None] | None = None
        self._webhooks = WebhookSender(api_base_url=api_base_url, max_wait=webhook_max_wait)
        self._posted: dict[str, list[str]] = {}  # parts of a multi-message send already posted
        self.client: discord.Client | None = None
        self.on_reaction: ReactionHandler | None = None  # set by the app: 🔕 / 👍 / 👎
        self.tree: app_commands.CommandTree[Any] | None = None
        if token:
            self.client = make_client(shard_count=shard_count, application_id=application_id,
                                      max_ratelimit_timeout=max_ratelimit_timeout)
            self.tree = app_commands.CommandTree(self.client)
            listen(self.client, lambda: self.on_reaction)
            register_commands(self.tree, self._run, suggest=suggest,
                              admin_commands=admin_commands)

    @property
    def ready(self) -> bool:
        """For /readyz: webhook-only needs no connection; bot mode needs the gateway up."""
        if self.client is None:
            return True
        return self.client.is_ready() if self._connect_gateway else self.client.user is not None

    async def start(self, commands: CommandHandler) -> None:
        """Log in over REST (GET /users/@me) and, unless disabled, open the gateway."""
        self._handler = commands
        if self.client is None or self._token is None:
            log.info("discord_start mode=webhook")
            return
        try:
            await self.client.login(self._token)
        except discord.LoginFailure as exc:
            raise DeliveryError("DISCORD_TOKEN was refused", permanent=True, status=401) from exc
        log.info("discord_start mode=bot user_id=%s gateway=%s",
                 self.client.user.id if self.client.user else None, self._connect_gateway)
        if self._connect_gateway:
            await self.open_gateway()

    @property
    def wants_gateway(self) -> bool:
        return self.client is not None and self._connect_gateway

    def hold_gateway(self) -> None:
        """Another process holds the gateway: deliver over REST only until told otherwise."""
        self._connect_gateway = False

    async def open_gateway(self) -> None:
        """Connect to the gateway (slash commands arrive there); idempotent."""
        if self.client is None or (self._gateway is not None and not self._gateway.done()):
            return
        self._connect_gateway = True
        if self._api_base_url != DEFAULT_API_BASE:
            # discord.py dials its built-in gateway address whatever the REST base is: ask the
            # configured API (a proxy, a test server) where its gateway is.
            _, url, _ = await self.client.http.get_bot_gateway()
            DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)
        self._gateway = asyncio.create_task(self.client.connect(reconnect=True),
                                            name="discord-gateway")

    async def stop(self) -> None:
        # The gateway task first: closing the client under a live reader makes discord.py send
        # close code 4000 (resumable), and Discord would show the bot online until it times out.
        if self._gateway is not None:
            self._gateway.cancel()
            await asyncio.gather(self._gateway, return_exceptions=True)
        if self.client is not None:
            await self.client.close()
        await self._webhooks.close()

    async def _run(self, interaction: discord.Interaction, command: str, args: str) -> None:
        if self._handler is None:
            log.warning("discord_command_before_start command=%s", command)
            return
        await run_command(interaction, command, args, self._handler)

    def payloads(self, destination: Destination, message: Outgoing) -> list[Payload]:
        if message.digest is not None:
            return render_digest_payloads(message.digest, destination, key=message.key)
        if message.brief is not None and message.update and message.reply_to:
            return render_update_payloads(message.brief, message.update, message.reply_to,
                                          destination, key=message.key)
        if message.brief is not None:
            return with_role_mention(
                render_brief_payloads(message.brief, destination, key=message.key),
                message.mention)
        raise DeliveryError("outgoing message has neither brief nor digest", permanent=False)

    async def deliver(self, destination: Destination, message: Outgoing) -> Receipt:
        payloads = self.payloads(destination, message)
        ids = list(self._posted.get(message.key, []))
        for part in range(len(ids), len(payloads)):
            ids.append(await self._send(destination, payloads[part], message.key, part))
            # a later part may fail; a retry in this process then skips what is already up
            self._posted[message.key] = list(ids)
        self._posted.pop(message.key, None)
        log.info("discord_delivered dest=%s key=%s messages=%d", destination.ref, message.key,
                 len(ids))
        return Receipt(message_ids=ids)

    def _channel_id(self, destination: Destination) -> int:
        try:
            return int(destination.address)
        except ValueError:
            raise DeliveryError(f"bad Discord destination {destination.ref!r}",
                                permanent=True) from None

    async def _send(self, destination: Destination, payload: Payload, key: str, part: int
                    ) -> str:
        if destination.webhook_url:
            return await self._webhooks.send(destination.webhook_url, payload)
        if self.client is None:
            raise DeliveryError("no DISCORD_TOKEN and no webhook for this destination",
                                permanent=True)
        body = {**payload, "nonce": nonce_for(key, part), "enforce_nonce": True}
        route = Route("POST", "/channels/{channel_id}/messages",
                      channel_id=self._channel_id(destination))
        try:
            data = await self.client.http.request(route, json=body)
        except (TimeoutError, discord.DiscordException, aiohttp.ClientError, OSError) as exc:
            error = to_delivery_error(exc)
            log.warning("discord_send_failed dest=%s status=%s permanent=%s retry_after=%s",
                        destination.ref, error.status, error.permanent, error.retry_after)
            raise error from exc
        return str(data["id"])

    async def reconcile(self, destination: Destination, message: Outgoing,
                        attempted_at: datetime) -> Receipt | None:
        """Find the parts of ``message`` already in the channel (by their footer ref marker);
        post only the missing ones. ``None`` when nothing of it was posted."""
        payloads = self.payloads(destination, message)
        wanted = [nonce_for(message.key, part) for part in range(len(payloads))]
        if self.client is None:
            log.info("discord_reconcile_unverifiable dest=%s key=%s reason=no_token",
                     destination.ref, message.key)
            return None
        channel_id = self._channel_id(destination)
        try:
            found = await self._find_posted(channel_id, attempted_at, set(wanted))
        except discord.HTTPException as exc:
            if exc.status in (401, 404):
                raise to_delivery_error(exc) from exc
            # no Read Message History: inside the nonce window a resend is deduped anyway
            recent = datetime.now(attempted_at.tzinfo) - attempted_at < NONCE_WINDOW
            log.warning("discord_reconcile_unverifiable dest=%s key=%s status=%s in_window=%s",
                        destination.ref, message.key, exc.status, recent)
            return None
        if not found:
            return None
        ids = []
        for part, nonce in enumerate(wanted):
            ids.append(found.get(nonce) or await self._send(destination, payloads[part],
                                                            message.key, part))
        log.info("discord_reconciled dest=%s key=%s found=%d of=%d", destination.ref,
                 message.key, len(found), len(wanted))
        return Receipt(message_ids=ids)

    async def _find_posted(self, channel_id: int, since: datetime, wanted: set[str]
                           ) -> dict[str, str]:
        assert self.client is not None
        # a minute of slack for clock skew between us and Discord's snowflakes
        after = discord.utils.time_snowflake(since - timedelta(minutes=1))
        found: dict[str, str] = {}
        for _ in range(self._history_pages):
            route = Route("GET", "/channels/{channel_id}/messages", channel_id=channel_id)
            page: list[dict[str, Any]] = await self.client.http.request(
                route, params={"after": after, "limit": 100})
            for msg in page:
                nonce = find_marker(msg)
                if nonce in wanted:
                    found[nonce] = str(msg["id"])
            if len(page) < 100 or len(found) == len(wanted):
                break
            after = max(int(m["id"]) for m in page)
        return found


async def sync_commands(*, token: str, api_base_url: str = DEFAULT_API_BASE,
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
    log.info("discord_commands_synced count=%d", len(synced))
    return synced

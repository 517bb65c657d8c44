"""The contract between the core and the platform adapters: adapters translate."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

from bot.models import Brief, Digest, Notice


@dataclass(frozen=True, slots=True)
class Destination:
    """A channel or a direct message: ``discord:<channel id>``, ``slack:<team>/<channel>``,
    ``console:``, ``webhook:<name>``."""

    ref: str
    timezone: str = "UTC"
    locale: str = "en"
    webhook_url: str | None = None  # webhook-mode destinations post here instead of via a bot
    # the layout of its briefs (bot.delivery.template): a preset's name or a custom template;
    # None is the default brief
    template: str | None = None

    @property
    def platform(self) -> str:
        return self.ref.split(":", 1)[0]

    @property
    def address(self) -> str:
        return self.ref.split(":", 1)[1] if ":" in self.ref else ""


@dataclass(slots=True)
class Outgoing:
    """One outbox row's content. ``key`` is unique per (content, destination) and stable across
    retries and restarts; adapters derive nonces and metadata from it."""

    key: str
    brief: Brief | None = None
    digest: Digest | None = None
    notice: Notice | None = None  # exactly one of brief, digest and notice
    # A role (Discord) / user group (Slack) id an admin attached to the subscription: the only
    # mention an adapter may ever make live. Never from feed text.
    mention: str | None = None
    # An update reply: post ``update`` (what changed in ``brief``) in reply to message
    # ``reply_to``, instead of the brief itself.
    reply_to: str | None = None
    update: str | None = None


@dataclass(slots=True)
class Receipt:
    """What the platform gave back: the ids of the message(s) posted, in order."""

    message_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Pacing:
    """Token-bucket pacing an adapter asks for: ``rate`` sends a second, bursts of ``burst``."""

    rate: float
    burst: int = 1


@dataclass(frozen=True, slots=True)
class MessageLink:
    """A link to a posted message as its platform's adapter reads it (``/why <link>``): where
    it was posted, a destination ref, or only the ref's prefix (``discord:``) when the
    platform's message ids are unique across channels; and the message's id as
    ``Receipt.message_ids`` holds it."""

    where: str
    message_id: str


@dataclass(slots=True)
class CommandRequest:
    """A slash command, platform-neutral: who asked, where, with what rights and arguments."""

    command: str  # without the slash: "brief", "subscribe", ...
    args: str
    user: str  # platform user id
    where: Destination  # the channel the command was typed in
    dm: Destination | None = None  # the caller's own DM destination, if the platform has one
    is_admin: bool = False
    server: str | None = None  # Discord guild / Slack team id, for per-server limits
    operator: bool = False  # typed at the operator's own CLI: sees every server's feeds
    locale: str | None = None  # the caller's language ("ko", "en-US"), when the platform says
    # the server's language as the platform reports it (Discord's guild locale), when it does
    server_locale: str | None = None
    link: MessageLink | None = None  # a message link among the args, read by the adapter
    in_dm: bool = False  # typed in the caller's DM: replies keep the DM destination's clock


@dataclass(slots=True)
class CommandReply:
    text: str
    briefs: list[Brief] = field(default_factory=list)
    ephemeral: bool = True
    error: bool = False
    # the time zone the reply's times are shown in; the core fills it from where the command
    # was typed (the request's ``where`` carries none) unless the command set it; None: UTC
    timezone: str | None = None


CommandHandler = Callable[[CommandRequest], Awaitable[CommandReply]]


@dataclass(slots=True)
class Reaction:
    """Someone reacted to a message the bot posted: 🔕 mutes, 👍 / 👎 are feedback. Adapters
    translate their emoji names ("no_bell", "+1") to these characters."""

    emoji: str
    message_id: str  # the platform's id of the message reacted to, as in Receipt.message_ids
    user: str
    where: Destination
    dm: Destination | None = None  # the reacting user's DM destination, if the platform has one
    is_admin: bool = False


ReactionHandler = Callable[[Reaction], Awaitable[str]]


class Adapter(Protocol):
    """A platform: console, webhook, discord, slack. One instance serves all its destinations."""

    name: str  # the ``platform`` prefix of the destinations it serves
    exactly_once: bool  # False where the platform cannot be reconciled (webhooks, console)
    pacing: Pacing  # per destination

    async def start(self, commands: CommandHandler) -> None: ...

    async def deliver(self, destination: Destination, message: Outgoing) -> Receipt:
        """Post the message. Raise ``DeliveryError`` on failure (``permanent`` to pause)."""
        ...

    async def reconcile(self, destination: Destination, message: Outgoing,
                        attempted_at: datetime) -> Receipt | None:
        """After a crash mid-send: return the receipt if the message was in fact posted,
        ``None`` if it was not (so it is safe to send)."""
        ...

    async def stop(self) -> None: ...


@runtime_checkable
class PartsAdapter(Protocol):
    """An adapter whose messages may take several posts (a long digest, a thread). The outbox
    keeps which parts are up in the row, so a retry, a restart or another worker posts only
    the missing ones; the adapter renders, posts one part, and finds parts already posted."""

    def render(self, destination: Destination, message: Outgoing) -> Sequence[Any]:
        """The parts, in order (opaque to the core)."""
        ...

    async def post_part(self, destination: Destination, message: Outgoing, index: int,
                        part: Any, earlier: Sequence[str]) -> str:
        """Post one part (``earlier``: the ids of the parts before it); its message id.
        ``DeliveryError(uncertain=True)`` when the answer does not prove it failed."""
        ...

    async def find_parts(self, destination: Destination, message: Outgoing,
                         since: datetime) -> dict[int, str] | None:
        """The parts of ``message`` posted since ``since`` (index → id); None when the
        platform cannot be asked (a resend is then at-least-once)."""
        ...


async def post_parts(adapter: PartsAdapter, destination: Destination, message: Outgoing,
                     posted: dict[int, str] | None = None) -> Receipt:
    """Post every part not in ``posted`` (used by an adapter's own ``deliver``)."""
    done = dict(posted or {})
    parts = adapter.render(destination, message)
    for index, part in enumerate(parts):
        if index not in done:
            done[index] = await adapter.post_part(destination, message, index, part,
                                                  [done[i] for i in range(index)])
    return Receipt([done[i] for i in range(len(parts))])


async def complete_parts(adapter: PartsAdapter, destination: Destination, message: Outgoing,
                         since: datetime) -> Receipt | None:
    """``reconcile`` for a parts adapter: None when nothing of it is up, else post the missing
    parts and return the whole receipt."""
    found = await adapter.find_parts(destination, message, since)
    if not found:
        return None
    return await post_parts(adapter, destination, message, found)


@dataclass
class Finding:
    """One line of ``newsbrief check``'s report, as the core and each adapter's probe write it:
    what was checked, whether it passed, and how to fix it."""

    subject: str  # "destination discord:123", "database", "feed https://…", "discord token"
    ok: bool
    detail: str
    fix: str = ""


# -- optional capabilities: what the core may ask of an adapter beyond the Adapter protocol ----


@runtime_checkable
class Ready(Protocol):
    """An adapter with a connection to keep: /readyz reports ``ready`` (a property or a method);
    one without counts as ready."""

    @property
    def ready(self) -> bool: ...


@runtime_checkable
class PlatformPaced(Protocol):
    """A platform with a budget across all its destinations (Discord's global rate limit), paced
    by the outbox beside each destination's own ``pacing``."""

    platform_pacing: Pacing


@runtime_checkable
class PacesRequests(Protocol):
    """A platform-paced adapter that makes requests of its own around a post (a channel's kind,
    reopening a thread, reconcile's history): the outbox sets ``pace_request`` to a turn of the
    platform's pace, awaited before each of them, so the budget counts every request, not only
    the posts the outbox paces itself."""

    pace_request: Callable[[], Awaitable[None]] | None


@runtime_checkable
class HostsRoutes(Protocol):
    """An adapter that runs a public HTTP server (Slack's HTTP mode): other aiohttp routes
    (health, metrics) can ride on it when the operator asks, so one port is exposed."""

    extra_routes: list[Any]  # aiohttp RouteDefs, added before the server starts

    @property
    def serves_http(self) -> bool:
        """Whether this configuration runs that server at all."""
        ...


@runtime_checkable
class SingleConnection(Protocol):
    """A platform that allows one live connection per bot (Discord's gateway): one worker
    holds it under an advisory lock, the others deliver without it and take over when it goes."""

    @property
    def wants_gateway(self) -> bool: ...

    def hold_gateway(self) -> None:
        """Another process holds the connection: deliver without it until told otherwise."""
        ...

    async def open_gateway(self) -> None: ...


@runtime_checkable
class RendersPayloads(Protocol):
    """A platform whose exact request bodies ``newsbrief brief --format <name>`` can print."""

    def render_brief_payloads(self, brief: Brief, destination: Destination
                              ) -> Sequence[dict[str, Any]]: ...


@runtime_checkable
class NamesPlaces(Protocol):
    """A platform that can say what people call a channel and a server (the dashboard shows
    ``#news`` in "Fake Guild" rather than two numbers). One lookup each, uncached: the core's
    ``bot.delivery.names.NameBook`` caches, bounds the wait and falls back to the id. None:
    the platform has no name for it (a DM); an exception: it could not be asked, a
    ``DeliveryError`` with ``permanent`` when the platform refused for good (no such channel,
    no access), which is not asked again for as long as a name is trusted."""

    async def channel_name(self, destination: Destination) -> str | None: ...

    async def server_name(self, server: str) -> str | None: ...


# -- what an adapter is built from --------------------------------------------------------------


Secret = Callable[[str], str | None]  # one secret by name (one the adapter declares), or None
# autocomplete for a command argument: (kind, prefix typed so far, server) → choices
Suggest = Callable[[str, str, str | None], Awaitable[list[str]]]


@dataclass(frozen=True, slots=True)
class AdapterInputs:
    """What an adapter's ``build`` (and its probe's ``options``) is given: plain values and
    callables, never the core's settings object or command core."""

    section: Any  # the adapter's own settings section, validated (None: it declares none)
    secret: Secret
    allow_private: tuple[str, ...] = ()  # networks the operator lets the bot reach (CIDRs)
    suggest: Suggest | None = None  # the command core's autocomplete, when commands are served

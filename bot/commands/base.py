"""What every command handler shares: the context it runs in, target and permission checks, and
the error that becomes a reply instead of a crash."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from bot.delivery import CommandReply, CommandRequest, Destination
from bot.i18n import _
from bot.models import Brief
from bot.netguard import AddressPolicy
from bot.store import AsyncConnection
from bot.store import destinations as dest_store
from bot.store.briefs import known_tags
from bot.store.db import Database
from bot.store.destinations import DestinationRow
from bot.store.feeds import feed_names
from bot.tags import TagNormaliser

if TYPE_CHECKING:  # the type only: feed management (OPML, its store modules) is /feeds's to load
    from bot.feeds.manage import FeedReader

BriefUrl = Callable[[str], Awaitable[Brief]]

__all__ = ["MAX_VALUE", "CommandError", "Context", "Handler", "error", "feed_names", "known_tags",
           "on_off_target", "own_dm", "pop_target", "readers", "reply", "require_admin",
           "require_manage", "scope_of", "stored_target"]

MAX_VALUE = 200  # a subscription target or a search; longer is a paste accident, not a topic


class CommandError(Exception):
    """Raised by handlers; the core turns it into an error reply."""


@dataclass(slots=True)
class Context:
    db: Database
    now: datetime
    brief_url: BriefUrl | None = None
    policy: AddressPolicy = field(default_factory=AddressPolicy)
    max_feeds_per_channel: int = 100  # a channel's admins cannot make the bot poll the world
    max_feeds_per_server: int = 300
    max_subscriptions: int = 50  # per destination
    max_subscriptions_per_server: int = 500
    tags: TagNormaliser = field(default_factory=TagNormaliser)  # configured tag aliases
    digest_stories: int = 10  # stories per digest page (delivery.digest_stories)
    read_feed: FeedReader | None = None  # set: /feeds add fetches and reads the feed first
    timezone: str = "UTC"  # where the command was typed: the clock the reply's times keep


Handler = Callable[[Context, CommandRequest], Awaitable[CommandReply]]


def reply(text: str, *, ephemeral: bool = True, briefs: list[Brief] | None = None) -> CommandReply:
    return CommandReply(text=text, briefs=briefs or [], ephemeral=ephemeral)


def error(text: str) -> CommandReply:
    return CommandReply(text=text, ephemeral=True, error=True)


def pop_target(req: CommandRequest, words: list[str]) -> Destination:
    """Remove a trailing ``here`` or ``dm`` from ``words``; the destination it names."""
    word = words.pop().lower() if words and words[-1].lower() in ("here", "dm") else "here"
    if word == "dm":
        if req.dm is None:
            raise CommandError(_("This platform gives no direct-message destination; "
                                 "use `here` instead."))
        return req.dm
    return req.where


def on_off_target(req: CommandRequest, usage: str) -> tuple[Destination, bool]:
    """``on | off [here|dm]`` in ``req.args`` (after any leading words the caller strips): the
    destination it is for, which the caller may change, and whether on."""
    words = req.args.split()
    target = pop_target(req, words)
    if len(words) != 1 or words[0].lower() not in ("on", "off"):
        raise CommandError(_(usage))
    require_manage(req, target)
    return target, words[0].lower() == "on"


def shown_ref(ref: str) -> str:
    """A destination as a reply names it before a colon of its own: a bare ref (``console:``)
    without its colon, so "Subscriptions of console:" never reads "console::"."""
    return ref[:-1] if ref.endswith(":") else ref


def scope_of(req: CommandRequest) -> str | None:
    """Whose feeds a command sees and controls: the caller's server (Discord guild, Slack team),
    or the channel itself when there is none; None for the operator's CLI, which sees all."""
    return None if req.operator else (req.server or req.where.ref)


def readers(req: CommandRequest) -> tuple[str] | None:
    """Whose feeds' content a command may show: its tenant's (bot.store.tenancy); None: all."""
    scope = scope_of(req)
    return None if scope is None else (scope,)


def own_dm(req: CommandRequest, target: Destination) -> bool:
    return req.dm is not None and target.ref == req.dm.ref


async def stored_target(conn: AsyncConnection, req: CommandRequest, target: Destination, *,
                        now: datetime) -> DestinationRow:
    """The stored row of a command's target, created in the caller's server (whose feeds it
    may receive) and marked a DM when it is the caller's own."""
    return await dest_store.get_or_create(conn, target, now=now, server=req.server,
                                          dm=own_dm(req, target))


def require_manage(req: CommandRequest, target: Destination) -> None:
    """A channel's settings need the admin right; a person's own DM is theirs to change."""
    if not own_dm(req, target) and not req.is_admin:
        raise CommandError(_("Changing this channel's settings needs the admin permission. "
                             "To manage your own subscriptions, add `dm`."))


def require_admin(req: CommandRequest) -> None:
    if not req.is_admin:
        raise CommandError(_("Managing feeds needs the admin permission."))

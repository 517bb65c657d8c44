"""Which servers the pages show: everything the signed-in person may see, or the one server
they picked in the header.

The choices come only from what sign-in already decided (``Principal.servers``: the guilds and
workspaces this admin administers; the operator: every server with a channel here), and a
pick is checked against them on every request, so no pick, forged or stale, ever shows a
server one does not admin. The narrowed set is passed to the same store queries as before,
which apply the tenancy rule (``bot.store.tenancy``, ``feeds.used_by``) unchanged."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from bot.dashboard.auth import Principal, request_key
from bot.delivery.names import NameBook
from bot.store import Database
from bot.store import dashboard as queries


@dataclass(frozen=True, slots=True)
class ServerChoice:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Scope:
    servers: Collection[str] | None  # what the store queries read; None: every server
    chosen: str | None  # the server picked, if any
    choices: tuple[ServerChoice, ...] = ()

    @property
    def picker(self) -> bool:
        """Worth a picker: an admin of several servers, or the operator with any."""
        return len(self.choices) > 1 or (self.servers is None and bool(self.choices))

    @property
    def chosen_name(self) -> str | None:
        return next((c.name for c in self.choices if c.id == self.chosen), None)


SCOPE: Any = request_key("newsbrief_scope", Scope)  # set by the guard for anyone signed in


async def scope_for(db: Database, names: NameBook, principal: Principal,
                    picked: str | None) -> Scope:
    if principal.servers is not None:
        # an admin's servers and their names, as the platform gave them at sign-in
        choices = tuple(ServerChoice(sid, name or sid)
                        for sid, name in sorted(principal.servers.items(),
                                                key=lambda item: item[1].casefold()))
        chosen = picked if picked in principal.servers else None
        return Scope({chosen} if chosen else principal.servers, chosen, choices)
    async with db.read() as conn:
        found = await queries.servers_in_use(conn)
    shown = await names.names(servers=found)
    choices = tuple(sorted((ServerChoice(sid, shown.server(platform, sid))
                            for platform, sid in found), key=lambda c: c.name.casefold()))
    chosen = picked if any(c.id == picked for c in choices) else None
    return Scope({chosen} if chosen else None, chosen, choices)

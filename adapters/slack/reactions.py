"""Reactions on Slack: the ``reaction_added`` event (scope ``reactions:read``) as the core's
``Reaction``. Slack names emoji; only :no_bell:, :+1: and :-1: (and their aliases) count."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.delivery import Destination, Reaction, ReactionHandler
from bot.logs import get_log

log = get_log(__name__)

EMOJI = {"no_bell": "🔕", "+1": "👍", "thumbsup": "👍", "-1": "👎", "thumbsdown": "👎"}

Listener = Callable[[dict[str, Any], dict[str, Any]], Awaitable[None]]


def to_reaction(body: dict[str, Any], event: dict[str, Any], *, is_admin: bool
                ) -> Reaction | None:
    # skin tones arrive as "+1::skin-tone-2": the same vote
    emoji = EMOJI.get(str(event.get("reaction", "")).split("::")[0])
    item = event.get("item") or {}
    if emoji is None or item.get("type") != "message":
        return None
    team = str(body.get("team_id", ""))
    user = str(event.get("user", ""))
    return Reaction(emoji=emoji, message_id=str(item.get("ts", "")), user=user,
                    where=Destination(f"slack:{team}/{item.get('channel', '')}"),
                    dm=Destination(f"slack:{team}/{user}"), is_admin=is_admin)


def reaction_listener(handler: ReactionHandler,
                      is_admin: Callable[[str], Awaitable[bool]]) -> Listener:
    async def on_reaction(body: dict[str, Any], event: dict[str, Any]) -> None:
        if to_reaction(body, event, is_admin=False) is None:
            return  # not ours to look at: no admin lookup for every emoji in the workspace
        reaction = to_reaction(body, event, is_admin=await is_admin(str(event.get("user", ""))))
        assert reaction is not None
        outcome = await handler(reaction)
        log.info("slack.reaction", emoji=reaction.emoji, outcome=outcome)

    return on_reaction

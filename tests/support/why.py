"""/why and the digest's ranking through the real adapters: commands typed on the fake Discord
(an interaction the adapter's command tree runs) and the fake Slack (a signed slash command to
a serving Slack adapter), each platform's own message links, and 👍 / 👎 votes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from adapters.slack import SlackAdapter, SlackSettings
from adapters.slack import make_adapter as make_slack
from bot.commands.reactions import ReactionCore
from bot.delivery import Destination, Reaction
from tests.support.discord_commands import GUILD, invoke, opt, payload, sub
from tests.support.fake_slack import TEAM, TOKEN
from tests.support.slack_commands import SECRET, form, post, signed, until
from tests.support.stack import DISCORD, DISCORD_CHANNEL, SLACK, SLACK_CHANNEL, Stack

OTHER_GUILD = "888888888888888888"
OTHER_CHANNEL = "777777777777777777"  # a channel of OTHER_GUILD
ADMIN = "UADMIN"  # a Slack workspace admin on the fake


async def discord(stack: Stack, name: str, options: list[dict[str, Any]] | None = None,
                  *, admin: bool = True) -> str:
    """Run a slash command on the fake Discord through the adapter; the reply's text."""
    raw = payload(name, options, admin=admin)
    raw["locale"] = "en-US"  # the member's Discord language: replies in English
    await invoke(stack.discord, raw)
    said = stack.discord_fake.interaction_responses[raw["token"]]
    return "\n".join(str(r.get("edit", r.get("followup", {})).get("content") or "")
                     for r in said if "edit" in r or "followup" in r)


async def discord_why(stack: Stack, link: str) -> str:
    return await discord(stack, "why", [opt("link", link)], admin=False)


def discord_link(message_id: str, *, guild: str = GUILD, channel: str = DISCORD_CHANNEL) -> str:
    return f"https://discord.com/channels/{guild}/{channel}/{message_id}"


def slack_link(ts: str, channel: str = SLACK_CHANNEL) -> str:
    return f"https://acme.slack.com/archives/{channel}/p{ts.replace('.', '')}"


@pytest.fixture
async def slack_commands(stack: Stack) -> AsyncIterator[SlackAdapter]:
    """A Slack adapter serving slash commands (signed HTTP) to the stack's command core."""
    stack.slack_fake.users.update({ADMIN: {"is_admin": True}, "UPLAIN": {"is_admin": False}})
    adapter = make_slack(SlackSettings(
        bot_token=TOKEN, signing_secret=SECRET, api_base_url=stack.slack_fake.api_url,
        http_host="127.0.0.1", http_port=0, min_interval=0))
    await adapter.start(stack.core.handle)
    yield adapter
    await adapter.stop()


async def slack(stack: Stack, adapter: SlackAdapter, command: str, text: str, *,
                user: str = ADMIN) -> str:
    """Run a slash command on the fake Slack through the adapter; the reply's text."""
    before = len(stack.slack_fake.responses)
    body = form(stack.slack_fake, command, text, user=user)
    assert await post(adapter, body, signed(body)) == 200
    await until(lambda: len(stack.slack_fake.responses) > before)
    return "\n".join(str(r.get("blocks") or r.get("text")) for r in
                     stack.slack_fake.responses[before:])


async def message_ids(stack: Stack, ref: str) -> list[str]:
    """The platform ids of every message sent to ``ref``, oldest first."""
    return [str(m) for row in await stack.rows(ref) if row.message_ids
            for m in row.message_ids]


async def vote(stack: Stack, ref: str, message_id: str, emoji: str, voters: int) -> None:
    """``voters`` members react ``emoji`` to the message ``message_id`` in ``ref``."""
    core = ReactionCore(db=stack.db, clock=lambda: stack.now)
    for n in range(voters):
        assert await core.handle(Reaction(emoji, message_id, f"voter{n}",
                                          Destination(ref))) == "voted"


__all__ = ["DISCORD", "OTHER_CHANNEL", "OTHER_GUILD", "SLACK", "TEAM", "discord", "discord_link",
           "discord_why", "message_ids", "slack", "slack_commands", "slack_link", "sub", "vote"]

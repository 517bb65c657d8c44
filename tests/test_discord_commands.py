"""Slash commands built from raw interaction payloads, run through discord.py's CommandTree against
the fake Discord API: request conversion, admin reporting, deferral, replies, autocomplete, sync."""

from __future__ import annotations

import re
from typing import Any

import pytest

from adapters.discord import sync_commands
from adapters.discord.bot import DiscordAdapter
from adapters.slack.settings import DEFAULT_COMMANDS
from bot.commands.core import help_text
from bot.delivery import CommandReply, CommandRequest, Destination
from bot.pipeline import disabled_notice
from tests.support.discord_commands import (  # noqa: F401  (fixtures)
    CHANNEL,
    GUILD,
    USER,
    Core,
    adapter,
    core,
    fake,
    invoke,
    opt,
    payload,
    sub,
)
from tests.support.fake_discord import BOT_TOKEN, FakeDiscord
from tests.support.sample_briefs import HOSTILE, make_brief


def responses(fake: FakeDiscord, raw: dict[str, Any]) -> list[dict[str, Any]]:
    return fake.interaction_responses[raw["token"]]


@pytest.mark.parametrize(("name", "options", "command", "args"), [
    ("brief", [opt("query", "https://news.example/a")], "brief", "https://news.example/a"),
    ("subscribe", [opt("target", "ai"), opt("where", "dm")], "subscribe", "ai dm"),
    ("subscribe", [opt("target", "semiconductor policy")], "subscribe", "semiconductor policy"),
    ("unsubscribe", [opt("target", "ai"), opt("where", "here")], "unsubscribe", "ai here"),
    ("subscriptions", [], "subscriptions", ""),
    ("digest", sub("time", opt("at", "08:00"), opt("timezone", "Asia/Seoul")), "digest",
     "time 08:00 Asia/Seoul"),
    ("digest", sub("off"), "digest", "off"),
    ("digest", sub("now"), "digest", "now"),
    ("digest", sub("more"), "digest", "more"),
    ("digest", sub("more", {**opt("page", 3), "type": 4}), "digest", "more 3"),
    ("feeds", sub("add", opt("url", "https://x.example/feed"), opt("tags", "ai chips")),
     "feeds", "add https://x.example/feed ai chips"),
    ("feeds", sub("remove", opt("feed", "bbc")), "feeds", "remove bbc"),
    ("feeds", sub("list"), "feeds", "list"),
    ("feeds", sub("status"), "feeds", "status"),
    ("feeds", sub("test"), "feeds", "test"),
    # the bot's own notice says "re-enable it with /feeds enable 13" (issue 22.5)
    ("feeds", sub("enable", opt("feed", "13")), "feeds", "enable 13"),
    ("feeds", sub("resume"), "feeds", "resume"),
])
async def test_each_command_becomes_a_request(fake: FakeDiscord, adapter: DiscordAdapter,
                                              core: Core, name: str,
                                              options: list[dict[str, Any]], command: str,
                                              args: str) -> None:
    core.reply = CommandReply(text="ok", ephemeral=name != "brief")
    raw = payload(name, options, admin=True)
    await invoke(adapter, raw)
    [request] = core.requests
    assert (request.command, request.args) == (command, args)
    assert request.user == USER and request.where == Destination(f"discord:{CHANNEL}")
    assert request.is_admin is True
    assert request.server == GUILD  # per-server limits count against the guild
    assert request.dm is not None and request.dm.ref.startswith("discord:")
    # deferred first (ephemeral unless the whole channel should see it), then answered
    first, second = responses(fake, raw)[:2]
    assert first["callback"]["type"] == 5
    assert bool(first["callback"].get("data", {}).get("flags", 0) & 64) == (name != "brief")
    assert second["edit"]["content"] == "ok"


async def test_non_admin_is_reported_truthfully_and_refused(
        fake: FakeDiscord, adapter: DiscordAdapter, core: Core) -> None:
    raw = payload("feeds", sub("add", opt("url", "https://x.example/feed")), admin=False)
    await invoke(adapter, raw)
    [request] = core.requests
    assert request.is_admin is False
    replies = responses(fake, raw)
    assert replies[0]["callback"]["data"]["flags"] & 64  # only the caller sees the refusal
    assert "Only server admins" in replies[1]["edit"]["content"]


async def test_dm_command_uses_the_dm_channel_and_is_not_admin(
        fake: FakeDiscord, adapter: DiscordAdapter, core: Core) -> None:
    await invoke(adapter, payload("subscriptions", dm=True))
    [request] = core.requests
    assert request.dm == request.where == Destination(f"discord:{CHANNEL}")
    assert request.is_admin is False
    assert request.server is None


async def test_public_brief_reply_with_hostile_briefs(fake: FakeDiscord, adapter: DiscordAdapter,
                                                      core: Core) -> None:
    core.reply = CommandReply(text=f"Found: {HOSTILE}", ephemeral=False,
                              briefs=[make_brief(HOSTILE), make_brief("둘째 기사")])
    raw = payload("brief", [opt("query", "chips")])
    await invoke(adapter, raw)
    callback, edit = responses(fake, raw)
    assert "flags" not in callback["callback"].get("data", {}) or \
        not callback["callback"]["data"]["flags"] & 64
    assert len(edit["edit"]["embeds"]) == 2 and "@\u200beveryone" in edit["edit"]["content"]
    assert edit["edit"]["allowed_mentions"] == {"parse": []}


async def test_reply_visibility_differs_from_deferral(fake: FakeDiscord, adapter: DiscordAdapter,
                                                      core: Core) -> None:
    core.reply = CommandReply(text="No such article.", ephemeral=True, error=True)
    raw = payload("brief", [opt("query", "nothing")])
    await invoke(adapter, raw)
    _callback, delete, followup = responses(fake, raw)
    assert delete == {"delete": True}  # the public "thinking…" message goes away
    assert followup["followup"]["flags"] & 64 and followup["followup"]["content"] == \
        "No such article."


async def test_long_reply_is_split_into_followups(fake: FakeDiscord, adapter: DiscordAdapter,
                                                  core: Core) -> None:
    core.reply = CommandReply(text="\n".join(f"feed {i}: https://f{i}.example/rss"
                                             for i in range(200)))
    raw = payload("feeds", sub("list"), admin=True)
    await invoke(adapter, raw)
    parts = responses(fake, raw)[1:]
    text = parts[0]["edit"]["content"] + "\n" + "\n".join(p["followup"]["content"]
                                                          for p in parts[1:])
    assert len(parts) > 1 and text == core.reply.text


async def test_handler_crash_becomes_an_error_reply(fake: FakeDiscord, adapter: DiscordAdapter,
                                                    core: Core) -> None:
    async def broken(request: CommandRequest) -> CommandReply:
        raise RuntimeError("boom")

    adapter._handler = broken
    raw = payload("subscriptions")
    await invoke(adapter, raw)
    assert "failed" in responses(fake, raw)[1]["edit"]["content"]


@pytest.mark.parametrize(("name", "options", "expected"), [
    ("subscribe", [opt("target", "ai", focused=True)], ["ai", "ai-safety", "ai-weekly"]),
    ("feeds", sub("remove", opt("feed", "b", focused=True)), ["bbc"]),
])
async def test_autocomplete_offers_tags_and_feeds(fake: FakeDiscord, adapter: DiscordAdapter,
                                                  name: str, options: list[dict[str, Any]],
                                                  expected: list[str]) -> None:
    raw = payload(name, options, admin=True, kind=4)
    await invoke(adapter, raw)
    [answer] = responses(fake, raw)
    assert answer["callback"]["type"] == 8
    assert [c["value"] for c in answer["callback"]["data"]["choices"]] == expected


def named_commands(text: str) -> set[tuple[str, str | None]]:
    """(command, subcommand) pairs a text tells people to type: "/feeds enable 13", and in
    /help's "/digest time HH:MM | off | now" each alternative after a bar."""
    named: set[tuple[str, str | None]] = set()
    # a command starts a line or follows a space: "title:/rust/" in a pattern example is not one
    for found in re.finditer(r"(?:^|(?<=\s))/([a-z]+)((?: [^,/]*)?)", text, re.M):
        name, rest = found.group(1), found.group(2)
        words = [part.split()[0] for part in rest.split(" | ") if part.split()]
        named |= {(name, w) for w in words if re.fullmatch(r"[a-z]+", w)} | {(name, None)}
    return named


async def test_every_command_the_bot_names_exists_on_discord_and_slack(
        fake: FakeDiscord) -> None:
    """/help and the feed-disabled notice name commands; an admin must be able to run each
    on Discord (synced to the fake API) and on Slack (a registered slash command)."""
    await sync_commands(token=BOT_TOKEN, api_base_url=fake.api_base, guild_ids=[int(GUILD)])
    stored = {c["name"]: c for c in fake.commands[GUILD]}
    named = named_commands(help_text()) | named_commands(disabled_notice("Gazette", 13, "404"))
    assert ("feeds", "enable") in named and ("feeds", "resume") in named
    for name, word in sorted(named, key=str):
        assert f"/{name}" in DEFAULT_COMMANDS, name  # Slack passes the words through
        assert name in stored, name
        subcommands = {o["name"] for o in stored[name].get("options", []) if o["type"] == 1}
        if subcommands and word is not None:
            assert word in subcommands, (name, word)


async def test_sync_commands_sets_admin_permissions(fake: FakeDiscord) -> None:
    synced = await sync_commands(token=BOT_TOKEN, api_base_url=fake.api_base,
                                 guild_ids=[int(GUILD)])
    assert sorted(s.split("/")[1] for s in synced) == sorted(
        ["brief", "subscribe", "unsubscribe", "subscriptions", "digest", "feeds", "updates",
         "settings", "why"])
    stored = {c["name"]: c for c in fake.commands[GUILD]}
    # the docs describe a string bit set, the spec and discord.py an integer: same value
    assert int(stored["feeds"]["default_member_permissions"]) == 1 << 5  # Manage Server
    assert stored["feeds"]["contexts"] == [0] or stored["feeds"].get("dm_permission") is False
    assert stored["subscribe"]["default_member_permissions"] is None
    assert stored["why"]["default_member_permissions"] is None  # any member may ask
    assert int(stored["settings"]["default_member_permissions"]) == 1 << 5  # admins only
    target = next(o for o in stored["subscribe"]["options"] if o["name"] == "target")
    assert target["autocomplete"] is True
    assert fake.sent("PUT", "/applications")  # one deliberate bulk overwrite, validated

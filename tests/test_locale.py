"""A server's language (issue 22.8): ``/settings language ko|en`` (admins), the default taken
from the platform's server locale (Discord's guild locale), and the messages the bot writes by
itself (feed-disabled notices, burst messages, digest headers) following it."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.discord.bot import DiscordAdapter
from adapters.recording import RecordingAdapter
from bot.commands import split_command
from bot.config import DestinationSettings, SubscriptionSettings
from bot.delivery import CommandReply, CommandRequest, Destination
from bot.models import Brief, Point
from bot.routing.burst import burst_digest
from bot.routing.digest import recap
from bot.store import destinations as dest_store
from bot.store import servers as server_store
from tests.support.feedserver import FeedServer
from tests.test_discord_commands import (  # noqa: F401  (fixtures)
    GUILD,
    Core,
    adapter,
    core,
    fake,
    invoke,
    opt,
    payload,
    sub,
)
from tests.test_operator_notices import disable_one, notices, settings_with
from tests.test_routing import (  # noqa: F401  (fixtures)
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


def ask(text: str, *, channel: str = "test:c1", server: str | None = "G1", admin: bool = True,
        server_locale: str | None = None, locale: str | None = None) -> CommandRequest:
    name, args = split_command(text)
    return CommandRequest(command=name, args=args, user="u1", is_admin=admin,
                          where=Destination(channel), server=server,
                          server_locale=server_locale, locale=locale)


async def locale_of(world: World, ref: str) -> str | None:
    async with world.db.begin() as conn:
        row = await dest_store.get(conn, ref)
    return row.locale if row else None


async def test_an_admin_sets_the_server_language_for_every_channel(world: World) -> None:
    assert not (await world.core.handle(ask("/subscribe ai", channel="test:c1"))).error
    assert not (await world.core.handle(ask("/subscribe ai", channel="test:c2"))).error
    done = await world.core.handle(ask("/settings language ko"))
    assert not done.error and not done.ephemeral
    assert done.text.startswith("이 서버의 언어를 한국어")  # said in the language chosen
    assert await locale_of(world, "test:c1") == await locale_of(world, "test:c2") == "ko"
    # a channel of the server that appears later speaks it too
    assert not (await world.core.handle(ask("/subscribe ai", channel="test:c3"))).error
    assert await locale_of(world, "test:c3") == "ko"
    # and command replies there are Korean, whoever asks (no caller locale given)
    listed = await world.core.handle(ask("/subscriptions", channel="test:c3"))
    assert "구독" in listed.text
    # another server is untouched
    assert not (await world.core.handle(ask("/subscribe ai", channel="test:d1",
                                            server="G2"))).error
    assert await locale_of(world, "test:d1") == "en"


async def test_only_admins_change_it_and_only_to_a_language_we_speak(world: World) -> None:
    refused = await world.core.handle(ask("/settings language ko", admin=False))
    assert refused.error and "admin" in refused.text
    unknown = await world.core.handle(ask("/settings language fr"))
    assert unknown.error and "fr" in unknown.text and "en|ko" in unknown.text
    shown = await world.core.handle(ask("/settings language", admin=False))
    assert not shown.error and "English" in shown.text


async def test_the_default_is_the_platforms_server_locale(world: World) -> None:
    # a channel that existed before the platform's locale was read
    assert not (await world.core.handle(ask("/subscribe ai", channel="test:old"))).error
    reply = await world.core.handle(ask("/subscribe ai", channel="test:new",
                                        server_locale="ko"))
    assert not reply.error
    assert await locale_of(world, "test:new") == "ko"
    assert await locale_of(world, "test:old") == "ko"  # still at the default: follows
    async with world.db.begin() as conn:
        assert await server_store.get_locale(conn, "G1") == server_store.ServerLocale(
            "ko", server_store.PLATFORM)
    # an admin's choice stands whatever the platform says later
    assert not (await world.core.handle(ask("/settings language en"))).error
    await world.core.handle(ask("/subscribe ai", channel="test:later", server_locale="ko"))
    assert await locale_of(world, "test:later") == "en"


async def test_discord_reports_the_guild_locale_and_offers_settings_language(
        fake: object, adapter: DiscordAdapter, core: Core) -> None:
    core.reply = CommandReply(text="ok", ephemeral=True)
    raw = payload("settings", sub("language", opt("language", "ko")), admin=True)
    raw["guild_locale"] = "ko"
    await invoke(adapter, raw)
    [request] = core.requests
    assert (request.command, request.args) == ("settings", "language ko")
    assert request.server == GUILD and request.server_locale == "ko"


def brief() -> Brief:
    return Brief(headline="Harbor opens", points=[Point("It opened.")], tags=["harbor"],
                 url="https://news.example/1", lang="en")


def test_burst_messages_follow_the_destinations_language() -> None:
    from tests.test_routing import START

    korean = burst_digest("Harbor Gazette", [brief(), brief()], now=START, locale="ko")
    assert korean.title == "Harbor Gazette: 새 글 2개"
    assert korean.note is not None and "한꺼번에" in korean.note
    english = burst_digest("Harbor Gazette", [brief()], now=START)
    assert english.title == "Harbor Gazette: 1 new items"


async def test_digest_headers_follow_the_channels_language(world: World) -> None:
    assert not (await world.core.handle(ask("/subscribe ai"))).error
    assert not (await world.core.handle(ask("/settings language ko"))).error
    async with world.db.begin() as conn:
        row = await dest_store.get(conn, "test:c1")
        assert row is not None
        found = await recap(conn, row, now=world.now, empty_note=True)
    assert found is not None and found.title.startswith("오늘의 브리핑")


async def test_a_feed_disabled_notice_speaks_the_channels_language(tmp_path: Path) -> None:
    with FeedServer() as server:
        server.set("/gone.xml", b"gone", status=410)
        console = RecordingAdapter(name="console")
        korean = DestinationSettings(ref="console:", locale="ko",
                                     subscriptions=[SubscriptionSettings()])
        settings = settings_with(tmp_path, [server.url("/gone.xml")], destinations=[korean])
        app = await disable_one(settings, {"console": console})
        await app.close()
    [note] = notices(console)
    assert "비활성화" in note and "/feeds enable" in note


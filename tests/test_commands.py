"""The command core as conversations: permissions, bad arguments, search, feeds, rate limits."""

from __future__ import annotations

import importlib
import inspect
import sys
from datetime import timedelta

import pytest
from sqlalchemy import update

from bot.commands import CommandCore, core, split_command
from bot.delivery import CommandReply, CommandRequest, Destination, Pacing
from bot.errors import FetchError
from bot.models import Brief
from bot.store import destinations as dest_store
from bot.store import feeds as feed_store
from bot.store.schema import feeds
from tests.support.world import (  # noqa: F401  (fixtures)
    CHANNEL,
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


async def test_non_admin_refused_in_channel_but_manages_own_dm(world: World) -> None:
    refused = await world.say("/subscribe #ai", admin=False)
    assert refused.error and "admin" in refused.text
    assert (await world.say("/digest time 08:00", admin=False)).error
    assert not (await world.say("/subscribe #ai dm", admin=False)).error
    # Typed inside the DM itself, "here" is the user's own DM.
    inside = await world.say("/subscribe #chips", where="test:dm-u1", admin=False)
    assert not inside.error
    listing = await world.say("/subscriptions dm", admin=False)
    assert "tag ai" in listing.text and "tag chips" in listing.text
    async with world.db.begin() as conn:
        assert await dest_store.get(conn, CHANNEL) is None  # nothing was created for the channel


async def test_feeds_admin_validation_list_remove(world: World) -> None:
    assert (await world.say("/feeds add https://a.example/rss", admin=False)).error
    for bad in ("file:///etc/passwd", "ftp://a.example/rss", "https://user:pw@a.example/rss",
                "https:///nohost", "https://a.example/" + "x" * 3000):
        reply = await world.say(f"/feeds add {bad}")
        assert reply.error, bad
    added = await world.say("/feeds add https://a.example/rss AI 반도체")
    assert not added.error and "feed 1" in added.text
    assert "Already" in (await world.say("/feeds add https://a.example/rss")).text
    listing = await world.say("/feeds list", admin=False)
    assert "https://a.example/rss" in listing.text and "ai, 반도체" in listing.text
    assert (await world.say("/feeds remove 1", admin=False)).error
    assert not (await world.say("/feeds remove 1")).error
    assert "No feeds" in (await world.say("/feeds list")).text


async def test_feeds_status_shows_disabled_feeds_and_paused_destinations(world: World) -> None:
    feed_id = await world.feed("https://b.example/rss", "Broken")
    assert not (await world.say("/subscribe all")).error
    async with world.db.begin() as conn:
        await feed_store.link_server(conn, feed_id, CHANNEL, now=world.now)  # this server's
        await conn.execute(update(feeds).where(feeds.c.id == feed_id).values(
            disabled_at=world.now, disabled_reason="HTTP 410 gone"))
        row = await dest_store.get(conn, CHANNEL)
        assert row is not None
        await dest_store.pause(conn, row.id, "403 missing access", now=world.now)
    status = await world.say("/feeds status", admin=False)
    assert "Broken: disabled: HTTP 410 gone" in status.text
    assert f"{CHANNEL}: 403 missing access" in status.text


@pytest.mark.parametrize("line", [
    "/subscribe", "/subscribe -all", "/digest", "/digest time 25:00", "/digest time 8am",
    "/digest time 08:00 Mars/Olympus", "/digest sometimes", "/feeds", "/feeds explode",
    "/brief", "/brief ftp://a.example/x", "/unsubscribe #nothing", "/frobnicate now",
    "/subscribe " + "x" * 300, "/brief " + "y" * 1200,
])
async def test_bad_arguments_are_error_replies(world: World, line: str) -> None:
    reply = await world.say(line)
    assert reply.error and reply.text and reply.ephemeral


async def test_dm_on_a_platform_without_dms_is_an_error(world: World) -> None:
    request = CommandRequest(command="subscribe", args="#ai dm", user="u1",
                             where=Destination(CHANNEL), dm=None, is_admin=True)
    reply = await world.core.handle(request)
    assert reply.error and "direct-message" in reply.text


async def test_brief_url_calls_the_injected_briefer(world: World) -> None:
    reply = await world.say("/brief https://news.example/story?id=1")
    assert not reply.error and not reply.ephemeral
    assert [b.headline for b in reply.briefs] == ["Brief of https://news.example/story?id=1"]
    assert world.briefed == ["https://news.example/story?id=1"]

    async def failing(url: str) -> Brief:
        raise FetchError("http_status", "HTTP 404 from the site", url=url, status=404)

    world.core.brief_url = failing
    reply = await world.say("/brief https://news.example/missing")
    assert reply.error and "404" in reply.text


async def test_brief_words_searches_stored_articles(world: World) -> None:
    feed = await world.feed("https://news.example/rss", "News")
    await world.brief(feed, "Quantum computers reach a milestone",
                      text="Researchers report error-corrected qubits at scale.")
    await world.brief(feed, "삼성전자는 새 반도체 공장을 짓는다",
                      text="평택에 새 공장을 짓는다고 밝혔다.")
    await world.brief(feed, "Gardening tips for spring", text="Plant tomatoes after frost.")
    found = await world.say("/brief quantum qubits")
    assert [b.headline for b in found.briefs] == ["Quantum computers reach a milestone"]
    korean = await world.say("/brief 삼성 반도체")  # particles attached: prefix match
    assert [b.headline for b in korean.briefs] == ["삼성전자는 새 반도체 공장을 짓는다"]
    none = await world.say('/brief "unicorn" OR *')  # query syntax is not the user's to use
    assert not none.error and none.briefs == []


async def test_rate_limits_per_user_and_recovery(world: World) -> None:
    world.core = CommandCore(db=world.db, clock=lambda: world.now,
                             user_rate=Pacing(rate=0.5, burst=3),
                             destination_rate=Pacing(rate=10, burst=100))
    replies = [await world.say("/subscriptions") for _ in range(4)]
    assert [r.error for r in replies] == [False, False, False, True]
    assert not (await world.say("/subscriptions", user="u2")).error  # another person is fine
    world.now += timedelta(seconds=2)
    assert not (await world.say("/subscriptions")).error


async def test_a_crashing_handler_becomes_an_error_reply(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    async def boom(ctx: object, req: CommandRequest) -> CommandReply:
        raise RuntimeError("database on fire")

    monkeypatch.setitem(core.COMMANDS, "feeds",
                        core.ChatCommand(boom, core.COMMANDS["feeds"].usage))
    reply = await world.say("/feeds list")
    assert reply.error and "database on fire" not in reply.text


async def test_a_handler_that_will_not_load_says_the_command_is_unavailable(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "bot.commands.subscribe", None)
    reply = await world.say("/unsubscribe ai")
    assert reply.error and reply.text == "/unsubscribe is unavailable just now; it has been logged."


async def test_suggest_tags_and_feeds(world: World) -> None:
    feed = await world.feed("https://ai.example/rss", "AI Weekly", ["ai"])
    await world.brief(feed, "One", tags=["ai", "ai-safety", "chips"])
    await world.brief(feed, "Two", tags=["ai"])
    assert await world.core.suggest("tag", "#ai") == ["ai", "ai-safety"]
    async with world.db.begin() as conn:
        await feed_store.link_server(conn, feed, CHANNEL, now=world.now)
    assert await world.core.suggest("feed", "weekly", CHANNEL) == ["AI Weekly"]
    assert await world.core.suggest("colour", "x") == []


def test_split_command() -> None:
    assert split_command("/subscribe ai  dm ") == ("subscribe", "ai  dm")
    assert split_command("digest") == ("digest", "")


@pytest.mark.parametrize("name", sorted(core.COMMANDS))
def test_every_command_names_a_handler_that_exists(name: str) -> None:
    # the table names each handler by strings, which neither mypy nor the import contracts
    # follow: a misspelt module or function must fail here, not at a user's first command
    handler = core.COMMANDS[name].handler
    assert isinstance(handler, core.LazyHandler)
    module = importlib.import_module(f"bot.commands.{handler.module}")
    function = getattr(module, handler.function, None)
    assert function is not None, f"bot.commands.{handler.module} has no {handler.function}"
    assert inspect.iscoroutinefunction(function)


def test_a_misspelt_handler_name_is_caught() -> None:
    with pytest.raises(AttributeError):
        core.LazyHandler("why", "whyy").resolve()


async def test_search_index_follows_edits_and_deletes(world: World) -> None:
    from sqlalchemy import delete

    from bot.store.schema import entries

    feed = await world.feed("https://news.example/rss", "News")
    await world.brief(feed, "Volcano erupts", text="Ash over the island.")
    async with world.db.begin() as conn:
        await conn.execute(update(entries).values(title="Volcano calms", text="Quiet island."))
    assert (await world.say("/brief erupts")).briefs == []
    assert len((await world.say("/brief calms")).briefs) == 1
    async with world.db.begin() as conn:
        await conn.execute(delete(entries))
    assert (await world.say("/brief volcano")).briefs == []


async def test_a_tag_alias_subscribes_to_the_canonical_tag(world: World) -> None:
    world.core = CommandCore(db=world.db, clock=lambda: world.now,
                             tag_aliases={"ai": ["chatgpt", "인공지능"]},
                             user_rate=Pacing(1000, 1000), destination_rate=Pacing(1000, 1000))
    for words in ("chatgpt", "#인공지능", "tag:ChatGPT"):
        reply = await world.say(f"/subscribe {words}")
        assert not reply.error, reply.text
        assert "tag “ai”" in reply.text, reply.text
    listing = await world.say("/subscriptions")
    assert "chatgpt" not in listing.text and "인공지능" not in listing.text
    assert not (await world.say("/unsubscribe chatgpt")).error
    assert "“ai”" not in (await world.say("/subscriptions")).text


async def test_feeds_and_subscriptions_are_capped_per_server(world: World) -> None:
    """Two channels of one server share the server's caps; another server has its own."""
    core = CommandCore(db=world.db, clock=lambda: world.now, max_feeds_per_server=3,
                       max_subscriptions_per_server=4,
                       user_rate=Pacing(1000, 1000), destination_rate=Pacing(1000, 1000))

    def ask(text: str, channel: str, server: str) -> CommandRequest:
        name, args = split_command(text)
        return CommandRequest(command=name, args=args, user="admin", is_admin=True,
                              where=Destination(f"test:{channel}"), server=server)

    added = [await core.handle(ask(f"/feeds add https://f{i}.example/rss", f"c{i % 2}", "g1"))
             for i in range(4)]
    assert [r.error for r in added] == [False, False, False, True]
    assert "server has reached its limit of 3 feeds" in added[3].text
    assert not (await core.handle(ask("/feeds add https://other.example/rss", "c9", "g2"))).error

    subs = [await core.handle(ask(f"/subscribe keyword:k{i}", f"c{i % 2}", "g1"))
            for i in range(5)]
    assert [r.error for r in subs] == [False, False, False, False, True]
    assert "server has reached its limit of 4 subscriptions" in subs[4].text
    assert not (await core.handle(ask("/subscribe keyword:k9", "c9", "g2"))).error


async def test_an_admin_resumes_a_paused_channel_and_its_held_messages_go_out(
        world: World) -> None:
    feed = await world.feed("https://news.example/rss", "News")
    assert not (await world.say("/subscribe all")).error
    async with world.db.begin() as conn:
        dest = await dest_store.get(conn, CHANNEL)
        assert dest is not None
        await dest_store.pause(conn, dest.id, "403 Missing Access", now=world.now)
    held = await world.brief(feed, "Held story")
    await world.route(held)
    assert await world.delivered(CHANNEL) == []  # paused: held, not sent, not failed

    refused = await world.say("/feeds resume", admin=False)
    assert refused.error and "admin" in refused.text
    resumed = await world.say("/feeds resume")
    assert not resumed.error and "Resumed" in resumed.text
    assert "not paused" in (await world.say("/feeds resume")).text
    await world.route(held)
    assert await world.delivered(CHANNEL) == ["Held story"]


async def test_brief_refuses_links_with_credentials_and_logs_no_secret(
        world: World, caplog: pytest.LogCaptureFixture) -> None:
    """issue 13.4: the password used to go out as Basic auth and into the public reply."""
    caplog.set_level("DEBUG")
    for url in ("https://alice:hunter22@news.example/story", "http://alice@news.example/x"):
        reply = await world.say(f"/brief {url}")
        assert reply.error and "user:password@" in reply.text
        assert "hunter22" not in reply.text and "alice" not in reply.text
    assert world.briefed == []

    async def failing(url: str) -> Brief:
        raise FetchError("http_status", "HTTP 404 from the site", status=404)

    world.core.brief_url = failing
    await world.say("/brief https://news.example/missing?token=hunter22")
    assert "news.example/missing" in caplog.text
    assert "hunter22" not in caplog.text and "alice" not in caplog.text


async def test_control_and_bidi_characters_in_arguments_are_cleaned(world: World) -> None:
    """issue 13.10: they were stored and echoed (and NUL failed on PostgreSQL)."""
    hostile = 'keyword:"ctl\x00\x1b[31m\x07\u202eevil\u200b one"'
    reply = await world.say(f"/subscribe {hostile}")
    assert not reply.error, reply.text
    listing = await world.say("/subscriptions")
    for text in (reply.text, listing.text):
        assert not any(ch in text for ch in "\x00\x1b\x07\u202e\u200b"), repr(text)
        assert "ctl[31mevil one" in text
    async with world.db.begin() as conn:
        row = await dest_store.get(conn, CHANNEL)
        assert row is not None
        [sub] = await dest_store.list_subscriptions(conn, row.id)
    assert sub.value == "ctl[31mevil one"


async def test_help_lists_every_command_of_the_table(world: World,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    said = (await world.say("/help")).text
    for name in core.COMMANDS:
        assert f"\n/{name} " in said, name
    for action in ("enable", "resume", "test"):  # the /feeds actions /help used to leave out
        assert action in said.split("/feeds", 1)[1].split("\n", 1)[0]
    monkeypatch.setitem(core.COMMANDS, "newthing", core.ChatCommand(
        core.COMMANDS["updates"].handler, "Usage: /newthing <x>"))
    assert "\n/newthing <x>" in (await world.say("/help")).text  # listed by being in the table


async def test_a_bare_ref_before_a_colon_is_not_doubled(world: World) -> None:
    for said in ("/updates on", "/subscriptions"):
        text = (await world.say(said, where="console:")).text
        assert "console::" not in text and "console" in text, text


async def test_unsubscribe_with_nothing_to_remove_gives_its_own_usage(world: World) -> None:
    assert not (await world.say("/subscribe #ai")).error
    world.now += timedelta(seconds=2)
    said = await world.say("/unsubscribe")
    assert said.error and said.text.startswith("Usage: /unsubscribe ")

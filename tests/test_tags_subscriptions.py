"""Through the command core and the store: every spelling of a tag subscribes to one thing, and
the known tags (autocomplete, the bare-word guess) list one tag once (issue 28)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import insert, select

from bot.commands.reactions import ReactionCore
from bot.delivery import Destination, Reaction
from bot.routing.route import decide, load_facts
from bot.store import destinations as dest_store
from bot.store.briefs import known_tags
from bot.store.schema import subscriptions
from tests.support.world import (  # noqa: F401  (fixtures)
    CHANNEL,
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


@pytest.mark.parametrize("typed", ["#OpenAI", "#open-ai", "#openai"])
async def test_every_spelling_subscribes_to_briefs_of_every_spelling(world: World,
                                                                     typed: str) -> None:
    feed = await world.feed("https://tech.example/rss", "Tech Daily")
    reply = await world.say(f"/subscribe {typed}")
    assert not reply.error, reply.text
    one = await world.brief(feed, "OpenAI ships a model", tags=["openai"])
    two = await world.brief(feed, "Open AI hires", tags=["open-ai"])
    other = await world.brief(feed, "Local team wins", tags=["sports"])
    assert [await world.route(b) for b in (one, two, other)] == [1, 1, 0]


async def test_known_tags_count_one_tag_once(world: World) -> None:
    feed = await world.feed("https://tech.example/rss", "Tech Daily", tags=["Open AI"])
    await world.brief(feed, "OpenAI ships a model", tags=["openai"])
    await world.brief(feed, "Open AI hires", tags=["open-ai"])
    async with world.db.begin() as conn:
        tags = await known_tags(conn)
    assert len([t for t in tags if t.replace("-", "") == "openai"]) == 1
    assert sum(tags.values()) == 3


@pytest.mark.parametrize(("typed", "tagged"), [
    ("#macbook", "macbooks"), ("#macbooks", "macbook"), ("#MacBook", "mac-books"),
    ("#battery", "batteries"), ("#watches", "watch"), ("#open-ai", "OpenAI")])
async def test_a_plural_and_its_singular_subscribe_to_one_thing(world: World, typed: str,
                                                                tagged: str) -> None:
    # issue 28: an English brief keeps "#macs" beside "#macbooks" as one tag
    # (lang/en/tagging/one_thing), and its subscriber of "#macbook" got no brief tagged
    # "#macbooks" (main 178cc25: the route count was 0).
    feed = await world.feed("https://tech.example/rss", "Tech Daily")
    reply = await world.say(f"/subscribe {typed}")
    assert not reply.error, reply.text
    one = await world.brief(feed, "New laptops", tags=[tagged])
    other = await world.brief(feed, "Local team wins", tags=["sports"])
    assert [await world.route(b) for b in (one, other)] == [1, 0]


@pytest.mark.parametrize(("typed", "tagged"), [
    ("#jon", "jones"), ("#tim", "times"), ("#new", "news"), ("#arm", "arms"),
    ("#apple", "apple-watch"), ("#교수", "교수들"),
    # NOT_PLURALS ends a tag of several words too (review 48, nit 6: "consumer-goods")
    ("#consumer-good", "consumer-goods"), ("#consumergood", "consumer-goods"),
    ("#fox-new", "fox-news"), ("#small-arm", "small-arms")])
async def test_words_that_only_look_like_plurals_stay_two_subscriptions(
        world: World, typed: str, tagged: str) -> None:
    # "es" only after s, x, z, ch, sh, o ("#jones" is no "#jon"); ``NOT_PLURALS``; a Hangul
    # tag is one tag only with its own form, never read by an English plural rule.
    feed = await world.feed("https://tech.example/rss", "Tech Daily")
    reply = await world.say(f"/subscribe {typed}")
    assert not reply.error, reply.text
    brief = await world.brief(feed, "A story", tags=[tagged])
    assert await world.route(brief) == 0


async def test_subscriptions_stored_before_match_every_form(world: World) -> None:
    # Migration: rows saved as typed before canonical matching ("MacBooks", "open-ai") are read
    # as they are; no row is rewritten, and each still gets its own form's briefs.
    feed = await world.feed("https://tech.example/rss", "Tech Daily")
    reply = await world.say("/subscribe #sports")
    assert not reply.error, reply.text
    async with world.db.begin() as conn:
        row = (await conn.execute(select(subscriptions))).first()
        assert row is not None
        base = {k: v for k, v in row._mapping.items() if k not in ("id", "value")}
        await conn.execute(insert(subscriptions).values({**base, "value": "MacBooks"}))
        await conn.execute(insert(subscriptions).values({**base, "value": "open-ai"}))
    briefs = [await world.brief(feed, f"Story {t}", tags=[t])
              for t in ("macbooks", "macbook", "openai", "open-ai", "weather")]
    assert [await world.route(b) for b in briefs] == [1, 1, 1, 1, 0]
    async with world.db.begin() as conn:
        values = sorted(r.value for r in await conn.execute(select(subscriptions)))
    assert values == ["MacBooks", "open-ai", "sports"]


async def test_an_urgent_tag_matches_its_plural(world: World) -> None:
    # An urgent "MacBooks" makes the brief tagged "#macbook" instant, as a subscription would.
    feed = await world.feed("https://tech.example/rss", "Tech Daily")
    reply = await world.say("/subscribe #macbooks digest")
    assert not reply.error, reply.text
    brief = await world.brief(feed, "New laptops", tags=["macbook"])
    async with world.db.begin() as conn:
        destination = (await dest_store.list_destinations(conn))[0]
        subs = await dest_store.list_subscriptions(conn, destination.id)
        facts = (await load_facts(conn, [brief]))[brief]
    route = decide(subs, facts, replace(destination, urgent_tags=["MacBooks"]))
    assert route is not None and route.mode == "instant"


@pytest.mark.parametrize(("typed", "tagged"), [
    ("#patriot", "patriots"), ("#bear", "bears"), ("#bears", "bear"), ("#jets", "jet")])
async def test_a_name_that_looks_like_a_plural_is_followed_with_its_word(
        world: World, typed: str, tagged: str) -> None:
    # Accepted (review 48, finding 3; bot.tags NOT_PLURALS): on the positive side a team named
    # in the plural joins the word it looks like, so "#bear" also gets the Chicago "#bears".
    feed = await world.feed("https://tech.example/rss", "Tech Daily")
    reply = await world.say(f"/subscribe {typed}")
    assert not reply.error, reply.text
    assert await world.route(await world.brief(feed, "A story", tags=[tagged])) == 1


@pytest.mark.parametrize(("typed", "tagged"), [
    ("-#bear", "bears"), ("-#bears", "bear"), ("-#macbook", "macbooks")])
async def test_an_exclusion_drops_only_the_tag_it_names(world: World, typed: str,
                                                       tagged: str) -> None:
    # review 48, finding 3: "-#bear" dropped every brief tagged "#bears" (route 0); an
    # exclusion is read exactly, in any spelling of that one tag.
    feed = await world.feed("https://tech.example/rss", "Tech Daily")
    assert not (await world.say("/subscribe all")).error
    reply = await world.say(f"/subscribe {typed}")
    assert not reply.error, reply.text
    same = typed.removeprefix("-#")
    briefs = [await world.brief(feed, "A story", tags=[tagged]),
              await world.brief(feed, "The story", tags=[same.upper()])]
    assert [await world.route(b) for b in briefs] == [1, 0]


async def test_a_mute_drops_only_the_tag_it_muted(world: World) -> None:
    # review 48, finding 3: a 🔕 on a wildlife story's "#bear" stores the exclusion "bear";
    # it then dropped the Chicago Bears' "#bears" too.
    core = ReactionCore(db=world.db, clock=lambda: world.now)
    feed = await world.feed("https://news.example/rss", "News")
    assert not (await world.say("/subscribe all")).error
    await world.route(await world.brief(feed, "A bear in the garden", tags=["bear"]))
    await world.delivered()
    message = world.platform.deliveries[-1].message_id
    assert await core.handle(Reaction("🔕", message, "u1", Destination(CHANNEL),
                                      is_admin=True)) == f"muted:{CHANNEL}:bear"
    assert await world.route(await world.brief(feed, "Another bear", tags=["bear"])) == 0
    assert await world.route(await world.brief(feed, "Bears win", tags=["bears"])) == 1


async def test_a_keyword_matches_the_plural_of_its_tag(world: World) -> None:
    # review 48, finding 5: a keyword read as a tag matches the brief's plural as a tag
    # subscription does ("macbook" typed as a keyword, before any brief carried the tag).
    feed = await world.feed("https://tech.example/rss", "Tech Daily")
    reply = await world.say('/subscribe "macbook"')
    assert not reply.error, reply.text
    one = await world.brief(feed, "New laptops", tags=["macbooks"])
    other = await world.brief(feed, "Local team wins", tags=["sports"])
    assert [await world.route(b) for b in (one, other)] == [1, 0]

"""Subscription kinds are one table (bot.filters.kinds): every kind goes typed → stored →
matched, an unknown one is refused where it is written, and a new one is one table entry."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest
from pydantic import ValidationError

from bot.config import DestinationSettings, SubscriptionSettings
from bot.filters import kinds
from bot.filters.reasons import because
from bot.models import Reason
from bot.store import destinations as dest_store
from tests.support.world import (  # noqa: F401  (fixtures)
    CHANNEL,
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

FEED = "https://tech.example/rss"
# kind → (typed after /subscribe, the value written in the configuration, what is stored, a
# headline it lets through, one from another feed it does not (None: it lets everything through))
EXAMPLES: dict[str, tuple[str, str, str, str, str | None]] = {
    "tag": ("#Machine Learning", "Machine Learning", "machine-learning", "Labs train a model",
            "Local team wins"),
    "feed": (f"feed:{FEED}", FEED, FEED, "Anything from the tech feed", None),
    "keyword": ('keyword:"Open  Source"', "Open Source", "open source", "An open source win",
                "A closed shop"),
    "pattern": ("pattern:title:/rust/", " title:/rust/ ", "title:/rust/", "Rust ships 2.0",
                "Go ships 1.30"),
    "all": ("all", "", "", "Whatever comes", None),
}


def test_the_literal_names_the_table_in_precedence_order() -> None:
    assert kinds.names() == get_args(kinds.Kind)
    assert set(EXAMPLES) == set(kinds.names())  # a new kind needs its round-trip example here


@pytest.mark.parametrize("name", sorted(EXAMPLES))
async def test_every_kind_round_trips_typed_stored_matched(world: World, name: str) -> None:
    typed, configured_as, stored, hit, miss = EXAMPLES[name]
    tech = await world.feed(FEED, "Tech Daily")
    other = await world.feed("https://sport.example/rss", "Sport Daily")
    reply = await world.say(f"/subscribe {typed}")
    assert not reply.error, reply.text
    async with world.db.begin() as conn:
        row = await dest_store.get(conn, CHANNEL)
        assert row is not None
        [sub] = await dest_store.list_subscriptions(conn, row.id)
    assert (sub.kind, sub.value) == (name, stored)
    assert kinds.normalise_value(name, kinds.require(name).validate(stored)) == stored  # stable
    tags = ["machine-learning"] if name == "tag" else []
    assert await world.route(await world.brief(tech, hit, tags=tags)) == 1
    if miss is not None:
        assert await world.route(await world.brief(other, miss)) == 0
    # the same kind from the configuration is stored the same way
    settings = DestinationSettings(ref="webhook:config", subscriptions=[
        SubscriptionSettings(kind=name, value=configured_as)])
    async with world.db.begin() as conn:
        [dest] = await dest_store.sync_destinations(conn, [settings], now=world.now)
        [configured] = await dest_store.list_subscriptions(conn, dest.id)
    assert (configured.kind, configured.value) == (name, stored)


def test_an_unknown_kind_is_refused_by_the_configuration() -> None:
    with pytest.raises(ValidationError) as refused:
        SubscriptionSettings(kind="author", value="alice")
    assert "“author” is not a kind of subscription; the kinds are tag, feed, keyword, pattern, " \
        "all." in str(refused.value)
    with pytest.raises(ValidationError, match="not a pattern RE2 accepts"):  # validated per kind
        SubscriptionSettings(kind="pattern", value="title:/(a)\\1/")


async def test_an_unknown_kind_is_refused_by_the_command(world: World) -> None:
    reply = await world.say("/subscribe author:alice")
    assert reply.error
    assert "“author” is not a kind of subscription" in reply.text
    assert 'keyword:"author:alice"' in reply.text  # how to follow the words instead
    assert (await world.say("/subscriptions")).text.startswith(f"{CHANNEL} has no subscriptions")
    reply = await world.say('/subscribe keyword:"author:alice"')  # as the reply suggests
    assert not reply.error, reply.text
    # a bare "word:" that names a known feed is still that feed, not an unknown kind
    await world.feed("https://wired.example/rss", "Wired:Science")
    reply = await world.say("/subscribe Wired:Science")
    assert not reply.error and "feed" in reply.text, reply.text


def _headline_starts(value: str, facts: kinds.BriefFacts) -> bool:
    return facts.article.title.casefold().startswith(value)


STARTS = kinds.SubscriptionKind(
    "starts", "starts with",  # type: ignore[arg-type]  # a kind the Literal does not name
    normalise=lambda v: " ".join(v.split()).casefold(), matches=_headline_starts,
    section=lambda value, facts: f"“{value}…”", prefixes=("begins",))


async def test_one_table_entry_is_enough_for_config_command_and_routing(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    feed = await world.feed(FEED, "Tech Daily")
    assert (await world.say("/subscribe starts:Breaking")).error  # not a kind yet
    monkeypatch.setattr(kinds, "KINDS", (*kinds.KINDS, STARTS))

    reply = await world.say("/subscribe begins:Breaking  News")  # the command, by short prefix
    assert not reply.error, reply.text
    assert "starts with “breaking news”" in reply.text
    settings = DestinationSettings(ref="webhook:config", subscriptions=[  # the configuration
        SubscriptionSettings(kind="starts", value="Exclusive")])
    async with world.db.begin() as conn:
        await dest_store.sync_destinations(conn, [settings], now=world.now)
        subs = [(s.kind, s.value) for s in await dest_store.list_subscriptions(conn)]
    assert subs == [("starts", "breaking news"), ("starts", "exclusive")]

    # routing: each destination gets what its entry lets through, filed under its section
    assert await world.route(await world.brief(feed, "Breaking news: chips")) == 1
    exclusive = await world.brief(feed, "Exclusive: a leak")
    assert await world.route(exclusive) == 1
    assert await world.route(await world.brief(feed, "Quiet day")) == 0
    assert await world.delivered() == ["Breaking news: chips"]
    [held] = await world.rows("webhook:config")  # queued for the configured destination
    assert held.brief_id == exclusive
    from bot.routing import route

    brief_id = await world.brief(feed, "Breaking news, again")
    async with world.db.begin() as conn:
        [(dest, subs_of)] = [t for t in await route.targets(conn) if t[0].ref == CHANNEL]
        facts = (await route.load_facts(conn, [brief_id]))[brief_id]
    assert route.decide(subs_of, facts, dest) == route.Route(
        "instant", "“breaking news…”", reason=Reason("starts", "breaking news"))
    # and /why names it by its entry's label
    assert because(Reason("starts", "breaking news"), dm=False, locale="en") == \
        "Sent because this channel follows starts with “breaking news”"


async def test_one_table_entry_is_enough_for_the_dashboard_form(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.support.dashboard import dashboard_harness, dashboard_settings

    monkeypatch.setattr(kinds, "KINDS", (*kinds.KINDS, STARTS))
    async with dashboard_harness(dashboard_settings(tmp_path)) as h:
        await h.sign_in()
        async with h.app.db.begin() as conn:
            dest = await dest_store.get(conn, "console:")
        assert dest is not None
        page = f"/destinations/{dest.id}"
        form = await (await h.client.get(page)).text()
        offered = re.findall(r'<option value="([^"]+)"[^>]*>([^<]+)</option>', form)
        assert [(name, label) for name, label in offered if name in kinds.names()] == [
            ("tag", "Tag"), ("feed", "Feed"), ("keyword", "Keyword"), ("pattern", "Pattern"),
            ("all", "Everything"), ("starts", "Starts with")]  # the table, in its order

        posted = await h.post(f"{page}/subscribe", {"kind": "starts", "value": "Breaking  News"},
                              page=page)
        assert posted.status == 303, await posted.text()
        async with h.app.db.begin() as conn:
            subs = {(s.kind, s.value) for s in await dest_store.list_subscriptions(conn, dest.id)}
        assert ("starts", "breaking news") in subs  # normalised by its entry, as from chat
        listed = await (await h.client.get(page)).text()
        assert "starts with <strong>breaking news</strong>" in listed
        empty = await h.post(f"{page}/subscribe", {"kind": "starts", "value": " "}, page=page)
        assert empty.status == 400 and "Enter the starts with to follow." in await empty.text()

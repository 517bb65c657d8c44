"""Updates as replies: a material edit of a posted article becomes "Updated: <what changed>" in
reply to the original post, for destinations that opted in, at most once per article per hour."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from adapters.recording import RecordingAdapter
from bot import updates
from bot.models import FeedItem
from tests.support.clock import Clock
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer
from tests.support.stack import (  # noqa: F401  (fixtures)
    DISCORD,
    DISCORD_CHANNEL,
    SLACK,
    SLACK_CHANNEL,
    Stack,
    stack_fixture,
)
from tests.test_e2e import cycle, make_app, server, settings_for  # noqa: F401  (fixtures)
from tests.test_routing import (  # noqa: F401  (fixtures)
    CHANNEL,
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

TEXT = "The council approved the budget. Spending rises 3% next year."


@pytest.mark.parametrize(("new_title", "new_text", "expected"), [
    ("Council passes budget", TEXT, None),  # unchanged
    ("Council passes budget", TEXT.replace("approved", "aproved"), None),  # a typo fixed
    ("Council passes budgett", TEXT, None),  # a typo in the headline
    ("Council passes budget", TEXT.replace("3%", "5%"), "Spending rises 3% → 5% next year."),
    ("Council rejects budget", TEXT, "“Council rejects budget”"),
    ("Council passes budget", TEXT + " The mayor vetoed it on Friday.",
     "The mayor vetoed it on Friday."),
    # a word that flips the meaning is news, however close the sentences are
    ("Council passes budget", TEXT.replace("approved", "did not approve"),
     "The council did not approve the budget."),
])
def test_what_changed(new_title: str, new_text: str, expected: str | None) -> None:
    assert updates.what_changed("Council passes budget", TEXT, new_title, new_text) == expected


def test_what_changed_lists_headline_figures_and_new_sentences_in_that_order() -> None:
    old = "The virus reached 40 hospitals by Monday. Officials urged calm."
    new = ("The virus reached 120 hospitals by Tuesday. Officials urged calm. "
           "Schools will close on Friday.")
    assert updates.what_changed("Flu spreads", old, "Flu spreads fast", new) == (
        "“Flu spreads fast”\n"
        "The virus reached 40 → 120 hospitals by Tuesday.\n"
        "Schools will close on Friday.")


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("Prices rose 3.5% in May, to $1,200.", "Prices rose 4.1% in May, to $1,350.",
     "Prices rose 3.5% → 4.1% in May, to $1,200 → $1,350."),
    ("사망자는 12명으로 늘었다. 당국은 조사 중이다.",
     "사망자는 15명으로 늘었다. 당국은 조사 중이다.",
     "사망자는 12 → 15명으로 늘었다."),
    # a figure is never a typo, even when the words around it are the same length
    ("The toll stood at 12 on Friday.", "The toll stood at 13 on Friday.",
     "The toll stood at 12 → 13 on Friday."),
])
def test_changed_figures_are_marked_in_place(old: str, new: str, expected: str) -> None:
    assert updates.what_changed("Toll", old, "Toll", new) == expected


def test_a_removed_sentence_alone_is_no_update_and_a_long_edit_is_clipped() -> None:
    assert updates.what_changed("T", TEXT, "T", "The council approved the budget.") is None
    long = "The mayor said " + "very " * 100 + "much."
    note = updates.what_changed("T", TEXT, "T", TEXT + " " + long)
    assert note is not None and len(note) == updates.MAX_LINE and note.endswith("…")


def _edited(n: int, title: str, text: str) -> FeedItem:
    """The item World.brief stored as entry ``k<n>``, as a later poll sees it edited."""
    return FeedItem(entry_key=f"k{n}", id_kind="guid", title=title, link=None, published=None,
                    text=text, content_hash=hashlib.sha256(text.encode()).hexdigest())


async def _edit(world: World, feed: int, item: FeedItem) -> int:
    async with world.db.begin() as conn:
        return await updates.note_edit(conn, feed, item, now=world.now)


async def test_opt_in_reply_to_the_original_at_most_hourly(world: World) -> None:
    assert (await world.say("/updates on", admin=False)).error
    assert (await world.say("/updates sometimes")).error
    on = await world.say("/updates on")
    assert not on.error and "Updates on" in on.text
    await world.say("/subscribe all")
    await world.say("/subscribe all dm", user="u2", admin=False, dm="test:dm-u2")  # updates off
    feed = await world.feed("https://city.example/rss", "City")
    await world.route(await world.brief(feed, "Council passes budget", text=TEXT))
    await world.delivered()
    original = {d.destination.ref: d.message_id for d in world.platform.deliveries}
    assert await _edit(world, feed, _edited(1, "Council passes budget",
                                            TEXT.replace("approved", "aproved"))) == 0
    assert await _edit(world, feed, _edited(1, "Council passes budget",
                                            TEXT.replace("3%", "5%"))) == 1
    await world.delivered()
    reply = world.platform.deliveries[-1]
    assert reply.destination.ref == CHANNEL
    assert reply.message.reply_to == original[CHANNEL]
    assert reply.message.update == "Spending rises 3% → 5% next year."
    # a second change within the hour: nothing; after it: one more
    world.now += timedelta(minutes=30)
    assert await _edit(world, feed, _edited(1, "Council rejects budget", TEXT)) == 0
    world.now += timedelta(minutes=31)
    assert await _edit(world, feed, _edited(1, "Council rejects budget", TEXT)) == 1
    assert not (await world.say("/updates off")).error
    world.now += timedelta(hours=2)
    assert await _edit(world, feed, _edited(1, "Council defers budget", TEXT)) == 0


@pytest.mark.parametrize("where", [DISCORD, SLACK])
async def test_update_is_a_reply_to_the_original_post(stack: Stack, where: str) -> None:
    assert not (await stack.ask("/updates on", where=where)).error
    assert not (await stack.ask("/subscribe all", where=where)).error
    feed = await stack.feed("https://city.example/rss", "City")
    await stack.route(await stack.brief(feed, "Council passes budget", text=TEXT))
    await stack.deliver()
    edited = _edited(1, "Council passes budget", TEXT + " The mayor vetoed it <!channel> "
                     "<@&123456789012345678> @everyone.")
    async with stack.db.begin() as conn:
        assert await updates.note_edit(conn, feed, edited, now=stack.now) == 1
    await stack.deliver()
    if where == DISCORD:
        _, reply = stack.discord_posts()
        [posted, _] = stack.discord_fake.messages(DISCORD_CHANNEL)
        assert reply["message_reference"]["message_id"] == posted["id"]
        assert reply["embeds"][0]["description"].startswith("**Updated:** The mayor vetoed it")
        assert reply["allowed_mentions"] == {"parse": []}
    else:
        _, reply = stack.slack_posts()
        posted = stack.slack_fake.history(SLACK_CHANNEL)[0]
        assert reply["thread_ts"] == posted["ts"]
        assert "*Updated:* The mayor vetoed it" in reply["blocks"][0]["text"]["text"]
        assert "<!channel>" not in str(reply)


async def test_the_pipeline_replies_when_a_polled_item_changes(
        server: FeedServer, tmp_path: Path, make_app: Any) -> None:
    server.set("/a.xml", rss("Feed A", [item(1, topic="a")]))
    settings = settings_for(tmp_path, [server.url("/a.xml")])
    settings.destinations[0] = settings.destinations[0].model_copy(update={"updates": True})
    settings.destinations[0].model_fields_set.add("updates")
    clock, rec = Clock(), RecordingAdapter(name="console")
    app = await make_app(settings, clock, rec)
    await cycle(app)
    [original] = rec.deliveries
    edited = item(1, topic="a")
    edited["text"] = "Officials later cancelled the whole plan outright. " + edited["text"]
    server.set("/a.xml", rss("Feed A", [edited]))
    clock.advance(61)
    await cycle(app)
    [_, reply] = rec.deliveries
    assert reply.message.reply_to == original.message_id
    assert reply.message.update == "Officials later cancelled the whole plan outright."

"""Forum channels and threads as Discord destinations, against the fake Discord: each brief a
new forum post with the forum's matching tags, digests as one post, threads posted to (an
archived one reopened, a locked or deleted one paused), and a post whose answer was lost found
again by a restarted adapter instead of posted twice."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from adapters.discord import make_adapter
from adapters.discord.bot import DiscordAdapter
from adapters.discord.render import find_marker, nonce_for, render_brief_payloads
from bot.delivery import Destination, Outgoing
from bot.errors import DeliveryError
from bot.outbox.queue import enqueue
from bot.store import destinations as dest_store
from bot.store.db import Database
from tests.support.crash_delivery import add_brief, add_destination
from tests.support.dbs import database_url
from tests.support.discord_delivery import _big_digest
from tests.support.discord_outbox import drain, fake, process  # noqa: F401  (fixture)
from tests.support.fake_discord import BOT_TOKEN, TEXT_CHANNEL_ID, FakeDiscord
from tests.support.outbox import FakeClock, rows
from tests.support.sample_briefs import HOSTILE, KOREAN, make_brief
from tests.support.stack import Stack, stack_fixture  # noqa: F401  (fixtures)
from tests.support.world import (  # noqa: F401  (fixtures)
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

FORUM = "222222222222222222"
THREAD = "444444444444444444"
POSTS = f"/channels/{FORUM}/threads"


@pytest.fixture
async def adapter(fake: FakeDiscord) -> AsyncIterator[DiscordAdapter]:
    adapter = make_adapter(token=BOT_TOKEN, api_base_url=fake.api_base, connect_gateway=False)
    yield adapter
    await adapter.stop()


def dest(channel: str) -> Destination:
    return Destination(f"discord:{channel}")


@pytest.mark.parametrize("media", [False, True])
async def test_a_brief_becomes_a_forum_post_with_the_matching_tags(
        fake: FakeDiscord, adapter: DiscordAdapter, media: bool) -> None:
    tags = fake.add_forum(FORUM, ["AI", "Chips", "Policy", "Mod", "Cloud", "Web", "Korea"],
                          moderated=("Mod",), media=media)
    ids = {t["name"]: t["id"] for t in tags}
    headline = f"{HOSTILE} " + "long headline " * 20
    brief = make_brief(headline, tags=["ai", "#CHIPS", "mod", "unknown", "ai", "policy",
                                       "cloud", "web", "korea"])
    receipt = await adapter.deliver(dest(FORUM), Outgoing(key="f-1", brief=brief))
    [body] = fake.sent("POST", POSTS)
    # case and '#' ignored, the moderated tag left out, duplicates once, at most five
    assert body["applied_tags"] == [ids["AI"], ids["Chips"], ids["Policy"], ids["Cloud"],
                                    ids["Web"]]
    assert len(body["name"]) <= 100 and body["name"].endswith("…")
    # the brief's normal payload, mentions locked down, no nonce (a post takes none)
    assert body["message"] == render_brief_payloads(brief, dest(FORUM), key="f-1")[0]
    assert body["message"]["allowed_mentions"] == {"parse": []}
    [thread] = fake.threads_in(FORUM)
    assert receipt.message_ids == [thread["id"]]
    assert [find_marker(m) for m in fake.messages(thread["id"])] == [nonce_for("f-1")]
    # the first post tried a message, which a forum refuses (400 40058, nothing created)
    assert len(fake.sent("POST", f"/channels/{FORUM}/messages")) == 1
    assert fake.messages(FORUM) == []


async def test_a_forum_is_known_after_its_first_post_and_a_text_channel_is_never_asked(
        fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    fake.add_forum(FORUM, ["AI"])
    for n in range(3):
        await adapter.deliver(dest(FORUM), Outgoing(key=f"f-{n}", brief=make_brief(f"F {n}")))
        await adapter.deliver(dest(TEXT_CHANNEL_ID),
                              Outgoing(key=f"t-{n}", brief=make_brief(f"T {n}")))
    assert len(fake.sent("POST", POSTS)) == 3
    # one refused message and one look-up for the forum, then a request a post; none for text
    assert len(fake.sent("POST", f"/channels/{FORUM}/messages")) == 1
    assert len([r for r in fake.requests if r[:2] == ("GET", f"/channels/{FORUM}")]) == 1
    assert not [r for r in fake.requests if r[:2] == ("GET", f"/channels/{TEXT_CHANNEL_ID}")]
    assert len(fake.sent("POST", f"/channels/{TEXT_CHANNEL_ID}/messages")) == 3


async def test_a_rate_limited_forum_post_hands_its_float_retry_after_to_the_outbox(
        fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    fake.add_forum(FORUM, ["ai"])
    fake.fail("POST", POSTS, [(429, 1.25)])
    with pytest.raises(DeliveryError) as refused:
        await adapter.deliver(dest(FORUM), Outgoing(key="r-1", brief=make_brief()))
    assert refused.value.status == 429 and refused.value.retry_after == 1.25
    assert not refused.value.uncertain and fake.threads_in(FORUM) == []  # nothing was made
    await adapter.deliver(dest(FORUM), Outgoing(key="r-1", brief=make_brief()))
    assert len(fake.threads_in(FORUM)) == 1


async def test_a_forum_that_requires_a_tag_none_matches_pauses_with_the_fix(
        fake: FakeDiscord, tmp_path: Path) -> None:
    fake.add_forum(FORUM, ["Chips"], require_tag=True)
    db = Database(database_url(tmp_path))
    await db.migrate()
    try:
        dest_id = await add_destination(db, f"discord:{FORUM}")
        brief_id = await add_brief(db, 1)  # tagged otherwise
        async with db.begin() as conn:
            await enqueue(conn, key="b:1", destination_id=dest_id, brief_id=brief_id,
                          now=FakeClock().now)
        worker, adapter = process(db, fake, FakeClock(), "w")
        await drain(worker, adapter)
        assert (await rows(db))["b:1"]["state"] == "pending"  # held, not dropped
        async with db.begin() as conn:
            paused = await dest_store.get(conn, f"discord:{FORUM}")
        assert paused is not None and paused.paused_at is not None
        assert "requires a tag" in (paused.paused_reason or "")
        assert "Chips" in (paused.paused_reason or "")
        assert fake.sent("POST", POSTS) == []  # refused before asking Discord
    finally:
        await db.close()


async def test_discord_refusing_an_untagged_post_pauses_too(
        fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    fake.add_forum(FORUM, ["AI"])
    await adapter.deliver(dest(FORUM), Outgoing(key="warm", brief=make_brief(tags=["x"])))
    fake.objects[FORUM]["flags"] = 1 << 4  # a moderator turns on "require tags" meanwhile
    with pytest.raises(DeliveryError) as caught:
        await adapter.deliver(dest(FORUM), Outgoing(key="f-2", brief=make_brief(tags=["x"])))
    assert caught.value.permanent and "40067" in str(caught.value)


async def test_a_thread_destination_gets_its_posts(fake: FakeDiscord,
                                                  adapter: DiscordAdapter) -> None:
    fake.add_thread(THREAD, TEXT_CHANNEL_ID)
    receipt = await adapter.deliver(dest(THREAD), Outgoing(key="t-1", brief=make_brief()))
    [message] = fake.messages(THREAD)
    assert receipt.message_ids == [message["id"]]
    [body] = fake.sent("POST", f"/channels/{THREAD}/messages")
    assert body["nonce"] == nonce_for("t-1") and body["allowed_mentions"] == {"parse": []}


async def test_an_archived_thread_is_reopened_when_the_bot_may(
        fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    fake.add_thread(THREAD, TEXT_CHANNEL_ID, archived=True, owner=fake.bot_id)
    await adapter.deliver(dest(THREAD), Outgoing(key="t-2", brief=make_brief()))
    assert fake.sent("PATCH", f"/channels/{THREAD}") == [{"archived": False}]
    assert [find_marker(m) for m in fake.messages(THREAD)] == [nonce_for("t-2")]


async def test_an_archived_thread_the_bot_may_not_reopen_names_the_permission(
        fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    fake.add_thread(THREAD, TEXT_CHANNEL_ID, archived=True)  # someone else's thread
    with pytest.raises(DeliveryError) as caught:
        await adapter.deliver(dest(THREAD), Outgoing(key="t-3", brief=make_brief()))
    assert caught.value.permanent and "Manage Threads" in str(caught.value)
    assert fake.messages(THREAD) == []


@pytest.mark.parametrize("archived", [True, False])
async def test_a_locked_thread_is_a_permanent_failure_and_never_unlocked(
        fake: FakeDiscord, adapter: DiscordAdapter, archived: bool) -> None:
    fake.add_thread(THREAD, TEXT_CHANNEL_ID, archived=archived, locked=True, owner=fake.bot_id)
    with pytest.raises(DeliveryError) as caught:
        await adapter.deliver(dest(THREAD), Outgoing(key="t-4", brief=make_brief()))
    assert caught.value.permanent and "locked" in str(caught.value)
    assert fake.sent("PATCH", f"/channels/{THREAD}") == [] and fake.messages(THREAD) == []


async def test_a_deleted_thread_pauses_with_unknown_channel(
        fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    fake.add_thread(THREAD, TEXT_CHANNEL_ID)
    fake.delete_channel(THREAD)
    with pytest.raises(DeliveryError) as caught:
        await adapter.deliver(dest(THREAD), Outgoing(key="t-5", brief=make_brief()))
    assert caught.value.permanent and "Unknown Channel" in str(caught.value)


async def test_a_channel_without_read_history_is_still_looked_up(
        fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    fake.forbidden_reads.add(THREAD)  # Read Message History off: GET /channels/{id} still works
    fake.add_thread(THREAD, TEXT_CHANNEL_ID)
    await adapter.deliver(dest(THREAD), Outgoing(key="t-6", brief=make_brief()))
    assert len(fake.messages(THREAD)) == 1


async def test_a_digest_to_a_forum_is_one_post_with_its_parts_inside(
        fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    fake.add_forum(FORUM, ["ai"])
    receipt = await adapter.deliver(dest(FORUM), Outgoing(key="d-1", digest=_big_digest(KOREAN)))
    [thread] = fake.threads_in(FORUM)
    posted = fake.messages(thread["id"])
    assert len(posted) > 1 and receipt.message_ids == [m["id"] for m in posted]
    assert receipt.message_ids[0] == thread["id"]
    assert [find_marker(m) for m in posted] == [nonce_for("d-1", i) for i in range(len(posted))]
    [body] = fake.sent("POST", POSTS)
    assert body["name"].startswith("Daily brief") and body["applied_tags"] == [
        fake.objects[FORUM]["available_tags"][0]["id"]]


# -- exactly once: a lost answer, then a restarted adapter (a new process, empty memory) ------

@pytest.mark.parametrize(("archived_meanwhile", "lost_status"),
                         [(False, 503), (True, 503), (False, 500)])
@pytest.mark.parametrize("digest", [False, True])
async def test_a_lost_forum_post_is_found_by_a_restarted_adapter_not_posted_twice(
        fake: FakeDiscord, tmp_path: Path, archived_meanwhile: bool, digest: bool,
        lost_status: int) -> None:
    # A 500 is the case discord.py's own request() would resend (it retries 500/502/504/524):
    # a forum post carries no nonce, so that resend would be a second post.
    fake.add_forum(FORUM, ["ai"])
    fake.lost_status = lost_status
    db = Database(database_url(tmp_path))
    await db.migrate()
    try:
        dest_id = await add_destination(db, f"discord:{FORUM}")
        # a post by someone else in the forum: not a candidate
        fake.add_thread("555555555555555555", FORUM)
        brief_id = await add_brief(db, 1)
        async with db.begin() as conn:
            if digest:
                await enqueue(conn, key="d:1", destination_id=dest_id,
                              digest=_big_digest(KOREAN, n=30), now=FakeClock().now)
            else:
                await enqueue(conn, key="d:1", destination_id=dest_id,
                              brief_id=brief_id, now=FakeClock().now)
        fake.lose_answers.add(("POST", POSTS))  # created, then the answer is lost
        clock = FakeClock()
        await drain(*process(db, fake, clock, "first"))
        assert (await rows(db))["d:1"]["state"] == "sending"  # sent, outcome unknown
        [thread] = fake.threads_in(FORUM)[1:]
        if archived_meanwhile:
            thread["thread_metadata"]["archived"] = True
        fake.lose_answers.clear()
        fake.forget_nonces()
        clock.advance(3600)
        await drain(*process(db, fake, clock, "restarted"))
        row = (await rows(db))["d:1"]
        assert row["state"] == "sent"
        assert [t["id"] for t in fake.threads_in(FORUM)] == ["555555555555555555",
                                                              thread["id"]]
        posted = fake.messages(thread["id"])
        assert row["message_ids"] == [m["id"] for m in posted]
        assert [find_marker(m) for m in posted] == [nonce_for("d:1", i)
                                                    for i in range(len(posted))]
        assert len(fake.sent("POST", POSTS)) == 1
    finally:
        await db.close()


# -- through the command core ------------------------------------------------------------------

async def test_subscribe_in_a_thread_delivers_into_that_thread(stack: Stack) -> None:
    stack.discord_fake.add_thread(THREAD, TEXT_CHANNEL_ID)
    assert not (await stack.ask("/subscribe #ai", where=f"discord:{THREAD}")).error
    feed = await stack.feed("https://ai.example/rss", "AI")
    await stack.route(await stack.brief(feed, "Model released", tags=["ai"]))
    await stack.deliver()
    [posted] = stack.discord_fake.messages(THREAD)
    assert posted["embeds"][0]["title"] == "Model released"


async def test_an_update_to_a_forum_brief_replies_inside_its_post(
        fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    fake.add_forum(FORUM, ["ai"])
    brief = make_brief()
    [post] = (await adapter.deliver(dest(FORUM), Outgoing(key="u-0", brief=brief))).message_ids
    update = Outgoing(key="u-1", brief=brief, reply_to=post, update="a figure changed")
    [reply] = (await adapter.deliver(dest(FORUM), update)).message_ids
    first, second = fake.messages(post)
    assert (first["id"], second["id"]) == (post, reply)
    [body] = fake.sent("POST", f"/channels/{post}/messages")
    assert body["message_reference"]["message_id"] == post
    assert len(fake.sent("POST", POSTS)) == 1

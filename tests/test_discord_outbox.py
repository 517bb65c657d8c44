"""The Discord adapter driven by the outbox against the fake Discord: part state in the row,
5xx and lost answers reconciled, the global limit paced, delivery without a started gateway."""

from __future__ import annotations

import pytest

from adapters.discord import make_adapter
from adapters.discord.bot import GLOBAL_PACING
from adapters.discord.render import find_marker, nonce_for
from bot.delivery import Destination, Outgoing
from bot.outbox.queue import enqueue, outbox_key
from bot.store.db import Database
from tests.support.crash_delivery import add_brief, add_destination
from tests.support.discord_delivery import CHANNEL, MSGS, _big_digest
from tests.support.discord_outbox import (  # noqa: F401  (fixtures)
    db,
    drain,
    fake,
    process,
)
from tests.support.fake_discord import FakeDiscord
from tests.support.outbox import FakeClock, rows
from tests.support.sample_briefs import KOREAN

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

REF = f"discord:{CHANNEL}"


async def test_a_bot_destination_is_delivered_without_a_started_client(
        db: Database, fake: FakeDiscord) -> None:
    dest_id = await add_destination(db, REF)
    brief_id = await add_brief(db, 1)
    async with db.begin() as conn:
        await enqueue(conn, key="b:1", destination_id=dest_id, brief_id=brief_id,
                      now=FakeClock().now)
    clock = FakeClock()
    await drain(*process(db, fake, clock, "once"))  # run --once: no adapter.start()
    assert (await rows(db))["b:1"]["state"] == "sent"
    assert [find_marker(m) for m in fake.messages(CHANNEL)] == [nonce_for("b:1", 0)]


@pytest.mark.parametrize("fault", [503, 400])
async def test_a_digest_cut_short_then_a_restart_posts_each_part_once(
        db: Database, fake: FakeDiscord, fault: int) -> None:
    dest_id = await add_destination(db, REF)
    digest = _big_digest(KOREAN)
    key = outbox_key("d", dest_id)
    async with db.begin() as conn:
        await enqueue(conn, key=key, destination_id=dest_id, digest=digest, now=FakeClock().now)
    fake.fail("POST", MSGS, [None, fault])  # part 0 lands, part 1 fails (5xx: maybe landed)
    clock = FakeClock()
    await drain(*process(db, fake, clock, "first"))
    row = (await rows(db))[key]
    assert row["state"] == ("sending" if fault >= 500 else "pending")  # 5xx: outcome unknown
    assert fault >= 500 or row["parts"] == {"0": fake.messages(CHANNEL)[0]["id"]}
    fake.forget_nonces()  # long after: Discord's nonce dedupe no longer helps
    clock.advance(3600)
    await drain(*process(db, fake, clock, "restarted"))
    posted = fake.messages(CHANNEL)
    count = len(make_adapter().render(Destination(REF), Outgoing(key, digest=digest)))
    assert [find_marker(m) for m in posted] == [nonce_for(key, i) for i in range(count)]
    assert (await rows(db))[key]["message_ids"] == [m["id"] for m in posted]


async def test_discord_is_paced_globally_across_channels(db: Database,
                                                         fake: FakeDiscord) -> None:
    assert GLOBAL_PACING.rate == 50.0  # Discord: 50 requests a second per bot
    brief_id = await add_brief(db, 1)
    dest_ids = [await add_destination(db, f"discord:{1000 + n}") for n in range(10)]
    async with db.begin() as conn:
        for n, dest_id in enumerate(dest_ids):
            await enqueue(conn, key=f"b:{n}", destination_id=dest_id, brief_id=brief_id,
                          now=FakeClock().now)
    clock = FakeClock()
    worker, adapter = process(db, fake, clock, "w")
    await drain(worker, adapter)
    # ten channels free to send at once: the platform's 50/s spreads them 20 ms apart
    assert (clock.now - FakeClock().now).total_seconds() == pytest.approx(0.18, abs=0.005)
    assert len(fake.sent("POST", "/channels/")) == 10

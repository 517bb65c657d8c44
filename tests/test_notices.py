"""Notices (issue 23.7): what the bot says by itself (a feed disabled, a model budget spent, a
dashboard test post) is a Notice, not a digest with no stories. It goes through the outbox like
any message (tagged in the row, read back as a notice) and each platform draws it as a title and
a line, with the ref marker a crash is reconciled by."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from adapters.discord.render import marker_for
from adapters.discord.render import render_notice_payloads as discord_notice
from adapters.recording import RecordingAdapter
from adapters.slack.render import render_notice_payloads as slack_notice
from adapters.webhook import payload as webhook_payload
from bot.app import App
from bot.config import Secrets
from bot.delivery import Destination, Outgoing
from bot.delivery.render import notice_text
from bot.delivery.serialize import digest_to_json, notice_from_json, notice_to_json
from bot.models import Digest, Notice
from bot.outbox.queue import enqueue
from bot.outbox.worker import OutboxWorker
from bot.store import feeds as feed_store
from bot.store.db import Database
from bot.store.schema import outbox
from tests.support.crash_delivery import EPOCH, add_destination
from tests.support.notices import notices, settings_with
from tests.support.outbox import FakeClock, db  # noqa: F401  (db: the fixture)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

NOTICE = Notice(title="Feed disabled", text="The feed Harbor Gazette was disabled: 410 Gone. "
                "An admin can re-enable it with /feeds enable 3 once it works again.")


async def test_a_notice_goes_through_the_outbox_as_a_notice(db: Database) -> None:
    dest = await add_destination(db, "test:notices")
    async with db.begin() as conn:
        assert await enqueue(conn, key="n:1", destination_id=dest, notice=NOTICE, now=EPOCH)
        with pytest.raises(ValueError):  # one kind of content per row
            await enqueue(conn, key="n:2", destination_id=dest, notice=NOTICE, now=EPOCH,
                          digest=Digest(title="x", period_start=EPOCH, period_end=EPOCH,
                                        sections=[]))
    rec = RecordingAdapter(name="test")
    clock = FakeClock()
    worker = OutboxWorker(db=db, adapters={"test": rec}, clock=clock, sleep=clock.sleep)
    assert await worker.run_once() == 1
    [sent] = rec.deliveries
    assert sent.message.notice == NOTICE
    assert sent.message.digest is None and sent.message.brief is None


def test_a_notice_and_a_digest_are_told_apart_in_the_row() -> None:
    assert notice_from_json(notice_to_json(NOTICE)) == NOTICE
    digest = digest_to_json(Digest(title="Daily brief", period_start=EPOCH, period_end=EPOCH,
                                   sections=[]))
    assert "kind" not in digest and notice_to_json(NOTICE)["kind"] == "notice"


def test_discord_draws_a_notice_as_one_embed_with_the_marker() -> None:
    [payload] = discord_notice(NOTICE, Destination("discord:1"), key="n:1")
    [embed] = payload["embeds"]
    assert embed["title"] == "Feed disabled"
    assert "/feeds enable 3" in embed["description"]
    assert embed["footer"]["text"].endswith(marker_for("n:1"))
    assert payload["allowed_mentions"] == {"parse": []}


def test_slack_draws_a_notice_as_a_header_and_its_line() -> None:
    [payload] = slack_notice(NOTICE, Destination("slack:T1/C1"), key="n:1")
    kinds = [block["type"] for block in payload["blocks"]]
    assert kinds[0] == "header" and "section" in kinds
    assert "Feed disabled" in payload["text"]
    assert payload["metadata"]["event_payload"] == {"key": "n:1", "part": 0}


def test_plain_text_and_webhooks_carry_a_notice() -> None:
    assert notice_text(NOTICE).splitlines() == [NOTICE.title, NOTICE.text]
    body = webhook_payload(Destination("webhook:ops"), Outgoing(key="n:1", notice=NOTICE))
    assert body["type"] == "notice"
    assert body["notice"] == {"title": NOTICE.title, "text": NOTICE.text}


async def test_a_disabled_feeds_reason_is_redacted_before_it_is_stored_and_posted(
        tmp_path: Path) -> None:
    """The reason is an error's text, which can carry what a server echoed (a token): the
    notice holds it redacted, in the outbox row and in what is posted."""
    token = "xoxb-123456789012-123456789012-abcdefghijklmnopqrstuvwx"
    console = RecordingAdapter(name="console")
    app = await App.create(settings_with(tmp_path, ["https://news.example/feed.xml"]),
                           Secrets(values={}), adapters={"console": console})
    try:
        async with app.db.begin() as conn:
            [feed] = await feed_store.list_feeds(conn)
            await app.pipeline._tell_disabled(conn, feed, f"internal: echoed {token}", EPOCH)
        await app.deliver_pending()
        async with app.db.read() as conn:
            stored = [json.dumps(row.digest) for row in await conn.execute(select(outbox))]
    finally:
        await app.close()
    [text] = notices(console)
    assert "echoed" in text and token not in text
    assert stored and all(token not in row for row in stored)

"""Discord delivery against a fake Discord REST API: bot and webhook sends, rate limits, errors,
and reconciliation after a crash. Real discord.py, pointed at the fake via Route.BASE."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import discord
import pytest

from adapters.discord import make_adapter
from adapters.discord.bot import DiscordAdapter
from adapters.discord.escape import link_targets
from adapters.discord.render import find_marker, nonce_for, render_brief_payloads
from bot.delivery import CommandReply, CommandRequest, Destination, Outgoing
from bot.errors import DeliveryError
from tests.support.discord_delivery import CHANNEL, MSGS, _big_digest
from tests.support.fake_discord import BOT_TOKEN, FakeDiscord, fake  # noqa: F401  (fixture)
from tests.support.sample_briefs import HOSTILE, KOREAN, make_brief

DEST = Destination(f"discord:{CHANNEL}", timezone="Asia/Seoul", locale="ko")


async def _no_commands(request: CommandRequest) -> CommandReply:
    raise AssertionError("no command expected")



async def _adapter(fake: FakeDiscord, **options: object) -> DiscordAdapter:
    adapter = make_adapter(token=BOT_TOKEN, api_base_url=fake.api_base, connect_gateway=False,
                           **options)  # type: ignore[arg-type]
    await adapter.start(_no_commands)
    return adapter


@pytest.fixture
async def adapter(fake: FakeDiscord) -> AsyncIterator[DiscordAdapter]:
    adapter = await _adapter(fake)
    yield adapter
    await adapter.stop()


async def test_brief_is_posted_once_with_nonce_and_no_mentions(
        fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    brief = make_brief(HOSTILE)
    receipt = await adapter.deliver(DEST, Outgoing(key="row-1", brief=brief))
    [message] = fake.messages(CHANNEL)
    assert receipt.message_ids == [message["id"]]
    [body] = fake.sent("POST", MSGS)
    assert body["nonce"] == nonce_for("row-1") and body["enforce_nonce"] is True
    assert body["allowed_mentions"] == {"parse": []}
    # the body sent is exactly what `newsbrief brief --format discord` prints, plus the nonce
    [printed] = render_brief_payloads(brief, DEST, key="row-1")
    assert {k: v for k, v in body.items() if k not in ("nonce", "enforce_nonce")} == printed


@pytest.mark.parametrize("text", [KOREAN, HOSTILE * 8, "long " * 2000])
async def test_long_digest_posts_ordered_parts(fake: FakeDiscord, adapter: DiscordAdapter,
                                               text: str) -> None:
    receipt = await adapter.deliver(DEST, Outgoing(key="d-1", digest=_big_digest(text)))
    posted = fake.messages(CHANNEL)
    assert len(posted) > 1 and receipt.message_ids == [m["id"] for m in posted]
    assert [find_marker(m) for m in posted] == [nonce_for("d-1", i) for i in range(len(posted))]
    links = [url for m in posted for e in m["embeds"] for url in link_targets(e["description"])]
    assert links == [f"https://news.example/{i}" for i in range(40)]  # all, in order


async def test_short_429_storm_is_absorbed_without_duplicates(
        fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    fake.fail("POST", MSGS, [429, 429, 429])
    receipt = await adapter.deliver(DEST, Outgoing(key="storm", brief=make_brief()))
    assert len(fake.sent("POST", MSGS)) == 4
    assert [m["id"] for m in fake.messages(CHANNEL)] == receipt.message_ids


async def test_endless_429_storm_hands_retry_after_to_core(
        fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    fake.fail("POST", MSGS, [429] * 5)
    with pytest.raises(DeliveryError) as caught:
        await adapter.deliver(DEST, Outgoing(key="storm", brief=make_brief()))
    assert caught.value.retry_after is not None and caught.value.retry_after > 0
    assert not caught.value.permanent and fake.messages(CHANNEL) == []


async def test_long_429_is_not_slept_through(fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    fake.fail("POST", MSGS, [(429, 120.0)])
    with pytest.raises(DeliveryError) as caught:
        await adapter.deliver(DEST, Outgoing(key="slow", brief=make_brief()))
    assert caught.value.retry_after == 120.0
    assert len(fake.sent("POST", MSGS)) == 1


@pytest.mark.parametrize("status", [401, 403, 404])
async def test_forbidden_or_gone_is_permanent_and_not_retried(
        fake: FakeDiscord, adapter: DiscordAdapter, status: int) -> None:
    fake.fail("POST", MSGS, [status])
    with pytest.raises(DeliveryError) as caught:
        await adapter.deliver(DEST, Outgoing(key="p", brief=make_brief()))
    assert caught.value.permanent and caught.value.status == status
    assert len(fake.sent("POST", MSGS)) == 1  # one invalid request, not a stream of them


async def test_server_error_is_a_plain_retryable_error(
        fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    fake.fail("POST", MSGS, [503])
    with pytest.raises(DeliveryError) as caught:
        await adapter.deliver(DEST, Outgoing(key="s", brief=make_brief()))
    assert not caught.value.permanent and caught.value.retry_after is None


async def test_resend_inside_nonce_window_returns_the_same_message(
        fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    out = Outgoing(key="twice", brief=make_brief())
    first = await adapter.deliver(DEST, out)
    second = await adapter.deliver(DEST, out)  # e.g. the core retried after a lost answer
    assert first == second and len(fake.messages(CHANNEL)) == 1


async def test_reconcile_finds_posted_message_outside_nonce_window(
        fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    out = Outgoing(key="crash-1", brief=make_brief())
    attempted = datetime.now(UTC)
    fake.messages(CHANNEL).append(fake._message(CHANNEL, {"content": "someone else"}))
    receipt = await adapter.deliver(DEST, out)
    fake.forget_nonces()  # the crash lasted longer than Discord's dedupe window
    crashed_adapter = await _adapter(fake)
    try:
        found = await crashed_adapter.reconcile(DEST, out, attempted)
    finally:
        await crashed_adapter.stop()
    assert found == receipt
    assert len(fake.sent("POST", MSGS)) == 1  # found, not re-posted


async def test_reconcile_says_none_when_nothing_was_posted(
        fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    await adapter.deliver(DEST, Outgoing(key="other", brief=make_brief()))
    result = await adapter.reconcile(DEST, Outgoing(key="never", brief=make_brief()),
                                     datetime.now(UTC) - timedelta(minutes=5))
    assert result is None


async def test_reconcile_completes_a_half_posted_digest(
        fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    out = Outgoing(key="half", digest=_big_digest(KOREAN))
    parts = len(adapter.render(DEST, out))
    attempted = datetime.now(UTC)
    fake.fail("POST", MSGS, [None, 503])  # part 1 lands, part 2 fails: then the process dies
    with pytest.raises(DeliveryError):
        await adapter.deliver(DEST, out)
    fake.forget_nonces()
    restarted = await _adapter(fake)
    try:
        receipt = await restarted.reconcile(DEST, out, attempted)
    finally:
        await restarted.stop()
    assert receipt is not None and len(receipt.message_ids) == parts
    posted = fake.messages(CHANNEL)
    assert [find_marker(m) for m in posted] == [nonce_for("half", i) for i in range(parts)]
    assert receipt.message_ids == [m["id"] for m in posted]


async def test_reconcile_without_history_access_relies_on_nonce(
        fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    out = Outgoing(key="nohist", brief=make_brief())
    attempted = datetime.now(UTC)
    await adapter.deliver(DEST, out)
    fake.forbidden_reads.add(CHANNEL)
    assert await adapter.reconcile(DEST, out, attempted) is None
    await adapter.deliver(DEST, out)  # inside the window the resend is deduplicated
    assert len(fake.messages(CHANNEL)) == 1


async def test_webhook_mode_posts_with_wait_and_no_nonce(fake: FakeDiscord) -> None:
    adapter = make_adapter(api_base_url=fake.api_base)
    await adapter.start(_no_commands)
    try:
        assert adapter.exactly_once is False
        url = fake.webhook(CHANNEL)
        dest = Destination(f"discord:{CHANNEL}", webhook_url=url)
        fake.fail("POST", url.split("/api/v10", 1)[1], [429, 429])
        receipt = await adapter.deliver(dest, Outgoing(key="wh", brief=make_brief(HOSTILE)))
        [message] = fake.messages(CHANNEL)
        assert receipt.message_ids == [message["id"]]
        assert all("nonce" not in b for b in fake.sent("POST", "/webhooks"))
        assert await adapter.reconcile(dest, Outgoing(key="wh", brief=make_brief()),
                                       datetime.now(UTC)) is None
    finally:
        await adapter.stop()


async def test_webhook_long_429_and_unknown_webhook(fake: FakeDiscord) -> None:
    adapter = make_adapter(api_base_url=fake.api_base)
    await adapter.start(_no_commands)
    try:
        url = fake.webhook(CHANNEL)
        dest = Destination(f"discord:{CHANNEL}", webhook_url=url)
        fake.fail("POST", url.split("/api/v10", 1)[1], [(429, 90.0)])
        with pytest.raises(DeliveryError) as caught:
            await adapter.deliver(dest, Outgoing(key="a", brief=make_brief()))
        assert caught.value.retry_after == 90.0
        gone = Destination(f"discord:{CHANNEL}", webhook_url=url.replace("9100", "9199"))
        with pytest.raises(DeliveryError) as caught:
            await adapter.deliver(gone, Outgoing(key="b", brief=make_brief()))
        assert caught.value.permanent and caught.value.status == 404
    finally:
        await adapter.stop()


async def test_bad_token_is_refused_at_start(fake: FakeDiscord) -> None:
    adapter = make_adapter(token="wrong", api_base_url=fake.api_base, connect_gateway=False)
    with pytest.raises(DeliveryError) as caught:
        await adapter.start(_no_commands)
    assert caught.value.permanent
    await adapter.stop()


def test_sharding_and_client_defaults() -> None:
    sharded = make_adapter(token="x", shard_count=3)
    assert isinstance(sharded.client, discord.AutoShardedClient)
    assert sharded.client.shard_count == 3
    plain = make_adapter(token="x")
    assert plain.client is not None and not isinstance(plain.client, discord.AutoShardedClient)
    mentions = plain.client.allowed_mentions
    assert mentions is not None and mentions.to_dict() == {"parse": []}
    assert plain.client.intents.message_content is False


def test_outgoing_needs_content() -> None:
    adapter = make_adapter()
    with pytest.raises(DeliveryError):
        adapter.render(DEST, Outgoing(key="empty"))


async def test_webhook_send_is_reconciled_when_a_token_can_read_history(
        fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    dest = Destination(f"discord:{CHANNEL}", webhook_url=fake.webhook(CHANNEL))
    out = Outgoing(key="wh-crash", brief=make_brief())
    attempted = datetime.now(UTC)
    receipt = await adapter.deliver(dest, out)
    assert await adapter.reconcile(dest, out, attempted) == receipt
    assert len(fake.sent("POST", "/webhooks")) == 1

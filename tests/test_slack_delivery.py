"""The Slack adapter against a fake Slack on loopback: posts, 429s, errors, reconcile, webhooks."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import SlackAdapter, SlackSettings, make_adapter
from bot.delivery import Destination, Outgoing
from bot.errors import ConfigError, DeliveryError
from tests.conftest import shared_path
from tests.support.fake_slack import TOKEN, FakeSlack
from tests.support.slack_delivery import SPEC, WHEN, big_digest, brief

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

CHANNEL = Destination("slack:T0TEAM/C100")


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    server = await FakeSlack(spec_path=SPEC).start()
    yield server
    await server.stop()
    assert server.violations == []  # every body sent in every test met the limits and the spec


def adapter_for(fake: FakeSlack, **kw: object) -> SlackAdapter:
    settings = SlackSettings(bot_token=TOKEN, api_base_url=fake.api_url, serve=False,
                             min_interval=0.0)
    return make_adapter(settings, **kw)


async def test_brief_is_posted_with_metadata_and_ts_returned(fake: FakeSlack) -> None:
    adapter = adapter_for(fake)
    receipt = await adapter.deliver(CHANNEL, Outgoing("key-1", brief=brief()))
    [stored] = fake.history("C100")
    assert receipt.message_ids == [stored["ts"]]
    assert stored["metadata"] == {"event_type": "newsbrief_brief",
                                  "event_payload": {"key": "key-1", "part": 0}}
    assert "<!channel>" not in str(fake.posts)


async def test_long_digest_posts_ordered_parts(fake: FakeSlack) -> None:
    receipt = await adapter_for(fake).deliver(CHANNEL, Outgoing("d-1", digest=big_digest()))
    stored = fake.history("C100")
    assert len(stored) == len(receipt.message_ids) > 1
    assert [m["ts"] for m in stored] == receipt.message_ids
    assert [m["metadata"]["event_payload"]["part"] for m in stored] == list(range(len(stored)))


async def test_threaded_digest_replies_to_its_parent(fake: FakeSlack) -> None:
    adapter = adapter_for(fake, threaded_digests=True)
    receipt = await adapter.deliver(CHANNEL, Outgoing("d-2", digest=big_digest()))
    parent, *replies = fake.history("C100")
    assert "thread_ts" not in parent and replies
    assert all(reply["thread_ts"] == parent["ts"] for reply in replies)
    # after a crash, reconcile finds the replies too (they are not in conversations.history)
    fresh = adapter_for(fake, threaded_digests=True)
    again = await fresh.reconcile(CHANNEL, Outgoing("d-2", digest=big_digest()),
                                  WHEN.replace(year=2000))
    assert again is not None and again.message_ids == receipt.message_ids


async def test_429_storm_reports_retry_after_and_never_duplicates(fake: FakeSlack) -> None:
    adapter = adapter_for(fake)
    fake.fail("chat.postMessage", "ratelimited", status=429, retry_after=7, times=5)
    waits = []
    for _ in range(10):
        try:
            receipt = await adapter.deliver(CHANNEL, Outgoing("b-1", brief=brief()))
            break
        except DeliveryError as exc:
            waits.append((exc.retry_after, exc.status, exc.permanent))
    assert waits == [(7.0, 429, False)] * 5
    assert [m["ts"] for m in fake.history("C100")] == receipt.message_ids  # posted once


@pytest.mark.parametrize("error", ["not_in_channel", "channel_not_found", "is_archived",
                                   "invalid_auth", "account_inactive"])
async def test_permanent_errors_pause(fake: FakeSlack, error: str) -> None:
    fake.fail("chat.postMessage", error)
    with pytest.raises(DeliveryError) as caught:
        await adapter_for(fake).deliver(CHANNEL, Outgoing("p", brief=brief()))
    assert caught.value.permanent and error in str(caught.value)
    assert fake.history("C100") == []


async def test_other_errors_are_retryable(fake: FakeSlack) -> None:
    fake.fail("chat.postMessage", "msg_blocks_too_long")
    with pytest.raises(DeliveryError) as caught:
        await adapter_for(fake).deliver(CHANNEL, Outgoing("p", brief=brief()))
    assert not caught.value.permanent and caught.value.retry_after is None
    assert not caught.value.uncertain  # Slack said no: nothing was posted


@pytest.mark.parametrize(("status", "error"), [(500, "internal_error"), (200, "internal_error"),
                                               (200, "fatal_error"), (503, "unknown")])
async def test_answers_that_do_not_prove_failure_are_uncertain(fake: FakeSlack, status: int,
                                                               error: str) -> None:
    fake.fail("chat.postMessage", error, status=status)
    with pytest.raises(DeliveryError) as caught:
        await adapter_for(fake).deliver(CHANNEL, Outgoing("p", brief=brief()))
    assert caught.value.uncertain and not caught.value.permanent


async def test_wrong_token_is_permanent(fake: FakeSlack) -> None:
    adapter = make_adapter(SlackSettings(bot_token="xoxb-revoked", api_base_url=fake.api_url,
                                         serve=False, min_interval=0.0))
    with pytest.raises(DeliveryError) as caught:
        await adapter.deliver(CHANNEL, Outgoing("p", brief=brief()))
    assert caught.value.permanent


async def test_crash_after_post_is_reconciled_not_resent(fake: FakeSlack) -> None:
    message = Outgoing("c-1", brief=brief())
    attempted = datetime.now(UTC)
    fake.drop_after_store = 1  # Slack stores the message; the answer is lost, then we "crash"
    with pytest.raises(DeliveryError) as caught:
        await adapter_for(fake).deliver(CHANNEL, message)
    assert not caught.value.permanent and caught.value.uncertain
    assert len(fake.history("C100")) == 1  # and the SDK did not retry the POST by itself
    restarted = adapter_for(fake)  # a new process: no memory of the send
    receipt = await restarted.reconcile(CHANNEL, message, attempted)
    assert receipt is not None and receipt.message_ids == [fake.history("C100")[0]["ts"]]
    assert fake.calls.count("chat.postMessage") == 1
    assert "conversations.history" in fake.calls


async def test_reconcile_ignores_other_keys_and_older_messages(fake: FakeSlack) -> None:
    adapter = adapter_for(fake)
    await adapter.deliver(CHANNEL, Outgoing("other", brief=brief()))
    assert await adapter.reconcile(CHANNEL, Outgoing("mine", brief=brief()),
                                   datetime.now(UTC) - timedelta(hours=1)) is None
    later = datetime.now(UTC) + timedelta(hours=1)  # only messages after the attempt count
    assert await adapter.reconcile(CHANNEL, Outgoing("other", brief=brief()), later) is None


async def test_reconcile_pages_through_history(fake: FakeSlack) -> None:
    adapter = adapter_for(fake)
    since = datetime.now(UTC) - timedelta(minutes=1)
    await adapter.deliver(CHANNEL, Outgoing("old-one", brief=brief()))
    for n in range(250):  # newer chatter pushes ours past the first page
        fake._m_chat_postMessage({"channel": "C100", "text": f"chat {n}",
                                  "blocks": [], "unfurl_links": False})
    receipt = await adapter.reconcile(CHANNEL, Outgoing("old-one", brief=brief()), since)
    assert receipt is not None and receipt.message_ids == [fake.history("C100")[0]["ts"]]


async def test_dm_destination_opens_the_conversation(fake: FakeSlack) -> None:
    receipt = await adapter_for(fake).deliver(Destination("slack:T0TEAM/U42"),
                                              Outgoing("dm", brief=brief()))
    assert [m["ts"] for m in fake.history("DU42")] == receipt.message_ids


async def test_incoming_webhook_mode(fake: FakeSlack) -> None:
    adapter = make_adapter(SlackSettings(min_interval=0.0, serve=False))  # no bot token at all
    assert adapter.exactly_once is False
    hook = Destination("slack:T0TEAM/C100", webhook_url=f"{fake.base_url}/hooks/abc")
    receipt = await adapter.deliver(hook, Outgoing("w-1", digest=big_digest()))
    assert receipt.message_ids == [] and len(fake.webhook_posts) > 1
    assert all("channel" not in body and "metadata" not in body for body in fake.webhook_posts)
    assert await adapter.reconcile(hook, Outgoing("w-1", brief=brief()), WHEN) is None
    fake.webhook_status.append((429, "rate_limited", 4))
    with pytest.raises(DeliveryError) as limited:
        await adapter.deliver(hook, Outgoing("w-2", brief=brief()))
    assert limited.value.retry_after == 4.0 and not limited.value.permanent
    for status, text in ((403, "action_prohibited"), (404, "channel_not_found")):
        fake.webhook_status.append((status, text, None))
        with pytest.raises(DeliveryError) as gone:
            await adapter.deliver(hook, Outgoing("w-3", brief=brief()))
        assert gone.value.permanent and text in str(gone.value)
    fake.webhook_status.append((400, "invalid_payload", None))
    with pytest.raises(DeliveryError) as bad:
        await adapter.deliver(hook, Outgoing("w-4", brief=brief()))
    assert not bad.value.permanent
    with pytest.raises(DeliveryError) as no_token:
        await adapter.deliver(CHANNEL, Outgoing("w-5", brief=brief()))
    assert no_token.value.permanent


def test_settings_are_validated() -> None:
    with pytest.raises(ConfigError) as caught:
        SlackSettings(bot_token="xoxb-1").validated()  # HTTP mode without a signing secret
    assert caught.value.key == "SLACK_SIGNING_SECRET"
    with pytest.raises(ConfigError):
        SlackSettings(bot_token="xoxb-1", app_token="xoxb-wrong").validated()
    socket = SlackSettings.from_env({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"})
    assert socket.validated().socket_mode
    assert "xoxb-1" not in repr(socket)  # secrets stay out of logs and tracebacks


async def test_the_fake_really_checks_against_the_spec() -> None:
    spec = shared_path("platform-specs", "slack", SPEC.name)
    server = await FakeSlack(spec_path=spec).start()
    try:
        client = AsyncWebClient(token=TOKEN, base_url=server.api_url)
        with pytest.raises(SlackApiError) as refused:
            await client.chat_postMessage(channel="C1", text="<!here>",
                                          unfurl_links="yes",  # type: ignore[arg-type]
                                          bogus_arg="1")
        assert refused.value.response["error"] == "invalid_blocks"
    finally:
        await server.stop()
    assert "spec: unknown argument bogus_arg" in server.violations
    assert "spec: unfurl_links should be a boolean" in server.violations
    assert any("unescaped fallback" in problem for problem in server.violations)

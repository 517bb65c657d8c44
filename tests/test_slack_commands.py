"""Slash commands at the running HTTP-mode app, signed as Slack signs them; admin checks."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qsl

import aiohttp
import pytest
from slack_bolt.request.async_request import AsyncBoltRequest

from adapters.slack import SlackAdapter, SlackSettings, make_adapter
from adapters.slack.app import RawSignatureVerifier
from bot.commands import CommandCore
from bot.delivery import CommandReply, CommandRequest
from bot.models import Brief, Point
from bot.netguard import AddressPolicy
from bot.store import feeds as feed_store
from bot.store.db import Database
from tests.support.dbs import database_url
from tests.support.fake_slack import APP_TOKEN, TEAM, TOKEN, FakeSlack
from tests.support.slack_commands import (  # noqa: F401  (fixtures)
    SECRET,
    Core,
    fake,
    form,
    post,
    running,
    signed,
    until,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

Handler = Callable[[CommandRequest], Awaitable[CommandReply]]


async def test_command_is_acked_first_then_answered(
        fake: FakeSlack, running: tuple[SlackAdapter, Core]) -> None:
    adapter, core = running
    core.gate = asyncio.Event()  # the core is slow: the 200 must not wait for it
    body = form(fake, text="  https://news.example/a  ")
    assert await post(adapter, body, signed(body)) == 200
    await until(lambda: core.requests)
    assert fake.responses == []  # acknowledged, answered later
    core.gate.set()
    await until(lambda: fake.responses)
    [request] = core.requests
    assert (request.command, request.args, request.user) == ("brief", "https://news.example/a",
                                                            "UPLAIN")
    assert request.where.ref == f"slack:{TEAM}/C100" and request.dm is not None
    assert request.dm.ref == f"slack:{TEAM}/UPLAIN"
    assert request.is_admin is False
    assert request.server == TEAM
    assert fake.responses[0]["response_type"] == "ephemeral"
    assert fake.responses[0]["text"] == "done"


async def test_the_text_is_what_the_user_typed_not_slacks_entities(
        fake: FakeSlack, running: tuple[SlackAdapter, Core]) -> None:
    # Slack HTML-encodes &, < and > in a command's text; a feed URL with a query and a template
    # with angle brackets must reach the core as typed, and a typed "&lt;" stays "&lt;"
    adapter, core = running
    body = form(fake, text="https://news.example/rss?a=1&amp;b=2 &lt;b&gt; &amp;lt;")
    assert await post(adapter, body, signed(body)) == 200
    await until(lambda: core.requests)
    [request] = core.requests
    assert request.args == "https://news.example/rss?a=1&b=2 <b> &lt;"


async def test_public_reply_with_briefs(fake: FakeSlack,
                                        running: tuple[SlackAdapter, Core]) -> None:
    adapter, core = running
    brief = Brief("Hostile <!channel> headline", [Point("Point <@U1>.")], ["x"],
                  "https://news.example/a", "en", source="S", published=datetime.now(UTC))
    core.reply = CommandReply("Here you go <!here>", briefs=[brief], ephemeral=False)
    body = form(fake)
    assert await post(adapter, body, signed(body)) == 200
    await until(lambda: fake.responses)
    [answer] = fake.responses
    assert answer["response_type"] == "in_channel"
    assert "Hostile" in str(answer["blocks"]) and "<!channel>" not in str(answer)
    assert answer["text"] == "Here you go &lt;!here&gt;"


async def test_many_briefs_stay_within_response_url_limits(
        fake: FakeSlack, running: tuple[SlackAdapter, Core]) -> None:
    adapter, core = running
    long_point = Point("A long sentence that goes on. " * 90)
    briefs = [Brief(f"Story {n}", [long_point] * 3, [], None, "en") for n in range(20)]
    core.reply = CommandReply("Results", briefs=briefs)
    body = form(fake, command="/feeds", text="list")
    assert await post(adapter, body, signed(body)) == 200
    await until(lambda: len(fake.responses) >= 5)
    await asyncio.sleep(0.1)
    assert len(fake.responses) == 5  # response_url takes 5 posts; the rest is said, not lost
    assert "more not shown" in str(fake.responses[-1]["blocks"][-1])
    assert core.requests[0].command == "feeds"


async def test_failing_core_gets_an_ephemeral_apology(
        fake: FakeSlack, running: tuple[SlackAdapter, Core]) -> None:
    adapter, core = running
    core.reply = RuntimeError("boom")  # type: ignore[assignment]
    body = form(fake)
    assert await post(adapter, body, signed(body)) == 200
    await until(lambda: fake.responses)
    assert fake.responses[0]["response_type"] == "ephemeral"
    assert "did not work" in fake.responses[0]["text"] and "boom" not in str(fake.responses)


@pytest.mark.parametrize("case", ["wrong_secret", "unsigned", "replayed", "tampered"])
async def test_bad_requests_get_401_and_no_action(
        fake: FakeSlack, running: tuple[SlackAdapter, Core], case: str) -> None:
    adapter, core = running
    body = form(fake, command="/subscribe", text="ai", user="UADMIN")
    headers = {
        "wrong_secret": signed(body, secret="not-the-secret"),
        "unsigned": {"Content-Type": "application/x-www-form-urlencoded"},
        "replayed": signed(body, at=time.time() - 6 * 60),  # outside the 5-minute window
        "tampered": signed(form(fake, command="/subscribe", text="other")),
    }[case]
    assert await post(adapter, body, headers) == 401
    await asyncio.sleep(0.1)
    assert core.requests == [] and fake.responses == []
    assert "users.info" not in fake.calls


async def test_oversized_request_is_refused(fake: FakeSlack,
                                            running: tuple[SlackAdapter, Core]) -> None:
    adapter, core = running
    body = form(fake, text="x" * 20_000)
    assert await post(adapter, body, signed(body)) == 413
    await asyncio.sleep(0.1)
    assert core.requests == []


@pytest.mark.parametrize(("user", "admin"), [
    ("UPLAIN", False), ("UNKNOWN", False), ("UADMIN", True), ("UOWNER", True),
    ("UCONFIG", True), ("UGROUP", True)])
async def test_admin_is_decided_in_code(fake: FakeSlack, running: tuple[SlackAdapter, Core],
                                        user: str, admin: bool) -> None:
    adapter, core = running
    body = form(fake, command="/subscribe", text="ai daily 08:00", user=user)
    assert await post(adapter, body, signed(body)) == 200
    await until(lambda: fake.responses)
    assert core.requests[0].command == "subscribe"
    assert core.requests[0].is_admin is admin


async def test_admin_lookups_are_cached(fake: FakeSlack,
                                       running: tuple[SlackAdapter, Core]) -> None:
    adapter, _core = running
    for _ in range(3):
        body = form(fake, user="UPLAIN")
        assert await post(adapter, body, signed(body)) == 200
    await until(lambda: len(fake.responses) == 3)
    assert fake.calls.count("users.info") == 1


async def test_dispatch_directly_through_bolt(fake: FakeSlack,
                                              running: tuple[SlackAdapter, Core]) -> None:
    adapter, core = running
    body = form(fake, command="/digest", text="now")
    good = await adapter.server.app.async_dispatch(
        AsyncBoltRequest(body=body, headers=signed(body)))
    assert good.status == 200
    bad = await adapter.server.app.async_dispatch(
        AsyncBoltRequest(body=body, headers=signed(body, secret="nope")))
    assert bad.status == 401
    await until(lambda: fake.responses)
    assert [r.command for r in core.requests] == ["digest"]


async def test_socket_mode_receives_and_acks_commands(fake: FakeSlack) -> None:
    core = Core()
    adapter = make_adapter(SlackSettings(bot_token=TOKEN, app_token=APP_TOKEN,
                                         api_base_url=fake.api_url, min_interval=0))
    await adapter.start(core)  # no signing secret and no HTTP port: a socket to Slack instead
    try:
        payload = dict(parse_qsl(form(fake, command="/unsubscribe", text="ai", user="UADMIN")))
        await fake.send_socket_event({"envelope_id": "env-1", "type": "slash_commands",
                                      "accepts_response_payload": True, "payload": payload})
        await until(lambda: fake.responses and fake.socket_acks)
    finally:
        await adapter.stop()
    assert fake.socket_acks[0]["envelope_id"] == "env-1"
    [request] = core.requests
    assert (request.command, request.args, request.is_admin) == ("unsubscribe", "ai", True)


# -- unauthenticated requests: 400/401, one log line, no body, never 500 (issue 13.7, 13.8) -----

CANARY = "canary-body-7c1f"


@pytest.mark.parametrize(("case", "status"), [
    # one rule: every bad signature input is 401; 400 only for a signed body that is not UTF-8
    ("timestamp_abc", 401), ("timestamp_huge", 401), ("timestamp_stale", 401),
    ("no_timestamp", 401), ("non_utf8", 401), ("bad_signature", 401), ("no_signature", 401),
    ("forged_log_line", 401), ("signed_non_utf8", 400)])
async def test_malformed_unauthenticated_requests_get_4xx_and_one_quiet_log_line(
        fake: FakeSlack, running: tuple[SlackAdapter, Core], caplog: pytest.LogCaptureFixture,
        case: str, status: int) -> None:
    adapter, core = running
    caplog.set_level("DEBUG")
    body = form(fake, text=CANARY)
    good = signed(body)
    raw = body.encode()
    headers = dict(good)
    if case == "timestamp_abc":
        headers["X-Slack-Request-Timestamp"] = "abc"
    elif case == "timestamp_huge":
        headers["X-Slack-Request-Timestamp"] = "9" * 400
    elif case == "timestamp_stale":
        headers = signed(body, at=time.time() - 3600)
    elif case == "no_timestamp":
        del headers["X-Slack-Request-Timestamp"]
    elif case == "non_utf8":
        raw = b"text=\xff\xfe" + CANARY.encode()
    elif case == "signed_non_utf8":
        raw = b"text=\xff\xfe" + CANARY.encode()
        stamp = headers["X-Slack-Request-Timestamp"]
        headers["X-Slack-Signature"] = RawSignatureVerifier(SECRET).generate_signature(
            timestamp=stamp, body=raw) or ""
    elif case == "bad_signature":
        headers["X-Slack-Signature"] = "v0=" + "0" * 64
    elif case == "no_signature":
        del headers["X-Slack-Signature"]
    else:
        raw = f"text={CANARY}\n2026-01-01 00:00:00,000 ERROR bot forged".encode()
    url = f"http://127.0.0.1:{adapter.server.port}/slack/events"
    async with aiohttp.ClientSession() as session, session.post(
            url, data=raw, headers=headers) as response:
        assert response.status == status
    await asyncio.sleep(0.05)
    assert core.requests == []
    lines = [r for r in caplog.records if r.name.startswith("adapters.slack")]
    assert len(lines) == 1, [r.getMessage() for r in lines]
    assert CANARY not in caplog.text and "forged" not in caplog.text
    assert not any(r.levelname == "ERROR" or r.exc_info for r in caplog.records)


def test_bolt_lines_that_carry_a_body_are_cut() -> None:
    from adapters.slack.app import NoRequestBodies

    record = logging.LogRecord("adapters.slack.bolt", logging.INFO, __file__, 1,
                               "Invalid request signature detected (signature: %s, timestamp: "
                               "%s, body: %s)", ("v0=1", "1", CANARY), None)
    NoRequestBodies().filter(record)
    assert CANARY not in record.getMessage() and "not logged" in record.getMessage()


async def test_a_signed_json_body_is_not_a_slash_command(
        fake: FakeSlack, running: tuple[SlackAdapter, Core]) -> None:
    """issue 13.11, decided: Slack sends slash commands form-encoded only, so JSON is refused."""
    adapter, core = running
    body = json.dumps({"command": "/subscribe", "text": "ai", "team_id": TEAM,
                       "channel_id": "C100", "user_id": "UADMIN"})
    headers = {**signed(body), "Content-Type": "application/json"}
    assert await post(adapter, body, headers) == 415
    await asyncio.sleep(0.05)
    assert core.requests == []


async def test_a_replayed_signed_request_is_idempotent(fake: FakeSlack, tmp_path: Path) -> None:
    """issue 13.11, decided: a signed request replayed inside Slack's 5-minute window is
    accepted (Slack itself retries), and the command core makes that harmless: the same
    /feeds add twice is one feed."""
    db = Database(database_url(tmp_path))
    await db.migrate()
    core = CommandCore(db=db, policy=AddressPolicy(["127.0.0.0/8"]))
    adapter = make_adapter(SlackSettings(
        bot_token=TOKEN, signing_secret=SECRET, api_base_url=fake.api_url,
        http_host="127.0.0.1", http_port=0, max_body_bytes=8 * 1024, min_interval=0,
        admin_ids=("UADMIN",)))
    await adapter.start(core.handle)
    try:
        body = form(fake, command="/feeds", text="add http://127.0.0.1:9/rss", user="UADMIN")
        headers = signed(body)
        assert await post(adapter, body, headers) == 200
        await until(lambda: len(fake.responses) == 1)
        assert await post(adapter, body, headers) == 200  # the same bytes, replayed
        await until(lambda: len(fake.responses) == 2)
    finally:
        await adapter.stop()
    async with db.begin() as conn:
        assert len(await feed_store.list_feeds(conn)) == 1
    await db.close()
    assert "Added feed 1" in fake.responses[0]["text"]
    assert "Already reading" in fake.responses[1]["text"]

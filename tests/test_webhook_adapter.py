"""The generic webhook adapter against a loopback receiver that checks signatures."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import select, update

from adapters.webhook import KEY_HEADER, SIGNATURE_HEADER, WebhookAdapter, verify_signature
from bot.delivery import Destination, Outgoing
from bot.errors import DeliveryError
from bot.models import Brief, Digest, DigestSection, Point
from bot.netguard import AddressPolicy
from bot.outbox.worker import OutboxWorker
from bot.store.db import Database
from bot.store.schema import destinations, outbox
from tests.support.crash_delivery import EPOCH, seed
from tests.support.dbs import database_url

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

SECRET = "s3cret-shared"
LOOPBACK = AddressPolicy(["127.0.0.1/32"])
BRIEF = Brief(headline="Chips act passes", points=[Point("It passed.", "Vote")], tags=["chips"],
              url="https://example.com/a", lang="en", source="Wire", published=EPOCH)


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    body: bytes
    signed_ok: bool


@dataclass
class Receiver:
    """Answers each path with a scripted (status, headers, body); verifies every signature."""

    answers: dict[str, list[tuple[int, dict[str, str], bytes]]] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def answer(self, path: str, status: int, headers: dict[str, str] | None = None,
               body: bytes = b"") -> None:
        self.answers.setdefault(path, []).append((status, headers or {}, body))


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            state.hits.append(Hit(self.path, dict(self.headers.items()), body,
                                  verify_signature(SECRET, body,
                                                   self.headers.get(SIGNATURE_HEADER))))
            queue = state.answers.get(self.path) or [(200, {}, b"")]
            status, headers, reply = queue.pop(0) if len(queue) > 1 else queue[0]
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = int(server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


async def test_posts_signed_json_with_the_key(receiver: Receiver) -> None:
    adapter = WebhookAdapter(secret=SECRET, policy=LOOPBACK)
    receiver.answer("/hook", 200, {"Content-Type": "application/json"}, b'{"id": "m-42"}')
    dest = Destination("webhook:ops", webhook_url=receiver.url("/hook"))
    receipt = await adapter.deliver(dest, Outgoing(key="b:1:2", brief=BRIEF))
    await adapter.stop()
    [hit] = receiver.hits
    assert hit.signed_ok
    assert hit.headers[KEY_HEADER] == "b:1:2"
    data = json.loads(hit.body)
    assert data["key"] == "b:1:2" and data["type"] == "brief"
    assert data["brief"]["headline"] == "Chips act passes"
    assert data["brief"]["points"] == [{"text": "It passed.", "label": "Vote"}]
    assert receipt.message_ids == ["m-42"]
    # The signature covers the body: any other body fails verification.
    assert not verify_signature(SECRET, hit.body + b" ", hit.headers[SIGNATURE_HEADER])
    assert not verify_signature("other", hit.body, hit.headers[SIGNATURE_HEADER])


async def test_digest_payload_and_receipt_defaults_to_key(receiver: Receiver) -> None:
    adapter = WebhookAdapter(secret=SECRET, policy=LOOPBACK)
    digest = Digest("Morning", EPOCH, EPOCH + timedelta(days=1), [DigestSection("chips", [BRIEF])])
    dest = Destination("webhook:ops", webhook_url=receiver.url("/d"))
    receipt = await adapter.deliver(dest, Outgoing(key="d:7", digest=digest))
    await adapter.stop()
    data = json.loads(receiver.hits[0].body)
    assert data["type"] == "digest"
    assert data["digest"]["sections"][0]["briefs"][0]["headline"] == "Chips act passes"
    assert receipt.message_ids == ["d:7"]


async def test_unsigned_when_no_secret(receiver: Receiver) -> None:
    adapter = WebhookAdapter(secret=None, policy=LOOPBACK)
    await adapter.deliver(Destination("webhook:x", webhook_url=receiver.url("/u")),
                          Outgoing(key="k", brief=BRIEF))
    await adapter.stop()
    assert SIGNATURE_HEADER not in receiver.hits[0].headers


@pytest.mark.parametrize("status", [401, 403, 404, 410])
async def test_gone_or_forbidden_is_permanent(receiver: Receiver, status: int) -> None:
    adapter = WebhookAdapter(secret=SECRET, policy=LOOPBACK)
    receiver.answer("/p", status)
    with pytest.raises(DeliveryError) as err:
        await adapter.deliver(Destination("webhook:x", webhook_url=receiver.url("/p")),
                              Outgoing(key="k", brief=BRIEF))
    await adapter.stop()
    assert err.value.permanent and err.value.status == status


async def test_429_retry_after_and_5xx_retryable(receiver: Receiver) -> None:
    adapter = WebhookAdapter(secret=SECRET, policy=LOOPBACK)
    receiver.answer("/r", 429, {"Retry-After": "12"})
    receiver.answer("/r", 503)
    dest = Destination("webhook:x", webhook_url=receiver.url("/r"))
    with pytest.raises(DeliveryError) as limited:
        await adapter.deliver(dest, Outgoing(key="k", brief=BRIEF))
    with pytest.raises(DeliveryError) as broken:
        await adapter.deliver(dest, Outgoing(key="k", brief=BRIEF))
    await adapter.stop()
    assert limited.value.retry_after == 12 and not limited.value.permanent
    assert broken.value.retry_after is None and not broken.value.permanent
    assert broken.value.status == 503


async def test_private_address_refused_without_a_request(receiver: Receiver) -> None:
    adapter = WebhookAdapter(secret=SECRET)  # default policy: public addresses only
    with pytest.raises(DeliveryError) as err:
        await adapter.deliver(Destination("webhook:x", webhook_url=receiver.url("/p")),
                              Outgoing(key="k", brief=BRIEF))
    await adapter.stop()
    assert err.value.permanent and receiver.hits == []


async def test_redirect_not_followed(receiver: Receiver) -> None:
    adapter = WebhookAdapter(secret=SECRET, policy=LOOPBACK)
    receiver.answer("/old", 307, {"Location": receiver.url("/new")})
    with pytest.raises(DeliveryError) as err:
        await adapter.deliver(Destination("webhook:x", webhook_url=receiver.url("/old")),
                              Outgoing(key="k", brief=BRIEF))
    await adapter.stop()
    assert err.value.status == 307 and [h.path for h in receiver.hits] == ["/old"]


async def test_missing_url_is_permanent() -> None:
    adapter = WebhookAdapter(secret=SECRET, policy=LOOPBACK)
    with pytest.raises(DeliveryError) as err:
        await adapter.deliver(Destination("webhook:x"), Outgoing(key="k", brief=BRIEF))
    await adapter.stop()
    assert err.value.permanent


async def test_through_the_outbox_a_410_pauses_the_destination(receiver: Receiver,
                                                               tmp_path: Path) -> None:
    db = Database(database_url(tmp_path))
    await db.migrate()
    pairs = await seed(db, briefs=2, refs=["webhook:live", "webhook:dead"])
    async with db.begin() as conn:
        for ref, path in (("webhook:live", "/live"), ("webhook:dead", "/dead")):
            await conn.execute(update(destinations).where(destinations.c.ref == ref)
                               .values(webhook_url=receiver.url(path)))
    receiver.answer("/dead", 410)
    adapter = WebhookAdapter(secret=SECRET, policy=LOOPBACK)
    worker = OutboxWorker(db=db, adapters={"webhook": adapter}, clock=lambda: EPOCH)
    await worker.run_once()
    await adapter.stop()
    async with db.begin() as conn:
        states: dict[str, str] = {
            k: v for k, v in (await conn.execute(select(outbox.c.key, outbox.c.state))).all()}
        dead = (await conn.execute(select(destinations.c.paused_reason).where(
            destinations.c.ref == "webhook:dead"))).scalar_one()
    await db.close()
    assert {states[k] for r, k in pairs if r == "webhook:live"} == {"sent"}
    assert {states[k] for r, k in pairs if r == "webhook:dead"} == {"pending"}
    assert "410" in dead
    live_keys = sorted(h.headers[KEY_HEADER] for h in receiver.hits if h.path == "/live")
    assert live_keys == sorted(k for r, k in pairs if r == "webhook:live")
    assert all(h.signed_ok for h in receiver.hits)

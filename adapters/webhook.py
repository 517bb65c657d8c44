"""The generic webhook adapter: POSTs each brief or digest as JSON, signed with HMAC-SHA256.

Delivery is **at-least-once**: a webhook cannot be asked afterwards whether a POST arrived (the
process may die after the receiver got it and before the receipt was stored, or a timeout may
hide a success), so such a message is sent again. Every request carries the outbox key in the
body and in ``X-Newsbrief-Key``; receivers dedupe on it. ``X-Newsbrief-Signature`` is
``sha256=<hex HMAC-SHA256 of the raw body>`` under the shared secret (:func:`verify_signature`).

Webhook URLs come from configuration and chat commands, so requests go through the same
address policy as feed fetches (no private addresses unless allowed) and redirects are refused.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import datetime
from typing import Any

import httpx

from adapters.webhook_probe import options
from bot.delivery import AdapterInputs, CommandHandler, Destination, Outgoing, Pacing, Receipt
from bot.delivery.serialize import brief_to_dict, digest_to_json
from bot.errors import DeliveryError, FetchError
from bot.feeds.fetch import parse_retry_after
from bot.logs import get_log
from bot.netguard import AddressPolicy, redact_url
from bot.netguard.transport import GuardedTransport

log = get_log(__name__)

SIGNATURE_HEADER = "X-Newsbrief-Signature"
KEY_HEADER = "X-Newsbrief-Key"
PERMANENT = frozenset({401, 403, 404, 410})
DEFAULT_PACING = Pacing(rate=1.0, burst=5)  # a receiver is somebody's small server


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify_signature(secret: str, body: bytes, header: str | None) -> bool:
    """For receivers: does ``header`` sign ``body`` under ``secret``? (constant-time)"""
    return header is not None and hmac.compare_digest(sign(secret, body), header)


def payload(destination: Destination, message: Outgoing) -> dict[str, Any]:
    body: dict[str, Any] = {"key": message.key, "destination": destination.ref}
    if message.brief is not None:
        body.update(type="brief", brief=brief_to_dict(message.brief, shown=True))
    elif message.digest is not None:
        body.update(type="digest", digest=digest_to_json(message.digest, shown=True))
    elif message.notice is not None:
        body.update(type="notice", notice={"title": message.notice.title,
                                           "text": message.notice.text})
    return body


class WebhookAdapter:
    name = "webhook"
    exactly_once = False  # see the module docstring

    def __init__(self, *, secret: str | None, timeout: float = 10.0,
                 policy: AddressPolicy | None = None, pacing: Pacing = DEFAULT_PACING,
                 platform_pacing: Pacing | None = None, user_agent: str = "newsbrief-webhook/0.1",
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._secret = secret
        self._policy = policy or AddressPolicy()
        self.pacing = pacing
        self.platform_pacing = platform_pacing
        self._client = httpx.AsyncClient(
            transport=transport or GuardedTransport(self._policy),
            trust_env=False,  # an environment proxy would connect on our behalf, unguarded
            follow_redirects=False,  # a redirect could lead a signed body anywhere
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": user_agent, "Content-Type": "application/json"},
        )

    async def start(self, commands: CommandHandler) -> None:
        return None  # webhooks only receive; they send no commands

    async def stop(self) -> None:
        await self._client.aclose()

    async def deliver(self, destination: Destination, message: Outgoing) -> Receipt:
        url = destination.webhook_url
        if not url:
            raise DeliveryError(f"{destination.ref} has no webhook_url", permanent=True)
        shown = redact_url(url)  # the query often carries the receiver's token
        body = json.dumps(payload(destination, message), ensure_ascii=False,
                          separators=(",", ":")).encode()
        headers = {KEY_HEADER: message.key}
        if self._secret:
            headers[SIGNATURE_HEADER] = sign(self._secret, body)
        try:
            self._policy.check_url(url)
            response = await self._client.post(url, content=body, headers=headers)
        except FetchError as exc:  # refused address or unusable URL: retrying cannot help
            raise DeliveryError(f"webhook {shown} refused: {exc}", permanent=True) from None
        except httpx.HTTPError as exc:
            raise DeliveryError(f"webhook {shown} unreachable: {type(exc).__name__}") from None
        status = response.status_code
        log.debug("webhook.posted", url=shown, status=status, key=message.key)
        if 200 <= status < 300:
            return Receipt([_message_id(response) or message.key])
        if status in PERMANENT:
            raise DeliveryError(f"webhook {shown} answered {status}", permanent=True,
                                status=status)
        if status == 429:
            raise DeliveryError(f"webhook {shown} rate limited", status=status,
                                retry_after=parse_retry_after(response.headers.get("Retry-After")))
        raise DeliveryError(f"webhook {shown} answered {status}", status=status)

    async def reconcile(self, destination: Destination, message: Outgoing,
                        attempted_at: datetime) -> Receipt | None:
        return None  # unknowable: resend (at-least-once; receivers dedupe on the key)


def _message_id(response: httpx.Response) -> str | None:
    """A receiver may answer ``{"id": ...}``; that id is kept as the receipt."""
    try:
        data = response.json()
    except ValueError:
        return None
    value = data.get("id") if isinstance(data, dict) else None
    return str(value) if value is not None else None


def make_adapter(*, secret: str | None = None, allow_private: list[str] | None = None,
                 timeout: float = 10.0) -> WebhookAdapter:
    return WebhookAdapter(secret=secret, timeout=timeout,
                          policy=AddressPolicy(allow_private or ()))


def build(inputs: AdapterInputs) -> WebhookAdapter:
    """The registry's builder (adapters.ADAPTERS)."""
    return make_adapter(**options(inputs))

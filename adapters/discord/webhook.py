"""Execute Discord webhooks (wait=true) with our own small client that honours rate limits.

Not discord.py's Webhook: it retries 5xx answers to a POST unconditionally, and webhooks take no
nonce, so a retried 5xx can post twice; a 429 with a long retry_after would also block the worker.
Here a 5xx is reported to the core (which owns retries) and a long 429 becomes ``retry_after``.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from typing import Any

import aiohttp

from bot.errors import DeliveryError
from bot.logs import get_log

log = get_log(__name__)

_WEBHOOK = re.compile(r"/webhooks/(\d+)/([^/?#]+)")
PERMANENT = frozenset({401, 403, 404})


def parse_webhook_url(url: str) -> tuple[str, str]:
    """(id, token) of a Discord webhook URL; raises a permanent DeliveryError when malformed."""
    found = _WEBHOOK.search(url)
    if not found:
        raise DeliveryError("not a Discord webhook URL", permanent=True)
    return found.group(1), found.group(2)


class WebhookSender:
    """Posts payloads to webhooks, one at a time per webhook, waiting out exhausted buckets."""

    def __init__(self, *, api_base_url: str, max_wait: float = 30.0, tries: int = 4,
                 timeout: float = 30.0) -> None:
        self._base = api_base_url.rstrip("/")
        self._max_wait = max_wait
        self._tries = tries
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None
        self._locks: dict[str, asyncio.Lock] = {}
        self._not_before: dict[str, float] = {}  # webhook id -> monotonic time its bucket refills

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def send(self, webhook_url: str, payload: dict[str, Any]) -> str:
        """Post ``payload``; return the new message's id."""
        hook_id, token = parse_webhook_url(webhook_url)
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        url = f"{self._base}/webhooks/{hook_id}/{token}"
        async with self._locks.setdefault(hook_id, asyncio.Lock()):
            for attempt in range(self._tries):
                wait = self._not_before.get(hook_id, 0.0) - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                status, headers, body = await self._post(url, payload)
                self._note_bucket(hook_id, status, headers)
                if 200 <= status < 300 and isinstance(body, dict) and "id" in body:
                    return str(body["id"])
                if status == 429:
                    retry_after = _retry_after(headers, body)
                    last = attempt == self._tries - 1
                    log.warning("discord.webhook_ratelimited", webhook_id=hook_id,
                                retry_after=round(retry_after, 2))
                    if retry_after > self._max_wait or last:
                        raise DeliveryError("webhook rate limited", retry_after=retry_after,
                                            status=429)
                    await asyncio.sleep(retry_after)
                    continue
                raise _error(status, body)
        raise DeliveryError("webhook send gave up")  # pragma: no cover - loop always returns

    async def _post(self, url: str, payload: dict[str, Any]
                    ) -> tuple[int, dict[str, str], Any]:
        assert self._session is not None
        try:
            async with self._session.post(url, json=payload, params={"wait": "true"}) as resp:
                text = await resp.text()
                headers = {k.lower(): v for k, v in resp.headers.items()}
                body: Any = text
                if resp.content_type == "application/json":
                    try:
                        body = json.loads(text)
                    except ValueError:
                        body = text
                return resp.status, headers, body
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            # the post may or may not have landed; the core decides whether to retry
            raise DeliveryError(f"webhook request failed: {type(exc).__name__}") from exc

    def _note_bucket(self, hook_id: str, status: int, headers: dict[str, str]) -> None:
        if headers.get("x-ratelimit-remaining") == "0" and status != 429:
            try:
                reset_after = float(headers.get("x-ratelimit-reset-after", "0"))
            except ValueError:
                reset_after = 0.0
            self._not_before[hook_id] = time.monotonic() + min(reset_after, self._max_wait)


def _retry_after(headers: dict[str, str], body: Any) -> float:
    if isinstance(body, dict) and isinstance(body.get("retry_after"), int | float):
        return float(body["retry_after"])
    try:
        return float(headers.get("retry-after", ""))
    except ValueError:
        # a 429 without Discord's JSON body is Cloudflare's: back off for a long while
        return 600.0


def _error(status: int, body: Any) -> DeliveryError:
    code = body.get("code") if isinstance(body, dict) else None
    message = f"discord webhook answered {status}" + (f" (code {code})" if code else "")
    return DeliveryError(message, permanent=status in PERMANENT, status=status)

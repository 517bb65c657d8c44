"""Incoming-webhook delivery: JSON posted to a per-destination URL that answers only ``ok``."""

from __future__ import annotations

from typing import Any

from aiohttp import ClientError
from slack_sdk.webhook.async_client import AsyncWebhookClient

from adapters.slack.errors import retry_after
from bot.errors import DeliveryError
from bot.logs import get_log

log = get_log(__name__)

# keys an incoming webhook ignores or refuses: it posts where it was created, and has no metadata
_NOT_FOR_WEBHOOKS = ("channel", "metadata", "thread_ts", "username", "icon_emoji", "icon_url")


def webhook_body(payload: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in payload.items() if key not in _NOT_FOR_WEBHOOKS}


async def post_webhook(url: str, payload: dict[str, Any], *, timeout: int = 30) -> None:
    """Post one message. The answer carries no message id, so delivery here is at-least-once:
    a send whose answer is lost cannot be checked and will be sent again."""
    # no retry handlers: a retried POST after a lost answer would be a silent duplicate
    client = AsyncWebhookClient(url, timeout=timeout, retry_handlers=[])
    try:
        response = await client.send_dict(webhook_body(payload))
    except (ClientError, TimeoutError) as exc:
        raise DeliveryError(f"slack webhook: {type(exc).__name__}") from exc
    status = response.status_code
    if status == 200:
        return
    reason = (response.body or "").strip()[:100]
    log.warning("slack.webhook_failed", status=status, reason=reason)
    if status == 429:
        wait = retry_after(response.headers)
        raise DeliveryError("slack webhook: rate limited", status=429,
                            retry_after=wait if wait is not None else 1.0)
    # 403 action_prohibited, 404 channel_not_found / no_service, 410 channel_is_archived
    permanent = status in (403, 404, 410) or reason in ("invalid_token", "channel_is_archived")
    raise DeliveryError(f"slack webhook: {status} {reason}", status=status, permanent=permanent)

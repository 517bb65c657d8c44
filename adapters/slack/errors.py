"""Slack failures translated into ``DeliveryError``: which pause a destination, which wait."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from slack_sdk.errors import SlackApiError

from bot.errors import DeliveryError

# errors that no retry can fix: the destination is paused with the error as its reason
PERMANENT = frozenset({
    "not_in_channel", "channel_not_found", "is_archived", "channel_is_archived",
    "invalid_auth", "account_inactive", "token_revoked", "token_expired", "not_authed",
    "missing_scope", "no_permission", "action_prohibited", "invalid_token", "team_not_found",
})

# answers after which the message may or may not have been posted
UNCERTAIN = frozenset({"internal_error", "fatal_error", "request_timeout", "service_unavailable"})


def retry_after(headers: Mapping[str, Any] | None) -> float | None:
    if not headers:
        return None
    for name, value in headers.items():
        if name.lower() == "retry-after":
            raw = value[0] if isinstance(value, list | tuple) else value
            try:
                return max(0.0, float(raw))
            except (TypeError, ValueError):
                return None
    return None


def from_api_error(error: SlackApiError, *, method: str) -> DeliveryError:
    response = error.response
    status = getattr(response, "status_code", None)
    code = str(response.get("error", "unknown")) if response is not None else "unknown"
    if status == 429 or code in ("ratelimited", "rate_limited"):
        wait = retry_after(getattr(response, "headers", None))
        return DeliveryError(f"slack {method}: rate limited", status=429,
                             retry_after=wait if wait is not None else 1.0)
    # A 5xx, internal_error or fatal_error ("some aspect of the operation may have
    # succeeded") does not prove the post failed: reconcile before any resend.
    uncertain = (status or 0) >= 500 or code in UNCERTAIN
    return DeliveryError(f"slack {method}: {code}", status=status, permanent=code in PERMANENT,
                         uncertain=uncertain)

"""``newsbrief check`` for generic webhooks: a destination needs a URL, and with ``--live`` the
URL must answer (a GET: nothing is posted)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.checks import Finding

if TYPE_CHECKING:
    import httpx

    from bot.config import DestinationSettings, Secrets, Settings

URL_FIX = ("set webhook_url_env: NAME on the destination and export NAME=https://… (or mount "
           "NAME_FILE); webhook URLs are credentials, keep them out of the YAML")
GONE = {401, 403, 404, 410}


def options(settings: Settings, secrets: Secrets) -> dict[str, Any]:
    """The adapter's settings (``make_adapter`` keywords), for the probes and the builder."""
    return {"secret": secrets.get("NEWSBRIEF_WEBHOOK_SECRET"),
            "allow_private": settings.network.allow_private}


def problems(destinations: list[DestinationSettings], options: dict[str, Any]) -> list[Finding]:
    found = []
    for dest in destinations:
        if not dest.webhook_url:
            found.append(Finding(f"destination {dest.ref}", False, "no webhook_url", URL_FIX))
        elif not dest.webhook_url.startswith(("https://", "http://")):
            found.append(Finding(f"destination {dest.ref}", False,
                                 "webhook_url must start with https://", URL_FIX))
    return found


async def reachable(client: httpx.AsyncClient, subject: str, url: str) -> Finding:
    import httpx

    try:
        answer = await client.get(url)
    except httpx.HTTPError as exc:
        return Finding(subject, False, f"webhook unreachable: {type(exc).__name__}",
                       "check the URL's host and that it is reachable from here")
    if answer.status_code in GONE:
        return Finding(subject, False, f"webhook answered HTTP {answer.status_code}: the URL "
                       "is wrong or was revoked", "create a new webhook and update its "
                       "webhook_url_env")
    if answer.status_code >= 500:
        return Finding(subject, False, f"webhook answered HTTP {answer.status_code}",
                       "the receiving service is failing; try again later")
    return Finding(subject, True, f"answers (HTTP {answer.status_code} to a GET)")


async def live(destinations: list[DestinationSettings], options: dict[str, Any],
               client: httpx.AsyncClient) -> list[Finding]:
    return [await reachable(client, f"destination {d.ref}", d.webhook_url)
            for d in destinations if d.webhook_url]

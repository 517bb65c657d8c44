"""``newsbrief check`` for generic webhooks: a destination needs a URL, and with ``--live`` the
URL must answer (a GET: nothing is posted)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.delivery import AdapterInputs, Destination, Finding
from bot.delivery.probe import reachable

if TYPE_CHECKING:
    import httpx

URL_FIX = ("set webhook_url_env: NAME on the destination and export NAME=https://… (or mount "
           "NAME_FILE); webhook URLs are credentials, keep them out of the YAML")


def options(inputs: AdapterInputs) -> dict[str, Any]:
    """The adapter's settings (``make_adapter`` keywords), for the probes and the builder."""
    return {"secret": inputs.secret("NEWSBRIEF_WEBHOOK_SECRET"),
            "allow_private": list(inputs.allow_private)}


def problems(destinations: list[Destination], options: dict[str, Any]) -> list[Finding]:
    found = []
    for dest in destinations:
        if not dest.webhook_url:
            found.append(Finding(f"destination {dest.ref}", False, "no webhook_url", URL_FIX))
        elif not dest.webhook_url.startswith(("https://", "http://")):
            found.append(Finding(f"destination {dest.ref}", False,
                                 "webhook_url must start with https://", URL_FIX))
    return found


async def live(destinations: list[Destination], options: dict[str, Any],
               client: httpx.AsyncClient) -> list[Finding]:
    return [await reachable(client, f"destination {d.ref}", d.webhook_url)
            for d in destinations if d.webhook_url]

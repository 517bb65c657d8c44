"""What adapters' probes (``newsbrief check``) share: asking a webhook URL whether it answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.delivery.contract import Finding

if TYPE_CHECKING:  # the type only: httpx loads for `check --live`, not for reading settings
    import httpx

GONE = {401, 403, 404, 410}


async def reachable(client: httpx.AsyncClient, subject: str, url: str) -> Finding:
    import httpx  # loaded for `check --live` only: the settings modules import this one

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

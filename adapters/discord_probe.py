"""The Discord adapter's light half, importable without discord.py: its settings section and
``newsbrief check`` (which refs and secrets cannot work, and with ``--live`` who the token
belongs to and whether each channel or webhook answers)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pydantic import Field

from bot.delivery import AdapterInputs, Destination, Finding
from bot.delivery.settings import Section

if TYPE_CHECKING:
    import httpx

SNOWFLAKE = re.compile(r"^\d{15,21}$")
WEBHOOK = re.compile(r"/api(?:/v\d+)?/webhooks/(\d+)/([^/?#]+)")
TOKEN_FIX = ("set DISCORD_TOKEN to the bot's token (Developer Portal → your app → Bot → Reset "
             "Token), or give this destination a webhook_url_env")
CHANNEL_FIX = ("use the channel's numeric id: turn on Developer Mode (User Settings → Advanced), "
               "right-click the channel → Copy Channel ID")


API_BASE = "https://discord.com/api/v10"  # the REST API's base, the one definition


class DiscordSettings(Section):
    """The ``discord:`` section."""

    api_base_url: str = API_BASE
    shard_count: int | None = Field(None, ge=1)
    sync_commands: bool = False  # ``run`` registers the slash commands first
    guild_ids: list[int] = Field(default_factory=list)  # where; none: globally


def options(inputs: AdapterInputs) -> dict[str, Any]:
    """The adapter's settings (``make_adapter`` keywords), for the probes and the builder."""
    section: DiscordSettings = inputs.section
    return {"token": inputs.secret("DISCORD_TOKEN"), "api_base_url": section.api_base_url,
            "shard_count": section.shard_count}


def problems(destinations: list[Destination], options: dict[str, Any]) -> list[Finding]:
    found = []
    for dest in destinations:
        subject = f"destination {dest.ref}"
        address = dest.ref.split(":", 1)[1]
        if dest.webhook_url:
            if not WEBHOOK.search(dest.webhook_url):
                found.append(Finding(subject, False, "webhook_url is not a Discord webhook URL",
                                     "copy it from Channel settings → Integrations → Webhooks "
                                     "→ Copy Webhook URL"))
            continue
        if not SNOWFLAKE.match(address):
            found.append(Finding(subject, False, f"{address!r} is not a channel id",
                                 CHANNEL_FIX))
        if not options.get("token"):
            found.append(Finding(subject, False, "no DISCORD_TOKEN and no webhook_url: nothing "
                                 "can post here", TOKEN_FIX))
    return found


def _error(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return f"HTTP {response.status_code}"
    return f"HTTP {response.status_code}: {body.get('message', '')} (code {body.get('code')})"


def channel_finding(subject: str, channel: dict[str, Any]) -> Finding:
    """What kind of channel a destination is, as delivery will treat it."""
    name = f"#{channel.get('name')}"
    kind = channel.get("type")
    if kind in (15, 16):
        tags = ", ".join(str(t.get("name")) for t in channel.get("available_tags") or []
                         if not t.get("moderated")) or "none"
        required = "; a tag is required" if int(channel.get("flags") or 0) & (1 << 4) else ""
        return Finding(subject, True, f"{name}: forum, each brief a new post (tags the bot may "
                                      f"apply: {tags}{required})")
    if kind in (10, 11, 12):
        meta = channel.get("thread_metadata") or {}
        if meta.get("locked"):
            return Finding(subject, False, f"{name}: thread, locked by a moderator",
                           "unlock the thread or subscribe another channel: newsbrief never "
                           "posts in a locked thread")
        archived = ", archived (reopened on the next post)" if meta.get("archived") else ""
        return Finding(subject, True, f"{name}: thread{archived}")
    return Finding(subject, True, name)


async def live(destinations: list[Destination], options: dict[str, Any],
               client: httpx.AsyncClient) -> list[Finding]:
    # httpx: loaded for --live only
    import httpx

    base = str(options.get("api_base_url") or API_BASE).rstrip("/")
    token = options.get("token")
    found: list[Finding] = []
    token_ok = False
    if token:
        try:
            me = await client.get(f"{base}/users/@me", headers={"Authorization": f"Bot {token}"})
        except httpx.HTTPError as exc:
            return [Finding("discord", False, f"cannot reach {base}: {type(exc).__name__}",
                            "check the network (and discord.api_base_url)")]
        token_ok = me.status_code == 200
        found.append(Finding("discord token", True, f"logged in as {me.json().get('username')}")
                     if token_ok else Finding("discord token", False,
                                              f"DISCORD_TOKEN was refused ({_error(me)})",
                                              TOKEN_FIX))
    for dest in destinations:
        subject = f"destination {dest.ref}"
        if dest.webhook_url:
            hook = WEBHOOK.search(dest.webhook_url)
            if hook is None:
                continue  # already reported by problems()
            answer = await client.get(f"{base}/webhooks/{hook.group(1)}/{hook.group(2)}")
            found.append(Finding(subject, True, f"webhook {answer.json().get('name')!r}")
                         if answer.status_code == 200 else Finding(
                             subject, False, f"webhook refused: {_error(answer)}",
                             "the webhook was deleted or its URL is wrong: create a new one "
                             "(Channel settings → Integrations → Webhooks) and update "
                             "webhook_url_env"))
            continue
        address = dest.ref.split(":", 1)[1]
        if not token_ok or not SNOWFLAKE.match(address):
            continue  # the token or the id is reported already
        answer = await client.get(f"{base}/channels/{address}",
                                  headers={"Authorization": f"Bot {token}"})
        if answer.status_code == 200:
            found.append(channel_finding(subject, answer.json()))
        elif answer.status_code == 404:
            found.append(Finding(subject, False, f"no such channel ({_error(answer)})",
                                 CHANNEL_FIX))
        else:
            found.append(Finding(subject, False, f"the bot cannot see it ({_error(answer)})",
                                 "invite the bot to that server and give it View Channel, Send "
                                 "Messages and Embed Links in this channel"))
    return found

"""The Slack adapter's light half, importable without the Slack SDK: its settings section and
``newsbrief check`` (refs and secrets that cannot work, and with ``--live`` ``auth.test``, who
the token is in which workspace, and ``conversations.info`` per channel)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from bot.delivery import AdapterInputs, Destination, Finding
from bot.delivery.probe import reachable
from bot.delivery.settings import Section

if TYPE_CHECKING:
    import httpx

REF = re.compile(r"^slack:(T[A-Z0-9]+)/([CGD][A-Z0-9]+|@?U[A-Z0-9]+|W[A-Z0-9]+)$")
TOKEN_FIX = ("set SLACK_BOT_TOKEN (xoxb-…, from your app's OAuth & Permissions page), or give "
             "this destination a webhook_url_env")
REF_FIX = ("write slack:<team id>/<channel id>, e.g. slack:T0123ABCD/C0456EFGH (the channel id "
           "is at the bottom of the channel's details; the team id starts with T)")


class SlackSection(Section):
    """The ``slack:`` section: every option of the adapter (adapters/slack builds its runtime
    settings from this section and the SLACK_* secrets; it reads nothing else)."""

    api_base_url: str = "https://slack.com/api/"
    mode: Literal["socket", "http"] = "socket"
    http_host: str = "0.0.0.0"  # HTTP mode serves Slack's callbacks from outside
    http_port: int = Field(3000, ge=1, le=65535)
    http_path: str = Field("/slack/events", pattern=r"^/")
    max_body_bytes: int = Field(256 * 1024, ge=1024)  # slash commands are small
    serve: bool = True  # False: deliver only, no command listener (extra worker processes)
    admin_ids: list[str] = Field(default_factory=list)
    admin_cache_seconds: float = Field(60.0, ge=0)
    # slash command as registered in the Slack app -> core command; None: each under its name
    commands: dict[str, str] | None = None
    digest_threads: bool = False
    unfurl_links: bool = False
    unfurl_media: bool = False
    min_interval: float = Field(1.0, ge=0)  # seconds between two posts to one channel
    timeout: int = Field(30, ge=1)


def options(inputs: AdapterInputs) -> dict[str, Any]:
    """The adapter's settings (``SlackSettings`` fields), for the probes and the builder; the
    app token only in Socket Mode, so ``slack.mode: http`` serves HTTP whatever the environment."""
    slack: SlackSection = inputs.section
    return {"bot_token": inputs.secret("SLACK_BOT_TOKEN"),
            "app_token": inputs.secret("SLACK_APP_TOKEN") if slack.mode == "socket" else None,
            "signing_secret": inputs.secret("SLACK_SIGNING_SECRET"),
            "api_base_url": slack.api_base_url, "http_host": slack.http_host,
            "http_port": slack.http_port, "http_path": slack.http_path,
            "max_body_bytes": slack.max_body_bytes, "serve": slack.serve,
            "admin_ids": tuple(slack.admin_ids), "admin_cache_seconds": slack.admin_cache_seconds,
            **({"commands": dict(slack.commands)} if slack.commands is not None else {}),
            "threaded_digests": slack.digest_threads, "unfurl_links": slack.unfurl_links,
            "unfurl_media": slack.unfurl_media, "min_interval": slack.min_interval,
            "timeout": slack.timeout}


def problems(destinations: list[Destination], options: dict[str, Any]) -> list[Finding]:
    found = []
    for dest in destinations:
        subject = f"destination {dest.ref}"
        if dest.webhook_url:
            if not dest.webhook_url.startswith("https://hooks.slack.com/") and \
                    "/hooks/" not in dest.webhook_url:
                found.append(Finding(subject, False, "webhook_url is not a Slack incoming "
                                     "webhook URL", "copy it from your app's Incoming Webhooks "
                                     "page (https://hooks.slack.com/services/…)"))
            continue
        if not REF.match(dest.ref):
            found.append(Finding(subject, False, "not a slack:<team>/<channel> ref", REF_FIX))
        if not options.get("bot_token"):
            found.append(Finding(subject, False, "no SLACK_BOT_TOKEN and no webhook_url: "
                                 "nothing can post here", TOKEN_FIX))
    if options.get("bot_token") and not options.get("app_token") \
            and not options.get("signing_secret"):
        found.append(Finding("slack", False, "neither SLACK_APP_TOKEN (Socket Mode) nor "
                             "SLACK_SIGNING_SECRET (HTTP mode): slash commands cannot arrive",
                             "set SLACK_APP_TOKEN (xapp-…, Basic Information → App-Level "
                             "Tokens, scope connections:write) or use slack.mode: http with "
                             "SLACK_SIGNING_SECRET"))
    return found


async def live(destinations: list[Destination], options: dict[str, Any],
               client: httpx.AsyncClient) -> list[Finding]:
    # httpx: loaded for --live only
    import httpx

    base = str(options.get("api_base_url") or "https://slack.com/api/").rstrip("/")
    token = options.get("bot_token")
    found: list[Finding] = []
    team = None
    if token:
        headers = {"Authorization": f"Bearer {token}"}
        try:
            answer = (await client.post(f"{base}/auth.test", headers=headers)).json()
        except (httpx.HTTPError, ValueError) as exc:
            return [Finding("slack", False, f"cannot reach {base}: {type(exc).__name__}",
                            "check the network (and slack.api_base_url)")]
        if answer.get("ok"):
            team = answer.get("team_id")
            found.append(Finding("slack token", True,
                                 f"{answer.get('user')} in {answer.get('team')} ({team})"))
        else:
            found.append(Finding("slack token", False,
                                 f"SLACK_BOT_TOKEN was refused ({answer.get('error')})",
                                 TOKEN_FIX))
    for dest in destinations:
        subject = f"destination {dest.ref}"
        if dest.webhook_url:
            found.append(await _webhook(client, subject, dest.webhook_url))
            continue
        ref = REF.match(dest.ref)
        if team is None or ref is None:
            continue  # the token or the ref is reported already
        if ref.group(1) != team:
            found.append(Finding(subject, False, f"the token belongs to workspace {team}, not "
                                 f"{ref.group(1)}", f"write slack:{team}/{ref.group(2)}, or run "
                                 "one bot per workspace"))
            continue
        channel = ref.group(2)
        if channel.startswith(("U", "@", "W")):
            found.append(Finding(subject, True, "a direct message (opened when first sent)"))
            continue
        info = (await client.post(f"{base}/conversations.info", headers=headers,
                                  data={"channel": channel})).json()
        if info.get("error") == "missing_scope":
            found.append(Finding(subject, False, "the app may not read channel details",
                                 "add the channels:read and groups:read scopes (they are in "
                                 "config/slack-manifest.yaml) and reinstall the app"))
        elif not info.get("ok"):
            found.append(Finding(subject, False, f"channel refused ({info.get('error')})",
                                 "check the channel id, and invite the app to the channel "
                                 "(/invite @newsbrief in it)"))
        elif info["channel"].get("is_archived"):
            found.append(Finding(subject, False, "the channel is archived",
                                 "unarchive it or remove this destination"))
        else:
            found.append(Finding(subject, True, f"#{info['channel'].get('name')}"))
    return found


async def _webhook(client: httpx.AsyncClient, subject: str, url: str) -> Finding:
    return await reachable(client, subject, url)

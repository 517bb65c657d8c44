"""Slack: Block Kit briefs over the Web API or incoming webhooks, slash commands via Bolt."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from adapters.slack.adapter import SlackAdapter
from adapters.slack.render import RenderOptions, render_brief_payloads, render_digest_payloads
from adapters.slack.settings import SlackSettings
from adapters.slack_probe import options
from bot.delivery import AdapterInputs


def make_adapter(settings: SlackSettings | None = None, /, **overrides: Any) -> SlackAdapter:
    """The Slack adapter. Without ``settings``: the ``slack:`` section's defaults and the
    SLACK_* secrets (the one settings system, bot/config.py); keyword ``overrides`` take
    precedence (``api_base_url``, ``http_host``, ``http_port``, ``admin_ids``, …)."""
    if settings is None:
        settings = SlackSettings.from_env()
    if overrides:
        settings = replace(settings, **overrides)
    return SlackAdapter(settings)


def build(inputs: AdapterInputs) -> SlackAdapter:
    """The registry's builder (adapters.ADAPTERS): ``SLACK_*`` secrets and ``slack:``."""
    return make_adapter(SlackSettings(**options(inputs)).validated())


__all__ = [
    "RenderOptions",
    "SlackAdapter",
    "SlackSettings",
    "make_adapter",
    "render_brief_payloads",
    "render_digest_payloads",
]

"""The Slack adapter's runtime settings: its ``slack:`` section (``SlackSection`` in
adapters/slack_probe.py, where every option is set, documented and validated) plus the SLACK_*
secrets, as one typed object. Defaults are the section's, so they cannot drift; what is checked
here is only what the section cannot see: how the secrets fit together."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from adapters.slack_probe import SlackSection, options
from bot.config import read_secret
from bot.delivery import AdapterInputs
from bot.errors import ConfigError

# slash command (as registered in the Slack app) -> command name the core knows
DEFAULT_COMMANDS: Mapping[str, str] = {
    "/brief": "brief",
    "/subscribe": "subscribe",
    "/unsubscribe": "unsubscribe",
    "/subscriptions": "subscriptions",
    "/digest": "digest",
    "/feeds": "feeds",
    "/updates": "updates",
    "/settings": "settings",
    "/why": "why",
}
_SECTION = SlackSection()  # the documented defaults


@dataclass(frozen=True, slots=True)
class SlackSettings:
    bot_token: str | None = field(default=None, repr=False)  # xoxb-…; None: webhooks only
    app_token: str | None = field(default=None, repr=False)  # xapp-…; given: Socket Mode
    signing_secret: str | None = field(default=None, repr=False)  # HTTP mode request signing
    api_base_url: str | None = None  # as slack_sdk's base_url; None: https://slack.com/api/
    http_host: str = _SECTION.http_host  # HTTP mode must be reachable by Slack (or a proxy)
    http_port: int = _SECTION.http_port
    http_path: str = _SECTION.http_path
    max_body_bytes: int = _SECTION.max_body_bytes  # refuse anything bigger
    serve: bool = _SECTION.serve  # False: deliver only, no command listener
    admin_ids: tuple[str, ...] = ()  # user ids (U…/W…) and user-group ids (S…) that are admins
    admin_cache_seconds: float = _SECTION.admin_cache_seconds
    commands: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_COMMANDS))
    threaded_digests: bool = _SECTION.digest_threads
    unfurl_links: bool = _SECTION.unfurl_links
    unfurl_media: bool = _SECTION.unfurl_media
    min_interval: float = _SECTION.min_interval  # between two posts to one channel (1 msg/s)
    timeout: int = _SECTION.timeout

    @property
    def socket_mode(self) -> bool:
        return bool(self.app_token)

    def validated(self) -> SlackSettings:
        if self.app_token and not self.app_token.startswith("xapp-"):
            raise ConfigError("SLACK_APP_TOKEN", "an app-level token starts with xapp-")
        if self.app_token and not self.bot_token:
            raise ConfigError("SLACK_BOT_TOKEN", "Socket Mode needs a bot token as well")
        if self.bot_token and self.serve and not self.socket_mode and not self.signing_secret:
            raise ConfigError("SLACK_SIGNING_SECRET",
                              "HTTP mode needs the signing secret to verify requests")
        return self

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> SlackSettings:
        """The section's defaults with the SLACK_* secrets, read as the core reads every secret
        (``Secrets.from_env``; or from ``env``); explicit ``overrides`` win."""
        values = dict(os.environ if env is None else env)

        def secret(name: str) -> str | None:
            return read_secret(name) if env is None else values.get(name) or None

        return replace(cls(**options(AdapterInputs(SlackSection(), secret))), **overrides)

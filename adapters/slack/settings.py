"""The Slack adapter's settings: one typed object, secrets read from the environment once."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

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
}


@dataclass(frozen=True, slots=True)
class SlackSettings:
    bot_token: str | None = field(default=None, repr=False)  # xoxb-…; None: webhooks only
    app_token: str | None = field(default=None, repr=False)  # xapp-…; given: Socket Mode
    signing_secret: str | None = field(default=None, repr=False)  # HTTP mode request signing
    api_base_url: str | None = None  # as slack_sdk's base_url; None: https://slack.com/api/
    http_host: str = "0.0.0.0"  # HTTP mode must be reachable by Slack (or a proxy)
    http_port: int = 3000
    http_path: str = "/slack/events"
    max_body_bytes: int = 256 * 1024  # slash commands are small; refuse anything bigger
    serve: bool = True  # False: deliver only, no command listener (extra worker processes)
    admin_ids: tuple[str, ...] = ()  # user ids (U…/W…) and user-group ids (S…) that are admins
    admin_cache_seconds: float = 60.0
    commands: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_COMMANDS))
    threaded_digests: bool = False
    unfurl_links: bool = False
    unfurl_media: bool = False
    min_interval: float = 1.0  # seconds between two posts to one channel (Slack: 1 msg/s)
    timeout: int = 30

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
        if not 0 < self.http_port < 65536 and self.http_port != 0:
            raise ConfigError("slack.http_port", f"not a port: {self.http_port}")
        if self.min_interval < 0:
            raise ConfigError("slack.min_interval", "must not be negative")
        return self

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> SlackSettings:
        """Settings with the secrets taken from ``SLACK_BOT_TOKEN``, ``SLACK_APP_TOKEN`` and
        ``SLACK_SIGNING_SECRET`` (explicit ``overrides`` win)."""
        env = os.environ if env is None else env
        base = cls(
            bot_token=env.get("SLACK_BOT_TOKEN") or None,
            app_token=env.get("SLACK_APP_TOKEN") or None,
            signing_secret=env.get("SLACK_SIGNING_SECRET") or None,
        )
        return replace(base, **overrides)

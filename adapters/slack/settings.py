"""The Slack adapter's runtime settings: the ``slack:`` section of bot/config.py (where every
option is set and documented) plus the SLACK_* secrets, as one typed object. Defaults are the
section's, so they cannot drift; nothing here reads the environment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from bot.config import SlackSettings as SlackSection
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
        if not 0 < self.http_port < 65536 and self.http_port != 0:
            raise ConfigError("slack.http_port", f"not a port: {self.http_port}")
        if self.min_interval < 0:
            raise ConfigError("slack.min_interval", "must not be negative")
        return self

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> SlackSettings:
        """The section's defaults with the SLACK_* secrets, read as the core reads every secret
        (``Secrets.from_env``; or from ``env``); explicit ``overrides`` win."""
        from adapters.slack_probe import options
        from bot.config import Secrets, Settings

        secrets = Secrets.from_env() if env is None else Secrets(
            values={key: value for key, value in env.items() if key.startswith("SLACK_") and value})
        return replace(cls(**options(Settings(), secrets)), **overrides)

"""Sign-in providers. The dashboard knows only this protocol; each platform's adapter package
ships a ``dashboard`` module with ``make_provider(settings, secrets)`` that speaks its OAuth
flavour, and is loaded by the name it has under ``dashboard.oauth`` in the configuration."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol

import aiohttp

from bot.config import Secrets, Settings
from bot.delivery import registry as platforms
from bot.errors import ConfigError
from bot.logs import get_log

log = get_log(__name__)


class SignInRefused(Exception):
    """The provider answered, but this person may not use the dashboard (the text says why)."""


@dataclass(frozen=True, slots=True)
class Identity:
    user: str
    name: str
    servers: dict[str, str]  # the guilds or workspaces (id → name) this person administers


class OAuthProvider(Protocol):
    name: str  # the adapter package's name, also the prefix of its destinations
    label: str  # the sign-in button's text

    def authorize_url(self, *, redirect_uri: str, state: str) -> str: ...

    async def identify(self, http: aiohttp.ClientSession, *, code: str,
                       redirect_uri: str) -> Identity:
        """Exchange the code and find out who this is and what they administer. Raises
        ``SignInRefused`` for someone who administers nothing, ``aiohttp.ClientError`` or
        ``ValueError`` when the provider fails or answers nonsense."""
        ...


def load_providers(settings: Settings, secrets: Secrets) -> dict[str, OAuthProvider]:
    providers: dict[str, OAuthProvider] = {}
    for name in settings.dashboard.oauth:
        if not name.isidentifier():
            raise ConfigError(f"dashboard.oauth.{name}", "not a provider name")
        entry = next((entry for entry in platforms.registry()
                      if entry.name == name and entry.dashboard_module), None)
        if entry is None or entry.dashboard_module is None:
            raise ConfigError(f"dashboard.oauth.{name}", "no such sign-in provider")
        module = importlib.import_module(entry.dashboard_module)
        if not callable(getattr(module, "make_provider", None)):
            raise ConfigError(f"dashboard.oauth.{name}", "no such sign-in provider")
        providers[name] = module.make_provider(settings, secrets)
    return providers

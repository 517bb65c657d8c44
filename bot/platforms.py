"""The one door from the core to the adapters: the registry table of the ``adapters`` package,
looked up by name at run time, so no core module names a platform or imports its SDK."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from bot.errors import ConfigError

if TYPE_CHECKING:
    from bot.commands import CommandCore
    from bot.config import Secrets, Settings
    from bot.delivery import Adapter, AdapterSpec


def registry() -> tuple[AdapterSpec, ...]:
    table: tuple[AdapterSpec, ...] = importlib.import_module("adapters").ADAPTERS
    return table


def spec(name: str) -> AdapterSpec:
    for entry in registry():
        if entry.name == name:
            return entry
    raise ConfigError("destinations", f"no adapter named {name!r}")


def names() -> list[str]:
    return [entry.name for entry in registry()]


def wanted(settings: Settings, secrets: Secrets) -> list[str]:
    """Which adapters this configuration needs, in the registry's (stable) order; an adapter
    that is only a fallback (the console) comes in when no other is wanted."""
    refs = {dest.ref.split(":", 1)[0] for dest in settings.destinations}
    answers = [(entry.name, entry.wanted(settings, secrets, refs)) for entry in registry()]
    chosen = [name for name, answer in answers if answer]
    if not chosen:
        chosen = [name for name, answer in answers if answer is None]
    return chosen


def build(name: str, settings: Settings, secrets: Secrets,
          commands: CommandCore | None = None) -> Adapter:
    return spec(name).build(settings, secrets, commands)

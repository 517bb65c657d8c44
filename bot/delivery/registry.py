"""The one door from the core to the adapters: the registry of platforms the bot can post to,
looked up by name at run time, so no core module names a platform or imports its SDK.

The table is the ``adapters`` package's ``ADAPTERS`` plus every ``AdapterSpec`` an installed
distribution declares in the ``newsbrief.adapters`` entry-point group, so a platform can live
outside this repository:

    [project.entry-points."newsbrief.adapters"]
    telegram = "newsbrief_telegram:SPEC"
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any

from bot.delivery.contract import Adapter, AdapterInputs, RendersPayloads, Secret
from bot.errors import ConfigError

ENTRY_POINT_GROUP = "newsbrief.adapters"



@dataclass(frozen=True, slots=True)
class AdapterSpec:
    """One line of the adapter registry: what an adapter package declares about itself."""

    name: str  # the ref prefix of the destinations it serves (``<name>:<address>``)
    # imported only when the adapter is used; has ``build(inputs: AdapterInputs) -> Adapter``
    module: str
    ref_example: str  # for the configuration error: ``<name>:<channel>``
    secrets: tuple[str, ...] = ()  # any of these set: the adapter is wanted without a destination
    # every secret it reads from the environment (kept out of logs and replies with the core's)
    reads_secrets: tuple[str, ...] = ()
    loggers: tuple[str, ...] = ()  # its SDK's chatty loggers, held at WARNING
    bare_ref: bool = False  # ``console`` accepted for ``console:`` (the address is optional)
    # its own section of the configuration file, under ``name``: a ``Section`` model named as
    # ``module:Class`` (imported when configuration is read, so the table itself stays light);
    # the configuration composes it in, validates it once, and the builder gets it as it is
    settings: str | None = None
    # the operator's own switch, given the section: True/False decide, None leaves it to the
    # destinations (None again: wanted only when no other adapter is, the fallback)
    switch: Callable[[Any], bool | None] | None = None
    # ``problems``/``live`` for ``newsbrief check`` and ``options(inputs)``, the adapter's
    # settings as a dict; light: no SDK, so ``check`` stays fast
    probe_module: str | None = None
    render_module: str | None = None  # a RendersPayloads module, for ``brief --format <name>``
    # the web dashboard's preview (``show``, ``STYLESHEET``) and sign-in (``make_provider``)
    dashboard_module: str | None = None
    # registers chat commands with the platform (``run`` with sync on, ``sync-commands``): the
    # module has ``syncs_on_start(inputs)`` and ``sync_from_settings(inputs, guilds)``
    sync_commands: bool = False
    # the shape of a member's direct-messages ref (a regular expression the whole ref matches),
    # when the ref alone says so; the app marks older DMs stored as server channels by it
    dm_ref: str | None = None

    def load(self) -> Any:
        return importlib.import_module(self.module)

    def settings_model(self) -> type[Any] | None:
        if self.settings is None:
            return None
        module, _, name = self.settings.partition(":")
        model: type[Any] = getattr(importlib.import_module(module), name)
        return model

    def probe(self) -> Any:
        return importlib.import_module(self.probe_module) if self.probe_module else None

    def renderer(self) -> RendersPayloads | None:
        if self.render_module is None:
            return None
        module: RendersPayloads = importlib.import_module(self.render_module)
        return module

    def wanted(self, section: Any, secret: Secret, refs: set[str]) -> bool | None:
        """Whether this configuration needs the adapter; None: only if nothing else is."""
        used = self.name in refs or any(secret(key) for key in self.secrets)
        if self.switch is None:
            return used
        switch = self.switch(section)
        return switch if switch is not None else (True if used else None)

    def build(self, inputs: AdapterInputs) -> Adapter:
        adapter: Adapter = self.load().build(inputs)
        return adapter


@functools.cache
def _installed() -> tuple[AdapterSpec, ...]:
    """The specs installed distributions declare (read once: entry points do not change while
    the process runs)."""
    found = []
    for point in entry_points(group=ENTRY_POINT_GROUP):
        entry = point.load()
        if not isinstance(entry, AdapterSpec):
            raise ConfigError(f"entry point {point.name}",
                              f"{point.value} is not an AdapterSpec")
        found.append(entry)
    return tuple(found)


def registry() -> tuple[AdapterSpec, ...]:
    table: tuple[AdapterSpec, ...] = importlib.import_module("adapters").ADAPTERS
    return table + tuple(entry for entry in _installed()
                         if entry.name not in {known.name for known in table})


def spec(name: str) -> AdapterSpec:
    for entry in registry():
        if entry.name == name:
            return entry
    raise ConfigError("destinations", f"no adapter named {name!r}")


def names() -> list[str]:
    return [entry.name for entry in registry()]


def sections() -> dict[str, type[Any]]:
    """Each adapter's settings model, by the name of its configuration section."""
    models = {entry.name: entry.settings_model() for entry in registry()}
    return {name: model for name, model in models.items() if model is not None}


def section(settings: object, name: str) -> Any:
    """The adapter's section of a settings object; its defaults when the object was built
    without it (None when the adapter declares no settings)."""
    value = getattr(settings, name, None)
    model = spec(name).settings_model()
    if model is None or isinstance(value, model):
        return value
    return model()


def wanted(refs: set[str], secret: Secret,
           sections_of: Mapping[str, Any]) -> list[str]:
    """Which adapters a configuration needs (given its destinations' ref prefixes, its secrets
    and each adapter's section), in the registry's (stable) order; an adapter that is only a
    fallback (the console) comes in when no other is wanted."""
    answers = [(entry.name, entry.wanted(sections_of.get(entry.name), secret, refs))
               for entry in registry()]
    chosen = [name for name, answer in answers if answer]
    if not chosen:
        chosen = [name for name, answer in answers if answer is None]
    return chosen


def build(name: str, inputs: AdapterInputs) -> Adapter:
    return spec(name).build(inputs)

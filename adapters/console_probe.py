"""The console adapter's settings section, apart from the adapter: reading the configuration
loads this alone, not the renderers the adapter prints with (a chat command from the CLI prints
its reply itself, issue 26)."""

from __future__ import annotations

from typing import Literal

from bot.delivery.settings import Section


class ConsoleSettings(Section):
    """The ``console:`` section."""

    enabled: bool | None = None  # None: on when no platform is configured
    color: Literal["auto", "always", "never"] = "auto"

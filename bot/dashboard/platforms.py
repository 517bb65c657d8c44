"""How each platform shows a message, for the Preview and Deliveries pages. Any adapter package
whose registry entry names a ``dashboard`` module that has ``show(dest, brief=…, digest=…)``
(and, for its look, a ``STYLESHEET``) is one; found through the registry
(``bot.delivery.registry``), so ``bot`` names none of them."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from bot.delivery import registry as platforms
from bot.logs import get_log

log = get_log(__name__)

Show = Callable[..., tuple[Markup, list[dict[str, Any]]]]


@dataclass(frozen=True, slots=True)
class Platform:
    show: Show
    stylesheet: str = ""


def load_platforms() -> dict[str, Platform]:
    found: dict[str, Platform] = {}
    for entry in sorted(platforms.registry(), key=lambda entry: entry.name):
        if entry.dashboard_module is None:
            continue
        try:
            loaded = importlib.import_module(entry.dashboard_module)
        except ImportError as exc:  # its SDK is not installed: no preview for it
            log.warning("dashboard.platform_unavailable", platform=entry.name, error=exc)
            continue
        show = getattr(loaded, "show", None)
        if callable(show):
            found[entry.name] = Platform(show, str(getattr(loaded, "STYLESHEET", "")))
    return found

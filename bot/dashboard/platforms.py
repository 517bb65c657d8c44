"""How each platform shows a message, for the Preview and Deliveries pages. Any adapter package
with a ``dashboard`` module that has ``show(dest, brief=…, digest=…)`` (and, for its look, a
``STYLESHEET``) is one; the dashboard finds them by looking, so ``bot`` names none of them."""

from __future__ import annotations

import importlib
import importlib.util
import logging
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

log = logging.getLogger(__name__)

Show = Callable[..., tuple[Markup, list[dict[str, Any]]]]


@dataclass(frozen=True, slots=True)
class Platform:
    show: Show
    stylesheet: str = ""


def load_platforms(package: str = "adapters") -> dict[str, Platform]:
    found: dict[str, Platform] = {}
    try:
        root = importlib.import_module(package)
    except ModuleNotFoundError:
        return found
    for module in sorted(pkgutil.iter_modules(root.__path__), key=lambda m: m.name):
        if not module.ispkg:
            continue
        name = f"{package}.{module.name}.dashboard"
        try:
            if importlib.util.find_spec(name) is None:
                continue
            loaded = importlib.import_module(name)
        except ImportError as exc:  # its SDK is not installed: no preview for it
            log.warning("dashboard.platform_unavailable platform=%s error=%s", module.name, exc)
            continue
        show = getattr(loaded, "show", None)
        if callable(show):
            found[module.name] = Platform(show, str(getattr(loaded, "STYLESHEET", "")))
    return found

"""The layout form of a destination's page: its template (a preset or custom), the presets and
placeholders to choose from, and the sample brief drawn as this destination's platform and as
plain text would show it in that layout."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bot.dashboard.pages import show_message
from bot.dashboard.server import Dashboard
from bot.delivery import template
from bot.models import sample_brief
from bot.store.destinations import DestinationRow


def layout_form(dash: Dashboard, row: DestinationRow, typed: str | None = None,
                problem: str | None = None) -> dict[str, Any]:
    """The form's context: ``typed`` is shown (and previewed when it parses) instead of the
    stored layout; ``problem`` is the one-line reason it was refused."""
    shown = typed if typed is not None else template.stored_layout(row.template).source
    previewed = row.template if problem is not None else (typed or row.template)
    dest = replace(row.destination, template=previewed)
    return {
        "layout_value": shown, "layout_error": problem,
        "layout_presets": [(name, about) for name, (_, _, about) in template.PRESETS.items()],
        "layout_placeholders": template.SCALARS,
        "layout_views": show_message(dash, dest, brief=sample_brief(),
                                     platforms=[dest.platform]),
    }

"""A small article and a faithful model answer for it, shared by the LLM tests."""

from __future__ import annotations

from typing import Any

from bot.models import Article

ARTICLE = Article(
    title="City council approves new bicycle lanes downtown",
    text=(
        "The city council voted 7 to 2 on Tuesday to build twelve kilometres of protected "
        "bicycle lanes downtown. The lanes will cost 4 million dollars and construction starts "
        "in April. Council member Jane Park said the lanes would make cycling safer for "
        "commuters. Local shop owners worried that parking spaces would disappear along Main "
        "Street. The transport department expects the work to finish by the end of next year."
    ),
    url="https://example.org/bike-lanes",
    categories=("Local News",),
)
GOOD: dict[str, Any] = {
    "headline": "Downtown gets protected bike lanes",
    "points": [
        {"label": "Council backs bike lanes", "text": "The city council approved twelve "
         "kilometres of protected bicycle lanes downtown by 7 votes to 2 on Tuesday.",
         "sources": [1]},
        {"label": "Four million dollars", "text": "The lanes will cost 4 million dollars, "
         "with work starting in April and due to finish by the end of next year.",
         "sources": [2, 5]},
        {"label": "Safety against parking", "text": "Council member Jane Park says the lanes "
         "make cycling safer, while shop owners fear losing parking on Main Street.",
         "sources": [3, 4]},
    ],
    "tags": ["Cycling", "transport"],
}

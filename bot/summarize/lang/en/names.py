"""English names of one place that share no letters: what the grounding check
(``bot.summarize.grounding``) takes for the same name."""

from __future__ import annotations

# English words for one place that share no letters ("Americans" in a point, "U.S." cited).
ALIASES: dict[str, tuple[str, ...]] = {
    "american": ("us", "usa", "america"), "americans": ("us", "usa", "america", "american"),
    "america": ("us", "usa", "american"), "us": ("american", "america", "americans"),
    "british": ("uk", "britain"), "britain": ("uk", "british"), "uk": ("britain", "british"),
}

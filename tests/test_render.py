"""Platform-neutral rendering (the console and `newsbrief brief`): labels on all points or none,
and never an empty headline."""

from __future__ import annotations

import io

from adapters.console import ConsoleAdapter
from bot.delivery import Destination, Outgoing
from bot.delivery.render import brief_text, headline_of, labels_of
from bot.models import Brief, Point


def brief(headline: str = "H", labels: tuple[str | None, ...] = ("A", None)) -> Brief:
    return Brief(headline=headline, points=[Point(f"Point {i}.", label)
                                            for i, label in enumerate(labels)],
                 tags=[], url="https://n.example/1", lang="en", source="Example News")


def test_mixed_labels_render_as_bullets_only() -> None:
    assert labels_of(brief()) == [None, None]
    assert brief_text(brief()).split("\n")[2:4] == ["• Point 0.", "• Point 1."]
    assert labels_of(brief(labels=("A", "B"))) == ["A", "B"]
    assert brief_text(brief(labels=("A", "B")), markdown=True).split("\n")[2:4] == [
        "• **A**: Point 0.", "• **B**: Point 1."]


def test_headline_fallbacks() -> None:
    assert headline_of(brief(" ", labels=("Key phrase", "B"))) == "Key phrase"
    assert headline_of(brief("", labels=(None,))) == "Example News"
    untitled = Brief(headline="", points=[Point("Only text here.")], tags=[], url=None,
                     lang="en")
    assert headline_of(untitled) == "Only text here."


async def test_console_prints_the_fallback_headline() -> None:
    out = io.StringIO()
    await ConsoleAdapter(stream=out, color="never").deliver(
        Destination("console:"), Outgoing(key="k", brief=brief("", labels=("Key phrase", "B"))))
    assert out.getvalue().startswith("Key phrase\n")

"""Markup a feed left in its text, which no point may carry (issue 28, stop 48's feed read)."""

from __future__ import annotations

import re

# A Markdown link, broken or whole ("… available over on [Sharecuts.app]()https://sharecuts.app)
# which …", rf704's point 2): the verbatim rule allows no cut inside a sentence, so the span is
# no point.
MARKDOWN_LINK = re.compile(r"\]\((?:\)|https?://|www\.)")


def markdown_link(sentence: str) -> bool:
    """Whether ``sentence`` holds a Markdown link's markup (MARKDOWN_LINK)."""
    return "](" in sentence and MARKDOWN_LINK.search(sentence) is not None

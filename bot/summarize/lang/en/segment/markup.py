"""Markup a feed left broken in its text, which no point may carry (issue 28, stop 48's feed
read)."""

from __future__ import annotations

import re

# A Markdown link the feed broke: an empty target, or an address glued after the bracket
# ("… available over on [Sharecuts.app]()https://sharecuts.app) which …", rf704's point 2).
# The verbatim rule allows no cut inside a sentence, so the span is no point. A whole link
# ("I made [Feedbin Reader](https://…), a self-hosted RSS reader") still says something, and
# may be an item's only sentence (review of wt-rf48, finding 9).
MARKDOWN_LINK = re.compile(r"\]\(\)|\)(?:https?://|www\.)")


def markdown_link(sentence: str) -> bool:
    """Whether ``sentence`` holds a broken Markdown link's markup (MARKDOWN_LINK)."""
    return ")" in sentence and MARKDOWN_LINK.search(sentence) is not None

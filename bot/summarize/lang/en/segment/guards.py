"""Cheap tests every match of a costly not-prose pattern passes: ``FirstKind`` tries the pattern
only where its guard holds (stop 47: callgrind over the first 300 BBC articles' sentences)."""

from __future__ import annotations


def may_list(span: str) -> bool:
    """Whether the list pattern may match ``span``: its names are joined by three separators
    or more (", ", "; ", " and "), never overlapping, which a count finds."""
    return span.count(", ") + span.count("; ") + span.count(" and ") >= 3


def may_show_picture(span: str) -> bool:
    """Whether the picture-caption pattern may match ``span``: its word for a picture is
    written in it ("Image of pirates …", "Footage from …", "Stills of …")."""
    return "mage" in span or "hoto" in span or "icture" in span or "ootage" in span \
        or "till" in span


def may_be_byline(span: str) -> bool:
    """Whether the byline pattern may match ``span``: each of its forms opens on "By",
    "Published", "Updated", "Last updated", "|", "Posted by" or "Written by" (either case),
    ends on the scrape's " ." (before a line's break, as "$" allows) or holds a clock's ":"."""
    return span[:1] in "BPULW|pw" or ":" in span or span.endswith((" .", " .\n"))

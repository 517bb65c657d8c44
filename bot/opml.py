"""OPML import and export. Real OPML files are often not well-formed XML, so reading is lenient."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, ParseError, SubElement, tostring

from defusedxml.ElementTree import fromstring


@dataclass(slots=True)
class OpmlFeed:
    url: str
    title: str | None = None
    tags: list[str] = field(default_factory=list)


_OUTLINE = re.compile(r"<outline\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r'(\w+)\s*=\s*("([^"]*)"|\'([^\']*)\')')


def _from_tree(root: Element) -> list[OpmlFeed]:
    found: list[OpmlFeed] = []

    def walk(node: Element, folders: list[str]) -> None:
        for child in node:
            if child.tag.lower() != "outline":
                walk(child, folders)
                continue
            url = child.get("xmlUrl") or child.get("xmlurl")
            title = child.get("title") or child.get("text")
            if url:
                found.append(OpmlFeed(url.strip(), title, [f for f in folders if f]))
            else:
                walk(child, [*folders, (title or "").strip()])

    walk(root, [])
    return found


def _lenient(text: str) -> list[OpmlFeed]:
    """Attribute scan for OPML that an XML parser refuses (stray '&', unclosed tags)."""
    found = []
    for tag in _OUTLINE.findall(text):
        attrs = {m.group(1).lower(): html.unescape(m.group(3) or m.group(4) or "")
                 for m in _ATTR.finditer(tag)}
        if attrs.get("xmlurl"):
            found.append(OpmlFeed(attrs["xmlurl"].strip(), attrs.get("title") or attrs.get("text")))
    return found


def read_opml(data: bytes) -> list[OpmlFeed]:
    try:
        feeds = _from_tree(fromstring(data))
    except (ParseError, ValueError):
        feeds = _lenient(data.decode("utf-8", errors="replace"))
    unique: dict[str, OpmlFeed] = {}
    for feed in feeds:
        if re.match(r"^https?://", feed.url):
            unique.setdefault(feed.url, feed)
    return list(unique.values())


def write_opml(feeds: list[OpmlFeed], title: str = "newsbrief feeds") -> str:
    root = Element("opml", version="2.0")
    head = SubElement(root, "head")
    SubElement(head, "title").text = title
    body = SubElement(root, "body")
    for feed in feeds:
        attrs = {"type": "rss", "text": feed.title or feed.url, "xmlUrl": feed.url}
        if feed.title:
            attrs["title"] = feed.title
        if feed.tags:
            attrs["category"] = ",".join(feed.tags)
        SubElement(body, "outline", attrs)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="unicode") + "\n"

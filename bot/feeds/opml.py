"""OPML import and export. Real OPML files are often not well-formed XML, so reading is lenient:
listparser drives lxml's recovering parser event by event (linear time, no recursion, no
network: it is only ever handed bytes), and reads ``category`` attributes and folders as tags,
which is what ``write_opml`` writes, so an export imports back with its tags."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from xml.etree.ElementTree import Element, SubElement, tostring

from bot.errors import NewsbriefError
from bot.feeds import rules
from bot.netguard import credentials_in
from bot.store import feeds as feed_store
from bot.store.db import Database

MAX_BYTES = 10_000_000  # a list of thousands of feeds is a few hundred kB
MAX_FEEDS = 10_000  # more than any reader's list; each one is polled for ever
MAX_URL = rules.MAX_URL
MAX_TAGS = rules.MAX_TAGS
SPREAD_EVERY = 0.5  # seconds between first polls of an import: 10,000 feeds over 83 minutes
_FEED_OUTLINE = re.compile(rb"xmlurl\s*=", re.IGNORECASE)  # counts feeds not read (past a cap)
_CHUNK = 1 << 20


def beyond_size(max_bytes: int = MAX_BYTES) -> str:
    return f"beyond the first {max_bytes // 1_000_000} MB one import reads (split the file)"


def beyond_count(max_feeds: int = MAX_FEEDS) -> str:
    return f"beyond the {max_feeds:,} feeds one import takes (split the file)"


class OpmlError(NewsbriefError):
    """The file as a whole cannot be imported (too big, too many feeds, not OPML)."""


@dataclass(slots=True)
class OpmlFeed:
    url: str
    title: str | None = None
    tags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class OpmlRead:
    feeds: list[OpmlFeed]
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> how many outlines


def _tags(raw: list[str]) -> list[str]:
    return rules.normalise_tags(raw)[:MAX_TAGS]  # a folder path is cut, not refused


def count_feed_outlines(data: bytes) -> int:
    """Outlines with a feed URL (``xmlUrl=``) in ``data``, without parsing it."""
    return sum(1 for _ in _FEED_OUTLINE.finditer(data))


def _within(data: bytes, max_bytes: int) -> tuple[bytes, int]:
    """``data`` cut to ``max_bytes`` after its last whole tag, and how many feed outlines lie
    beyond the cut (skipped, not refused: the recovering parser reads the part kept)."""
    if len(data) <= max_bytes:
        return data, 0
    cut = data.rfind(b">", 0, max_bytes) + 1
    return data[:cut], count_feed_outlines(data[cut:])


def parse_opml(data: bytes, *, max_bytes: int = MAX_BYTES,
               max_feeds: int = MAX_FEEDS) -> OpmlRead:
    """The usable feeds of an OPML document, and why each other outline with a feed URL was
    skipped. A file over the caps (``max_bytes``, ``max_feeds``) is read up to them and the
    rest counted as skipped, naming the cap. Raises OpmlError when it holds no outline."""
    data, beyond = _within(data, max_bytes)
    # Imported here, not with the module: listparser brings requests and urllib3 (~0.1 s of
    # CPU) into every CLI command and chat command, and only an OPML import reads one.
    import listparser

    parsed = listparser.parse(bytes(data))  # bytes: a str that looks like a URL is fetched
    entries = list(parsed.get("feeds") or [])
    if not entries and b"<outline" not in data.lower():
        raise OpmlError("no <outline> elements: this is not an OPML subscription list")
    read = OpmlRead(feeds=[])
    if beyond:
        read.skipped[beyond_size(max_bytes)] += beyond
    if len(entries) > max_feeds:
        read.skipped[beyond_count(max_feeds)] += len(entries) - max_feeds
        entries = entries[:max_feeds]
    if parsed.get("lists"):
        read.skipped["a link to another OPML list, not a feed"] += len(parsed["lists"])
    if parsed.get("opportunities"):
        read.skipped["no feed URL (xmlUrl), only a web page"] += len(parsed["opportunities"])
    for entry in entries:
        url = str(entry.get("url") or "").strip()
        if not url.lower().startswith(("http://", "https://")):
            read.skipped["not an http(s) URL"] += 1
        elif len(url) > MAX_URL:
            read.skipped[f"URL over {MAX_URL} characters"] += 1
        elif credentials_in(url):
            read.skipped["URL carries user:password@ credentials"] += 1
        else:  # listparser merges an URL listed twice (and its categories) into one entry
            title = str(entry.get("title") or "").strip()[:300] or None
            # categories are paths: a "Tech/AI" folder or category="Tech/AI" tags tech and ai
            paths = entry.get("categories") or []
            read.feeds.append(OpmlFeed(url, title, _tags([p for path in paths for p in path])))
    return read


def read_opml(data: bytes) -> list[OpmlFeed]:
    return parse_opml(data).feeds


@dataclass(slots=True)
class OpmlFile:
    data: bytes  # at most the cap, cut after a whole tag
    beyond: int = 0  # feed outlines past the cap, counted, not read


def read_opml_file(path: Path, *, max_bytes: int = MAX_BYTES) -> OpmlFile:
    """The file's bytes up to the cap, and how many feed outlines lie beyond it (the rest is
    streamed through, never held), with one-line errors."""
    try:
        with path.open("rb") as handle:
            first = handle.read(max_bytes + 1)
            data, beyond = _within(first, max_bytes)
            tail = first[-16:]
            while chunk := handle.read(_CHUNK):
                # a match may straddle two chunks: carry the last few bytes over
                beyond += count_feed_outlines(tail + chunk) - count_feed_outlines(tail)
                tail = chunk[-16:]
    except FileNotFoundError:
        raise OpmlError(f"{path}: no such file") from None
    except OSError as exc:
        raise OpmlError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return OpmlFile(data, beyond)


@dataclass(slots=True)
class ImportSummary:
    added: int = 0
    present: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)  # "url: why", feeds refused one by one

    def lines(self) -> list[str]:
        out = [f"imported {self.added} new feeds ({self.present} already present)"]
        out += [f"skipped {n}: {why}" for why, n in sorted(self.skipped.items())]
        return out + self.problems


IMPORT_BATCH = 500  # feeds per transaction of an import


async def import_opml(db: Database, data: bytes, *, now: datetime,
                      progress: Callable[[int, int], None] | None = None,
                      spread: float = SPREAD_EVERY,
                      refuse: Callable[[str], str | None] | None = None) -> ImportSummary:
    """Add every usable feed of ``data``. First polls are spread ``spread`` seconds apart, so a
    big import does not fall due all at once. A feed already present keeps its settings.
    ``refuse``: why a URL may not be added (counted as skipped), or None."""
    read = parse_opml(data)
    if refuse is not None:
        kept = []
        for feed in read.feeds:
            reason = refuse(feed.url)
            if reason:
                read.skipped[reason] += 1
            else:
                kept.append(feed)
        read.feeds = kept
    summary = ImportSummary(skipped=read.skipped)
    total = len(read.feeds)
    # Batches of IMPORT_BATCH feeds, one statement and one transaction each: a commit per feed
    # cost 2.2 ms each, and one transaction for 10,000 feeds would hold SQLite's write lock.
    for start in range(0, total, IMPORT_BATCH):
        batch = read.feeds[start:start + IMPORT_BATCH]
        async with db.begin() as conn:
            created = await feed_store.add_feeds(
                conn, [(f.url, f.title, list(f.tags)) for f in batch], now=now, spread=spread,
                already=summary.added)
        summary.added += created
        summary.present += len(batch) - created
        if progress is not None:
            progress(min(start + len(batch), total), total)
    return summary


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
            # OPML 2.0: comma-separated categories; a "/" would start a hierarchy, so none.
            attrs["category"] = ",".join(t.replace(",", " ").replace("/", "-")
                                         for t in feed.tags)
        SubElement(body, "outline", attrs)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="unicode") + "\n"

"""Parse-stage cost per feed against feedparser.parse of the same bodies, in the same process.

    python -m bench.parse [--data ../shared/data/feeds/real-world] [--rounds 5]

For every real-world capture that parses, these figures (CPU ms per feed, best of --rounds):
  lxml         lxml.etree.fromstring(body): the floor (issue 26); a JSON body: json.loads
  feedparser   feedparser.parse(body) alone: the floor issue 15 measures against
  cold         bot.feeds.parse.parse_feed(body): a first poll, every entry cleaned
  changed      prepare_feed(body).finish(unchanged=...) with all entries but one already
               stored unchanged: a changed feed as the poller sees it (one new entry)
how many feeds took the fast lxml reader, and why each other XML body was left to feedparser
(bot.feeds.fastfeed.refusal, counted by reason). Nothing here is asserted; tests never time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import feedparser
from lxml import etree

from bench.shared_data import SHARED_DATA
from bot.errors import ParseError
from bot.feeds.fastfeed import refusal
from bot.feeds.jsonfeed import looks_like_json_feed
from bot.feeds.parse import parse_feed, prepare_feed

URL = "https://feeds.example/feed.xml"


def _bodies(root: Path) -> list[bytes]:
    bodies = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        body = path.read_bytes()
        try:
            if parse_feed(body, url=URL).items:
                bodies.append(body)
        except ParseError:
            continue
    return bodies


def _cpu_ms(work: Callable[[bytes], object], bodies: list[bytes], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for body in bodies:
            work(body)
        best = min(best, time.process_time() - start)
    return best / len(bodies) * 1000


_LXML = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)


def _floor(body: bytes) -> object:
    """What reading the body's structure alone costs (gzip bodies inflated first)."""
    if body[:2] == b"\x1f\x8b":
        body = gzip.decompress(body)
    if body.lstrip()[:1] in (b"{", b"["):
        return json.loads(body)
    return etree.fromstring(body, _LXML)


def _refusals(bodies: list[bytes]) -> Counter[str]:
    """Why each XML body is left to feedparser, by reason ("" for a body the fast reader reads);
    JSON Feeds have their own reader. Read as parse_feed reads them: gzip inflated, no header."""
    reasons: Counter[str] = Counter()
    for body in bodies:
        if body[:2] == b"\x1f\x8b":
            body = gzip.decompress(body)
        if not looks_like_json_feed(body, None):
            reasons[refusal(body, URL, None) or ""] += 1
    return reasons


def _changed(body: bytes) -> object:
    prepared = prepare_feed(body, url=URL)
    new = prepared.keys[0]
    return prepared.finish(lambda key, raw_hash, legacy: key != new)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = SHARED_DATA / "feeds" / "real-world"
    parser.add_argument("--data", type=Path, default=default)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    bodies = _bodies(args.data)
    reasons = _refusals(bodies)
    fast = reasons.pop("", 0)
    lxml = _cpu_ms(_floor, bodies, args.rounds)
    floor = _cpu_ms(lambda b: feedparser.parse(b, response_headers={"content-location": URL}),
                    bodies, args.rounds)
    cold = _cpu_ms(lambda b: parse_feed(b, url=URL), bodies, args.rounds)
    changed = _cpu_ms(_changed, bodies, args.rounds)
    print(f"{len(bodies)} real feeds from {args.data}: {fast} read by the fast lxml path, "
          f"{len(bodies) - fast - reasons.total()} JSON Feeds, {reasons.total()} by feedparser; "
          "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())
          + f" on {os.cpu_count()} CPUs (figures need a quiet machine)")
    print(f"{'':12}{'ms/feed':>10}{'x lxml':>10}{'x feedparser':>14}")
    for name, value in (("lxml", lxml), ("feedparser", floor), ("cold", cold),
                        ("changed", changed)):
        print(f"{name:12}{value:10.2f}{value / lxml:10.1f}{value / floor:14.2f}")
    print("left to feedparser, by reason:")
    for reason, count in reasons.most_common():
        print(f"{count:6}  {reason}")


if __name__ == "__main__":
    main()

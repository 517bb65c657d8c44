"""The Korean news dev set: every item of the Korean national-news feed snapshots in
../shared/data/feeds/real-world-ko, read as the bot reads a feed (``parse_feed``, which cleans
the HTML body the way the poller and ``newsbrief brief`` do), as ``Article``s ready to brief.

A fixed half, chosen by a hash of each item's link (so a new snapshot never moves an old item),
is held out for reading only: the fit (bench/fit_selection.py) never sees it.

    .venv/bin/python -m bench.ko_news                      # counts per half
    .venv/bin/python -m bench.ko_news --blind OUT_DIR      # held-out articles, ours and Lead-3
                                                           # as blind_read.py input files

The data is read from ../shared at run time and never copied into the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.shared_data import SHARED_DATA
from bot.feeds.parse import parse_feed
from bot.models import Article
from bot.summarize import ExtractiveSummarizer, split_sentences

KO_FEEDS = SHARED_DATA / "feeds" / "real-world-ko"


def held_out(link: str) -> bool:
    """Whether an item is in the reading half: the parity of the first byte of its link's
    SHA-256 (stable across runs, machines and Python's hash seed)."""
    return hashlib.sha256(link.encode("utf-8")).digest()[0] % 2 == 1


def articles(root: Path = KO_FEEDS) -> Iterator[Article]:
    """Each item of each snapshot once (the first snapshot holding its link wins), with a body,
    as the feed path hands it to the summarizer."""
    seen: set[str] = set()
    for path in sorted(root.glob("*.xml")):
        feed = parse_feed(path.read_bytes(), url=path.resolve().as_uri())
        for item in feed.items:
            key = item.link or item.title
            if key in seen or not (item.text or "").strip():
                continue
            seen.add(key)
            yield Article(title=item.title, text=item.text, url=item.link,
                          lang=item.lang or feed.lang or "ko", source=feed.title or None,
                          categories=item.categories)


def split(root: Path = KO_FEEDS) -> tuple[list[Article], list[Article]]:
    """(fit half, held-out half)."""
    fit, hold = [], []
    for art in articles(root):
        (hold if held_out(art.url or art.title) else fit).append(art)
    return fit, hold


def write_blind(out: Path, n: int = 12) -> None:
    """The first ``n`` held-out articles (by link) as blind_read.py's ARTICLES file, our briefs
    as OURS and Lead-3 (our splitter's first three prose sentences) as OTHER."""
    _, hold = split()
    hold = sorted(hold, key=lambda a: hashlib.sha256((a.url or "").encode()).hexdigest())[:n]
    summ = ExtractiveSummarizer()
    out.mkdir(parents=True, exist_ok=True)
    with (out / "articles.jsonl").open("w", encoding="utf-8") as fa, \
            (out / "ours.jsonl").open("w", encoding="utf-8") as fo, \
            (out / "lead3.jsonl").open("w", encoding="utf-8") as fl:
        for k, art in enumerate(hold):
            key = f"ko-{k:02d}"
            fa.write(json.dumps({"id": key, "title": art.title, "text": art.text,
                                 "url": art.url}, ensure_ascii=False) + "\n")
            brief = summ.brief(art)
            fo.write(json.dumps({"id": key, "points": [p.text for p in brief.points],
                                 "labels": [p.label for p in brief.points],
                                 "tags": brief.tags}, ensure_ascii=False) + "\n")
            lead = split_sentences(art.text, "ko")[:3]
            fl.write(json.dumps({"id": key, "points": lead}, ensure_ascii=False) + "\n")
    print(f"wrote {len(hold)} articles to {out}/articles.jsonl, ours.jsonl, lead3.jsonl")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--blind", type=Path, help="write blind_read.py input files here")
    ap.add_argument("--n", type=int, default=12)
    args = ap.parse_args(argv)
    if not KO_FEEDS.is_dir():
        print(f"ko_news: no Korean feed snapshots under {KO_FEEDS}, skipped")
        return 0
    fit, hold = split()
    print(f"Korean news: {len(fit)} fit, {len(hold)} held out")
    if args.blind:
        write_blind(args.blind, args.n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

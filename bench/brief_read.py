"""A reading check of English briefs on the real-world feeds in ../shared/data: every item of
every capture is parsed as the bot parses it, summarized by the ExtractiveSummarizer, and each
point is checked for what a careful editor would not publish.

    python -m bench.brief_read            # the counts
    python -m bench.brief_read --show 40  # and 40 briefs to read, with every flagged point

(a) points that are neither a source sentence nor a marked prefix of one (must be 0),
(b) points ending in ":" or ";", (c) points opening with a pronoun, demonstrative or connective
whose antecedent (the sentence right before; the headline for the first) is not the point
before it, (d) glued digits or
footnote marks after a sentence end, (e) label coverage: briefs labelled on all points / none.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from bench.shared_data import SHARED_DATA
from bot.feeds.parse import ParseError, parse_feed
from bot.models import Article
from bot.summarize.extractive import ExtractiveSummarizer, refers_back
from bot.summarize.text import detect_language, split_sentences
from bot.summarize.trim import shown as shown_point

REAL_FEEDS = SHARED_DATA / "feeds" / "real-world"

# A footnote mark after a sentence end ("⌃⌥⌘P.1."; version numbers have a digit before the
# period), or two sentences glued at a period ("in Greece.Exact location").
_GLUED = re.compile(
    r"(?<![\w.])[^\W\d_]+[.!?][\"”’)]*\d{1,2}(?:[.!?]?$|\s+[A-Z])|[a-z]{3,}[.!?][A-Z][a-z]+,? \S"
)
_MARK = "…"


def _faithful(point: str, source: list[str]) -> bool:
    if point in source:
        return True
    if point.endswith(_MARK):
        head = point[: -len(_MARK)].rstrip()
        return any(s.startswith(head) for s in source)
    return False


def _articles(root: Path) -> list[tuple[str, Article]]:
    out = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.suffix in (".opml", ".gz"):
            continue
        try:
            feed = parse_feed(path.read_bytes(), url=path.resolve().as_uri())
        except ParseError:
            continue
        except Exception as exc:  # the check reports a crash, it does not stop on one
            print(f"parse crashed: {path.name}: {exc!r}", file=sys.stderr)
            continue
        for item in feed.items:
            out.append((path.name, Article(
                title=item.title, text=item.text, url=item.link,
                lang=item.lang or feed.lang, categories=item.categories)))
    return out


def read_counts(root: Path = REAL_FEEDS, show: int = 0) -> dict[str, int]:
    """The reading-check counts over every English item under ``root``; prints ``show`` briefs
    to read (and every flagged one once any are shown)."""
    summ = ExtractiveSummarizer()
    counts = dict.fromkeys(("briefs", "points", "unfaithful", "colon", "back", "glued",
                            "all_labels", "no_labels", "mixed"), 0)
    shown = 0
    for name, art in _articles(root):
        lang = (art.lang or detect_language(f"{art.title}\n{art.text}")).split("-")[0].lower()
        if lang != "en" or not (art.text or "").strip():
            continue
        brief = summ.brief(art)
        if not brief.points:
            continue
        # A point shows its sentence as ``shown`` does (the scrape's spaced stop closed).
        source = [shown_point(s, "en") for s in split_sentences(art.text, "en")]
        counts["briefs"] += 1
        flags: list[str] = []
        prev_idx = -2
        for p in brief.points:
            counts["points"] += 1
            text = p.text
            idx = next((i for i, s in enumerate(source)
                        if s == text or (text.endswith(_MARK)
                                         and s.startswith(text[:-1].rstrip()))), -1)
            if not _faithful(text, source):
                counts["unfaithful"] += 1
                flags.append(f"UNFAITHFUL: {text}")
            if text.rstrip().endswith((":", ";")):
                counts["colon"] += 1
                flags.append(f"COLON: {text}")
            # The first sentence leans on the headline, which the brief shows above it.
            if idx != 0 and refers_back(text, "en") and prev_idx != idx - 1:
                counts["back"] += 1
                flags.append(f"REFERS BACK: {text}")
            if _GLUED.search(text):
                counts["glued"] += 1
                flags.append(f"GLUED: {text}")
            prev_idx = idx
        labelled = sum(1 for p in brief.points if p.label)
        if labelled == len(brief.points):
            counts["all_labels"] += 1
        elif labelled == 0:
            counts["no_labels"] += 1
        else:
            counts["mixed"] += 1
            flags.append("MIXED LABELS")
        if shown < show or (flags and show):
            shown += 1
            print(f"## {name}: {brief.headline}")
            for p in brief.points:
                print(f"  - {p.label + ': ' if p.label else ''}{p.text}")
            for f in flags:
                print(f"  !! {f}")
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", type=int, default=0, help="print this many briefs to read")
    ap.add_argument("--root", type=Path, default=REAL_FEEDS)
    args = ap.parse_args(argv)
    if not args.root.is_dir():
        raise SystemExit(f"brief_read: no real-world feeds under {args.root}")
    counts = read_counts(args.root, args.show)
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    return 1 if counts["unfaithful"] or counts["mixed"] else 0


if __name__ == "__main__":
    sys.exit(main())

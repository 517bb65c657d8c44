"""How good are the brief's tags? Three checks from issue 28, on the dev data in ../shared.

Usage: .venv/bin/python -m bench.tag_eval [--show N] [--json]

- **Salient** (English, CNN/Daily Mail sample, briefed with no headline, as the held-out set
  is): the share of our tags whose every word is in the story's human highlights. Printed
  beside a trivial baseline, the five most frequent capitalised words of the story.
- **Near-duplicate pairs**: two tags of one brief that share a word, singular or plural
  (``#van-de-ven`` beside ``#yves-van-de-ven``, ``#republican`` beside ``#republicans``),
  counted on every set.
- **Korean nouns only**: the share of our Korean tags (feed categories left out: they are the
  feed's) whose every morpheme Kiwi reads as a noun, a name, a number or a foreign word; on
  the Korean science dev set and the three Korean national-news feed snapshots, briefed
  through the feed path.

``--show N`` prints N briefs' tags and labels per set for reading. ``--json`` prints only the
numbers; ``--write-baseline`` stores them in ``tests/data/tag_baseline.json``, which
``tests/test_tags_quality.py`` holds the summarizer to (update it on purpose, in its own commit,
saying why).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.shared_data import SHARED_DATA
from bot.feeds.parse import parse_feed
from bot.models import Article, Brief
from bot.summarize import ExtractiveSummarizer, korean
from bot.tags import normalise_tag

REPO = Path(__file__).resolve().parent.parent
SHARED = SHARED_DATA
BASELINE = REPO / "tests" / "data" / "tag_baseline.json"
CNNDM = SHARED / "summaries" / "cnndm_train_sample.jsonl"
WIRE = SHARED / "articles" / "wire_dev.jsonl"
KO_SCI = SHARED / "summaries" / "ko_sci_news_dev.jsonl"
KO_FEEDS = SHARED / "feeds" / "real-world-ko"

_WORD = re.compile(r"[^\W_]+")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
# Words two tags may share without being one thing ("new-york", "new-zealand").
_SHARED_OK = frozenset("of the and de la le van von new united north south east west st".split())
# Kiwi's tags for nouns, names, numbers, foreign words and noun affixes.
_NOUNISH = frozenset({"NNG", "NNP", "NNB", "NR", "SL", "SH", "SN", "XPN", "XSN", "W_SERIAL"})


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def near_duplicate_pairs(tags: list[str]) -> int:
    """Pairs of tags that share a word (singular and plural alike), or are one canonical tag."""
    words = [{_stem(w) for w in t.split("-") if w not in _SHARED_OK} for t in tags]
    joined = [t.replace("-", "") for t in tags]
    n = 0
    for i in range(len(tags)):
        for j in range(i + 1, len(tags)):
            if words[i] & words[j] or joined[i] == joined[j]:
                n += 1
            elif joined[i] in joined[j] or joined[j] in joined[i]:
                n += 1  # "미국" beside "미국-에너지부", "trump" beside "trumpcare"
    return n


def salient(tag: str, highlight_words: set[str]) -> bool:
    return all(w in highlight_words for w in tag.split("-"))


def capitalised_baseline(text: str, limit: int = 5) -> list[str]:
    """The trivial baseline: the most frequent capitalised words of the story."""
    counts = Counter(w.lower() for w in _CAPITALISED.findall(text))
    return [w for w, _ in counts.most_common(limit)]


def _our_tags(brief: Brief, categories: tuple[str, ...] = ()) -> list[str]:
    feed = {normalise_tag(c) for c in categories}
    return [t for t in brief.tags if t not in feed]


def english_salience(summarizer: ExtractiveSummarizer, show: int) -> dict[str, float]:
    ours = base = n_ours = n_base = dups = dup_briefs = briefs = 0
    for k, row in enumerate(_rows(CNNDM)):
        brief = summarizer.brief(Article(title="", text=row["text"], lang="en"))
        highlights = {w.lower() for w in _WORD.findall(" ".join(row["summary_bullets"]))}
        tags = _our_tags(brief)
        ours += sum(salient(t, highlights) for t in tags)
        n_ours += len(tags)
        baseline = capitalised_baseline(row["text"])
        base += sum(salient(t, highlights) for t in baseline)
        n_base += len(baseline)
        pairs = near_duplicate_pairs(tags)
        dups += pairs
        dup_briefs += pairs > 0
        briefs += 1
        if k < show:
            print(f"  {' '.join('#' + t for t in tags) or '(none)'}  | baseline "
                  f"{' '.join(baseline)}")
    return {
        "cnndm_briefs": briefs,
        "cnndm_tags": n_ours,
        "cnndm_salient": round(ours / max(n_ours, 1), 4),
        "cnndm_baseline_salient": round(base / max(n_base, 1), 4),
        "cnndm_near_duplicate_pairs": dups,
        "cnndm_briefs_with_near_duplicates": dup_briefs,
    }


def _show(brief: Brief, tags: list[str]) -> None:
    print(f"- {brief.headline[:90]}")
    for p in brief.points:
        print(f"    [{p.label or ''}] {p.text[:110]}")
    print(f"    tags: {' '.join('#' + t for t in tags) or '(none)'}")


def wire(summarizer: ExtractiveSummarizer, show: int) -> dict[str, float]:
    n_tags = dups = labelled = briefs = 0
    for k, row in enumerate(_rows(WIRE)):
        brief = summarizer.brief(Article(title=row["title"], text=row["text"], lang="en"))
        tags = _our_tags(brief)
        n_tags += len(tags)
        dups += near_duplicate_pairs(tags)
        labelled += any(p.label for p in brief.points)
        briefs += 1
        if k < show:
            _show(brief, tags)
    return {"wire_briefs": briefs, "wire_tags": n_tags, "wire_near_duplicate_pairs": dups,
            "wire_labelled_briefs": labelled}


def korean_nouns_only(tag: str) -> bool:
    text = tag.replace("-", " ")
    return all(m[1] in _NOUNISH for m in korean.morphs(text))


def _korean_articles() -> Iterator[tuple[str, Article]]:
    for row in _rows(KO_SCI):
        text = row["text"] if isinstance(row["text"], str) else "\n".join(row["sentences"])
        yield "ko_sci", Article(title="", text=text, lang="ko")
    for path in sorted(KO_FEEDS.glob("*.xml")):
        feed = parse_feed(path.read_bytes(), url=path.as_uri())
        for item in feed.items:
            yield "ko_feed", Article(title=item.title, text=item.text, url=item.link,
                                     lang=item.lang or feed.lang,
                                     categories=item.categories)


def korean_tags(summarizer: ExtractiveSummarizer, show: int) -> dict[str, float]:
    n_tags = nouns = dups = labelled = briefs = fragments = 0
    shown: Counter[str] = Counter()
    for kind, article in _korean_articles():
        brief = summarizer.brief(article)
        tags = [t for t in _our_tags(brief, article.categories) if korean_hangul(t)]
        n_tags += len(tags)
        nouns += sum(map(korean_nouns_only, tags))
        fragments += sum(t.count("-") >= 2 for t in tags)  # three words or more: a headline run
        dups += near_duplicate_pairs(tags)
        labelled += any(p.label for p in brief.points)
        briefs += 1
        if shown[kind] < show:
            shown[kind] += 1
            _show(brief, tags)
    return {"ko_briefs": briefs, "ko_tags": n_tags,
            "ko_nouns_only": round(nouns / max(n_tags, 1), 4),
            "ko_near_duplicate_pairs": dups, "ko_labelled_briefs": labelled,
            "ko_fragment_tags": fragments}


def korean_hangul(tag: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in tag)


def measure(show: int = 0) -> dict[str, float]:
    summarizer = ExtractiveSummarizer()
    out: dict[str, float] = {}
    for step in (english_salience, wire, korean_tags):
        if show:
            print(f"## {step.__name__}")
        out.update(step(summarizer, show))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="briefs to print per set")
    parser.add_argument("--json", action="store_true", help="print only the numbers, as JSON")
    parser.add_argument("--write-baseline", action="store_true",
                        help=f"store the numbers in {BASELINE.relative_to(REPO)}")
    args = parser.parse_args()
    for path in (CNNDM, WIRE, KO_SCI, KO_FEEDS):
        if not path.exists():
            raise SystemExit(f"tag_eval: {path} is missing (the dev data lives in ../shared)")
    result = measure(args.show)
    if args.write_baseline:
        BASELINE.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n")
    if args.json:
        print(json.dumps(result, indent=2, sort_keys=True))
        return
    print(f"CNN/DM salient tags: {result['cnndm_salient']:.1%} of {result['cnndm_tags']} "
          f"on {result['cnndm_briefs']} briefs (baseline, five most frequent capitalised "
          f"words: {result['cnndm_baseline_salient']:.1%}); target >= 70%")
    print(f"near-duplicate pairs: CNN/DM {result['cnndm_near_duplicate_pairs']}, wire "
          f"{result['wire_near_duplicate_pairs']}, Korean {result['ko_near_duplicate_pairs']}"
          "; target 0")
    print(f"Korean tags nouns only: {result['ko_nouns_only']:.1%} of {result['ko_tags']}; "
          f"headline fragments (3+ words): {result['ko_fragment_tags']}")
    print(f"labelled briefs: wire {result['wire_labelled_briefs']} of {result['wire_briefs']},"
          f" Korean {result['ko_labelled_briefs']} of {result['ko_briefs']}")


if __name__ == "__main__":
    main()

"""Editors' picks: for each article of a dev set's fit half, the three sentences a news editor
would put under the headline, as stored references for the selector's fit (bench/fit_selection.py).

Two dev sets have no reference summaries but look like what the bot reads: the wire stories as
scraped (``wire``: ../shared/data/articles/wire_dev.jsonl) and the Korean national-news feed
snapshots (``ko_news``: bench/ko_news.py). A reader picks, per article, the sentences that tell
the news under the headline shown above them: the news first, the central facts and numbers, no
sentence restating the headline, none leaning on a sentence not shown, no caption or credit.

A pick is stored as a hash of the sentence (``key``), never its text: the data stays in
../shared. A sentence the splitter later cuts differently no longer matches its pick, and the
fit says how many picks it lost.

    .venv/bin/python -m bench.picks show wire --start 0 --stop 10   # numbered sentences to read
    .venv/bin/python -m bench.picks save wire PICKS.tsv             # "id<TAB>3,5,9" lines -> store
    .venv/bin/python -m bench.picks count                           # picks stored and matched
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import unicodedata
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ko_news import KO_FEEDS
from bench.ko_news import held_out as link_held_out
from bench.ko_news import split as ko_news_split
from bot.summarize.text import split_paragraphs

WIRE = Path(__file__).resolve().parents[2] / "shared" / "data" / "articles" / "wire_dev.jsonl"
STORE = Path(__file__).resolve().parent / "data"
SETS = ("wire", "ko_news")


def key(sentence: str) -> str:
    """A sentence's stored name: a hash of its text, spacing and Unicode form made uniform."""
    text = " ".join(unicodedata.normalize("NFC", sentence).split())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def sentences(text: str, lang: str) -> list[str]:
    """The article's sentences as the selector's fit reads them (bench/fit_selection.prepare)."""
    return list(chain.from_iterable(split_paragraphs(text, lang)))


def fit_half(name: str) -> Iterator[dict[str, str]]:
    """The articles of a set's fit half as rows (id, title, text, lang); the other half is kept
    for blind reads. wire is cut by the same link hash as bench/ko_news.py, on the story's id."""
    if name == "wire":
        if not WIRE.is_file():
            return
        with WIRE.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if not link_held_out(row["id"]):
                    yield {"id": row["id"], "title": row["title"], "text": row["text"],
                           "lang": "en"}
    elif name == "ko_news":
        if not KO_FEEDS.is_dir():
            return
        fit, _ = ko_news_split()
        for art in fit:
            yield {"id": art.url or art.title, "title": art.title, "text": art.text,
                   "lang": "ko"}
    else:
        raise ValueError(f"unknown set {name!r}: one of {', '.join(SETS)}")


def absent(name: str) -> Path | None:
    """Where a set's articles should be when ../shared does not hold them, else None: its
    picks then match nothing, and none of them is stale."""
    path = WIRE if name == "wire" else KO_FEEDS
    return None if path.exists() else path


def stored(name: str) -> dict[str, list[str]]:
    """id -> the picked sentences' keys, in the order the reader would show them."""
    path = STORE / f"{name}_picks.jsonl"
    if not path.is_file():
        return {}
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            out[row["id"]] = row["picks"]
    return out


def reference(text: str, lang: str, keys: list[str]) -> str | None:
    """The picked sentences of an article, joined, or None when a pick no longer matches."""
    by_key = {key(s): s for s in sentences(text, lang)}
    picked = [by_key.get(k) for k in keys]
    if not picked or any(s is None for s in picked):
        return None
    return " ".join(s for s in picked if s)


def picked(name: str) -> tuple[list[dict[str, str]], int]:
    """The fit half's picked articles as rows with their picks as the reference (``summary``),
    in the fit half's order, and how many stored picks were lost: a pick no longer matching
    its article's sentences (the splitter now cuts it differently) or an article no longer in
    the fit half. An article nobody picked is not a loss: it is left out."""
    keys = stored(name)
    rows = []
    for row in fit_half(name):
        chosen = keys.get(row["id"])
        ref = None if chosen is None else reference(row["text"], row["lang"], chosen)
        if ref is not None:
            rows.append({**row, "summary": ref})
    return rows, len(keys) - len(rows)


def _show(name: str, start: int, stop: int) -> None:
    for n, row in enumerate(fit_half(name)):
        if not start <= n < stop:
            continue
        print(f"=== [{n}] id: {row['id']}\nHEADLINE: {row['title']}")
        for i, s in enumerate(sentences(row["text"], row["lang"])):
            print(f"  {i:>3}. {s}")
        print()


def _save(name: str, tsv: Path) -> int:
    rows = {row["id"]: row for row in fit_half(name)}
    picks = stored(name)
    for line in tsv.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ident, _, numbers = line.partition("\t")
        row = rows.get(ident)
        if row is None:
            print(f"not in {name}'s fit half: {ident}", file=sys.stderr)
            return 1
        sents = sentences(row["text"], row["lang"])
        chosen = [int(x) for x in numbers.replace(" ", "").split(",") if x]
        if not chosen or any(not 0 <= i < len(sents) for i in chosen):
            print(f"{ident}: picks {numbers!r} out of range 0..{len(sents) - 1}", file=sys.stderr)
            return 1
        picks[ident] = [key(sents[i]) for i in chosen]
    STORE.mkdir(exist_ok=True)
    with (STORE / f"{name}_picks.jsonl").open("w", encoding="utf-8") as fh:
        for ident in sorted(picks):
            fh.write(json.dumps({"id": ident, "picks": picks[ident]}, ensure_ascii=False) + "\n")
    print(f"{name}: {len(picks)} articles picked")
    return 0


def _count() -> None:
    for name in SETS:
        rows, lost = picked(name)
        print(f"{name}: {sum(1 for _ in fit_half(name))} articles in the fit half, "
              f"{len(rows) + lost} picked, {len(rows)} still matching")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    show = sub.add_parser("show")
    show.add_argument("set", choices=SETS)
    show.add_argument("--start", type=int, default=0)
    show.add_argument("--stop", type=int, default=10**6)
    save = sub.add_parser("save")
    save.add_argument("set", choices=SETS)
    save.add_argument("tsv", type=Path)
    sub.add_parser("count")
    args = ap.parse_args(argv)
    if args.cmd == "show":
        _show(args.set, args.start, args.stop)
    elif args.cmd == "save":
        return _save(args.set, args.tsv)
    else:
        _count()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

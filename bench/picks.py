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

Several editors may pick the same set, each without seeing another's picks: one editor's taste
is noise in the fit, and where two disagree the fit should hear both. Each editor's picks are
one file, ``bench/data/<set>_picks.jsonl`` for the first (``a``) and
``bench/data/<set>_picks_<editor>.jsonl`` for each other, one JSON line per article:
``{"id": <the article's id>, "picks": [<key>, ...]}`` in the order the editor would show them.
An editor who skipped an article (a horoscope, a list, an essay) has no line for it.

    .venv/bin/python -m bench.picks show wire --start 0 --stop 10   # numbered sentences to read
    .venv/bin/python -m bench.picks save wire PICKS.tsv             # "id<TAB>3,5,9" lines -> store
    .venv/bin/python -m bench.picks save ko_news PICKS.tsv --editor b   # a second editor's
    .venv/bin/python -m bench.picks count                           # picks stored and matched
    .venv/bin/python -m bench.picks agree ko_news                   # how far the editors agree
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from itertools import chain, combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ko_news import KO_FEEDS
from bench.ko_news import held_out as link_held_out
from bench.ko_news import split as ko_news_split
from bench.shared_data import SHARED_DATA
from bot.summarize.text import split_paragraphs

WIRE = SHARED_DATA / "articles" / "wire_dev.jsonl"
STORE = Path(__file__).resolve().parent / "data"
SETS = ("wire", "ko_news")
FIRST = "a"  # the first editor: its file keeps the name it had before there were others
_EDITOR = re.compile(r"[a-z0-9]+")


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


def store_path(name: str, editor: str = FIRST) -> Path:
    """The file holding one editor's picks of a set."""
    if not _EDITOR.fullmatch(editor):
        raise ValueError(f"editor {editor!r}: lower-case letters and digits only")
    return STORE / (f"{name}_picks.jsonl" if editor == FIRST else f"{name}_picks_{editor}.jsonl")


def editors(name: str) -> list[str]:
    """The editors who stored picks of a set: the first, then the others by name."""
    found = [p.name.removeprefix(f"{name}_picks").removesuffix(".jsonl").lstrip("_") or FIRST
             for p in STORE.glob(f"{name}_picks*.jsonl")]
    return sorted((e for e in found if _EDITOR.fullmatch(e)), key=lambda e: (e != FIRST, e))


def stored(name: str, editor: str = FIRST) -> dict[str, list[str]]:
    """id -> the picked sentences' keys, in the order the editor would show them."""
    path = store_path(name, editor)
    if not path.is_file():
        return {}
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            out[row["id"]] = row["picks"]
    return out


def stored_ids(name: str) -> set[str]:
    """Every article any editor picked, matching or not (the fit deals its cut over these)."""
    return {ident for editor in editors(name) for ident in stored(name, editor)}


def reference(text: str, lang: str, keys: list[str]) -> str | None:
    """The picked sentences of an article, joined, or None when a pick no longer matches."""
    by_key = {key(s): s for s in sentences(text, lang)}
    picked = [by_key.get(k) for k in keys]
    if not picked or any(s is None for s in picked):
        return None
    return " ".join(s for s in picked if s)


def picked(name: str) -> tuple[list[dict[str, Any]], int]:
    """The fit half's picked articles as rows with each editor's picks as a reference
    (``summaries``, in ``editors`` order; ``summary`` the first), in the fit half's order, and
    how many stored picks were lost: a pick no longer matching its article's sentences (the
    splitter now cuts it differently) or an article no longer in the fit half. An article
    nobody picked is not a loss: it is left out; one whose every pick was lost is left out too."""
    by_editor = [stored(name, editor) for editor in editors(name)]
    rows = []
    kept = 0
    for row in fit_half(name):
        refs = []
        for keys in by_editor:
            chosen = keys.get(row["id"])
            ref = None if chosen is None else reference(row["text"], row["lang"], chosen)
            if ref is not None:
                refs.append(ref)
        if refs:
            rows.append({**row, "summary": refs[0], "summaries": refs})
            kept += len(refs)
    return rows, sum(map(len, by_editor)) - kept


def agreement(name: str) -> tuple[list[str], list[tuple[str, list[list[int]]]]]:
    """The editors of a set and, per fit-half article every one of them picked, each editor's
    picked sentence numbers (in ``editors`` order): what ``agree`` compares. An article an
    editor skipped, or whose pick no longer matches, is left out."""
    names = editors(name)
    by_editor = [stored(name, editor) for editor in names]
    out = []
    for row in fit_half(name):
        if not names or any(row["id"] not in keys for keys in by_editor):
            continue
        number = {key(s): n for n, s in enumerate(sentences(row["text"], row["lang"]))}
        chosen = [[number.get(k, -1) for k in keys[row["id"]]] for keys in by_editor]
        if all(-1 not in c for c in chosen):
            out.append((row["id"], chosen))
    return names, out


def overlap(a: list[int], b: list[int]) -> tuple[int, float]:
    """Sentences two pick sets share, and their Jaccard index (shared over either's)."""
    both, either = set(a) & set(b), set(a) | set(b)
    return len(both), len(both) / len(either) if either else 1.0


def _agree(name: str, each: bool) -> None:
    names, rows = agreement(name)
    if len(names) < 2:
        print(f"{name}: {len(names)} editor(s) stored picks; agreement needs two")
        return
    lead = list(range(3))
    print(f"{name}: {len(rows)} articles picked by every editor ({', '.join(names)})")
    if not rows:  # no article to average over: say so rather than divide by zero
        print(f"{name}: the editors share no article; no agreement to measure")
        return
    if each:
        for ident, chosen in rows:
            print(f"  {ident[-40:]:<40} " + "  ".join(
                f"{e}:{','.join(map(str, c))}" for e, c in zip(names, chosen, strict=True)))
    for i, j in combinations(range(len(names)), 2):
        pairs = [overlap(c[i], c[j]) for _, c in rows]
        shared = Counter(n for n, _ in pairs)
        jaccard = sum(x for _, x in pairs) / len(rows)
        print(f"  {names[i]} and {names[j]}: mean Jaccard {jaccard:.2f}; "
              f"{sum(n for n, _ in pairs) / len(rows):.2f} sentences shared per article "
              f"(articles sharing 0/1/2/3: {'/'.join(str(shared[n]) for n in range(4))}); "
              f"the same set in {sum(1 for _, c in rows if set(c[i]) == set(c[j]))}")
    for i, editor in enumerate(names):
        hits = [overlap(c[i], lead[:min(len(c[i]), 3)]) for _, c in rows]
        in_lead = sum(len(set(c[i]) & set(lead)) for _, c in rows)
        picked_n = sum(len(c[i]) for _, c in rows)
        jaccard = sum(x for _, x in hits) / len(rows)
        print(f"  Lead-3 (Lead-2 where two are picked) and {editor}: mean Jaccard {jaccard:.2f}; "
              f"{in_lead} of {picked_n} picks among the first three sentences; "
              f"the first sentence picked in {sum(1 for _, c in rows if 0 in c[i])} articles")


def _show(name: str, start: int, stop: int) -> None:
    for n, row in enumerate(fit_half(name)):
        if not start <= n < stop:
            continue
        print(f"=== [{n}] id: {row['id']}\nHEADLINE: {row['title']}")
        for i, s in enumerate(sentences(row["text"], row["lang"])):
            print(f"  {i:>3}. {s}")
        print()


def _save(name: str, tsv: Path, editor: str = FIRST) -> int:
    rows = {row["id"]: row for row in fit_half(name)}
    picks = stored(name, editor)
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
    with store_path(name, editor).open("w", encoding="utf-8") as fh:
        for ident in sorted(picks):
            fh.write(json.dumps({"id": ident, "picks": picks[ident]}, ensure_ascii=False) + "\n")
    print(f"{name}: {len(picks)} articles picked by editor {editor}")
    return 0


def _count() -> None:
    for name in SETS:
        articles = list(fit_half(name))
        counts = []
        for editor in editors(name):
            keys = stored(name, editor)
            matching = sum(1 for row in articles if row["id"] in keys and reference(
                row["text"], row["lang"], keys[row["id"]]) is not None)
            counts.append(f"editor {editor}: {len(keys)} picked, {matching} still matching")
        print(f"{name}: {len(articles)} articles in the fit half; "
              + ("; ".join(counts) or "no picks"))


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
    save.add_argument("--editor", default=FIRST, help="whose picks these are (default: a)")
    sub.add_parser("count")
    agree = sub.add_parser("agree")
    agree.add_argument("set", choices=SETS)
    agree.add_argument("--each", action="store_true", help="every article's picks by number")
    args = ap.parse_args(argv)
    if args.cmd == "show":
        _show(args.set, args.start, args.stop)
    elif args.cmd == "save":
        if not _EDITOR.fullmatch(args.editor):
            print(f"editor {args.editor!r}: lower-case letters and digits only", file=sys.stderr)
            return 2
        return _save(args.set, args.tsv, args.editor)
    elif args.cmd == "agree":
        _agree(args.set, args.each)
    else:
        _count()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

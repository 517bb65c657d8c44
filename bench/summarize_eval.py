"""Compare our summarizer with Lead-3, sumy LexRank and TextRank on JSON-lines dev sets.

Usage: .venv/bin/python -m bench.summarize_eval [DATASET.jsonl ...] [--limit 500] [--points 3]
       [--repeats 5] [--no-timing]
       .venv/bin/python -m bench.summarize_eval --gate [--write-baseline]

With no dataset it runs the three dev sets in ../shared/data/summaries (BBC, CNN/Daily Mail
highlights, Korean science news) and ends with one table of all three.

Our row runs through ``bot.summarize.batch.run_batch``, the code path behind
``newsbrief summarize``. The baselines run in the same process on the same (de-duplicated)
articles, with our sentence splitter so every system picks from the same sentences.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rouge_score import rouge_scorer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from bench.brief_read import REAL_FEEDS, read_counts
from bench.shared_data import SHARED_DATA
from bot.feeds.parse import parse_feed
from bot.models import Article
from bot.summarize import ExtractiveSummarizer, detect_language, korean, split_sentences
from bot.summarize.batch import run_batch
from bot.summarize.extractive import refers_back
from bot.summarize.korean import clear_cache
from bot.summarize.segment import LAST_RESORT, not_prose
from bot.summarize.trim import shown

WARMUP = 20  # articles run untimed first, so import and cache warm-up is not measured
MIN_CPU_SECONDS = 0.5  # one timed sample repeats passes until it used this much CPU time


class SumyTokenizer:
    """sumy's tokenizer interface backed by our splitter (sumy's own needs NLTK data)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.language = lang

    def to_sentences(self, paragraph: str) -> list[str]:
        return split_sentences(paragraph, self.lang)

    def to_words(self, sentence: str) -> list[str]:
        return re.findall(r"\w+", sentence.lower())


class HangulTokenizer:
    """rouge-score tokenizer that keeps Hangul (its default drops every non-ASCII character)."""

    def tokenize(self, text: str) -> list[str]:
        return re.findall(r"[0-9a-z\uac00-\ud7a3]+", text.lower())


def load(path: Path, limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` articles with a reference, skipping repeated texts."""
    seen: set[str] = set()
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            key = " ".join(row["text"].split())
            ref = row.get("summary_spaced") or row.get("summary")
            if not ref or key in seen:
                continue
            seen.add(key)
            row["reference"] = ref
            rows.append(row)
            if len(rows) >= limit:
                break
    return rows


class System:
    """One summarizer under test: ``one_pass()`` runs it over every article and keeps the
    outputs; ``timings`` collects CPU seconds per pass, one sample per round."""

    def __init__(
        self,
        name: str,
        one_pass: Callable[[], Any],
        read: Callable[[Any], list[list[str]]] = lambda out: list(out),
    ) -> None:
        self.name = name
        self._one_pass = one_pass
        self._read = read  # turns a pass's raw result into points, outside the timed loop
        self._raw: Any = []
        self.timings: list[float] = []

    @property
    def outputs(self) -> list[list[str]]:
        return self._read(self._raw)

    def run_once(self) -> None:
        self._raw = self._one_pass()

    def sample(self) -> None:
        """One timing sample: CPU time (``time.process_time``, so other processes on a busy
        machine do not count) per pass, repeating passes until MIN_CPU_SECONDS are used."""
        passes, start = 0, time.process_time()
        while True:
            self._raw = self._one_pass()
            passes += 1
            used = time.process_time() - start
            if used >= MIN_CPU_SECONDS:
                self.timings.append(used / passes)
                return

    @property
    def best(self) -> float:
        """Best (lowest) CPU seconds per pass: the least disturbed sample."""
        return min(self.timings)


def ours(rows: list[dict[str, Any]], points: int) -> System:
    lines = [
        json.dumps({"id": r["id"], "title": r.get("title") or "", "text": r["text"]})
        for r in rows
    ]
    summarizer = ExtractiveSummarizer()
    asyncio.run(run_batch(lines[:WARMUP], io.StringIO(), summarizer, points=points))

    def one_pass() -> str:
        out = io.StringIO()
        asyncio.run(run_batch(lines, out, summarizer, points=points))
        return out.getvalue()

    # Reading our JSON lines back is the harness's work, not the summarizer's: done untimed.
    return System(
        "ours",
        one_pass,
        lambda raw: [json.loads(x).get("points", []) for x in raw.splitlines()],
    )


def baseline(
    name: str, rows: list[dict[str, Any]], pick: Callable[[str, str], list[str]]
) -> System:
    # Baselines pay for language detection too, as ours does inside the summarizer.
    for r in rows[:WARMUP]:
        pick(r["text"], detect_language((r.get("title") or "") + "\n" + r["text"]))

    def one_pass() -> list[list[str]]:
        return [
            pick(r["text"], detect_language((r.get("title") or "") + "\n" + r["text"]))
            for r in rows
        ]

    return System(name, one_pass)


def lead(points: int) -> Callable[[str, str], list[str]]:
    return lambda text, lang: split_sentences(text, lang)[:points]


def sumy(kind: type, points: int) -> Callable[[str, str], list[str]]:
    def pick(text: str, lang: str) -> list[str]:
        # One sentence per line so sumy sees exactly our sentences.
        doc = "\n\n".join(split_sentences(text, lang))
        parser = PlaintextParser.from_string(doc, SumyTokenizer(lang))
        return [str(s) for s in kind()(parser.document, points)]

    return pick


def score(
    rows: list[dict[str, Any]], outputs: list[list[str]], korean: bool
) -> dict[str, float]:
    scorer = rouge_scorer.RougeScorer(
        ["rouge1", "rouge2", "rougeLsum"],
        use_stemmer=not korean,
        tokenizer=HangulTokenizer() if korean else None,
    )
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    for row, pts in zip(rows, outputs, strict=True):
        ref_sents = split_sentences(row["reference"], "ko" if korean else "en")
        s = scorer.score("\n".join(ref_sents), "\n".join(pts))
        for k in totals:
            totals[k] += s[k].fmeasure
    n = max(len(rows), 1)
    return {k: 100 * v / n for k, v in totals.items()}


DEV_SETS = ("bbc_news_summary.jsonl", "cnndm_train_sample.jsonl", "ko_sci_news_dev.jsonl")
DEV_DIR = SHARED_DATA / "summaries"


def evaluate(
    path: Path, limit: int, points: int, repeats: int, timing: bool
) -> list[tuple[str, dict[str, float], float]]:
    """Print one dataset's table; return (system, ROUGE scores, articles per CPU-second)."""
    rows = load(path, limit)
    korean = sum(detect_language(r["text"]) == "ko" for r in rows) > len(rows) / 2
    systems = [
        ours(rows, points),
        baseline("Lead-3", rows, lead(points)),
        baseline("LexRank", rows, sumy(LexRankSummarizer, points)),
        baseline("TextRank", rows, sumy(TextRankSummarizer, points)),
    ]
    # Round-robin, so a burst of load elsewhere hits every system rather than just one.
    for _ in range(max(repeats, 1) if timing else 1):
        for system in systems:
            if timing:
                system.sample()
            else:
                system.run_once()
                system.timings.append(0.0)
    print(f"{path.name}: {len(rows)} articles, {points} points")
    print(f"{'system':<10}{'R1':>7}{'R2':>7}{'RLsum':>7}{'pts':>6}{'chars':>7}{'art/s':>9}")
    results = []
    for system in systems:
        outs = system.outputs
        r = score(rows, outs, korean)
        pts = sum(len(o) for o in outs) / max(len(outs), 1)
        chars = sum(len(p) for o in outs for p in o) / max(sum(len(o) for o in outs), 1)
        rate = len(rows) / system.best if system.best else float("inf")
        results.append((system.name, r, rate))
        print(
            f"{system.name:<10}{r['rouge1']:>7.1f}{r['rouge2']:>7.1f}{r['rougeLsum']:>7.1f}"
            f"{pts:>6.2f}{chars:>7.0f}{rate:>9.0f}"
        )
    if timing:
        by_name = {s.name: s for s in systems}
        for other in ("LexRank", "TextRank"):
            ratio = by_name[other].best / by_name["ours"].best
            print(
                f"speed: ours is {ratio:.1f}x {other}'s articles/s "
                f"(CPU time, best of {len(by_name['ours'].timings)} rounds)"
            )
        if korean:
            print(f"2,000-character article: ours {long_article_ms(rows, 2000, True):.1f} ms "
                  "(CPU time, median of 21, analyser loaded, analysis cache cleared)")
            korean_splitter_costs(rows)
        else:
            print(f"2,000-word article: ours {long_article_ms(rows, 2000, False):.1f} ms "
                  "(CPU time, median of 21)")
    print()
    return results


# The quality gate (`make test` runs it through tests/test_summarize_gate.py): ROUGE of ours
# and Lead-3 on a fixed sample of each dev set, and the reading-check counts on the real-world
# feeds, wire_dev and the Korean feed snapshots, against a stored baseline.
BASELINE = Path(__file__).resolve().parent / "summarize_baseline.json"
GATE_SETS = (("bbc_news_summary.jsonl", 150), ("cnndm_train_sample.jsonl", 100),
             ("ko_sci_news_dev.jsonl", 25))
ROUGE_MARGIN = 0.5  # ROUGE points a set may lose against the baseline before the gate fails
COUNT_MARGIN = 2  # points a reading-check count may gain against the baseline


def _wire_counts(summarizer: ExtractiveSummarizer) -> dict[str, int]:
    """wire_dev: points that are not prose (player text, credits, captions, cues), that lean
    on a sentence not shown, or that are not a source sentence or marked prefix of one."""
    counts = {"points": 0, "not_prose": 0, "back": 0, "unfaithful": 0}
    path = SHARED_DATA / "articles" / "wire_dev.jsonl"
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        art = Article(title=row["title"], text=row["text"], lang="en")
        # A point shows its sentence as ``shown`` does (the scrape's spaced stop closed).
        source = [shown(s, "en") for s in split_sentences(art.text, "en")]
        prev = -2
        for p in summarizer.brief(art).points:
            counts["points"] += 1
            head = p.text.removesuffix("…")
            idx = next((i for i, s in enumerate(source) if s == p.text or
                        (p.text.endswith("…") and s.startswith(head))), -1)
            counts["unfaithful"] += idx < 0
            counts["not_prose"] += not_prose(p.text, "en") is not None
            counts["back"] += idx > 0 and prev != idx - 1 and refers_back(p.text, "en")
            prev = idx
    return counts


def _korean_feed_counts(summarizer: ExtractiveSummarizer) -> dict[str, int]:
    """The Korean feed snapshots through the feed path: points that are not prose or not
    verbatim."""
    counts = {"points": 0, "not_prose": 0, "unfaithful": 0}
    for path in sorted((SHARED_DATA / "feeds" / "real-world-ko").glob("*.xml")):
        for item in parse_feed(path.read_bytes(), url=path.resolve().as_uri()).items:
            source = [shown(s, "ko") for s in split_sentences(item.text, "ko")]
            for p in summarizer.brief(Article(title=item.title, text=item.text, lang="ko")).points:
                counts["points"] += 1
                head = p.text.removesuffix("…")
                counts["unfaithful"] += not any(s == p.text or s.startswith(head) for s in source)
                # A notice is a point only in an item with no prose (an obituary column).
                counts["not_prose"] += not_prose(p.text, "ko") not in LAST_RESORT
    return counts


def gate_measure() -> dict[str, Any]:
    """What the gate compares: ROUGE per dev set (ours and Lead-3) and the reading counts."""
    summarizer = ExtractiveSummarizer()
    rouge: dict[str, dict[str, list[float]]] = {}
    for name, limit in GATE_SETS:
        rows = load(DEV_DIR / name, limit)
        korean_set = name.startswith("ko_")
        lang = "ko" if korean_set else "en"
        ours_out = [[p.text for p in summarizer.brief(Article(
            title=r.get("title") or "", text=r["text"])).points] for r in rows]
        lead_out = [split_sentences(r["text"], lang)[:3] for r in rows]
        rouge[name.removesuffix(".jsonl")] = {
            system: [round(v, 2) for v in score(rows, outs, korean_set).values()]
            for system, outs in (("ours", ours_out), ("lead3", lead_out))
        }
    with contextlib.redirect_stdout(io.StringIO()):
        reading = read_counts(REAL_FEEDS)
    return {"rouge": rouge, "reading": reading, "wire": _wire_counts(summarizer),
            "korean_feed": _korean_feed_counts(summarizer)}


def gate_failures(now: dict[str, Any], base: dict[str, Any]) -> list[str]:
    """Why ``now`` fails the gate against ``base`` (empty: it passes)."""
    out = []
    for name, systems in now["rouge"].items():
        ours, lead = systems["ours"], systems["lead3"]
        for metric, got, was in zip(("R1", "R2", "RLsum"), ours, base["rouge"][name]["ours"],
                                    strict=True):
            if got < was - ROUGE_MARGIN:
                out.append(f"{name} {metric} {got:.2f} < baseline {was:.2f} - {ROUGE_MARGIN}")
        if ours[0] < lead[0]:
            out.append(f"{name} R1 {ours[0]:.2f} below Lead-3's {lead[0]:.2f}")
    for group in ("reading", "wire", "korean_feed"):
        for key in ("unfaithful", "mixed"):
            if now[group].get(key, 0):
                out.append(f"{group}: {key}={now[group][key]} (must be 0)")
        for key in ("colon", "back", "glued", "not_prose"):
            if key in now[group] and now[group][key] > base[group][key] + COUNT_MARGIN:
                out.append(f"{group}: {key}={now[group][key]} > baseline "
                           f"{base[group][key]} + {COUNT_MARGIN}")
    return out


def gate(write: bool) -> int:
    now = gate_measure()
    print(json.dumps(now, indent=1))
    if write:
        BASELINE.write_text(json.dumps(now, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {BASELINE}")
        return 0
    failures = gate_failures(now, json.loads(BASELINE.read_text(encoding="utf-8")))
    for f in failures:
        print(f"gate: {f}")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("datasets", type=Path, nargs="*")
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--points", type=int, default=3)
    ap.add_argument("--repeats", type=int, default=5, help="timing rounds; the best counts")
    ap.add_argument("--no-timing", action="store_true", help="ROUGE only, one pass each")
    ap.add_argument("--gate", action="store_true",
                    help="compare with the stored baseline (bench/summarize_baseline.json)")
    ap.add_argument("--write-baseline", action="store_true",
                    help="with --gate: store the current numbers as the baseline")
    args = ap.parse_args(argv)
    if args.gate:
        return gate(args.write_baseline)
    paths = args.datasets or [DEV_DIR / name for name in DEV_SETS]
    paths = [p for p in paths if p.exists()]
    if not paths:
        print(f"bench/summarize_eval.py: no dev set found (looked in {DEV_DIR}), skipped")
        return 0
    table = {
        p.name: evaluate(p, args.limit, args.points, args.repeats, not args.no_timing)
        for p in paths
    }
    if len(table) > 1:
        print("All dev sets, ROUGE-1 / ROUGE-2 / ROUGE-Lsum F1 (articles per CPU-second):")
        names = [name for name, _, _ in next(iter(table.values()))]
        print(f"{'system':<10}" + "".join(f"{n.removesuffix('.jsonl'):>27}" for n in table))
        for k, name in enumerate(names):
            cells = []
            for res in table.values():
                _, r, rate = res[k]
                shown = f"{r['rouge1']:.1f}/{r['rouge2']:.1f}/{r['rougeLsum']:.1f}"
                cells.append(shown + (f" ({rate:.0f})" if not args.no_timing else ""))
            print(f"{name:<10}" + "".join(f"{c:>27}" for c in cells))
    return 0


def long_article_ms(rows: list[dict[str, Any]], size: int, chars: bool) -> float:
    """Median time to brief one article of ``size`` words (or characters) made of consecutive
    dev-set articles."""
    paras: list[str] = []
    n = 0
    for r in rows:
        paras.append(r["text"])
        n += len(r["text"]) if chars else len(r["text"].split())
        if n >= size:
            break
    text = "\n\n".join(paras)
    if chars:
        text = text[:size]
    article = Article(title=rows[0].get("title") or "", text=text)
    summarizer = ExtractiveSummarizer()
    summarizer.brief(article)  # warm-up
    times = []
    for _ in range(21):
        clear_cache()  # each run analyses its Korean sentences afresh
        start = time.process_time()
        summarizer.brief(article)
        times.append(time.process_time() - start)
    return 1000 * sorted(times)[len(times) // 2]


_KO_SENTENCE_END = re.compile(r"(?:[다요죠까]|니다)$")


def as_prose(text: str) -> str:
    """A dev-set text as a feed carries it: the set stripped sentence-final periods and put one
    sentence a line, so periods go back after sentence endings and three sentences make a
    paragraph. Without this, Korean lines hold no inner mark and the splitter is never tested."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    lines = [ln + "." if _KO_SENTENCE_END.search(ln) else ln for ln in lines]
    return "\n".join(" ".join(lines[i : i + 3]) for i in range(0, len(lines), 3))


@contextlib.contextmanager
def rules_only() -> Iterator[None]:
    """The Korean splitter with its rules alone (as when kiwipiepy is missing), the baseline."""
    kiwi_split = korean.split_line
    korean.split_line = lambda line: None  # type: ignore[assignment]
    try:
        yield
    finally:
        korean.split_line = kiwi_split  # type: ignore[assignment]


def korean_splitter_costs(rows: list[dict[str, Any]]) -> None:
    """ms of CPU per Korean article, briefing and splitting alone, with Kiwi's splitter and with
    the rules, in this process, on the set as given and as feed prose (``as_prose``)."""
    summarizer = ExtractiveSummarizer()
    forms = {"as given": [r["text"] for r in rows], "as prose": [as_prose(r["text"]) for r in rows]}
    print("Korean splitter, ms of CPU per article (median of 5 passes, analysis cache cleared):")
    for form, texts in forms.items():
        articles = [
            Article(title=r.get("title") or "", text=t) for r, t in zip(rows, texts, strict=True)
        ]
        cells = []
        for mode in ("kiwi", "rules"):
            with contextlib.nullcontext() if mode == "kiwi" else rules_only():
                brief_ms, split_ms = [], []
                for _ in range(5):
                    clear_cache()
                    start = time.process_time()
                    for t in texts:
                        split_sentences(t, "ko")
                    split_ms.append(time.process_time() - start)
                    clear_cache()
                    start = time.process_time()
                    for a in articles:
                        summarizer.brief(a)
                    brief_ms.append(time.process_time() - start)
            n = max(len(texts), 1)
            cells.append(f"{mode}: brief {1000 * sorted(brief_ms)[2] / n:.1f}, "
                         f"split {1000 * sorted(split_ms)[2] / n:.2f}")
        print(f"  {form:<9} " + " | ".join(cells))
    prose = [{"title": r.get("title"), "text": as_prose(r["text"])} for r in rows]
    kiwi_ms = long_article_ms(prose, 2000, True)
    with rules_only():
        rules_ms = long_article_ms(prose, 2000, True)
    print(f"  2,000-character prose article: kiwi {kiwi_ms:.1f} ms, rules {rules_ms:.1f} ms")


if __name__ == "__main__":
    raise SystemExit(main())

"""Fit the sentence selector's feature weights (bot/summarize/scoring.py) on half of the dev
sets and check them on the other half; with --write, store them in bot/summarize/weights.py.

    .venv/bin/python -m bench.fit_selection            # fit, check, print; writes nothing
    .venv/bin/python -m bench.fit_selection --write    # ... and store the weights
    .venv/bin/python -m bench.fit_selection --check    # exit 1 unless it gives the shipped ones
    .venv/bin/python -m bench.fit_selection --lang ko --write   # refit Korean alone

English is fitted on the BBC and CNN/Daily Mail dev sets (../shared/data/summaries) and
checked on the wire set too (CHECK_ONLY: a blind read preferred the weights fitted without
it); Korean on the Korean science set and the Korean news set
(bench/ko_news.py: the Korean feed snapshots through the feed path). The wire and Korean news
sets have no references of their own: their references are editors' picks (bench/picks.py),
the sentences a news editor would put under the headline, for the articles of the set's fit
half (its other half is kept for blind reads). Each set is sorted by id, shuffled with a
fixed seed and cut in two: the first half fits, the second checks (a picked set is dealt
over every stored pick's id, so a stale pick drops its article and moves no other). The
objective is the mean over the sets of the mean of ROUGE-1 and ROUGE-2 F1 (a plain
unigram/bigram count, no stemmer: cheap enough to run thousands of times) of the chosen
sentences against the reference; where several editors picked an article, against each
editor's picks, averaged (``multi_rouge``). The search is coordinate ascent over a
fixed grid per weight, in a fixed order, three passes, a change kept only when it gains more
than MIN_GAIN: no randomness past the split, so the same data gives the same weights.
``position`` stays at 1.0 (scores only compare, so one weight sets the scale; news puts the
news first, so position is the backbone the other features move away from).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import chain, pairwise
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import picks
from bench.shared_data import SHARED_DATA
from bot.summarize.extractive import ExtractiveSummarizer, candidate_leans_back, quote_pieces
from bot.summarize.scoring import FEATURES, THRESHOLDS, Pool, choose
from bot.summarize.text import content_words, paragraph_starts, split_paragraphs
from bot.summarize.weights import WEIGHTS

SEED = 28
MIN_GAIN = 5e-4  # half a tenth of a point: smaller gains are noise on these sizes
PASSES = 3
DEV_DIR = SHARED_DATA / "summaries"
# The sets the bot's input looks like have no references of their own: their fit halves are
# scored against editors' picks (bench/picks.py: all picked articles, so no limit), the wire
# set once its picks are stored.
SETS = {"en": (("bbc_news_summary.jsonl", 400), ("cnndm_train_sample.jsonl", 100), ("wire", 0)),
        "ko": (("ko_sci_news_dev.jsonl", 25), ("ko_news", 0))}
# Sets scored and printed but not fitted on. Fitted with the wire picks, the English weights
# moved (lede 0 -> 0.3, headline 0.3 -> 0.2, redundancy -0.4 -> -0.2) and a blind read of the
# 13 held-out wire and real-world items they changed preferred the weights without them in 8
# (mean 2.77 against 2.38): the picks skip every lede that restates the headline, which
# readers do not. Until a read says otherwise they check the English fit, not steer it.
CHECK_ONLY = frozenset({"wire"})
WEIGHTS_FILE = Path(__file__).resolve().parent.parent / "bot" / "summarize" / "weights.py"
# Each weight's grid keeps the sign a reader would give it (a caption never earns credit, the
# lede never loses it); only the size is fitted. Features whose sign is not obvious get both.
UP = (0.0, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8, 1.0, 1.3, 1.6)
DOWN = (-1.6, -1.3, -1.0, -0.8, -0.6, -0.45, -0.3, -0.2, -0.1, 0.0)
BOTH = (-0.6, -0.3, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3, 0.6)
SIGN = {"centrality": UP, "early": UP, "lede": UP, "headline": UP, "headline_numbers": UP,
        "entities": UP,
        "numbers": BOTH, "price": UP, "quote": BOTH, "length": UP, "cut": DOWN, "no_fit": DOWN,
        "heading": DOWN, "question": DOWN, "purpose": UP, "headline_nouns": UP,
        "speakerless": DOWN, "background": DOWN, "key_fact": UP}
GRID = {
    **SIGN,
    # A point that leans on a sentence not shown is a defect the reader sees whatever ROUGE
    # says: only a strong penalty is on the grid.
    "refers_back": (-3.0, -2.5, -2.0),
    # So is a caption (a picture the reader cannot see, a line the scrape marks as one): ROUGE
    # can reward one that restates the story (the dev sets' references are written from the
    # page, captions and all), so zero is not on the grid.
    "caption": (-1.6, -1.3, -1.0, -0.8, -0.6, -0.4),
    "redundancy": DOWN,
    # A point that retells a chosen one (``restates``) is not fitted: HAND_SET says why.
    "restates": (0.0,),
    # Carrying the headline's terms finds the story's central event, but ROUGE against
    # headline-heavy references pays for echoing the headline, which readers mark down (the
    # headline is shown above the brief): capped so it cannot outweigh the lede.
    "headline_cover": (0.0, 0.1, 0.2, 0.3, 0.45, 0.6),
    "duplicate": (0.4, 0.5, 0.55, 0.6, 0.7, 0.8, 1.01),
    # A lede that restates the headline and adds to it ("… 모교 자연캠 중앙광장 건립 기금으로
    # 10억원을 기부했다" under "… 고려대에 10억 기부") is the news: readers marked down the
    # brief that left it out (issue 28, read of seed 3838), while the Korean picks skip every
    # such lede, as the English ones did (CHECK_ONLY). Only a near copy of the headline is barred.
    "headline_copy": (0.8, 0.9, 0.95, 1.01),
    # The lemmas of the headline's second fact no chosen point carries yet (Korean): kept only
    # as far as the picks take it, zero included.
    "headline_gain": UP,
    # The headline's figure the lede lacks ("90%", "528건", "1억8000만원"; Korean): readers of
    # the seed 4040 read named it missing from briefs that repeated the lead. On the full UP
    # grid the fit kept 0.1, which moved none of the briefs the readers named; from 0.3 it
    # keeps 0.3, its fit half 0.6 lower on the news picks (54.9 to 54.3) and its check half
    # 1.1 higher (54.1 to 55.2), and a read of the briefs 0.3 moves found them better
    # (docs/SUMMARIZER.md, stop 41). So zero and 0.1 are not on the grid. Plainly: 0.3 is
    # hand-set by reading, the fit alone picks 0.1, and the Korean check half that argued for
    # 0.3 is not held out for this weight (it chose the grid's start).
    "headline_figure": (0.3, 0.45, 0.6, 0.8),
}
# Features that exist for one language only (issue 28: the Korean news features, English's
# headline cover): the other language's grid holds just 0, and its row does not store them.
ONLY = {"headline_nouns": "ko", "speakerless": "ko", "background": "ko", "headline_cover": "en",
        "headline_gain": "ko", "purpose": "en", "headline_figure": "ko",
        "key_fact": "ko"}


def grid(name: str, lang: str) -> tuple[float, ...]:
    return GRID[name] if ONLY.get(name, lang) == lang else (0.0,)


_TOKEN = re.compile(r"[0-9a-z\uac00-\ud7a3]+")


class MatrixPool(Pool):
    """A pool whose similarities are computed once: the fit asks for them thousands of times."""

    __slots__ = ("matrix",)

    def similarity(self, a: int, b: int) -> float:
        return self.matrix[a][b]  # type: ignore[no-any-return]

Grams = tuple[Counter[str], Counter[tuple[str, str]]]


def grams(text: str) -> Grams:
    toks = _TOKEN.findall(text.lower())
    return Counter(toks), Counter(pairwise(toks))


def f1(hit: int, got: int, want: int) -> float:
    if not hit:
        return 0.0
    p, r = hit / got, hit / want
    return 2 * p * r / (p + r)


@dataclass
class Item:
    """One dev article, ready to be chosen from many times."""

    pool: MatrixPool | None  # None: too few candidates to choose (the outcome is fixed)
    fixed: float  # the score when there is nothing to choose
    back: list[bool]
    uni: list[Counter[str]]
    bi: list[Counter[tuple[str, str]]]
    refs: list[Grams]  # one per reference: several editors' picks of one article
    lead: float
    memo: dict[tuple[int, ...], float]

    def score(self, chosen: tuple[int, ...]) -> float:
        if chosen not in self.memo:
            uni: Counter[str] = Counter()
            bi: Counter[tuple[str, str]] = Counter()
            for k in chosen:
                uni.update(self.uni[k])
                bi.update(self.bi[k])
            self.memo[chosen] = multi_rouge(uni, bi, self.refs)
        return self.memo[chosen]


def rouge(uni: Counter[str], bi: Counter[tuple[str, str]], ref: Grams) -> float:
    r1 = f1(sum((uni & ref[0]).values()), sum(uni.values()), sum(ref[0].values()) or 1)
    r2 = f1(sum((bi & ref[1]).values()), sum(bi.values()), sum(ref[1].values()) or 1)
    return (r1 + r2) / 2


def multi_rouge(uni: Counter[str], bi: Counter[tuple[str, str]], refs: list[Grams]) -> float:
    """The score against several references: the mean over them, not the best. Two editors
    agree on about two of three sentences (bench.picks agree); the mean pays a sentence both
    picked twice what one editor's pick earns, so where they agree the fit is told so and
    where they part it is told half of each, which is the noise a second editor is there to
    average out. The best would pay either editor's set in full and could not tell a choice
    both editors back from one only one of them made."""
    return sum(rouge(uni, bi, ref) for ref in refs) / len(refs)


def load(name: str, limit: int) -> list[dict[str, Any]]:
    rows, seen = [], set()
    with (DEV_DIR / name).open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            key = " ".join(row["text"].split())
            ref = row.get("summary_spaced") or row.get("summary")
            if ref and key not in seen:
                seen.add(key)
                rows.append(row)
            if len(rows) >= limit:
                break
    return rows


def halves(rows: list[dict[str, Any]], ids: Iterable[str] | None = None,
           ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The fit and check halves of ``rows``: sorted by id, shuffled with SEED, cut in two. With
    ``ids`` (every stored pick's id, matching or not) the cut is dealt over those ids and a
    row whose pick was lost is then left out of its half, so one stale pick moves no other
    article; with nothing lost the cut is the one dealt over the rows."""
    if ids is None:
        order = sorted(rows, key=lambda r: str(r["id"]))
        random.Random(SEED).shuffle(order)
        half = (len(order) + 1) // 2
        return order[:half], order[half:]
    dealt = sorted({*map(str, ids), *(str(r["id"]) for r in rows)})
    random.Random(SEED).shuffle(dealt)
    at = {ident: n for n, ident in enumerate(dealt)}
    cut = (len(dealt) + 1) // 2
    kept = sorted(rows, key=lambda r: at[str(r["id"])])
    return ([r for r in kept if at[str(r["id"])] < cut],
            [r for r in kept if at[str(r["id"])] >= cut])


def prepare(row: dict[str, Any], lang: str, summ: ExtractiveSummarizer, points: int) -> Item:
    title = row.get("title") or ""
    # A picked set's rows carry every editor's picks (bench.picks.picked); a dev set's one.
    texts = row.get("summaries") or [row.get("summary_spaced") or row["summary"]]
    refs = [grams(t) for t in texts]
    paragraphs = split_paragraphs(row["text"], lang)
    sentences = list(chain.from_iterable(paragraphs))
    lead_u, lead_b = grams(" ".join(sentences[:points]))
    lead = multi_rouge(lead_u, lead_b, refs)
    words = [content_words(s, lang) for s in sentences]
    starts = paragraph_starts(paragraphs)
    cands = summ.candidates(sentences, title, lang, starts=starts)
    barred = quote_pieces(sentences, lang, starts)
    free = [c for c in cands if c[0] not in barred]
    if len(free) <= points:
        u, b = grams(" ".join(s for _, s in free))
        return Item(None, multi_rouge(u, b, refs), [], [], [], refs, lead, {})
    base = summ.pool(cands, words, title, content_words(title, lang), lang, barred=barred)
    pool = MatrixPool(base.sentences, base.index, base.values, base.sets, base.norms,
                      base.idf2, base.title_sim, base.barred)
    n = len(cands)
    pool.matrix = [[base.similarity(a, b) for b in range(n)] for a in range(n)]
    # Every candidate's readings taken once, through the brief's own callables: the fit
    # chooses thousands of times, and weighs them by the rules a brief does.
    if base.told is not None:
        pool.told = [base.told(k) for k in range(n)].__getitem__
    if base.facts is not None:
        pool.facts = [base.facts(k) for k in range(n)].__getitem__
    pool.retells = base.retells
    # A brief's long quotations give way in the fit as well, within the language's margin.
    pool.yielding, pool.fact_margin = base.yielding, base.fact_margin
    if base.units_of is not None:
        pool.units_of = [base.units_of(k) for k in range(n)].__getitem__
        pool.headline_units, pool.units_least = base.headline_units, base.units_least
    counts = [grams(s) for s in pool.sentences]
    return Item(pool, 0.0, [candidate_leans_back(pool.sentences, k, lang, title)
                            for k in range(n)],
                [u for u, _ in counts], [b for _, b in counts], refs, lead, {})


def mean_score(items: list[Item], weights: Mapping[str, float], points: int) -> float:
    total = 0.0
    for it in items:
        if it.pool is None:
            total += it.fixed
            continue
        back = it.back
        chosen = choose(it.pool, weights, points, back.__getitem__)
        total += it.score(tuple(chosen))
    return total / max(len(items), 1)


def objective(groups: list[list[Item]], weights: Mapping[str, float], points: int) -> float:
    """The mean over the sets, less how far any set falls below Lead-3 (the target is to be at
    or above it on every set, not on average)."""
    total = 0.0
    for g in groups:
        got = mean_score(g, weights, points)
        lead = sum(it.lead for it in g) / max(len(g), 1)
        total += got + min(0.0, got - lead)
    return total / len(groups)


def fit(groups: list[list[Item]], start: Mapping[str, float], points: int,
        say: Callable[[str], None], lang: str = "en") -> dict[str, float]:
    w = dict(start)
    best = objective(groups, w, points)
    for p in range(PASSES):
        changed = False
        for name in (*FEATURES, *THRESHOLDS):
            if name == "position" or ONLY.get(name, lang) != lang:
                continue
            for value in grid(name, lang):
                if value == w[name]:
                    continue
                trial = {**w, name: value}
                got = objective(groups, trial, points)
                if got > best + MIN_GAIN:
                    best, w, changed = got, trial, True
        say(f"  pass {p + 1}: objective {100 * best:.2f}")
        if not changed:
            break
    return w


INITIAL = {
    "position": 1.0, "early": 0.0, "lede": 0.3, "centrality": 1.0, "headline": 0.3,
    "headline_cover": 0.0, "headline_numbers": 0.3,
    "entities": 0.0, "numbers": 0.0, "price": 0.2, "quote": 0.0, "length": 0.45, "cut": -0.1,
    "no_fit": -0.4, "caption": -0.4, "heading": -0.4, "question": 0.0, "refers_back": -2.0,
    "redundancy": -0.4, "duplicate": 0.55, "headline_copy": 0.9,
    "headline_nouns": 0.0, "speakerless": 0.0, "background": 0.0, "headline_gain": 0.0,
    "purpose": 0.0, "headline_figure": 0.0, "key_fact": 0.0, "restates": 0.0,
}


# Where a language's dev sets cannot tell (no gain either way), a weight keeps its start. Korean
# starts `heading` (a line with no sentence ending: a subhead, a photo caption) at the strong
# penalty a reader would give it: the science set's references pay for a caption that
# restates the story (from -0.4 the fit kept -0.4 and took such a caption as a point), and
# the news picks are flat on it. English has no such lines (the feature never fires there).
# Korean starts `background` (앞서, 당시, 지난해 …: what happened before the news) at -0.2, the
# weight the first editor's picks alone gave it: scored against both editors' picks the fit
# cannot tell -0.2 from 0. From 0 it stays at 0 and ends headline_numbers at 0, not 0.1: an
# objective 0.02 lower on the fit half and 0.01 higher on the check half, both under MIN_GAIN.
# Of the 16 Korean news briefs that would change (none in science), a read found 6 worse, 4
# better: five of the worse took a background point ("당시 심문 기일에서 …", "앞서 오동운
# 공수처장은 …" in place of the headline's news), two of the better did. Readers mark
# background points down (issue 28).
# English starts `purpose` (the writer says what the piece presents: "This post presents …",
# "Here, we show …"; issue 28) at 0.45: no BBC, CNN/DM or wire sentence says that, so the dev
# sets cannot weigh it and it moves feed items only. The start is a read's: of the feed items
# it moves at 0.3 / 0.45 / 0.6 / 0.8 (5 / 6 / 7 / 8), 0.45 gave five briefs that say what a
# post or an abstract presents in place of its setup, one worse (an abstract's two findings
# lost to its "In this study, we demonstrated …" and a sentence of earlier work); 0.6 added a
# tie (a post's "This post explains the design …" for its key result), 0.8 a vague one
# ("This post presents the parts of the vgo design that address these issues.").
# Korean starts `headline_figure` at the lowest value on its grid (GRID says why).
START = {"ko": {"heading": -1.6, "background": -0.2, "headline_figure": 0.3},
         "en": {"purpose": 0.45}}
# Weights set by reading, added to the fit's after it (which fits the others without them).
# English ``restates`` (a point that retells a chosen one) is set by reading. Re-run at stop 42's
# review (its final rules: new figures and names exempt, stories of 16 candidates or more): on
# the DOWN grid from 0 the fit picks -1.6 and moves nothing else (objective 38.40 -> 38.52; fit
# halves BBC 50.5 both, CNN/DM 26.5 against 26.3 at -0.2; check halves BBC 50.7, CNN/DM 25.8,
# wire 55.0 at -1.6 and at -0.2 alike). Held at -0.2 from the start it moves no other weight
# (check halves the same 50.7 / 25.8 / 55.0). So ROUGE does not tell -0.2 from -1.6 where it is
# held out; reading does: -0.45 and -1.6 move the same 3 dev and feed briefs beyond -0.2, and
# each loses its news (China's "bear the consequences", "But in reality China is four times
# bigger than Greenland"), while -0.2's moved news briefs were preferred 11 of 13 in a blind
# read. ``--check`` copies this weight (it cannot test it).
# Korean ``restates`` (a quotation that says again a chosen point's quoted clause; the lede
# never counts) is set by reading too, at stop 45: of main's 290 Korean feed briefs 5 carried
# such a point by the first reading; after its review (a reversal, a question, another speaker,
# a general verb such as 하다 and a dated sentence are no retelling) three do (ko89, ko198,
# ko277), and -0.45 and -1.0 both move them and no other Korean or science brief (-0.2 keeps
# ko198's). The fit is not asked: its grid for the weight holds 0 only, as for English.
# Each is the shipped row's weight (bot.summarize.weights), a test keeps the two the same.
HAND_SET = {"en": {"restates": -0.2}, "ko": {"restates": -1.0}}


def fitted(points: int = 3, say: Callable[[str], None] = print,
           langs: Iterable[str] | None = None) -> dict[str, dict[str, float]]:
    """Fit every language (or ``langs``); print the fit and check halves against Lead-3 and
    the shipped weights."""
    summ = ExtractiveSummarizer()
    out: dict[str, dict[str, float]] = {}
    for lang, sets in SETS.items():
        if langs is not None and lang not in langs:
            continue
        fit_groups, check_groups, names = [], [], []
        watched: list[tuple[str, list[Item]]] = []  # CHECK_ONLY sets: scored, never fitted
        for name, limit in sets:
            if name in picks.SETS:
                # The set's own held-out half is for blind reads only: its picked fit half is
                # cut again, into a half that fits and one that checks.
                rows, lost = picks.picked(name)
                absent = picks.absent(name)
                if absent is not None:
                    say(f"  WARNING {name}: its articles are absent ({absent} not found; "
                        "../shared's data): not fitted, and the fit cannot reproduce "
                        "bot/summarize/weights.py")
                elif lost:
                    say(f"  {name}: {lost} stale picks (no longer matching their article or "
                        "its fit half), left out of their half; the others keep theirs")
                if not rows:
                    continue
                a, b = halves(rows, picks.stored_ids(name))
            else:
                a, b = halves(load(name, limit))
            if name in CHECK_ONLY:
                watched.append((name, [prepare(r, lang, summ, points) for r in a + b]))
                continue
            fit_groups.append([prepare(r, lang, summ, points) for r in a])
            check_groups.append([prepare(r, lang, summ, points) for r in b])
            names.append(name.removesuffix(".jsonl"))
        say(f"{lang}: fitting on {sum(map(len, fit_groups))} articles "
            f"({', '.join(f'{n} {len(g)}' for n, g in zip(names, fit_groups, strict=True))})")
        w = fit(fit_groups, {**INITIAL, **START.get(lang, {})}, points, say, lang)
        w.update(HAND_SET.get(lang, {}))
        # A feature of another language only is not stored in this language's row.
        w = {k: v for k, v in w.items() if ONLY.get(k, lang) == lang}
        out[lang] = w
        for label, pairs in (("fit", list(zip(names, fit_groups, strict=True))),
                             ("check", [*zip(names, check_groups, strict=True), *watched])):
            for name, g in pairs:
                lead = sum(it.lead for it in g) / max(len(g), 1)
                say(f"  {label:<5} {name:<22} fitted {100 * mean_score(g, w, points):5.1f}"
                    f"  shipped {100 * mean_score(g, WEIGHTS.get(lang, {}) or w, points):5.1f}"
                    f"  Lead-3 {100 * lead:5.1f}   (mean of R1 and R2 F1)")
    return out


def render(weights: dict[str, dict[str, float]]) -> str:
    head = WEIGHTS_FILE.read_text(encoding="utf-8").split("WEIGHTS: dict", 1)[0]
    lines = [head.rstrip() + "\n\nWEIGHTS: dict[str, dict[str, float]] = {\n"]
    for lang, w in weights.items():
        lines.append(f'    "{lang}": {{\n')
        for name in (*FEATURES, *THRESHOLDS):
            if name not in w:
                continue
            lines.append(f'        "{name}": {w[name]!r},\n')
        lines.append("    },\n")
    lines.append("}\n")
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="store the weights in weights.py")
    ap.add_argument("--check", action="store_true", help="fail unless they equal the shipped")
    # One language refitted alone keeps the others' shipped weights (a Korean rule change
    # need not wait for the English fit, nor move it).
    ap.add_argument("--lang", action="append", choices=sorted(SETS),
                    help="fit only this language (repeatable); the others stay as shipped")
    args = ap.parse_args(argv)
    if not DEV_DIR.is_dir():
        print(f"fit_selection: no dev sets under {DEV_DIR}, skipped")
        return 0
    weights = fitted(langs=args.lang)
    for lang, w in weights.items():
        print(f"{lang}: " + ", ".join(f"{k} {v:g}" for k, v in w.items()))
    if args.write:
        WEIGHTS_FILE.write_text(render({**WEIGHTS, **weights}), encoding="utf-8")
        print(f"wrote {WEIGHTS_FILE}")
    if args.check and weights != {k: WEIGHTS[k] for k in weights}:
        print("fit_selection: the fit does not reproduce bot/summarize/weights.py")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The sentence selector: one scoring function over named features, with weights fitted by
``bench/fit_selection.py`` and stored in ``bot.summarize.weights``.

A candidate's score is ``sum(weight[f] * value[f])`` over the features below, each valued in
[0, 1]. The static features are known before anything is chosen; the two dynamic ones
(``refers_back``, ``redundancy``) depend on the points already chosen and only ever lower a score
(their weights are fitted at or below zero), so candidates are visited in static-score order and
the scan stops once no later one can win. Two hard limits stay: a near-duplicate of a chosen
point (similarity at or above ``duplicate``) and a restated headline (cosine at or above
``headline_copy``) are never taken; both thresholds are fitted too.
"""

from __future__ import annotations

import heapq
import math
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import overload

from bot.summarize.korean import ANALYSIS
from bot.summarize.lang import Analyser, Cues
from bot.summarize.lang.registry import LANGUAGES, language
from bot.summarize.text import bigrams, with_bigrams
from bot.summarize.trim import fits

# What is known of a sentence before anything is chosen.
STATIC = (
    "position",  # 1/sqrt(1 + rank among the candidates): news puts the news first
    "early",  # among the first three candidates: where news stories put the news
    "lede",  # the first candidate that is neither caption-like nor a subheading
    "centrality",  # cosine to the whole article (terms weighted by IDF and frequency)
    "headline",  # cosine to the headline: it carries what the story is about
    "headline_cover",  # share of the headline's terms it carries: the story's central event
    "headline_numbers",  # numbers of the headline the sentence repeats (0, 1/2, 1)
    "entities",  # share of the story's central names (capitalised, repeated) it carries
    "numbers",  # it states a figure
    "price",  # a price, under a headline about prices or plans
    "quote",  # a quotation with its speaker named
    "length",  # characters up to IDEAL_CHARS, as a share of it
    "cut",  # only a clause-boundary prefix of it fits the point budget
    "no_fit",  # no faithful way to fit the budget
    "caption",  # caption-like: "(pictured)", "Scroll down", a bare "…, he said."
    "heading",  # Korean: a line with no sentence ending (a subheading)
    "question",  # it asks rather than tells
    # Korean only (0 elsewhere): what news readers missed or tripped over.
    "headline_nouns",  # share of the headline's Kiwi nouns and numbers the sentence carries
    "speakerless",  # a quotation whose speaker the sentence does not name
    "background",  # what happened before the news ("앞서 …", "…한 바 있다")
)
# What depends on the points already chosen; weights at or below zero.
DYNAMIC = (
    "refers_back",  # it opens by leaning on a sentence that is not the point before it
    "redundancy",  # similarity to the closest chosen point
    # The headline units (``Language.headline_units``; Korean: the lemmas of a headline's
    # second fact) the sentence carries that no chosen point carries yet, as a share of the
    # headline's. Weight at or above zero.
    "headline_gain",
)
FEATURES = STATIC + DYNAMIC
THRESHOLDS = ("duplicate", "headline_copy")
IDEAL_CHARS = 140

_POSITION = [1.0 / math.sqrt(1.0 + rank) for rank in range(256)]
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_DIGIT = re.compile(r"\d")


@dataclass(slots=True)
class Pool:
    """The candidates of one article with their static feature values, ready to be chosen from.
    ``sets``/``norms``/``idf2`` give the similarity of two candidates; ``title_sim`` the cosine
    of each to the headline; ``index`` each candidate's position in the article; ``barred``
    the candidates that count in the article's vector but are never a point (pieces of a
    quotation the splitter cut)."""

    sentences: list[str]
    index: list[int]
    values: Sequence[tuple[float, ...]]  # one value per STATIC feature
    sets: list[frozenset[str]]
    norms: list[float]
    idf2: dict[str, float]
    title_sim: list[float]
    barred: frozenset[int] = frozenset()
    # For ``headline_gain``, where the language names headline units
    # (``Language.headline_units``): those units, and the ones candidate k carries, read only
    # when choose() asks (the analyser is slow, and choose() visits few candidates).
    headline_units: frozenset[str] = frozenset()
    units_of: Callable[[int], frozenset[str]] | None = None
    # A superset of ``units_of(k)`` that costs no analysis (``Language.units_maybe``), if any.
    units_maybe: Callable[[int], frozenset[str]] | None = None
    # For a brief: each candidate's bound on its static score under the weights ``upper_for``
    # (those the pool was built with), so that choose() reads the values (then worked out
    # when first read) only of the candidates that may rank next. None: all are read.
    upper: list[float] | None = None
    upper_for: Mapping[str, float] | None = None

    def similarity(self, a: int, b: int) -> float:
        return sum(map(self.idf2.__getitem__, self.sets[a] & self.sets[b])) / (
            self.norms[a] * self.norms[b]
        )

def _wanted(weights: Mapping[str, float] | None) -> Callable[[str], bool]:
    """Whether a feature is to be computed: all of them for the fit, the weighted for a brief."""
    return lambda feature: weights is None or weights[feature] != 0.0


def _no_cues(k: int, sentence: str, lede: bool) -> Cues:
    return _NO_CUES


_NO_CUES: Cues = (0.0,) * 6


def build_pool(
    cands: list[tuple[int, str]],
    words: list[list[str]],
    title: str,
    title_words: list[str],
    lang: str,
    limit: int,
    caption_like: Callable[[str], bool],
    weights: Mapping[str, float] | None = None,
    leans_back: Callable[[str], bool] | None = None,
) -> Pool:
    """The static features of each candidate ``(index, sentence)``; ``words`` are the content
    words of every sentence of the article (by index). Given ``weights``, a feature weighted
    zero is not computed (it is 0.0): the fit needs every feature, a brief only the used.
    ``leans_back``, where given, keeps a sentence that opens by leaning back from being the
    lede ("And, of course, we talk about …" opens no story)."""
    # Sentences as term *sets* weighted by IDF (binary TF: a sentence rarely repeats a
    # term), so every product below is a sum over a set, done by map() in C.
    rules = language(lang)
    if rules.spaceless_compounds:
        sets = [frozenset(chain.from_iterable(map(bigrams, words[i]))) for i, _ in cands]
    else:
        sets = [frozenset(words[i]) for i, _ in cands]
    df = Counter(chain.from_iterable(sets))
    n = len(cands)
    log_by_df = {d: math.log(1.0 + n / d) ** 2 for d in set(df.values())}
    # Built with zip/map rather than comprehensions: these run over every term.
    idf2 = dict(zip(df.keys(), map(log_by_df.__getitem__, df.values()), strict=True))
    # The document vector weights a term by how many sentences carry it.
    doc_w = dict(zip(df.keys(), map(operator.mul, df.values(), idf2.values()), strict=True))
    doc_norm = math.sqrt(sum(map(operator.mul, df.values(), doc_w.values()))) or 1.0
    weight = idf2.__getitem__
    norms = [math.sqrt(sum(map(weight, ts))) or 1.0 for ts in sets]
    title_terms = with_bigrams(title_words) if rules.spaceless_compounds else title_words
    title_set = frozenset(title_terms) & df.keys()
    title_norm = math.sqrt(sum(map(weight, title_set))) or 1.0
    central = [sum(map(doc_w.__getitem__, ts)) / doc_norm for ts in sets]
    # Each candidate's headline terms, taken once: the cosine and the cover both read them.
    in_title = [ts & title_set for ts in sets] if title_set else []
    to_title = [sum(map(weight, ts)) for ts in in_title] if title_set else [0.0] * n
    title_sim = [t / (norms[k] * title_norm) for k, t in enumerate(to_title)]
    n_title = len(title_set)
    # A language's row may lack a feature (Korean has no headline_cover): weighted zero.
    covering = n_title and (weights is None or weights.get("headline_cover", 0.0) != 0.0)
    title_cover = [len(ts) / n_title for ts in in_title] if covering else [0.0] * n
    title_numbers = set(_NUMBER.findall(title))
    if weights is not None and weights.get("headline_numbers", 0.0) == 0.0:
        title_numbers = set()  # no candidate's numbers are read against the headline's
    asking = weights is None or weights.get("question", 0.0) != 0.0
    any_number = weights is None or weights["numbers"] != 0.0
    # The language's own cues (names, prices, quotes, the headline's nouns, background); a
    # language with no rules of its own has none.
    own = LANGUAGES.get(lang)
    cues = (own.cues([s for _, s in cands], title, _wanted(weights), ANALYSIS) if own
            else _no_cues)
    ended = rules.sentence_ending
    captions: dict[int, bool] = {}  # caption_like of the candidates read so far

    def caption_of(k: int) -> bool:
        if k not in captions:
            captions[k] = caption_like(cands[k][1])
        return captions[k]

    def heading_of(k: int) -> bool:
        return ended is not None and not ended.search(cands[k][1])

    # The lede: the first candidate that is neither caption-like nor a heading, nor leans back.
    lede = next((k for k, (_, s) in enumerate(cands) if not caption_of(k) and not heading_of(k)
                 and not (leans_back and leans_back(s))), -1)

    # The language's cues of every candidate (cheap: a bound reads them, as do most scores).
    cued = [cues(k, s, k == lede) for k, (_, s) in enumerate(cands)]

    def values_of(k: int) -> tuple[float, ...]:
        s = cands[k][1]
        fit_kind = 2 if len(s) <= limit else fits(s, limit, lang)  # most sentences fit
        first = 1.0 if k == lede else 0.0
        # Only what a weight asks for: findall on every candidate is a tenth of the scoring.
        numbers = _NUMBER.findall(s) if title_numbers else ()
        has_number = bool(numbers) or (any_number and _DIGIT.search(s) is not None)
        entity, price, quote, *news = cued[k]
        return (
            _position(k),
            1.0 if k < 3 else 0.0,
            first,
            central[k] / norms[k],
            title_sim[k],
            title_cover[k],
            min(len(title_numbers.intersection(numbers)), 2) / 2 if title_numbers else 0.0,
            entity,
            1.0 if has_number else 0.0,
            price,
            quote,
            min(len(s), IDEAL_CHARS) / IDEAL_CHARS,
            1.0 if fit_kind == 1 else 0.0,
            1.0 if fit_kind == 0 else 0.0,
            1.0 if caption_of(k) else 0.0,
            1.0 if heading_of(k) else 0.0,
            1.0 if asking and s.rstrip("\"'”’) ").endswith("?") else 0.0,
            *news,
        )

    if weights is None:  # the fit reads every value of every candidate
        pool = Pool([s for _, s in cands], [i for i, _ in cands],
                    [values_of(k) for k in range(n)], sets, norms, idf2, title_sim)
    else:
        # A brief: choose() reads few candidates' values (about one in four of a BBC story's),
        # in static-score order; each candidate's bound on its score, from the features known
        # here, lets it read the others' values only when one could still come next.
        pool = Pool([s for _, s in cands], [i for i, _ in cands], _LazyValues(n, values_of),
                    sets, norms, idf2, title_sim)
        pool.upper = _upper_bounds(weights, lede, central, norms, title_sim, title_cover,
                                   [len(s) for _, s in cands], cued, bool(title_numbers))
        pool.upper_for = weights
    units = rules.headline_units
    read = rules.units_in
    if units is not None and read is not None and (
            weights is None or weights.get("headline_gain", 0.0) != 0.0):
        pool.headline_units = units(title, ANALYSIS.morphs)
        if pool.headline_units:
            pool.units_of = _units_of(pool.sentences, pool.headline_units, read)
            maybe = rules.units_maybe
            if maybe is not None:
                sentences, head = pool.sentences, pool.headline_units
                pool.units_maybe = lambda k: maybe(sentences[k], head)
    return pool


def _position(k: int) -> float:
    return _POSITION[k] if k < len(_POSITION) else 1.0 / math.sqrt(1 + k)


class _LazyValues(Sequence[tuple[float, ...]]):
    """A pool's values, each candidate's worked out when first read (``of(k)``)."""

    __slots__ = ("_of", "_read")

    def __init__(self, n: int, of: Callable[[int], tuple[float, ...]]) -> None:
        self._of = of
        self._read: list[tuple[float, ...] | None] = [None] * n

    def __len__(self) -> int:
        return len(self._read)

    @overload
    def __getitem__(self, k: int) -> tuple[float, ...]: ...

    @overload
    def __getitem__(self, k: slice) -> list[tuple[float, ...]]: ...

    def __getitem__(self, k: int | slice) -> tuple[float, ...] | list[tuple[float, ...]]:
        if isinstance(k, slice):
            return [self[i] for i in range(len(self))[k]]
        v = self._read[k]
        if v is None:
            v = self._read[k] = self._of(range(len(self._read))[k])
        return v


# The features a candidate's bound reads as they are (known of every candidate before any
# value is read): those below and the language's cues (``_CUED``, in the order cues give them).
# Each other one is bounded by its weight where that is positive (every value is in [0, 1]).
_KNOWN = ("position", "early", "lede", "centrality", "headline", "headline_cover", "length")
_CUED = ("entities", "price", "quote", *STATIC[STATIC.index("question") + 1:])
# Far above the rounding of a sum of twenty products near 1: a bound is never below the score
# that sum(map(mul, …)) gives.
_SLACK = 1e-9


def _upper_bounds(
    weights: Mapping[str, float], lede: int, central: list[float], norms: list[float],
    title_sim: list[float], title_cover: list[float], lengths: list[int], cued: list[Cues],
    title_numbers: bool,
) -> list[float]:
    """Each candidate's upper bound on its static score under ``weights`` (``title_numbers``:
    whether the headline's numbers are read against the candidates')."""
    w = {f: weights.get(f, 0.0) for f in _KNOWN}
    w_cued = [weights.get(f, 0.0) for f in _CUED]
    unknown = set(STATIC) - set(_KNOWN) - set(_CUED) - (set() if title_numbers
                                                        else {"headline_numbers"})
    rest = sum(max(weights.get(f, 0.0), 0.0) for f in sorted(unknown)) + _SLACK
    return [w["position"] * _position(k) + w["early"] * (1.0 if k < 3 else 0.0)
            + w["lede"] * (1.0 if k == lede else 0.0) + w["centrality"] * (central[k] / norms[k])
            + w["headline"] * title_sim[k] + w["headline_cover"] * title_cover[k]
            + w["length"] * (min(n, IDEAL_CHARS) / IDEAL_CHARS)
            + sum(map(operator.mul, w_cued, cued[k])) + rest
            for k, n in enumerate(lengths)]


class _Ranking:
    """The candidates by static score, highest first and ties in article order (as sorted()
    ranks them), ranked only as far as choose() reads. With bounds (``Pool.upper``), a
    candidate's values are read once no unread candidate's bound reaches the best unranked
    score read; without, every score is read and sorted."""

    def __init__(self, pool: Pool, w_static: list[float], upper: list[float] | None) -> None:
        values = pool.values
        self._w = w_static
        self._values = values
        self._upper = upper
        if upper is None:
            self.static = [sum(map(operator.mul, w_static, v)) for v in values]
            self._order = sorted(range(len(self.static)), key=self.static.__getitem__,
                                 reverse=True)
            self._by_bound: list[int] = []
        else:
            self.static = [0.0] * len(values)  # each filled as its candidate is read
            self._order = []
            self._by_bound = sorted(range(len(upper)), key=upper.__getitem__, reverse=True)
        self._next = 0  # the first of _by_bound not read yet
        self._read: list[tuple[float, int]] = []  # (-score, index) of the read, not ranked yet

    def __iter__(self) -> Iterator[int]:
        i = 0
        while i < len(self._order) or self._rank_next():
            yield self._order[i]
            i += 1

    def _rank_next(self) -> bool:
        if self._upper is None:
            return False
        upper, by_bound, read = self._upper, self._by_bound, self._read
        # An unread candidate's score is at most its bound: the best read one comes first
        # only when it beats every bound left (a tie may be an earlier candidate's).
        while self._next < len(by_bound) and (
                not read or upper[by_bound[self._next]] >= -read[0][0]):
            k = by_bound[self._next]
            self._next += 1
            score = self.static[k] = sum(map(operator.mul, self._w, self._values[k]))
            heapq.heappush(read, (-score, k))
        if not read:
            return False
        self._order.append(heapq.heappop(read)[1])
        return True


def _units_of(
    sentences: list[str], units: frozenset[str],
    read: Callable[[str, frozenset[str], Analyser], frozenset[str]],
) -> Callable[[int], frozenset[str]]:
    """Candidate k's headline units, each candidate read once."""
    cache: dict[int, frozenset[str]] = {}

    def of(k: int) -> frozenset[str]:
        if k not in cache:
            cache[k] = read(sentences[k], units, ANALYSIS.morphs)
        return cache[k]

    return of


def choose(
    pool: Pool,
    weights: Mapping[str, float],
    points: int,
    leans_back: Callable[[int], bool],
) -> list[int]:
    """Greedy choice of ``points`` candidates (their positions in the pool, in article order)
    by the weighted score; ``leans_back(k)`` says whether candidate k opens by leaning on the
    sentence before it (asked lazily: for Korean it may need the analyser)."""
    # A language's row lacks the features of other languages only (their values are 0).
    w_static = [weights.get(f, 0.0) for f in STATIC]
    w_back, w_red = weights["refers_back"], weights["redundancy"]
    duplicate, headline_copy = weights["duplicate"], weights["headline_copy"]
    units_of, units_maybe = pool.units_of, pool.units_maybe
    w_gain = weights.get("headline_gain", 0.0) if units_of is not None else 0.0
    unit = w_gain / len(pool.headline_units) if w_gain else 0.0
    ranking = _Ranking(pool, w_static, pool.upper if pool.upper_for is weights else None)
    static = ranking.static  # each candidate's, once ranking has read it
    index = pool.index
    chosen: list[int] = []
    left = pool.headline_units  # the headline units no chosen point carries yet
    while len(chosen) < points:
        best, best_score = -1, -math.inf
        reach = unit * len(left)  # the most any candidate can gain: the scan stops below it
        for k in ranking:
            if static[k] + reach <= best_score:
                break
            if k in chosen or k in pool.barred or pool.title_sim[k] >= headline_copy:
                continue  # a point already, no point at all, or the headline said again
            sim = max((pool.similarity(k, j) for j in chosen), default=0.0)
            if sim >= duplicate:
                continue  # a near-duplicate of a point
            score = static[k] + w_red * sim
            if reach and units_of is not None:
                if score + reach <= best_score or (units_maybe is not None and (
                        score + unit * len(units_maybe(k) & left) <= best_score)):
                    continue  # cannot win even with every unit it may carry: no reading
                score += unit * len(units_of(k) & left)
            # Leaning back is fine right after the sentence it leans on.
            if score > best_score and w_back and leans_back(k):
                prev = k - 1
                if not (prev >= 0 and prev in chosen and index[prev] == index[k] - 1):
                    score += w_back
            if score > best_score:
                best, best_score = k, score
        if best < 0:
            break
        chosen.append(best)
        if reach and units_of is not None:
            left = left - units_of(best)
    return sorted(chosen)

"""The Korean speed cuts of stop 48 (issue 26): fewer lookups, the same values."""

from __future__ import annotations

import math
from dataclasses import fields

from bot.summarize.scoring import STATIC, Pool, build_pool, choose

# The weights choose() reads, written out rather than taken from WEIGHTS["ko"]: the scans these
# tests rely on depend on the values, and bench/fit_selection.py refits the shipped ones
# (with the shipped redundancy, -0.45, the scans of rounds 2 and 3 both reach candidate 4
# below; with -0.1 they do not, and the count test would pass on the old code too).
_WEIGHTS = {
    "position": 1.0,
    "centrality": 1.6,
    "headline": 0.2,
    "length": 0.45,
    "refers_back": -2.0,
    "redundancy": -0.45,
    "duplicate": 0.55,
    "headline_copy": 0.9,
}


class _Term(str):
    """A term that counts how often a dict or set hashes it (a str subclass's hash is not
    cached, so every lookup calls ``__hash__``)."""

    hashed = 0

    def __hash__(self) -> int:
        _Term.hashed += 1
        return str.__hash__(self)


class _Counting(Pool):
    """A pool that records every similarity choose() asks for, as (candidate, point)."""

    __slots__ = ("asked",)
    asked: list[tuple[int, int]]

    def similarity(self, a: int, b: int) -> float:
        self.asked.append((a, b))
        return Pool.similarity(self, a, b)


def _hashes_of_build_pool(words: list[list[str]]) -> int:
    terms: list[list[str]] = [[_Term(w) for w in ws] for ws in words]
    cands = [(i, " ".join(ws) + " 했다.") for i, ws in enumerate(words)]
    _Term.hashed = 0
    # "xx": a language with no rules of its own, so no cue reads the terms; its sets are the
    # terms themselves (no bigrams), the _Term objects.
    build_pool(cands, terms, "", [], "xx", 300, lambda s: False)
    return _Term.hashed


def test_build_pool_reads_each_candidates_terms_from_one_dict_once() -> None:
    # Each candidate's norm and centrality come from its terms' counts, read once from the
    # count dict; before, each term was looked up in idf2 and in a dict of document weights,
    # and that second dict was built over every distinct term (54 hashes here before, 37 now).
    words = [["가", "나", "다"], ["가", "라"], ["나", "마", "바"], ["가", "사"]]
    occurrences = sum(map(len, words))  # 10
    distinct = len({w for ws in words for w in ws})  # 7
    # Each occurrence: its set, the count, the read of its count; each distinct term: idf2.
    assert _hashes_of_build_pool(words) == 3 * occurrences + distinct


def test_choose_compares_a_candidate_with_a_point_once() -> None:
    # Ten sentences of four syllables each, each sharing one with the next.
    syllables = "가나다라마바사아자차카타파하"
    words = [[syllables[(i * 3 + j) % 14] for j in range(4)] for i in range(10)]
    cands = [(i, " ".join(ws) + " 했다.") for i, ws in enumerate(words)]
    built = build_pool(cands, words, "가 나", ["가", "나"], "xx", 300, lambda s: False)
    pool = _Counting(**{f.name: getattr(built, f.name) for f in fields(Pool)})
    pool.asked = []
    assert choose(pool, _WEIGHTS, 3, lambda k: False) == [0, 1, 3]
    # The scans of rounds 2 and 3 both reach candidate 4: round 3 compares it with point 1
    # only (before, with point 0 again: 12 similarities for these 11 pairs).
    assert pool.asked == [
        (1, 0), (4, 0),  # round 2
        (4, 1), (2, 0), (2, 1), (5, 0), (5, 1), (9, 0), (9, 1), (3, 0), (3, 1),  # round 3
    ]


def test_choose_weighs_a_candidate_against_every_point_chosen() -> None:
    # Five candidates scored by position alone (1.0 down to 0.6), every term's idf2 1.0.
    # Candidate 1 says point 0 again (similarity 1.0, a duplicate); candidate 3 is close to
    # point 0 (0.82) and first reached in round 3, after point 2 was chosen. A cache that kept
    # only the latest point's similarity takes 1 ([0, 1, 2]); one that compared a candidate
    # with the last point only takes 3 ([0, 2, 3]).
    sets = [frozenset(s) for s in ("ab", "ab", "c", "abx", "d")]
    position = STATIC.index("position")
    values = [tuple(v if i == position else 0.0 for i in range(len(STATIC)))
              for v in (1.0, 0.9, 0.8, 0.7, 0.6)]
    pool = Pool(
        sentences=[f"s{k}" for k in range(5)],
        index=list(range(5)),
        values=values,
        sets=sets,
        norms=[math.sqrt(len(s)) for s in sets],
        idf2=dict.fromkeys("abcdx", 1.0),
        title_sim=[0.0] * 5,
    )
    weights = {"position": 1.0, "refers_back": 0.0, "redundancy": -0.5, "duplicate": 0.9,
               "headline_copy": 2.0}
    assert choose(pool, weights, 3, lambda k: False) == [0, 2, 4]

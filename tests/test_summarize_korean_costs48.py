"""The Korean speed cuts of stop 48 (issue 26): fewer lookups, the same values."""

from __future__ import annotations

from bot.summarize.scoring import build_pool


class _Term(str):
    """A term that counts how often a dict or set hashes it (a str subclass's hash is not
    cached, so every lookup calls ``__hash__``)."""

    hashed = 0

    def __hash__(self) -> int:
        _Term.hashed += 1
        return str.__hash__(self)


def _hashes_of_build_pool(words: list[list[str]]) -> int:
    terms = [[_Term(w) for w in ws] for ws in words]
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
    from dataclasses import fields

    from bot.summarize.scoring import Pool, choose
    from bot.summarize.weights import WEIGHTS

    class _Counting(Pool):
        __slots__ = ("asked",)

        def similarity(self, a: int, b: int) -> float:
            self.asked.append((a, b))
            return Pool.similarity(self, a, b)

    # Ten sentences of four syllables each, each sharing one with the next: the scans of the
    # second and third rounds both reach candidate 4 (before: compared with point 0 twice).
    syllables = "가나다라마바사아자차카타파하"
    words = [[syllables[(i * 3 + j) % 14] for j in range(4)] for i in range(10)]
    cands = [(i, " ".join(ws) + " 했다.") for i, ws in enumerate(words)]
    built = build_pool(cands, words, "가 나", ["가", "나"], "xx", 300, lambda s: False)
    pool = _Counting(**{f.name: getattr(built, f.name) for f in fields(Pool)})
    pool.asked = []
    chosen = choose(pool, WEIGHTS["ko"], 3, lambda k: False)
    assert len(chosen) == 3
    # A later round compares a candidate with the points chosen since only (before, with
    # every point again).
    assert pool.asked and len(pool.asked) == len(set(pool.asked))

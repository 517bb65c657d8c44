"""The summarizer's caches are bounded: a long-running bot meets ever more distinct words, and
an unbounded (or very large) cache is memory that only grows."""

from __future__ import annotations

import importlib
from typing import Any

from bot.summarize import korean, text
from bot.summarize.lang import Memo
from tests.support.tagging import needs_kiwi

MODULES = ("bot.summarize.text", "bot.summarize.tags", "bot.summarize.labels",
           "bot.summarize.korean", "bot.summarize.extractive", "bot.summarize.trim",
           "bot.summarize.lang.ko.tagging", "bot.summarize.lang.ko.tagging.mentions",
           "bot.summarize.lang.ko.tagging.people", "bot.summarize.lang.en.labelling",
           "bot.summarize.lang.ko.labelling")


def _lru_caches() -> list[tuple[str, Any]]:
    found = []
    for name in MODULES:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if callable(value) and hasattr(value, "cache_info"):
                found.append((f"{name}.{attr}", value))
    return found


def test_every_summarizer_cache_has_a_small_maxsize() -> None:
    caches = _lru_caches()
    assert len(caches) >= 7  # the word caches of text, tags and labels
    for name, cached in caches:
        maxsize = cached.cache_info().maxsize
        assert maxsize is not None and maxsize <= text.WORD_CACHE_SIZE, (name, maxsize)
    assert text._TERM_CACHE_SIZE <= 4 * text.WORD_CACHE_SIZE
    assert len(text._BIGRAMS) <= text.WORD_CACHE_SIZE  # cleared when full
    assert korean._MORPHS_SIZE <= 1024  # Korean analyses: keyed by whole sentences


def test_the_korean_analysis_cache_evicts_the_oldest_first(monkeypatch: Any) -> None:
    # Bounded, and what was analysed last stays: clearing the whole cache when full dropped
    # the analyses of the article being briefed, which then cost Kiwi a second time.
    monkeypatch.setattr(korean, "_MORPHS_SIZE", 4)
    korean.clear_cache()
    for n in range(10):
        korean._remember(f"문장 {n}", ())
        assert len(korean._MORPHS) <= 4
    assert list(korean._MORPHS) == ["문장 6", "문장 7", "문장 8", "문장 9"]
    korean._remember("문장 7", ())  # again: nothing is evicted for a sentence already held
    assert list(korean._MORPHS) == ["문장 6", "문장 7", "문장 8", "문장 9"]


@needs_kiwi
def test_the_korean_split_cache_evicts_the_oldest_first(monkeypatch: Any) -> None:
    monkeypatch.setattr(korean, "_MORPHS_SIZE", 2)
    korean.clear_cache()
    lines = [f"그는 “예산을 {n}억 늘리겠다. 더 늘린다.”고 말했다. 야당은 반발했다."
             for n in range(3)]
    for line in lines:
        assert korean.split_line(line) is not None
        assert len(korean._SPLITS) <= 2
    assert list(korean._SPLITS) == lines[1:]
    korean.clear_cache()


def test_the_term_cache_is_cleared_when_full() -> None:
    cache = Memo(text._term_of, 8)  # text._TERMS, with a bound of 8
    for n in range(20):
        assert cache[f"profits{n}"] == f"profits{n}"
        assert len(cache) <= 8
    assert cache["profits"] == "profit"  # still right after a clear


def test_a_brief_reads_whether_a_candidate_leans_back_once(monkeypatch: Any) -> None:
    # choose() asks again of the candidates it revisits, round after round; for Korean a
    # reading may need the analyser, so each candidate is read once.
    from bot.summarize import extractive

    read: list[int] = []
    real = extractive.candidate_leans_back

    def counted(sentences: list[str], k: int, lang: str, title: str) -> bool:
        read.append(k)
        return real(sentences, k, lang, title)

    monkeypatch.setattr(extractive, "candidate_leans_back", counted)
    # Two of the best open by leaning back ("It", "They"): weighed down, each is asked of
    # again in the next round.
    sentences = [
        "The city council approved a new budget for the harbour on Monday night.",
        "It sets aside money for a new harbour pier and for dredging the harbour budget.",
        "They also raise the harbour fees that cargo ships pay under the council budget.",
        "Shipping firms said the higher fees would drive cargo to other ports.",
        "The mayor said the harbour had gone without repairs for twenty years.",
        "Work on the pier is due to start in the spring and last two years.",
    ]
    chosen = extractive.ExtractiveSummarizer().select(
        sentences, "Council approves harbour budget", "en", 3)
    assert len(chosen) == 3
    assert read and len(read) == len(set(read)), read

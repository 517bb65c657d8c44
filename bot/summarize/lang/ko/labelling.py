"""How Korean labels are found and when one may stand over a point: runs of nouns (Kiwi's noun
phrases where the analyser is available, given, never imported: the rules sit below it), which
must be the point's subject. The word lists are in ``bot.summarize.lang.ko.labels``;
``bot.summarize.labels`` asks through the language's record."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from bot.summarize.lang import WORD_CACHE_SIZE, Analysis, Candidate, Labelling, Words, quoted
from bot.summarize.lang.ko.labels import (
    BAD_STEM_END,
    MAX_WORDS,
    NEGATING_AFTER,
    NEVER_FIRST,
    NOT_KEY,
    NOUN_PARTICLES,
    PUNCT,
    SUBJECT_AFTER,
    SUBJECT_BEFORE,
    SUBJECT_PARTICLE_AFTER,
    VERB_END,
)
from bot.summarize.lang.ko.words import GENERIC, LABEL_NEVER_FIRST

NounPhrases = Callable[[str], list[tuple[str, list[str]]]]


@lru_cache(maxsize=WORD_CACHE_SIZE)
def noun_of(word: str) -> tuple[str | None, bool]:
    """(the noun in a Korean word, whether a particle followed it): "배춧값이" -> ("배춧값",
    True), "김장철" -> ("김장철", False), "맞아" -> (None, False)."""
    if not word or any(not "\uac00" <= ch <= "\ud7a3" for ch in word):
        return None, False
    for p in NOUN_PARTICLES:
        if word.endswith(p) and len(word) - len(p) >= 2:
            stem = word[: -len(p)]
            # "암에도" is 암 + 에 + 도: a stem still ending in a particle is no noun.
            if stem.endswith(BAD_STEM_END + VERB_END) or stem in NOT_KEY:
                return None, True
            return stem, True
    if len(word) < 2 or word.endswith(VERB_END) or word in NOT_KEY:
        return None, False
    return word, False


def _runs(words: Iterable[str]) -> list[list[str]]:
    """Runs of nouns: bare nouns, the last one possibly with its particle stripped
    ("심야 자율주행 버스 노선을" -> ["심야", "자율주행", "버스", "노선"])."""
    runs: list[list[str]] = []
    cur: list[str] = []
    for raw in words:
        w = raw.strip(PUNCT)
        noun, particle = noun_of(w)
        if noun is None:
            if cur:
                runs.append(cur)
            cur = []
            continue
        if w != raw.lstrip(PUNCT):
            particle = True  # "서울시," : punctuation ends the phrase like a particle does
        elif w != raw and cur:
            runs.append(cur)  # an opening quote starts a new phrase
            cur = []
        cur.append(noun)
        if particle:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


@lru_cache(maxsize=256)
def _title_runs(title: str) -> list[list[str]]:
    # Every point of an article is labelled under the same headline: split it once.
    return _runs(title.split())


def phrases(point: str, title: str, words: Words) -> list[Candidate]:
    """Noun runs of the point, plus noun runs of the headline whose nouns all occur in the
    point ("김장철을 맞아 배춧값이" under the headline "김장철 배춧값 …" -> "김장철 배춧값")."""
    out: list[Candidate] = []
    for runs, check in ((_runs(point.split()), False), (_title_runs(title), True)):
        for run in runs:
            for size in range(min(MAX_WORDS, len(run)), 1, -1):
                for i in range(len(run) - size + 1):
                    phrase = run[i : i + size]
                    if check and not all(n in point for n in phrase):
                        continue
                    out.append([(n, words.term(n) or n) for n in phrase])
    return out


@lru_cache(maxsize=1024)  # the points: sentences Kiwi's cache holds too
def subruns(text: str, noun_phrases: NounPhrases) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every run of 2-4 consecutive nouns inside Kiwi's noun phrases of ``text``, as written
    ("김장철 배춧값 작년" -> "김장철 배춧값", "배춧값 작년", ...)."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for phrase, nouns in noun_phrases(text):
        spans: list[tuple[int, int]] = []
        at = 0
        for n in nouns:
            k = phrase.find(n, at)
            if k < 0:
                break
            spans.append((k, k + len(n)))
            at = k + len(n)
        if len(spans) != len(nouns):
            continue
        starts = {0} | {k + 1 for k, ch in enumerate(phrase) if ch == " "}
        ends = {len(phrase)} | {k for k, ch in enumerate(phrase) if ch == " "}
        for size in range(min(4, len(nouns)), 1, -1):
            for i in range(len(nouns) - size + 1):
                a, b = spans[i][0], spans[i + size - 1][1]
                # Whole written words only ("연구조직" is never cut to "연구"), and one word
                # must be a real compound ("지혈재료", not "연구팀").
                if a in starts and b in ends and (" " in phrase[a:b] or b - a >= 4):
                    out.append((phrase[a:b], tuple(nouns[i : i + size])))
    return tuple(out)


def analysed(point: str, doc: str, title: str, used: set[str], analysis: Analysis) -> str | None:
    """A Korean label from Kiwi's noun phrases of the point and of the headline (when all
    its nouns are in the point): 2+ nouns that recur in the article, not the opening."""
    phrases_of = analysis.noun_phrases
    cands = [*subruns(point, phrases_of),
             *((p, ns) for p, ns in subruns(title, phrases_of) if all(n in point for n in ns))]
    best: tuple[float, str, tuple[str, ...]] | None = None
    written: dict[str, int] = {}  # how often the story writes each noun: asked once per noun
    for phrase, nouns in cands:
        if not 2 <= len(nouns) <= 4 or len(phrase) > 30 or len(set(nouns)) < len(nouns):
            continue
        if used.intersection(nouns) or all(n in GENERIC for n in nouns):
            continue
        if nouns[0] in LABEL_NEVER_FIRST or len(nouns[0]) == 1:
            continue  # a time word or a one-syllable noun first reads as a fragment
        if point.startswith(phrase):
            continue
        counts = []
        for n in nouns:
            if n not in written:
                written[n] = min(doc.count(n), 6)
            counts.append(written[n])
        if not any(c >= 2 for c in counts):
            continue  # at least one of its nouns recurs: the phrase is about the story
        score = (sum(counts) + 3 * sum(n in title for n in nouns)) / len(nouns) ** 0.5
        if best is None or score > best[0]:
            best = (score, phrase, nouns)
    if best is None:
        return None
    used.update(best[2])
    return best[1]


def unlabelled(point: str) -> bool:
    """Whether the point's first written word is its subject or topic ("법무부는 …"): then no
    label can stand (``stands``: a Korean label is the subject, and not the opening)."""
    m = SUBJECT_BEFORE.search(point)
    return m is not None and " " not in point[: m.start()]


def stands(label: str, point: str, at: int, doc: str, analysis: Analysis) -> bool:
    """Whether ``label``, written at ``at`` early in ``point``, may stand over it (the checks of
    every language are bot.summarize.labels.label_stands'): outside any quotation, no clause
    noun at either end, not negated, the point's subject (a topic particle after it, or a
    subject particle of the main clause), and every word written in the story more than
    once."""
    words = label.split()
    if quoted(point, at) or words[0] in NEVER_FIRST:
        return False
    if len(words) > 1 and words[-1] in NEVER_FIRST:
        return False  # "수당 가운데": a clause noun ends it as badly as it opens it
    if NEGATING_AFTER.match(point[at + len(label) :]):
        return False
    after, end = point[at + len(label) :], at + len(label)
    subject = SUBJECT_AFTER.match(after) is not None or (
        SUBJECT_PARTICLE_AFTER.match(after) is not None
        and analysis.main_clause_subject(point, end))
    if not subject or SUBJECT_BEFORE.search(point[:at]):
        return False  # not the point's subject: a wrong label reads worse than none
    return all(doc.count(word) >= 2 for word in label.split())


def shown(label: str) -> str:
    return label  # Hangul has no capitals


def clear_cache() -> None:
    """Forget the noun runs read from the analyses (bot.summarize.korean.clear_cache)."""
    subruns.cache_clear()


LABELLING = Labelling(phrases=phrases, reads_well=None, unlabelled=unlabelled,
                      analysed=analysed, stands=stands, shown=shown)

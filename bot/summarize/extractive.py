"""The default summarizer: picks sentences by position, centrality and title overlap, with an
MMR redundancy penalty; pure Python, offline, a few milliseconds per article."""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain

from bot.models import Article, Brief, Point
from bot.summarize.labels import make_label
from bot.summarize.tags import TagNormaliser, build_tags, extract_keywords
from bot.summarize.text import (
    bigrams,
    content_words,
    detect_language,
    split_sentences,
    terms_of,
    tokens,
    with_bigrams,
)
from bot.summarize.trim import fit


@dataclass(frozen=True, slots=True)
class Weights:
    """Scoring weights; tuned on the BBC and Korean dev sets (see docs/SUMMARIZER.md)."""

    centrality: float = 1.0
    title: float = 0.35
    position: float = 0.35
    length: float = 0.5  # exponent on the length factor: long, informative sentences first
    redundancy: float = 0.5  # MMR penalty per unit of similarity to an already chosen point
    duplicate: float = 0.55  # similarity above which a candidate is a near-duplicate, never taken


_BOILER = re.compile(
    r"^(?:photo|image|video|caption|copyright|©|read more|related|advertisement|share this|"
    r"follow us|subscribe|sign up|click here|관련기사|사진|기자\s|무단\s?전재)",
    re.IGNORECASE,
)


_POSITION = [1.0 / math.sqrt(1.0 + rank) for rank in range(256)]


def _usable(sentence: str, lang: str) -> bool:
    """Whether a sentence can be a point at all: long enough, not a caption or byline."""
    if _BOILER.match(sentence) or ("@" in sentence and len(sentence) < 80):
        return False
    if lang in ("ko", "ja", "zh"):
        return len(sentence) >= 15
    return len(sentence) >= 30 and len(sentence.split()) >= 5


class ExtractiveSummarizer:
    """Three points that cover the story, taken from the article's own sentences."""

    def __init__(
        self,
        *,
        aliases: dict[str, list[str]] | None = None,
        max_tags: int = 5,
        max_point_chars: int = 240,
        weights: Weights | None = None,
    ) -> None:
        self._tags = TagNormaliser(aliases)
        self._max_tags = max_tags
        self._max_chars = max_point_chars
        self._w = weights or Weights()

    async def summarize(self, article: Article, *, points: int = 3) -> Brief:
        return self.brief(article, points=points)

    def brief(self, article: Article, points: int = 3) -> Brief:
        """The brief for ``article``; never raises on odd text (it may have fewer points)."""
        lang = article.lang or detect_language(f"{article.title}\n{article.text}")
        lang = lang.split("-")[0].lower()
        sentences = split_sentences(article.text, lang)
        # Each sentence is tokenised once; scoring, labels and tags all work from these.
        raw = [tokens(s) for s in sentences]
        words = [terms_of(r) for r in raw]
        title_words = content_words(article.title, lang)
        chosen = self.select(sentences, article.title, lang, points, words, title_words)
        counts: Counter[str] = Counter(title_words)
        counts.update(chain.from_iterable(words))
        title_terms = frozenset(title_words)
        used: set[str] = set()
        out: list[Point] = []
        for s in chosen:
            text = fit(s, self._max_chars, lang)
            label = make_label(text, counts, lang, used, title_terms, article.title)
            out.append(Point(text, label))
        keywords = extract_keywords(article.title, sentences, lang, self._max_tags, raw)
        return Brief(
            headline=article.title.strip(),
            points=out,
            tags=build_tags(article.categories, keywords, self._tags, self._max_tags),
            url=article.url,
            lang=lang,
            source=article.source,
            published=article.published,
        )

    def select(
        self,
        sentences: list[str],
        title: str,
        lang: str,
        points: int,
        words: list[list[str]] | None = None,
        title_words: list[str] | None = None,
    ) -> list[str]:
        """The chosen sentences, in article order (``words``: content words per sentence,
        ``title_words``: the title's; both computed here when not given)."""
        if words is None:
            words = [content_words(s, lang) for s in sentences]
        if title_words is None:
            title_words = content_words(title, lang)
        w = self._w
        title_key = title.strip().lower()
        n_title = len(title_key)
        cands = [
            (i, s)
            for i, s in enumerate(sentences)
            if _usable(s, lang) and (len(s) != n_title or s.lower() != title_key)
        ]
        if not cands:
            cands = [(i, s) for i, s in enumerate(sentences) if s.strip()]
        if len(cands) <= points:
            return [s for _, s in cands]
        # Sentences as term *sets* weighted by IDF (binary TF: a sentence rarely repeats a
        # term), so every product below is a sum over a set, done by map() in C.
        if lang == "ko":
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
        title_terms = with_bigrams(title_words) if lang == "ko" else title_words
        title_set = frozenset(title_terms) & df.keys()
        title_norm = math.sqrt(sum(map(weight, title_set))) or 1.0
        # Per-sentence sums as list comprehensions over C-level maps: this is the hot loop.
        central = [sum(map(doc_w.__getitem__, ts)) for ts in sets]
        to_title = [sum(map(weight, ts & title_set)) for ts in sets] if title_set else [0.0] * n
        limit = self._max_chars
        c_w, t_w, p_w = w.centrality / doc_norm, w.title / title_norm, w.position
        rel: list[float] = []
        for rank, (_, s) in enumerate(cands):
            score = (c_w * central[rank] + t_w * to_title[rank]) / norms[rank]
            score += p_w * _POSITION[rank] if rank < len(_POSITION) else p_w / math.sqrt(1 + rank)
            # Longer sentences say more, up to what fits in a point; past that they get trimmed.
            size = min(len(s), limit) / limit
            if len(s) > limit:
                size *= limit / len(s)
            rel.append(score * size**w.length)

        def similarity(a: int, b: int) -> float:
            return sum(map(idf2.__getitem__, sets[a] & sets[b])) / (norms[a] * norms[b])

        # Greedy MMR, lazily: the penalty only lowers a score, so candidates are visited in
        # relevance order and the scan stops once no later one can win.
        order = sorted(range(n), key=rel.__getitem__, reverse=True)
        chosen: list[int] = []
        while len(chosen) < points:
            best, best_score = -1, -math.inf
            for k in order:
                if rel[k] <= best_score:
                    break
                if k in chosen:
                    continue
                sim = max((similarity(k, j) for j in chosen), default=0.0)
                if sim >= w.duplicate:
                    continue
                score = rel[k] * (1.0 - w.redundancy * sim)
                if score > best_score:
                    best, best_score = k, score
            if best < 0:
                break
            chosen.append(best)
        return [cands[k][1] for k in sorted(chosen)]

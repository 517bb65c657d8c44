"""The default summarizer: picks sentences by position, centrality and title overlap, with an
MMR redundancy penalty; pure Python, offline, a few milliseconds per article."""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain

from bot.logs import get_log
from bot.models import Article, Brief, Point
from bot.summarize import korean
from bot.summarize.labels import label_points
from bot.summarize.lang.en import select as en_rules
from bot.summarize.lang.ko import select as ko_rules
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
from bot.summarize.trim import fit, fits

log = get_log(__name__)


@dataclass(frozen=True, slots=True)
class Weights:
    """Scoring weights; tuned on the BBC, CNN/DM and Korean dev sets (docs/SUMMARIZER.md)."""

    centrality: float = 1.0
    title: float = 0.35
    position: float = 0.35
    length: float = 0.5  # exponent on the length factor: long, informative sentences first
    redundancy: float = 0.5  # MMR penalty per unit of similarity to an already chosen point
    duplicate: float = 0.55  # similarity above which a candidate is a near-duplicate, never taken
    headline_copy: float = 0.9  # cosine to the headline above which a sentence only repeats it
    lede: float = 0.3  # the first usable sentence of a news story almost always belongs
    numbers: float = 0.15  # per headline number the sentence repeats
    figures: float = 0.2  # a price, in a story whose headline is about prices or plans
    refers_back: float = 0.4  # factor for "He …", "These …" without the sentence before it
    weak: float = 0.35  # factor for captions, bare attributions, lines talking to the reader
    cut: float = 0.8  # factor for a sentence that only fits as a prefix
    no_fit: float = 0.4  # factor for a sentence with no faithful way to fit
    ideal: int = 140  # characters past which a longer sentence earns no more length credit
    heading: float = 0.5  # factor for a Korean line with no sentence ending (a subheading)




def _boiler(sentence: str) -> bool:
    return bool(en_rules.BOILER.match(sentence) or ko_rules.BOILER.match(sentence))


_EN_BACK, _EN_SELF, _KO_BACK = en_rules.BACK, en_rules.SELF, ko_rules.BACK
_WEAK_START, _BARE_ATTRIBUTION = en_rules.WEAK_START, en_rules.BARE_ATTRIBUTION
_KO_ENDED = ko_rules.ENDED
_QUOTE_OPEN, _QUOTE_CLOSE = en_rules.QUOTE_OPEN, en_rules.QUOTE_CLOSE
_ATTRIBUTION, _PRICE, _PRICE_HEADLINE = (
    en_rules.ATTRIBUTION, en_rules.PRICE, en_rules.PRICE_HEADLINE)
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")

_POSITION = [1.0 / math.sqrt(1.0 + rank) for rank in range(256)]



def _weak(sentence: str) -> bool:
    """Captions, photo credits and bare attributions: no news of their own."""
    if _WEAK_START.match(sentence):
        return True
    if len(sentence) <= 100 and _BARE_ATTRIBUTION.match(sentence):
        return True
    low = sentence.lower()
    return any(word in low for word in en_rules.CAPTION_WORDS)


def refers_back(sentence: str, lang: str) -> bool:
    """Whether ``sentence`` opens by referring back to something it does not name: a pronoun,
    demonstrative or connective, a quote with no named speaker, a Korean clause with no
    subject."""
    if lang == "ko":
        if _KO_BACK.match(sentence) or sentence.rstrip(" .").endswith(ko_rules.BACK_ENDING):
            return True
        return korean.subjectless(sentence)
    if lang != "en":
        return False
    if _EN_BACK.match(sentence):
        return not _EN_SELF.match(sentence)
    if not _QUOTE_OPEN.match(sentence) or _ATTRIBUTION.search(sentence):
        return False
    # A quoted term or title ("“App thinning” is not a magic bullet …") opens a sentence that
    # is the writer's own; only a quotation running on with no named speaker leans back.
    # A quotation closes on its own punctuation ("“We will not stop,” he said"); a term does
    # not.
    close = _QUOTE_CLOSE.search(sentence, 1, 50)
    if close is None or sentence[close.start() - 1] in ",.!?…":
        return True
    return sentence.startswith((" said", " says"), close.end())


def _has_word(sentence: str) -> bool:
    return any(map(str.isalnum, sentence))


def _lead_in(sentence: str) -> bool:
    """A line that only introduces what follows it ("Version:", "for example:")."""
    return sentence.endswith((":", ";"))


def _usable(sentence: str, lang: str) -> bool:
    """Whether a sentence can be a point at all: long enough, not a caption or byline."""
    if _boiler(sentence) or ("@" in sentence and len(sentence) < 80):
        return False
    if lang == "ko":
        return len(sentence) >= 15 and not korean.boilerplate(sentence)
    if lang in ("ja", "zh"):
        return len(sentence) >= 15
    # "A range of maintenance work, including:" introduces a list; "Mat Honan, writing for
    # BuzzFeed:" introduces a quote. Neither says anything on its own.
    if _lead_in(sentence):
        return False
    # split(None, 4) stops after the fifth word: five parts only when there are five words.
    return len(sentence) >= 30 and len(sentence.split(None, 4)) >= 5


class ExtractiveSummarizer:
    """Three points that cover the story, taken from the article's own sentences."""

    def __init__(
        self,
        *,
        aliases: dict[str, list[str]] | None = None,
        max_tags: int = 5,
        max_point_chars: int = 300,
        weights: Weights | None = None,
    ) -> None:
        self._tags = TagNormaliser(aliases)
        self._max_tags = max_tags
        self._max_chars = max_point_chars
        self._w = weights or Weights()

    async def summarize(self, article: Article, *, points: int = 3) -> Brief:
        return self.brief(article, points=points)

    def brief(self, article: Article, points: int = 3) -> Brief:
        """The brief for ``article``; never raises on odd text (it may have fewer points, and
        if a stage fails, the lead sentences with no labels or keyword tags)."""
        try:
            return self._brief(article, points)
        except Exception:  # an odd article must never cost the item
            log.exception("summarize.fallback", chars=len(article.text or ""))
            return self._minimal(article, points)

    def _minimal(self, article: Article, points: int) -> Brief:
        try:
            lines = [ln.strip() for ln in (article.text or "").splitlines() if ln.strip()]
            out = [Point(fit(ln, self._max_chars, "")) for ln in lines[:points]]
        except Exception:
            out = []
        return Brief(
            headline=(article.title or "").strip(),
            points=out,
            tags=[t for t in map(self._tags, article.categories) if t][: self._max_tags],
            url=article.url,
            lang=(article.lang or "en"),
            source=article.source,
            published=article.published,
        )

    def _brief(self, article: Article, points: int) -> Brief:
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
        texts = [fit(s, self._max_chars, lang) for s in chosen]
        labels = label_points(texts, counts, lang, article.title, article.text)
        out = [Point(t, lab) for t, lab in zip(texts, labels, strict=True)]
        keywords = extract_keywords(
            article.title, sentences, lang, self._max_tags, raw, chosen=texts
        )
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
            cands = [
                (i, s)
                for i, s in enumerate(sentences)
                # Not a lone "★" or "—" either: a point says something in words.
                if _has_word(s) and (lang == "ko" or not _lead_in(s))
            ]
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
        # Cosine to the headline, both ways normalised: near 1 only for a restated headline.
        title_sim = [t / (norms[k] * title_norm) for k, t in enumerate(to_title)]
        limit = self._max_chars
        c_w, t_w, p_w = w.centrality / doc_norm, w.title / title_norm, w.position
        title_numbers = set(_NUMBER.findall(title))
        # A headline about prices or plans promises the prices: sentences stating one count.
        pricing = bool(w.figures) and bool(_PRICE_HEADLINE.search(title))
        rel: list[float] = []
        lede = True  # the first sentence that is neither a caption nor a subheading
        korean_text = lang == "ko"
        for rank, (_, s) in enumerate(cands):
            score = (c_w * central[rank] + t_w * to_title[rank]) / norms[rank]
            score += p_w * _POSITION[rank] if rank < len(_POSITION) else p_w / math.sqrt(1 + rank)
            if title_numbers:
                score += w.numbers * len(title_numbers.intersection(_NUMBER.findall(s)))
            if pricing and _PRICE.search(s):
                score += w.figures
            # Longer sentences say more, up to what fits in a point; one that only fits cut
            # short says less, and one with no faithful cut is a last resort.
            size = min(len(s), w.ideal) / w.ideal
            fit_kind = 2 if len(s) <= limit else fits(s, limit, lang)  # most sentences fit
            if fit_kind == 1:
                size *= w.cut
            elif fit_kind == 0:
                size *= w.no_fit
            if _weak(s):
                size *= w.weak
            elif korean_text and not _KO_ENDED.search(s):
                size *= w.heading
            elif lede:
                score += w.lede
                lede = False
            rel.append(score * size**w.length)
        cand_index = [i for i, _ in cands]
        back_cache: dict[int, bool] = {}

        def leans_back(k: int) -> bool:
            if k not in back_cache:
                back_cache[k] = refers_back(cands[k][1], lang)
            return back_cache[k]

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
                if sim >= w.duplicate or title_sim[k] >= w.headline_copy:
                    continue  # a near-duplicate of a point, or the headline said again
                score = rel[k] * (1.0 - w.redundancy * sim)
                # Leaning back is fine right after the sentence it leans on.
                if score > best_score and leans_back(k):
                    prev = k - 1
                    if not (prev >= 0 and prev in chosen and cand_index[prev] == cand_index[k] - 1):
                        score *= w.refers_back
                if score > best_score:
                    best, best_score = k, score
            if best < 0:
                break
            chosen.append(best)
        return [cands[k][1] for k in sorted(chosen)]

"""The default summarizer: candidates are the article's prose sentences (bot.summarize.segment
keeps captions, credits and player text out), chosen by the fitted scoring function in
bot.summarize.scoring; pure Python, offline, a few milliseconds per article."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from itertools import chain

from bot.logs import get_log
from bot.models import Article, Brief, Point
from bot.summarize import korean, segment
from bot.summarize.labels import label_points
from bot.summarize.lang.en import select as en_rules
from bot.summarize.lang.ko import select as ko_rules
from bot.summarize.lang.registry import LANGUAGES, language
from bot.summarize.scoring import Pool, build_pool, choose
from bot.summarize.tags import TagNormaliser, build_tags, extract_keywords
from bot.summarize.text import (
    content_words,
    detect_language,
    split_sentences,
    terms_of,
    tokens,
)
from bot.summarize.trim import fit
from bot.summarize.weights import WEIGHTS

log = get_log(__name__)


def weights_for(lang: str) -> dict[str, float]:
    """The fitted feature weights for ``lang`` (English's for a language with none)."""
    return WEIGHTS.get(lang, WEIGHTS["en"])




def _boiler(sentence: str, lang: str) -> bool:
    return bool(language(lang).boilerplate.match(sentence))


_WEAK_START, _BARE_ATTRIBUTION = en_rules.WEAK_START, en_rules.BARE_ATTRIBUTION
_KO_ENDED = ko_rules.ENDED
_CAPTION_WORD, _PICTURE_HINTS = en_rules.CAPTION_WORD, en_rules.PICTURE_HINTS


def _weak(sentence: str) -> bool:
    """Captions, photo credits and bare attributions: no news of their own."""
    if _WEAK_START.match(sentence):
        return True
    if "ere" in sentence and en_rules.SIGNPOST.match(sentence):
        return True
    low = sentence.lower()
    if len(sentence) <= 100 and _may_attribute(low) and _BARE_ATTRIBUTION.match(sentence):
        return True
    if _CAPTION_WORD.search(low) is not None:
        return True
    # Spelled out rather than any() over a generator: this runs on every candidate.
    h = _PICTURE_HINTS
    return (h[0] in low or h[1] in low or h[2] in low or h[3] in low or h[4] in low) and (
        en_rules.SHOWN_PICTURE.search(sentence) is not None
    )


def _may_attribute(low: str) -> bool:
    """Whether the lower-cased sentence has a verb _BARE_ATTRIBUTION needs ("said", "says",
    "told"): the pattern's bounded repeats backtrack through every short sentence otherwise.
    Ignoring case, the pattern also reads "ſ" as "s" and "ı", "İ" as "i": such a sentence is
    left to it."""
    return "said" in low or "says" in low or "told" in low or (
        not low.isascii() and ("ſ" in low or "ı" in low or "i\u0307" in low))


_LATIN = re.compile(r"[A-Za-z]")


def _weak_latin(sentence: str) -> bool:
    """``_weak`` for Korean: its caption words and attributions are English, so a sentence with
    no Latin letter cannot match (0 of 6,134 Korean dev sentences do); Korean captions and
    credits are segment's. The English patterns were a tenth of a Korean brief's time."""
    return _LATIN.search(sentence) is not None and _weak(sentence)


def refers_back(sentence: str, lang: str) -> bool:
    """Whether ``sentence`` opens by referring back to something it does not name: a pronoun,
    demonstrative or connective, a quote with no named speaker, a Korean clause with no
    subject."""
    # A language without rules of its own has no lean-back rule: English's would misread it.
    rules = LANGUAGES.get(lang)
    return rules is not None and rules.refers_back(sentence, korean.subjectless)


def candidate_leans_back(candidates: list[str], k: int, lang: str) -> bool:
    """Whether candidate ``k`` leans on a sentence before it. A Korean story's first prose
    sentence leans on nothing: Korean leads are often impersonal ("2029년부터 … 10분대에 갈
    수 있게 될 것으로 보인다"), and the subject rule would otherwise bar the lead itself."""
    if k == 0 and language(lang).impersonal_leads:
        return False
    if refers_back(candidates[k], lang):
        return True
    return lang == "en" and k > 1 and _bare_surname(candidates, k)


def _bare_surname(candidates: list[str], k: int) -> bool:
    """Whether candidate ``k`` opens on a bare surname of someone the lede does not name but a
    later sentence introduced in full: "Tate, aged 26 and eight months pregnant, was stabbed
    …" after "… including actress Sharon Tate" (who is Tate?). A word the story also writes
    in lower case is no name ("Police said …")."""
    m = en_rules.NAME_OPENING.match(candidates[k])
    if m is None:
        return False
    name = m.group(1)
    if name in candidates[0]:
        return False  # the lede names them, and the lede is where a brief starts
    if _after_name(candidates[k], name) or not any(
        _after_name(candidates[j], name) for j in range(1, k)
    ):
        return False
    low = name.lower()
    return not any(_has_word_at(c, low) for c in candidates)


def _after_name(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name`` after a capitalised word ("Sharon Tate")."""
    at = text.find(" " + name)
    while at >= 0:
        end = at + 1 + len(name)
        before = text[:at].rsplit(" ", 1)[-1]
        if (end == len(text) or not text[end].isalpha()) and before[:1].isupper() \
                and before[1:].isalpha() and before[1:].islower():
            return True
        at = text.find(" " + name, end)
    return False


def _has_word_at(text: str, word: str) -> bool:
    """Whether ``text`` holds ``word`` as a whole word, as written."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalpha()) and (
            end == len(text) or not text[end].isalpha()
        ):
            return True
        at = text.find(word, end)
    return False


def _has_word(sentence: str) -> bool:
    return any(map(str.isalnum, sentence))


def _lead_in(sentence: str) -> bool:
    """A line that only introduces what follows it ("Version:", "for example:")."""
    return sentence.endswith((":", ";"))


def _usable(sentence: str, lang: str) -> bool:
    """Whether a sentence can be a point at all: long enough, not a caption or byline."""
    if _boiler(sentence, lang) or ("@" in sentence and len(sentence) < 80):
        return False
    if segment.not_prose(sentence, lang) is not None:
        return False  # a credit, a caption, player text: never a point
    if language(lang).short_points:
        return len(sentence) >= 15  # notices and credits: not_prose above
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
        weights: Mapping[str, float] | None = None,
    ) -> None:
        self._tags = TagNormaliser(aliases)
        self._max_tags = max_tags
        self._max_chars = max_point_chars
        self._weights = weights  # None: the fitted weights of the article's language

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
        cands = self.candidates(sentences, title, lang)
        if not cands:
            lead_ins = language(lang).lead_in_lines
            cands = [
                (i, s)
                for i, s in enumerate(sentences)
                # Not a lone "★" or "—" either: a point says something in words.
                if _has_word(s) and (not lead_ins or not _lead_in(s))
                and segment.not_prose(s, lang) in segment.LAST_RESORT
            ]
        if len(cands) <= points:
            return [s for _, s in cands]
        weights = self._weights or weights_for(lang)
        pool = self.pool(cands, words, title, title_words, lang, weights)
        back_cache: dict[int, bool] = {}

        def leans_back(k: int) -> bool:
            if k not in back_cache:
                back_cache[k] = candidate_leans_back(pool.sentences, k, lang)
            return back_cache[k]

        chosen = choose(pool, weights, points, leans_back)
        return [pool.sentences[k] for k in chosen]

    def candidates(self, sentences: list[str], title: str, lang: str) -> list[tuple[int, str]]:
        """The sentences that may be points, with their index: usable prose, not the headline
        again, not the first copy of a repeated sentence (a caption repeating the lead)."""
        title_key = title.strip().lower()
        n_title = len(title_key)
        repeated = segment.captions_in_context(sentences, lang)
        return [
            (i, s)
            for i, s in enumerate(sentences)
            if _usable(s, lang)
            and (len(s) != n_title or s.lower() != title_key)
            and i not in repeated
        ]

    def pool(
        self,
        cands: list[tuple[int, str]],
        words: list[list[str]],
        title: str,
        title_words: list[str],
        lang: str,
        weights: Mapping[str, float] | None = None,
    ) -> Pool:
        """The candidates with their feature values (bench/fit_selection.py fits on these;
        given ``weights``, features weighted zero are left at 0.0)."""
        if lang != "en":
            weak = _weak_latin if lang == "ko" else _weak
            return build_pool(cands, words, title, title_words, lang, self._max_chars, weak,
                              weights)
        late = _late_spaced_stops(cands)
        caption_like = (lambda s: s in late or _weak(s)) if late else _weak
        return build_pool(cands, words, title, title_words, lang, self._max_chars, caption_like,
                          weights, _refers_back_en)


def _refers_back_en(sentence: str) -> bool:
    return refers_back(sentence, "en")


def _late_spaced_stops(cands: list[tuple[int, str]]) -> frozenset[str]:
    """Candidates closed by the Daily Mail scrape's " ." once the story's own sentences (closed
    on the word) have begun: there the mark closes a photo caption ("Eric Saunders has
    submitted a DNA sample … his great uncle ."). Before the story it closes the page's
    highlight bullets, which are the story told short and no caption."""
    out: set[str] = set()
    started = False
    for _, s in cands:
        if s.endswith(en_rules.SPACED_STOP):
            if started:
                out.add(s)
        elif not started and s[-1:] in ".!?\"'”’":
            started = True
    return frozenset(out)

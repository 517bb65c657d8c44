"""The default summarizer: candidates are the article's prose sentences (bot.summarize.segment
keeps captions, credits and player text out), chosen by the fitted scoring function in
bot.summarize.scoring; pure Python, offline, a few milliseconds per article."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import partial
from itertools import chain

from bot.logs import get_log
from bot.models import Article, Brief, Point
from bot.summarize import korean, segment
from bot.summarize.labels import label_points
from bot.summarize.lang import once
from bot.summarize.lang.registry import FALLBACK, LANGUAGES, UNSPACED, language
from bot.summarize.scoring import Pool, build_pool, choose
from bot.summarize.tags import TagNormaliser, build_tags, extract_keywords
from bot.summarize.text import (
    content_words,
    detect_language,
    paragraph_starts,
    split_paragraphs,
    terms_of,
    tokens,
)
from bot.summarize.trim import fit
from bot.summarize.weights import WEIGHTS

log = get_log(__name__)


def weights_for(lang: str) -> dict[str, float]:
    """The fitted feature weights for ``lang`` (English's for a language with none)."""
    return WEIGHTS.get(lang, WEIGHTS["en"])


def _standalone(cands: list[tuple[int, str]], lang: str, title: str) -> list[tuple[int, str]]:
    """The few candidates of a short item that can stand as points: one that leans back ("It
    has become my default place …" after "I love Amazon.", too short to be a point) is kept
    only as the article's first sentence (it leans on the headline, shown above the brief) or
    right after the sentence it leans on. With none left, all of them: something to read."""
    sentences = [s for _, s in cands]
    keep: list[tuple[int, str]] = []
    for k, (i, s) in enumerate(cands):
        if i > 0 and not (keep and keep[-1][0] == i - 1) \
                and candidate_leans_back(sentences, k, lang, title):
            continue
        keep.append((i, s))
    return keep or cands


def _no_bare_opening(cands: list[tuple[int, str]], lang: str) -> list[tuple[int, str]]:
    """The few candidates of a short item without a first one that opens no brief
    (``Language.opens_no_brief``: a bare Korean quotation, its speaker in another sentence),
    nor the sentence right after it when that leans on it ("집회 무대에 오른 한 목사는 이렇게
    외쳤다."), as long as something is left: an item that is only a quotation keeps it."""
    rules = LANGUAGES.get(lang)
    if rules is None or rules.opens_no_brief is None or len(cands) < 2 \
            or not rules.opens_no_brief(cands[0][1]):
        return cands
    if rules.reports_quotation_before is not None and cands[1][0] == cands[0][0] + 1 \
            and rules.reports_quotation_before([s for _, s in cands[:2]], 1):
        return cands  # its speaker's report follows it: "…교수는 “…”면서 이같이 말했다"
    rest = cands[1:]
    if len(rest) > 1 and rest[0][0] == cands[0][0] + 1 and refers_back(rest[0][1], lang):
        rest = rest[1:]
    return rest


def _opens_no_brief(sentence: str, lang: str) -> bool:
    rules = LANGUAGES.get(lang)
    return rules is not None and rules.opens_no_brief is not None \
        and rules.opens_no_brief(sentence)


def refers_back(sentence: str, lang: str) -> bool:
    """Whether ``sentence`` opens by referring back to something it does not name: a pronoun,
    demonstrative or connective, a quote with no named speaker, a Korean clause with no
    subject."""
    # A language without rules of its own has no lean-back rule: English's would misread it.
    rules = LANGUAGES.get(lang)
    return rules is not None and rules.refers_back(sentence, korean.subjectless, korean.morphs)


def candidate_leans_back(candidates: list[str], k: int, lang: str, title: str = "") -> bool:
    """Whether candidate ``k`` leans on a sentence before it (``title``: the headline, shown
    above the brief, which may name whom the candidate names by surname and title only). In
    a language whose leads are often impersonal (Korean: "2029년부터 … 10분대에 갈 수 있게 될
    것으로 보인다") the story's first prose sentence leans on nothing but where the language
    says it cannot open a brief (``Language.opens_no_brief``): the subject rule would
    otherwise bar the lead itself."""
    rules = LANGUAGES.get(lang)
    if rules is None:
        return False  # no lean-back rules of its own: English's would misread it
    if k == 0 and rules.impersonal_leads:
        # But a bare quotation opens no brief ("“… 이제 우리는 완전히 이겼습니다.”" as point
        # 1, its speaker never shown). The other lean-back rules stay waived: a feature's
        # lede ("… 섬유탈취제를 뿌릴 것이다.") ends like an explanation and leans on nothing.
        # Unless the sentence after it reports it and names its speaker ("…교수는 “…”면서
        # 이같이 말했다"), which leans on it in turn: shown together they are Lead-3's start.
        return rules.opens_no_brief is not None and rules.opens_no_brief(candidates[0]) \
            and not (rules.reports_quotation_before is not None
                     and rules.reports_quotation_before(candidates, 1))
    if rules.reports_quotation_before is not None \
            and rules.reports_quotation_before(candidates, k):
        return True
    sentence = candidates[k]
    if title and rules.contrast_shown is not None:
        sentence = rules.contrast_shown(sentence, title)
    if rules.refers_back(sentence, korean.subjectless, korean.morphs):
        return True
    if rules.surname_title is not None and rules.surname_title(candidates, k, title):
        return True
    return k > 1 and rules.bare_surname is not None and rules.bare_surname(candidates, k, title)


def quote_pieces(
    sentences: list[str], lang: str, starts: frozenset[int] = frozenset()
) -> frozenset[int]:
    """Indexes of the sentences that are pieces of a quotation the splitter cut: they count
    in the article's vector but are a point only as a last resort (``ExtractiveSummarizer.
    select``); a point keeps a quotation whole. ``starts``: each paragraph's first sentence."""
    rules = LANGUAGES.get(lang)
    if rules is None or rules.cut_quotations is None:
        return frozenset()
    return frozenset(rules.cut_quotations(sentences, starts))


def _captions(sentences: list[str], lang: str) -> list[tuple[int, str]]:
    """An item whose body is only photo captions (a photo story: "… 재촉하고 있다. /뉴스1"):
    each caption's own words, without its credit (``Language.caption_text``), as candidates
    with their index. Readers met the credit as the point, or nothing at all."""
    rules = LANGUAGES.get(lang)
    if rules is None or rules.caption_text is None:
        return []
    captions = [(i, rules.caption_text(s)) for i, s in enumerate(sentences)]
    return [(i, c) for i, c in captions if c]


def _has_word(sentence: str) -> bool:
    return any(map(str.isalnum, sentence))


def _lead_in(sentence: str) -> bool:
    """A line that only introduces what follows it ("Version:", "for example:")."""
    return sentence.endswith((":", ";"))


def _short_fragment(
    sentence: str, lang: str, not_prose: Callable[[str, str], str | None]
) -> bool:
    """Whether ``sentence`` is a cut-off line ("Which is to...") shorter than any point may be:
    a last resort still says something only at a point's usual length (stop 44's review)."""
    if not_prose(sentence, lang) != "fragment" or language(lang).short_points \
            or lang in UNSPACED:
        return False
    return len(sentence) < 30 or len(sentence.split(None, 4)) < 5


def _usable(
    sentence: str, lang: str, not_prose: Callable[[str, str], str | None] = segment.not_prose
) -> bool:
    """Whether a sentence can be a point at all: long enough, not a caption or byline
    (``not_prose``: the article's ``segment.ProseKinds`` where there is one)."""
    rules = language(lang)  # looked up once: this runs on every sentence
    if rules.boilerplate.match(sentence) or ("@" in sentence and len(sentence) < 80):
        return False
    if not_prose(sentence, lang) is not None:
        return False  # a credit, a caption, player text: never a point
    verbless = rules.verbless
    if verbless is not None and verbless(sentence, korean.morphs):
        return False  # a noun phrase with a full stop says nothing of it
    if rules.short_points or lang in UNSPACED:
        return len(sentence) >= 15  # notices and credits: not_prose above
    # "A range of maintenance work, including:" introduces a list; "Mat Honan, writing for
    # BuzzFeed:" introduces a quote. Neither says anything on its own.
    if _lead_in(sentence):
        return False
    # split(None, 4) stops after the fifth word: five parts only when there are five words.
    return len(sentence) >= 30 and len(sentence.split(None, 4)) >= 5


def _mute_item(sentences: list[str], title: str, lang: str, starts: frozenset[int],
               not_prose: Callable[[str, str], str | None]) -> list[str]:
    """The points of an item none of whose lines is a candidate, not even the last resort's:
    the lines its language still gives (``Language.mute_item_lines``: a one-line item's line,
    a show's topic lines), whole, so each stays verbatim (``starts``: each paragraph's first
    sentence); none where it has no such rule."""
    rules = LANGUAGES.get(lang)
    if rules is None or rules.mute_item_lines is None:
        return []
    kind = segment.own_kind(not_prose, lang)
    chosen = rules.mute_item_lines(sentences, title, starts, kind, partial(refers_back, lang=lang))
    return [sentences[i] for i in chosen]


def _word_counts(title_words: list[str], words: list[list[str]]) -> Counter[str]:
    """How often the headline and the sentences write each content word, for the labels that
    read it (``label_points``): counted only when asked, as no Korean brief asks while the
    analyser is available (counting every word was 2% of a Korean science brief's
    instructions: 9.16 → 8.99 M, callgrind)."""
    counts: Counter[str] = Counter(title_words)
    counts.update(chain.from_iterable(words))
    return counts


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
        # The splitter and the candidate filter both ask what each span is: asked once.
        kinds = segment.ProseKinds(lang)
        paragraphs = split_paragraphs(article.text, lang, kinds)
        sentences = list(chain.from_iterable(paragraphs))
        # Each sentence is tokenised once; scoring, labels and tags all work from these.
        raw = [tokens(s) for s in sentences]
        words = [terms_of(r) for r in raw]
        title_words = content_words(article.title, lang)
        chosen = self.select(sentences, article.title, lang, points, words, title_words,
                             paragraph_starts(paragraphs), kinds)
        texts = [fit(s, self._max_chars, lang) for s in chosen]
        labels = label_points(texts, partial(_word_counts, title_words, words), lang,
                              article.title, article.text)
        out = [Point(t, lab) for t, lab in zip(texts, labels, strict=True)]
        keywords = extract_keywords(
            article.title, sentences, lang, self._max_tags, raw, chosen=texts
        )
        return Brief(
            headline=article.title.strip(),
            points=out,
            tags=build_tags(article.categories, keywords, self._tags, self._max_tags, lang=lang),
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
        starts: frozenset[int] = frozenset(),
        not_prose: Callable[[str, str], str | None] = segment.not_prose,
    ) -> list[str]:
        """The chosen sentences, in article order (``words``: content words per sentence,
        ``title_words``: the title's; both computed here when not given; ``starts``: the
        index of each paragraph's first sentence; ``not_prose``: the article's
        ``segment.ProseKinds``, where there is one)."""
        if words is None:
            words = [content_words(s, lang) for s in sentences]
        if title_words is None:
            title_words = content_words(title, lang)
        cands = self.candidates(sentences, title, lang, not_prose, starts)
        barred = quote_pieces(sentences, lang, starts)
        if not cands:
            cands = _captions(sentences, lang)
        if not cands:
            lead_ins = language(lang).lead_in_lines
            listed = segment.in_sections(sentences, lang)  # sponsor reads, a show's link lines
            rules = LANGUAGES.get(lang)
            # Where the language gives a mute item its own lines (``_mute_item``), the page's
            # furniture ("Read more", "Subscribe to …") is no last resort: it would win over
            # the item's one line and say nothing of it.
            resort = segment.LAST_RESORT if rules is None or rules.mute_item_lines is None \
                else segment.LAST_RESORT - {"boilerplate"}
            cands = [
                (i, s)
                for i, s in enumerate(sentences)
                # Not a lone "★" or "—" either: a point says something in words.
                if _has_word(s) and (not lead_ins or not _lead_in(s))
                and not_prose(s, lang) in resort and i not in barred
                and i not in listed and not _short_fragment(s, lang, not_prose)
            ]
            # A subhead or link title is a point only when no other line is (issue 28, feeds):
            # a rule that tells one from a headline may err, and an item is never left mute.
            headed = segment.subheads(sentences, lang, starts, not_prose)
            if headed:
                cands = [c for c in cands if c[0] not in headed] or cands
        free = [c for c in cands if c[0] not in barred] if barred else cands
        if len(free) <= points:
            if len(free) < points and barred:
                # The last resort: pieces of quotations rather than too few points, in article
                # order (a quotation's pieces together). Joining them into one point would
                # break the verbatim rule: a point is one source sentence or its marked prefix.
                pieces = [c for c in cands if c[0] in barred]
                free = sorted(free + pieces[: points - len(free)])
            cands = free
            rules = LANGUAGES.get(lang)
            if rules is not None and rules.short_items_stand_alone:
                cands = _standalone(cands, lang, title)
            cands = _no_bare_opening(cands, lang)
            if not cands:
                return _mute_item(sentences, title, lang, starts, not_prose)
            return [s for _, s in cands]
        weights = self._weights or weights_for(lang)
        pool = self.pool(cands, words, title, title_words, lang, weights, barred)
        # choose() asks again of the candidates it revisits; for Korean a reading may need
        # the analyser, so each candidate is read once, when first asked for.
        leans_back = once(lambda k: candidate_leans_back(pool.sentences, k, lang, title))
        chosen = choose(pool, weights, points, leans_back)
        if 0 in chosen and 1 not in chosen and not leans_back(0) \
                and _opens_no_brief(pool.sentences[0], lang):
            # A bare quotation opens the brief only beside the report that names its speaker
            # (``candidate_leans_back``); without it, it is no point (review of wt-ko45b).
            chosen = choose(replace(pool, barred=pool.barred | {0}), weights, points,
                            leans_back)
        return [pool.sentences[k] for k in chosen]

    def candidates(
        self,
        sentences: list[str],
        title: str,
        lang: str,
        not_prose: Callable[[str, str], str | None] = segment.not_prose,
        starts: frozenset[int] = frozenset(),
    ) -> list[tuple[int, str]]:
        """The sentences that may be points, with their index: usable prose, not the headline
        again, not the first copy of a repeated sentence (a caption repeating the lead), not
        what its place shows to be no prose (``starts``: each paragraph's first sentence)."""
        title_key = title.strip().lower()
        n_title = len(title_key)
        repeated = segment.captions_in_context(sentences, lang, starts, not_prose)
        return [
            (i, s)
            for i, s in enumerate(sentences)
            if _usable(s, lang, not_prose)
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
        barred: frozenset[int] = frozenset(),
    ) -> Pool:
        """The candidates with their feature values (bench/fit_selection.py fits on these;
        given ``weights``, features weighted zero are left at 0.0); ``barred``: indexes of
        the article's sentences that are never a point (``quote_pieces``)."""
        rules = LANGUAGES.get(lang)
        weak = rules.weak_under(title) if rules is not None and rules.weak_under is not None \
            else (rules or FALLBACK).weak
        late = rules.late_captions(cands) if rules is not None else frozenset()
        caption_like = (lambda s: s in late or weak(s)) if late else weak
        reading = rules.headline_reading if rules is not None else None
        if reading is not None and (read := reading(title)) != title:
            title_words = content_words(read, lang)  # "小寒" carried by "소한(小寒)인 5일에는 …"
        # Where a lead may be impersonal, nothing keeps a sentence from being the lede.
        leans_back = None if rules is None or rules.impersonal_leads else partial(
            refers_back, lang=lang)
        pool = build_pool(cands, words, title, title_words, lang, self._max_chars, caption_like,
                          weights, leans_back)
        if barred:
            pool.barred = frozenset(k for k, (i, _) in enumerate(cands) if i in barred)
        return pool

"""Key-phrase labels for points: noun phrases taken from the point (or from the headline, when
all their words are in the point), so they cannot misstate it; none when no phrase reads well."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from bot.summarize.korean import ANALYSIS
from bot.summarize.lang import SUBJECT_SHARE
from bot.summarize.lang.en.tags import credit_line
from bot.summarize.lang.registry import LANGUAGES, language
from bot.summarize.text import WORDS, content_words


def _count(term: str, doc_counts: Counter[str]) -> int:
    if " " in term:
        return max(doc_counts.get(t, 0) for t in term.split())
    return doc_counts.get(term, 0)


def make_label(
    point: str,
    doc_counts: Counter[str],
    lang: str,
    used: set[str],
    title_terms: frozenset[str] = frozenset(),
    title: str = "",
    fallback: bool = False,
) -> str | None:
    """A 2–5 word noun phrase that says what ``point`` is about, or None.

    Most of its words must recur in the article (``doc_counts``: content-word counts, title
    included), words from the headline (``title_terms``) count extra, and no word may repeat
    one of an earlier label (``used``, updated). With ``fallback``, a phrase whose words do not
    recur may still be taken when no recurring one reads well (it always ranks below them)."""
    rules = language(lang)
    labelling = rules.labelling
    if labelling is None:
        return None
    cands = labelling.phrases(point, title, WORDS)
    best: tuple[float, str, list[str]] | None = None
    for words in cands:
        terms = [t for _, t in words]
        parts = " ".join(terms).split()  # a hyphenated word's parts count on their own
        if len(set(parts)) < len(parts) or used.intersection(parts):
            continue
        counts = [_count(t, doc_counts) for t in terms]
        # Central: most of its words recur in the article, not one lucky word.
        recurring = sum(c >= 2 for c in counts)
        central = recurring > 0 and 2 * recurring >= len(counts)
        if not central and not fallback:
            continue
        # Korean modifiers look like nouns ("바꾼 암세포"): there, every word must recur.
        pairs = zip(counts, terms, strict=True)
        if rules.label_words_recur and not all(
                c >= 2 or t in title_terms for c, t in pairs):
            continue
        bonus = [3 if t in title_terms else 0 for t in terms]
        score = sum(map(min, counts, [6] * len(counts))) + sum(bonus)
        score = score / len(terms) ** 0.5 + (100.0 if central else 0.0)
        if best is not None and score <= best[0]:
            continue
        phrase = " ".join(w for w, _ in words)
        if len(phrase) > 48 or len(phrase) > len(point) * 0.6:
            continue
        reads_well = labelling.reads_well
        if reads_well is not None and not reads_well([w for w, _ in words], phrase, point):
            continue
        best = (score, phrase, parts)
    if best is None:
        return None
    used.update(best[2])
    return labelling.shown(best[1])


def label_points(
    points: list[str], doc_counts: Counter[str] | Callable[[], Counter[str]], lang: str,
    title: str, text: str
) -> list[str | None]:
    """A label for every point, or None for all of them: a brief whose points are labelled
    unevenly reads as two kinds of list. Only a language with label rules of its own has
    labels. ``doc_counts`` may be given as the function that counts them, called only when
    a point is labelled by its recurring words (``make_label``): while the analyser is
    available, Korean points are labelled by Kiwi's phrases, or refused first
    (``unlabelled``), and never read the counts."""
    none: list[str | None] = [None] * len(points)
    rules = LANGUAGES.get(lang)
    labelling = rules.labelling if rules is not None else None
    if labelling is None or not points:
        return none
    # A point no phrase of which can pass label_stands leaves every point unlabelled: asked of
    # all of them before any label is looked for (most Korean points open on their subject,
    # and Kiwi's phrases cost an analysis; 235 of BBC's first 300 briefs have such a point,
    # 106 of them past the first, whose labels were looked for in vain: labels were 0.28 M
    # instructions of a BBC brief's 7.70, stop 46).
    if any(map(labelling.unlabelled, points)):
        return none
    used: set[str] = set()
    labels: list[str | None] = []
    title_terms = frozenset(content_words(title, lang))
    doc = f"{title}\n{text}"
    for point in points:
        if labelling.analysed is not None and ANALYSIS.available():
            label = labelling.analysed(point, doc, title, used, ANALYSIS)
        else:
            # A point with no recurring phrase may still have a plain noun phrase that names
            # it ("Dubious credentials"); the reading checks still apply.
            if callable(doc_counts):
                doc_counts = doc_counts()
            label = make_label(point, doc_counts, lang, used, title_terms, title, fallback=True)
        if label is None or not label_stands(label, point, doc, lang):
            return none
        labels.append(label)
    return labels


def label_stands(label: str, point: str, doc: str, lang: str) -> bool:
    """Whether ``label`` may stand in bold over ``point``: a wrong label reads worse than none
    (issue 28: readers preferred briefs without labels in 12 of 15 pairs). It must be written
    in the point, early in it where its subject is, and not in a photo credit; the language's
    rules say the rest (outside any quotation, not negated or mistaken for something, the
    point's subject, spelt as the story spells it more than once)."""
    labelling = language(lang).labelling
    at = point.lower().find(label.lower())
    if labelling is None or at < 0 or at > len(point) * SUBJECT_SHARE or credit_line(point):
        return False  # not in the point, late in it (no subject), or a photo credit
    return labelling.stands(label, point, at, doc, ANALYSIS)

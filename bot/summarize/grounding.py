"""The deterministic check of a model's point against the article sentences it cites. It never
trusts the model: a point passes only if every number, amount, date, currency, quoted phrase and
name in it is in those sentences, and it adds no negation or modality they lack.

Across languages (a Korean brief of an English article) numbers, dates and currencies compare as
values; a Latin name must be in the cited sentences; a Hangul name must match a Latin word there
by consonant skeleton (bot.summarize.translit) or through a short table of country names; a
quote must be in the cited sentences word for word, so a translated quote is refused.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from bot.summarize import korean
from bot.summarize.facts import Facts, facts_of, lower_words
from bot.summarize.lang.en import names as en_names
from bot.summarize.lang.ko import names as ko_names
from bot.summarize.lang.registry import language
from bot.summarize.negation import unsupported
from bot.summarize.text import scoring_terms, strip_particle, tokens
from bot.summarize.translit import hangul_skeleton, same_name

_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether a point (or label) passed; ``reason`` is a short word for logs and metrics and
    ``item`` the model's offending words (never article text)."""

    ok: bool
    reason: str = ""
    item: str = ""


PASS = Verdict(True)


def _squash(text: str) -> str:
    """Case, spacing and punctuation folded away: what a quote is compared on."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def _hangul_only(text: str) -> str:
    """Hangul with everything else removed: "음(-)굴절, 영(0)굴절" holds "영굴절"."""
    return re.sub(r"[^가-힣]", "", text)


def _word_set(text: str) -> set[str]:
    # "U.S." is one word for the names check, however the tokeniser splits it
    out = {a.replace(".", "").casefold() for a in re.findall(r"\b(?:[A-Za-z]\.){2,}", text)}
    for w in tokens(text):
        w = w.casefold().replace("’", "'").removesuffix("'s")
        out.add(w)
    return out


def _initials(text: str) -> set[str]:
    """Acronyms of the capitalised runs of ``text``: "National Rifle Association" gives NRA."""
    out: set[str] = set()
    for run in re.findall(r"(?:[A-Z][a-z]+(?:\s+(?:of|for|and|the)\s+|\s+)?){2,}", text):
        letters = "".join(w[0] for w in run.split() if w[:1].isupper())
        out |= {letters[i:j] for i in range(len(letters)) for j in range(i + 2, len(letters) + 1)}
    return out


def _latin_in(name: str, words: set[str], squashed: str, cited_lang: str,
              cited: str = "") -> bool:
    low = name.casefold().removesuffix("'s").rstrip(".")
    if low in words or low.replace(".", "") in words:
        return True
    if name.isupper() and len(name) >= 2 and name in _initials(cited):
        return True  # "NRA" where the sentence says "National Rifle Association"
    parts = re.split(r"['’-]", name)
    if len(parts) > 1 and all(p.casefold() in words for p in parts if p[:1].isupper()):
        return True  # "O'Malley", "US-led", "Republican-controlled": the capitalised parts
    spaceless = language(cited_lang).spaceless_compounds
    if spaceless or (low in en_names.ALIASES and any(w in words for w in en_names.ALIASES[low])):
        # Korean text glues Latin to Hangul ("SK텔레콤", "GRP78을"): compare without spaces
        return not spaceless or _squash(low) in squashed
    if len(low) >= 5 and any(  # American ~ America, Canadian ~ Canada
            len(w) >= 4 and (low.startswith(w[:-1]) or w.startswith(low[:-1]))
            and abs(len(w) - len(low)) <= 3 for w in words):
        return True
    return bool(re.search(r"\d", low)) and _squash(low) in squashed


@lru_cache(maxsize=2048)
def _also_common(word: str) -> bool:
    """Whether Kiwi also reads ``word`` as one common noun ("강진": Gangjin or a strong
    earthquake): then it is not held to be a name."""
    kiwi = korean.analyser()
    if kiwi is None:
        return False
    try:
        readings = kiwi.analyze(word, top_n=3)
    except Exception:  # an analyser failure leaves the word a name, the stricter reading
        return False
    return any(len(tokens) == 1 and tokens[0].tag == "NNG" for tokens, _score in readings)


def _hangul_in(name: str, cited: str, cited_lang: str, words: set[str]) -> bool:
    if language(cited_lang).spaceless_compounds:
        return _squash(name) in _squash(cited)
    for part in name.split():
        if part in ko_names.EXONYMS and any(w in words for w in ko_names.EXONYMS[part]):
            continue
        if _also_common(part):
            continue
        latin = [w for w in tokens(cited) if _LATIN.match(w) and w[:1].isupper()]
        if not any(same_name(part, w) for w in latin):
            return False
    return True


def _name_grounded(name: str, cited: str, cited_lang: str, words: set[str],
                   cited_facts: Facts) -> bool:
    if _LATIN.match(name):
        if _latin_in(name, words, _squash(cited), cited_lang, cited):
            return True
        if not language(cited_lang).hangul_names:
            return False
        # an English brief of a Korean article romanises Hangul names ("Lee Hae-shin")
        # any Hangul word may be the name Kiwi did not tag, if its skeleton is not too short
        hangul = {strip_particle(w) for w in tokens(cited) if not _LATIN.match(w)}
        proper = {n for n in cited_facts.names if not _LATIN.match(n)}
        low = name.casefold()
        return any(same_name(h, name) for h in proper) or any(
            same_name(h, name) for h in hangul if len(hangul_skeleton(h)) >= 3) or any(
            low in eng for n, eng in ko_names.EXONYMS.items() if n in cited) or (
            low in ko_names.SURNAMES and ko_names.SURNAMES[low] in cited)
    return _hangul_in(name, cited, cited_lang, words)


@dataclass(slots=True)
class ArticleContext:
    """What the check may know of the whole article besides the cited sentences: its lower-case
    words (a capital opening a point is a name only if the article never writes the word in
    lower case) and its Korean nouns (a noun a point takes from a sentence it does not cite is
    a borrowed name or a wrong citation). Names are never taken from the title: a point cites
    the sentence that names whom it is about."""

    text: str
    lang: str
    common: frozenset[str] = field(init=False)
    squashed: str = field(init=False)

    def __post_init__(self) -> None:
        self.common = lower_words(self.text)
        self.squashed = _hangul_only(self.text)


def _numbers_grounded(point: Facts, cited: Facts) -> str | None:
    """The first figure of ``point`` with no figure of the cited text to match; each cited
    figure matches once ("3 to 3" is not "6 to 3")."""
    pool = [set(values) for _w, values in cited.required]
    extra = cited.numbers - set().union(*pool) if pool else set(cited.numbers)
    for written, values in point.required:
        hit = next((i for i, vals in enumerate(pool) if vals & values), None)
        if hit is not None:
            pool.pop(hit)
        elif not values & (extra | cited.numbers if not pool else extra):
            return written
    return None


def check_facts(point: Facts, cited: Facts, cited_text: str, cited_lang: str, *,
                cues: bool = True) -> Verdict:
    """``point``'s facts against the cited sentences'; ``cues`` also checks that the point
    adds no negation or modality (points; labels are noun phrases)."""
    written = _numbers_grounded(point, cited)
    if written is not None:
        return Verdict(False, "number", written)
    if point.currencies - cited.currencies:
        return Verdict(False, "currency", ",".join(sorted(point.currencies - cited.currencies)))
    if point.months - cited.months or point.weekdays - cited.weekdays:
        return Verdict(False, "date")
    squashed = _squash(cited_text)
    for quote in point.quotes:
        if _squash(quote) not in squashed:
            return Verdict(False, "quote", quote)
    words = _word_set(cited_text)
    for name in point.names:
        if not _name_grounded(name, cited_text, cited_lang, words, cited):
            return Verdict(False, "name", name)
    if cues and point.negated and not cited.negated:
        return Verdict(False, "negation")
    if cues and point.modal and not cited.modal:
        return Verdict(False, "modality")
    return PASS


_MIN_OVERLAP = 0.34  # share of a point's content words in the sentences it cites


def _borrowed_noun(text: str, cited: str, context: ArticleContext) -> str | None:
    """A Korean noun of three or more syllables that the article has but the cited sentences
    do not: Kiwi tags an unknown person ("유재준") as a common noun, so names alone miss it."""
    squashed = _hangul_only(cited)
    for form, tag, _s, _e in korean.morphs(text):
        if tag == "NNG" and len(form) >= 3 and form in context.squashed \
                and form not in squashed:
            return form
    return None


def check_point(text: str, cited: Sequence[str], *, lang: str, cited_lang: str,
                context: ArticleContext | None = None) -> Verdict:
    """Whether the point ``text`` (in ``lang``) says only what the ``cited`` sentences (in
    ``cited_lang``) say, by the rules in the module docstring."""
    if not cited or not text.strip():
        return Verdict(False, "sources")
    joined = "\n".join(cited)
    common = context.common if context else frozenset()
    verdict = check_facts(facts_of(text, lang, common), facts_of(joined, cited_lang), joined,
                          cited_lang)
    if not verdict.ok or lang != cited_lang:
        return verdict
    if unsupported(text, lang, joined, cited_lang):
        return Verdict(False, "negation")
    terms = set(scoring_terms(text, lang))
    if terms and len(terms & set(scoring_terms(joined, lang))) / len(terms) < _MIN_OVERLAP:
        return Verdict(False, "overlap")
    if language(lang).hangul_names and context is not None:
        noun = _borrowed_noun(text, joined, context)
        if noun:
            return Verdict(False, "name", noun)
    return PASS


def check_label(label: str, cited: Sequence[str], *, lang: str, cited_lang: str,
                context: ArticleContext | None = None, point: str = "") -> Verdict:
    """A claim label: 2-5 words (Korean: 1-6 spaced words), its names and numbers in the cited
    sentences, and in the same language some of its content words (one of up to three, a third
    of more) in the cited sentences or in its ``point`` (itself checked against them): a label
    names the claim in its own words."""
    words = label.split()
    fewest, most = language(lang).label_words
    if not fewest <= len(words) <= most:
        return Verdict(False, "label_length")
    joined = "\n".join(cited)
    common = context.common if context else frozenset()
    verdict = check_facts(facts_of(label, lang, common, heading=True), facts_of(joined, cited_lang),
                          joined, cited_lang, cues=False)
    if not verdict.ok or lang != cited_lang:
        return verdict
    terms = set(scoring_terms(label, lang))
    if not terms:
        return Verdict(False, "label_empty")
    grounded = set(scoring_terms(f"{joined}\n{point}", lang))
    hangul = _hangul_only(f"{joined}\n{point}")
    spaceless = language(lang).spaceless_compounds
    found = sum(t in grounded or (spaceless and len(t) >= 2 and t in hangul) for t in terms)
    if found < max(1, len(terms) / 3):
        return Verdict(False, "label_ungrounded")
    return PASS

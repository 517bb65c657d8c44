"""Key-phrase labels for points: noun phrases taken from the point (or from the headline, when
all their words are in the point), so they cannot misstate it; none when no phrase reads well."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from bot.summarize import korean
from bot.summarize.lang.en import labels as en_rules
from bot.summarize.lang.en.tags import credit_line
from bot.summarize.lang.ko import labels as ko_rules
from bot.summarize.lang.registry import language
from bot.summarize.text import WORD_CACHE_SIZE, _term, content_words

_TOKEN = re.compile(r"[\w'’&-]+|[^\w\s]")
_ALPHA_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

Candidate = list[tuple[str, str]]  # (word as the label shows it, its content term)


@lru_cache(maxsize=256)
def _en_phrases(point: str) -> list[Candidate]:
    """Noun phrases of content words: runs not broken by stop words, verbs, numbers or
    punctuation; a name after a common word starts its own phrase ("media giant | TimeWarner")."""
    toks = _TOKEN.findall(point)
    lows = _TOKEN.findall(point.lower())
    if len(lows) != len(toks):  # lower() changed the tokenisation (rare non-ASCII case)
        lows = [t.lower() for t in toks]
    runs: list[Candidate] = []
    cur: Candidate = []
    last = len(toks) - 1
    for i, tok in enumerate(toks):
        low = lows[i]
        # Cheapest and most frequent breaks first: stop words, punctuation, numbers.
        opens_name = tok in en_rules.NAME_STARTS and i < last and toks[i + 1][:1].isupper()
        if (low in en_rules.BREAK and not opens_name) or tok[0] not in _ALPHA_START:
            if cur:
                runs.append(cur)
                cur = []
            continue
        possessive = contraction = False
        word = tok
        if "'" in low or "’" in low:
            possessive = low.endswith(("'s", "’s"))
            contraction = not possessive
            word = tok[:-2] if possessive else tok
        lower_case = word[:1].islower() or (i == 0 and i < last and toks[1][:1].islower())
        breaks = (
            contraction
            or word[-1:] in "-&'"
            # Past tenses and participles are verbs far more often than nouns in news.
            or (lower_case and low.endswith("ed"))
            or (lower_case and i > 0 and lows[i - 1] in en_rules.BEFORE_VERB)
        )
        if not breaks and lower_case and low.endswith("s") and not low.endswith(("ss", "us")):
            nxt = lows[i + 1] if i < last else ""
            breaks = nxt in en_rules.OBJECT_START or nxt[:1].isdigit() or nxt == "$"
        if breaks:
            if cur:
                runs.append(cur)
                cur = []
            continue
        if cur and not lower_case and _common(cur[-1][0]):
            # "giant TimeWarner" reads wrong: the name stands alone ("iPad Pro" is one name)
            runs.append(cur)
            cur = []
        term = _hyphen_term(word) if "-" in word else _term(word)
        if term is None and opens_name:
            term = low  # "New Jersey", "Old Trafford": the capitalised word opens a name
        if term is None:
            if cur:
                runs.append(cur)
            cur = []
            continue
        cur.append((word, term))
        if possessive:  # "the plant's fire-safety plan": the owner ends its own phrase
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    out: list[Candidate] = []
    for run in runs:
        if len(run) < 2:
            continue  # one word is no phrase
        # Adverbs and -ing forms at the edges make a phrase read like a fragment of a clause.
        while run and run[-1][0][:1].islower() and (
            run[-1][0].endswith(("ly", "ing")) or run[-1][1] in en_rules.COMPARATIVE
        ):
            run = run[:-1]
        while run and run[0][0].endswith(("ly", "ing")) and run[0][0][:1].islower():
            run = run[1:]
        # A name is never cut ("Harbor City Public Library", not "Public Library"), and a
        # phrase keeps its head, the last word ("clean-energy grant", not "state
        # clean-energy"): a phrase is the name alone, or the run from some word to its end.
        name = next((k for k, (w, _) in enumerate(run) if _common(w)), len(run))
        if 2 <= name <= en_rules.MAX_WORDS and name < len(run):
            out.append(run[:name])
        out.extend(
            run[i:]
            for i in range(len(run) - 1)
            if len(run) - i <= en_rules.MAX_WORDS and (i == 0 or i >= name)
        )
    return out


def _common(word: str) -> bool:
    """A lower-case common word; "iPad" and "eBay" are names ("iPad Pro models", never "Pro
    models")."""
    return word[:1].islower() and ("-" in word or word[1:] == word[1:].lower())


def _hyphen_term(word: str) -> str | None:
    """A hyphenated word's term: its parts' terms joined ("fire-safety" -> "fire safety"),
    so it counts as often as its parts recur in the article (see ``_count``)."""
    parts = [t for t in map(_term, word.split("-")) if t]
    return " ".join(parts) if parts else None


def _count(term: str, doc_counts: Counter[str]) -> int:
    if " " in term:
        return max(doc_counts.get(t, 0) for t in term.split())
    return doc_counts.get(term, 0)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def ko_noun(word: str) -> tuple[str | None, bool]:
    """(the noun in a Korean word, whether a particle followed it): "배춧값이" -> ("배춧값",
    True), "김장철" -> ("김장철", False), "맞아" -> (None, False)."""
    if not word or any(not "\uac00" <= ch <= "\ud7a3" for ch in word):
        return None, False
    for p in ko_rules.NOUN_PARTICLES:
        if word.endswith(p) and len(word) - len(p) >= 2:
            stem = word[: -len(p)]
            # "암에도" is 암 + 에 + 도: a stem still ending in a particle is no noun.
            if stem.endswith(ko_rules.BAD_STEM_END + ko_rules.VERB_END) \
                    or stem in ko_rules.NOT_KEY:
                return None, True
            return stem, True
    if len(word) < 2 or word.endswith(ko_rules.VERB_END) or word in ko_rules.NOT_KEY:
        return None, False
    return word, False


def _ko_runs(words: Iterable[str]) -> list[list[str]]:
    """Runs of nouns: bare nouns, the last one possibly with its particle stripped
    ("심야 자율주행 버스 노선을" -> ["심야", "자율주행", "버스", "노선"])."""
    runs: list[list[str]] = []
    cur: list[str] = []
    for raw in words:
        w = raw.strip(ko_rules.PUNCT)
        noun, particle = ko_noun(w)
        if noun is None:
            if cur:
                runs.append(cur)
            cur = []
            continue
        if w != raw.lstrip(ko_rules.PUNCT):
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
def _ko_title_runs(title: str) -> list[list[str]]:
    # Every point of an article is labelled under the same headline: split it once.
    return _ko_runs(title.split())


def _ko_phrases(point: str, title: str) -> list[Candidate]:
    """Noun runs of the point, plus noun runs of the headline whose nouns all occur in the
    point ("김장철을 맞아 배춧값이" under the headline "김장철 배춧값 …" -> "김장철 배춧값")."""
    out: list[Candidate] = []
    for runs, check in ((_ko_runs(point.split()), False), (_ko_title_runs(title), True)):
        for run in runs:
            for size in range(min(ko_rules.MAX_WORDS, len(run)), 1, -1):
                for i in range(len(run) - size + 1):
                    phrase = run[i : i + size]
                    if check and not all(n in point for n in phrase):
                        continue
                    out.append([(n, _term(n) or n) for n in phrase])
    return out


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
    cands = _ko_phrases(point, title) if lang == "ko" else _en_phrases(point)
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
        if language(lang).label_words_recur and not all(
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
        if lang == "en" and not _reads_as_label([w for w, _ in words], phrase, point):
            continue
        best = (score, phrase, parts)
    if best is None:
        return None
    used.update(best[2])
    label = best[1]
    if not language(lang).capitalised_labels or not _common(label.split(" ", 1)[0]):
        return label  # "iPad Pro", not "IPad Pro"
    return label[0].upper() + label[1:]


_LABEL_LANGS = ("en", "ko")


def _reads_as_label(words: list[str], phrase: str, point: str) -> bool:
    """Whether an English noun phrase can stand as a label: not the point's opening words,
    ending on a noun that says something (not "certainty", an adjective or "Lt"), with no
    verb-like "-s" word inside ("Cytokinin regulates various cell")."""
    if _starts_point(phrase, point):
        return False
    first, head = words[0].lower(), words[-1].lower()
    if head in en_rules.EMPTY_HEAD or first in en_rules.EMPTY_HEAD | en_rules.VAGUE \
            or head in en_rules.ABBREVIATIONS:
        return False
    if words[0][:1].islower() and first in en_rules.DATING_FIRST:
        return False  # "Recent report", "Pretty clear": the opener says nothing of the claim
    if words[-1][:1].islower() and head.endswith(en_rules.ADJECTIVE_END):
        return False
    for w in words[:-1] if words[-1][:1].islower() else words:
        if w[:1].islower() and w.endswith("s") and not w.endswith(("ss", "us", "is", "ics")):
            return False
    at = point.find(phrase)
    nxt = point[at + len(phrase) :].split(" ", 2)[1:2] if at >= 0 else []
    # A lower-case "-s" head followed by a word that takes an object is a verb ("reduces NO").
    return not (
        words[-1][:1].islower() and head.endswith("s") and nxt and nxt[0][:1].isupper()
    )


def _starts_point(label: str, point: str) -> bool:
    """Whether ``label`` is just the point's opening words (a reader sees them twice)."""
    head = point.lstrip("\"'“‘([").lower()
    for article in ("the ", "a ", "an "):
        head = head.removeprefix(article)
    return head.startswith(label.lower())


@lru_cache(maxsize=1024)  # the points: sentences Kiwi's cache holds too
def _ko_subruns(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every run of 2-4 consecutive nouns inside Kiwi's noun phrases of ``text``, as written
    ("김장철 배춧값 작년" -> "김장철 배춧값", "배춧값 작년", ...)."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for phrase, nouns in korean.noun_phrases(text):
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


korean.register_cache(_ko_subruns.cache_clear)


def _ko_label(point: str, doc: str, title: str, used: set[str]) -> str | None:
    """A Korean label from Kiwi's noun phrases of the point and of the headline (when all
    its nouns are in the point): 2+ nouns that recur in the article, not the opening."""
    cands = [*_ko_subruns(point),
             *((p, ns) for p, ns in _ko_subruns(title) if all(n in point for n in ns))]
    best: tuple[float, str, tuple[str, ...]] | None = None
    for phrase, nouns in cands:
        if not 2 <= len(nouns) <= 4 or len(phrase) > 30 or len(set(nouns)) < len(nouns):
            continue
        if used.intersection(nouns) or all(n in korean.GENERIC for n in nouns):
            continue
        if nouns[0] in korean.LABEL_NEVER_FIRST or len(nouns[0]) == 1:
            continue  # a time word or a one-syllable noun first reads as a fragment
        if point.startswith(phrase):
            continue
        counts = [min(doc.count(n), 6) for n in nouns]
        if not any(c >= 2 for c in counts):
            continue  # at least one of its nouns recurs: the phrase is about the story
        score = (sum(counts) + 3 * sum(n in title for n in nouns)) / len(nouns) ** 0.5
        if best is None or score > best[0]:
            best = (score, phrase, nouns)
    if best is None:
        return None
    used.update(best[2])
    return best[1]


def _ko_subject_opens(point: str) -> bool:
    """Whether the point's first written word is its subject or topic ("법무부는 …"): then no
    label can stand (``label_stands``: a Korean label is the subject, and not the opening)."""
    m = ko_rules.SUBJECT_BEFORE.search(point)
    return m is not None and " " not in point[: m.start()]


def label_points(
    points: list[str], doc_counts: Counter[str], lang: str, title: str, text: str
) -> list[str | None]:
    """A label for every point, or None for all of them: a brief whose points are labelled
    unevenly reads as two kinds of list. Only English and Korean have label rules."""
    none: list[str | None] = [None] * len(points)
    if lang not in _LABEL_LANGS or not points:
        return none
    used: set[str] = set()
    labels: list[str | None] = []
    title_terms = frozenset(content_words(title, lang))
    doc = f"{title}\n{text}"
    for point in points:
        if lang == "ko" and _ko_subject_opens(point):
            return none  # checked before Kiwi's phrases are built: most Korean points
        if lang == "ko" and korean.available():
            label = _ko_label(point, doc, title, used)
        elif lang == "en" and not _en_may_have_subject(point):
            return none  # no phrase of it can pass label_stands: skip finding one
        else:
            # A point with no recurring phrase may still have a plain noun phrase that names
            # it ("Dubious credentials"); the reading checks still apply.
            label = make_label(point, doc_counts, lang, used, title_terms, title, fallback=True)
        if label is None or not label_stands(label, point, doc, lang):
            return none
        labels.append(label)
    return labels


# A label names the point's subject, which comes early: one found past this share of the point
# names something the point mentions on the way ("appeal of a federal judge's injunction").
_SUBJECT_SHARE = 0.6


def _quoted(point: str, at: int) -> bool:
    """Whether position ``at`` of ``point`` is inside a quotation."""
    before = point[:at]
    straight = before.count('"') % 2 == 1
    curly = before.count("“") > before.count("”") or before.count("「") > before.count("」")
    single = before.count("‘") > before.count("’") or before.count("『") > before.count("』")
    return straight or curly or single


def label_stands(label: str, point: str, doc: str, lang: str) -> bool:
    """Whether ``label`` may stand in bold over ``point``: a wrong label reads worse than none
    (issue 28: readers preferred briefs without labels in 12 of 15 pairs). It must be written
    in the point, outside any quotation, not negated or mistaken for something ("a mummy
    mistaken for a murder victim" is not about a murder victim), spelt as the story spells it
    more than once (no caption's misspelling), early in the point where its subject is, and
    no comparison or degree ("Less prone", "Higher clip")."""
    at = point.lower().find(label.lower())
    if at < 0 or at > len(point) * _SUBJECT_SHARE or credit_line(point):
        return False  # not in the point, late in it (no subject), or a photo credit
    if lang == "ko":
        words = label.split()
        if _quoted(point, at) or words[0] in ko_rules.NEVER_FIRST:
            return False
        if len(words) > 1 and words[-1] in ko_rules.NEVER_FIRST:
            return False  # "수당 가운데": a clause noun ends it as badly as it opens it
        if ko_rules.NEGATING_AFTER.match(point[at + len(label) :]):
            return False
        after, end = point[at + len(label) :], at + len(label)
        subject = ko_rules.SUBJECT_AFTER.match(after) is not None or (
            ko_rules.SUBJECT_PARTICLE_AFTER.match(after) is not None
            and korean.main_clause_subject(point, end))
        if not subject or ko_rules.SUBJECT_BEFORE.search(point[:at]):
            return False  # not the point's subject: a wrong label reads worse than none
        return all(doc.count(word) >= 2 for word in label.split())
    if _quoted(point, at) or en_rules.NEGATING_BEFORE.search(point[:at]):
        return False
    if not _en_subject(point, at, len(label)):
        return False  # not the subject of the claim: a bystander, place, object or cut name
    words = label.lower().split()
    lower_head = label.split()[-1][:1].islower()
    if words[0] in en_rules.WEAK_FIRST or (lower_head and words[-1] in en_rules.WEAK_HEAD):
        return False  # "Less prone", "Higher clip"; "New York Times" is a name
    low = doc.lower()
    return all(low.count(word) >= 2 for word in words)


def _en_subject(point: str, at: int, size: int) -> bool:
    """Whether the phrase at ``point[at:at + size]`` is the subject of the point's main clause:
    only modifiers before it (from the start or an opening phrase), the verb after it."""
    if not en_rules.SUBJECT_AFTER.match(point, at + size):
        return False
    before = en_rules.CLAUSE_BREAK.split(point[:at])[-1]
    words = before.strip("\"'“‘([ ").split()
    if len(words) > en_rules.SUBJECT_PREFIX_WORDS:
        return False
    for w in words:
        low = w.lower().strip(",.")
        if low in en_rules.NOT_BEFORE_SUBJECT:
            return False
        # A lower-case "-s" or "-ed" word before it is a verb far more often than a
        # modifier ("Cárdenas joins four other Hispanic caucus members").
        if w[:1].islower() and low.endswith(("ed", "s")) and not low.endswith(("ss", "us")):
            return False
    if not words or words[-1].lower() in en_rules.DETERMINERS:
        return True
    # A word in front that the label left out: a lower-case phrase lost its modifier ("deep
    # learning team" -> "Learning team"), a name lost its first part ("Ms. Pac-Man port").
    return point[at].isupper() and not words[-1][:1].isupper()


def _en_may_have_subject(point: str) -> bool:
    """Whether some phrase of ``point`` could pass ``_en_subject`` (checked before looking for
    a label, which costs more): a clause starting in the first part of the point whose first
    words, none of them a preposition, conjunction or verb, are followed by a verb."""
    limit = len(point) * _SUBJECT_SHARE
    starts = [0] + [m.end() for m in en_rules.CLAUSE_BREAK.finditer(point, 0, int(limit) + 2)]
    most = en_rules.SUBJECT_PREFIX_WORDS + 5  # words before a label, and a label's
    for start in starts:
        for k, m in enumerate(_WORD_END.finditer(point, start)):
            if k >= most or m.group().lower().strip("\"'“‘(") in en_rules.NOT_BEFORE_SUBJECT:
                break
            if k >= 1 and en_rules.SUBJECT_AFTER.match(point, m.end()):
                return True
    return False


_WORD_END = re.compile(r"\S+?(?=[,;:]?\s|$)")

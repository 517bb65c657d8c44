"""How English labels are found and when one may stand over a point: noun phrases of the point,
checked for reading as a label and for naming the point's subject. The word lists are in
``bot.summarize.lang.en.labels``; ``bot.summarize.labels`` asks through the language's record."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from bot.summarize.lang import SUBJECT_SHARE, Analysis, Candidate, Labelling, Words, quoted
from bot.summarize.lang.en.labels import (
    ABBREVIATIONS,
    ADJECTIVE_END,
    BEFORE_VERB,
    BREAK,
    CLAUSE_BREAK,
    COMPARATIVE,
    DATING_FIRST,
    DETERMINERS,
    EMPTY_HEAD,
    MAX_WORDS,
    NAME_STARTS,
    NEGATING_BEFORE,
    NOT_BEFORE_SUBJECT,
    OBJECT_START,
    SUBJECT_AFTER,
    SUBJECT_PREFIX_WORDS,
    VAGUE,
    WEAK_FIRST,
    WEAK_HEAD,
)

_TOKEN = re.compile(r"[\w'’&-]+|[^\w\s]")
_ALPHA_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_WORD_END = re.compile(r"\S+?(?=[,;:]?\s|$)")


def phrases(point: str, title: str, words: Words) -> list[Candidate]:
    """The point's noun phrases (``_phrases``); an English label is never the headline's."""
    return _phrases(point, words.term)


@lru_cache(maxsize=256)
def _phrases(point: str, term_of: Callable[[str], str | None]) -> list[Candidate]:
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
        opens_name = tok in NAME_STARTS and i < last and toks[i + 1][:1].isupper()
        if (low in BREAK and not opens_name) or tok[0] not in _ALPHA_START:
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
            or (lower_case and i > 0 and lows[i - 1] in BEFORE_VERB)
        )
        if not breaks and lower_case and low.endswith("s") and not low.endswith(("ss", "us")):
            nxt = lows[i + 1] if i < last else ""
            breaks = nxt in OBJECT_START or nxt[:1].isdigit() or nxt == "$"
        if breaks:
            if cur:
                runs.append(cur)
                cur = []
            continue
        if cur and not lower_case and _common(cur[-1][0]):
            # "giant TimeWarner" reads wrong: the name stands alone ("iPad Pro" is one name)
            runs.append(cur)
            cur = []
        term = _hyphen_term(word, term_of) if "-" in word else term_of(word)
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
            run[-1][0].endswith(("ly", "ing")) or run[-1][1] in COMPARATIVE
        ):
            run = run[:-1]
        while run and run[0][0].endswith(("ly", "ing")) and run[0][0][:1].islower():
            run = run[1:]
        # A name is never cut ("Harbor City Public Library", not "Public Library"), and a
        # phrase keeps its head, the last word ("clean-energy grant", not "state
        # clean-energy"): a phrase is the name alone, or the run from some word to its end.
        name = next((k for k, (w, _) in enumerate(run) if _common(w)), len(run))
        if 2 <= name <= MAX_WORDS and name < len(run):
            out.append(run[:name])
        out.extend(
            run[i:]
            for i in range(len(run) - 1)
            if len(run) - i <= MAX_WORDS and (i == 0 or i >= name)
        )
    return out


def _common(word: str) -> bool:
    """A lower-case common word; "iPad" and "eBay" are names ("iPad Pro models", never "Pro
    models")."""
    return word[:1].islower() and ("-" in word or word[1:] == word[1:].lower())


def _hyphen_term(word: str, term_of: Callable[[str], str | None]) -> str | None:
    """A hyphenated word's term: its parts' terms joined ("fire-safety" -> "fire safety"),
    so it counts as often as its parts recur in the article (see ``_count``)."""
    parts = [t for t in map(term_of, word.split("-")) if t]
    return " ".join(parts) if parts else None


def reads_well(words: list[str], phrase: str, point: str) -> bool:
    """Whether an English noun phrase can stand as a label: not the point's opening words,
    ending on a noun that says something (not "certainty", an adjective or "Lt"), with no
    verb-like "-s" word inside ("Cytokinin regulates various cell")."""
    if _starts_point(phrase, point):
        return False
    first, head = words[0].lower(), words[-1].lower()
    if head in EMPTY_HEAD or first in EMPTY_HEAD | VAGUE \
            or head in ABBREVIATIONS:
        return False
    if words[0][:1].islower() and first in DATING_FIRST:
        return False  # "Recent report", "Pretty clear": the opener says nothing of the claim
    if words[-1][:1].islower() and head.endswith(ADJECTIVE_END):
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


def stands(label: str, point: str, at: int, doc: str, analysis: Analysis) -> bool:
    """Whether ``label``, written at ``at`` early in ``point``, may stand over it (the checks of
    every language are bot.summarize.labels.label_stands'): outside any quotation, not negated,
    the subject of the claim, no comparison or degree, and every word written in the story
    more than once."""
    if quoted(point, at) or NEGATING_BEFORE.search(point[:at]):
        return False
    if not _subject(point, at, len(label)):
        return False  # not the subject of the claim: a bystander, place, object or cut name
    words = label.lower().split()
    lower_head = label.split()[-1][:1].islower()
    if words[0] in WEAK_FIRST or (lower_head and words[-1] in WEAK_HEAD):
        return False  # "Less prone", "Higher clip"; "New York Times" is a name
    low = doc.lower()
    return all(low.count(word) >= 2 for word in words)


def _subject(point: str, at: int, size: int) -> bool:
    """Whether the phrase at ``point[at:at + size]`` is the subject of the point's main clause:
    only modifiers before it (from the start or an opening phrase), the verb after it."""
    if not SUBJECT_AFTER.match(point, at + size):
        return False
    before = CLAUSE_BREAK.split(point[:at])[-1]
    words = before.strip("\"'“‘([ ").split()
    if len(words) > SUBJECT_PREFIX_WORDS:
        return False
    for w in words:
        low = w.lower().strip(",.")
        if low in NOT_BEFORE_SUBJECT:
            return False
        # A lower-case "-s" or "-ed" word before it is a verb far more often than a
        # modifier ("Cárdenas joins four other Hispanic caucus members").
        if w[:1].islower() and low.endswith(("ed", "s")) and not low.endswith(("ss", "us")):
            return False
    if not words or words[-1].lower() in DETERMINERS:
        return True
    # A word in front that the label left out: a lower-case phrase lost its modifier ("deep
    # learning team" -> "Learning team"), a name lost its first part ("Ms. Pac-Man port").
    return point[at].isupper() and not words[-1][:1].isupper()


def _may_have_subject(point: str) -> bool:
    """Whether some phrase of ``point`` could pass ``_subject`` (checked before looking for
    a label, which costs more): a clause starting in the first part of the point whose first
    words, none of them a preposition, conjunction or verb, are followed by a verb."""
    limit = len(point) * SUBJECT_SHARE
    starts = [0] + [m.end() for m in CLAUSE_BREAK.finditer(point, 0, int(limit) + 2)]
    most = SUBJECT_PREFIX_WORDS + 5  # words before a label, and a label's
    for start in starts:
        for k, m in enumerate(_WORD_END.finditer(point, start)):
            if k >= most or m.group().lower().strip("\"'“‘(") in NOT_BEFORE_SUBJECT:
                break
            if k >= 1 and SUBJECT_AFTER.match(point, m.end()):
                return True
    return False


def unlabelled(point: str) -> bool:
    """No phrase of the point can name its subject (``_may_have_subject``): skip finding one."""
    return not _may_have_subject(point)


def shown(label: str) -> str:
    """A label opening on a common word is capitalised; "iPad Pro", not "IPad Pro"."""
    if not _common(label.split(" ", 1)[0]):
        return label
    return label[0].upper() + label[1:]


LABELLING = Labelling(phrases=phrases, reads_well=reads_well, unlabelled=unlabelled,
                      analysed=None, stands=stands, shown=shown)

"""Tags: feed categories and extracted keywords, normalised to slugs and mapped through aliases."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain, groupby

from bot.summarize import korean
from bot.summarize.text import WORD_CACHE_SIZE
from bot.summarize.text import tokens as _tokens_of
from bot.tags import TagNormaliser, normalise_tag

__all__ = ["TagNormaliser", "build_tags", "extract_keywords", "normalise_tag"]

_CAP_STOP = frozenset(
    """The A An But And Or If In On At As For To Of By It Its He She They We I This That These
    Those There Their His Her Our Mr Mrs Ms Dr Sir However Meanwhile Also After Before When While
    Although Yet So Now Then What Who Why How Where Which Last Next One Two Many Some More Most
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December Speaking According Since""".split()
)
_PROPER = re.compile(
    r"(?:[A-Z][\w&'’.-]*[A-Za-z0-9]|[A-Z])(?:[ \t]+(?:of[ \t]+)?[A-Z][\w&'’-]*[A-Za-z0-9])*"
)
_PROPER_AT = re.compile(r"(\n?)(" + _PROPER.pattern + ")")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{1,6}\b")
_KO_VERBY = (
    "다", "고", "며", "는", "한", "된", "할", "될", "던", "게", "지", "서", "면", "도록", "니다",
    "했", "해", "하", "인", "은", "을", "를", "이", "가", "의", "에", "로", "도", "만", "라",
)
_KO_NOUN_PARTICLES = sorted(
    """은 는 이 가 을 를 의 에 에서 에게 으로 로 와 과 도 만 까지 부터 보다 처럼 에서는 으로는
    에게서 에서도 에는 이라는 들이 들은 들을 들의 들도 과의 와의""".split(),
    key=len,
    reverse=True,
)
_KO_STOP = frozenset(
    "이번 지난 올해 현재 최근 대해 통해 위해 때문 경우 관계자 이상 이후 가운데 "
    # time words and generic place words nobody subscribes to, and verb forms that look like
    # nouns once a particle-like ending is stripped ("내려" is "goes down")
    "내년 작년 지난해 올해 오늘 어제 내일 이날 당시 국내 국외 해외 일부 전체 "
    "내려 올라 늘어 줄어 나타나 밝혀".split()
)
# The space first: a lookbehind tried at every character made this scan cost a third of the
# keyword step; matching whitespace first fails fast everywhere else (same matches).
_MID_CAP = re.compile(r"\s(?<=[a-z0-9,;:]\s)([A-Z][\w&'’-]*)")


def _english_keywords(title: str, sentences: list[str]) -> Counter[str]:
    body = "\n".join(sentences)
    # Words written capitalised inside a sentence are names; a capital at the start of a
    # sentence (or anywhere in a title-case headline) proves nothing on its own.
    mid_caps = {m.replace("’", "'").removesuffix("'s") for m in _MID_CAP.findall(body)}
    scores: Counter[str] = Counter()
    singles: list[str] = []
    for text, weight in ((title, 3), (body, 1)):
        # findall, not finditer: "\n" in front of a match says it opens a sentence, with no
        # match object to ask (the text gets a leading "\n" so its first word counts too).
        for nl, g in _PROPER_AT.findall("\n" + text):
            at_start = bool(nl)
            if weight == 1 and " " not in g and "\t" not in g:
                # Fast path for the most common match, one capitalised word.
                w = g.replace("’", "'").removesuffix("'s").rstrip(".")
                if (not at_start or w in mid_caps) and w not in _CAP_STOP and len(w) >= 2:
                    singles.append(w)
                continue
            words = [w.removesuffix("'s").rstrip(".") for w in g.replace("’", "'").split()]
            if weight == 3:
                runs = [list(g) for k, g in groupby(words, key=lambda w: w in mid_caps) if k]
            else:
                if at_start and words[0] not in mid_caps:
                    words = words[1:]
                runs = [words]
            for run in runs:
                while run and run[0] in _CAP_STOP:
                    run = run[1:]
                while run and run[-1] == "of":
                    run = run[:-1]
                phrase = " ".join(run)
                if not run or len(run) > 4 or len(phrase) < 2 or phrase.isdigit():
                    continue
                scores[phrase] += weight
    scores.update(singles)
    return scores


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _ko_noun(word: str) -> str | None:
    """The noun in a Korean word: the stem before a noun particle, or the bare word; None for
    verb and adjective forms ("몰리고", "했다")."""
    for p in _KO_NOUN_PARTICLES:
        if word.endswith(p) and len(word) - len(p) >= 2:
            return word[: -len(p)]
    if word.endswith(_KO_VERBY):
        return None
    return word


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _korean_word(w: str) -> str | None:
    if "\uac00" <= w[0] <= "\ud7a3":
        noun = _ko_noun(w) if len(w) >= 2 else None
        # Stop nouns are dropped here, once per distinct word, not once per article.
        return noun if noun and len(noun) >= 2 and noun not in _KO_STOP else None
    return w if _ACRONYM.fullmatch(w) else None


def _korean_words(raw: Iterable[str]) -> list[str]:
    """Nouns (particles stripped) and acronyms among already tokenised words."""
    return list(filter(None, map(_korean_word, raw)))


def _korean_keywords(
    title: str, sentences: list[str], raw: list[list[str]] | None = None
) -> Counter[str]:
    # The body's tokens come from the summarizer when it has them; the title counts three
    # times.
    body = chain.from_iterable(raw) if raw is not None else _tokens_of("\n".join(sentences))
    counts = Counter(_korean_words(body))
    for noun, c in Counter(_korean_words(_tokens_of(title))).items():
        counts[noun] += 3 * c
    return counts


# Words that are no subject of their own: date and time-zone words, title abbreviations.
_EN_NOT_TAG = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun gmt utc bst
    est edt pst pdt cet am pm sen rep gov gen col lt sgt dr mr mrs ms st mt no vs etc inc ltd
    co corp update updated editor reuters ap afp photo image video""".split()
)
_CONTRACTION = re.compile(r"['’](?:ve|re|ll|d|m|t)\b|n['’]t\b", re.IGNORECASE)


def _good_english_tag(phrase: str) -> bool:
    """No contractions ("We've"), fragments of two letters or fewer ("U.S.", "OS"), date or
    abbreviation words ("Jun", "GMT", "Sen")."""
    if _CONTRACTION.search(phrase):
        return False
    words = [w.strip(".").lower() for w in phrase.split()]
    if any(w in _EN_NOT_TAG for w in words):
        return False
    return len(normalise_tag(phrase).replace("-", "")) > 2


def _korean_phrase_keywords(title: str, sentences: list[str], chosen: list[str]) -> Counter[str]:
    """Kiwi's nouns and compounds of the headline and the points, scored by how often the
    article writes them (the headline counts three more); generic nouns dropped."""
    doc = title + "\n" + "\n".join(sentences)
    scores: Counter[str] = Counter()
    for text in (title, *chosen):
        for phrase, nouns in korean.noun_phrases(text):
            # "주삿바늘 개발" is about the 주삿바늘: a compound must end on a specific noun.
            # "UNIST 주" is a fragment: a compound ends on a noun of two syllables or more.
            whole = len(nouns) > 1 and len(nouns[-1]) >= 2 and nouns[-1] not in korean.GENERIC
            forms = [phrase] if whole else []
            forms += [n for n in nouns if len(n) >= 2 and n not in korean.GENERIC]
            for form in forms:
                if form not in scores and not all(n in korean.GENERIC for n in nouns):
                    scores[form] = doc.count(form) + (3 if form in title else 0)
    # A compound the article repeats says more than its parts ("기초과학", not "기초" and
    # "과학"); Latin fragments of two letters ("km") are no topic.
    strong = [f for f, v in scores.items() if v >= 2]
    return Counter(
        {
            f: v
            for f, v in scores.items()
            if not any(f != g and f in g for g in strong)
            and not (f.isascii() and len(f) <= 2)
            and not any(ch.isdigit() for ch in f)
        }
    )


def extract_keywords(
    title: str,
    sentences: list[str],
    lang: str,
    limit: int,
    raw: list[list[str]] | None = None,
    chosen: list[str] | None = None,
) -> list[str]:
    """Up to ``limit`` keywords a reader might subscribe to: names and topics that recur
    (``raw``: the sentences' tokens from ``text.tokens``, when already computed; ``chosen``:
    the brief's points, whose Korean nouns Kiwi analyses)."""
    if lang == "ko" and korean.available():
        scores = _korean_phrase_keywords(title, sentences, chosen or sentences[:3])
    elif lang == "ko":
        scores = _korean_keywords(title, sentences, raw)
    else:
        scores = _english_keywords(title, sentences)
    # A phrase seen once outside the title is noise; the title alone counts 3.
    # Sorting only the phrases seen at least twice: most are seen once. The sort is stable, so
    # ties keep first-seen order, as most_common() would.
    ranked = sorted((k for k, v in scores.items() if v >= 2), key=scores.__getitem__, reverse=True)
    picked: list[str] = []
    for k in ranked:
        if lang != "ko" and not _good_english_tag(k):
            continue
        low = k.lower()
        # Keep "Time Warner" over a later "Warner" (and the other way round).
        if any(low in p.lower().split() or p.lower() in low.split() for p in picked):
            continue
        picked.append(k)
        if len(picked) >= limit:
            break
    return picked


def build_tags(
    categories: tuple[str, ...] | list[str],
    keywords: list[str],
    normaliser: TagNormaliser,
    max_tags: int,
) -> list[str]:
    """Feed categories first, then keywords; normalised, aliased, de-duplicated, capped."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in [*categories, *keywords]:
        tag = normaliser(raw)
        # "time-warner" and "timewarner" are one tag to a reader.
        key = tag.replace("-", "")
        if tag and len(tag) <= 40 and key not in seen:
            out.append(tag)
            seen.add(key)
        if len(out) >= max_tags:
            break
    return out

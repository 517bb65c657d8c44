"""Tags: feed categories and extracted keywords, normalised to slugs and mapped through aliases."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain, groupby, pairwise

from bot.summarize import korean
from bot.summarize.lang.en import tags as en
from bot.summarize.lang.ko import tags as ko
from bot.summarize.text import WORD_CACHE_SIZE
from bot.summarize.text import tokens as _tokens_of
from bot.tags import TagNormaliser, canonical_tag, normalise_tag

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
# Not inside a word: "iPad" holds no name "Pad".
_PROPER_AT = re.compile(r"(\n?)(?<![A-Za-z0-9])(" + _PROPER.pattern + ")")
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
    """Capitalised names and how often the story writes them (the title's count three times,
    only for names its body also writes); runs break at weekdays, months and function words,
    civil titles are cut off the front ("Bishop John Folda" -> "John Folda"), and lines that
    are photo credits or player text give none."""
    # A scraped page repeats its title-case headline in the body: that copy would make every
    # headline word look like a name written mid-sentence.
    body = "\n".join(sentences)
    if title or credit_line(body):
        # Per sentence only when needed: most stories have neither credits nor a headline.
        body = "\n".join(
            s for s in sentences
            if not (len(s) >= 15 and s.strip() in title) and not credit_line(s)
        )
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
                runs = [list(g) for k, g in groupby(words, key=lambda w: w in mid_caps and
                                                     not _breaks_name(w)) if k]
            else:
                if at_start and words[0] not in mid_caps:
                    words = words[1:]
                runs = [list(g) for k, g in groupby(words, key=_breaks_name) if not k]
            for run in runs:
                # "Russian President Vladimir Putin": an adjective and a title go, the name
                # after them stays; a title inside a run ends the name before it.
                while run and run[-1].lower() in en.TITLES:
                    run = run[:-1]  # "Sinn Fein MPs" are Sinn Fein
                cut = [i for i, w in enumerate(run) if w.lower() in en.TITLES]
                if cut:
                    run = run[cut[-1] + 1 :]
                while run and (run[0] in _CAP_STOP or run[0].lower() in en.ADJECTIVES):
                    run = run[1:]
                while run and run[-1] == "of":
                    run = run[:-1]
                phrase = " ".join(run)
                if not run or len(run) > 4 or len(phrase) < 2 or phrase.isdigit():
                    continue
                if weight == 3 and phrase not in body:
                    continue  # a title-case headline's run the story never writes
                scores[phrase] += weight
    scores.update(singles)
    return scores


def credit_line(text: str) -> bool:
    """Whether ``text`` holds a photo credit or player text ("toggle caption … Getty Images")."""
    low = text.lower()
    return any(w in low for w in en.CREDIT_WORDS)


def _breaks_name(word: str) -> bool:
    return word.lower() in en.BREAK


def _stem(word: str) -> str:
    """Singular of a plural or family name ("Camerons" -> "cameron"), lower-case."""
    low = word.lower()
    return low[:-1] if len(low) > 3 and low.endswith("s") and not low.endswith("ss") else low


class _Entity:
    """One thing the story names, under every form it writes it in (with how often)."""

    __slots__ = ("count", "forms")

    def __init__(self, name: str, count: int) -> None:
        self.count, self.forms = count, {name: count}

    def words(self) -> set[str]:
        return {_stem(w) for f in self.forms for w in f.replace("-", " ").split()}

    @property
    def name(self) -> str:
        """The most written form, or a longer one the story writes again, or one that only
        puts a first name in front of it ("Magic Johnson" for "Johnson"): people by full
        name, never a caption's run glued to it ("Twitch Rules", "Victor Spinetti Up
        Front")."""
        main = max(self.forms, key=lambda f: (self.forms[f], len(f)))
        best = main
        for form, n in self.forms.items():
            words = form.split()
            if len(words) <= len(best.split()):
                continue
            extra = words[: len(words) - len(main.split())]
            given = (form.endswith(" " + main) and len(extra) <= 2
                     and not any(w.lower() in en.GENERIC for w in extra))
            if n >= 2 or given:
                best = form
        return best


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _unglued(scores: Counter[str]) -> Counter[str]:
    """Runs that are two names glued by flattened captions or bylines ("Liverpool Glen
    Johnson", "CNN Emily Smith") written once, split back into the names the story writes
    elsewhere; an agency's name in front is dropped."""
    out: Counter[str] = Counter()
    for phrase, n in scores.items():
        words = phrase.split()
        while len(words) > 1 and words[0].lower() in en.SOURCES:
            words = words[1:]
        phrase = " ".join(words)
        if n == 1 and len(words) >= 3:
            for i in range(1, len(words)):
                left, right = " ".join(words[:i]), " ".join(words[i:])
                if left in scores and right in scores:
                    out[left] += 1
                    out[right] += 1
                    break
            else:
                out[phrase] += n
        else:
            out[phrase] += n
    return out


def _english_entities(scores: Counter[str]) -> list[_Entity]:
    """Forms of one name joined: a bare surname or first name into the full name that holds it
    ("Van De Ven" into "Yves Van De Ven", "Hampton" into "Jim Hampton"), a plural into its
    singular, party adjectives into the party; the longest form names the entity."""
    merged: Counter[str] = Counter()
    for phrase, n in _unglued(scores).items():
        merged[en.SAME_AS.get(phrase.lower(), phrase)] += n
    by_low = {p.lower(): p for p in merged}
    for phrase in list(merged):
        if " " not in phrase and phrase.endswith("s"):
            single = by_low.get(phrase.lower()[:-1])
            if single is not None and single != phrase:
                merged[single] += merged.pop(phrase)  # "Camerons" is the Camerons
    # Longest first: each shorter form joins the most written longer form that holds it.
    order = sorted(merged, key=lambda p: (-len(p.split()), -merged[p]))
    entities: list[_Entity] = []
    # Word -> the entities with a form holding it: only those can hold a phrase with the word.
    by_word: dict[str, list[_Entity]] = {}
    for phrase in order:
        words = phrase.split()
        holders = [e for e in by_word.get(words[0], ())
                   if any(_contains(f.split(), words) for f in e.forms)]
        if holders:
            entity = max(holders, key=lambda e: e.count)
            entity.count += merged[phrase]
            entity.forms[phrase] = merged[phrase]
        else:
            entity = _Entity(phrase, merged[phrase])
            entities.append(entity)
        for w in words:
            at = by_word.setdefault(w, [])
            if entity not in at:
                at.append(entity)
    return entities


def _good_english_tag(phrase: str, body: str) -> bool:
    """A name a reader would follow: no contractions ("We've"), fragments of two letters or
    fewer ("U.S."), date or title words ("Jun", "Sen"), lone titles, adjectives or common
    words ("#royal", "#hispanic", "#home"), agencies credited for a photo."""
    if en.CONTRACTION.search(phrase):
        return False
    words = [w.strip(".").lower() for w in phrase.split()]
    if any(w in en.NOT_TAG for w in words) or " ".join(words) in en.SOURCES:
        return False
    if all(w in en.GENERIC or w in en.ADJECTIVES for w in words):
        return False
    # A capitalised word the story also writes in lower case is a common word ("Home").
    if len(words) == 1 and (words[0] in en.SOURCES or _written_lower(words[0], body)):
        return False
    return len(normalise_tag(phrase).replace("-", "")) > 2


# Tag selection, set by bench/tag_eval.py against the human highlights of the CNN/DM sample
# (a grid over these four; docs/SUMMARIZER.md): a name is a tag when the story writes it this
# often in any form (the title's count three times), ranked by that count plus a bonus when
# the points show it, and only while it is written nearly as often as the first.
_MIN_COUNT = 5
_MIN_COUNT_SHORT = 3
_SENTENCES_PER_MENTION = 4  # a story of 20+ sentences needs _MIN_COUNT mentions
_IN_POINTS = 4.0
_RELATIVE = 0.7



def _written_lower(word: str, body: str) -> bool:
    """Whether ``body`` writes ``word`` (lower case) as a word of its own. Asked only of the few
    names that pass the count: a scan of every lower-case word cost more than the rest."""
    at = body.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not body[at - 1].isalnum()) and (end == len(body)
                                                         or not body[end].isalnum()):
            return True
        at = body.find(word, at + 1)
    return False


def _english_tags(title: str, sentences: list[str], chosen: list[str], limit: int) -> list[str]:
    """The story's names, most salient first: how often it writes them (any form), more for a
    name the points show; when unsure (a name written rarely), no tag."""
    entities = _english_entities(_english_keywords(title, sentences))
    body = "\n".join(sentences)
    shown = " ".join(chosen) + " " + title
    # A long story writes its main names many times; a short item may write them three times.
    needed = min(_MIN_COUNT, max(_MIN_COUNT_SHORT, len(sentences) // _SENTENCES_PER_MENTION))
    ranked: list[tuple[float, _Entity]] = []
    for e in entities:
        in_points = any(f in shown for f in e.forms)
        if e.count < needed or not _good_english_tag(e.name, body):
            continue
        ranked.append((e.count + _IN_POINTS * in_points, e))
    ranked.sort(key=lambda se: -se[0])
    picked: list[_Entity] = []
    for score, e in ranked:
        if score < _RELATIVE * ranked[0][0]:
            break  # far less written than the story's main name: a side character
        # One tag per thing: no two tags share a word ("#van-de-ven", "#yves-van-de-ven").
        if any(e.words() & p.words() for p in picked):
            continue
        picked.append(e)
        if len(picked) >= limit:
            break
    return [e.name for e in picked]


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
        if noun and len(noun) >= 2 and noun not in _KO_STOP and noun not in ko.GENERIC:
            return noun
        return None
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


@lru_cache(maxsize=1024)  # the headline and points: sentences Kiwi's cache holds too
def _ko_noun_words(text: str) -> tuple[tuple[str, bool, tuple[str, ...]], ...]:
    """The written words of ``text`` that are nouns, as (stem, proper, nouns), in order; a
    word whose nouns are followed by anything but a particle (a verb, "탄핵하라") is None
    and breaks adjacency: ("경남은행", True, ["경남은행"]), ("임직원", False, ["임직원"])."""
    out: list[tuple[str, bool, tuple[str, ...]]] = []
    ms = korean.morphs(text)
    i = 0
    while i < len(ms):
        # One written word: morphemes until the next space in the text.
        j = i + 1
        while j < len(ms) and ms[j][2] == ms[j - 1][3]:
            j += 1
        word = ms[i:j]
        # An opening quote or bracket is not part of the word ("‘제주항공 참사’").
        while len(word) > 1 and word[0][1] in ko.OPENING:
            word = word[1:]
        k = 0
        while k < len(word) and word[k][1] in ko.NOUN:
            k += 1
        rest_ok = all(m[1].startswith(ko.PARTICLE_PREFIX) or m[1] in ("SF", "SP", "SSC", "SE")
                      for m in word[k:])
        if k and rest_ok:
            stem = text[word[0][2] : word[k - 1][3]]
            out.append((stem, any(m[1] == ko.PROPER for m in word[:k]),
                        tuple(m[0] for m in word[:k])))
        else:
            out.append(("", False, ()))
        i = j
    return tuple(out)


korean.register_cache(_ko_noun_words.cache_clear)


def _used_as_verb(noun: str, doc: str) -> bool:
    at = doc.find(noun)
    while at >= 0:
        if doc.startswith(ko.VERB_STEM_ENDINGS, at + len(noun)):
            return True
        at = doc.find(noun, at + 1)
    return False


def _nouns_alone(form: str) -> bool:
    """Whether Kiwi reads ``form`` on its own as nouns only: a tag is shown without the
    sentence that made it a noun."""
    return all(m[1] in ko.NOUN for m in korean.morphs(form))


def _ko_generic(noun: str) -> bool:
    return noun in ko.GENERIC or noun in korean.GENERIC or len(noun) < 2


def _korean_tags(title: str, sentences: list[str], chosen: list[str], limit: int) -> list[str]:
    """From the headline and the points (analysed already: the lead would cost a third more):
    names first (Kiwi's proper nouns: a person, a place, a body), then specific nouns and
    two-word compounds the story repeats; never a verb, a generic noun ("신고", "혐의") or a
    headline fragment ("제주 실종 담당 경찰관 긴급 체포"). Scored by how often the story
    writes them, the headline counting three more."""
    doc = title + "\n" + "\n".join(sentences)
    scores: dict[str, float] = {}
    nouns_of: dict[str, set[str]] = {}
    names: set[str] = set()
    # The headline's nouns as written words ("속도로" holds no "도로"), and its compounds.
    title_words = [w[0] for w in _ko_noun_words(title) if w[0]]
    title_nouns = {*title_words, *map(" ".join, pairwise(title_words))}
    for text in (title, *chosen):
        words = _ko_noun_words(text)
        for n, (stem, proper, nouns) in enumerate(words):
            if not stem:
                continue
            forms = [(stem, proper, nouns)]
            nxt = words[n + 1] if n + 1 < len(words) else ("", False, ())
            if nxt[0] and text.find(stem + " " + nxt[0]) >= 0 and nxt[1] == proper:
                # Two written words: a compound when the story writes it again ("기초 과학");
                # a name before a common noun is the name and a post, which is no one to
                # follow: "#정용우", never "#정용우-교통과장".
                forms.append((stem + " " + nxt[0], proper, nouns + nxt[2]))
            for form, is_name, parts in forms:
                if form in scores or ko.NOT_TAG_CHAR.search(form):
                    continue
                if any(map(_ko_generic, parts if " " in form else parts[-1:])):
                    continue  # "주삿바늘 개발" is about the 주삿바늘; "#혐의" about nothing
                if form.isascii() and len(form) <= 2:
                    continue  # "km", "AI" alone
                if (" " in form and form.rsplit(" ", 1)[1].endswith(ko.POST_ENDINGS)) \
                        or form.endswith(ko.POST_WORD_ENDINGS):
                    continue  # "정용우 교통과장": the name alone is the tag
                if " " in form and any(len(w) < 2 for w in form.split()):
                    continue  # "손 감독", "칸 가계": a one-syllable word is a fragment
                if not is_name and form not in title_nouns:
                    continue  # a common noun is a tag only as the story's subject
                if not is_name and " " not in form and _used_as_verb(form, doc):
                    continue  # "검거했다": an act, not a subject
                count = doc.count(form)
                needed = 2 if is_name or " " in form else 3
                if count < needed:
                    continue  # when unsure, no tag
                scores[form] = count + 3 * (form in title) + _KO_NAME_BONUS * is_name
                if is_name:
                    names.add(form)
                nouns_of[form] = {p for p in parts if len(p) >= 2}
    # A compound the story repeats says more than its part, when the part is seldom written
    # outside it ("미국 에너지부" over "미국", "제주경찰청" over "제주").
    counts = {f: doc.count(f) for f in scores}
    ranked = sorted(
        (f for f in scores
         if not any(f != g and f in g and counts[f] - counts[g] < 2 for g in scores)),
        key=scores.__getitem__, reverse=True)
    picked: list[str] = []
    for form in ranked:
        # One tag per thing: "미국" beside "미국 에너지부" is one too many.
        if any(form in p or p in form or nouns_of[form] & nouns_of[p] for p in picked):
            continue
        if form not in names and not _nouns_alone(form):
            continue  # read alone, a verb or an adverb ("고인" as 고이+ㄴ, "스스로")
        picked.append(form)
        if len(picked) >= limit:
            break
    return picked


_KO_NAME_BONUS = 10  # a proper noun outranks any common noun ("송경호" before "#탄핵")


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
    if lang != "ko":
        return _english_tags(title, sentences, chosen or sentences[:3], limit)
    if korean.available():
        return _korean_tags(title, sentences, chosen or sentences[:3], limit)
    scores = _korean_keywords(title, sentences, raw)
    # A phrase seen once outside the title is noise; the title alone counts 3.
    # Sorting only the phrases seen at least twice: most are seen once. The sort is stable, so
    # ties keep first-seen order, as most_common() would.
    ranked = sorted((k for k, v in scores.items() if v >= 2), key=scores.__getitem__, reverse=True)
    picked: list[str] = []
    for k in ranked:
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
        key = canonical_tag(tag)
        if tag and len(tag) <= 40 and key not in seen:
            out.append(tag)
            seen.add(key)
        if len(out) >= max_tags:
            break
    return out

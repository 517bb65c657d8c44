"""How Korean tags are found: with Kiwi's analysis (given, never imported: the rules sit below
the analyser), the names and the nouns the headline and the points make their subject; without
it, the nouns a story repeats. The word lists are in ``bot.summarize.lang.ko.tags``;
``bot.summarize.tags`` calls ``story_tags`` through the language's record."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain, pairwise
from typing import NamedTuple

from bot.summarize.lang import WORD_CACHE_SIZE, Analyser, Analysis, Morph, Words
from bot.summarize.lang.ko import tags as rules
from bot.summarize.lang.ko import words
from bot.summarize.lang.ko.words import SURNAMES


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _ko_noun(word: str) -> str | None:
    """The noun in a Korean word: the stem before a noun particle, or the bare word; None for
    verb and adjective forms ("몰리고", "했다")."""
    for p in rules.NOUN_PARTICLES:
        if word.endswith(p) and len(word) - len(p) >= 2:
            return word[: -len(p)]
    if word.endswith(rules.VERBY):
        return None
    return word


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _korean_word(w: str) -> str | None:
    if "\uac00" <= w[0] <= "\ud7a3":
        noun = _ko_noun(w) if len(w) >= 2 else None
        # Stop nouns are dropped here, once per distinct word, not once per article.
        if noun and len(noun) >= 2 and noun not in rules.STOP and noun not in rules.GENERIC:
            return noun
        return None
    return w if rules.ACRONYM.fullmatch(w) else None


def _korean_words(raw: Iterable[str]) -> list[str]:
    """Nouns (particles stripped) and acronyms among already tokenised words."""
    return list(filter(None, map(_korean_word, raw)))


def keywords(title_tokens: list[str], body_tokens: Iterable[str]) -> Counter[str]:
    """Nouns and acronyms and how often the story writes them, the title's three times: the
    ranking when Kiwi is unavailable."""
    counts = Counter(_korean_words(body_tokens))
    for noun, c in Counter(_korean_words(title_tokens)).items():
        counts[noun] += 3 * c
    return counts


@lru_cache(maxsize=1024)  # the headline and points: sentences Kiwi's cache holds too
def _noun_words(text: str, analyser: Analyser) -> tuple[tuple[str, bool, tuple[str, ...]], ...]:
    """The written words of ``text`` that are nouns, as (stem, proper, nouns), in order; a
    word whose nouns are followed by anything but a particle (a verb, "탄핵하라") is None
    and breaks adjacency: ("경남은행", True, ["경남은행"]), ("임직원", False, ["임직원"])."""
    out: list[tuple[str, bool, tuple[str, ...]]] = []
    ms = analyser(text)
    i = 0
    while i < len(ms):
        # One written word: morphemes until the next space in the text.
        j = i + 1
        while j < len(ms) and ms[j][2] == ms[j - 1][3] and not _breaks_word(ms[j - 1]):
            j += 1
        word = ms[i:j]
        # An opening quote or bracket is not part of the word ("‘제주항공 참사’").
        while len(word) > 1 and word[0][1] in rules.OPENING:
            word = word[1:]
        k = 0
        while k < len(word) and word[k][1] in rules.NOUN:
            k += 1
        rest_ok = all(m[1].startswith(rules.PARTICLE_PREFIX) or m[1] in ("SF", "SP", "SSC", "SE")
                      for m in word[_after_gloss(word, k):])
        if k and rest_ok:
            stem = text[word[0][2] : word[k - 1][3]]
            out.append((stem, any(m[1] == rules.PROPER for m in word[:k]),
                        tuple(m[0] for m in word[:k])))
        else:
            out.append(("", False, ()))
        i = j
    return tuple(out)


def _after_gloss(word: tuple[Morph, ...], k: int) -> int:
    """Where ``word`` goes on after its nouns (``word[:k]``) and a gloss in brackets after
    them, in Hanja or Latin letters or a short form ("한파(寒波)가", "대한의사협회(의협)와"):
    the gloss names the same thing, the word is still a noun with a particle."""
    if k and k + 2 < len(word) and word[k][1] == rules.GLOSS_OPEN:
        close = next((j for j in range(k + 1, len(word)) if word[j][1] == rules.GLOSS_CLOSE),
                     None)
        if close is not None and close > k + 1 \
                and all(m[1] in rules.NOUN for m in word[k + 1 : close]):
            return close + 1
    return k


def _glossed(form: str, picked: list[str], doc: str) -> bool:
    """Whether ``doc`` writes ``form`` as the gloss in brackets of a tag picked, or the other
    way round ("광주글로벌모터스(GGM)"): two names of one thing, one tag. A gloss after a list
    names the list ("티몬‧위메프(티메프)": 위메프 is no 티메프)."""
    return any(_glosses(f"{p}({form})", doc) or _glosses(f"{form}({p})", doc) for p in picked)


def _glosses(written: str, doc: str) -> bool:
    """Whether ``doc`` writes ``written`` (a name and its gloss) after no list mark."""
    return any(not (at and doc[at - 1] in rules.LIST_MARKS) for at in _starts(written, doc))


def _breaks_word(morph: Morph) -> bool:
    """Whether ``morph`` ends a written word though no space follows (``WORD_BREAK_TAGS``)."""
    return morph[1] in rules.WORD_BREAK_TAGS or morph[0] in rules.WORD_BREAK_FORMS


def clear_cache() -> None:
    """Forget the cached noun readings (registered with the analyser's own cache)."""
    _noun_words.cache_clear()


def _used_as_verb(noun: str, doc: str) -> bool:
    at = doc.find(noun)
    while at >= 0:
        if doc.startswith(rules.VERB_STEM_ENDINGS, at + len(noun)):
            return True
        at = doc.find(noun, at + 1)
    return False


def _nouns_alone(form: str, analyser: Analyser, name: bool) -> bool:
    """Whether Kiwi reads ``form`` on its own as nouns only: a tag is shown without the
    sentence that made it a noun. A name may read as a name and noun pieces ("김문주" as
    김+문+주); one that reads as anything else alone ("강형욱" as 강+형+욱, an adverb) is
    left out: the reader, and the check on tags, see it alone."""
    allowed = rules.NAME_PARTS if name else rules.NOUN
    return all(m[1] in allowed for m in analyser(form))


# The patterns around a name, compiled once: the name is found as a literal and the pattern
# matched where it ends (``_followed``) or must end where it starts (``_preceded``). Built per
# name ("(?<![가-힣])" + name + …), each was compiled again for every new name (a millisecond
# or more each: a Hangul range makes a large charset) and crowded re's cache of 512 patterns.
# A pattern before a name (``_preceded``) may not look ahead into it nor end on "$".


class _Before(NamedTuple):
    """A pattern that must end where a name starts, compiled as ``(?:pattern)\\Z``, and the
    most characters it can span: the search for it starts that far back; ``alone``, the
    pattern as written, for ``_somewhere``."""

    pattern: re.Pattern[str]
    width: int
    alone: re.Pattern[str]


def _before(pattern: str, width: int) -> _Before:
    """``pattern`` and its widest match (``width`` characters, given beside the pattern in
    ``tags``): a search from the text's start for each name was a third of the tags."""
    return _Before(re.compile("(?:" + pattern + r")\Z"), width, re.compile(pattern))


_PLAYED = re.compile(rules.PLAYED)
_PLAYED_PART = re.compile(rules.PLAYED_PART)
_PLAYED_BEFORE = _before(rules.PLAYED_BEFORE, rules.PLAYED_BEFORE_WIDTH)
_SUBJECT_BEFORE = _before(rules.SUBJECT_BEFORE, rules.SUBJECT_BEFORE_WIDTH)
_SUBJECT_AFTER = re.compile(rules.SUBJECT_AFTER)
_PRIVATE_PERSON_AFTER = re.compile(rules.PRIVATE_PERSON_AFTER)
_RESEARCH_LEAD = re.compile(rules.RESEARCH_LEAD)
# Matched at a full name's end: joined to each new name, it was compiled again per name
# (0.8 ms each, and every name of a feed's stories is new) and crowded re's cache.
_NAME_POST = re.compile(rules.NAME_POST)


def _starts(name: str, text: str) -> Iterator[int]:
    """Where ``name`` starts in ``text``, overlapping starts too: each a search would try."""
    at = text.find(name)
    while at >= 0:
        yield at
        at = text.find(name, at + 1)


@lru_cache(maxsize=16)  # the story's role patterns, asked of each of its names
def _somewhere(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` matches anywhere in ``text``: where a pattern of a role played does
    not (nearly always), no name needs looking at. One search per story, not one per name;
    only for patterns that open on a literal (a search for RESEARCH_LEAD or _PUBLIC_ROLE tries
    each word at each character and costs more than it saves)."""
    return pattern.search(text) is not None


def _followed(name: str, text: str, after: re.Pattern[str]) -> bool:
    """``re.search(re.escape(name) + after.pattern, text) is not None``, with no pattern built
    for the name."""
    return any(after.match(text, at + len(name)) for at in _starts(name, text))


def _preceded(name: str, text: str, before: _Before) -> bool:
    """``re.search(before + re.escape(name), text) is not None``: a match of ``before`` that
    ends where the name starts."""
    return any(_ends_at(at, text, before) for at in _starts(name, text))


def _ends_at(at: int, text: str, before: _Before) -> bool:
    """Whether a match of ``before`` ends at ``at`` in ``text``."""
    start = max(0, at - before.width)
    return before.pattern.search(text, start, at) is not None


def _spans(name: str, text: str, after: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """The spans ``re.finditer(re.escape(name) + after.pattern, text)`` finds (they do not
    overlap), with no pattern built for the name."""
    return ((at, m.end()) for at, m in _matches(name, text, after))


def _matches(name: str, text: str, after: re.Pattern[str]) -> Iterator[tuple[int, re.Match[str]]]:
    """Where each match of ``re.finditer(re.escape(name) + after.pattern, text)`` starts, with
    ``after``'s match at the name's end (its groups are the joined pattern's)."""
    at = text.find(name)
    while at >= 0:
        m = after.match(text, at + len(name))
        if m is None:
            at = text.find(name, at + 1)
            continue
        yield at, m
        at = text.find(name, m.end())


def _plays_role(name: str, doc: str) -> bool:
    """Whether ``doc`` writes ``name`` as a character someone plays ("순희 역을 맡은 배우"):
    a role written apart from the name ("서울역" is a station); "역할" only beside a word of
    the stage ("순희 역할을 맡은 배우", never "한동훈 역할론")."""
    if (_somewhere(_PLAYED, doc) and _followed(name, doc, _PLAYED)) \
            or (_somewhere(_PLAYED_BEFORE.alone, doc) and _preceded(name, doc, _PLAYED_BEFORE)):
        return True
    if not _somewhere(_PLAYED_PART, doc):
        return False
    span = rules.DRAMA_SPAN
    return any(rules.DRAMA.search(doc, max(0, start - span), end + span)
               for start, end in _spans(name, doc, _PLAYED_PART))


def _headline_subject(form: str, title: str) -> bool:
    """Whether the headline makes ``form`` its subject ("검찰, …", "… 수색한 검찰",
    "법원, 가처분 신청 기각"), not a word of another phrase ("첫 검찰 소환조사")."""
    head = rules.HEADLINE_KICKER.sub("", title).translate(_ABBREVIATIONS)
    # Opening the headline as a word of its own: "정부청사", "한국전력" are other things.
    return (head.startswith(form) and _OWN_WORD.match(head, len(form)) is not None) \
        or _headline_subject_word(form, title)


def _headline_subject_word(form: str, title: str) -> bool:
    """``_headline_subject`` without its opening shortcut: "대치동서 벤츠 몰다 …" opens on
    where it happened, not on its subject."""
    head = rules.HEADLINE_KICKER.sub("", title).translate(_ABBREVIATIONS)
    return any(_SUBJECT_AFTER.match(head, at + len(form)) and _ends_at(at, head, _SUBJECT_BEFORE)
               for at in _starts(form, head))


_ABBREVIATIONS = str.maketrans(rules.HEADLINE_ABBREVIATIONS)


def _named_in_passing(name: str, doc: str) -> bool:
    """Whether ``name`` is a person known by no public role ("김형태 씨", "김형태(52)",
    "김형태 변호사") the story names fewer than ``PERSON_MENTIONS`` times: someone it
    mentions, not someone it is about (the headline's names are asked nothing). A name of
    a person is a surname and one to three syllables: "서울아산병원 교수들" is no person."""
    if not rules.NAME_SYLLABLES[0] <= len(name) <= rules.NAME_SYLLABLES[1] \
            or name[0] not in SURNAMES or _mentions(name, doc) >= rules.PERSON_MENTIONS \
            or not _followed(name, doc, _PRIVATE_PERSON_AFTER):
        return False
    return not _followed(name, doc, _PUBLIC_ROLE) and not _followed(name, doc, _RESEARCH_LEAD)


def _mentions(name: str, doc: str) -> int:
    """How often ``doc`` names the person ``name``: in full, or by the surname and "씨" a story
    calls them by after the first mentions ("박민수 씨 ... 박씨는", "박 씨가"), unless it
    marks another person of that surname so ("김형태 변호사" beside "김성태씨": "김씨" is
    either)."""
    full = doc.count(name)
    marked, by_surname = _surname_patterns(name[0])
    if any(other != name for other in marked.findall(doc)):
        return full
    return full + len(by_surname.findall(doc))


@lru_cache(maxsize=len(SURNAMES))  # one pair per surname: a person's name starts with one
def _surname_patterns(surname: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A person of ``surname`` marked as one (``PRIVATE_PERSON_AFTER``: "김성태씨"), and the
    surname with "씨" alone ("김씨"): what ``_mentions`` counts. The surname comes first and
    the look back past it after ("김(?<![가-힣]김)", not "(?<![가-힣])김"), so the engine skips
    to each surname instead of trying the look-behind at every character of the story."""
    first = re.escape(surname) + r"(?<![가-힣]" + re.escape(surname) + ")"
    return (re.compile("(" + first + r"[가-힣]{1,3})" + rules.PRIVATE_PERSON_AFTER),
            re.compile(first + rules.SURNAME_ONLY))


# What follows a name with a public role ("최윤범 고려아연 회장", "문재인 전 대통령").
_PUBLIC_ROLE = re.compile(
    r"\s?(?:[^\s]+\s)?(?:전\s?|前\s?)?[^\s]*(?:"
    + "|".join(e for e in rules.POST_ENDINGS + rules.ROLE_WORDS if e not in rules.PROFESSIONS)
    + r")(?![가-힣]{2})")


def _headline_topic(form: str, title: str) -> bool:
    """Whether ``form`` is an established topic the headline writes ("‘가을 한파’", "#한파"):
    the story need not write it twice more."""
    return form in rules.TOPICS and (_written_alone(form, title) or _headline_short(form, title))


def _spaced(form: str, parts: tuple[str, ...], doc: str) -> int:
    """How often ``doc`` writes the one-word compound ``form`` with a space between its nouns
    ("불법추심" as "불법 추심", "실내흡연" as "실내 흡연"): one thing to a reader."""
    if " " in form or len(parts) != 2 or "".join(parts) != form:
        return 0
    return doc.count(" ".join(parts))


def _called_by_surname(name: str, title: str, doc: str) -> bool:
    """Whether a person named in full once is called by the surname and a post after it
    ("윤석열 대통령 ... 윤 대통령은"), or by the Hanja surname in the headline ("尹 체포 저지"):
    a story about the president names him in full once (the fit half's zero-tag briefs under
    "尹체포팀 진입 불허하자..." and "“윤 대통령도 ‘사법 거부’ 풀고...”")."""
    if not rules.NAME_SYLLABLES[0] <= len(name) <= rules.NAME_SYLLABLES[1] \
            or name[0] not in SURNAMES:
        return False
    hanja = rules.HANJA_SURNAMES.get(name[0])
    # A headline writes a Hanja surname only for a public figure: any public role beside the
    # full name will do ("최재영 목사" under "…崔 접근 치밀"), not only an office.
    if hanja is not None and re.search(r"(?<![一-龥])[" + hanja + r"](?![一-龥])", title) \
            and any(_PUBLIC_ROLE.match(doc, at + len(name)) for at in _starts(name, doc)):
        return True
    # The post the full name is written with: "전주지검" is no 전 with "문재인 전 대통령".
    posts = {m.group(1) for _, m in _matches(name, doc, _NAME_POST)}
    if not posts:
        return False
    return any(m.group(1) in posts for m in re.finditer(
        r"(?<![가-힣])" + name[0] + rules.SURNAME_POST, doc.replace(name, "")))


def _written_alone(form: str, title: str) -> bool:
    """Whether ``title`` writes ``form`` as a word of its own, maybe with a particle
    ("독일서 출간"), not inside a longer word ("서울교통공사", "중국인")."""
    return _own_words(form, title) > 0


def _own_words(form: str, text: str) -> int:
    """How often ``text`` writes ``form`` as a word of its own, maybe with a particle, not
    inside a longer word ("서울교통공사", "중국인")."""
    return sum(not (at and "가" <= text[at - 1] <= "힣")
               and _OWN_WORD.match(text, at + len(form)) is not None
               for at in _starts(form, text))


def _topic_mentions(form: str, text: str, analyser: Analyser) -> int:
    """How often ``text`` writes ``form`` as a noun of its own: at a word's end, maybe with a
    particle (a compound's last noun: "소비자물가" is a 물가), or as a compound's first noun
    before another noun by the analyser's reading ("한파특보" is 한파+특보); never as the start
    of another word ("전세기", "관세청", "의대생" are no 전세, 관세, 의대)."""
    count = 0
    for at in _starts(form, text):
        end = at + len(form)
        if _OWN_WORD.match(text, end) is not None:
            count += 1
            continue
        word_end = _HANGUL_RUN.match(text, end)
        ms = analyser(text[at:word_end.end() if word_end else end])
        count += (len(ms) > 1 and ms[0][0] == form and ms[0][1] in _NOUN_TAGS
                  and ms[1][1] in _NOUN_TAGS)
    return count


_HANGUL_RUN = re.compile(r"[가-힣]+")
_NOUN_TAGS = ("NNG", "NNP")


_OWN_WORD = re.compile(rules.WORD_OF_ITS_OWN.format(particles="|".join(rules.NOUN_PARTICLES)))


def _only_cited(name: str, doc: str) -> bool:
    """Whether every mention of ``name`` cites it as the source of a figure
    ("한국경제연구원에 따르면", "…의 분석"): where a number came from, not the subject."""
    ends = []  # the ends of re.finditer(re.escape(name), doc): mentions that do not overlap
    at = doc.find(name)
    while at >= 0:
        ends.append(at + len(name))
        at = doc.find(name, at + (len(name) or 1))
    return bool(ends) and all(rules.CITED.match(doc, end) for end in ends)


def _specific(noun: str, title: str, doc: str, compounds: set[str], analyser: Analyser) -> bool:
    """Whether a common noun (or two) is specific enough to follow: an established topic; one
    written word of three syllables or more that names no kind of person; or one of two
    syllables the headline makes its subject and the body writes again, mostly outside the
    headline's two-word ``compounds`` ("대통령 관저 앞 긴장" ... "관저 주변"; never "추모"
    of "추모 행렬"); never two written words ("#추모-행렬", "#양해-요청")."""
    if " " in noun:
        return False
    if noun in rules.TOPICS:
        return True
    if _kind_of_person(noun, analyser):
        return False
    if len(noun) >= rules.MIN_COMMON_SYLLABLES:
        return True
    body = doc.count(noun) - title.count(noun)
    # Mostly written inside one compound of the headline, the noun is half of that subject.
    inside = max((doc.count(c) - title.count(c) for c in compounds
                  if " " in c and noun in c.split() and all(len(w) >= 2 for w in c.split())),
                 default=0)
    return noun in title and body >= rules.MIN_BODY_MENTIONS and 2 * inside <= body


def _points_topic(form: str, doc: str, analyser: Analyser) -> bool:
    """Whether ``form``, written in the points, is an established topic the story writes
    ``TOPIC_MENTIONS`` times: its subject though the headline writes it otherwise
    ("의대 정원" under "… 내년 정원 논의 …"). A headline's short form of a longer topic, its
    first two syllables ("음주車" for 음주운전), counts as a mention (``doc`` opens on the
    headline). Only mentions of the noun itself count (``_topic_mentions``): 전세기 and
    전세계 are no 전세 (review 35); 소비자물가 is a 물가 and 한파특보 a 한파."""
    if form not in rules.TOPICS:
        return False
    short = _headline_short(form, doc.split("\n", 1)[0])
    return _topic_mentions(form, doc, analyser) + short >= rules.TOPIC_MENTIONS


def _headline_short(form: str, title: str) -> bool:
    """Whether ``title`` writes a longer topic only by its first two syllables ("음주車")."""
    return len(form) > 2 and form[:2] in title and form not in title


def _kind_of_person(noun: str, analyser: Analyser) -> bool:
    """Whether ``noun`` names a kind of person (#입주민 #조종사 #대학생): by Kiwi's reading, a
    person suffix (XSN "생") after a root, a last noun that is a person word ("목사") or a
    root of two syllables or more with a person ending ("입주+민"); never a noun that merely
    ends in the syllable ("국정감사" reads 국정+감사: 감사 is an audit)."""
    ms = analyser(noun)
    if not ms:
        return noun.endswith(rules.PERSON_ENDINGS)
    last, tag = ms[-1][0], ms[-1][1]
    if tag == rules.SUFFIX:
        return len(ms) >= 2 and last in rules.PERSON_ENDINGS
    if last in rules.PERSON_NOUNS:
        return True  # "담임+목사"
    # A one-syllable ending needs a root of two syllables in front ("감사" is no 감+사); a
    # longer one is a person word of its own ("공무원", "임직원").
    return any(last.endswith(e) and (len(e) >= 2 or len(last) - len(e) >= 2)
               for e in rules.PERSON_ENDINGS)


def _address(form: str) -> bool:
    """Whether a name is an address: a neighbourhood or a city district, or a county after
    its province (``NEIGHBOURHOOD_ENDINGS``, ``COUNTY_ENDING``)."""
    if " " in form:
        return form.endswith((rules.COUNTY_ENDING, *rules.NEIGHBOURHOOD_ENDINGS))
    return len(form) >= 3 and form.endswith(rules.NEIGHBOURHOOD_ENDINGS)


def _body_name(form: str) -> bool:
    """Whether a name of one written word is a body whose name ends in a generic noun
    ("서울교통공사": ``BODY_ENDINGS``)."""
    return " " not in form and any(form.endswith(e) and len(form) > len(e) + 1
                                   for e in rules.BODY_ENDINGS)


def _ko_generic(noun: str) -> bool:
    return noun in rules.GENERIC or noun in words.GENERIC or len(noun) < 2


def tags(title: str, sentences: list[str], chosen: list[str], limit: int,
         analyser: Analyser) -> list[str]:
    """From the headline and the points (analysed already: the lead would cost a third more):
    names first (Kiwi's proper nouns: a person, a place, a body), then specific nouns and
    two-word compounds the story repeats; never a verb, a generic noun ("신고", "혐의") or a
    headline fragment ("제주 실종 담당 경찰관 긴급 체포"). Scored by how often the story
    writes them, the headline counting three more."""
    doc = title + "\n" + "\n".join(sentences)
    scores: dict[str, float] = {}
    counts: dict[str, int] = {}  # how often the story writes each scored form
    nouns_of: dict[str, set[str]] = {}
    names: set[str] = set()
    # Institutions and two-syllable common nouns: a longer form the story scores that holds
    # one ("법원행정처", "전국한우협회") is the tag, however often the short one is written.
    parts_of_names: set[str] = set()
    # The headline's nouns as written words ("속도로" holds no "도로"), and its compounds.
    title_words = [w[0] for w in _noun_words(title, analyser) if w[0]]
    title_nouns = {*title_words, *map(" ".join, pairwise(title_words))}
    for text in (title, *chosen):
        words = _noun_words(text, analyser)
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
                # "#국회": followed as a name, written as a common noun; ranked below the
                # story's names ("#검찰동우회" over "#검찰") and needing a common noun's count.
                institution = form in rules.INSTITUTIONS
                is_name = is_name or institution
                # First the test most forms fail (three in five: the points' common nouns),
                # so they skip the rest; the tests before the analyser's are all pure.
                if not is_name and form not in title_nouns \
                        and not _points_topic(form, doc, analyser):
                    continue  # a common noun is a tag only as the story's subject
                if form in scores or rules.NOT_TAG_CHAR.search(form):
                    continue
                if any(map(_ko_generic, parts if " " in form else parts[-1:])) \
                        and not (is_name and _body_name(form)) and form not in rules.TOPICS:
                    continue  # "주삿바늘 개발" is about the 주삿바늘; "#혐의" about nothing
                if form.isascii() and len(form) <= 2:
                    continue  # "km", "AI" alone
                if (" " in form and form.rsplit(" ", 1)[1].endswith(rules.POST_ENDINGS)) \
                        or form.endswith(rules.POST_WORD_ENDINGS):
                    continue  # "정용우 교통과장": the name alone is the tag
                if " " in form and any(len(w) < 2 for w in form.split()):
                    continue  # "손 감독", "칸 가계": a one-syllable word is a fragment
                if not is_name and not _specific(form, title, doc, title_nouns, analyser):
                    continue  # "#화단", "#추모-행렬", "#입주민": nobody follows them
                if form.endswith(rules.VENUE_ENDINGS):
                    continue  # where it happened, not what it is about
                if not is_name and " " not in form and _used_as_verb(form, doc) \
                        and form not in rules.TOPICS:
                    continue  # "검거했다": an act, not a subject ("탄핵하라" is still #탄핵)
                count = doc.count(form)
                needed = 2 if (is_name and not institution) or " " in form \
                    or _headline_topic(form, title) else 3
                if count < needed and not (is_name and _called_by_surname(form, title, doc)) \
                        and count + _spaced(form, parts, doc) < needed:
                    continue  # when unsure, no tag
                if form in rules.BROAD_PLACES and not _written_alone(form, title):
                    continue  # "서울", "미국" in passing, or inside "서울교통공사", "중국인"
                if form in rules.NATIONAL and not _headline_subject(form, title):
                    continue  # "#국회" under a rally's headline, "첫 검찰 소환조사"
                if is_name and not _written_alone(form, title) and (
                        _named_in_passing(form, doc) or _only_cited(form, doc)):
                    continue  # a person mentioned in passing; a source cited for a figure
                if is_name and _address(form) and not _headline_subject_word(form, title):
                    continue  # "#서울-용산구", "#한남동": where it happened
                if is_name and _plays_role(form, doc):
                    continue  # "순희 역을 맡은": a character of a play or a drama
                bonus = rules.NAME_BONUS * (is_name and not institution)
                scores[form] = count + 3 * (form in title) + bonus
                counts[form] = count
                if is_name:
                    names.add(form)
                if institution or (not is_name and len(form) == 2 and form not in rules.TOPICS) \
                        or (not is_name and form not in title_nouns):
                    parts_of_names.add(form)
                nouns_of[form] = {p for p in parts if len(p) >= 2}
    # A compound the story repeats says more than its part, when the part is seldom written
    # outside it ("미국 에너지부" over "미국", "제주경찰청" over "제주").
    ranked = sorted(
        (f for f in scores
         if not any(f != g and f in g and (counts[f] - counts[g] < 2 or f in parts_of_names)
                    for g in scores)),
        key=scores.__getitem__, reverse=True)
    picked: list[str] = []
    for form in ranked:
        # One tag per thing: "미국" beside "미국 에너지부" is one too many.
        if any(form in p or p in form or nouns_of[form] & nouns_of[p] for p in picked) \
                or _glossed(form, picked, doc):
            continue
        if not _nouns_alone(form, analyser, form in names):
            continue  # read alone, a verb or an adverb ("고인" as 고이+ㄴ, "스스로")
        picked.append(form)
        if len(picked) >= limit:
            break
    return picked


def story_tags(title: str, sentences: list[str], chosen: list[str], limit: int,
               raw: list[list[str]] | None, words: Words, analysis: Analysis) -> list[str]:
    """Up to ``limit`` tags: by Kiwi's reading (``tags``) when it is available, else the nouns
    the story repeats (``raw``: the sentences' tokens, when the summarizer has them)."""
    if analysis.available():
        return tags(title, sentences, chosen, limit, analysis.morphs)
    body = chain.from_iterable(raw) if raw is not None else words.tokens("\n".join(sentences))
    scores = keywords(words.tokens(title), body)
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

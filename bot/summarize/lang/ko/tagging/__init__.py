"""How Korean tags are found: with Kiwi's analysis (given, never imported: the rules sit below
the analyser), the names and the nouns the headline and the points make their subject; without
it, the nouns a story repeats. The word lists are in ``bot.summarize.lang.ko.tags``;
``bot.summarize.tags`` calls ``story_tags`` through the language's record."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import chain, combinations, pairwise

from bot.summarize.lang import WORD_CACHE_SIZE, Analyser, Analysis, Morph, Words
from bot.summarize.lang.ko import tags as rules
from bot.summarize.lang.ko import words
from bot.summarize.lang.ko.tagging import mentions, people


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
    # Neither "(form)" nor "form(" written: no gloss of either way round, none to look for.
    if f"({form})" not in doc and f"{form}(" not in doc:
        return False
    return any(_glosses(f"{p}({form})", doc) or _glosses(f"{form}({p})", doc) for p in picked)


def _glosses(written: str, doc: str) -> bool:
    """Whether ``doc`` writes ``written`` (a name and its gloss) after no list mark."""
    return any(not (at and doc[at - 1] in rules.LIST_MARKS) for at in mentions.starts(written, doc))


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


def _spaced(form: str, parts: tuple[str, ...], doc: str) -> int:
    """How often ``doc`` writes the one-word compound ``form`` with a space between its nouns
    ("불법추심" as "불법 추심", "실내흡연" as "실내 흡연"): one thing to a reader."""
    if " " in form or len(parts) != 2 or "".join(parts) != form:
        return 0
    return doc.count(" ".join(parts))


def _front_of_misread_term(form: str, texts: tuple[str, ...], doc: str,
                           analyser: Analyser) -> bool:
    """Whether ``doc`` writes ``form`` (twice or more) only as the first word of one longer
    term, whose next word Kiwi reads, where one of the analysed ``texts`` writes it, as nouns
    run on into a noun suffix or a copula: no noun word there, so the term is no candidate
    and ``form`` alone would stand for it. ko8's headline "정부 ‘경계선 지능인’ 첫 실태 조사"
    reads 지능+이+ㄴ ("being 지능"), a point 지능+인(XSN)+이+ㄴ, another 지능+인 (nouns: the
    term "경계선 지능인", two written common nouns, is no tag either); all 18 mentions of
    경계선 open "경계선 지능…", and "#경계선" (a boundary line) was the tag. Every text, not
    the first: the first that scores a form keeps it. A next word that is no noun (an
    adverb: "증인선서 없이") or goes on in digits ("서울중앙지법 민사51부") makes no term. Asked
    of common nouns only: a name Kiwi reads as a name is no cut-off piece ("쿠팡 직원들",
    "유네스코 세계유산이다"; review of stop 46, 1)."""
    head = mentions.next_word_head(form, doc)
    return head is not None and any(_reads_as_run_on_nouns(text, at + len(form) + 1, analyser)
                                    for text in texts
                                    for at in mentions.starts(f"{form} {head}", text))


def _reads_as_run_on_nouns(text: str, start: int, analyser: Analyser) -> bool:
    """Whether the written word at ``start`` of ``text`` reads as nouns and then a noun
    suffix or a copula (``TERM_RUNS_ON``)."""
    after = [m for m in analyser(text) if m[2] >= start]
    if not after or after[0][2] != start or after[0][1] not in rules.NOUN:
        return False
    k = 1  # the word's nouns: after[:k], no space between them
    while k < len(after) and after[k][1] in rules.NOUN and after[k][2] == after[k - 1][3]:
        k += 1
    # A copula's ending shares its stem's span ("이" and "ᆫ" both 10-11): still the word. A
    # plural ("직원들", 들/XSN) leaves a noun phrase, no term Kiwi cannot read.
    return k < len(after) and after[k][1] in rules.TERM_RUNS_ON \
        and after[k][0] not in rules.TERM_RUNS_ON_NOT and after[k][2] <= after[k - 1][3]


def _seldom_outside(form: str, longer: list[str],
                    nouns_written: dict[str, tuple[str, ...]], doc: str) -> bool:
    """Whether ``doc`` writes ``form`` fewer than twice outside the ``longer`` scored forms
    that hold it, each found as scored and with its nouns written apart or together
    ("칭기즈칸" and "칭기즈 칸"). One longer form at a time, "#운당" stood beside 운당학술상 and
    운당학술대상 (7 mentions, 1 outside both), "#칭기즈" beside 칭기즈칸 (11, 4 written
    together, 7 apart), "#제이" and "#다이트" beside "제이 다이트" (5 apart, 2 together)."""
    if not longer:
        return False
    covered: set[int] = set()
    for longer_form in longer:
        parts, joined = nouns_written[longer_form], longer_form.replace(" ", "")
        written = {longer_form, joined, " ".join(parts), "".join(parts)}
        if joined.startswith(form):  # Kiwi reads "칭기즈칸" as one name, "칭기즈 칸" as two
            written.add(f"{form} {joined[len(form):]}")
        for way in written:
            for at in mentions.starts(way, doc):
                covered.update(range(at, at + len(way)))
    return sum(at not in covered for at in mentions.starts(form, doc)) < 2


def _one_kind(part: str, one: str, other: str, doc: str) -> bool:
    """Whether two longer forms holding ``part`` are one thing or one kind, and so one tag:
    the same letters written apart or together ("칭기즈칸", "칭기즈 칸"); going on after the
    part with the same two syllables ("운당학술상", "운당학술대상": 학술); or two pieces of one
    name the story writes, meeting at the part ("제이 다이트" and "다이트 라이드" of "제이 다이트
    라이드"). Two names that only share a front are two things ("카카오뱅크", "카카오페이";
    "삼성전자", "삼성SDI"; "국회의장", "국회사무처"): sharing a dropped part let only one of
    them be a tag (review of stop 46, 2)."""
    rests = [form.replace(" ", "").replace(part, "", 1) for form in (one, other)]
    return rests[0] == rests[1] or (len(rests[0]) >= 2 and rests[0][:2] == rests[1][:2]) \
        or any(a.endswith(part) and b.startswith(part) and a + b[len(part):] in doc
               for a, b in ((one, other), (other, one)))


def _specific(noun: str, parts: tuple[str, ...], title: str, doc: str, compounds: set[str],
              analyser: Analyser) -> bool:
    """Whether a common noun (or two) is specific enough to follow: an established topic; one
    written word of three syllables or more that names no kind of person and that the body
    writes again (``MIN_BODY_MENTIONS_LONG``); or one of two
    syllables the headline makes its subject and the body writes again, mostly outside the
    headline's two-word ``compounds`` ("대통령 관저 앞 긴장" ... "관저 주변"; never "추모"
    of "추모 행렬"); never two written words ("#추모-행렬", "#양해-요청")."""
    if " " in noun:
        return False
    if noun in rules.TOPICS:
        return True
    if people.kind_of_person(noun, analyser):
        return False
    body = doc.count(noun) - title.count(noun)
    if len(noun) >= rules.MIN_COMMON_SYLLABLES:
        return body + _spaced(noun, parts, doc) >= rules.MIN_BODY_MENTIONS_LONG
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
    headline). Only mentions of the noun itself count (``mentions.topic_mentions``): 전세기 and
    전세계 are no 전세 (review 35); 소비자물가 is a 물가 and 한파특보 a 한파."""
    if form not in rules.TOPICS:
        return False
    short = mentions.headline_short(form, doc.split("\n", 1)[0])
    return mentions.topic_mentions(form, doc, analyser) + short >= rules.TOPIC_MENTIONS


def _ko_generic(noun: str) -> bool:
    return noun in rules.GENERIC or noun in words.GENERIC or len(noun) < 2


def _unfollowed(form: str, title: str, body: str) -> bool:
    """Whether a written word of ``form`` is an institution or a word nobody follows that is
    not the story's subject, or a name read otherwise unless the headline writes it ("인도").
    The subject: the headline opens on it and the body writes it ``SUBJECT_MENTIONS`` times
    ("검찰, 특수부 폐지 …", not "… 검찰, 중견기업 회장 수사", where the chairman is). The whole
    word only: 해양경찰청 is no 경찰청."""
    return any((word in rules.GENERIC_INSTITUTIONS or word in rules.UNFOLLOWED)
               and not (mentions.headline_opens_on(word, title)
                        and mentions.own_words(word, body) >= rules.SUBJECT_MENTIONS)
               for word in form.split()) \
        or (form in rules.HEADLINE_ONLY_NAMES and not mentions.written_alone(form, title))


def _local_place(form: str) -> bool:
    """Whether ``form`` is a city or a province (``LOCAL_PLACES``), maybe with 시, 도 or 권."""
    return form in rules.LOCAL_PLACES or (
        form.endswith(rules.PLACE_SUFFIXES) and form[:-1] in rules.LOCAL_PLACES)


_HOSPITAL_WORD = re.compile(r"[가-힣]*(?:" + "|".join(rules.HOSPITAL_ENDINGS) + ")")
_SPACED_HOSPITAL = re.compile(r"(?<=[가-힣])\s+(?=" + "|".join(rules.HOSPITAL_ENDINGS) + ")")


def _hospital_short(text: str) -> str:
    """``text`` with its hospitals written one way: "서울대학교병원" and "서울대 병원" are
    서울대병원."""
    return _SPACED_HOSPITAL.sub("", text).replace(rules.UNIVERSITY_LONG, rules.UNIVERSITY_SHORT)


def _hospital_in_headline(form: str, title: str) -> bool:
    """Whether the headline writes the hospital ``form`` names, maybe shorter ("아산병원" for
    서울아산병원) or longer ("서울대학교병원"): a bare "병원" is no name."""
    short = _hospital_short(form)
    return any(len(w) > 2 and short.endswith(w)
               for w in _HOSPITAL_WORD.findall(_hospital_short(title)))


def _hospital_owner(form: str, title: str) -> bool:
    """Whether the headline writes ``form`` only as the name of its hospital ("서울대 병원
    교수들 휴진" is the hospital's story, no #서울대)."""
    return any(title.startswith(ending, at + len(form) + 1) and title[at + len(form)] == " "
               for ending in rules.HOSPITAL_ENDINGS for at in mentions.starts(form, title)
               if at + len(form) < len(title))


def _place_in_headline(form: str, title: str) -> bool:
    """Whether the headline writes the place as a word of its own, with or without 시/도."""
    return mentions.written_alone(form, title) or (
        form.endswith(rules.PLACE_SUFFIXES) and mentions.written_alone(form[:-1], title))


def _list_items(title: str, sentences: list[str]) -> Callable[[str], bool]:
    """Whether a name is an item of the story's list of notices: under a notice's headline
    ("[부음] 김영주 별세 외") every name; where most lines open with ``LIST_ITEM`` (an obituary
    column) those the headline does not write; a bullet inside a sentence ("윤석열 대통령은
    ▲전기요금 동결 ▲…") makes no list. The story's lines are read once, when a name first
    asks: most stories have no name left by then."""
    kind: list[Callable[[str], bool]] = []

    def decide() -> Callable[[str], bool]:
        if rules.LIST_HEADLINE.match(title) is not None:
            return lambda form: True
        lines = [line for line in "\n".join(sentences).splitlines() if line.strip()]
        opening = sum(line.lstrip().startswith(rules.LIST_ITEM) for line in lines)
        if 2 * opening > len(lines):
            return lambda form: not mentions.written_alone(form, title)
        return lambda form: False

    def is_item(form: str) -> bool:
        if not kind:
            kind.append(decide())
        return kind[0](form)

    return is_item


def tags(title: str, sentences: list[str], chosen: list[str], limit: int,
         analyser: Analyser) -> list[str]:
    """From the headline and the points (analysed already: the lead would cost a third more):
    names first (Kiwi's proper nouns: a person, a place, a body), then specific nouns and
    two-word compounds the story repeats; never a verb, a generic noun ("신고", "혐의") or a
    headline fragment ("제주 실종 담당 경찰관 긴급 체포"). Scored by how often the story
    writes them, the headline counting three more."""
    doc = title + "\n" + "\n".join(sentences)
    body = doc[len(title):]  # once a story, not once a form asked
    # Once a story: most write no academic post and no spaced hospital, so no form asks.
    posts_written = any(post in body for post in rules.ACADEMIC_POSTS)
    spaced_hospital = any(" " + ending in title for ending in rules.HOSPITAL_ENDINGS)
    list_item = _list_items(title, sentences)
    scores: dict[str, float] = {}
    counts: dict[str, int] = {}  # how often the story writes each scored form
    nouns_of: dict[str, set[str]] = {}
    # Each scored form's nouns as Kiwi read them, one-syllable too ("칭기즈", "칸"): the ways
    # of writing it ``_seldom_outside`` looks for. ``parts_of_names`` is another thing.
    nouns_written: dict[str, tuple[str, ...]] = {}
    names: set[str] = set()
    # Institutions and two-syllable common nouns: a longer form the story scores that holds
    # one ("법원행정처", "전국한우협회") is the tag, however often the short one is written.
    parts_of_names: set[str] = set()
    # Names the story writes as a word of their own less often than a name needs, the rest
    # inside one longer word ("조선 반도", "조선민주주의인민공화국": the stop 46 read's "#조선",
    # "meaningless", ko45): no tag, still a part that makes its longer forms one thing. The
    # front of two longer names stays a name ("카카오뱅크·카카오페이": #카카오); a name with
    # the copula or a side glued on ("손흥민이었다", "한동훈측") is written alone.
    inside_only: set[str] = set()
    # The headline's nouns as written words ("속도로" holds no "도로"), and its compounds.
    title_words = [w[0] for w in _noun_words(title, analyser) if w[0]]
    title_nouns = {*title_words, *map(" ".join, pairwise(title_words))}
    analysed = (title, *chosen)
    for text in analysed:
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
                # Every test below only drops a form, so they run cheapest first: the pure
                # string tests, then those that search the story, and a form one of them drops
                # never costs the rest (the tags are the same in any order).
                # First the test most forms fail (three in five: the points' common nouns),
                # set look-ups until a topic asks how often the story writes it.
                if not is_name and form not in title_nouns \
                        and not (form in rules.TOPICS and _points_topic(form, doc, analyser)):
                    continue  # a common noun is a tag only as the story's subject
                if form in scores or rules.NOT_TAG_CHAR.search(form):
                    continue
                if any(map(_ko_generic, parts if " " in form else (*parts[-1:], form))) \
                        and not (is_name and people.body_name(form)) and form not in rules.TOPICS:
                    continue  # "주삿바늘 개발" is about the 주삿바늘; "#혐의" about nothing
                if " " not in form and parts[-1] != form and parts[-1] in rules.UNFOLLOWED_ENDS:
                    continue  # "권한대행", "변론기일": a compound ending on such a word is one
                if form.isascii() and len(form) <= 2:
                    continue  # "km", "AI" alone
                if (" " in form and form.rsplit(" ", 1)[1].endswith(rules.POST_ENDINGS)) \
                        or form.endswith(rules.POST_WORD_ENDINGS):
                    continue  # "정용우 교통과장": the name alone is the tag
                if " " in form and any(len(w) < 2 for w in form.split()):
                    continue  # "손 감독", "칸 가계": a one-syllable word is a fragment
                if is_name and " " in form and people.person_and_workplace(form, doc):
                    continue  # "윤윤수 휠라홀딩스 회장": a person and a company, two things
                if is_name and people.pseudonym(form, doc):
                    continue  # "영숙(가명)": a made-up name
                if is_name and not institution and " " not in form \
                        and not mentions.written_alone(form, title) \
                        and people.only_workplace(form, doc):
                    continue  # "윤윤수 휠라홀딩스 회장": where a person works
                if form.endswith(rules.VENUE_ENDINGS):
                    continue  # where it happened, not what it is about
                if form.endswith(rules.HOSPITAL_ENDINGS) and not _hospital_in_headline(form, title):
                    continue  # "#서울대병원": where a patient was treated
                if form in rules.BROAD_PLACES and not mentions.written_alone(form, title):
                    continue  # "서울", "미국" in passing, or inside "서울교통공사", "중국인"
                if _local_place(form) and not _place_in_headline(form, title):
                    continue  # "#인천": where it happened, not what it is about
                if form in rules.NATIONAL and not mentions.headline_subject(form, title):
                    continue  # "#국회" under a rally's headline, "첫 검찰 소환조사"
                if _unfollowed(form, title, body):
                    continue  # "#검찰" of "검찰, 중견기업 회장 수사"; "#명령" of "접근금지 명령"
                count = doc.count(form)
                needed = 2 if (is_name and not institution) or " " in form \
                    or mentions.headline_topic(form, title) else 3
                if count < needed and not (is_name and people.called_by_surname(form, title, doc)) \
                        and count + _spaced(form, parts, doc) < needed:
                    continue  # when unsure, no tag
                # Tests that search the story, after the count that drops most forms.
                if not is_name and " " not in form \
                        and _front_of_misread_term(form, analysed, doc, analyser):
                    continue  # "#경계선" of "경계선 지능인": the front of a term, no subject
                if spaced_hospital and _hospital_owner(form, title):
                    continue  # "서울대 병원 교수들 휴진": the hospital's story, no #서울대
                if posts_written and not mentions.written_alone(form, title) \
                        and mentions.only_affiliation(form, body):
                    continue  # "서울대 화학부 교수": where a winner works
                if not is_name and " " not in form and _used_as_verb(form, doc) \
                        and form not in rules.TOPICS:
                    continue  # "검거했다": an act, not a subject ("탄핵하라" is still #탄핵)
                if not is_name and not _specific(form, parts, title, doc, title_nouns, analyser):
                    continue  # "#화단", "#추모-행렬", "#입주민": nobody follows them
                if is_name and not institution and list_item(form):
                    continue  # "▲김영주 별세, … 서울성모병원": an item of the list
                if is_name and people.address(form) \
                        and not mentions.headline_subject_word(form, title):
                    continue  # "#서울-용산구", "#한남동": where it happened
                if is_name and not mentions.written_alone(form, title) and (
                        people.named_in_passing(form, doc) or mentions.only_cited(form, doc)):
                    continue  # a person mentioned in passing; a source cited for a figure
                if is_name and people.plays_role(form, doc):
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
                if is_name and not institution and " " not in form and count >= needed \
                        and not mentions.written_alone(form, title) \
                        and (alone := mentions.alone(form, doc)) + _spaced(form, parts, doc) \
                        < needed and mentions.held(form, doc, alone) < 2:
                    inside_only.add(form)
                nouns_written[form] = parts
    # A compound the story repeats says more than its part, when the part is seldom written
    # outside it ("미국 에너지부" over "미국", "제주경찰청" over "제주").
    # Longer forms of one kind are counted together and share the part, so they give one tag
    # ("운당학술상", "운당학술대상"); two names that only share a front ("카카오뱅크",
    # "카카오페이") are weighed one at a time, and the part is the tag when the story writes
    # it outside each ("#카카오").
    ranked = []
    for f in scores:
        longer = [g for g in scores if f != g and f in g]
        if all(_one_kind(f, g, h, doc) for g, h in combinations(longer, 2)):
            if (f in parts_of_names and longer) or _seldom_outside(f, longer, nouns_written, doc):
                for g in longer:  # the part names what each holds
                    nouns_of[g].add(f)
                continue
        elif any(counts[f] - counts[g] < 2 or f in parts_of_names for g in longer):
            continue
        if f in inside_only:
            continue
        ranked.append(f)
    ranked.sort(key=scores.__getitem__, reverse=True)
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

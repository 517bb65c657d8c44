"""Korean sentences that tell a chosen point's event again with no quotation: the selector's
``restates`` (bot.summarize.scoring), beside ``retold``'s quotations (issue 28).

Korean news writes a summary lede and then retells it with the agency and the day: ko280's
"대통령 지지 집회 참가자 2명이 현행범으로 경찰에 체포됐다." then "서울 용산경찰서는 2일 오후 3시
30분쯤 서울 한강진역 인근에서 집회 참가자 2명을 체포했다고 이날 밝혔다." (the reader: "Point 2
repeats point 1 ... leaves out ... the raid on the anti-Yoon protest tent"). Lead-3 carries that
repeat too; a brief that takes the next new fact instead is how it beats Lead-3.

An event is read outside the quotations: the closing predicate, or under a reporting verb
("…했다고 밝혔다") the reported clause's; the noun a light verb takes ("체포하다", "구속 기소되다":
체포, 기소), with a small table of one legal event said two ways. Two sentences tell one event
when the event is the same and so is the one it befell (the object of an active clause, the
subject of a passive one share a noun), and the later one tells nothing new: stop 44's bar
(docs/SUMMARIZER.md) lost where its review found these read as the same event:
- another object under the same subject ("경찰은 공범 B씨를 추가로 체포했다"): the argument is
  the one the event befell, never the agency that did it;
- a repeat ("다시", "또", "추가로"), a plan ("…할 예정이다", "…하기로 했다"), another day;
- a person introduced ("A(여‧30)씨", "정모씨", a full name "김광수 이사장"): the sentence that
  names the accused is a fact the plain lede lacks (ko45), and later points lean on the name;
- a figure other than a day, an age or a time ("2명" told by both is none);
- a new actor other than the police, prosecutors or a court that did the event.
The lede is never the one that gives way (``choose()`` reads that): stop 44's greedy choice took
the detailed retelling first and then refused the plain lede (ko12, ko45).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from bot.summarize.lang import Analyser, Morph, once
from bot.summarize.lang.ko.select import retold
from bot.summarize.lang.ko.select.retold import NOUNS, SPEECH, STEMS, SUBJECT

Morphs = tuple[Morph, ...]

# One legal or police event said two ways, checked against the 290 feed articles: "재판에
# 넘겨졌다" is an indictment (17 articles say it; ko79's lede beside "구속 기소했다"), "숨지다"
# a death (사망), "붙잡다" an arrest by the police (검거). 체포 and 구속 are two stages (an
# arrest, then a detention a court grants), so they are not one event.
SAME_EVENT = {"넘기다재판": "기소", "숨지다": "사망", "붙잡다": "검거", "붙잡히다": "검거"}
# Events whose subject is the one they befell ("A씨가 숨졌다", "A씨가 붙잡혔다", "A씨가
# 사망했다"), even after an object in a clause describing it ("화물차를 들이받은 운전자가").
BEFALLS_SUBJECT = frozenset({"숨지다", "붙잡히다", "사망", "부상", "실종"})
# The legal, police and accident events read, as keys: a frame ("분석된다", "나왔다",
# "나타났다") or a general verb names no happening two sentences could both tell.
EVENTS = frozenset({"체포", "구속", "기소", "검거", "입건", "송치", "사망", "부상", "선고", "구형",
                    "고발", "고소", "적발", "압수수색", "석방", "기각", "발부", "확정", "징계",
                    "해임", "파면", "실종", "구조"})
# An aside ("한편, 나플라와 함께 … 기소된 래퍼 라비는"): another story's event.
ASIDE = re.compile(r"\s*(?:한편|이와 함께|이밖에|이 밖에|또한)")
# A real name given in brackets ("라비(본명 김원식)"): a person introduced.
REAL_NAME = re.compile(r"\(본명[^)]*\)")
# How far back a clause describing the one an event befell is read.
RELATIVE_SPAN = 8
# A verb that reports the clause before it ("…체포했다고 이날 밝혔다"): the event is that clause's.
REPORTING = frozenset({"밝히", "말하", "전하", "설명하", "알리"})
# A repeat or a further event ("다시", "또", "추가로", "재차"), or the next day ("이튿날",
# "다음 날"): another event, not the same again. A plan ("…할 예정이다", "…하기로 했다") closes
# on no event, so needs no word here; "방침에 따라 체포했다" is the arrest.
REPEAT = re.compile(r"다시|(?<![가-힣])또(?![가-힣])|또다시|추가로|추가 |재차|잇따라|연이어"
                    r"|이튿날|다음\s?날")
# The particle "도" ("40대 남성도", "구속영장도": also) on the one the event befell: one more.
ALSO = "도"
# The longest sentence read, in characters: a point is cut from no longer one (a sentence that
# long tells more than one event), and it bounds the work a stalled item can cost.
LONGEST = 400
# A person introduced, unless the chosen point names them too: a letter with or without an age
# ("A(26)씨", "A(여·30)씨", "B씨"), "정모씨"/"정모(45)씨", or a full name before a title.
LETTER_PERSON = re.compile(r"(?<![A-Za-z])[A-Z](?:\([^)]*\))?\s?씨|[가-힣]모(?:\([^)]*\))?\s?씨")
# The person a story names first: the letter A, or a surname with 모 ("김모(69)씨"); B, C … name
# the next ones ("공범 B씨").
FIRST_PERSON = re.compile(r"A(?![A-Za-z])|[가-힣]모")
# What stands for a person in the phrase an event befell: a letter ("A(26)씨를": "A") or the
# "모" of a surname ("김모(29)씨를", Kiwi's pronoun).
LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ") | {"모"}
# A length or a count after a figure of time ("3일간", "3일째", "3일 만에", "30분 동안", "20여
# 분"): a figure, not when.
LENGTH = r"(?![가-힣]*(?:간|째|명|건|원|개|여)|\s?(?:만에|동안))"
# An age: a band ("30대", not a count of cars, "순찰차 3대", "차량 20대") or the years in brackets
# ("(26)", "(여·30)"); another age is another person.
AGE = re.compile(r"(?<![\d차량기척])(?<![차량기척]\s)([1-9]0)\s?대(?![가-힣]*(?:명|건|원|개))"
                 r"|\(\s*(?:[남여]\s?[‧·,]\s?)?(\d{1,3})\s*\)")
# A day: its month where told ("3월 1일"), never a length ("3일 만에").
DATE = re.compile(r"(?:(\d{1,2})\s?월\s?)?(?<!\d)(\d{1,2})\s?일" + LENGTH)
# A figure that is a day, a time, an age or a court's or office's division ("2024년 7월 3일",
# "오후 3시 30분", "(26)", "20대", "형사3부") tells when or who, not a new fact; any other
# ("2명", "0.072%", "20개", "3일 만에", "순찰차 3대") is a figure, and so is a length handed down
# ("징역 7년", "징역 10월": the fact a court's retelling adds to "실형을 선고받았다"; a year is
# a date only with four digits, a month only after one or before a day).
NOT_A_FIGURE = re.compile(
    r"\d{4}\s?년(?:\s?\d{1,2}\s?월)?" + LENGTH + r"|\d{1,2}\s?월(?=\s?\d{1,2}\s?일)"
    r"|\d+\s?(?:일|시|분|초)" + LENGTH + "|" + AGE.pattern + r"|(?<=[가-힣])\d+부")
FIGURE = re.compile(r"\d[\d,.]*\s?[%가-힣]?")
# A charge ("공무집행방해 혐의로", "마약을 투약한 혐의로") and a detention status before the event
# noun ("구속 기소", "불구속 기소", "긴급 체포"): facts a lede may lack.
CHARGE = "혐의"
STATUS = frozenset({"구속", "불구속", "긴급", "현행범"})
# A charge naming a law ("마약류관리법 위반") names the law the act a lede tells breaks (ko79's
# "대마 젤리를 나눠 먹은 … 재판에 넘겨졌다" beside "마약류관리법 위반 혐의로 … 구속 기소했다").
VIOLATION = "위반"
# The agencies that do a legal event ("서울 용산경찰서는", "서울동부지검 형사3부는", "광주지법
# 형사2부는"): naming them is no new actor.
AGENCY = re.compile(r"경찰|경찰서|경찰청|검찰|지검|고검|검찰청|법원|지법|고법|대법원|재판부|수사대|"
                    r"수사본부|공수처|해경|해양경찰|소방|국수본|특수본|수사단")
# A quotation with the particle that quotes it ("“…”며 “…”고 했다"): left out, so the verb it
# leaves ("했다") is read as general, not "고 + 하다" (ko46's two quoted complaints).
QUOTED = re.compile(SPEECH.pattern + r"(?:\s*(?:이?라고|이?라며|고|며|는|라는|이라는)(?![가-힣]))?")
# Kiwi's tags the parts a noun phrase runs through, and an object's particle (nouns, stems and a
# subject's particles are ``retold``'s).
PHRASE = frozenset({"NNG", "NNP", "XSN", "XPN", "SN", "NNB", "SL", "SH", "SSO", "SSC", "SW", "MM"})
OBJECT = "JKO"
# Words of when that run into the phrase after them with no particle ("3일 오후 2시쯤 50대
# 남성을"): no part of the one the event befell.
WHEN = frozenset({"오전", "오후", "새벽", "아침", "낮", "저녁", "밤", "이날", "당일", "당시",
                  "최근", "지난달", "지난해", "작년", "올해", "전날", "어제", "오늘", "그날",
                  "이튿날", "다음날"})
# Titles and roles after a person's full name ("김광수 이사장", "홍길동 씨" is read by the letter
# rule's "씨" too): the words that make a name a person introduced. Not ``words.TITLES``, the
# titles ``surname_title`` reads after a bare surname, which has no "씨" or "전" ("김 전": no one).
NAME_TITLES = frozenset({"씨", "이사장", "대표", "회장", "의원", "장관", "위원장", "목사", "교수",
                         "사장", "원장", "총장", "시장", "군수", "구청장", "전", "부장", "판사",
                         "검사", "변호사", "기자", "감독", "선수"})


class Event(NamedTuple):
    """A sentence's event outside its quotations: what happened (``key``), the nouns of the one
    it befell (with whose: "김 전 장관의 구속영장"), and what else it tells: figures, days
    ("3.1", ".1" with no month), ages, the nouns of each other subject (who did it, or who
    else), the words of a clause describing the one it befell ("화장실에서 나오던 운전자"), the
    persons it names (and the persons, ages and nouns joined by "과"/"와" in the phrase it
    befell), a repeat or one more
    ("도"), the charge's words and whether it names a law's violation, the detention status."""

    key: str
    befell: frozenset[str]
    figures: frozenset[str]
    days: frozenset[str]
    ages: frozenset[str]
    actors: tuple[frozenset[str], ...]
    described: frozenset[str]
    introduced: frozenset[str]
    befell_persons: frozenset[str]
    befell_ages: frozenset[str]
    befell_joined: frozenset[str]
    further: bool
    charge: frozenset[str]
    violation: bool
    status: str


def event(sentence: str, morphs: Analyser) -> Event | None:
    """``sentence``'s event, None where none is read (a general verb, no one it befell)."""
    bare = QUOTED.sub("", sentence)
    if len(bare) > LONGEST:
        return None
    analysed = morphs(bare)
    end = _reported_end(analysed)
    at = _last_stem(analysed, end)
    if at < 0:
        return None
    form, tag = analysed[at][0], analysed[at][1].split("-", 1)[0]
    passive = False
    if tag == "XSV":
        passive = form == "되"
        key = analysed[at - 1][0]
        noun_at = at - 1
    else:
        stem = at
        if form == "지" and tag == "VX" and at >= 2:  # "넘기어 지다": the passive of 넘기다
            passive, stem = True, at - 2
            while stem >= 0 and analysed[stem][1].split("-", 1)[0] not in STEMS:
                stem -= 1
            if stem < 0:
                return None
        key = analysed[stem][0] + "다"
        noun_at = stem
        if key == "넘기다":
            key += next((f for f, t, _, _ in reversed(analysed[:stem]) if t in NOUNS), "")
    passive = passive or key in BEFALLS_SUBJECT
    key = SAME_EVENT.get(key, key)
    if key not in EVENTS:
        # An event read beyond these took frames for events in the 290 feed articles: "…것으로
        # 분석된다" twice (ko244), "우려가 나왔다" for three worries (ko261), "촉구했다" (ko16).
        return None
    suffixes = frozenset(f for f, t, _, _ in analysed if t == "XSN")
    befell, start, particle = _argument(analysed, noun_at,
                                        SUBJECT if passive else frozenset({OBJECT}), suffixes)
    if start < 0 and not passive:
        # No object at all: the event befell its subject ("40대 남성도 체포했다"). An object
        # with no noun ("B를", "A(30)씨를") is still the object, never the agency before it.
        befell, start, particle = _argument(analysed, noun_at, SUBJECT, suffixes)
    if not befell:
        return None
    actors = tuple(nouns for nouns, at, _ in _phrases(analysed, noun_at, SUBJECT, suffixes)
                   if at != start)
    figures = frozenset(f.strip() for f in FIGURE.findall(NOT_A_FIGURE.sub(" ", bare)))
    days = frozenset(f"{month}.{day}" for month, day in DATE.findall(bare))
    ages = _ages(bare)
    introduced = frozenset(m.replace(" ", "") for pattern in (LETTER_PERSON, REAL_NAME)
                           for m in pattern.findall(bare)) | _full_names(analysed)
    befell_end = start
    while 0 <= befell_end < len(analysed) and _in_phrase(analysed[befell_end]):
        befell_end += 1
    befell_text = bare[analysed[start][2]:analysed[befell_end][2]] \
        if 0 <= start < befell_end < len(analysed) else ""
    befell_persons = frozenset(m.replace(" ", "") for m in LETTER_PERSON.findall(befell_text))
    join = next((i for i in range(max(start, 0), befell_end) if analysed[i][1] == "JC"), -1)
    joined = _nouns(analysed[join + 1:befell_end], suffixes) if join >= 0 else frozenset()
    charge = _charge(analysed, suffixes)
    status = "".join(f for f, _, _, _ in analysed[max(0, noun_at - 2):noun_at]
                     if f in STATUS or f == "불")
    return Event(key, befell, figures, days, ages, actors, _description(analysed, start),
                 introduced, befell_persons, _ages(befell_text), joined,
                 bool(REPEAT.search(bare) or ASIDE.match(bare) or particle == ALSO),
                 charge - {VIOLATION}, VIOLATION in charge,
                 status if status in STATUS else "")


def _ages(text: str) -> frozenset[str]:
    """The ages ``text`` gives: bands ("20대") and years ("26")."""
    return frozenset(band + "대" if band else years for band, years in AGE.findall(text))


def _reported_end(analysed: Morphs) -> int:
    """Where the event's clause ends: before a reporting verb's "다고"/"라고" ("…체포했다고 이날
    밝혔다"), else the sentence's end."""
    for at in range(len(analysed) - 1, -1, -1):
        form, tag = analysed[at][0], analysed[at][1].split("-", 1)[0]
        if tag in STEMS:
            if form not in REPORTING:
                return len(analysed)
            for before in range(at - 1, -1, -1):
                if analysed[before][1] == "EC" and analysed[before][0] in ("다고", "라고", "고"):
                    return before
            return len(analysed)
    return len(analysed)


def _last_stem(analysed: Morphs, end: int) -> int:
    """The last predicate's position before ``end``: a stem, or a "하다"/"되다" suffix after a
    noun (then the noun is the event); -1 for none."""
    for at in range(end - 1, -1, -1):
        tag = analysed[at][1].split("-", 1)[0]
        if tag == "XSV" and at and analysed[at - 1][1] in NOUNS:
            return at
        if tag in STEMS:
            return at
        if tag in NOUNS:
            return -1
    return -1


def _argument(analysed: Morphs, before: int, particles: frozenset[str],
              suffixes: frozenset[str]) -> tuple[frozenset[str], int, str]:
    """The nouns of the last phrase a particle of ``particles`` closes before ``before``, where
    the phrase starts (-1 for none) and the particle."""
    return next(iter(_phrases(analysed, before, particles, suffixes)), (frozenset(), -1, ""))


def _phrases(analysed: Morphs, before: int, particles: frozenset[str],
             suffixes: frozenset[str]) -> list[tuple[frozenset[str], int, str]]:
    """Each phrase a particle of ``particles`` closes before ``before``, last first: its nouns
    (see ``_nouns``), where it starts and its particle. A phrase runs through "의": whose it is
    ("김 전 장관의 구속영장") is part of it."""
    out: list[tuple[frozenset[str], int, str]] = []
    for at in range(before - 1, -1, -1):
        if analysed[at][1] not in particles:
            continue
        start = at
        while start > 0 and _in_phrase(analysed[start - 1]):
            start -= 1
        out.append((_nouns(analysed[start:at], suffixes), start, analysed[at][0]))
    return out


def _in_phrase(morph: Morph) -> bool:
    """Whether a noun phrase runs through ``morph``: its parts, "의", "과"/"와" (the one an event
    befell is every one joined: "노조원과 집회 참가자들을"), a middle dot ("A(여·30)씨", which
    Kiwi reads as a mark of punctuation) and the 모 of "김모(29)씨"."""
    return morph[1] in PHRASE or morph[1] in ("JKG", "JC") or morph[0] == "·" \
        or morph[:2] == ("모", "NP")  # "김모(29)씨를": Kiwi reads the 모 of a surname a pronoun


def _nouns(phrase: Morphs, suffixes: frozenset[str]) -> frozenset[str]:
    """A phrase's nouns of two syllables or more, a noun suffix joined to its noun ("대학원 +
    생": 대학원생; "사채 업자 들": 사채, 업자), and its letters and pronouns ("B", "그"): no
    word of when. ``suffixes``: the forms Kiwi reads as a noun suffix in the sentence."""
    nouns: list[str] = []
    marks: set[str] = set()
    for form, tag, _, _ in reversed(phrase):
        if tag == "XSN" and form not in ("들", "쯤", "씩", "께"):
            nouns.append(form)  # "생" of 대학원생: joined to the noun before it below
        elif tag in NOUNS:
            if nouns and not nouns[-1][:1].isdigit() and nouns[-1] in suffixes:
                nouns[-1] = form + nouns[-1]
            else:
                nouns.append(form)
        elif tag == "NP" or (tag == "SL" and re.fullmatch(r"[A-Z]", form)):
            marks.add(form)
    return frozenset(n for n in nouns
                     if len(n) > 1 and n not in WHEN and n not in suffixes) | marks


def _charge(analysed: Morphs, suffixes: frozenset[str]) -> frozenset[str]:
    """The words of a charge ("공무집행방해 혐의로": 공무, 집행, 방해; "마약을 투약한 혐의로":
    마약, 투약), none where no "혐의로" is read."""
    for at, (form, _, _, _) in enumerate(analysed[:-1]):
        after, tag = analysed[at + 1][0], analysed[at + 1][1]
        if form != CHARGE or tag != "JKB" or after not in ("로", "으로"):
            continue
        start = at
        while start > 0 and analysed[start - 1][1] in PHRASE:
            start -= 1
        return _nouns(analysed[start:at], suffixes) or _description(analysed, at)
    return frozenset()


def _description(analysed: Morphs, start: int) -> frozenset[str]:
    """The nouns and stems of a clause that describes the phrase starting at ``start`` ("회야강
    소공원 화장실에서 나오던 차량 운전자를": 화장실, 나오, …): up to RELATIVE_SPAN morphemes
    before its "-던"/"-ㄴ", back to a subject, a connective or a sentence mark."""
    if start < 2 or analysed[start - 1][1] != "ETM" or analysed[start - 2][0] == "지나":
        return frozenset()  # "지난 1일 집회 참가자를": a day, no description
    words: set[str] = set()
    for at in range(start - 2, max(-1, start - 2 - RELATIVE_SPAN), -1):
        form, tag = analysed[at][0], analysed[at][1]
        if tag in ("JX", "JKS", "SF", "SP") or (
                tag == "EC" and analysed[at + 1][1].split("-", 1)[0] != "VX"):
            break  # a clause's end; "나눠 먹은" (a connective before an auxiliary) is one
        if tag in NOUNS or tag.split("-", 1)[0] in ("VV", "VA"):
            words.add(form)
    return frozenset(words)


def _full_names(analysed: Morphs) -> frozenset[str]:
    """The persons named: a full name before a title or "씨" ("김광수 이사장", "홍길동 씨"; Kiwi
    reads the name as one proper noun of three syllables or more), or a surname with "모"
    ("김모 변호사", ko141's retelling naming the lede's "이씨의 전 변호사")."""
    names: set[str] = set()
    for at, (form, tag, _, _) in enumerate(analysed[:-1]):
        after = analysed[at + 1]
        if tag != "NNP" or not re.fullmatch(r"[가-힣]+", form):
            continue
        if len(form) == 1 and after[0] == "모":
            names.add(form + "모")
        if len(form) >= 3 and after[0] in NAME_TITLES and after[1] in ("NNG", "NNB"):
            names.add(form + after[0])
    return frozenset(names)


def _shares(one: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two arguments share a noun, or one noun holds the other ("집회참가자")."""
    return any(a in b or b in a for a in one for b in other)


def retells(candidate: Event, chosen: Event, chosen_sentence: str) -> bool:
    """Whether ``candidate`` tells ``chosen``'s event again and nothing new."""
    if candidate.key != chosen.key or candidate.further:
        return False
    spaced = chosen_sentence.replace(" ", "")
    unnamed = frozenset(p for p in candidate.introduced if p not in spaced)
    named_again = _names_the_same_one(candidate, chosen, unnamed)
    if unnamed and not named_again:
        return False  # a person the chosen point does not name
    if candidate.ages and not (candidate.ages <= chosen.ages or named_again):
        return False  # another age: another person ("30대 남성" then "40대 남성")
    # The letter naming the one the chosen point told ("A") is no other noun of theirs, nor is
    # a surname with 모 that Kiwi reads as a noun ("고모(26)씨": 고모, "aunt"), but only the one
    # named in that phrase: "A(26)씨와 부모를" adds the parents (whole-stop review 47).
    surnames = {p[:2] for p in candidate.befell_persons if p[1:2] == "모"}
    befell = frozenset(n for n in candidate.befell - LETTERS if n not in surnames) \
        if named_again else candidate.befell
    if not (_shares(befell, chosen.befell) if befell else named_again):
        return False
    if not befell <= _covered(befell, chosen_sentence):
        return False  # another object beside the one it befell ("A씨와 공범 B씨를")
    # One joined to the one named must be one the chosen point's event befell, not a noun
    # anywhere in it ("A씨와 동료를" under a lede whose 동료 only shared the jelly: whole-stop
    # review 47).
    if named_again and any(not _shares(frozenset({n}), chosen.befell)
                           for n in candidate.befell_joined - LETTERS - surnames):
        return False
    if not candidate.described <= chosen.described | _covered(candidate.described,
                                                              chosen_sentence):
        return False  # another one described ("화장실에서 나오던 운전자": ko25's second driver)
    if not candidate.figures <= chosen.figures:
        return False
    if candidate.days and chosen.days and not any(
            _same_day(a, b) for a in candidate.days for b in chosen.days):
        return False  # another day: another event
    if not candidate.charge <= _covered(candidate.charge, chosen_sentence) and not (
            candidate.violation and chosen.described):
        return False  # a charge the chosen point does not tell
    if candidate.status and not re.search(rf"(?<![가-힣]){candidate.status}", chosen_sentence):
        return False  # whether the accused is detained
    # Each other subject is told by the chosen point or is an agency ("서울 용산경찰서는"):
    # "래퍼 라비(본명 김원식)는 … 판결이 확정됐다" is another one's verdict (ko162).
    return all(actor <= _covered(actor, chosen_sentence) or any(map(AGENCY.search, actor))
               for actor in candidate.actors)


def _names_the_same_one(candidate: Event, chosen: Event, unnamed: frozenset[str]) -> bool:
    """Whether the one person ``candidate`` names that ``chosen`` does not (``unnamed``) is the
    one ``chosen``'s event befell, named now: the first letter or a surname with 모, in the
    phrase the event befell, of the age band ``chosen`` gives (ko79: "20대 대학원생이 … 재판에
    넘겨졌다" then "… 대학원생 A(26)씨를 구속 기소했다"; not ko170, whose retelling adds the
    count "등 3명", the law and two agencies, and whose lede gives no age). A second
    letter ("공범 B씨") names someone else, and so does another age ("A(31)씨" under "20대"), a
    full name (ko45's "김광수 이사장", a fact the lede lacks) or an age the lede does not give
    for the one its event befell ("20대 여성을 폭행한 남성이": the victim's age)."""
    # "김모(29)씨" is read twice: as written and as "김모" (``_full_names``).
    persons = candidate.befell_persons
    if len(persons) != 1 or not FIRST_PERSON.match(next(iter(persons))) or not unnamed or any(
            not any(name in person for person in persons) for name in unnamed):
        return False
    # The band of the one the event befell: "20대 여성을 폭행한 남성이" gives the victim's.
    bands = {age for age in chosen.befell_ages if age.endswith("대")}
    # Every age the candidate gives is of that band ("20대 대학원생 A(26)씨": one person).
    return len(bands) == 1 and bool(candidate.ages) and all(
        age in bands or (age.isdigit() and f"{int(age) // 10 * 10}대" in bands)
        for age in candidate.ages)


def _same_day(one: str, other: str) -> bool:
    """Whether two days ("3.1", ".1") are one: the same day, in the same month where both tell
    it."""
    (month, day), (other_month, other_day) = one.split("."), other.split(".")
    return day == other_day and (not month or not other_month or month == other_month)


def _covered(nouns: frozenset[str], sentence: str) -> frozenset[str]:
    return frozenset(n for n in nouns if n in sentence.replace(" ", ""))


def told_again(sentences: list[str], morphs: Analyser) -> Callable[[int, int], bool]:
    """Korean's ``Language.retelling``: candidate k quotes again a clause candidate j quoted
    (``retold``), or tells j's event again outside quotations (this module)."""
    quoted, told = retold.reader(sentences, morphs), event_reader(sentences, morphs)
    return lambda k, j: quoted(k, j) or told(k, j)


def event_reader(sentences: list[str], morphs: Analyser) -> Callable[[int, int], bool]:
    """Whether candidate k (of ``sentences``) tells candidate j's event again, each
    candidate's event read once, when first asked for."""
    # A quotation is a clause the chosen point does not tell (``retold`` reads quotations
    # told again): ko16's "그러면서 “…”며 대책 마련을 촉구했다" says more than the lede.
    read = once(lambda k: None if SPEECH.search(sentences[k]) else event(sentences[k], morphs))

    def retells_event(k: int, j: int) -> bool:
        candidate = read(k)
        if candidate is None:
            return False
        chosen = read(j)
        return chosen is not None and retells(candidate, chosen, sentences[j])

    return retells_event

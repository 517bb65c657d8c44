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
from functools import cache
from typing import NamedTuple

from bot.summarize.lang import Analyser, Morph
from bot.summarize.lang.ko.select import retold
from bot.summarize.lang.ko.select.retold import SPEECH

Morphs = tuple[Morph, ...]

# One legal or police event said two ways, checked against the 290 feed articles: "재판에
# 넘겨졌다" is an indictment (17 articles say it; ko79's lede beside "구속 기소했다"), "숨지다"
# a death (사망), "붙잡다" an arrest by the police (검거). 체포 and 구속 are two stages (an
# arrest, then a detention a court grants), so they are not one event.
SAME_EVENT = {"넘기다재판": "기소", "숨지다": "사망", "붙잡다": "검거", "붙잡히다": "검거"}
# Verbs whose subject is the one the event befell ("A씨가 숨졌다", "A씨가 붙잡혔다").
BEFALLS_SUBJECT = frozenset({"숨지다", "붙잡히다"})
# The legal, police and accident events read, as keys: a frame ("분석된다", "나왔다",
# "나타났다") or a general verb names no happening two sentences could both tell.
EVENTS = frozenset({"체포", "구속", "기소", "검거", "입건", "송치", "사망", "부상", "선고", "구형",
                    "고발", "고소", "적발", "압수수색", "석방", "기각", "발부", "확정", "징계",
                    "해임", "파면", "실종", "구조"})
# An aside ("한편, 나플라와 함께 … 기소된 래퍼 라비는"): another story's event.
ASIDE = re.compile(r"\s*(?:한편|이와 함께|이밖에|이 밖에|또한)")
# A real name given in brackets ("라비(본명 김원식)"): a person introduced.
REAL_NAME = re.compile(r"\(본명")
# How far back a clause describing the one an event befell is read.
RELATIVE_SPAN = 8
# A verb that reports the clause before it ("…체포했다고 이날 밝혔다"): the event is that clause's.
REPORTING = frozenset({"밝히", "말하", "전하", "설명하", "알리"})
# A repeat or a further event ("다시", "또", "추가로", "재차"): another event, not the same again.
REPEAT = re.compile(r"다시|(?<![가-힣])또(?![가-힣])|또다시|추가로|추가 |재차|잇따라|연이어")
# A plan or an outlook ("…할 예정이다", "…하기로 했다", "…할 방침", "…할 전망"): not the event told.
PLAN = re.compile(r"예정|계획|방침|전망|기로 했|기로 결정|ㄹ 것|할 것|될 것")
# A person introduced: a letter with or without an age ("A(26)씨", "A(여‧30)씨", "B씨"),
# "정모씨"/"정모(45)씨", or a full name before a title ("김광수 이사장").
LETTER_PERSON = re.compile(r"(?<![A-Za-z])[A-Z](?:\([^)]*\))?\s?씨|[가-힣]모(?:\([^)]*\))?\s?씨")
# A figure that is a day, a time, an age or a court's or office's division ("2024년 3일", "오후 3시
# 30분", "(26)", "20대", "형사3부") tells when or who, not a new fact; any other ("2명",
# "0.072%", "20개") is a figure, and so is a length of years ("징역 7년": a sentence handed down,
# the fact a court's retelling adds to "실형을 선고받았다"; only a four-digit year is a date).
NOT_A_FIGURE = re.compile(
    r"(?:\d{4}\s?년|\d+\s?(?:월|일|시|분|초|대))(?![가-힣]*(?:간|째|명|건|원|개))"
    r"|\(\s*(?:[남여]‧)?\d+\s*\)|(?<=[가-힣])\d+부")
FIGURE = re.compile(
    r"\d+\s?(?:년|월|일|시|분|초|대)(?![가-힣]*(?:간|째|명|건|원|개))|\(\s*(?:[남여]‧)?\d+\s*\)"
    r"|(?<=[가-힣])\d+부")
FIGURE = re.compile(r"\d[\d,.]*\s?[%가-힣]?")
DAY = re.compile(r"(?<!\d)(\d{1,2})일(?![간째])")
# The agencies that do a legal event ("서울 용산경찰서는", "서울동부지검 형사3부는", "광주지법
# 형사2부는"): naming them is no new actor.
AGENCY = re.compile(r"경찰|경찰서|경찰청|검찰|지검|고검|검찰청|법원|지법|고법|대법원|재판부|수사대|"
                    r"수사본부|공수처|해경|해양경찰|소방|국수본|특수본|수사단")
# A quotation with the particle that quotes it ("“…”며 “…”고 했다"): left out, so the verb it
# leaves ("했다") is read as general, not "고 + 하다" (ko46's two quoted complaints).
QUOTED = re.compile(SPEECH.pattern + r"(?:\s*(?:이?라고|이?라며|고|며|는|라는|이라는)(?![가-힣]))?")
# Kiwi's tags: nouns, the parts a noun phrase runs through, a subject's and an object's particle.
NOUNS = frozenset({"NNG", "NNP"})
PHRASE = frozenset({"NNG", "NNP", "XSN", "XPN", "SN", "NNB", "SL", "SH", "SSO", "SSC", "SW", "MM"})
SUBJECT = frozenset({"JKS", "JX"})
OBJECT = "JKO"
STEMS = frozenset({"VV", "VA", "VX"})
# Words of when that run into the phrase after them with no particle ("3일 오후 2시쯤 50대
# 남성을"): no part of the one the event befell.
WHEN = frozenset({"오전", "오후", "새벽", "아침", "낮", "저녁", "밤", "이날", "당일", "당시",
                  "최근", "지난달", "지난해", "작년", "올해", "전날", "어제", "오늘"})


class Event(NamedTuple):
    """A sentence's event outside its quotations: what happened (``key``), the nouns of the one
    it befell, and what else it tells: figures, days, the nouns of each other subject (who did
    it, or who else), the words of a clause describing the one it befell ("화장실에서 나오던
    운전자"), an introduced person, a repeat or a plan."""

    key: str
    befell: frozenset[str]
    figures: frozenset[str]
    days: frozenset[str]
    actors: tuple[frozenset[str], ...]
    described: frozenset[str]
    introduces: bool
    further: bool


def event(sentence: str, morphs: Analyser) -> Event | None:
    """``sentence``'s event, None where none is read (a general verb, no one it befell)."""
    bare = QUOTED.sub("", sentence)
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
        if len(key) < 2:
            return None  # a one-syllable noun is no event read reliably
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
    befell, start = _argument(analysed, noun_at, SUBJECT if passive else frozenset({OBJECT}))
    if not befell:  # an event with no object ("70대 남성이 사망했다") befell its subject
        befell, start = _argument(analysed, noun_at, SUBJECT)
    if not befell:
        return None
    actors = tuple(nouns for nouns, at in _phrases(analysed, noun_at, SUBJECT) if at != start)
    figures = frozenset(f.strip() for f in FIGURE.findall(NOT_A_FIGURE.sub(" ", bare)))
    return Event(key, befell, figures, frozenset(DAY.findall(bare)), actors,
                 _description(analysed, start),
                 bool(LETTER_PERSON.search(bare) or REAL_NAME.search(bare)) or _full_name(analysed),
                 bool(REPEAT.search(bare) or PLAN.search(bare) or ASIDE.match(bare)))


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


def _argument(analysed: Morphs, before: int,
              particles: frozenset[str]) -> tuple[frozenset[str], int]:
    """The nouns of the last phrase a particle of ``particles`` closes before ``before``, and
    where the phrase starts (-1 for none)."""
    return next(iter(_phrases(analysed, before, particles)), (frozenset(), -1))


def _phrases(analysed: Morphs, before: int,
             particles: frozenset[str]) -> list[tuple[frozenset[str], int]]:
    """Each phrase a particle of ``particles`` closes before ``before``, last first: its nouns,
    a noun suffix joined to its noun ("대학원 + 생": 대학원생; "사채 업자 들": 사채, 업자),
    and where it starts."""
    out: list[tuple[frozenset[str], int]] = []
    for at in range(before - 1, -1, -1):
        if analysed[at][1] not in particles:
            continue
        nouns: list[str] = []
        start = at
        while start > 0 and analysed[start - 1][1] in PHRASE:
            start -= 1
            form, tag = analysed[start][0], analysed[start][1]
            if tag == "XSN" and form not in ("들", "쯤", "씩", "께"):
                nouns.append(form)  # "생" of 대학원생: joined to the noun before it below
            elif tag in NOUNS:
                if nouns and not nouns[-1][:1].isdigit() and _suffix(nouns[-1], analysed):
                    nouns[-1] = form + nouns[-1]
                else:
                    nouns.append(form)
        out.append((frozenset(n for n in nouns
                              if len(n) > 1 and n not in WHEN and not _suffix(n, analysed)),
                    start))
    return out


def _description(analysed: Morphs, start: int) -> frozenset[str]:
    """The nouns and stems of a clause that describes the phrase starting at ``start`` ("회야강
    소공원 화장실에서 나오던 차량 운전자를": 화장실, 나오, …): up to RELATIVE_SPAN morphemes
    before its "-던"/"-ㄴ", back to a subject, a connective or a sentence mark."""
    if start < 2 or analysed[start - 1][1] != "ETM" or analysed[start - 2][0] == "지나":
        return frozenset()  # "지난 1일 집회 참가자를": a day, no description
    words: set[str] = set()
    for form, tag, _, _ in reversed(analysed[max(0, start - 1 - RELATIVE_SPAN):start - 1]):
        if tag in ("JX", "JKS", "EC", "SF", "SP"):
            break
        if tag in NOUNS or tag.split("-", 1)[0] in ("VV", "VA"):
            words.add(form)
    return frozenset(words)


def _suffix(word: str, analysed: Morphs) -> bool:
    return any(f == word and t == "XSN" for f, t, _, _ in analysed)


def _full_name(analysed: Morphs) -> bool:
    """A person named: a full name before a title or "씨" ("김광수 이사장", "홍길동 씨"; Kiwi
    reads the name as one proper noun of three syllables or more), or a surname with "모"
    ("김모 변호사", ko141's retelling naming the lede's "이씨의 전 변호사")."""
    for at, (form, tag, _, _) in enumerate(analysed[:-1]):
        after = analysed[at + 1]
        if tag != "NNP" or not re.fullmatch(r"[가-힣]+", form):
            continue
        if len(form) == 1 and after[0] == "모":
            return True
        if len(form) >= 3 and after[0] in TITLES and after[1] in ("NNG", "NNB"):
            return True
    return False


# Titles and roles after a person's full name ("김광수 이사장", "홍길동 씨" is read by the letter
# rule's "씨" too).
TITLES = frozenset({"씨", "이사장", "대표", "회장", "의원", "장관", "위원장", "목사", "교수",
                    "사장", "원장", "총장", "시장", "군수", "구청장", "전", "부장", "판사", "검사",
                    "변호사", "기자", "감독", "선수"})


def _shares(one: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two arguments share a noun, or one noun holds the other ("집회참가자")."""
    return any(a in b or b in a for a in one for b in other)


def retells(candidate: Event, chosen: Event, chosen_sentence: str) -> bool:
    """Whether ``candidate`` tells ``chosen``'s event again and nothing new."""
    if candidate.key != chosen.key or candidate.further or candidate.introduces:
        return False
    if not _shares(candidate.befell, chosen.befell):
        return False
    if not candidate.befell <= _covered(candidate.befell, chosen_sentence):
        return False  # another object beside the one it befell ("A씨와 공범 B씨를")
    if not candidate.described <= _covered(candidate.described, chosen_sentence):
        return False  # another one described ("화장실에서 나오던 운전자": ko25's second driver)
    if not candidate.figures <= chosen.figures:
        return False
    if candidate.days and chosen.days and not candidate.days & chosen.days:
        return False  # another day: another event
    # Each other subject is told by the chosen point or is an agency ("서울 용산경찰서는"):
    # "래퍼 라비(본명 김원식)는 … 판결이 확정됐다" is another one's verdict (ko162).
    return all(actor <= _covered(actor, chosen_sentence) or any(map(AGENCY.search, actor))
               for actor in candidate.actors)


def _covered(nouns: frozenset[str], sentence: str) -> frozenset[str]:
    return frozenset(n for n in nouns if n in sentence.replace(" ", ""))


def told_again(sentences: list[str], morphs: Analyser) -> Callable[[int, int], bool]:
    """Korean's ``Language.retelling``: candidate k quotes again a clause candidate j quoted
    (``retold``), or tells j's event again outside quotations (this module)."""
    quoted, told = retold.reader(sentences, morphs), reader(sentences, morphs)
    return lambda k, j: quoted(k, j) or told(k, j)


def reader(sentences: list[str], morphs: Analyser) -> Callable[[int, int], bool]:
    """Whether candidate k (of ``sentences``) tells candidate j's event again, each
    candidate's event read once, when first asked for."""
    # A quotation is a clause the chosen point does not tell (``retold`` reads quotations
    # told again): ko16's "그러면서 “…”며 대책 마련을 촉구했다" says more than the lede.
    read = cache(lambda k: None if SPEECH.search(sentences[k]) else event(sentences[k], morphs))

    def retold(k: int, j: int) -> bool:
        candidate = read(k)
        if candidate is None:
            return False
        chosen = read(j)
        return chosen is not None and retells(candidate, chosen, sentences[j])

    return retold

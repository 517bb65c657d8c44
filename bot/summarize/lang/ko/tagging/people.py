"""Who a name in a Korean story is: a character someone plays, a person named in passing (no
public role, few mentions), a public figure called by surname and post, a kind of person, an
address, a body. Read by ``bot.summarize.lang.ko.tagging`` before a name becomes a tag."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.summarize.lang import Analyser
from bot.summarize.lang.ko import tags as rules
from bot.summarize.lang.ko.tagging import mentions
from bot.summarize.lang.ko.words import SURNAMES

# The patterns around a name, compiled once (``mentions``: none is built per name).
_PLAYED = re.compile(rules.PLAYED)
_PLAYED_PART = re.compile(rules.PLAYED_PART)
_PLAYED_BEFORE = mentions.before(rules.PLAYED_BEFORE, rules.PLAYED_BEFORE_WIDTH)
_PRIVATE_PERSON_AFTER = re.compile(rules.PRIVATE_PERSON_AFTER)
_RESEARCH_LEAD = re.compile(rules.RESEARCH_LEAD)
# Matched at a full name's end: joined to each new name, it was compiled again per name
# (0.8 ms each, and every name of a feed's stories is new) and crowded re's cache.
_NAME_POST = re.compile(rules.NAME_POST)


def plays_role(name: str, doc: str) -> bool:
    """Whether ``doc`` writes ``name`` as a character someone plays ("순희 역을 맡은 배우"):
    a role written apart from the name ("서울역" is a station); "역할" only beside a word of
    the stage ("순희 역할을 맡은 배우", never "한동훈 역할론")."""
    if (mentions.somewhere(_PLAYED, doc) and mentions.followed(name, doc, _PLAYED)) \
            or (mentions.somewhere(_PLAYED_BEFORE.alone, doc)
                and mentions.preceded(name, doc, _PLAYED_BEFORE)):
        return True
    if not mentions.somewhere(_PLAYED_PART, doc):
        return False
    span = rules.DRAMA_SPAN
    return any(rules.DRAMA.search(doc, max(0, start - span), end + span)
               for start, end in mentions.spans(name, doc, _PLAYED_PART))


def named_in_passing(name: str, doc: str) -> bool:
    """Whether ``name`` is a person known by no public role ("김형태 씨", "김형태(52)",
    "김형태 변호사") the story names fewer than ``PERSON_MENTIONS`` times: someone it
    mentions, not someone it is about (the headline's names are asked nothing). A name of
    a person is a surname and one to three syllables: "서울아산병원 교수들" is no person."""
    if not rules.NAME_SYLLABLES[0] <= len(name) <= rules.NAME_SYLLABLES[1] \
            or name[0] not in SURNAMES or _times_named(name, doc) >= rules.PERSON_MENTIONS \
            or not mentions.followed(name, doc, _PRIVATE_PERSON_AFTER):
        return False
    return not mentions.followed(name, doc, _PUBLIC_ROLE) \
        and not mentions.followed(name, doc, _RESEARCH_LEAD)


def _times_named(name: str, doc: str) -> int:
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
    surname with "씨" alone ("김씨"): what ``_times_named`` counts. The surname comes first and
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


_PSEUDONYM_AFTER = re.compile(rules.PSEUDONYM_AFTER)


def pseudonym(name: str, doc: str) -> bool:
    """Whether ``doc`` marks ``name`` as made up ("영숙(가명)이"): no one to follow."""
    return mentions.followed(name, doc, _PSEUDONYM_AFTER)


def person_and_workplace(form: str, doc: str) -> bool:
    """Whether a name of two written words is a person's name and where the person works,
    before a post ("윤윤수 휠라홀딩스 회장"): two things glued, the stop 46 read's
    "#윤윤수-휠라홀딩스" (ko159, "odd"); each is weighed as a tag of its own."""
    first, _, rest = form.partition(" ")
    if not rest or " " in rest or first[0] not in SURNAMES \
            or not rules.NAME_SYLLABLES[0] <= len(first) <= rules.NAME_SYLLABLES[1]:
        return False
    # The person's name is written apart too ("윤윤수·박세리"): "마이클 딜런 감독" is one name.
    apart = any(not doc.startswith(" " + rest, at + len(first))
                for at in mentions.starts(first, doc))
    return apart and mentions.followed(form, doc, _POST_AFTER_WORKPLACE) \
        and not mentions.followed(form, doc, _PERSON_POST_AFTER)


def only_workplace(name: str, doc: str) -> bool:
    """Whether every mention of ``name`` is where a person named before it works, a post after
    it ("윤윤수 휠라홀딩스 회장이", "… 회장과"): the award winner's company, not the award's
    story (ko159: "#휠라홀딩스" beside "#윤윤수" made one tag too many)."""
    if name[0] in SURNAMES and len(name) <= rules.NAME_SYLLABLES[1]:
        return False  # maybe a person after another ("김건희 여사와 최재영 목사")
    ats = list(mentions.starts(name, doc))
    return bool(ats) and all(_POST_AFTER_WORKPLACE.match(doc, at + len(name))
                             and (person := rules.NAME_BEFORE.search(doc, max(0, at - 6), at))
                             and person.group(1)[0] in SURNAMES
                             for at in ats)


# A performer's or a player's post right after a name ("로렌스 배우가"): a person's name.
_PERSON_POST_AFTER = re.compile(r"\s(?:" + "|".join(rules.PERSON_POSTS) + r")(?![가-힣]{2})")
# A post right after a workplace ("휠라홀딩스 회장이", "… 회장과"): no word between.
_POST_AFTER_WORKPLACE = re.compile(
    r"\s(?:전\s?|前\s?)?[^\s]*(?:"
    + "|".join(e for e in rules.POST_ENDINGS + rules.ROLE_WORDS if e not in rules.PROFESSIONS)
    + r")(?![가-힣]{2})")


def called_by_surname(name: str, title: str, doc: str) -> bool:
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
            and any(_PUBLIC_ROLE.match(doc, at + len(name)) for at in mentions.starts(name, doc)):
        return True
    # The post the full name is written with: "전주지검" is no 전 with "문재인 전 대통령".
    posts = {m.group(1) for _, m in mentions.matches(name, doc, _NAME_POST)}
    if not posts:
        return False
    return any(m.group(1) in posts for m in re.finditer(
        r"(?<![가-힣])" + name[0] + rules.SURNAME_POST, doc.replace(name, "")))


def kind_of_person(noun: str, analyser: Analyser) -> bool:
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


def address(form: str) -> bool:
    """Whether a name is an address: a neighbourhood or a city district, or a county after
    its province (``NEIGHBOURHOOD_ENDINGS``, ``COUNTY_ENDING``)."""
    if " " in form:
        return form.endswith((rules.COUNTY_ENDING, *rules.NEIGHBOURHOOD_ENDINGS))
    return len(form) >= 3 and form.endswith(rules.NEIGHBOURHOOD_ENDINGS)


def body_name(form: str) -> bool:
    """Whether a name of one written word is a body whose name ends in a generic noun
    ("서울교통공사": ``BODY_ENDINGS``)."""
    return " " not in form and any(form.endswith(e) and len(form) > len(e) + 1
                                   for e in rules.BODY_ENDINGS)

"""Where a Korean story writes a name or a noun: each found as a literal and the pattern around
it matched at its ends, with no pattern built per name; whether a form is a word of its own, a
topic or the subject of the headline, or only a source cited. Read by
``bot.summarize.lang.ko.tagging`` and its ``people``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

from bot.summarize.lang import Analyser
from bot.summarize.lang.ko import tags as rules
from bot.summarize.lang.ko.words import HANJA_AFTER_A_NOUN, HANJA_AFTER_A_NUMBER, SURNAMES

# The patterns around a name, compiled once: the name is found as a literal and the pattern
# matched where it ends (``followed``) or must end where it starts (``preceded``). Built per
# name ("(?<![가-힣])" + name + …), each was compiled again for every new name (a millisecond
# or more each: a Hangul range makes a large charset) and crowded re's cache of 512 patterns.
# A pattern before a name (``preceded``) may not look ahead into it nor end on "$".


class Before(NamedTuple):
    """A pattern that must end where a name starts, compiled as ``(?:pattern)\\Z``, and the
    most characters it can span: the search for it starts that far back; ``alone``, the
    pattern as written, for ``somewhere``."""

    pattern: re.Pattern[str]
    width: int
    alone: re.Pattern[str]


def before(pattern: str, width: int) -> Before:
    """``pattern`` and its widest match (``width`` characters, given beside the pattern in
    ``tags``): a search from the text's start for each name was a third of the tags."""
    return Before(re.compile("(?:" + pattern + r")\Z"), width, re.compile(pattern))


_SUBJECT_BEFORE = before(rules.SUBJECT_BEFORE, rules.SUBJECT_BEFORE_WIDTH)
_SUBJECT_AFTER = re.compile(rules.SUBJECT_AFTER)


def starts(name: str, text: str) -> Iterator[int]:
    """Where ``name`` starts in ``text``, overlapping starts too: each a search would try."""
    at = text.find(name)
    while at >= 0:
        yield at
        at = text.find(name, at + 1)


@lru_cache(maxsize=16)  # the story's role patterns, asked of each of its names
def somewhere(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` matches anywhere in ``text``: where a pattern of a role played does
    not (nearly always), no name needs looking at. One search per story, not one per name;
    only for patterns that open on a literal (a search for RESEARCH_LEAD or ``people``'s
    _PUBLIC_ROLE tries each word at each character and costs more than it saves)."""
    return pattern.search(text) is not None


def followed(name: str, text: str, after: re.Pattern[str]) -> bool:
    """``re.search(re.escape(name) + after.pattern, text) is not None``, with no pattern built
    for the name."""
    return any(after.match(text, at + len(name)) for at in starts(name, text))


def preceded(name: str, text: str, prefix: Before) -> bool:
    """``re.search(prefix + re.escape(name), text) is not None``: a match of ``prefix`` that
    ends where the name starts."""
    return any(_ends_at(at, text, prefix) for at in starts(name, text))


def _ends_at(at: int, text: str, prefix: Before) -> bool:
    """Whether a match of ``prefix`` ends at ``at`` in ``text``."""
    start = max(0, at - prefix.width)
    return prefix.pattern.search(text, start, at) is not None


def spans(name: str, text: str, after: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """The spans ``re.finditer(re.escape(name) + after.pattern, text)`` finds (they do not
    overlap), with no pattern built for the name."""
    return ((at, m.end()) for at, m in matches(name, text, after))


def matches(name: str, text: str, after: re.Pattern[str]) -> Iterator[tuple[int, re.Match[str]]]:
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


# A word after one space, its first two syllables: "경계선 지능인은" runs on into "지능".
_NEXT_WORD = re.compile(r" ([가-힣]{2})")


def next_word_head(form: str, doc: str) -> str | None:
    """The first two syllables of the word after one space that every mention (two or more)
    of ``form`` as a word of its own is followed by, or None: each of ko8's 18 "경계선" opens
    "경계선 지능…" (13 "경계선 지능인", 5 such as "경계선 지능 검사"); a mention with a particle
    ("경계선이") or alone is followed by no word."""
    heads: list[str] = []
    for at in starts(form, doc):
        if at and "가" <= doc[at - 1] <= "힣":
            continue  # inside a longer word
        found = _NEXT_WORD.match(doc, at + len(form))
        if found is None or (heads and found[1] != heads[0]):
            return None
        heads.append(found[1])
    # One mention is no habit: "민주당 지지자이자" beside "더불어민주당" (ko278).
    return heads[0] if len(heads) >= 2 else None


def headline_subject(form: str, title: str) -> bool:
    """Whether the headline makes ``form`` its subject ("검찰, …", "… 수색한 검찰",
    "법원, 가처분 신청 기각"), not a word of another phrase ("첫 검찰 소환조사")."""
    return headline_opens_on(form, title) or headline_subject_word(form, title)


def headline_opens_on(form: str, title: str) -> bool:
    """Whether the headline opens on ``form`` as a word of its own ("검찰, …"): "정부청사",
    "한국전력" are other things."""
    head = headline_read(title)
    return head.startswith(form) and _OWN_WORD.match(head, len(form)) is not None


def headline_subject_word(form: str, title: str) -> bool:
    """``headline_subject`` without its opening shortcut: "대치동서 벤츠 몰다 …" opens on
    where it happened, not on its subject."""
    head = headline_read(title)
    return any(_SUBJECT_AFTER.match(head, at + len(form)) and _ends_at(at, head, _SUBJECT_BEFORE)
               for at in starts(form, head))


_ABBREVIATIONS = str.maketrans(rules.HEADLINE_ABBREVIATIONS)
# The two readings by what comes before, as ``words.read_headline`` reads them: after a number
# 日 is the day ("3日 오후" is "3일 오후", not "3일본 오후"), glued after a Hangul noun 中 is
# "during" ("범죄中" is "범죄중"); only a Hanja standing alone (review of stop 45: one table,
# two readings).
_AFTER_A_NUMBER = re.compile(f"(?<=\\d)[{''.join(HANJA_AFTER_A_NUMBER)}](?![一-龥])")
_AFTER_A_NOUN = re.compile(f"(?<=[가-힣])[{''.join(HANJA_AFTER_A_NOUN)}](?![一-龥])")


def headline_read(title: str) -> str:
    """``title`` past its kicker with the abbreviations the tagger reads (``HANJA_TAGGED``)
    in Hangul, one character at a time, save the day and "during" (``_AFTER_A_NUMBER``,
    ``_AFTER_A_NOUN``)."""
    head = rules.HEADLINE_KICKER.sub("", title)
    head = _AFTER_A_NUMBER.sub(lambda m: HANJA_AFTER_A_NUMBER[m.group()], head)
    head = _AFTER_A_NOUN.sub(lambda m: HANJA_AFTER_A_NOUN[m.group()], head)
    return head.translate(_ABBREVIATIONS)


def headline_topic(form: str, title: str) -> bool:
    """Whether ``form`` is an established topic the headline writes ("‘가을 한파’", "#한파"):
    the story need not write it twice more."""
    return form in rules.TOPICS and (written_alone(form, title) or headline_short(form, title))


def written_alone(form: str, title: str) -> bool:
    """Whether ``title`` writes ``form`` as a word of its own, maybe with a particle
    ("독일서 출간"), not inside a longer word ("서울교통공사", "중국인")."""
    return own_words(form, title) > 0


def own_words(form: str, text: str) -> int:
    """How often ``text`` writes ``form`` as a word of its own, maybe with a particle, not
    inside a longer word ("서울교통공사", "중국인")."""
    return sum(_word_start(text, at) and _OWN_WORD.match(text, at + len(form)) is not None
               for at in starts(form, text))


def alone(form: str, text: str) -> int:
    """How often ``text`` writes ``form`` as a word of its own (``own_words``), with its head
    glued on ("순천경찰서장은": the body speaking through its chief, the stop 47 read's
    "#순천경찰서", ko82) or an ending a name takes ("손흥민이었다", "한동훈측", "이재명표")."""
    return sum(_word_start(text, at) and _ALONE.match(text, at + len(form)) is not None
               for at in starts(form, text))


def held(form: str, text: str, written_alone: int) -> int:
    """How often ``text`` writes ``form`` inside a longer word ("조선민주주의인민공화국",
    "홍콩발", "카카오톡"): its mentions less the ``written_alone`` ones (``alone``'s count, which
    the caller has already read)."""
    return sum(1 for _ in starts(form, text)) - written_alone


def _word_start(text: str, at: int) -> bool:
    """Whether ``at`` opens a word of ``text``: no Hangul letter right before it."""
    return not (at and "가" <= text[at - 1] <= "힣")


def topic_mentions(form: str, text: str, analyser: Analyser) -> int:
    """How often ``text`` writes ``form`` as a noun of its own: at a word's end, maybe with a
    particle (a compound's last noun: "소비자물가" is a 물가), or as a compound's first noun
    before another noun by the analyser's reading ("한파특보" is 한파+특보); never as the start
    of another word ("전세기", "관세청", "의대생" are no 전세, 관세, 의대)."""
    count = 0
    for at in starts(form, text):
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
_ALONE = re.compile("(?:" + "|".join((rules.HEAD_AFTER, *rules.NAME_ENDINGS)) + ")?"
                    + _OWN_WORD.pattern)


def only_cited(name: str, doc: str) -> bool:
    """Whether every mention of ``name`` cites it as the source of a figure
    ("한국경제연구원에 따르면", "…의 분석"), or the first does and the story names it fewer
    than ``CITED_SOURCE_MENTIONS`` times: where a number came from, not the subject."""
    ends = []  # the ends of re.finditer(re.escape(name), doc): mentions that do not overlap
    at = doc.find(name)
    while at >= 0:
        ends.append(at + len(name))
        at = doc.find(name, at + (len(name) or 1))
    if not ends:
        return False
    if rules.CITED.match(doc, ends[0]) and len(ends) < rules.CITED_SOURCE_MENTIONS:
        return True  # introduced as the source, then named as the one who found the figure
    return all(rules.CITED.match(doc, end) for end in ends)


def only_affiliation(name: str, body: str) -> bool:
    """Whether every mention of ``name`` in ``body`` is a person's workplace before an academic
    post ("서울대 화학부 교수"): the winners' university, not the award's story."""
    if name + " " not in body:
        return False  # the post follows a space: a plain find spares most names the pattern
    ats = starts(name, body)
    first = next(ats, None)  # lazily: the first mention that is no workplace ends the search
    return first is not None and all(_workplace(name, body, at) for at in chain((first,), ats))


def _workplace(name: str, body: str, at: int) -> bool:
    m = rules.AFFILIATION_AFTER.match(body, at + len(name))
    if m is None:
        return False
    if m.group("plural") or not m.group("particle"):
        return True
    person = rules.NAME_BEFORE.search(body, max(0, at - 6), at)
    return person is not None and person.group(1)[0] in SURNAMES


def headline_short(form: str, title: str) -> bool:
    """Whether ``title`` writes a longer topic only by its first two syllables ("음주車")."""
    return len(form) > 2 and form[:2] in title and form not in title

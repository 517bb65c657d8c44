"""Korean's selection cues (``Language.cues``): what each candidate carries of the headline (its
nouns and figures read in the body's words, its outcome), a quotation its speaker reports,
background and the key facts, read once per article in candidate order (``_Cues``). The rules
that make a sentence no point or lean back stay in the package's ``__init__``."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property, lru_cache, partial

from bot.summarize.lang import Analyser, Analysis, Cues, Morph
from bot.summarize.lang.ko.select import (
    HEADLINE_NOUN,
    QUOTE,
    QUOTED,
    RELATIVE_DAY_WEIGHT,
    SPEAKER,
    SUBJECT,
    TIME_UNIT,
    background,
    key_facts,
    reports_quotation_before,
)
from bot.summarize.lang.ko.select.headline import lemma, second_fact, written_noun
from bot.summarize.lang.ko.select.late_outcome import late_outcome
from bot.summarize.lang.ko.words import GENERIC, hanja_readings, read_headline, relative_day


def headline_nouns(title: str, morphs: Analyser) -> tuple[tuple[str, ...], ...]:
    """The headline's nouns and numbers as Kiwi reads them (one analysis, cached): what the
    story's main event is about ("경남은행", "성과급", "3000"), each with the ways a body
    writes it. The headline is read in the body's words (``words.read_headline``: "小寒" is
    "소한", "車" is "차량" or "자동차"): Kiwi reads Hanja as nothing a Hangul sentence carries
    (ko233's "소한(小寒)인 5일에는 …" lost to background). A Hanja surname stays unread: read
    as the names the body writes with a post ("尹" as "윤석열", "윤 대통령"), it moved one brief
    of the 21 under "尹" (ko262), to a third point that retold the lede's "집행에 나선"."""
    alternatives = hanja_readings(title)
    read = read_headline(title)
    out: dict[str, tuple[str, ...]] = {}
    for form, tag, _, end in morphs(read):
        if tag == "SN":
            # A date the headline names is carried by that date ("5월도 9월도 ‘여름’이 된다":
            # "5·9월" carries 9월, "9~11월" does not); any other number by the number written
            # as no date (``news``).
            if TIME_UNIT.match(read, end):
                form += read[end]
            out[form] = (form,)
        elif tag in HEADLINE_NOUN and len(form) >= 2:
            out[form] = alternatives.get(form, (form,))
    return tuple(out[form] for form in sorted(out))


def _writes(sentence: str, way: str) -> bool:
    """Whether ``sentence`` writes ``way``, a headline noun as a body writes it; a number
    ("12") only where no date or clock time unit follows it (``TIME_UNIT``). No digit boundary
    is checked: "112 신고" and "2012년" write "12" (as main's substring match did)."""
    at = sentence.find(way)
    if at < 0 or not way[-1].isdigit():
        return at >= 0
    while at >= 0:
        if not TIME_UNIT.match(sentence, at + len(way)):
            return True
        at = sentence.find(way, at + 1)
    return False


def _carried(sentence: str, head_nouns: tuple[tuple[str, ...], ...]) -> int:
    """How many of the headline's nouns ``sentence`` writes in any of their ways. A plain
    substring test first, ``_writes``' date check only for a number found: every candidate
    asks this of every headline noun (a generator of ``_writes`` calls made a Korean science
    brief 7% dearer by callgrind, stop 45)."""
    carried = 0
    for ways in head_nouns:
        for way in ways:
            if way in sentence and (not way[-1].isdigit() or _writes(sentence, way)):
                carried += 1
                break
    return carried


def news(sentence: str, head_nouns: tuple[tuple[str, ...], ...], lede: bool,
         ) -> tuple[float, float, float]:
    """(headline_nouns, speakerless, background) of a Korean sentence, by rule and substring:
    no analysis of the sentence itself (the candidates are many, the analyser slow). The lede
    is never background: it is the news, even when it opens on a year ("2018년 … 제보자
    김씨는 3일 …")."""
    cover = _carried(sentence, head_nouns) / len(head_nouns) if head_nouns else 0.0
    speakerless = 0.0
    curly, straight = sentence.find("“"), sentence.find('"')  # the first quote, -1 for none
    opening = curly if straight < 0 else straight if curly < 0 else min(curly, straight)
    # Most quotations follow their speaker ("김씨는 “…”"): the text before the first quote
    # settles it without rewriting the sentence.
    if opening >= 0 and not SPEAKER.search(sentence, 0, opening):
        outside = QUOTED.sub(" ", sentence)
        if len(outside) < len(sentence) and not SPEAKER.search(outside):
            speakerless = 1.0
    background_ = 0.0
    if not lede:
        if background(sentence):
            background_ = 1.0
        elif relative_day(sentence):
            background_ = RELATIVE_DAY_WEIGHT
    return cover, speakerless, background_


def units_in(sentence: str, units: frozenset[str], morphs: Analyser) -> frozenset[str]:
    """The ``units`` (lemmas) ``sentence`` carries. Kiwi reads it only when one may be there
    (``units_maybe``): the analyser is most of a Korean brief's cost. A noun of two letters
    or more (``written_noun``) is carried where it is written as a whole word of Kiwi's
    reading (``_written_whole``), however Kiwi splits it inside: in "‘늙으막’은 ‘늘그막’,
    ‘늦깍이’는 ‘늦깎이’로 고쳐야 해요." it read ‘늘그막’ as 늘 + 그 + 막, and ko188's answer lost
    its place to two sentences that tell one word each."""
    maybe = units_maybe(sentence, units)
    if not maybe:
        return maybe
    reading = morphs(sentence)
    # ``content_lemmas(sentence) & maybe``, a lemma made only of a form that may be one (a
    # lemma is the form or the form with "다"), and a unit found so needs no written check.
    read = frozenset(unit for form, tag, _, _ in reading
                     if (form in maybe or form + "다" in maybe)
                     and (unit := lemma(form, tag)) in maybe)
    return read | frozenset(unit for unit in maybe - read
                            if written_noun(unit) and _written_whole(sentence, unit, reading))


def _written_whole(sentence: str, unit: str, reading: tuple[Morph, ...]) -> bool:
    """Whether ``sentence`` writes ``unit`` somewhere no morpheme of Kiwi's ``reading`` crosses
    its edges: the letters of "AI" in "KAIST", "아이" in "아이스아메리카노", "의사" in "의사봉"
    and "수상" in "수상한" are part of another word (a third point chosen for the "AI" of
    "KAIST와 포스텍 등 …" under "… AI 인력 양성", review of stop 46)."""
    at = sentence.find(unit)
    while at >= 0:
        end = at + len(unit)
        if not any(start < at < stop or start < end < stop for _, _, start, stop in reading) \
                and not _root_of_a_verb(at, end, reading):
            return True
        at = sentence.find(unit, at + 1)
    return False


def _root_of_a_verb(at: int, end: int, reading: tuple[Morph, ...]) -> bool:
    """Whether Kiwi reads the span ``[at, end)`` as a root (XR) that a verb or adjective
    suffix follows: "수상" of "수상한" (수상/XR + 하/XSA), no noun a headline's "수상" is."""
    for k, (_, tag, start, stop) in enumerate(reading):
        if start == at and stop == end and tag.startswith("XR"):
            return k + 1 < len(reading) and reading[k + 1][1].startswith(("XSA", "XSV"))
    return False


def units_maybe(sentence: str, units: frozenset[str]) -> frozenset[str]:
    """The ``units`` (lemmas) ``sentence`` may carry, on its letters alone (``may_carry``): a
    bound on ``units_in`` that costs no analysis."""
    return frozenset(unit for unit in units if may_carry(sentence, unit))


def may_carry(sentence: str, lemma: str) -> bool:
    """Whether ``sentence`` may hold ``lemma``, on its letters alone: a noun is written as it
    is; a verb's stem keeps the first consonant and vowel of its first syllable in every form
    ("모르다" ~ "몰라", "바꾸다" ~ "바꿨다"), a one-syllable stem only its first consonant
    ("오다" ~ "와", "치다" ~ "쳐"). Never False for a sentence Kiwi would find it in."""
    if lemma in sentence:
        return True
    if not lemma.endswith("다") or len(lemma) < 2 or not "가" <= lemma[0] <= "힣":
        return False
    return _syllables_like(lemma[0], len(lemma) > 2).search(sentence) is not None


# Hangul syllables: U+AC00 + (initial × 21 + vowel) × 28 + final.
HANGUL_FIRST = 0xAC00
VOWELS, SYLLABLE_FINALS = 21, 28


@lru_cache(maxsize=512)  # one per initial (19) or initial and vowel (399): a bounded set
def _syllables_like(syllable: str, vowel: bool) -> re.Pattern[str]:
    """Any syllable with the initial consonant of ``syllable`` (and its vowel, if ``vowel``):
    such syllables are one run of code points, so one character class finds them, where a
    loop over the sentence's characters in Python cost about nine times as much."""
    size = SYLLABLE_FINALS if vowel else SYLLABLE_FINALS * VOWELS
    low = HANGUL_FIRST + (ord(syllable) - HANGUL_FIRST) // size * size
    return re.compile(f"[{chr(low)}-{chr(low + size - 1)}]")


def cues(cands: list[str], title: str, wanted: Callable[[str], bool],
         analysis: Analysis) -> Callable[[int, str, bool], Cues]:
    """Korean's selection cues of each candidate (bot.summarize.scoring): a quotation its
    speaker reports, what news readers missed or tripped over (``news``), the headline's
    figures and the key facts (``figures``)."""
    return _Cues(cands, title, wanted, analysis).of


class _Cues:
    """``cues`` of one article. build_pool asks of the candidates in order and marks the lede
    (the first candidate that is no caption, heading or lean-back); what the headline promises
    and the lede lacks is known from then on, so a caption or heading before it is valued 0."""

    def __init__(self, cands: list[str], title: str, wanted: Callable[[str], bool],
                 analysis: Analysis) -> None:
        none: frozenset[str] = frozenset()
        self.cands, self.title, self.morphs = cands, title, analysis.morphs
        self.head_nouns = headline_nouns(title, analysis.morphs) \
            if wanted("headline_nouns") else ()
        self.quoting = wanted("quote")
        self.facts = wanted("key_fact")
        self.weighs_figures = wanted("headline_figure")
        self.title_figures = key_facts.figures(title) if cands and self.weighs_figures else none
        # Read when a feature first asks: past the last candidate that tells a key fact, no
        # candidate's figures are read unless the headline's are weighed.
        self.read = key_facts.CandidateFigures(cands)
        self.head_figures = none  # the headline's figures the lede lacks
        self.lede_at: int | None = None  # the lede's candidate, once build_pool has marked it
        self.free_news = "무료" in title  # a service made free is the headline's (``late_outcome``)
        # The headline's outcomes ("무죄", "구속"): a sentence that first tells one the lede
        # lacks tells a key fact with no figure.
        self.outcomes = key_facts.HeadlineOutcomes(
            key_facts.outcomes(title) if cands and (self.facts or self.weighs_figures)
            else none, cands)

    def of(self, k: int, sentence: str, lede: bool) -> Cues:
        if lede:
            self.lede_at = k
            self.read_lede(k, sentence)
        m = QUOTE.search(sentence) if self.quoting else None
        quote = m is not None and SUBJECT.search(sentence, 0, m.start()) is not None
        told = self.outcomes.first_told(k, sentence)
        cover, speakerless, background_ = news(sentence, self.head_nouns, lede)
        if speakerless and k == 0 and reports_quotation_before(self.cands, 1):
            speakerless = 0.0  # the sentence after names the speaker: "…교수는 … 이같이 말했다"
        fact = self.key_fact(k, sentence, told, cover > 0)
        if background_ == 1.0 and fact and self.told_second_fact(sentence):
            background_ = 0.0
        return (0.0, 0.0, 1.0 if quote else 0.0, cover, speakerless, background_,
                self.headline_fact(k, told), fact)

    def read_lede(self, k: int, sentence: str) -> None:
        """What the headline promises that the lede (candidate ``k``) leaves to the body."""
        if self.title_figures:
            self.head_figures = self.title_figures - key_facts.carried(
                self.read.own(k), self.title_figures, self.written)
        self.outcomes.lede(sentence)

    def key_fact(self, k: int, sentence: str, told: frozenset[str], story: bool) -> float:
        """Feature ``key_fact`` (``key_facts.told_fact``, ``late_outcome``); ``told``: the
        headline's outcomes candidate ``k`` is the first to tell; ``story``: it carries a
        headline noun."""
        if not self.facts:
            return 0.0
        if told:
            return 1.0  # the first to tell the headline's outcome: "조씨가 무죄를 확정받은 …"
        if key_facts.told_fact(sentence, partial(self.read.own, k),
                               partial(self.read.earlier, k)):
            return 1.0
        # An outcome told late (``late_outcome``): only after the lede, which is the news
        # whatever it weighs (a caption or heading before it is none either).
        if self.lede_at is None or k <= self.lede_at:
            return 0.0
        return 1.0 if late_outcome(sentence, self.cands[:k], partial(self.read.own, k),
                                   partial(self.read.earlier, k), free_news=self.free_news,
                                   story=story) else 0.0

    def headline_fact(self, k: int, told: frozenset[str]) -> float:
        """Feature ``headline_figure``: the headline's figures and outcomes the lede lacks
        that candidate ``k`` carries or first tells (``key_facts.headline_fact``)."""
        if not self.head_figures and not (told and self.weighs_figures):
            return 0.0
        lacked = self.outcomes.lacked if self.weighs_figures else frozenset()
        return key_facts.headline_fact(self.read.own(k), self.head_figures, told, lacked,
                                       self.written)

    @cached_property
    def written(self) -> frozenset[str]:
        # The body's figures: one it writes as the headline does is carried by the sentence
        # that writes it, never by another's rounded one (``key_facts.carried``).
        return frozenset[str]().union(*map(self.read.own, range(len(self.cands))))

    @cached_property
    def second(self) -> frozenset[str]:
        return second_fact(self.title, self.morphs, "\n".join(self.cands))

    def told_second_fact(self, sentence: str) -> bool:
        # An outcome the headline's second fact tells is the news it promises, though the
        # sentence opens on a past month ("지난 5월 김씨는 … 성추행한 혐의가 … 확정됐다" under
        # "…, 제보자는 성추행범이 됐다"; stop 43's read of ko27): no background. Read only
        # for a background key fact, which few sentences are. At least half the fact's
        # words, a generic one ("사실") never counted: one shared word is another's outcome
        # ("지난 2월 경호처 직원 A씨는 사실관계를 숨긴 혐의로 … 확정됐다" under "…경호처 “사실
        # 무근” 공조본 “채증됐다”"). Carried as ``units_in`` reads a unit: as Kiwi's lemma, or
        # a noun written whole (‘늘그막’ read as 늘 + 그 + 막).
        units = self.second - GENERIC
        return bool(units) and 2 * len(units_in(sentence, units, self.morphs)) >= len(units)

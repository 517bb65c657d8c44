"""What a Korean headline tells beside its lead: its second fact (``second_fact``, the
selector's ``headline_gain``), read with the sides it quotes as written ("…경호처 “사실 무근”
공조본 “채증됐다”") and a compound's suffix set aside ("성추행범"), and the contrast it draws,
which a point may open on ("반면 공조본은 …", ``contrast_shown``).

Stop 43's read of ko229 found our brief gave 경호처's denial twice and never 공조본's claim,
which the headline puts beside it: Kiwi read the headline's "공조본" as 공조 + 보 + ㄴ (so no
sentence's "공조본" carried it), and both sentences of 공조본's side open on "반면", which leaned
back.
"""

from __future__ import annotations

import re

from bot.summarize.lang import Analyser
from bot.summarize.lang.ko.words import CONTENT_STOP, CONTENT_TAGS, GENERIC

# A quotation's speaker named just before it ("공조본 “채증됐다”"), or a headline's last
# word: no modifier ("…ㄴ") stands there, so Kiwi's noun + verb + "ㄴ" (공조 + 보 + ㄴ) is a
# name it misread, and the word as written (공조본) is the noun a point names its side by.
# The quotation marks a headline opens a quotation with, and the mark that closes each: the
# speakers (``speakers``) and the names before a quotation (``NAME_END``) read the same marks.
QUOTE_PAIRS = {"“": "”", "\"": "\"", "‘": "’", "'": "'"}
NAME_END = re.compile(rf"\s*(?:[{''.join(QUOTE_PAIRS)}]|$)")
NOUN_TAGS = frozenset({"NNG", "NNP"})


# A name the body writes as a noun: with a particle or "측" after it ("공조본은", "공조본 측").
# A glued verb the headline writes before a quotation ("빚낸 ‘영끌족’", "금간 ‘동맹’") the body
# writes, if at all, before a space, as the modifier it is.
NAME_IN_BODY = r"(?<![가-힣]){}(?:\s?측|[은는이가을를의에도와과])"


def written_names(title: str, morphs: list[tuple[str, str, int, int]], body: str,
                  ) -> list[tuple[str, str, int, int]]:
    """``morphs``, a noun Kiwi read as noun + verb + modifier ending before a quotation or
    the headline's end (``NAME_END``) given back as the word written, where ``body`` (the
    article's text) writes that word as a noun (``NAME_IN_BODY``); else Kiwi's reading
    stands."""
    out: list[tuple[str, str, int, int]] = []
    skip = 0
    for i, (form, tag, start, end) in enumerate(morphs):
        if skip:
            skip -= 1
            continue
        if tag in NOUN_TAGS and i + 2 < len(morphs):
            verb, ending = morphs[i + 1], morphs[i + 2]
            if (verb[1] in ("VV", "VA") and verb[2] == end and ending[1] == "ETM"
                    and ending[2] == verb[2] and NAME_END.match(title, ending[3])
                    and re.search(NAME_IN_BODY.format(re.escape(title[start:ending[3]])), body)):
                out.append((title[start:ending[3]], "NNP", start, ending[3]))
                skip = 2
                continue
        out.append((form, tag, start, end))
    return out


# A person's or an agency's one-syllable suffix ("성추행범", "경호처"): what the noun before it
# names is the fact. Only these: most one-syllable nouns written onto a noun are its head
# ("전기차", "봉투법", "수출길"), which a point must carry. Add one only with a headline that
# needs it.
PERSON_SUFFIXES = frozenset({"범", "처"})


def compound_heads(morphs: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
    """``morphs`` without a person's or agency's suffix (``PERSON_SUFFIXES``) written onto the
    noun before it (성추행 + 범, 경호 + 처), which the noun before it carries the meaning of.
    Counted as a unit of its own, it halved what a point telling the fact gained ("지난 5월
    김씨는 … 성추행한 혐의가 … 확정됐다" under "…, 제보자는 성추행범이 됐다", stop 43's ko27)."""
    out: list[tuple[str, str, int, int]] = []
    for morph in morphs:
        form, tag, start, _ = morph
        if (form in PERSON_SUFFIXES and tag == "NNG" and out and out[-1][1] in NOUN_TAGS
                and out[-1][3] == start):
            continue
        out.append(morph)
    return out


# A headline's quotations, each to its closing mark (or the headline's end): a straight quote
# closes as it opens, so the word before a closing mark ("“사실 무근” 공조본") is read as no
# speaker only when the pairs are read left to right.
QUOTATION = re.compile("|".join(f"{opening}[^{closing}]*{closing}?"
                                for opening, closing in QUOTE_PAIRS.items()))
# A speaker: a word of two or more Hangul letters right before a quotation ("경호처 “사실
# 무근”"); a quotation that opens the headline has none.
SPEAKER = re.compile(r"(?<![가-힣])([가-힣]{2,})\s?$")
# An opening contrast: "반면", "반면에", then the sentence's first topic or subject.
CONTRAST = re.compile(r"^반면(?:에)?,?\s+")
# A side's topic or subject, with or without "측" ("공조본은", "공조본 측은", "공조본측도").
TOPIC = re.compile(r"(?<![가-힣])([가-힣]{2,}?)(?:\s?측[은도이]|은|는|이|가)\s")
# Words that point back to what the sentence before told (the demonstratives of the
# lean-back table, bot.summarize.lang.ko.select.BACK, anywhere in the sentence): "반면
# 공조본은 그와 달리 …", "… 이를 부인했다" still lean on the sentence before, whatever the
# headline shows.
POINTS_BACK = re.compile(
    r"(?<![가-힣])(?:이들|그들|그와|그렇|이렇|이와|이 같은|이같|이를|이에|이는|이런|이러한|이처럼"
    r"|그는|그녀는)")


def speakers(title: str) -> frozenset[str]:
    """The sides ``title`` quotes, as written: "공조본" and "경호처" in "…경호처 “사실 무근”
    공조본 “채증됐다”"."""
    sides: set[str] = set()
    for quotation in QUOTATION.finditer(title):
        speaker = SPEAKER.search(title, 0, quotation.start())
        if speaker is not None:
            sides.add(speaker[1])
    return frozenset(sides)


def contrast_shown(sentence: str, title: str) -> str:
    """``sentence`` with an opening "반면" set aside where the sentence's first topic or
    subject is a side the headline quotes ("반면 공조본은 …" under "…경호처 “사실 무근” 공조본
    “채증됐다”"): the headline shows the contrast, so the point leans on nothing the reader
    lacks, unless the rest of it points back (``POINTS_BACK``). Any other sentence is given back
    as it is (the lean-back rules read it)."""
    if not sentence.startswith("반면"):
        return sentence
    opening = CONTRAST.match(sentence)
    if opening is None:
        return sentence
    sides = speakers(title)
    if len(sides) < 2:
        return sentence  # a contrast needs two sides the headline shows
    topic = TOPIC.search(sentence, opening.end())
    if topic is None or topic[1] not in sides:
        return sentence
    if POINTS_BACK.search(sentence, topic.end()):
        return sentence
    return sentence[opening.end():]


def lemma(form: str, tag: str) -> str:
    """A morpheme's lemma, or "" for one that tells nothing (an ending, a particle, "하다")."""
    tag = tag.split("-", 1)[0]  # "VV-R", "VA-I": Kiwi's regular and irregular stems
    if tag not in CONTENT_TAGS or form in CONTENT_STOP:
        return ""
    return form + "다" if tag in ("VV", "VA") else form


def content_lemmas(sentence: str, morphs: Analyser) -> frozenset[str]:
    """What ``sentence`` tells, as Kiwi's lemmas (``CONTENT_TAGS``, a verb's stem with "다"):
    a headline's clipped verbs and a sentence's endings and particles meet there ("한우 반납
    집회 열려" and "…한우를 반납하는 집회가 열렸다" share 한우, 반납, 집회, 열리다), where
    surface words with a particle list stripped do not. Empty without the analyser."""
    return frozenset(filter(None, (lemma(form, tag) for form, tag, _, _ in morphs(sentence))))


def written_noun(unit: str) -> bool:
    """Whether ``unit`` may be a noun its letters find: two letters or more, no number ("8" is
    in "2018년"), no verb's lemma ("…다"; a noun that ends in 다, "바다", is left to Kiwi's
    reading too, which finds it as a noun or not at all)."""
    return len(unit) >= 2 and not unit.endswith("다") and not unit[-1].isdigit()


# A Latin word's letters inside another Latin word are not it: "AI" of "KAIST".
_LATIN_EDGE = r"[A-Za-z0-9]"


def written_in(form: str, text: str) -> bool:
    """Whether ``text`` writes ``form``: a Latin word (Kiwi's SL) only with no Latin letter
    or digit beside it ("AI 반도체 인재 키운다" is not told by a body that writes "KAIST" and
    no "AI": review of stop 46); Hangul by its letters, since a noun takes its particles and
    compounds written solid ("반도체" of "차세대반도체")."""
    if not form.isascii():
        return form in text
    return re.search(rf"(?<!{_LATIN_EDGE}){re.escape(form)}(?!{_LATIN_EDGE})", text) is not None


# A headline that tells two facts: "윤 체포 피했다… 전광훈 '완전히 이겼다'", "무죄 확정,
# 형사보상 500만원". Split at a comma (not a number's "1,000"), an ellipsis or a semicolon,
# after any "[단독]"-style tags ("[신문은 선생님] [동물 이야기] …").
HEADLINE_TAG = re.compile(r"^\s*(?:\[[^\]]*\]\s*)+")
HEADLINE_BREAK = re.compile(r"\s*(?:…+|\.{2,}|(?<!\d),|,(?!\d)|;)\s*")
# The second fact counts only with two lemmas of its own: one ("…, 왜?") is no fact.
SECOND_FACT_LEMMAS = 2


def second_fact(title: str, morphs: Analyser, body: str) -> frozenset[str]:
    """The lemmas of the headline's second fact (after its first break) that its first fact
    lacks: the lead tells the first, and blind readers marked briefs down that missed the
    second. Empty when the headline has no break, or the rest adds under two lemmas. The
    whole headline is analysed once (the headline cues read the same analysis) and its
    morphemes go to either side of the break by where they start; ``body``, the article's
    text, tells which misread names to read as written (``written_names``)."""
    return _second_fact(title, headline_morphs(title, morphs, body))


def headline_morphs(title: str, morphs: Analyser, body: str) -> list[tuple[str, str, int, int]]:
    """The headline's morphemes as ``second_fact`` and ``untold_nouns`` read them: misread
    names as written (``written_names``), a person's or agency's suffix set aside
    (``compound_heads``). ``headline_units`` reads them once for both."""
    return compound_heads(written_names(title, list(morphs(title)), body))


def _opens(title: str) -> int:
    """Where the headline opens after any "[단독]"-style tags."""
    tag = HEADLINE_TAG.match(title)
    return tag.end() if tag else 0


def _second_fact(title: str, heads: list[tuple[str, str, int, int]]) -> frozenset[str]:
    """``second_fact`` of the headline's morphemes ``heads`` (``headline_morphs``)."""
    opens = _opens(title)
    cut = next((m.start() for m in HEADLINE_BREAK.finditer(title, opens)
                if title[opens:m.start()].strip() and title[m.end():].strip()), -1)
    if cut < 0:
        return frozenset()
    first: set[str] = set()
    second: set[str] = set()
    for form, kind, start, _ in heads:
        if start >= opens:
            (first if start < cut else second).add(lemma(form, kind))
    second -= first
    second.discard("")
    return frozenset(second) if len(second) >= SECOND_FACT_LEMMAS else frozenset()


# The headline's nouns a point owes the reader when the lede does not tell them: common and
# proper nouns and foreign words of two letters or more, no generic one (``words.GENERIC``).
# Kiwi tags every Latin word SL: one in small letters only ("is" in "삼성 ‘Galaxy AI’ is
# here…", "unveils") is taken for no noun.
UNTOLD_NOUN_TAGS = frozenset({"NNG", "NNP", "SL"})
# They count only two or more, as a second fact does (``SECOND_FACT_LEMMAS``): one noun the
# lede lacks is as often the headline's own word for the lede's event ("노조법" for its
# "노동조합법", "수상" under "…후보자를 … 모집한다"), and paid alone it moved 10 of the 290
# Korean feed briefs, 2 of them for the better by the author's reading (stop 46). The same
# count holds while choosing (``scoring.Pool.units_least``): once a point carried 대피 of
# "분당 8층 상가 화재 ‘대피의 기적’", the 화재 left won ko205's third point for "방화문과
# 화재경보기도 제 역할을 했다." over the fire official's account (review of stop 46).
UNTOLD_NOUNS = 2


def untold_nouns(title: str, morphs: Analyser, body: str, lede: str) -> frozenset[str]:
    """The headline's nouns (``UNTOLD_NOUN_TAGS``) that ``lede`` neither writes nor reads as
    a lemma and that the rest of ``body`` (the story's sentences) writes: the hook a headline
    opens on which the lede leaves to a later sentence. ko10's "“승마 대회 참가비 좀...” 전청조
    3억대 사기 혐의 추가 적발" breaks after the quotation, so its second fact is what the lede
    tells ("…전청조(28)씨의 추가 사기 범행 행각이 적발됐다"), and "검찰에 따르면 전씨는 … 여성
    승마 선수 행세를 하면서 대회 참가비를 받아냈다", the one sentence that tells how the fraud
    worked, lost to "이번에 적발된 사기 피해액은 약 3억 5800만원대다." (stop 46's read: both
    briefs left out the headline's hook). A noun no other sentence writes ("…후보 모집 공고")
    is the headline's own word, no fact a point can add."""
    if not lede:
        return frozenset()
    return _untold_nouns(title, headline_morphs(title, morphs, body), body, lede,
                         content_lemmas(lede, morphs))


def _untold_nouns(title: str, heads: list[tuple[str, str, int, int]], body: str, lede: str,
                  lede_lemmas: frozenset[str]) -> frozenset[str]:
    """``untold_nouns`` of the headline's morphemes ``heads`` (``headline_morphs``), the
    lede's lemmas ``lede_lemmas`` (``content_lemmas``) read once by the caller."""
    opens = _opens(title)
    nouns = {form for form, kind, start, _ in heads
             if start >= opens and kind in UNTOLD_NOUN_TAGS and len(form) >= 2
             and (kind != "SL" or not form.islower())
             and not written_in(form, lede) and written_in(form, body)}
    untold = nouns - GENERIC - lede_lemmas
    return frozenset(untold) if len(untold) >= UNTOLD_NOUNS else frozenset()


def headline_units(title: str, morphs: Analyser, body: str, lede: str,
                   ) -> tuple[frozenset[str], int]:
    """The units of the selector's ``headline_gain``: what the headline promises that the
    lede leaves untold. The headline's second fact (``second_fact``) while the lede leaves
    any of it untold, as before; else (no second fact, or the lede tells it all, when its
    gain was nothing) the headline's nouns the lede lacks (``untold_nouns``), or the second
    fact again where there are none, as before stop 46. Joined to a
    second fact the lede leaves partly untold, the nouns halved what its units were worth:
    ko203's "…진입… 200명이 막자 돌아섰다" lost the quotation that tells the 200 who
    blocked the way to a sentence that told only "진입했다". With the units, how many must be
    left untold by the chosen points for any to gain: 1 for a second fact, ``UNTOLD_NOUNS``
    for the nouns."""
    # The headline and the lede are each read once here, for both rules.
    heads = headline_morphs(title, morphs, body)
    second = _second_fact(title, heads)
    lede_lemmas = content_lemmas(lede, morphs)
    # A noun the lede writes is told, however Kiwi reads it there: "전청조(28)씨" is one name
    # where the headline's "전청조 3억대" reads as 전 + 청조. Only a noun (``written_noun``):
    # the headline's "8" (8억원) is no fact the lede's "2018년" tells.
    left = second - lede_lemmas
    if any(not (written_noun(unit) and written_in(unit, lede)) for unit in left):
        return second, 1
    untold = _untold_nouns(title, heads, body, lede, lede_lemmas) if lede else frozenset()
    # With no nouns untold, the second fact stays the units: a lede the brief does not show
    # leaves it to a point (the lede, once chosen, takes away the units it carries).
    return (untold, UNTOLD_NOUNS) if untold else (second, 1)

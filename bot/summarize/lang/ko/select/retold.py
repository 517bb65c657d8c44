"""Korean quotations that say again what a chosen point already quoted: the selector's
``restates`` (bot.summarize.scoring), read for Korean from quotations alone.

Readers of stop 45's blind read marked a brief down for a point whose quotation is the clause
an earlier point quoted: ko277's "“판사와 법원은 입법을 하면 안 된다”고 주장했다" under point 1's
"“판사가 입법을 하면 안 된다”며 비판하는 글을 올렸다", ko198's "“내란죄를 탄핵소추 사유에서
철회하겠다”며 …" under "“형법상 내란죄에 해당한다는 주장을 철회하겠다”고 밝혔다". Stop 44's
retelling bar read the event of a whole sentence (its closing predicate, its subject) and
misread follow-ups with the same subject; a quotation is the speaker's clause as written, so
two of them are compared as clauses: the same predicate (with its modal, negation and mood: a
reversal or a question is news), most of the shorter one's words, and the same subject and
speaker. Single quotes mark a term, not speech (‘쿠팡맨’), and are not read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from bot.summarize.lang import Analyser, Morph, once
from bot.summarize.lang.ko.select.headline import lemma

# Speech in double or curly quotes, closed (an open quotation is a piece the splitter cut).
SPEECH = re.compile(r"“([^”]+)”|\"([^\"]+)\"")
# A figure inside a quotation ("“3년 동안 …”"): a quotation that gives one tells something new.
FIGURE = re.compile(r"\d[\d,.]*")
# A day outside the quotations ("공수처는 지난 1일 “…”는 공문을 발송했다"): told where the
# chosen point tells no day, it says when the quoted thing happened (stop 45's ko282). A length
# of time ("100일", "30일간", "3일째") says no when (review of stop 45).
DAY = re.compile(r"(?<!\d)\d{1,2}일(?![간째])")
# Of the shorter quotation's lemmas, the share the other must carry, and how many nouns besides
# the closing predicate: ko198's two quotations share 내란, 죄 and 철회 of six lemmas each.
SHARED_SHARE = 0.5
SHARED_BESIDES_PREDICATE = 2
# The lemmas besides its closing predicate a quotation needs to be a clause ("“철회하겠다”" alone
# is a word, not a clause another can retell).
CLAUSE_LEMMAS = 2
# Kiwi's tags of a predicate's stem, and of the suffix that makes a noun one ("철회 + 하다").
STEMS = frozenset({"VV", "VA", "VX"})
NOUN_VERB_SUFFIX = frozenset({"XSV", "XSA"})
NOUNS = frozenset({"NNG", "NNP"})
# What closes a noun phrase, not a clause: a noun, a pronoun, a suffix ("분들"), a bound noun
# other than 것 ("지킨 분", while "…하겠다는 것" is the clause the likening reads).
NOUN_CLOSE = NOUNS | {"NP", "XSN"}
# A subject's particle: the nouns before it are who the clause is about (or who speaks).
SUBJECT = frozenset({"JKS", "JX"})
# Negation: "안"/"못" before a stem, "않다"/"못하다" after one; "없다" is "있다" negated.
NEGATORS = frozenset({"안", "못"})
NEGATING_AUX = frozenset({"않", "못하"})
# Verbs too general to tell a clause by ("따로 없다", "변화가 없다", "모순이 없다"; "파업을 하다",
# "입법을 하다"): the noun before one joins the predicate's key.
GENERAL = frozenset({"있다", "없다", "되다", "하다"})
# A question's final ending ("해야 하느냐", "있나", "할까", "합니까") or mark.
QUESTION = ("냐", "까", "니", "나", "는가", "ᆫ가")


class Clause(NamedTuple):
    """A quoted clause: its predicate's key (verb, the modals after it, negation, question),
    the verb's lemma, its lemmas, its nouns, its figures and its subjects' nouns."""

    key: str
    predicate: str
    lemmas: frozenset[str]
    nouns: frozenset[str]
    figures: frozenset[str]
    subjects: frozenset[str]


Morphs = tuple[Morph, ...]


def clauses(sentence: str, morphs: Analyser) -> tuple[Clause, ...]:
    """The quotations of ``sentence`` that are clauses (a closing predicate and two other
    lemmas at least), each as its predicate's key and lemma, its lemmas, nouns and figures."""
    if "“" not in sentence and '"' not in sentence:
        return ()
    out: list[Clause] = []
    for match in SPEECH.finditer(sentence):
        quoted = match.group(1) or match.group(2)
        analysed = morphs(quoted)
        key, predicate = closing_predicate(analysed)
        lemmas = frozenset(filter(None, (lemma(form, tag) for form, tag, _, _ in analysed)))
        if predicate and len(lemmas - {predicate}) >= CLAUSE_LEMMAS:
            nouns = frozenset(f for f, t, _, _ in analysed if t.split("-", 1)[0] in NOUNS)
            out.append(Clause(key, predicate, lemmas | {predicate}, nouns,
                              frozenset(FIGURE.findall(quoted)), subjects(analysed)))
    return tuple(out)


def closing_predicate(analysed: Morphs) -> tuple[str, str]:
    """A quotation's predicate: its key and its lemma, ("", "") when a noun closes it (a noun
    phrase: "“사실 무근”", "“이 대표를 위한 방탄 탄핵”", "“… 지킨 분들”"). The lemma is the last
    verb's or adjective's stem with "다", a general one with the noun before it ("하다입법"
    of "입법을 하면 안 된다"), or the noun a "하다" suffix
    makes one ("철회" of "철회하겠다"); a modal after it ("할 수 있다", "하면 안 된다", "해야
    한다", "하기로 했다", "하게 됐다") is no predicate of its own but joins the key, so
    "하면 안 된다" and "해도 된다", "될 수 있다" and "됐다" are different clauses. The key also
    carries negation ("안 하겠다", "철회하지 않겠다", "할 수 없다") and a question ending."""
    negated, modals = False, []
    at = _last_stem(analysed, len(analysed))
    while at >= 0:
        form, tag = analysed[at][0], analysed[at][1].split("-", 1)[0]
        if at and analysed[at - 1][0] in NEGATORS and analysed[at - 1][1] == "MAG":
            negated = not negated
        modal = _modal(analysed, at)
        if tag == "VX" and form in NEGATING_AUX:
            negated = not negated
        elif modal:
            if form == "없":
                negated = not negated
            modals.append(modal)
        elif tag in NOUN_VERB_SUFFIX:
            predicate = analysed[at - 1][0]
            break
        else:
            predicate = form + "다"
            break
        before = _last_stem(analysed, at)
        if before < 0:  # a modal alone ("할 수 있다" with no verb read): the modal is the verb
            predicate = form + "다"
            break
        at = before
    else:
        return "", ""
    if predicate in GENERAL:
        predicate += next((f for f, t, _, _ in reversed(analysed[:at]) if t in NOUNS), "")
    key = "+".join([predicate, *reversed(modals)]) + ("~" if negated else "")
    return key + ("?" if _asks(analysed) else ""), predicate


def _last_stem(analysed: Morphs, end: int) -> int:
    """The position of the last stem before ``end`` (a "하다" suffix after a noun counts), or
    -1 when a noun closes the phrase first, or there is none."""
    for at in range(end - 1, -1, -1):
        form, tag = analysed[at][0], analysed[at][1].split("-", 1)[0]
        if tag in NOUN_CLOSE or (tag == "NNB" and form != "것" and end == len(analysed)):
            return -1
        if tag in NOUN_VERB_SUFFIX and at and analysed[at - 1][1] in NOUNS:
            return at
        if tag in STEMS and not _likening(analysed, at):
            return at
    return -1


def _modal(analysed: Morphs, at: int) -> str:
    """The modal the stem at ``at`` closes, "" for none: "수있" of "할 수 있다"/"없다",
    "면되" of "하면 (안) 된다", "어도되" of "해도 된다", "게되" of "하게 됐다", "기로하" of
    "하기로 했다", or any auxiliary ("어야하" of "해야 한다", "고싶" of "되고 싶다")."""
    form, tag = analysed[at][0], analysed[at][1].split("-", 1)[0]
    prev = at - 1
    if prev >= 0 and analysed[prev][0] in NEGATORS and analysed[prev][1] == "MAG":
        prev -= 1
    if prev < 0:
        return ""
    joint = analysed[prev][0]
    if tag == "VX":
        return joint + form
    if form in ("있", "없") and joint == "수":
        return "수있"
    if form == "되" and (joint in ("면", "으면", "게") or joint.endswith("도")):
        return joint + "되"
    if form == "하" and joint == "로" and prev and analysed[prev - 1][0] == "기":
        return "기로하"
    return ""


def _asks(analysed: Morphs) -> bool:
    """Whether a quotation is a question: a "?" or a question's final ending (a connective,
    "…되니까", trails off on a said clause: review of stop 45)."""
    for form, tag, _, _ in reversed(analysed):
        if tag.startswith("S"):
            if form == "?":
                return True
            continue
        return tag == "EF" and form.endswith(QUESTION)
    return False


def subjects(analysed: Morphs) -> frozenset[str]:
    """The nouns of the phrases a subject particle closes ("판사와 법원은": 판사, 법원)."""
    out: set[str] = set()
    for at, (_, tag, _, _) in enumerate(analysed):
        if tag not in SUBJECT:
            continue
        for form, before, _, _ in reversed(analysed[:at]):
            if before in NOUNS:
                out.add(form)
            elif before not in ("JC", "XSN", "NNB", "SN", "MM", "XPN"):
                break
    return frozenset(out)


def _likening(analysed: Morphs, at: int) -> bool:
    """Whether the stem at ``at`` is the "같다" of "…것과 같다", which likens the clause before
    it to what it says: ko89's "“… 재판을 직접 다시 하겠다는 것과 같다”" closes on 하다, as the
    lede's "“… 재판을 직접 다시 하겠다는 것”" does."""
    return (analysed[at][0] == "같" and at >= 2 and analysed[at - 1][0] in ("과", "와")
            and analysed[at - 2][0] == "것")


def retells(candidate: tuple[Clause, ...], chosen: tuple[Clause, ...]) -> bool:
    """Whether one of a candidate's quoted clauses says again one of a chosen point's: the
    same predicate key (verb, modals, negation, question), no figure the chosen one lacks, no
    subject of another (both name one and share none: "여당은 “야당이 …”" after "“정부가 …”"),
    at least SHARED_SHARE of the shorter one's lemmas and SHARED_BESIDES_PREDICATE nouns
    besides the predicate shared ("판사와 법원은 입법을 하면 안 된다" after "판사가 입법을 하면
    안 된다": 하다 under 안 되다, 판사, 입법)."""
    for clause in candidate:
        for told in chosen:
            if clause.key != told.key or not clause.figures <= told.figures:
                continue
            if clause.subjects and told.subjects and not clause.subjects & told.subjects:
                continue
            shared = _split_by(clause.lemmas, told.lemmas) & _split_by(told.lemmas, clause.lemmas)
            nouns = _split_by(clause.nouns, told.nouns) & _split_by(told.nouns, clause.nouns)
            if (len(nouns - {clause.predicate}) >= SHARED_BESIDES_PREDICATE
                    and len(shared) >= SHARED_SHARE * min(len(clause.lemmas), len(told.lemmas))):
                return True
    return False


def _split_by(lemmas: frozenset[str], other: frozenset[str]) -> frozenset[str]:
    """``lemmas`` with a compound noun written as two of ``other``'s taken as those two: Kiwi
    reads "배임죄를" as one noun and "배임죄에" as 배임 + 죄, so the same word would not be
    shared."""
    out = set(lemmas)
    for word in lemmas - other:
        for cut in range(1, len(word)):
            if word[:cut] in other and word[cut:] in other:
                out.discard(word)
                out.update((word[:cut], word[cut:]))
                break
    return frozenset(out)


def speakers(sentence: str, morphs: Analyser) -> frozenset[str]:
    """The subjects' nouns before a sentence's first quotation: who says it ("이 총장은")."""
    match = SPEECH.search(sentence)
    return subjects(morphs(sentence[:match.start()])) if match else frozenset()


def _one_speaker(one: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two sentences' speakers may be one: either names none, or a noun of one is, or
    holds, a noun of the other ("검찰총장" and "총장", "부장판사" and "성 부장판사")."""
    return not one or not other or any(
        a in b or b in a for a in one for b in other if min(len(a), len(b)) > 1)


def reader(sentences: list[str], morphs: Analyser) -> Callable[[int, int], bool]:
    """Whether candidate k (of ``sentences``) retells candidate j's quotation, each
    candidate's quotations analysed once, when first asked for. A retelling by another
    speaker is an answer, and one that says when (a day outside its quotations where the
    chosen point tells none) tells something new."""
    quoted = once(lambda k: clauses(sentences[k], morphs))
    said_by = once(lambda k: speakers(sentences[k], morphs))

    def retold(k: int, j: int) -> bool:
        candidate = quoted(k)
        if not candidate or not retells(candidate, quoted(j)):
            return False
        if DAY.search(SPEECH.sub("", sentences[k])) and not DAY.search(sentences[j]):
            return False
        return _one_speaker(said_by(k), said_by(j))

    return retold

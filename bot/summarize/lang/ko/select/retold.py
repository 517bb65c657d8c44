"""Korean quotations that say again what a chosen point already quoted: the selector's
``restates`` (bot.summarize.scoring), read for Korean from quotations alone.

Readers of stop 45's blind read marked a brief down for a point whose quotation is the clause
an earlier point quoted: ko277's "“판사와 법원은 입법을 하면 안 된다”고 주장했다" under point 1's
"“판사가 입법을 하면 안 된다”며 비판하는 글을 올렸다", ko198's "“내란죄를 탄핵소추 사유에서
철회하겠다”며 …" under "“형법상 내란죄에 해당한다는 주장을 철회하겠다”고 밝혔다". Stop 44's
retelling bar read the event of a whole sentence (its closing predicate, its subject) and
misread follow-ups with the same subject; a quotation is the speaker's clause as written, so
two of them are compared as clauses: the same closing predicate and most of the shorter one's
words. Single quotes mark a term, not speech (‘쿠팡맨’), and are not read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from bot.summarize.lang import Analyser
from bot.summarize.lang.ko.select.headline import lemma

# Speech in double or curly quotes, closed (an open quotation is a piece the splitter cut).
SPEECH = re.compile(r"“([^”]+)”|\"([^\"]+)\"")
# A figure inside a quotation ("“3년 동안 …”"): a quotation that gives one tells something new.
FIGURE = re.compile(r"\d[\d,.]*")
# Of the shorter quotation's lemmas, the share the other must carry, and how many besides the
# closing predicate: ko198's two quotations share 내란, 죄 and 철회 of six lemmas each.
SHARED_SHARE = 0.5
SHARED_BESIDES_PREDICATE = 2
# Kiwi's tags of a predicate's stem, and of the suffix that makes a noun one ("철회 + 하다").
STEMS = frozenset({"VV", "VA"})
NOUN_VERB_SUFFIX = frozenset({"XSV", "XSA"})
NOUNS = frozenset({"NNG", "NNP"})

Clause = tuple[str, frozenset[str], frozenset[str]]  # closing predicate, lemmas, figures


def clauses(sentence: str, morphs: Analyser) -> tuple[Clause, ...]:
    """The quotations of ``sentence`` that are clauses (a closing predicate and two other
    lemmas at least), each as its closing predicate's lemma, its lemmas and its figures."""
    if "“" not in sentence and '"' not in sentence:
        return ()
    out: list[Clause] = []
    for match in SPEECH.finditer(sentence):
        quoted = match.group(1) or match.group(2)
        analysed = morphs(quoted)
        predicate = closing_predicate(analysed)
        lemmas = frozenset(filter(None, (lemma(form, tag) for form, tag, _, _ in analysed)))
        if predicate and len(lemmas - {predicate}) >= SHARED_BESIDES_PREDICATE:
            out.append((predicate, lemmas | {predicate}, frozenset(FIGURE.findall(quoted))))
    return tuple(out)


def closing_predicate(analysed: tuple[tuple[str, str, int, int], ...]) -> str:
    """The lemma of a quotation's last predicate: a verb's or an adjective's stem with "다"
    ("되다" of "안 된다"), or the noun a "하다" suffix makes one ("철회" of "철회하겠다");
    "" when a noun closes it (a noun phrase: "“사실 무근”", "“이 대표를 위한 방탄 탄핵”")."""
    for at in range(len(analysed) - 1, -1, -1):
        form, tag = analysed[at][0], analysed[at][1].split("-", 1)[0]
        if tag in NOUNS:
            return ""  # a noun after the last predicate: "“이 대표를 위한 방탄 탄핵”"
        if tag in NOUN_VERB_SUFFIX and at and analysed[at - 1][1] in NOUNS:
            return analysed[at - 1][0]
        if tag in STEMS and not _likening(analysed, at):
            return form + "다"
    return ""


def _likening(analysed: tuple[tuple[str, str, int, int], ...], at: int) -> bool:
    """Whether the stem at ``at`` is the "같다" of "…것과 같다", which likens the clause before
    it to what it says: ko89's "“… 재판을 직접 다시 하겠다는 것과 같다”" closes on 하다, as the
    lede's "“… 재판을 직접 다시 하겠다는 것”" does."""
    return (analysed[at][0] == "같" and at >= 2 and analysed[at - 1][0] in ("과", "와")
            and analysed[at - 2][0] == "것")


def retells(candidate: tuple[Clause, ...], chosen: tuple[Clause, ...]) -> bool:
    """Whether one of a candidate's quoted clauses says again one of a chosen point's: the
    same closing predicate, no figure the chosen one lacks, and at least SHARED_SHARE of the
    shorter one's lemmas and SHARED_BESIDES_PREDICATE of them besides the predicate shared
    ("판사와 법원은 입법을 하면 안 된다" after "판사가 입법을 하면 안 된다": 되다, 판사, 입법)."""
    for predicate, lemmas, figures in candidate:
        for told_predicate, told, told_figures in chosen:
            if predicate != told_predicate or not figures <= told_figures:
                continue
            shared = _split_by(lemmas, told) & _split_by(told, lemmas)
            if (len(shared - {predicate}) >= SHARED_BESIDES_PREDICATE
                    and len(shared) >= SHARED_SHARE * min(len(lemmas), len(told))):
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


def reader(sentences: list[str], morphs: Analyser) -> Callable[[int, int], bool]:
    """Whether candidate k (of ``sentences``) retells candidate j's quotation, each
    candidate's quotations analysed once, when first asked for."""
    quoted = cache(lambda k: clauses(sentences[k], morphs))

    def retold(k: int, j: int) -> bool:
        candidate = quoted(k)
        return bool(candidate) and retells(candidate, quoted(j))

    return retold

"""Korean outcomes told late with no figure an earlier sentence carries: the story's result
("… 혐의로 입건됐다", "… 영장이 기각된 것으로", "… 순식간에 제압했다", "… 무료로 … 접종을 할 수
있어요") told first in a sentence after the lede, which ``key_facts.told_fact`` (an outcome
needs a figure no earlier sentence carries) leaves at no key fact.

Issue 28's read of stop 47 (Korean against Lead-3, 16 of 24) found briefs that missed the
result the story is about: ko275's readers wanted "the 6-in-1 헥사심 is now free at 2, 4 and 6
months" over a third opening line; ko69's "the court rejected the warrant"; ko129's "booked
for 특수협박". A key fact needed a new figure so that an outcome told again would not take a
point ("… 현행범으로 체포했다" under "… 체포했다고 2일 밝혔다", stop 41's read); here the
outcome itself is new to the story instead: no candidate before the sentence tells it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# The outcomes ``key_facts.OUTCOME`` reads only with a new figure, or not at all, each as the
# sentence must tell it: a booking, a rejection (also as an adnominal, "영장이 기각된 것으로
# 전해졌다"; "기각된" only before a space: "… 사건들은 기각된다면, …", ko253, is a
# supposition), a subduing, a rescue, a service made free (``free`` below).
TOLD = {
    "입건": re.compile(r"입건(?:됐|되었|했|하였|돼)"),
    "기각": re.compile(r"기각(?:했|하였|됐|되었|된(?=\s))"),
    "제압": re.compile(r"제압(?:했|하였|됐|되었)"),
    "구조": re.compile(r"구조(?:했|하였|됐|되었)"),
    "무료": re.compile(r"무료로\s"),
}
# The outcome already told in a sentence before: its word as a verb that happened (or "무료로",
# "무료화"), not a noun that begins with it: "119 구조대", "구조 요청", "구조를 요청", "구조조정"
# tell no rescue, "입건 여부" no booking; nor a plea or an aim ("구조해 달라고", "구조하기 위해").
WRITTEN = {o: re.compile(o + (r"(?:로|화)" if o == "무료"
                              else r"(?:했|하였|한|해(?!\s?(?:달|줘|주))|됐|되었|되어|된|돼"
                              r"|[하되](?:고|며|면서|자)\s)"))
           for o in TOLD}
# Where the outcome's clause ends: a comma, a full stop or a connective ("… 제압했으며 다친
# 사람은 없었다": the "없" is another clause's).
CLAUSE_END = re.compile(r"[,.]|(?:며|고|면서|서|어|아|여|해|는데|지만|으나)\s")
# An outcome denied, hoped for, weighed or planned in its own clause ("입건됐는지 여부",
# "무료로 개방할 예정이다", "… 할 수 있도록 추진한다"): ``key_facts.UNTOLD``'s words and a plan's.
UNTOLD = re.compile(r"지(?:는|도)?\s?(?:않|못)|기대|가능성|전망|예상|관측|여부|경우|될지|없"
                    r"|예정|계획|방침|추진")
# A service made free is the story's only where the story offers it: the sentence says what
# one can now do ("… 무료로 헥사심 접종을 할 수 있어요"), not a logistics note ("주차장은 무료로
# 개방된다", "기념품을 무료로 나눠준다", the review of wt-ko48m's festival story).
AVAILABLE = re.compile(r"\s수\s?있")


def _clause(sentence: str, at: int) -> str:
    end = CLAUSE_END.search(sentence, at)
    return sentence[at:end.start() if end else len(sentence)]


def late_outcome(sentence: str, before: Sequence[str], own: Callable[[], frozenset[str]],
                 earlier: Callable[[], frozenset[str]], *, free_news: bool = False,
                 story: bool = False) -> bool:
    """Whether ``sentence`` tells an outcome (``TOLD``, each of them read) that no sentence in
    ``before`` (the candidates before it, the lede among them) tells (``WRITTEN``), not denied,
    weighed or planned in its clause (``UNTOLD``), and no figure of its own (``own()``) that an
    earlier candidate carries (``earlier()``): "1심에서 징역 3년을 선고받은 A씨는 … 이를
    기각했다" retells the "징역 3년" point 2 told (ko97). "무료로" counts only where the headline
    writes "무료" (``free_news``) or the sentence carries a headline noun (``story``) and says
    what one can now do (``AVAILABLE``)."""
    told = False
    for outcome, form in TOLD.items():
        for m in form.finditer(sentence):
            clause = _clause(sentence, m.end())
            if UNTOLD.search(clause) is not None:
                continue
            if outcome == "무료" and not free_news and not (
                    story and AVAILABLE.search(clause) is not None):
                continue
            if any(WRITTEN[outcome].search(s) is not None for s in before):
                continue
            told = True
    # The figures last, read only for an outcome: most candidates tell none, and a
    # candidate's figures are read only where a key fact asks (test_summarize_asked_once).
    return told and not own() & earlier()

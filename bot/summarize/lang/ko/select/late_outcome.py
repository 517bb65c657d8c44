"""Korean outcomes told late with no figure of their own: the story's result ("… 혐의로
입건됐다", "… 영장이 기각된 것으로", "… 순식간에 제압했다", "… 무료로 … 접종을 할 수 있어요")
told first in a sentence after the lede, which ``key_facts.told_fact`` (an outcome needs a
figure no earlier sentence carries) leaves at no key fact.

Issue 28's read of stop 47 (Korean against Lead-3, 16 of 24) found briefs that missed the
result the story is about: ko275's readers wanted "the 6-in-1 헥사심 is now free at 2, 4 and 6
months" over a third opening line; ko69's "the court rejected the warrant"; ko129's "booked
for 특수협박". A key fact needed a new figure so that an outcome told again would not take a
point ("… 현행범으로 체포했다" under "… 체포했다고 2일 밝혔다", stop 41's read); here the
outcome's own word is new to the story instead: no candidate before the sentence writes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.summarize.lang.ko.select.key_facts import UNTOLD

# The outcomes ``key_facts.OUTCOME`` reads only with a new figure, or not at all: a booking, a
# rejection (also as an adnominal, "영장이 기각된 것으로 전해졌다"), a subduing, a rescue, a
# service made free. Each with its word in a group, the stem the sentences before are searched
# for. "기각된" only before a space: "… 사건들은 기각된다면, …" (ko253) is a supposition.
LATE_OUTCOME = re.compile(
    r"(입건)(?:됐|되었|했|하였|돼)|(기각)(?:했|하였|됐|되었|된(?=\s))|(제압)(?:했|하였|됐|되었)"
    r"|(구조)(?:했|하였|됐|되었)|(무료)로\s")


def late_outcome(sentence: str, before: list[str], own: Callable[[], frozenset[str]],
                 earlier: Callable[[], frozenset[str]]) -> bool:
    """Whether ``sentence`` tells an outcome (``LATE_OUTCOME``) whose word no sentence in
    ``before`` (the candidates before it, the lede among them) writes, and no figure of its
    own (``own()``) that an earlier candidate carries (``earlier()``): "1심에서 징역 3년을 선고받은
    A씨는 … 항소했지만, … 이를 기각했다" retells the "징역 3년" point 2 told (ko97)."""
    m = LATE_OUTCOME.search(sentence)
    if m is None or UNTOLD.match(sentence, m.end()) is not None:
        return False  # none, or denied, hoped for or weighed later in its clause
    stem = next(g for g in m.groups() if g)
    if any(stem in s for s in before):
        return False
    # The figures last, read only for an outcome: most candidates tell none, and a
    # candidate's figures are read only where a key fact asks (test_summarize_asked_once).
    return not own() & earlier()

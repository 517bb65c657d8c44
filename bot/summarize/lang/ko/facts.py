"""Korean rules of the fact checker (``bot.summarize.facts``): figures with Korean units
("3천억원", "18조8,900억") and native numerals, currencies, months and weekdays, proper nouns
through Kiwi, negation and modality cues."""

from __future__ import annotations

import re

from bot.summarize.lang import Analyser
from bot.summarize.lang.facts import Facts, add, num

DAYS = {d: i for i, d in enumerate("월화수목금토일")}
CURRENCY = {"달러": "USD", "파운드": "GBP", "유로": "EUR", "원": "KRW", "엔": "JPY",
            "위안": "CNY"}

NUMBER = re.compile(
    r"\d[\d,]*(?:\.\d+)?(?:\s?[십백천만억조]+(?:\s?\d[\d,]*(?:\.\d+)?)?)*"
    r"(?P<cur>\s?(?:달러|원|파운드|유로|엔|위안|월|일|요일))?")
PART = re.compile(r"\d[\d,]*(?:\.\d+)?|[십백천만억조]")
SMALL = {"십": 10.0, "백": 100.0, "천": 1000.0}
BIG = {"만": 1e4, "억": 1e8, "조": 1e12}
# Native numerals before a counter ("두 다리", "세 명"): values a point may state in digits.
NATIVE = re.compile(r"(?:^|\s)(한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s")
NATIVE_VALUE = {w: float(i) for i, w in enumerate(
    "_ 한 두 세 네 다섯 여섯 일곱 여덟 아홉 열".split()) if w != "_"}
DAY_RE = re.compile(r"([월화수목금토일])요일")
NEGATION = re.compile(r"않|못|없|아니|(?<![가-힣])안\s|불가|거부|부인|미달|말라|금지")
MODAL = re.compile(
    r"수\s?있|수\s?도|가능성|것으로\s?보|전망|예정|예상|추정된|추정돼|로\s?추정|듯|계획|방침|"
    r"할\s?것|될\s?것|검토|제안|기대|우려|가능")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9&.-]*[A-Za-z0-9]|[A-Za-z]")


def value(written: str) -> float:
    """"4천800만" -> 48,000,000; "18조8,900억" -> 18.89e12; "35만6509" -> 356,509. The one
    reader of Korean amounts: the selector's headline figures (``key_facts.figures``) write
    back what it reads."""
    # ``group`` is the figure before the next 만/억/조, None when none is written: a bare
    # "만" counts one of it, a written zero none ("1억0000만" was read 100,010,000 and "0억"
    # 1e8, zero taken for "nothing written").
    total = 0.0
    group: float | None = None
    current: float | None = None
    for part in PART.findall(written):
        if part in SMALL:
            group = (group or 0.0) + (current if current is not None else 1.0) * SMALL[part]
            current = None
        elif part in BIG:
            if current is not None:
                group = (group or 0.0) + current
            total += (group if group is not None else 1.0) * BIG[part]
            group, current = None, None
        else:
            current = num(part)
    return total + (group or 0.0) + (current or 0.0)


def numbers(text: str, facts: Facts) -> None:
    for m in NUMBER.finditer(text):
        written = m.group(0)[: m.start("cur") - m.start()] if m["cur"] else m.group(0)
        parts = PART.findall(written)
        first = num(parts[0])
        values = {first} if len(parts) == 1 else {value(written)}
        cur = (m["cur"] or "").strip()
        if cur == "월" and first.is_integer() and 1 <= first <= 12 and len(values) == 1:
            facts.months.add(int(first))
        elif cur in CURRENCY:
            facts.currencies.add(CURRENCY[cur])
        add(facts, written.strip(), values)
    facts.numbers |= {NATIVE_VALUE[w] for w in NATIVE.findall(text)}
    for word in re.findall(r"달러|파운드|유로|위안", text):
        facts.currencies.add(CURRENCY[word])


def names(text: str, analyser: Analyser) -> list[str]:
    # Latin letters after a digit are a unit ("60km", "0.1PF"), a single one a symbol ("X")
    found = [form for form, tag, start, _e in analyser(text)
             if tag == "NNP" or (tag == "SL" and len(form) > 1
                                 and not text[max(0, start - 1):start].strip(" ").isdigit())]
    # Latin words in Korean text are names or acronyms (OpenAI, DOE); Kiwi tags them SL.
    return found or LATIN_WORD.findall(text)


def read(text: str, facts: Facts, not_only: re.Pattern[str], common: frozenset[str],
         heading: bool, analyser: Analyser) -> None:
    """Fill ``facts`` with what Korean ``text`` asserts (all but its quotes); ``not_only``:
    what adds rather than negates, taken out before the negation cues are looked for."""
    numbers(text, facts)
    facts.weekdays |= {DAYS[d] for d in DAY_RE.findall(text)}
    facts.names = names(text, analyser)
    facts.negated = bool(NEGATION.search(not_only.sub(" ", text)))
    facts.modal = bool(MODAL.search(text))

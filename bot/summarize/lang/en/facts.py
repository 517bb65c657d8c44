"""English rules of the fact checker (``bot.summarize.facts``): figures in digits and words,
units and currencies, months and weekdays, capitalised names, negation and modality cues."""

from __future__ import annotations

import re

from bot.summarize.lang import Analyser
from bot.summarize.lang.facts import Facts, add, num

UNITS = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9,
         "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
WORDS = {w: float(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
              "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12})
# Words too often not a count ("one of", "no one") to demand in the source.
WEAK_WORDS = {"zero", "one", "hundred", "dozen"}
MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS.pop("may")  # the modal verb far more often than the month; "May 3" is caught below
MONTHS.pop("mar")
DAYS = {d: i for i, d in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())}
CURRENCY = {"$": "USD", "dollar": "USD", "dollars": "USD", "£": "GBP", "pound": "GBP",
            "pounds": "GBP", "€": "EUR", "euro": "EUR", "euros": "EUR", "won": "KRW",
            "¥": "JPY", "yen": "JPY", "yuan": "CNY"}

NUMBER = re.compile(
    r"(?P<cur>[$£€¥])?\s?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)(?:st|nd|rd|th)?"
    r"(?:[\s-]?(?P<unit>thousand|million|billion|trillion|bn|mn|tn|[kmb])\b)?"
    r"(?:\s?(?P<cur2>dollars?|pounds?|euros?|yen|yuan|won)\b)?", re.I)
WORD_NUMBER = re.compile(r"\b(" + "|".join(WORDS) + r")\b", re.I)
MONTH_RE = re.compile(r"\b(" + "|".join(MONTHS) + r")\b\.?", re.I)
MAY_DATE = re.compile(r"\bMay\s+\d{1,2}\b|\b\d{1,2}\s+May\b|\bin May\b")
DAY_RE = re.compile(r"\b(" + "|".join(DAYS) + r")\b", re.I)
NEGATION = re.compile(
    r"\b(?:not|no|never|none|neither|nor|without|cannot|nobody|nothing|denied|denies|deny|"
    r"refused|refuses|failed to|fails to|unable)\b|n't\b", re.I)
MODAL = re.compile(
    r"\b(?:may|might|could|possibly|probably|likely|unlikely|perhaps|reportedly|allegedly|"
    r"expected to|would|plans? to|planned|proposed|potential(?:ly)?|suggests?|if)\b", re.I)
CAP_WORD = re.compile(
    r"(?<![A-Za-z0-9-])[A-Z][A-Za-z0-9'’&.-]*[A-Za-z0-9]|(?<![A-Za-z0-9-])[A-Z]")
SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"“‘(]\s*|—\s*|\n\s*)$")
FUNCTION = frozenset(
    """a an the this that these those it its he she they we i you his her their our my your
    in on at of for by with from to as and or but if when while after before since during
    there here what which who whom whose how why where also about over under more most many
    some any all both each every other such no not than then so yet just even still only
    mr mrs ms dr st""".split())


def numbers(text: str, facts: Facts) -> None:
    for m in NUMBER.finditer(text):
        base = num(m["num"])
        values = {base}
        unit = (m["unit"] or "").lower()
        if unit in UNITS and not (unit in ("m", "b") and m["cur"] is None):
            values.add(base * UNITS[unit])  # "5m" alone is metres, "$5m" millions
        cur = m["cur"] or (m["cur2"] or "").lower()
        if cur:
            facts.currencies.add(CURRENCY[cur])
        add(facts, m.group(0).strip(), values)
    for m in WORD_NUMBER.finditer(text):
        word = m.group(1).lower()
        value = WORDS[word]
        if word in WEAK_WORDS:
            facts.numbers.add(value)
        else:
            add(facts, word, {value})
    for word in re.findall(r"\b(dollars?|pounds?|euros?|yen|yuan)\b", text, re.I):
        facts.currencies.add(CURRENCY[word.lower()])


def names(text: str, common: frozenset[str], heading: bool = False) -> list[str]:
    """Capitalised words that name someone or something; ``heading``: ``text`` is a label,
    whose first word is capitalised whatever it is."""
    found: list[str] = []
    for m in CAP_WORD.finditer(text):
        if heading and m.start() == 0 and not (m.group(0).isupper() and len(m.group(0)) > 1):
            continue
        word = m.group(0).rstrip(".'’").removesuffix("’s").removesuffix("'s")
        if not word or word.lower() in FUNCTION or word.lower() in MONTHS \
                or word.lower() in DAYS or word.lower() in WORDS:
            continue
        if SENTENCE_START.search(text[:m.start()]) and (
                word.lower() in common or re.search(rf"\b{re.escape(word.lower())}\b", text)):
            continue  # a capital that only opens a sentence says nothing about a name
        found.append(word)
    return found


def read(text: str, facts: Facts, not_only: re.Pattern[str], common: frozenset[str],
         heading: bool, analyser: Analyser) -> None:
    """Fill ``facts`` with what English ``text`` asserts (all but its quotes); ``not_only``:
    what adds rather than negates, taken out before the negation cues are looked for."""
    # "2.1-kilometre", "40-year-old": the hyphen joins a unit, not a minus sign
    numbers(text.replace("-", " "), facts)
    facts.months |= {MONTHS[m.lower()] for m in MONTH_RE.findall(text)}
    if MAY_DATE.search(text):
        facts.months.add(5)
    facts.weekdays |= {DAYS[d.lower()] for d in DAY_RE.findall(text)}
    facts.names = names(text, common, heading)
    facts.negated = bool(NEGATION.search(not_only.sub(" ", text)))
    facts.modal = bool(MODAL.search(text))

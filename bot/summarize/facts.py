"""The checkable facts of a sentence: numbers (with amounts, percentages and units folded to
values), dates, currencies, quoted phrases, names, and negation and modality cues. English by
rules; Korean through Kiwi (bot.summarize.korean), whose proper nouns and numerals it tags.

The grounding check (bot.summarize.grounding) compares a model's point against the sentences it
cites through these, so each kind is normalised to something both languages share: "2.1-kilometre"
and "2.1 km" are the value 2.1; "3천억원" is 3e11 and "$300bn" is 3e11 with a currency; "March"
and "3월" are month 3.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from bot.summarize import korean

_EN_UNITS = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9,
             "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
_KO_UNITS = {"천": 1e3, "만": 1e4, "십만": 1e5, "백만": 1e6, "천만": 1e7, "억": 1e8, "십억": 1e9,
             "백억": 1e10, "천억": 1e11, "조": 1e12}
_EN_WORDS = {w: float(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_EN_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                  "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12})
# Words too often not a count ("one of", "no one") to demand in the source.
_WEAK_WORDS = {"zero", "one", "hundred", "dozen"}
_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split(), 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS.pop("may")  # the modal verb far more often than the month; "May 3" is caught below
_MONTHS.pop("mar")
_DAYS = {d: i for i, d in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())}
_KO_DAYS = {d: i for i, d in enumerate("월화수목금토일")}
_CURRENCY = {"$": "USD", "dollar": "USD", "dollars": "USD", "달러": "USD", "£": "GBP",
             "pound": "GBP", "pounds": "GBP", "파운드": "GBP", "€": "EUR", "euro": "EUR",
             "euros": "EUR", "유로": "EUR", "원": "KRW", "won": "KRW", "¥": "JPY", "yen": "JPY",
             "엔": "JPY", "위안": "CNY", "yuan": "CNY"}

_EN_NUMBER = re.compile(
    r"(?P<cur>[$£€¥])?\s?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)(?:st|nd|rd|th)?"
    r"(?:[\s-]?(?P<unit>thousand|million|billion|trillion|bn|mn|tn|[kmb])\b)?"
    r"(?:\s?(?P<cur2>dollars?|pounds?|euros?|yen|yuan|won)\b)?", re.I)
_KO_NUMBER = re.compile(
    r"\d[\d,]*(?:\.\d+)?(?:\s?[십백천만억조]+(?:\s?\d[\d,]*(?:\.\d+)?)?)*"
    r"(?P<cur>\s?(?:달러|원|파운드|유로|엔|위안|월|일|요일))?")
_KO_PART = re.compile(r"\d[\d,]*(?:\.\d+)?|[십백천만억조]")
_KO_SMALL = {"십": 10.0, "백": 100.0, "천": 1000.0}
_KO_BIG = {"만": 1e4, "억": 1e8, "조": 1e12}
# Native numerals before a counter ("두 다리", "세 명"): values a point may state in digits.
_KO_NATIVE = re.compile(r"(?:^|\s)(한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s")
_KO_NATIVE_VALUE = {w: float(i) for i, w in enumerate(
    "_ 한 두 세 네 다섯 여섯 일곱 여덟 아홉 열".split()) if w != "_"}
_WORD_NUMBER = re.compile(r"\b(" + "|".join(_EN_WORDS) + r")\b", re.I)
_MONTH_RE = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b\.?", re.I)
_MAY_DATE = re.compile(r"\bMay\s+\d{1,2}\b|\b\d{1,2}\s+May\b|\bin May\b")
_DAY_RE = re.compile(r"\b(" + "|".join(_DAYS) + r")\b", re.I)
_KO_DAY_RE = re.compile(r"([월화수목금토일])요일")
_QUOTE = re.compile(r"[\"“”]([^\"“”]{3,200})[\"“”]|‘([^‘’]{2,200})’|「([^」]{2,200})」")
_NEGATION_EN = re.compile(
    r"\b(?:not|no|never|none|neither|nor|without|cannot|nobody|nothing|denied|denies|deny|"
    r"refused|refuses|failed to|fails to|unable)\b|n't\b", re.I)
_MODAL_EN = re.compile(
    r"\b(?:may|might|could|possibly|probably|likely|unlikely|perhaps|reportedly|allegedly|"
    r"expected to|would|plans? to|planned|proposed|potential(?:ly)?|suggests?|if)\b", re.I)
_NEGATION_KO = re.compile(r"않|못|없|아니|(?<![가-힣])안\s|불가|거부|부인|미달|말라|금지")
# "뿐만 아니라" (not only) and "not only" add, they do not negate
_NOT_ONLY = re.compile(r"뿐\s?(?:만\s?)?아니라|\bnot only\b", re.I)
_MODAL_KO = re.compile(
    r"수\s?있|수\s?도|가능성|것으로\s?보|전망|예정|예상|추정된|추정돼|로\s?추정|듯|계획|방침|"
    r"할\s?것|될\s?것|검토|제안|기대|우려|가능")
_CAP_WORD = re.compile(
    r"(?<![A-Za-z0-9-])[A-Z][A-Za-z0-9'’&.-]*[A-Za-z0-9]|(?<![A-Za-z0-9-])[A-Z]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9&.-]*[A-Za-z0-9]|[A-Za-z]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"“‘(]\s*|—\s*|\n\s*)$")
_EN_FUNCTION = frozenset(
    """a an the this that these those it its he she they we i you his her their our my your
    in on at of for by with from to as and or but if when while after before since during
    there here what which who whom whose how why where also about over under more most many
    some any all both each every other such no not than then so yet just even still only
    mr mrs ms dr st""".split())


@dataclass(slots=True)
class Facts:
    """What a text asserts that can be checked word for word."""

    numbers: set[float] = field(default_factory=set)  # every value a figure can be read as
    # each figure as written, with the values it can be read as
    required: list[tuple[str, frozenset[float]]] = field(default_factory=list)
    currencies: set[str] = field(default_factory=set)
    months: set[int] = field(default_factory=set)
    weekdays: set[int] = field(default_factory=set)
    quotes: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # Latin names and Korean proper nouns
    negated: bool = False
    modal: bool = False


def _num(raw: str) -> float:
    return float(raw.replace(",", ""))


def _add(facts: Facts, written: str, values: set[float]) -> None:
    facts.numbers |= values
    facts.required.append((written, frozenset(values)))


def _english_numbers(text: str, facts: Facts) -> None:
    for m in _EN_NUMBER.finditer(text):
        base = _num(m["num"])
        values = {base}
        unit = (m["unit"] or "").lower()
        if unit in _EN_UNITS and not (unit in ("m", "b") and m["cur"] is None):
            values.add(base * _EN_UNITS[unit])  # "5m" alone is metres, "$5m" millions
        cur = m["cur"] or (m["cur2"] or "").lower()
        if cur:
            facts.currencies.add(_CURRENCY[cur])
        _add(facts, m.group(0).strip(), values)
    for m in _WORD_NUMBER.finditer(text):
        word = m.group(1).lower()
        value = _EN_WORDS[word]
        if word in _WEAK_WORDS:
            facts.numbers.add(value)
        else:
            _add(facts, word, {value})
    for word in re.findall(r"\b(dollars?|pounds?|euros?|yen|yuan)\b", text, re.I):
        facts.currencies.add(_CURRENCY[word.lower()])


def _korean_value(written: str) -> float:
    """"4천800만" -> 48,000,000; "18조8,900억" -> 18.89e12; "35만6509" -> 356,509."""
    total = group = 0.0
    current: float | None = None
    for part in _KO_PART.findall(written):
        if part in _KO_SMALL:
            group += (current if current is not None else 1.0) * _KO_SMALL[part]
            current = None
        elif part in _KO_BIG:
            group += current or 0.0
            total += (group or 1.0) * _KO_BIG[part]
            group, current = 0.0, None
        else:
            current = _num(part)
    return total + group + (current or 0.0)


def _korean_numbers(text: str, facts: Facts) -> None:
    for m in _KO_NUMBER.finditer(text):
        written = m.group(0)[: m.start("cur") - m.start()] if m["cur"] else m.group(0)
        parts = _KO_PART.findall(written)
        first = _num(parts[0])
        values = {first} if len(parts) == 1 else {_korean_value(written)}
        cur = (m["cur"] or "").strip()
        if cur == "월" and first.is_integer() and 1 <= first <= 12 and len(values) == 1:
            facts.months.add(int(first))
        elif cur in _CURRENCY:
            facts.currencies.add(_CURRENCY[cur])
        _add(facts, written.strip(), values)
    facts.numbers |= {_KO_NATIVE_VALUE[w] for w in _KO_NATIVE.findall(text)}
    for word in re.findall(r"달러|파운드|유로|위안", text):
        facts.currencies.add(_CURRENCY[word])


def lower_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case: a capital word at a sentence start that the
    article also writes in lower case ("Police", "Critics") is no name."""
    return frozenset(w for w in re.findall(r"\b[a-z][a-z'-]+\b", text))


def _english_names(text: str, common: frozenset[str], heading: bool = False) -> list[str]:
    """Capitalised words that name someone or something; ``heading``: ``text`` is a label,
    whose first word is capitalised whatever it is."""
    names: list[str] = []
    for m in _CAP_WORD.finditer(text):
        if heading and m.start() == 0 and not (m.group(0).isupper() and len(m.group(0)) > 1):
            continue
        word = m.group(0).rstrip(".'’").removesuffix("’s").removesuffix("'s")
        if not word or word.lower() in _EN_FUNCTION or word.lower() in _MONTHS \
                or word.lower() in _DAYS or word.lower() in _EN_WORDS:
            continue
        if _SENTENCE_START.search(text[:m.start()]) and (
                word.lower() in common or re.search(rf"\b{re.escape(word.lower())}\b", text)):
            continue  # a capital that only opens a sentence says nothing about a name
        names.append(word)
    return names


def _korean_names(text: str) -> list[str]:
    # Latin letters after a digit are a unit ("60km", "0.1PF"), a single one a symbol ("X")
    names = [form for form, tag, start, _e in korean.morphs(text)
             if tag == "NNP" or (tag == "SL" and len(form) > 1
                                 and not text[max(0, start - 1):start].strip(" ").isdigit())]
    # Latin words in Korean text are names or acronyms (OpenAI, DOE); Kiwi tags them SL.
    return names or _LATIN_WORD.findall(text)


def quoted(text: str) -> list[str]:
    return [next(g for g in m.groups() if g) for m in _QUOTE.finditer(text)]


def facts_of(text: str, lang: str, common: frozenset[str] = frozenset(),
             heading: bool = False) -> Facts:
    """The checkable facts of ``text`` in language ``lang`` ("en", "ko"); ``common``: words
    known to be no names (see ``lower_words``)."""
    text = unicodedata.normalize("NFC", text)
    facts = Facts()
    if lang == "ko":
        _korean_numbers(text, facts)
        facts.weekdays |= {_KO_DAYS[d] for d in _KO_DAY_RE.findall(text)}
        facts.names = _korean_names(text)
        facts.negated = bool(_NEGATION_KO.search(_NOT_ONLY.sub(" ", text)))
        facts.modal = bool(_MODAL_KO.search(text))
    else:
        # "2.1-kilometre", "40-year-old": the hyphen joins a unit, not a minus sign
        _english_numbers(text.replace("-", " "), facts)
        facts.months |= {_MONTHS[m.lower()] for m in _MONTH_RE.findall(text)}
        if _MAY_DATE.search(text):
            facts.months.add(5)
        facts.weekdays |= {_DAYS[d.lower()] for d in _DAY_RE.findall(text)}
        facts.names = _english_names(text, common, heading)
        facts.negated = bool(_NEGATION_EN.search(_NOT_ONLY.sub(" ", text)))
        facts.modal = bool(_MODAL_EN.search(text))
    facts.quotes = quoted(text)
    return facts

"""Korean figures and key facts the sentence selector weighs (bot.summarize.scoring): the
headline's own figure ("90%", "528건", "1억8000만원", "11명 중 9명") and the facts a news
editor puts in a brief (a fine's amount, an outcome: 체포, 구속, 무산, 사망).

Readers of the Korean blind reads marked briefs down that repeated the lead while a later
sentence carried the figure the headline promised (issue 28, stop 40: ko85 "90%", ko150
"528건", ko148 "1억8000만원"), or that missed the amount or the outcome ("47억원의 누락
보험료", "영장 집행은 실패").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.summarize.lang.ko.facts import value

# A figure: a number with its counter or unit, large amounts written in 조/억/만/천/백/십
# parts ("1억8000만원", "3억 원", "47억원", "3백만원"). Dates and clock times (일, 월, 시) are no
# figure the headline promises: every Korean story tells its day. A four-digit year is left
# out too.
# Longer units before the shorter they open with: "3개월" is no "3개", "2분기" no "2분",
# "4.5%포인트" no "4.5%" (review of stop 41).
UNITS = (
    "%포인트|%p|%|％|포인트|원|달러|엔|위안|유로|명|건|개월|개|대|곳|배|km|㎞|m|t|톤|kg|세|살|채|"
    "가구|마리|회|차례|번|표|석|시간|분기|분|초|년|주|위|층|평|척|그루|장|권|잔|편")
# The pattern opens on the digit, its lookbehind after it: a pattern that opens on a
# lookbehind is tried at every character, one that opens on a digit class only at digits.
# A range is one figure ("3~5명"); a number after a hyphen is part of a phone number or a
# code ("02-123-4567번"), no figure.
FIGURE = re.compile(
    r"(\d(?<![\d.,-]\d)[\d,.]*(?:\s?[~∼]\s?\d[\d,.]*)?(?:\s?[조억만천백십]\s?(?:\d[\d,.]*)?)*)\s?"
    rf"({UNITS})(?![A-Za-z])")
YEAR = re.compile(r"^(?:19|20)\d\d$")
# A yearly series (``background``'s exception): a figure for a past year, then one for this
# year ("2023년 833건, 올해는 7월까지 528건"); not a history that runs to this year ("1995년
# 문을 연 이 식당은 올해로 30년째 …", review of stop 41).
YEARLY_SERIES = re.compile(
    r"(?:19|20)\d\d년(?:에는?|엔)?\s?\d[^올]*올해(?:는|엔|에는|도|만)?,?\s"
    r"(?:\d{1,2}월(?:\s?\d{1,2}일)?(?:까지|말까지|기준)\s)?\d")
# An age in tens ("30대 남성", "60대가 숨졌다") is no counter figure like "경찰차 30대": the two
# cannot be told apart by the figure alone, so a round tens 대 is left out.
AGE = re.compile(r"^[1-9]0$")
# An amount in 조/억/만/천/백/십 is read by the fact checker's reader (``facts.value``: one
# reader, the zero of "3억0천만" was fixed in two, review of stop 46) and written back one way:
# "1억8천만", "1억8000만" and "1.8억" are one figure ("1억8000만").
MAGNITUDE = {"조": 10 ** 12, "억": 10 ** 8, "만": 10 ** 4}
DIGITS = re.compile(r"[\d.]+")
NUMBER = re.compile(r"\d*\.?\d+")  # what float() reads of a part (no "2.0.1", no "3..5")


def _amount(number: str) -> str:
    """``number`` ("1.8억", "1억8천만", "3백만") written one way ("1억8000만", "300만"); a
    range as it is."""
    if "~" in number or "∼" in number or not any(m in number for m in "조억만천백십"):
        return number
    if not all(NUMBER.fullmatch(d) for d in DIGITS.findall(number)):
        return number  # "2.0.1만" is no amount we can add up: kept as written
    rest = round(value(number))
    parts = []
    for mark, size in MAGNITUDE.items():
        if rest >= size:
            parts.append(f"{rest // size}{mark}")
            rest %= size
    return "".join(parts) + (str(rest) if rest or not parts else "")


def figures(text: str) -> frozenset[str]:
    """The figures of ``text``, spaces and thousands commas taken out ("1억 8000만 원" and
    "1억8000만원" are one figure, "1,350만원" and "1350만원" too); years are no figure."""
    out = set()
    for number, unit in FIGURE.findall(text):
        number = number.replace(" ", "").replace(",", "").rstrip(".")
        if (unit == "년" and YEAR.match(number)) or (unit == "대" and AGE.match(number)):
            continue
        out.add(_amount(number) + unit)
    return frozenset(out)


class CandidateFigures:
    """The figures of an article's candidates (``figures``), each read once and only when
    first asked for, and the figures of every candidate before one (``told_fact``'s
    ``earlier``): most candidates tell no key fact (``fact_like``), so most are never read."""

    def __init__(self, candidates: list[str]) -> None:
        self._candidates = candidates
        self._own: dict[int, frozenset[str]] = {}
        self._earlier: list[frozenset[str]] = [frozenset()]  # [k]: candidates 0 .. k-1

    def own(self, k: int) -> frozenset[str]:
        """Candidate ``k``'s figures."""
        if k not in self._own:
            self._own[k] = figures(self._candidates[k])
        return self._own[k]

    def earlier(self, k: int) -> frozenset[str]:
        """The figures of the candidates before ``k``."""
        if k < 0:
            raise IndexError(f"no candidate {k}")
        while len(self._earlier) <= k:
            self._earlier.append(self._earlier[-1] | self.own(len(self._earlier) - 1))
        return self._earlier[k]


# A figure as a number and its unit ("13.6%": "13.6", "%"), for a rounded headline figure. An
# amount in 조/억/만 is written one way first ("3.6억원" is "3억6000만원", ``_amount``), so its
# unit is never the headline's "4억원": money never rounds.
SPLIT = re.compile(r"^(\d+(?:\.\d+)?)(\D.*)$")
# How near a body's decimal must be to the headline's whole number, as a share of it: "13.6%"
# is 14% (3% off); "1.5배" is no "2배" (25%), nor "2.5년" "3년", nor "0.5%" "1%", though
# each rounds half up to it.
ROUNDING_SHARE = 0.05


def rounds_to(written: str, head: str) -> bool:
    """Whether the body's ``written`` figure ("13.6%") is the headline's ``head`` ("14%")
    rounded: the same unit, a whole number in the headline and a decimal in the body that
    rounds (half up) to it and is within ``ROUNDING_SHARE`` of it. Headlines round ("전 국민
    14% 추정" over "약 13.6%", stop 43's read of ko8); a body's whole number never stands for
    another one ("13%" is no "14%")."""
    h, w = SPLIT.match(head), SPLIT.match(written)
    if h is None or w is None or h[2] != w[2] or "." in h[1] or "." not in w[1]:
        return False
    body, headline = float(w[1]), int(h[1])
    return int(body + 0.5) == headline and abs(body - headline) <= ROUNDING_SHARE * headline


def carried(own: frozenset[str], head: frozenset[str],
            written: frozenset[str] = frozenset()) -> frozenset[str]:
    """The headline's figures ``head`` that a sentence's figures ``own`` carry, as written or
    rounded (``rounds_to``); a figure the body writes as the headline does (``written``: the
    body's figures) is carried only as written, by the sentence that writes it."""
    exact = head & own
    if exact == head or not own:
        return exact
    return exact | {h for h in head - exact - written if any(rounds_to(w, h) for w in own)}


def headline_figure(own: frozenset[str], head: frozenset[str],
                    written: frozenset[str] = frozenset()) -> float:
    """The share of the headline's figures ``head`` a sentence carries (``own``: its
    figures), out of at most two
    (one of "11명" and "9명" is half the promise, either of three figures is not all of it).
    ``head`` is the headline's figures the lede lacks (the lede build_pool chooses): a later point
    that says the lede's figure again ("경찰차 5대가 출동" and "경찰차 5대를 동원해") adds
    nothing (a read of the first fit found two such points worse)."""
    if not head or not own:
        return 0.0
    return min(len(carried(own, head, written)), 2) / min(len(head), 2)


# Key facts: an amount of money with what it is (a fine, a loss, what was missed, what was
# paid), or an outcome a story turns on. The outcome words are stems as written in news
# sentences ("체포했다", "구속됐다", "숨졌다", "무산됐다").
AMOUNT = re.compile(r"\d[\d,.]*\s?(?:조|억|만)\s?(?:\d[\d,.]*\s?(?:억|만)\s?)?원")
AMOUNT_KIND = re.compile(
    r"과징금|과태료|벌금|추징|배상|손해|피해|보험료|누락|횡령|배임|편취|가로챈|빼돌|뇌물|"
    r"포상금|보상금|위자료|체납|탈세|부당이득|환수|몰수")
OUTCOME = re.compile(
    r"실패(?:했|로|하|됐)|무산(?:됐|되)|체포(?:했|됐|되)|구속(?:됐|되|했|기소)|선고(?:했|받|됐)|"
    r"무죄|징역\s?\d|벌금형|숨졌|숨진\s|사망했|사망자|목숨을\s잃|결렬(?:됐|되)|부결(?:됐|되)|"
    r"가결(?:됐|되)|기각(?:했|됐)|파면|해임(?:했|됐)|적발(?:했|됐)")
# A counted outcome: a count of people, posts or things with what was done to them ("… 글을
# 올린 4명을 입건해 조사 중", "게시글, 댓글 등 총 125건을 삭제, 차단 조치했다", "핸드폰과
# 태블릿 총 107개를 확보했다"). Issue 28's read of ko270 found our brief gave a lawyer's
# quotation and missed "4명 입건" and "125건 삭제", which no outcome above names. The count
# (digits, a round "2천", "1만2천" or approximate "10여" one, with a counter) stands right
# before its verb, with at most a particle between, so a count another verb owns ("300명이
# 가입한 커뮤니티를 차단했다") is none; the verb ends a clause, done ("했", "됐", "해", "돼",
# "삭제, 차단", "… 조치"), so neither an adnominal ("입건한 바 없다") nor a plea ("구조해
# 달라") counts, nor does one joined by "하고" ("15명을 구조하고 3명을 …"); an age bracket
# ("20대를 검거했다") is no count (review of wt-ko47f), but vehicles after their noun ("차량
# 30대를") or things seized ("20대를 압수했다") are (whole-stop review 47).
# The pattern opens on the count's first digit, so a search skips to the next digit in C; the
# checks of what stands before it and of an age bracket follow it. Opened on the look-behind,
# it was tried at every character: the costliest select/ pattern of a warm Korean brief (stop
# 47, 2.8 µs a call).
VEHICLES = ("차량", "오토바이", "버스", "트럭", "택시", "승용차", "화물차")
COUNTED_OUTCOME = re.compile(
    r"\d(?<![\d,.]\d)(?!(?<=[1-9])"
    + "".join(rf"(?<!{v}\s\d)(?<!{v}\d)" for v in VEHICLES)
    + r"0\s?대(?!(?:을|를|가)?\s(?:압수|확보)))"
    r"[\d,.]*(?:[만천백]\d*)*\s?여?\s?(?:명|건|개|곳|대|척|마리)"
    r"(?:을|를|이|가|은|는|에\s대해)?\s"
    r"(?:입건|삭제|차단|확보|압수|송치|검거|구조|인계|고발|징계)"
    r"(?:했|하였|됐|되었|[해돼](?!\s?(?:달|주))|[하되]고|,|\s?조치)")


# What is no key fact though it reads like one: a prosecutor's request ("징역 30년을
# 구형했다", the court has not spoken) and a prior record ("2010년에도 … 선고받은 전력"); and
# a duration ("50년 만에", "13년 동안", "3개월째") is no new figure of the story (review of
# stop 41: ko138 took "… 징역 30년을 구형했다", the blind read's one OLD win).
NOT_A_FACT = re.compile(r"구형|(?:받은|있는|저지른|처벌된|복역한)\s전력|전력이\s있")
DURATION = re.compile(r"(\d[\d,.]*)\s?(년|개월|주|시간|분)\s?(?:만에|동안|째|간)")


def fact_like(sentence: str) -> bool:
    """Whether ``sentence`` tells an outcome (``OUTCOME``), an amount with what it is
    (``AMOUNT`` near ``AMOUNT_KIND``) or a counted outcome (``COUNTED_OUTCOME``), and no request
    or prior record (``NOT_A_FACT``): the half of ``told_fact`` that reads the sentence alone.
    Asked first, so that the figures of the candidates, which ``new_figure`` needs, are read
    only when some candidate asks."""
    if OUTCOME.search(sentence) is None and not (
            "원" in sentence and AMOUNT.search(sentence) is not None
            and AMOUNT_KIND.search(sentence) is not None) \
            and COUNTED_OUTCOME.search(sentence) is None:
        return False
    # Last, and only where its words are: tried at every character, the pattern costs more
    # than the three above together.
    return not (("구형" in sentence or "전력" in sentence)
                and NOT_A_FACT.search(sentence) is not None)


def new_figure(sentence: str, own: frozenset[str], earlier: frozenset[str]) -> bool:
    """Whether ``sentence`` has a figure of its own (``own``, its figures) that no earlier
    candidate (``earlier``, their figures) carries; a duration is none."""
    if own and DURATION.search(sentence) is not None:
        own = own - {n.replace(",", "") + u for n, u in DURATION.findall(sentence)}
    return bool(own) and not own <= earlier


def told_fact(sentence: str, own: Callable[[], frozenset[str]],
              earlier: Callable[[], frozenset[str]]) -> float:
    """The key fact (feature ``key_fact``): 1.0 where ``sentence`` tells an amount with what it
    is, an outcome or a counted outcome (``fact_like``) with a figure of its own (``own()``, its
    figures) that no earlier candidate carries (``earlier()``, theirs; ``new_figure``), else
    0.0. The figures are asked for only once the sentence is fact-like. The new figure is what
    makes it a fact: a read of the rule without it found the outcome told again ("…
    현행범으로 체포했다" under "… A씨를 현행범으로 체포했다고"), a history ("… 번번이
    무산됐다") or a co-defendant's sentence already told ("징역 1년에 집행유예 2년") taking a
    point."""
    return 1.0 if fact_like(sentence) and new_figure(sentence, own(), earlier()) else 0.0


# Outcomes a headline writes as a noun ("조양은 무죄인데 공범은 집유…왜?", "경호처 간부 구속
# 기소"): an outcome the headline promises and the lede lacks is the headline's fact as much as
# its figure is. Issue 28's read of ko169: the body's sentence 2, "같은 혐의로 기소된 조씨가
# 무죄를 확정받은 것과 대조된다.", the one sentence that tells the headline's 무죄, lost to the
# reason it explains (34 characters, no figure: no key fact, no headline figure); they are the
# keys of ``TELLS_OUTCOME``, one table.
#
# How a sentence tells each outcome: as a verdict, an arrest or a result, not as a claim
# ("무죄를 주장해 왔다"), a demand ("파면을 요구했다"), a warrant ("체포영장", "구속영장을
# 신청할 방침") or a presumption ("무죄 추정의 원칙"), which tell nothing yet (review of
# wt-ko45b: "A씨는 … 줄곧 무죄를 주장해 왔다" took the verdict sentence's credit). The words
# the lede may tell it in instead count too ("…경찰에 붙잡혔다" tells the headline's 체포, "…
# 1명이 숨졌다" its 사망: ko172).
TELLS_OUTCOME = {
    "무죄": r"무죄(?:를|가|로|\s)?\s?(?:선고|확정|판결|받|취지|나왔|났)",
    "유죄": r"유죄(?:를|가|로|\s)?\s?(?:선고|확정|판결|인정|받|취지)",
    "체포": r"체포(?:했|하였|한|해|됐|되었|돼|된)|붙잡|검거",
    "구속": r"구속(?:했|하였|한|해|됐|되었|돼|된|\s?기소|\s?송치|\s?수감)",
    "사망": r"사망(?:했|하였|한|해|\s?사고)|숨지|숨졌|숨진|목숨을\s?잃",
    "무산": r"무산(?:됐|되었|돼|된|시켰)",
    "결렬": r"결렬(?:됐|되었|돼|된)",
    "부결": r"부결(?:됐|되었|돼|된|시켰|했)",
    "가결": r"가결(?:됐|되었|돼|된|시켰|했)",
    "기각": r"기각(?:했|하였|한|됐|되었|돼|된)",
    "파면": r"파면(?:했|하였|한|됐|되었|돼|된|당|\s?처분|을\s?(?:의결|결정|선고))",
    "해임": r"해임(?:했|하였|한|됐|되었|돼|된|당|\s?처분)",
    "적발": r"적발(?:했|하였|한|됐|되었|돼|된)|덜미|붙잡|검거",
}
HEADLINE_OUTCOMES = tuple(TELLS_OUTCOME)
_TELLS = {o: re.compile(p) for o, p in TELLS_OUTCOME.items()}
# A told outcome denied, hoped for, weighed or supposed later in its clause tells none
# ("구속되지 않았다", "무죄 판결을 기대하고 있다", "무죄 선고 가능성", "체포된다면 … 전망이다":
# review of stop 45, where such a sentence took the real verdict's credit). A death count is
# a figure, so "사망자" tells no death ("사망자는 없는 것으로 확인됐다"). Read by
# ``late_outcome`` too.
UNTOLD = re.compile(
    r"[^,.]*?(?:지(?:는|도)?\s?(?:않|못)|기대|가능성|전망|예상|관측|여부|경우|될지|없)")
# A warrant or a demand names an outcome that has not come ("체포영장 청구", "파면 요구"): the
# headline and the lede are read as the body is (``TELLS_OUTCOME``).
_NAMED = {o: re.compile(o + r"(?!\s?(?:영장|요구))") for o in TELLS_OUTCOME}


def outcomes(text: str) -> frozenset[str]:
    """The outcome nouns (``HEADLINE_OUTCOMES``) ``text`` writes, no warrant or demand."""
    return frozenset(o for o in HEADLINE_OUTCOMES if o in text and _NAMED[o].search(text))


def told_outcomes(sentence: str, among: frozenset[str]) -> frozenset[str]:
    """The outcomes of ``among`` that ``sentence`` tells (``TELLS_OUTCOME``), not denied,
    hoped for or weighed (``UNTOLD``)."""
    return frozenset(o for o in among if any(
        UNTOLD.match(sentence, m.end()) is None for m in _TELLS[o].finditer(sentence)))


def lede_tells(lede: str, among: frozenset[str]) -> frozenset[str]:
    """The outcomes of ``among`` the lede writes or tells in other words ("붙잡혔다" for 체포)."""
    return outcomes(lede) & among | told_outcomes(lede, among)


class HeadlineOutcomes:
    """The headline's outcomes the lede lacks, and the candidate that first tells each: the
    outcome the lede leaves to the body is the headline's fact, told once. Like
    ``CandidateFigures``, what the candidates before one tell is kept as a running set that
    grows a candidate at a time: a candidate that tells an outcome no longer reads every
    candidate before it again (review of stop 45: 11)."""

    def __init__(self, headline: frozenset[str], candidates: list[str]) -> None:
        self._headline = headline  # ``outcomes`` of the title
        self._candidates = candidates
        self.lacked: frozenset[str] = frozenset()
        self._earlier: list[frozenset[str]] = [frozenset()]  # [k]: told by 0 .. k-1

    def lede(self, sentence: str) -> None:
        """Read the lede (the first candidate that is no caption, heading or lean-back):
        what it tells is no later candidate's to tell (``lede_tells``)."""
        if self._headline:
            self.lacked = self._headline - lede_tells(sentence, self._headline)

    def earlier(self, k: int) -> frozenset[str]:
        """The headline's outcomes the candidates before ``k`` tell (``told_outcomes``); an
        outcome one of them told is not looked for again."""
        if k < 0:
            raise IndexError(f"no candidate {k}")
        while len(self._earlier) <= k:
            told = self._earlier[-1]
            rest = self._headline - told
            if rest:
                told = told | told_outcomes(self._candidates[len(self._earlier) - 1], rest)
            self._earlier.append(told)
        return self._earlier[k]

    def first_told(self, k: int, sentence: str) -> frozenset[str]:
        """The outcomes the lede lacks that candidate ``k`` (``sentence``) tells as an outcome
        (``told_outcomes``: "무죄를 확정받은", not "무죄를 주장해 왔다" or "체포영장"; and
        ``fact_like``) and no candidate before it tells: a later retelling ("… 출동한 경찰은
        현장에서 A씨를 현행범으로 체포했다" after "… A씨를 현행범으로 체포했다고 2일 밝혔다",
        ko172) took the point of the headline's quoted motive when every teller counted; a
        claim before the verdict blocks it no more."""
        if not self.lacked:
            return self.lacked
        told = told_outcomes(sentence, self.lacked)
        if not told or not fact_like(sentence):
            return frozenset()
        return told - self.earlier(k)


def headline_fact(own: frozenset[str], head: frozenset[str], told: frozenset[str],
                  head_outcomes: frozenset[str], written: frozenset[str] = frozenset()) -> float:
    """``headline_figure``, or, where more, the share of the headline's figures (``head``)
    and the outcomes the lede lacks (``head_outcomes``) together that a sentence carries
    (``own``: its figures) and tells (``told``), out of at most two. Carrying the headline's
    figures is still the whole promise when it has an outcome too (review of wt-ko45b:
    counted together, ko31's "1인당 … 540만원" fell to half); an outcome alone stays half of
    a promise that has a figure (as the whole, ko31's buyers "… 타려다가 적발됐다" took the
    point of the ring's "… 3명을 구속 송치했다")."""
    figure = headline_figure(own, head, written)
    if not head_outcomes or not told & head_outcomes:
        return figure
    got = len(carried(own, head, written)) if head and own else 0
    got += len(told & head_outcomes)
    return max(figure, min(got, 2) / min(len(head) + len(head_outcomes), 2))

"""Korean morphology through Kiwi (kiwipiepy, with the model from kiwipiepy-model): sentence
splitting, nouns and compounds for labels and tags, and whether a clause has a subject of its own.

The analyser takes a second or two and ~100 MB to load, so it is loaded lazily, once per
process, the first time Korean text is seen; an English-only bot never pays for it. Only the
few sentences that need it are analysed (the chosen points, the headline, the candidates whose
opening is in doubt), each once (cached), which keeps a 2,000-character article within a few
milliseconds of analysis. When the package is missing, callers fall back to the particle rules
in ``labels`` and ``tags``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Any

from bot.logs import get_log
from bot.summarize.lang import Analysis, Morph  # (form, tag, start, end) in the analysed text
from bot.summarize.lang.ko import segment as ko_segment
from bot.summarize.lang.ko import select as ko_select
from bot.summarize.lang.ko.words import ADVERBIAL_VERBS, GENERIC, LABEL_NEVER_FIRST
from bot.summarize.lang.registry import LANGUAGES

__all__ = ["GENERIC", "LABEL_NEVER_FIRST"]  # also: the functions below

log = get_log(__name__)

_lock = threading.Lock()
_kiwi: Any = None
_failed = False

_NOUN = frozenset({"NNG", "NNP", "SL", "SH", "SN", "XPN", "XSN", "NR"})
_HEAD_NOUN = frozenset({"NNG", "NNP", "SL", "SH"})
# Between a subject and an adnominal ending, these mean the ending is not its predicate's.
_CLAUSE_BREAK = frozenset({"EC", "JKO", "JKB", "SP"})
OPENING_WORDS = 4


def analyser() -> Any:
    """The shared Kiwi instance, loaded on first use; None when kiwipiepy is unavailable."""
    global _kiwi, _failed
    if _kiwi is not None or _failed:
        return _kiwi
    with _lock:
        if _kiwi is None and not _failed:
            try:
                # Kiwi and its model: only for Korean text
                from kiwipiepy import Kiwi

                _kiwi = Kiwi()
                log.info("korean.analyser_loaded")
            except Exception as exc:  # a missing or broken model must not stop briefing
                _failed = True
                log.warning("korean.analyser_unavailable", error=exc)
    return _kiwi


# Sentence -> its morphemes. A plain bounded dict rather than lru_cache, so that the splitter
# can store the analysis it already made of each sentence (see ``split_line``): the points,
# headline checks and tags then cost no second analysis.
_MORPHS: dict[str, tuple[Morph, ...]] = {}
_MORPHS_SIZE = 1024  # keys are whole sentences: few, large


def _bounded_put(cache: dict[str, Any], key: str, value: Any) -> None:
    """``cache[key] = value``, the oldest entry evicted first when the cache is full: a
    long-running bot stays bounded, and the article being briefed keeps the analyses it just
    made (clearing the whole cache when full dropped them mid-article, to be made again)."""
    if key not in cache and len(cache) >= _MORPHS_SIZE:
        del cache[next(iter(cache))]  # a dict keeps insertion order: the first is the oldest
    cache[key] = value


def _remember(text: str, analysis: tuple[Morph, ...]) -> None:
    _bounded_put(_MORPHS, text, analysis)


# Line -> Kiwi's sentences of it: a feed repeats an item on every poll until it ages out, and
# the same story comes from several feeds; splitting is the one analysis not kept in _MORPHS.
_SPLITS: dict[str, tuple[str, ...]] = {}


# What other modules derive from an analysis and cache with it (``register_cache``).
_DERIVED: list[Callable[[], None]] = []


def register_cache(clear: Callable[[], None]) -> None:
    """Have ``clear_cache`` call ``clear`` too: a cache of what is read from the analyses."""
    _DERIVED.append(clear)


def clear_cache() -> None:
    """Forget every analysis (the bench does this so each timed run analyses afresh)."""
    _MORPHS.clear()
    _SPLITS.clear()
    for clear in _DERIVED:
        clear()


def morphs(text: str) -> tuple[Morph, ...]:
    """Kiwi's morphemes of ``text``; empty when the analyser is unavailable or fails."""
    cached = _MORPHS.get(text)
    if cached is not None:
        return cached
    kiwi = analyser()
    if kiwi is None or not text.strip():
        return ()
    try:
        out = tuple((t.form, t.tag, t.start, t.start + t.len) for t in kiwi.tokenize(text))
    except Exception as exc:
        log.warning("korean.analysis_failed", chars=len(text), error=exc)
        return ()
    _remember(text, out)
    return out


_DATELINE = ko_segment.DATELINE


def story_lines(line: str) -> list[str]:
    """``line`` without its wire dateline and byline; text before a dateline becomes a line of
    its own (a caption or heading there, judged as such), and nothing else changes."""
    if "=" not in line and "기자" not in line and "특파원" not in line:
        return [line]  # nearly every line: no dateline can be in it
    parts = [p.strip() for p in _DATELINE.split(line)]
    return [p for p in parts if p]


def boilerplate(sentence: str) -> bool:
    """Whether a Korean sentence is a copyright notice, a credit, an e-mail byline or a link."""
    return ko_segment.boilerplate(sentence)


# Where rules would have to guess a Korean sentence boundary, Kiwi reads the line: a mark inside
# quotes ("…늘리겠다. 내년에는 …"고 말했다"), a quote closed and glued to its particle
# ("…뿐이다."라고"), a mark after a Latin letter or a digit ("No. 1", "1. 첫째", "U.S. 스틸"),
# an ellipsis. Every other line splits by rule without doubt: a line with no inner mark is one
# sentence or a heading (a line break always ends a sentence), and a plain ending outside quotes
# ("…했다. 정부는", "…했다.그러나") ends a sentence. Analysing every line would cost about
# 25 ms per 2,000 characters, the whole budget for an article.
# A mark that may end a sentence: "!", "?", "…", or a period not between two digits ("3.5").
# The mark comes first and the digit tests after it, so the engine skips to the next mark;
# written as "[!?…]|(?<!\d)\.|\.(?!\d)" it tried each branch at every character (3 times the
# cost, the same marks).
_INNER_MARK = re.compile(r"[.!?…](?:(?<!\d\.)|(?!\d))")
_DOUBTFUL = re.compile(
    r"[.!?…][\"'”’」』]+(?=[가-힣])|[A-Za-z0-9][.!?]+(?=\s|[가-힣])|\.\.|…(?=.)"
)
_LINE_END = "\"'”’)]»」』>.!?… \t"


def _inside_quotes(prefix: str) -> bool:
    return (
        prefix.count("“") > prefix.count("”")
        or prefix.count('"') % 2 == 1
        or prefix.count("‘") > prefix.count("’")
        or prefix.count("「") > prefix.count("」")
        or prefix.count("『") > prefix.count("』")
    )


def needs_splitting(line: str) -> bool:
    """Whether ``line`` may hold several sentences at a boundary rules would have to guess."""
    body = line.rstrip(_LINE_END)
    if _INNER_MARK.search(body) is None:
        return False  # most lines: one scan, no list of marks
    marks = list(_INNER_MARK.finditer(body))
    if _DOUBTFUL.search(body):
        return True
    return any(_inside_quotes(body[: m.start()]) for m in marks)


def split_line(line: str) -> list[str] | None:
    """Kiwi's sentences of one line (``Kiwi.split_into_sents``: it keeps "…했다."고 말했다",
    "No. 1" and "1." list markers with their sentence, and splits "했다.그러나"), each with its
    analysis stored for ``morphs``. None when the analyser is unavailable or its sentences do not
    cover the line exactly, so the caller falls back to its rules and no text is lost."""
    cached = _SPLITS.get(line)
    if cached is not None:
        return list(cached)
    kiwi = analyser()
    if kiwi is None:
        return None
    try:
        found = kiwi.split_into_sents(line, return_tokens=True, return_sub_sents=False)
    except Exception as exc:
        log.warning("korean.split_failed", chars=len(line), error=str(exc))
        return None
    out: list[str] = []
    analyses: list[tuple[Morph, ...]] = []
    for sent in found:
        raw = line[sent.start : sent.end]
        text = raw.strip()
        if not text:
            continue
        base = sent.start + (len(raw) - len(raw.lstrip()))
        out.append(text)
        analyses.append(
            tuple((t.form, t.tag, t.start - base, t.start - base + t.len) for t in sent.tokens)
        )
    if "".join(out).replace(" ", "") != "".join(line.split()):
        log.warning("korean.split_mismatch", chars=len(line))
        return None  # Kiwi dropped or moved text: the rules keep every character
    for text, analysis in zip(out, analyses, strict=True):
        _remember(text, analysis)
    _bounded_put(_SPLITS, line, tuple(out))  # bounded, as _MORPHS
    return out


def available() -> bool:
    return analyser() is not None


def subjectless(sentence: str) -> bool:
    """Whether the sentence ends a main clause (a final ending) with no subject or topic
    anywhere before it: a clause that leans on the sentence before ("…를 운영하며 … '국가
    두뇌'와도 같습니다" — who?). Only 이/가, 께서, the complement 이/가 and the topic 은/는
    count: "도" and "만" mark no subject. A subject inside a quotation reported by the
    sentence is the quoted speaker's, not the sentence's ("“…사고가 났다”고 했다" — who said
    it?; single quotes mark a term, not speech), and a subject (이/가) closed by an adnominal
    ending belongs to a relative clause ("공관이 밀집한 구역이다" — what is?)."""
    ms = morphs(sentence)
    # A quote left open runs on from or into another line ("“연구자들이 … 많습니다" above
    # its speaker's line), and a sentence that is all quotation has no clause outside it:
    # both are read with the quotation's words as the sentence's own.
    if sentence.count("“") == sentence.count("”") and sentence.count('"') % 2 == 0:
        outside = _subjectless(ms, quotes=True)
        if outside is not None:
            return outside
    return bool(_subjectless(ms, quotes=False))


def _subjectless(ms: tuple[Morph, ...], *, quotes: bool) -> bool | None:
    """``subjectless`` over the morphemes, skipping double-quoted words when ``quotes``;
    None when no final ending is outside quotes."""
    depth = 0
    # "김씨도 “…”라고 했다": 도 names the speaker of a quotation the sentence shows. Without
    # one, 도 adds to a list the sentence does not show ("의협 집행부도 직무유기를 했습니다",
    # "수비진도 제 역할을 했다": who else?) and marks no subject.
    # ‘…’고 reports words said too ("김 장관도 ‘검토하겠다’고 말했다"). Asked only at such a
    # 도 (``_shows_speech``): most sentences have none, and this runs on each candidate.
    subjects = 0  # 이/가 subjects not yet closed by a relative clause's ending
    closed = 0  # subjects an adnominal ending closed
    last, noun = "", ""
    fresh = False  # only the subject's own predicate since the last subject
    # The sentence opens on a clause with an object and no subject ("경주역을 출발해 … 개최지가
    # 될 보문관광단지 등을 지난다"): its subject is the main clause's, so a relative clause's
    # subject later ("개최지가 될") does not supply one. An adverbial ("…에 따르면", "공지를
    # 통해") is no such clause: "경찰에 따르면 A씨가 숨진 채 발견됐다" keeps its subject.
    opening: bool | None = None  # None until the first connective ending
    objected, verb, word, end_before = False, "", 0, 0
    objected_later = False  # an object since the opening clause and its last subject
    for i, (form, tag, start, end) in enumerate(ms):
        prev, last = last, tag
        word, end_before = word + (start > end_before), end
        if opening is None:
            if word > OPENING_WORDS:
                opening = False
            elif tag == "JKO":
                objected = True
            elif tag.startswith(("VV", "VA")):
                verb = form
            elif tag == "XSV":
                verb = ms[i - 1][0] + form if i else form  # "포함하": a noun's 하 verb
            elif tag == "EC" and (i + 1 == len(ms) or ms[i + 1][2] > end):
                # a word's last ending: "넘겨진" (넘기 + 어 + 지 + ᆫ) opens no clause
                opening = objected and not subjects and not closed \
                    and verb not in ADVERBIAL_VERBS
        if tag not in ("VCP", "EF"):
            noun = form  # the word before a copula ending
        if quotes and form == '"':
            depth = 0 if depth else 1  # straight quotes open and close alike
        elif quotes and form == "“":
            depth += 1
        elif quotes and form == "”":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif tag == "JX" and form in ("은", "는", "ᆫ"):
            return False
        elif tag == "JX" and form == "도" and quotes and prev in _SPEAKER_NOUN \
                and _shows_speech(ms):
            return False  # "김씨도 “…”라고 했다": 도 names the speaker too
        elif tag in ("JKS", "JKC"):
            subjects, fresh, objected_later = subjects + 1, True, False
        elif tag == "JKO" and opening:
            objected_later = True
        elif tag in _CLAUSE_BREAK:
            fresh = False  # "여자친구가 변호인을 선임하고 본격적인 …": the subject goes on
        elif tag == "ETM" and subjects and fresh:
            if not _reported_fact(ms, i):
                subjects, closed, fresh = subjects - 1, closed + 1, False
        elif tag == "ETM" and opening and objected_later:
            # "사람을 찾아 그가 탄 자동차를 추적하는 기능도 있다": a clause with an object closed
            # by an adnominal ending and no subject of its own carries the opening clause into
            # a relative clause (…찾아 … 추적하는 기능): the opening is no clause of the
            # sentence's subject.
            opening = False
        elif tag == "EF":
            # Only a copula ending ("…한 구역이다") is read as leaning on a relative clause's
            # subject: elsewhere "연구팀이 분석한 결과 …를 제시했다" has it as its own.
            return not subjects and (
                not closed or bool(opening)
                or (prev == "VCP" and noun not in ko_select.REPORTING_NOUNS))
    return None if quotes else False


def _reported_fact(ms: tuple[Morph, ...], at: int) -> bool:
    """Whether the adnominal ending at ``at`` closes a clause the sentence reports as its
    own news: before "것으로" ("A씨가 달아난 것으로 확인됐다") or a reporting noun ("…할
    전망이다"): its subject is the sentence's, not a relative clause's."""
    head = ms[at + 1][0] if at + 1 < len(ms) else ""
    if head in ko_select.REPORTING_NOUNS:
        return True
    return head == "것" and at + 2 < len(ms) and ms[at + 2][0] in ("으로", "로")


_SPEAKER_NOUN = _HEAD_NOUN | {"NNB"}  # what 도 follows when it names a speaker ("김씨도")
_SPEECH_MARKS = ("“", '"', "‘")


def _shows_speech(ms: tuple[Morph, ...]) -> bool:
    """Whether the morphemes hold a mark that opens a quotation of words said."""
    return any(form in _SPEECH_MARKS for form, _, _, _ in ms)


def main_clause_subject(sentence: str, at: int) -> bool:
    """Whether the subject particle (이/가, 께서) at character ``at`` marks the subject of the
    sentence's main clause, not of a relative clause: an adnominal ending before any
    connective or final ending closes it ("대통령 경호처가 벌인 대치 상황은 …": the point is
    about the standoff). False when the analyser is unavailable: a label is then refused."""
    seen = False
    for _, tag, start, _ in morphs(sentence):
        if not seen:
            seen = start >= at and tag in ("JKS", "JKC")
            continue
        if tag == "ETM":
            return False
        if tag in ("EC", "EF"):
            return True
    return False


def noun_phrases(text: str) -> list[tuple[str, list[str]]]:
    """Runs of nouns as written ("미국 에너지부", "슈퍼컴퓨터"), each with its nouns; a run
    ends at any particle, ending, verb or punctuation."""
    ms = morphs(text)
    out: list[tuple[str, list[str]]] = []
    run: list[Morph] = []

    def close() -> None:
        while run and run[-1][1] not in _HEAD_NOUN:
            run.pop()  # a phrase ends on a noun, not on a number or prefix
        while run and run[0][1] in ("XSN", "SN", "NR"):
            run.pop(0)
        if run:
            nouns = [m[0] for m in run if m[1] in _HEAD_NOUN]
            out.append((text[run[0][2] : run[-1][3]], nouns))
        run.clear()

    for m in ms:
        if m[1] in _NOUN:
            run.append(m)
        else:
            close()
    close()
    return out


# What a language's rules may ask of the analyser, handed to them (they sit below this module).
# Each looks the function up when called, so a replaced one (a test's stand-in) is the one used.
ANALYSIS = Analysis(
    available=lambda: available(),
    morphs=lambda text: morphs(text),
    noun_phrases=lambda text: noun_phrases(text),
    main_clause_subject=lambda sentence, at: main_clause_subject(sentence, at),
    story_lines=lambda line: story_lines(line),
    needs_splitting=lambda line: needs_splitting(line),
    split_line=lambda line: split_line(line),
)
for _rules in LANGUAGES.values():
    for _clear in _rules.analysis_caches:
        register_cache(_clear)

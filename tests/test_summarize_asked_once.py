"""Work the summarizer does once per span of an article, not once per stage that asks, and
searches that start where a match can be rather than at every character (issue 26,
summarizer speed): the same output, less work."""

from __future__ import annotations

import dataclasses
import json
import random
import re
from collections import Counter
from functools import partial
from typing import Any

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, segment
from bot.summarize.korean import ANALYSIS
from bot.summarize.lang.en import segment as en_segment
from bot.summarize.lang.en import select as en_select
from bot.summarize.lang.en.segment import quotations as en_quotations
from bot.summarize.lang.en.tagging import mentions
from bot.summarize.lang.ko import segment as ko_segment
from bot.summarize.lang.ko.select import cues as ko_cues
from bot.summarize.lang.ko.select import key_facts as ko_key_facts
from bot.summarize.lang.registry import LANGUAGES
from bot.summarize.text import paragraph_starts, split_paragraphs
from tests.conftest import shared_path

KOREAN = Article(
    title="연구진, 새 배터리 소재 개발",
    text=(
        "국내 연구진이 충전 속도를 두 배로 높인 배터리 소재를 개발했다.\n"
        "연구팀은 새 소재가 영하의 온도에서도 성능을 유지한다고 밝혔다.\n"
        "실험실 전경. /연합뉴스\n"
        "이 소재는 내년부터 전기차에 쓰일 예정이다.\n"
        "연구진은 후속 연구를 이어갈 계획이라고 설명했다."
    ),
    lang="ko",
)


def test_korean_spans_are_judged_not_prose_once_each(monkeypatch: pytest.MonkeyPatch) -> None:
    # The splitter asks each line whether it is a caption, the candidate filter asks each
    # sentence what it is: the same spans, which were judged twice.
    asked: Counter[str] = Counter()
    rules = LANGUAGES["ko"]

    def counted(span: str) -> str | None:
        asked[span] += 1
        return rules.not_prose(span)

    brief = ExtractiveSummarizer().brief(KOREAN)
    monkeypatch.setitem(LANGUAGES, "ko", dataclasses.replace(rules, not_prose=counted))
    assert ExtractiveSummarizer().brief(KOREAN) == brief
    assert asked and max(asked.values()) == 1, asked
    assert len(asked) >= 5  # every line was asked


ENGLISH = Article(
    title="Council backs new bridge",
    text=(
        "The council voted on Monday to build a new bridge over the river.\n\n"
        "Work is expected to start next spring and last two years.\n\n"
        "What happens next\n\n"
        "Residents will be asked for their views at a meeting in March.\n\n"
        "The bridge will carry cyclists and walkers as well as cars.\n"
        "(AP Photo/Jane Doe)\n\n"
        "Officials said the cost would be met from the transport budget."
    ),
)


def test_english_spans_are_judged_not_prose_once_each(monkeypatch: pytest.MonkeyPatch) -> None:
    # The subhead rule asks whether the sentence before a subhead tells something and the
    # caption rule what the lines before a photo credit are: the spans the candidate filter
    # has judged already, which they judged again.
    asked: Counter[str] = Counter()
    first = en_segment.FIRST_NOT_PROSE

    def counted(span: str) -> str | None:
        asked[span] += 1
        return first(span)

    monkeypatch.setattr(en_segment, "FIRST_NOT_PROSE", counted)
    ExtractiveSummarizer().brief(ENGLISH)
    assert asked and max(asked.values()) == 1, asked
    assert "What happens next" in asked and "(AP Photo/Jane Doe)" in asked


def _judged_both_ways(text: str) -> None:
    """The subhead and caption rules give the same indexes reading an article's kinds as
    judging every span themselves."""
    paragraphs = split_paragraphs(text, "en")
    sentences = [s for p in paragraphs for s in p]
    for starts in (paragraph_starts(paragraphs), frozenset()):
        assert segment.subheads(sentences, "en", starts, segment.ProseKinds("en")) == \
            segment.subheads(sentences, "en", starts), text[:80]
        assert segment.captions_in_context(sentences, "en", starts,
                                           segment.ProseKinds("en")) == \
            segment.captions_in_context(sentences, "en", starts), text[:80]


def test_english_rules_read_the_kinds_as_they_judge_them() -> None:
    _judged_both_ways(ENGLISH.text)
    _judged_both_ways("Apple ships a new Mac today. It is fast.\n\nBetter the board\n\n"
                      "Prices start at $999.\nA woman walks past. (AP Photo/Jane Doe)\n"
                      "Sponsored by:\nSquarespace: make your next move.\n")


def test_english_rules_read_the_kinds_as_they_judge_them_on_real_pages() -> None:
    rows = shared_path("articles", "wire_dev.jsonl").read_text(encoding="utf-8").splitlines()
    for row in rows:
        _judged_both_ways(json.loads(row)["text"])


def _before_by_finditer(form: str, body: str) -> list[tuple[str, int]]:
    """English tagging's ``_before`` as it was: one regex tried at every character."""
    pattern = r"(?:\b([\w-]+)\.?\s+)?\b" + re.escape(form) + r"\b"
    return [((m.group(1) or "").lower(), m.end()) for m in re.finditer(pattern, body)]


TRICKY_BEFORE = [
    ("Zhou", "Mr Zhou said. Mr. Zhou, coach  Zhou\tZhou and ex-Zhou Zhou left."),
    ("Smith", "ex-Smith Smith Smith-Jones Smithson Smith"),
    ("Smith", "Smith Smith Smith"),
    ("Smith", "said--Smith (Smith) 'Smith' _Smith Smith_ Smith."),
    ("U.S.", "the U.S. team and U.S.A. and U.S. officials"),
    ("Tara", "Tara, 25, met Tara.\nnurse\u00a0Tara and\u2003Tara"),
    ("Jean Hay", "pensioner Jean Hay, and Jean  Hay, Jean Hay-Smith"),
    ("Zhou", "Zhou"),
    ("Zhou", "no one here"),
]


@pytest.mark.parametrize(("form", "body"), TRICKY_BEFORE)
def test_english_before_finds_what_finditer_found(form: str, body: str) -> None:
    assert list(mentions.before(form, body)) == _before_by_finditer(form, body)


def test_english_before_finds_what_finditer_found_on_random_text() -> None:
    pieces = ["Zhou", "Mr", "Mr.", ".", " ", "  ", "\n", "-", "ex-", "_", "(", "'", "s", "Zhous",
              "coach", ",", "5"]
    rng = random.Random(26)
    for _ in range(3000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        for form in ("Zhou", "Mr Zhou", "Zhou-s"):
            assert list(mentions.before(form, body)) == _before_by_finditer(form, body), body


QUOTED = [
    'Mr Blair said: "It will be a report that\'s brutally frank.',
    "We showed a lack of strength.",
    '"In the second half we had chances," he said.',
    "The 12.9” iPad Pro and my 10.5\" iPad.",
    "“They’ll know not to play like that again.",
    "Nobody answered.",
    "the plan ”a fair deal” for residents",
    'We just really wanted to make a great Duran Duran album," said Taylor.',
]


def test_english_quotation_marks_are_counted_once_per_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The cut-quote rule and the inside-a-quotation rule both read each sentence's marks.
    expected = {i for i, s in enumerate(QUOTED) if en_quotations.cut_quote(s)} | (
        en_quotations.inside_quotations(QUOTED, frozenset({2})))
    counted: Counter[str] = Counter()
    real = en_quotations.quote_marks

    def counting(sentence: str) -> tuple[int, int, int]:
        counted[sentence] += 1
        return real(sentence)

    monkeypatch.setattr(en_quotations, "quote_marks", counting)
    assert en_quotations.cut_quotations(QUOTED, frozenset({2})) == expected
    assert expected and max(counted.values()) == 1, counted


MARKED = [
    "", "plain", "“열었다", "닫았다”", "‘용어’", "책’", '"straight"', "it's", "’", "“”‘’\"",
    "그는 “고 이건희 회장의 …", "이제 우리는 완전히 이겼습니다.”", "‘환자가 없으면 …",
]


def test_korean_broken_quote_pre_check_keeps_its_verdicts() -> None:
    # The quotation-mark pre-check, spelled out, passes every span any() over the marks
    # passed: the verdicts are those the rule gave before it (a span with no mark is whole).
    broken = [i for i, s in enumerate(MARKED) if ko_segment.broken_quote(s)]
    assert broken == [2, 3, 5, 8, 9, 10, 11, 12]


@pytest.mark.parametrize("sentence", [*MARKED, *QUOTED,
                                      "“We will not stop,” he said.", "'Go,' she said."])
def test_english_quote_cue_pre_check_keeps_its_verdicts(sentence: str) -> None:
    of = en_select.cues([sentence], "", lambda feature: True, ANALYSIS)
    quoted = any(q in sentence for q in "\"”’'") and (
        en_select.ATTRIBUTION.search(sentence) is not None)
    assert of(0, sentence, False)[2] == (1.0 if quoted else 0.0)


@pytest.mark.parametrize("span", [
    "www.example.com/page", "https://example.com/a-story", "(AP Photo/Jane Doe)",
    "The council voted on Monday.", "What happens next",
])
def test_the_language_kind_read_from_the_article_kinds_is_the_language_own(span: str) -> None:
    # The shared check calls a bare address a link before the language is asked; a rule of
    # the language's own reads its own verdict, asked again for such a span.
    kinds = segment.ProseKinds("en")
    assert segment.own_kind(kinds, "en")(span) == en_segment.not_prose(span)
    assert segment.own_kind(segment.not_prose, "en")(span) == en_segment.not_prose(span)


def _reads(monkeypatch: pytest.MonkeyPatch, name: str) -> list[str]:
    """The texts every call of ``key_facts.<name>`` reads (its first argument), in order."""
    read: list[str] = []
    real = getattr(ko_key_facts, name)

    def counted(text: str, *rest: Any) -> Any:
        read.append(text)
        return real(text, *rest)

    monkeypatch.setattr(ko_key_facts, name, counted)
    return read


FACTS = [
    "시는 올해 예산 3조원을 편성했다.",
    "경찰은 용의자 2명을 체포했다.",
    "시장은 주민 20명과 만났다.",
    "경찰은 공범 3명을 추가로 체포했다.",
    "검찰은 징역 5년을 구형했다.",
    "행사에는 시민 500명이 모였다.",
]


def test_korean_candidate_figures_are_read_only_where_a_key_fact_asks(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A candidate's figures serve the key fact (against every earlier candidate's) and the
    # headline's figure: with no figure in the headline, those after the last candidate
    # that tells an outcome or an amount are never read (issue 26: every candidate's were).
    figures = ko_key_facts.figures
    read = _reads(monkeypatch, "figures")
    of = ko_cues.cues(FACTS, "시, 새 예산 편성", lambda feature: True, ANALYSIS)
    values = [of(k, s, k == 0)[-1] for k, s in enumerate(FACTS)]
    assert Counter(read) == Counter(["시, 새 예산 편성", *FACTS[:4]])  # each once
    # The values are the key fact's, asked of every candidate with all its figures read.
    earlier: frozenset[str] = frozenset()
    for k, s in enumerate(FACTS):
        assert values[k] == ko_key_facts.told_fact(s, partial(figures, s),
                                                   partial(frozenset, earlier))
        earlier |= figures(s)
    assert values == [0.0, 1.0, 0.0, 1.0, 0.0, 0.0]


TELLERS = [
    "경찰이 도주한 A씨를 쫓고 있다.",
    "경찰은 2일 A씨를 현행범으로 체포했다.",
    "출동한 경찰은 현장에서 A씨를 체포했다.",
    "법원은 A씨를 구속했다.",
    "A씨는 지난달 구속됐다.",
]


def test_korean_outcomes_told_before_a_candidate_are_read_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The outcomes the candidates before a teller tell are a running set: each candidate is
    # read for them once, not again by every later candidate that tells one (review of stop
    # 45: 11). Besides that once, a candidate is read as itself, and the lede as the lede.
    read = _reads(monkeypatch, "told_outcomes")
    of = ko_cues.cues(TELLERS, "도주 A씨 체포…구속 기소", lambda feature: True, ANALYSIS)
    facts = [of(k, s, k == 0)[-1] for k, s in enumerate(TELLERS)]
    assert facts == [0.0, 1.0, 0.0, 1.0, 0.0]  # the first to tell each outcome
    assert Counter(read) == Counter({TELLERS[0]: 3, TELLERS[1]: 2, TELLERS[2]: 2,
                                     TELLERS[3]: 2, TELLERS[4]: 1})

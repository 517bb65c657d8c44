"""The Korean speed rewrites of issue 26 give what the code they replaced gave."""

from __future__ import annotations

import dataclasses
import json
import random
import re
from itertools import chain

import pytest

from bench import ko_news
from bot.summarize.lang import Language
from bot.summarize.lang.ko import segment, select, words
from bot.summarize.lang.ko.select import cues
from bot.summarize.scoring import choose
from tests.conftest import shared_path


def _korean_texts(seed: int, alphabet: str, n: int = 3000) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(n)]


def test_a_sentence_ending_is_found_as_before() -> None:
    # "니다" lost its own branch: its "다" is in the class, and ENDED is only searched for.
    old = re.compile(r"(?:[다요죠까네음함임됨]|니다)[.!?…]*[\"'”’)]*\s*$")
    texts = ["했다.", "합니다.”", "니다", "니", "했다.” ", "했다”.", "하는가?", "했다\n",
             "임)", "다 ", "다가", ""]
    texts += _korean_texts(1, "다요니함가나 .!?…\"'”’)\n")
    for text in texts:
        assert (select.ENDED.search(text) is None) == (old.search(text) is None), text


def _may_carry_by_loop(sentence: str, lemma: str) -> bool:
    """``may_carry`` as it was: each character of the sentence tested in Python."""
    if lemma in sentence:
        return True
    if not lemma.endswith("다") or len(lemma) < 2 or not "가" <= lemma[0] <= "힣":
        return False
    first = ord(lemma[0]) - 0xAC00
    size = 28 if len(lemma) > 2 else 28 * 21
    return any(0 <= ord(c) - 0xAC00 < 11172 and (ord(c) - 0xAC00) // size == first // size
               for c in sentence)


def test_a_lemma_is_thought_possible_where_it_was() -> None:
    rng = random.Random(26)
    # The first and last syllables of each run of code points, and random ones.
    edges = ["가", "갛", "개", "깋", "까", "나", "힣", "힢", "후", "A", "ㄱ", "豆"]
    syllables = edges + [chr(rng.randint(0xAC00, 0xD7A3)) for _ in range(60)]
    lemmas = ["모르다", "오다", "바꾸다", "치다", "열리다", "반납", "다", "A다", "힣다", "가다"]
    lemmas += [f"{s}다" for s in syllables] + [f"{s}르다" for s in syllables]
    texts = syllables + _korean_texts(2, "".join(syllables) + " .")
    for lemma in lemmas:
        for text in texts[:400]:
            assert cues.may_carry(text, lemma) == _may_carry_by_loop(text, lemma), (text, lemma)


def test_the_splitter_asks_the_kind_of_a_line_only_where_it_may_be_a_caption() -> None:
    # Only a line with a credit's slash can be a caption, kept whole; asking the full kind of
    # every other line (a paragraph of several sentences) was work nothing read.
    from bot.summarize.korean import ANALYSIS
    from bot.summarize.lang import Splitting
    from bot.summarize.lang.ko import sentences

    asked: list[str] = []

    def not_prose(span: str, lang: str) -> str | None:
        asked.append(span)
        return segment.not_prose(span)

    splitting = Splitting(not_prose=not_prose, analysis=ANALYSIS)
    prose = "정부가 3일 부동산 대책을 발표했다. 대책은 세 가지다."
    assert sentences.line_sentences(prose, splitting) == [
        "정부가 3일 부동산 대책을 발표했다.", "대책은 세 가지다."]
    assert asked == []
    caption = "서울 서초구 대법원 청사 전경. /뉴스1"
    assert sentences.line_sentences(caption, splitting) == [caption]
    assert asked == [caption]


def test_a_brief_reads_few_days_and_chooses_what_the_fit_chooses(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A brief's pool reads a candidate's day (``date_told``) only when choose() weighs it as
    # leaning back; the fit's pool (bench.fit_selection.prepare) reads every candidate up
    # front, through the same callable. Both choose the same points, and the brief reads far
    # fewer days than there are candidates (reading them all was about 5% of a brief).
    from bench import fit_selection
    from bot.summarize import scoring
    from bot.summarize.extractive import ExtractiveSummarizer, weights_for
    from bot.summarize.text import paragraph_starts, split_paragraphs

    read: list[str] = []
    rules_of = scoring.language

    def counted(code: str) -> Language:
        rules = rules_of(code)
        date_told = rules.date_told
        assert date_told is not None

        def told(sentence: str) -> bool | None:
            read.append(sentence)
            return date_told(sentence)

        return dataclasses.replace(rules, date_told=told)

    monkeypatch.setattr(scoring, "language", counted)
    rng = random.Random(2628)
    subjects = ["경찰은", "김씨는", "시는", "연구팀은", "정부는", "A씨는"]
    days = ["이날", "3일", "당일", "지난 2일", "성탄절", "", "", "오전 2시"]
    acts = ["조사를 시작했다.", "사고 원인을 밝혔다.", "“이날 현장에 갔다”고 말했다.",
            "계획을 발표했다.", "피해 규모를 집계했다.", "대책을 내놨다."]
    objects = ["화재 현장에서", "서울에서", "주민들과", "연구소에서", "", "국회에서"]
    summarizer = ExtractiveSummarizer()
    weights = weights_for("ko")
    candidates = brief_reads = 0
    for _ in range(60):
        lines = [" ".join(" ".join(w for w in (rng.choice(subjects), rng.choice(days),
                                               rng.choice(objects), rng.choice(acts)) if w)
                          for _ in range(rng.randint(1, 4)))
                 for _ in range(rng.randint(2, 5))]
        title = " ".join(rng.sample(["화재", "조사", "서울", "연구", "대책", "사고"], 3))
        text = "\n".join(lines)
        item = fit_selection.prepare({"id": "k", "title": title, "text": text,
                                      "summary": lines[0]}, "ko", summarizer, 3)
        if item.pool is None:
            read.clear()
            continue
        pool = item.pool
        assert sorted(read) == sorted(pool.sentences)  # the fit reads every day, once
        read.clear()
        fit = [pool.sentences[k] for k in choose(pool, weights, 3, item.back.__getitem__)]
        assert read == []  # and chooses with no reading of its own
        paragraphs = split_paragraphs(text, "ko")
        brief = summarizer.select(list(chain.from_iterable(paragraphs)), title, "ko", 3,
                                  starts=paragraph_starts(paragraphs))
        assert brief == fit, (text, fit, brief)
        assert len(read) == len(set(read))  # each candidate's day read once at most
        candidates += len(pool.sentences)
        brief_reads += len(read)
        read.clear()
    assert candidates > 300
    assert brief_reads < candidates / 2, (brief_reads, candidates)


def _figure_list_as_before(sentence: str) -> bool:
    """``words.figure_list`` as it was: the pattern tried on every sentence holding a "("."""
    return "(" in sentence and words.FIGURE_LIST.search(sentence) is not None


def _named_as_before(sentence: str, named: tuple[str, ...]) -> bool:
    """``words.figure_list_named`` as it was: the pattern searched in every sentence."""
    m = words.FIGURE_LIST.search(sentence)
    if m is None:
        return False
    names = [item.group(1) for item in words.ITEM_NAME.finditer(m.group())]
    return any(w in n or n in w or (len(w) >= 3 and w[:-1] in n) for w in named for n in names)


FIGURE_TEXTS = [
    "파주(영하 6도)·춘천(7.5도)·충주(9.6도) 등",
    "더불어민주당(45%), 국민의힘(38%), 정의당(5%)이었다.",
    "배추(53.6%), 무(41.6%)가 올랐다.",
    "박모(38)·김모(30)·이모(41)씨",
    "학생 세명(39%), 교사 두 명(20%), 부모(41%)",
    "(((", "파주(6도)(7도)(8도)", "",
]


def test_a_figure_list_is_found_where_it_was_on_made_up_and_random_text() -> None:
    texts = FIGURE_TEXTS + _korean_texts(3, "파주춘천 (6.5도%)·, 영하명세")
    # Runs of items apart by separators, some of them broken, so lists of three are made often.
    items = ["파주(6도)", "춘천(7.5%)", "충주(영하 9.6도)", "세명(3명)", "A(1원)", "박모(38)",
             "(", "춘천", "7%)", "교사 두 명(20%)", "11명(39%)"]
    seps = [", ", ",", "·", " · ", " ", ""]
    rng = random.Random(39)
    texts += ["".join(rng.choice(items) + rng.choice(seps) for _ in range(rng.randint(0, 6)))
              for _ in range(3000)]
    assert sum(map(_figure_list_as_before, texts)) > 30  # lists are among them
    for text in texts:
        assert words.figure_list(text) == _figure_list_as_before(text), text
        named = ("파주", "민주당")
        assert words.figure_list_named(text, named) == _named_as_before(text, named), text


def test_a_figure_list_is_found_where_it_was_on_the_korean_dev_set() -> None:
    rows = shared_path("summaries", "ko_sci_news_dev.jsonl").read_text(encoding="utf-8")
    texts = [json.loads(line)["text"] for line in rows.splitlines() if line.strip()]
    # The Korean feed snapshots hold the weather and poll lists the pattern is for.
    texts += [a.text for a in ko_news.articles(shared_path("feeds", "real-world-ko"))]
    sentences = [s for text in texts for s in re.split(r"(?<=[.!?])\s+|\n", text)]
    assert len(sentences) > 3000 and any(map(_figure_list_as_before, sentences))
    for sentence in sentences:
        assert words.figure_list(sentence) == _figure_list_as_before(sentence), sentence
        named = ("서울", "연구진")
        assert words.figure_list_named(sentence, named) == _named_as_before(sentence, named)

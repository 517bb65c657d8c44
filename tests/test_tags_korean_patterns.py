"""Korean tagging builds no regular expression from a name (issue 26, Korean summarizer speed):
the patterns around a name are compiled once and matched where the name, found as a literal,
starts or ends. Built per name, each new name cost a compile of a millisecond or more and
crowded re's cache. The tags stay what the per-name patterns gave."""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from bot.summarize.lang.ko import tagging
from bot.summarize.lang.ko import tags as rules
from bot.summarize.lang.ko.tagging import mentions, people
from tests.support.tagging import brief_tags, needs_kiwi

STORIES = [
    # a person named in passing ("김형태(52)씨"): _named_in_passing, _mentions
    ("성산일출봉에 담배꽁초 ‘휙’",
     "제주 성산일출봉 주변에 담배꽁초가 쌓이고 있다고 주민 김형태(52)씨가 말했다. "
     "성산일출봉 관리소는 담배꽁초를 버리면 과태료를 물리기로 했다. 김형태 씨는 매일 "
     "담배꽁초를 줍는다. 제주도는 성산일출봉에 안내판을 더 세운다."),
    # a character of a play ("극 중 순희는", "순희 역을"): _plays_role
    ("연극 ‘엄마의 봄’ 대학로 개막",
     "연극 ‘엄마의 봄’이 대학로에서 막을 올렸다. 극 중 순희는 딸을 잃은 어머니다. 배우 "
     "박정자가 순희 역을 맡았다. 순희는 무대 위에서 딸의 편지를 읽는다. 박정자는 순희 "
     "역할을 위해 석 달을 연습했다."),
    # a source cited for a figure: _only_cited; the headline's subject: _headline_subject
    ("정부, 최저임금 5% 인상 확정",
     "최저임금이 내년에 5% 오른다. 한국경제연구원에 따르면 최저임금을 받는 노동자는 300만 "
     "명이다. 한국경제연구원의 분석으로는 인상분은 중소기업에 부담이다. 정부는 지원책을 "
     "내놓았다. 정부는 인상을 확정했다."),
    # a person named in full once, then by surname and post: _called_by_surname's posts
    ("관저 앞 지지자 집회 이어져",
     "윤석열 대통령 관저 앞에 3일 지지자들이 모였다. 윤 대통령은 관저에 머물렀다. 지지자들은 "
     "관저 앞에서 밤을 새웠다. 경찰은 관저 주변을 통제했다. 윤 대통령 측은 입장을 내지 "
     "않았다."),
]


class _Recording:
    """The ``re`` module as tagging and its modules see it, noting every pattern given as
    text."""

    def __init__(self) -> None:
        self.patterns: list[str] = []

    def __getattr__(self, name: str) -> Any:
        real = getattr(re, name)
        if name not in ("compile", "search", "match", "fullmatch", "findall", "finditer",
                        "sub", "split"):
            return real

        def noted(pattern: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(pattern, str):
                self.patterns.append(pattern)
            return real(pattern, *args, **kwargs)

        return noted


def _modules_using_re() -> list[ModuleType]:
    """The tagging package and each of its modules that imports ``re``, found by walking the
    package: a module split off later is watched without being named here."""
    modules = [tagging] + [importlib.import_module(f"{tagging.__name__}.{info.name}")
                           for info in pkgutil.iter_modules(tagging.__path__)]
    using = [m for m in modules if vars(m).get("re") is re]
    assert {mentions, people} <= set(using), using
    return using


@needs_kiwi
@pytest.mark.parametrize(("title", "text"), STORIES)
def test_no_pattern_is_built_from_a_name(
    title: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    recording = _Recording()
    for module in _modules_using_re():
        monkeypatch.setattr(module, "re", recording)
    brief_tags(title, text, "ko")
    names = ("김형태", "순희", "박정자", "한국경제연구원", "정부", "성산일출봉", "윤석열")
    built = [p for p in recording.patterns if any(n in p for n in names)]
    assert built == [], built


def _texts(seed: int) -> Iterator[str]:
    """Short strings over the characters the patterns around a name read."""
    alphabet = "김순희씨 역할役을은이극중전前장관교수연구팀(52)에 따르면서,‘“'\".…·가나\n"
    rng = random.Random(seed)
    for _ in range(1000):
        yield "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))


@pytest.mark.parametrize("after", [rules.PLAYED, rules.PLAYED_PART, rules.PRIVATE_PERSON_AFTER,
                                   rules.RESEARCH_LEAD, rules.SUBJECT_AFTER, rules.NAME_POST])
def test_a_pattern_after_a_literal_name_finds_what_the_joined_pattern_finds(after: str) -> None:
    compiled = re.compile(after)
    for name in ("순희", "김", "희희"):
        for text in _texts(len(after)):
            joined = re.compile(re.escape(name) + after)
            assert mentions.followed(name, text, compiled) == (joined.search(text) is not None)
            assert list(mentions.spans(name, text, compiled)) == [
                m.span() for m in joined.finditer(text)], (name, text)
            assert [(at, m.groups()) for at, m in mentions.matches(name, text, compiled)] == [
                (m.start(), m.groups()) for m in joined.finditer(text)], (name, text)


_BEFORE = [(rules.PLAYED_BEFORE, rules.PLAYED_BEFORE_WIDTH, "극 중 "),
           (rules.SUBJECT_BEFORE, rules.SUBJECT_BEFORE_WIDTH, "“")]


@pytest.mark.parametrize(("before", "width", "widest"), _BEFORE)
def test_a_pattern_before_a_literal_name_finds_what_the_joined_pattern_finds(
        before: str, width: int, widest: str) -> None:
    compiled = mentions.before(before, width)
    # The widest match first: a width given too small beside the pattern misses it.
    texts = [f"가나 {widest}순희는", f"{widest}순희", *_texts(len(before))]
    for name in ("순희", "희희"):
        for text in texts:
            joined = re.compile(before + re.escape(name))
            assert mentions.preceded(name, text, compiled) == (joined.search(text) is not None)
    assert mentions.preceded("순희", texts[0], compiled)


def test_tagging_needs_no_private_module_of_re() -> None:
    # re._parser is CPython's own, private (other Pythons lack it or change it): the widths
    # of the patterns before a name are given beside them instead. Everything tagging
    # imports is loaded first, then re._parser barred, then tagging and its modules imported
    # afresh.
    script = (
        "import sys\n"
        "import bot.summarize.lang.ko.tagging\n"
        "sys.modules['re._parser'] = None\n"
        "for name in [m for m in sys.modules if m.startswith('bot.summarize.lang.ko.tagging')]:\n"
        "    del sys.modules[name]\n"
        "import bot.summarize.lang.ko.tagging\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[1], timeout=60)
    assert done.returncode == 0, done.stderr


def test_the_surname_patterns_find_what_a_look_behind_first_finds() -> None:
    for surname in ("김", "이", "박"):
        marked, alone = people._surname_patterns(surname)
        before = re.compile(r"(?<![가-힣])(" + surname + r"[가-힣]{1,3})"
                            + rules.PRIVATE_PERSON_AFTER)
        before_alone = re.compile(r"(?<![가-힣])" + surname + rules.SURNAME_ONLY)
        rng = random.Random(surname)
        for _ in range(2000):
            size = rng.randint(0, 30)
            text = "".join(rng.choice("김이박씨님 (52)세성태가변호사,") for _ in range(size))
            assert marked.findall(text) == before.findall(text), text
            assert alone.findall(text) == before_alone.findall(text), text


def test_people_finds_a_name_through_the_mentions_module(monkeypatch: pytest.MonkeyPatch) -> None:
    # people reads where a name is written through ``mentions.x``, as the package does: what
    # is patched (or changed) there is what every module of the package uses.
    asked: list[str] = []
    real = mentions.followed

    def noted(name: str, text: str, after: re.Pattern[str]) -> bool:
        asked.append(name)
        return real(name, text, after)

    monkeypatch.setattr(mentions, "followed", noted)
    assert people.plays_role("순희", STORIES[1][1])
    assert asked == ["순희"], asked

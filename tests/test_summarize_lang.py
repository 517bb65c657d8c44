"""The summarizer's rules are per-language data: each language is a package of the same modules
in bot/summarize/lang/, the rules import nothing of the summarizer above them, and the shared
code reads a text only with its own language's rules, so an English change cannot move Korean."""

from __future__ import annotations

import ast
import pkgutil
from pathlib import Path
from typing import Any

import pytest

from bot.summarize import facts, tags
from bot.summarize.lang.en import facts as en_facts
from bot.summarize.lang.en import tagging as en_tagging
from bot.summarize.lang.ko import facts as ko_facts
from bot.summarize.lang.ko import tagging as ko_tagging
from tests.conftest import REPO

LANG = REPO / "bot" / "summarize" / "lang"
KOREAN = ("서울시는 3월 15일 월요일 지하철 요금을 1천400원에서 1천550원으로 올리지 않기로 했다. "
          "서울시 교통국은 요금 동결로 3천억원의 적자가 날 수 있다고 밝혔다.")
ENGLISH = ("Acme Corp said on Monday it would not raise prices in March, and Acme Corp expects "
           "a $300m loss. Jane Smith, who runs Acme Corp, said the plan was final.")


def _modules(code: str) -> set[str]:
    return {m.name for m in pkgutil.iter_modules([str(LANG / code)])}


def test_every_language_has_the_same_modules() -> None:
    # a new language is a new package of the same tables
    assert _modules("en") == _modules("ko")
    assert {"facts", "negation", "sentences", "segment", "select", "tags", "tagging"} \
        <= _modules("en")


def test_the_rules_import_nothing_of_the_summarizer_above_them() -> None:
    # the rules sit below the code that reads them (Kiwi is handed in, never imported)
    upward = []
    for path in sorted(LANG.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            module = node.module or "" if isinstance(node, ast.ImportFrom) else ""
            if module.startswith("bot.summarize") and not module.startswith("bot.summarize.lang"):
                upward.append(f"{Path(path).relative_to(REPO)}: {module}")
    assert upward == []


def _broken(*_args: Any, **_kwargs: Any) -> Any:
    raise AssertionError("another language's rules were read")


@pytest.mark.parametrize(("text", "lang", "other"), [
    (KOREAN, "ko", (en_facts, en_tagging)),
    (ENGLISH, "en", (ko_facts, ko_tagging)),
])
def test_a_text_is_read_by_its_own_languages_rules_only(
        monkeypatch: pytest.MonkeyPatch, text: str, lang: str, other: tuple[Any, Any]) -> None:
    before = (facts.facts_of(text, lang), tags.extract_keywords("", [text], lang, 5))
    other_facts, other_tagging = other
    monkeypatch.setattr(other_facts, "read", _broken)
    monkeypatch.setattr(other_tagging, "tags", _broken)
    after = (facts.facts_of(text, lang), tags.extract_keywords("", [text], lang, 5))
    assert after == before
    assert before[0].numbers and before[0].negated  # the rules did read something

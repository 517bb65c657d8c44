"""The summarizer's rules are per-language data: each language is a package of the same modules
in bot/summarize/lang/, the rules import nothing of the summarizer above them, and the shared
code reads a text only with its own language's rules, so an English change cannot move Korean."""

from __future__ import annotations

import ast
import pkgutil
import re
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


SHARED = REPO / "bot" / "summarize"
# A language code written out: "ko", "en", "zh-hant"
_CODE = re.compile(r"[a-z]{2,3}(?:-[a-z]{2,4})?")


def _a_code(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and _CODE.fullmatch(node.value) is not None
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return any(map(_a_code, node.elts))
    return False


def _a_language(node: ast.expr) -> bool:
    """A name that holds a language code: ``lang``, ``cited_lang``, ``article.lang``, ``code``."""
    name = node.id if isinstance(node, ast.Name) else (
        node.attr if isinstance(node, ast.Attribute) else "")
    return name.endswith("lang") or name == "code"


def _code_comparisons(source: str) -> list[int]:
    """The lines of ``source`` that compare a language code to a code written out."""
    return [node.lineno for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Compare)
            and any(map(_a_language, [node.left, *node.comparators]))
            and any(map(_a_code, [node.left, *node.comparators]))]


def test_the_check_finds_a_branch_on_a_language() -> None:
    assert _code_comparisons('if lang == "ko":\n    pass') == [1]
    assert _code_comparisons('x = article.lang != "en"') == [1]
    assert _code_comparisons('ok = lang in ("ja", "zh")') == [1]
    assert _code_comparisons("ok = rules.impersonal_leads and lang == other_lang") == []


def test_no_shared_summarizer_module_branches_on_a_languages_name() -> None:
    # What one language does differently is its package's (read through its Language record),
    # so a new language needs no edit of the shared modules.
    found = [f"{path.relative_to(REPO)}:{line}"
             for path in sorted(SHARED.glob("*.py"))
             for line in _code_comparisons(path.read_text(encoding="utf-8"))]
    assert found == []

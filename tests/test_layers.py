"""The layers hold, checked by import-linter's contracts in pyproject.toml (as ``make lint``
runs them), and the check has teeth: an import that points up a layer, even one hidden inside a
function, breaks it."""

from __future__ import annotations

import ast
import os
import pkgutil
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.conftest import REPO

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the packages under ``root``, with ``root``'s pyproject.toml."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)


def copy_of_the_code(tmp_path: Path) -> Path:
    for package in ("bot", "adapters"):
        shutil.copytree(REPO / package, tmp_path / package,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_layer_contracts_hold() -> None:
    done = lint_imports(REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "BROKEN" not in done.stdout


def test_an_upward_import_breaks_them(tmp_path: Path) -> None:
    root = copy_of_the_code(tmp_path)
    models = root / "bot" / "models.py"
    # hidden inside a function, as the 69 that hid the old cycle were: still a dependency
    models.write_text(models.read_text() + "\n\ndef _app() -> object:\n"
                      "    from bot.app import App\n\n    return App\n")
    done = lint_imports(root)
    assert done.returncode != 0
    assert "bot.models is not allowed to import bot.app" in done.stdout, done.stdout


def test_an_adapter_importing_another_breaks_them(tmp_path: Path) -> None:
    root = copy_of_the_code(tmp_path)
    probe = root / "adapters" / "slack_probe.py"
    probe.write_text(probe.read_text() + "\nfrom adapters.discord_probe import API_BASE  # noqa\n")
    done = lint_imports(root)
    assert done.returncode != 0
    assert "slack imports no other platform BROKEN" in done.stdout, done.stdout


def test_every_adapter_module_belongs_to_one_platform() -> None:
    # the independence contracts list each platform's modules: a new one must be listed
    contracts = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["importlinter"]
    groups = [set(c["source_modules"]) for c in contracts["contracts"]
              if c["id"].startswith("adapters-")]
    listed = set().union(*groups)
    assert sum(len(group) for group in groups) == len(listed)  # no module in two platforms
    present = {f"adapters.{m.name}" for m in pkgutil.iter_modules([str(REPO / "adapters")])}
    assert present == listed


def _contract_layers() -> list[set[str]]:
    contracts = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["importlinter"]
    layers = next(c["layers"] for c in contracts["contracts"] if c["id"] == "layers")
    return [{name.strip() for name in layer.split("|")} for layer in layers]


def test_every_module_of_bot_has_a_layer() -> None:
    # a module in no layer may import anything: an upward import from it would pass unseen
    present = {f"bot.{m.name}" for m in pkgutil.iter_modules([str(REPO / "bot")])}
    assert present - set().union(*_contract_layers()) == set()


def test_the_design_doc_shows_the_layers_the_contract_states() -> None:
    # docs/DESIGN.md draws the layers top to bottom, siblings joined by "|": the same list
    design = (REPO / "docs" / "DESIGN.md").read_text()
    drawn = [{name.strip() for name in match.group(1).split("|")}
             for match in re.finditer(r"^ (bot\.\w+(?: \| bot\.\w+)*)\s", design, re.M)]
    assert drawn == _contract_layers()


def test_type_checking_imports_of_the_code_say_why() -> None:
    # a TYPE_CHECKING import of a bot module is still a dependency (the layer check counts it);
    # one is kept only for the types of a module that loads a heavy library late, and says so
    silent = []
    for path in sorted([*(REPO / "bot").rglob("*.py"), *(REPO / "adapters").rglob("*.py")]):
        source = path.read_text()
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test) \
                    and "#" not in lines[node.lineno - 1]:
                silent += [f"{path.relative_to(REPO)}:{sub.lineno}" for sub in ast.walk(node)
                           if isinstance(sub, ast.ImportFrom)
                           and (sub.module or "").split(".")[0] in ("bot", "adapters")]
    assert silent == []


def _silent_function_imports(source: str) -> list[int]:
    """Lines of import blocks inside functions with no comment on them or on the line above."""
    lines = source.splitlines()
    silent = []
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            for body in (getattr(node, "body", None), getattr(node, "orelse", None),
                         getattr(node, "finalbody", None)):
                if not isinstance(body, list):
                    continue
                for index, statement in enumerate(body):
                    if not isinstance(statement, ast.Import | ast.ImportFrom) or (
                            index and isinstance(body[index - 1], ast.Import | ast.ImportFrom)):
                        continue  # not the first import of a block
                    end = index
                    while end + 1 < len(body) and isinstance(body[end + 1],
                                                             ast.Import | ast.ImportFrom):
                        end += 1
                    block = lines[statement.lineno - 2:body[end].end_lineno or statement.lineno]
                    if not any("#" in line for line in block):
                        silent.append(statement.lineno)
    return sorted(set(silent))


def test_imports_inside_functions_say_why() -> None:
    # only a heavy library loaded late (numpy, alembic, httpx, the CLI's whole bot) is imported
    # inside a function, and the comment says which and when
    silent = []
    for path in sorted([*(REPO / "bot").rglob("*.py"), *(REPO / "adapters").rglob("*.py")]):
        if "migrations" not in path.parts:
            silent += [f"{path.relative_to(REPO)}:{line}"
                       for line in _silent_function_imports(path.read_text())]
    assert silent == []


def test_the_function_import_scan_sees_a_silent_one() -> None:
    sample = ("def f():\n    import numpy\n\n\ndef g():\n    # numpy: only here\n"
              "    import numpy\n    import re\n")
    assert _silent_function_imports(sample) == [2]


def test_no_test_module_imports_another() -> None:
    # what tests share is importable code in tests/support/, not another test module
    borrowed = []
    for path in sorted((REPO / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            borrowed += [f"{path.relative_to(REPO)}: {name}" for name in names
                         if name.startswith("tests.test_")]
    assert borrowed == []

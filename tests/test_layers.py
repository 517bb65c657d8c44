"""The layers hold, checked by import-linter's contracts in pyproject.toml (as ``make lint``
runs them), and the check has teeth: an import that points up a layer, even one hidden inside a
function, breaks it."""

from __future__ import annotations

import ast
import importlib.util
import io
import json
import os
import pkgutil
import re
import shutil
import subprocess
import sys
import tokenize
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


PRAGMA = re.compile(r"#\s*(noqa\b|type:\s*ignore|pragma:|fmt:|pyright:)")


def _reasons(source: str) -> set[int]:
    """Lines holding a comment that can say why: a real comment token (not a "#" inside a
    string), and not only a linter pragma (``# noqa``, ``# type: ignore``)."""
    lines = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT and PRAGMA.match(token.string) is None:
            lines.add(token.start[0])
    return lines


def _silent_function_imports(source: str) -> list[int]:
    """Lines of imports inside functions with no comment saying why on their own line or the
    line above; an import right after another shares that one's comment (one block, one
    reason)."""
    reasons = _reasons(source)
    silent = []
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            for body in (getattr(node, "body", None), getattr(node, "orelse", None),
                         getattr(node, "finalbody", None)):
                if not isinstance(body, list):
                    continue
                said = False  # whether the import block this statement continues says why
                for index, statement in enumerate(body):
                    if not isinstance(statement, ast.Import | ast.ImportFrom):
                        continue
                    continues = index > 0 and isinstance(body[index - 1],
                                                         ast.Import | ast.ImportFrom)
                    own = range(statement.lineno - 1, (statement.end_lineno or 0) + 1)
                    said = any(line in reasons for line in own) or (continues and said)
                    if not said:
                        silent.append(statement.lineno)
    return sorted(set(silent))


def test_imports_inside_functions_say_why() -> None:
    # only a heavy or optional library loaded late (numpy, alembic, httpx, Babel, the CLI's
    # whole bot kept out of --help) is imported inside a function, and the comment says which
    # and when; a light module is imported at the top
    silent = []
    for path in sorted([*(REPO / "bot").rglob("*.py"), *(REPO / "adapters").rglob("*.py")]):
        silent += [f"{path.relative_to(REPO)}:{line}"
                   for line in _silent_function_imports(path.read_text())]
    assert silent == []


def test_the_function_import_scan_sees_a_silent_one() -> None:
    sample = ("def f():\n    import numpy\n\n\ndef g():\n    # numpy: only here\n"
              "    import numpy\n    import re\n")
    assert _silent_function_imports(sample) == [2]


def test_a_pragma_a_string_or_a_later_comment_is_no_reason() -> None:
    pragma = "def f():\n    import numpy  # noqa: F401\n"
    in_a_string = "def f():\n    x = '#'\n    import numpy\n"
    below = "def f():\n    import numpy\n    import re  # numpy: only here\n"
    apart = "def f():\n    # numpy: only here\n\n    import numpy\n"
    after_code = "def f():\n    # numpy: only here\n    import numpy\n    x = 1\n    import re\n"
    assert [_silent_function_imports(sample) for sample in
            (pragma, in_a_string, below, apart, after_code)] == [[2], [3], [2], [4], [5]]
    nested = "def f():\n    if x:\n        # re2: only for patterns\n        import re2\n"
    assert _silent_function_imports(nested) == []


HELP_LOADS = """
import json, sys
from bot.cli.main import main
main(["--help"])
print(json.dumps(sorted(sys.modules)))
"""


def _deferred_by_the_cli() -> list[tuple[str, int, list[str]]]:
    """(file, line, modules) of each import inside a function of bot/cli: the modules it may
    load (``from bot.delivery import registry`` may load ``bot.delivery.registry``)."""
    found = []
    for path in sorted((REPO / "bot" / "cli").glob("*.py")):
        for function in ast.walk(ast.parse(path.read_text())):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    modules = [node.module] + [f"{node.module}.{alias.name}"
                                               for alias in node.names
                                               if importlib.util.find_spec(node.module)
                                               and _is_module(f"{node.module}.{alias.name}")]
                else:
                    continue
                found.append((path.name, node.lineno, modules))
    return found


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def test_the_cli_defers_only_what_help_does_not_load() -> None:
    # the CLI imports its commands' modules inside them to keep --help light; one that --help
    # loads anyway defers nothing and belongs at the top, where the reader sees it
    done = subprocess.run([sys.executable, "-c", HELP_LOADS], cwd=REPO, capture_output=True,
                          text=True, timeout=120, check=True)
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    pointless = [f"bot/cli/{name}:{line}" for name, line, modules in _deferred_by_the_cli()
                 if all(module in loaded for module in modules)]
    assert pointless == []


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

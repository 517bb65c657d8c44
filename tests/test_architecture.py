"""The architecture holds: the core loads no platform SDK and reaches adapters only through the
registry, and the PostgreSQL pass is chosen by a test's fixtures."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO

SDKS = ("discord", "slack_sdk", "slack_bolt")


def test_core_modules_import_no_platform_sdk() -> None:
    # A fresh interpreter: this test process has long since imported the adapters' SDKs.
    probe = ("import json, sys\n"
             "import bot.app, bot.cli, bot.runner  # noqa: F401\n"
             f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {SDKS!r})))\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True,
                          text=True, check=True, timeout=120)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_postgresql_pass_is_chosen_by_fixture() -> None:
    from tests.conftest import PASS_FIXTURE, runs_on_postgresql

    class Item:  # the two things the selection reads of a collected test
        def __init__(self, fixtures: list[str], marker: object = None) -> None:
            self.fixturenames = fixtures
            self.marker = marker

        def get_closest_marker(self, name: str) -> object:
            return self.marker

    assert runs_on_postgresql(Item(["tmp_path", PASS_FIXTURE]))  # type: ignore[arg-type]
    assert not runs_on_postgresql(Item(["tmp_path"]))  # type: ignore[arg-type]
    assert not runs_on_postgresql(Item([PASS_FIXTURE], marker="sqlite_only"))  # type: ignore[arg-type]


def test_modules_taking_the_pass_database_run_in_the_postgresql_pass() -> None:
    # A module that builds its Database from `database_url` stores, so it must depend on the
    # pass fixture, or the PostgreSQL pass silently skips it.
    import ast

    from tests.conftest import PASS_FIXTURE

    missing = []
    for path in sorted((REPO / "tests").glob("test_*.py")):
        tree = ast.parse(path.read_text())
        takes = any(isinstance(node, ast.ImportFrom) and node.module == "tests.support.dbs"
                    and any(alias.name == "database_url" for alias in node.names)
                    for node in tree.body)
        if takes and PASS_FIXTURE not in path.read_text():
            missing.append(path.name)
    assert missing == []

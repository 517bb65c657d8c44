"""The architecture holds: the core loads no platform SDK and reaches adapters only through the
registry, and the PostgreSQL pass is chosen by a test's fixtures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

SDKS = ("discord", "slack_sdk", "slack_bolt")


def test_core_modules_import_no_platform_sdk() -> None:
    # A fresh interpreter: this test process has long since imported the adapters' SDKs.
    probe = ("import json, sys\n"
             "import bot.app, bot.cli.main, bot.runner  # noqa: F401\n"
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


REGISTRY_DOOR = "bot/delivery/registry.py"  # the one core module that may look adapters up


def _adapter_imports(path: str, source: str) -> list[str]:
    """Every way ``source`` reaches the adapters package: import statements and
    ``import_module("adapters…")`` calls with a literal or f-string name."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [f"{path}:{node.lineno} import {a.name}" for a in node.names
                      if a.name.split(".")[0] == "adapters"]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "adapters":
            found.append(f"{path}:{node.lineno} from {node.module}")
        elif isinstance(node, ast.Call) and node.args and (
                getattr(node.func, "attr", None) == "import_module"
                or getattr(node.func, "id", None) in ("import_module", "__import__")):
            first = node.args[0]
            text = first.value if isinstance(first, ast.Constant) else ast.unparse(first)
            if "adapters" in str(text):
                found.append(f"{path}:{node.lineno} import_module({text})")
    return found


def test_core_reaches_adapters_only_through_the_registry() -> None:
    reached = []
    for path in sorted((REPO / "bot").rglob("*.py")):
        relative = path.relative_to(REPO).as_posix()
        found = _adapter_imports(relative, path.read_text())
        if relative == REGISTRY_DOOR:
            # the door itself: the package's table, nothing deeper
            assert [one.split(" ", 1)[1] for one in found] == ["import_module(adapters)"]
        else:
            reached += found
    assert reached == []


def test_the_scan_sees_every_way_in() -> None:
    # the scan would have caught the old core: a submodule import, an f-string, a from-import
    sample = ("import importlib\nimport adapters.console\nfrom adapters import ADAPTERS\n"
              "importlib.import_module(f'adapters.{name}.render')\n")
    assert len(_adapter_imports("x.py", sample)) == 3


def test_registry_names_match_adapter_modules() -> None:
    # each line of the table names modules that exist and a builder the core can call
    import importlib.util

    from bot.delivery import registry as platforms
    from bot.delivery.settings import Section

    for entry in platforms.registry():
        for module in filter(None, (entry.module, entry.probe_module, entry.render_module)):
            assert importlib.util.find_spec(module) is not None, module
        assert callable(entry.load().build), entry.name
        if entry.settings is not None:  # its section: a Section model that exists
            model = entry.settings_model()
            assert model is not None and issubclass(model, Section), entry.name


# The container health check reads Slack's listener setting by its key; bot/config.py names no
# platform (each adapter owns its section), everywhere else a platform is the registry's.
CONFIG_MODULES = {"bot/healthcheck.py"}


def _platform_strings(source: str, names: set[str]) -> list[tuple[int, str]]:
    """String constants naming a platform, except docstrings and user-facing help text
    (click ``help=``/``epilog=`` and ``_example(...)``), which may show real refs."""
    import ast

    tree = ast.parse(source)
    prose: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            prose.add(id(body[0].value))
        if isinstance(node, ast.Call):
            helper = getattr(node.func, "id", None) == "_example"
            for sub in [*node.args] if helper else []:
                prose.update(id(n) for n in ast.walk(sub))
            for keyword in node.keywords:
                if keyword.arg in ("help", "epilog"):
                    prose.update(id(n) for n in ast.walk(keyword.value))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in prose and any(name in node.value.lower() for name in names)]


def test_core_code_names_no_platform() -> None:
    from bot.delivery import registry as platforms

    # the platforms that bring an SDK; console and webhook are the core's own words too
    sdk_backed = {entry.name for entry in platforms.registry()
                  if entry.loggers or entry.render_module}
    assert {"discord", "slack"} <= sdk_backed
    named = []
    for path in sorted((REPO / "bot").rglob("*.py")):
        relative = path.relative_to(REPO).as_posix()
        if relative not in CONFIG_MODULES:
            named += [(relative, line, text)
                      for line, text in _platform_strings(path.read_text(), sdk_backed)]
    assert named == []


def test_the_name_scan_sees_code_strings() -> None:
    sample = ('"""Posts to Slack."""\nimport click\n'
              '@click.option("--f", help="e.g. slack:T1/C1")\ndef f():\n'
              '    if name == "slack":\n        pass\n')
    assert _platform_strings(sample, {"slack"}) == [(5, "slack")]


@pytest.mark.usefixtures("pass_database")  # it stores: both backends
async def test_a_new_adapter_is_one_module_and_one_registry_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import adapters
    from bot.app import App
    from bot.config import DestinationSettings, Secrets, Settings, SubscriptionSettings
    from bot.delivery.registry import AdapterSpec
    from bot.runner import Runner
    from tests.support.chat_adapter import ChatAdapter

    line = AdapterSpec("chat", "tests.support.chat_adapter", "chat:<room>",
                       secrets=("CHAT_TOKEN",), reads_secrets=("CHAT_TOKEN",))
    monkeypatch.setattr(adapters, "ADAPTERS", (*adapters.ADAPTERS, line))
    monkeypatch.setenv("CHAT_TOKEN", "chat-secret")

    dest = DestinationSettings(ref="chat:lobby", subscriptions=[SubscriptionSettings()])
    settings = Settings(data_dir=tmp_path, destinations=[dest])
    secrets = Secrets.from_env()
    assert secrets.get("CHAT_TOKEN") == "chat-secret"  # its secret is read (and redacted)
    app = await App.create(settings, secrets)
    try:
        assert list(app.adapters) == ["chat"]  # wanted by its destination, no console fallback
        chat = app.adapters["chat"]
        assert isinstance(chat, ChatAdapter) and chat.token == "chat-secret"
        runner = Runner(app, app.commands)
        assert runner.gateway == ("chat", chat)  # found by its shape, not by its name
        assert runner.gateway_lock.name == "newsbrief:chat-gateway"
    finally:
        await app.close()
    with pytest.raises(ValueError, match="chat:<room>"):  # the config error lists it too
        DestinationSettings(ref="irc:#news")


# bot/store/ owns the SQL (issue 14.2): no module outside it builds a query.
SQL_BUILDERS = {"select", "insert", "update", "delete", "text"}


def _sql_built(path: str, source: str) -> list[str]:
    """Where ``source`` builds SQL: sqlalchemy's statement builders or the store's tables
    imported, or a connection's ``execute``/``exec_driver_sql`` called."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "sqlalchemy":
            found += [f"{path}:{node.lineno} from {node.module} import {a.name}"
                      for a in node.names if a.name in SQL_BUILDERS]
        elif isinstance(node, ast.ImportFrom) and (
                node.module == "bot.store.schema"
                or (node.module == "bot.store" and any(a.name == "schema" for a in node.names))):
            found.append(f"{path}:{node.lineno} the store's tables")
        elif isinstance(node, ast.Import):
            found += [f"{path}:{node.lineno} import {a.name}" for a in node.names
                      if a.name == "sqlalchemy"]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in ("execute", "exec_driver_sql"):
            found.append(f"{path}:{node.lineno} .{node.func.attr}(…)")
    return found


def test_only_the_store_builds_sql() -> None:
    built = []
    for path in sorted((REPO / "bot").rglob("*.py")):
        relative = path.relative_to(REPO).as_posix()
        if relative.startswith(("bot/store/", "bot/migrations/")):
            continue
        built += _sql_built(relative, path.read_text())
    assert built == []


def test_the_sql_scan_sees_every_way_in() -> None:
    sample = ("import sqlalchemy\nfrom sqlalchemy import select, func\n"
              "from sqlalchemy.dialects.sqlite import insert\n"
              "async def f(conn):\n    await conn.execute(select(func.count()))\n"
              "from sqlalchemy.ext.asyncio import AsyncConnection\n"
              "from bot.store.schema import outbox\nfrom bot.store import feeds, schema\n"
              "from bot.store import briefs\n")
    assert len(_sql_built("x.py", sample)) == 6  # AsyncConnection for a signature is fine


def test_the_pipeline_takes_typed_feed_rows() -> None:
    # issue 14.2: the store returns a frozen FeedRow, so no stage guesses at a feed's columns
    import ast
    import dataclasses
    import typing

    from bot.store.feeds import FeedRow, claim_due
    from bot.store.schema import feeds

    assert FeedRow.__dataclass_params__.frozen
    assert [f.name for f in dataclasses.fields(FeedRow)] == [c.name for c in feeds.columns]
    assert typing.get_type_hints(claim_due)["return"] == list[FeedRow]
    untyped = [f"{node.lineno} {arg.arg}"
               for node in ast.walk(ast.parse((REPO / "bot/pipeline.py").read_text()))
               if isinstance(node, ast.AsyncFunctionDef | ast.FunctionDef)
               for arg in node.args.args
               if arg.arg in ("feed", "row")
               and ast.unparse(arg.annotation or ast.Name()) != "FeedRow"]
    assert untyped == []

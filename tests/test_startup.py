"""Start-up cost: each command imports only what it uses. Which modules a command loaded is
asserted in a fresh interpreter; how long that takes is bench/startup.py's business."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HEAVY = ("sqlalchemy", "pydantic", "pydantic_settings", "trafilatura", "alembic", "httpx",
         "aiohttp", "rich", "feedparser", "discord", "slack_sdk", "slack_bolt")

PROBE = """
import io, json, sys
from bot.cli.main import main
args = json.loads(sys.argv[1])
if len(sys.argv) > 2:
    sys.stdin = io.StringIO(sys.argv[2])
code = main(args)
sys.stdout.flush()
print("\\nLOADED " + json.dumps(sorted(m for m in sys.modules if "." not in m)))
sys.exit(code)
"""


def loaded(args: list[str], cwd: Path, stdin: str | None = None) -> tuple[int, set[str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBRIEF_")}
    env["PYTHONPATH"] = str(REPO)
    result = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args),
                             *([stdin] if stdin is not None else [])],
                            cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    line = [x for x in result.stdout.splitlines() if x.startswith("LOADED ")][-1]
    return result.returncode, set(json.loads(line.removeprefix("LOADED ")))


def test_help_imports_no_heavy_library(tmp_path: Path) -> None:
    for args in (["--help"], ["feeds", "--help"], ["run", "--help"], ["--version"]):
        code, modules = loaded(args, tmp_path)
        assert code == 0
        assert not modules & {*HEAVY, "asyncio"}, (args, modules & {*HEAVY, "asyncio"})


def test_summarize_loads_no_store_no_page_extractor_no_http(tmp_path: Path) -> None:
    line = json.dumps({"id": "1", "title": "Solar", "text": (
        "The council approved solar roofs for all schools. The plan costs 18 million dollars. "
        "Work begins next summer.")})
    code, modules = loaded(["summarize"], tmp_path, stdin=line + "\n")
    assert code == 0
    for name in ("sqlalchemy", "alembic", "trafilatura", "httpx", "aiohttp", "rich"):
        assert name not in modules, name


def test_summarize_with_configured_feeds_loads_no_http(tmp_path: Path) -> None:
    # The configuration's feeds are checked for user:password@ without httpx unless one has "@".
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "newsbrief.yaml").write_text(
        "feeds:\n  - url: https://news.example/rss?token=a@b\n  - url: file:///srv/feed.xml\n",
        encoding="utf-8")
    line = json.dumps({"id": "1", "title": "Solar", "text": "The council approved solar roofs."})
    code, modules = loaded(["summarize"], tmp_path, stdin=line + "\n")
    assert code == 0 and "httpx" not in modules


def test_alembic_loads_only_when_the_database_is_behind(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "newsbrief.yaml").write_text("data_dir: data\n", encoding="utf-8")
    code, first = loaded(["feeds", "list"], tmp_path)  # a new database: migrated
    assert code == 0 and "alembic" in first
    code, second = loaded(["feeds", "list"], tmp_path)  # at head: no migration to run
    assert code == 0 and "alembic" not in second


def test_a_feed_poll_without_full_text_never_imports_trafilatura(tmp_path: Path) -> None:
    sample = REPO / "config" / "samples" / "harbor-gazette.xml"
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "newsbrief.yaml").write_text(
        f"data_dir: data\nsummarizer:\n  full_text: false\nfeeds:\n  - url: {sample.as_uri()}\n",
        encoding="utf-8")
    code, modules = loaded(["run", "--once"], tmp_path)
    assert code == 0
    assert "trafilatura" not in modules

"""CLI start-up benchmark: what a person (or cron) pays before a command does anything.

    python -m bench.startup [--runs 7]

Runs the installed entry point's code (``python -m bot.cli.main``) in a fresh interpreter each
time, as a shell would, and prints the median and best wall and CPU time of:

- ``newsbrief --help``                          target < 0.2 s wall
- ``newsbrief summarize`` of one article        target < 0.4 s wall
- ``newsbrief command "/subscriptions"`` and ``"/brief harbor"``: a chat command from the
  CLI, target < 0.4 s CPU (issue 26), beside two floors: ``--help`` and the libraries every
  command that touches the store must load (Click, the settings' pydantic-settings and YAML,
  SQLAlchemy's async engine with its SQLite dialect, aiosqlite), imported and nothing else: none
  of the bot's own modules, so the gap between the floor and the command is the bot's. The
  engine is the Core half of ``sqlalchemy.ext.asyncio``, loaded as ``bot.store.async_core``
  loads it (the package registered, its ``__init__``, which imports the ORM, not run)
- ``python -c pass``                            the interpreter's own floor, for scale

The article is the first item of config/samples/harbor-gazette.xml (in the repository), so the
figure is reproducible anywhere. Wall time on a shared machine is noisy: the median of several
runs is reported, with user+system CPU beside it (the part this code controls).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGETS = {"--help": 0.2, "summarize": 0.4}
CPU_TARGETS = {"command": 0.4}
# what `newsbrief command` cannot avoid: the libraries of the settings and of the store. Not
# bot.config: the bot's own modules (and what they import) are what the command is measured for.
# SQLAlchemy's asyncio engine as the store loads it: without its package's __init__, whose ORM
# sessions no command uses (bot/store/async_core.py; the floor imports none of the bot)
STORE_LIBRARIES = ("import asyncio, importlib.util, sys, click, yaml, pydantic_settings, "
                   "aiosqlite, sqlalchemy.ext; "
                   "spec = importlib.util.find_spec('sqlalchemy.ext.asyncio'); "
                   "sys.modules[spec.name] = importlib.util.module_from_spec(spec); "
                   "import sqlalchemy.ext.asyncio.engine, sqlalchemy.dialects.sqlite.aiosqlite")


def article() -> str:
    import feedparser

    entry = feedparser.parse((REPO / "config" / "samples" / "harbor-gazette.xml").read_bytes())
    first = entry.entries[0]
    text = first.get("summary") or first.get("description") or ""
    return json.dumps({"id": "1", "title": first.title, "text": text}, ensure_ascii=False)


def child_env(data_dir: str) -> dict[str, str]:
    # bytecode is written and reused as an installed bot's is: with PYTHONDONTWRITEBYTECODE set
    # every run would compile the bot's sources again, a cost no deployment pays
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(REPO), "NEWSBRIEF_DATA_DIR": data_dir,
            "NEWSBRIEF_CONFIG": str(Path(data_dir) / "none.yaml")}


def measure(argv: list[str], stdin: str | None, data_dir: str) -> tuple[float, float]:
    """(wall, cpu) seconds of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(argv, input=stdin, text=True, capture_output=True, check=True, cwd=data_dir,
                   env=child_env(data_dir))
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    cli = [sys.executable, "-m", "bot.cli.main"]
    cases = [
        ("python -c pass", [sys.executable, "-c", "pass"], None),
        ("newsbrief --help", [*cli, "--help"], None),
        ("newsbrief summarize (1 article)", [*cli, "summarize"], article() + "\n"),
        ("floor: settings + store libraries", [sys.executable, "-c", STORE_LIBRARIES], None),
        ("newsbrief command /subscriptions", [*cli, "command", "/subscriptions"], None),
        ("newsbrief command /brief harbor", [*cli, "command", "/brief harbor"], None),
    ]
    print(f"CLI start-up, {args.runs} runs each, {os.cpu_count()} CPUs, load average "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()) + " (figures need a quiet machine)")
    failed = False
    data_dir = tempfile.mkdtemp(prefix="newsbrief-startup-")  # an empty store, default config
    (Path(data_dir) / "none.yaml").write_text("{}\n")
    for name, argv, stdin in cases:
        measure(argv, stdin, data_dir)  # warm the file cache and bytecode (and the store)
        runs = [measure(argv, stdin, data_dir) for _ in range(args.runs)]
        walls = [w for w, _ in runs]
        cpus = [c for _, c in runs]
        target = next((t for key, t in TARGETS.items() if key in name), None)
        verdict = ""
        if target is not None:
            ok = statistics.median(walls) < target
            failed = failed or not ok
            verdict = f"  target < {target:.1f} s: {'ok' if ok else 'MISSED'}"
        cpu_target = next((t for key, t in CPU_TARGETS.items() if key in name), None)
        if cpu_target is not None:
            ok = statistics.median(cpus) < cpu_target
            failed = failed or not ok
            verdict = f"  target < {cpu_target:.1f} s CPU: {'ok' if ok else 'MISSED'}"
        print(f"  {name:<34} wall median {statistics.median(walls):.3f} s "
              f"(best {min(walls):.3f}), cpu median {statistics.median(cpus):.3f} s{verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

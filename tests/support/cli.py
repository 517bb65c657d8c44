"""Running the ``newsbrief`` command in a work folder: ``newsbrief(...)``, the ``workdir`` fixture
and ``write_config``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def newsbrief(*args: str, cwd: Path, env: dict[str, str] | None = None,
              stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBRIEF_")}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "bot.cli.main", *args], cwd=cwd, env=full_env,
                          input=stdin, capture_output=True, text=True, timeout=120)


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "config").mkdir()
    return tmp_path


def write_config(workdir: Path, text: str) -> Path:
    path = workdir / "config" / "newsbrief.yaml"
    path.write_text(text, encoding="utf-8")
    return path

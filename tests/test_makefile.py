"""The Makefile, as `make test` on a fresh machine runs it: the locked dependency set, the lock
verified, and chromium (a 290 MB apt install) skippable. Read with ``make -n`` (nothing runs)
except the opt-out, which runs and must install nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.lock import stale

REPO = Path(__file__).resolve().parent.parent

needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def dry_run(*targets: str, **env: str) -> str:
    """What make would run, with a stamp that says the venv is missing (so install is shown)."""
    done = subprocess.run(["make", "-n", "-B", "-C", str(REPO), *targets], check=True,
                          capture_output=True, text=True, env={**os.environ, **env})
    return done.stdout


@needs_make
def test_make_installs_the_locked_set_and_test_verifies_the_lock() -> None:
    steps = dry_run("test")
    install = next(line for line in steps.splitlines() if "pip install" in line and "-e" in line)
    assert "-c constraints.txt" in install  # the versions the Docker image ships
    assert "scripts/lock.py --check" in steps
    assert steps.index("scripts/lock.py --check") < steps.index("-m pytest")


@needs_make
def test_the_browser_opt_out_installs_nothing_and_says_so() -> None:
    done = subprocess.run(["make", "-s", "-C", str(REPO), "chromium"], capture_output=True,
                          text=True, check=True, env={**os.environ, "NEWSBRIEF_SKIP_BROWSER": "1"})
    assert "browser tests skipped" in done.stdout
    assert "installing" not in done.stdout


def test_the_browser_tests_skip_loudly_when_opted_out() -> None:
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
                           str(REPO / "tests" / "test_dashboard_browser.py")],
                          capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, "NEWSBRIEF_SKIP_BROWSER": "1"})
    assert done.returncode in (0, 5), done.stdout[-2000:]  # 5: every test skipped
    assert "BROWSER TESTS SKIPPED: NEWSBRIEF_SKIP_BROWSER is set" in done.stdout


def test_a_stale_lock_names_the_pins_and_both_fixes() -> None:
    said = stale("# header\nhttpx==0.28.1\nidna==3.10\n", "# header\nhttpx==0.29.0\nidna==3.10\n")
    assert "locked    httpx==0.28.1" in said and "installed httpx==0.29.0" in said
    assert "idna" not in said
    assert "pip install -c constraints.txt" in said and "python scripts/lock.py" in said

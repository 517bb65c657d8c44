"""README.md shows the brief `make run` really prints (scripts/readme_sample.py regenerates it
when the summarizer changes)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_readme_sample_brief_is_what_make_run_prints() -> None:
    done = subprocess.run([sys.executable, "scripts/readme_sample.py", "--check"], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr

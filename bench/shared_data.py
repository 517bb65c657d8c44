"""Where the benchmarks find the shared data (../shared/data): under ``NEWSBRIEF_SHARED`` when
it is set, as the tests' ``shared_path`` looks, so a worktree kept elsewhere reads the same data
its tests skip without; else beside the repository."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("NEWSBRIEF_SHARED", REPO.parent / "shared")) / "data"

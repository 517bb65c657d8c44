"""`scripts/lock.py --check` (run by `make test`) pins the closure for the Python the Docker image
ships, not the one running it: a developer on a newer Python must not see a stale lock because a
dependency's marker (discord.py's `audioop-lts; python_version >= "3.13"`) reads differently."""

from __future__ import annotations

from typing import Any

import pytest
from packaging.markers import default_environment

from scripts import lock


def test_the_lock_is_the_images_closure_whatever_python_runs_the_check(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def python_3_13() -> dict[str, Any]:
        return {**default_environment(), "python_version": "3.13",
                "python_full_version": "3.13.1"}

    monkeypatch.setattr(lock, "default_environment", python_3_13)
    assert lock.render() == lock.OUT.read_text(encoding="utf-8")
    assert "audioop" not in lock.render()  # the 3.13-only backport is not the image's


def test_the_image_python_is_read_from_the_dockerfile() -> None:
    assert lock.image_python() == "3.11"  # FROM python:3.11-slim

"""Hostile configuration and operator input (issue 13.3, 13.6): every failure is one line, and
a feed URL with credentials is refused from the configuration and the CLI as from chat."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli.config_file import load_settings
from bot.errors import ConfigError
from tests.support.cli import newsbrief, workdir  # noqa: F401  (fixture)


@pytest.mark.parametrize("nesting", ["[" * 5000 + "]" * 5000, "{a: " * 5000 + "1" + "}" * 5000])
def test_a_deeply_nested_config_is_one_line(workdir: Path, nesting: str) -> None:
    path = workdir / "config" / "newsbrief.yaml"
    path.write_text(f"polling: {nesting}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="nested too deeply"):
        load_settings(path)
    result = newsbrief("check", "--config", str(path), cwd=workdir)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"newsbrief: configuration error at {path}: nested too deeply to be a configuration"]


def test_a_configured_feed_with_credentials_is_refused(workdir: Path) -> None:
    path = workdir / "config" / "newsbrief.yaml"
    path.write_text("feeds:\n  - url: https://me:hunter22@private.example/rss\n",
                    encoding="utf-8")
    result = newsbrief("check", "--config", str(path), cwd=workdir)
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert "feeds.0.url" in line and "credentials" in line and "hunter22" not in line


def test_cli_feeds_add_refuses_credentials(workdir: Path) -> None:
    path = workdir / "config" / "newsbrief.yaml"
    path.write_text(f"data_dir: {workdir / 'data'}\n", encoding="utf-8")
    result = newsbrief("feeds", "add", "https://me:hunter22@private.example/rss",
                       "--config", str(path), cwd=workdir)
    assert result.returncode == 2
    assert "credentials" in result.stderr and "hunter22" not in result.stderr
    listed = newsbrief("feeds", "list", "--config", str(path), cwd=workdir)
    assert "private.example" not in listed.stdout

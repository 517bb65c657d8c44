"""Webhook URLs are credentials: named by webhook_url_env (or NAME_FILE, a mounted secret)
instead of written into the YAML; tokens can come from NAME_FILE too."""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

import pytest

from bot.cli.config_file import load_settings
from bot.cli.progress import progress
from bot.config import Secrets
from bot.errors import ConfigError


def config(tmp_path: Path) -> Path:
    path = tmp_path / "newsbrief.yaml"
    path.write_text("destinations:\n  - ref: webhook:ops\n    webhook_url_env: OPS_HOOK\n",
                    encoding="utf-8")
    return path


def test_webhook_url_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPS_HOOK", "https://hooks.example/secret-path")
    [dest] = load_settings(config(tmp_path)).destinations
    assert dest.webhook_url == "https://hooks.example/secret-path"


def test_webhook_url_from_a_secret_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "ops_hook"
    secret.write_text("https://hooks.example/from-file\n", encoding="utf-8")
    monkeypatch.delenv("OPS_HOOK", raising=False)
    monkeypatch.setenv("OPS_HOOK_FILE", str(secret))
    [dest] = load_settings(config(tmp_path)).destinations
    assert dest.webhook_url == "https://hooks.example/from-file"


def test_a_missing_webhook_variable_names_it(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPS_HOOK", raising=False)
    monkeypatch.delenv("OPS_HOOK_FILE", raising=False)
    with pytest.raises(ConfigError) as caught:
        load_settings(config(tmp_path))
    assert caught.value.key == "destinations.0"
    assert "OPS_HOOK" in caught.value.problem


def test_tokens_from_secret_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    token = tmp_path / "discord_token"
    token.write_text("file-token\n", encoding="utf-8")
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.setenv("DISCORD_TOKEN_FILE", str(token))
    assert Secrets.from_env().get("DISCORD_TOKEN") == "file-token"
    monkeypatch.setenv("DISCORD_TOKEN_FILE", str(tmp_path / "absent"))
    with pytest.raises(ConfigError, match="DISCORD_TOKEN_FILE"):
        Secrets.from_env()


def test_log_lines_print_whole_above_the_progress_bar() -> None:
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter("LOG %(message)s"))
    root = logging.getLogger()
    saved = root.handlers[:]
    root.handlers[:] = [handler]
    try:
        with progress("polling feeds", stream=out, force_terminal=True) as advance:
            advance(5, 40)
            logging.getLogger("t").warning("feed one failed")
            advance(40, 40)
    finally:
        root.handlers[:] = saved
    assert handler.stream is out  # given back afterwards
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.getvalue())  # colours, cursor moves
    lines = plain.replace("\r", "\n").splitlines()
    assert any(line.strip() == "LOG feed one failed" for line in lines)  # a line of its own
    assert "polling feeds" in plain and "40/40" in plain and "[progress" not in plain

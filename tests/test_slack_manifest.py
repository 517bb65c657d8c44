"""config/slack-manifest.yaml is generated from the bot's command table and agrees with it and
with the default Socket Mode."""

from __future__ import annotations

from pathlib import Path

import yaml

from adapters.slack.settings import DEFAULT_COMMANDS
from adapters.slack_manifest import manifest
from adapters.slack_probe import SlackSection as SlackSettings
from bot.commands.core import COMMANDS

MANIFEST = Path(__file__).resolve().parent.parent / "config" / "slack-manifest.yaml"


def test_the_shipped_manifest_is_the_generated_one() -> None:
    assert MANIFEST.read_text(encoding="utf-8") == manifest(), \
        "regenerate: python -m adapters.slack_manifest > config/slack-manifest.yaml"


def test_its_commands_are_the_ones_the_bot_registers_and_the_core_knows() -> None:
    data = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    slashes = [c["command"] for c in data["features"]["slash_commands"]]
    assert slashes == list(DEFAULT_COMMANDS)
    assert set(DEFAULT_COMMANDS.values()) <= set(COMMANDS)
    feeds = next(c for c in data["features"]["slash_commands"] if c["command"] == "/feeds")
    for sub in ("add", "remove", "enable", "list", "status", "resume"):
        assert sub in feeds["usage_hint"]


def test_socket_mode_matches_the_default_mode() -> None:
    data = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert SlackSettings().mode == "socket"
    assert data["settings"]["socket_mode_enabled"] is True
    http = yaml.safe_load(manifest(http_url="https://bot.example.org/"))
    assert http["settings"]["socket_mode_enabled"] is False
    assert {c["url"] for c in http["features"]["slash_commands"]} == {
        "https://bot.example.org/slack/events"}


def test_unsubscribe_hints_its_own_usage_line() -> None:
    data = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    hints = {c["command"]: c.get("usage_hint", "") for c in data["features"]["slash_commands"]}
    assert hints["/unsubscribe"] != hints["/subscribe"]
    assert "all" in hints["/unsubscribe"]

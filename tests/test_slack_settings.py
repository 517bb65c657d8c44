"""One settings system: every Slack option is a key of the ``slack:`` section, set from YAML
(or NEWSBRIEF_SLACK__*), documented in config/example.yaml, and reaches the adapter."""

from __future__ import annotations

from pathlib import Path

import yaml

from adapters.slack import SlackSettings as AdapterSettings
from adapters.slack_probe import SlackSection as SlackSettings
from bot.cli.config_file import load_settings
from bot.config import Secrets, adapter_inputs
from bot.delivery import registry as platforms
from tests.conftest import REPO

YAML = """\
slack:
  mode: http
  http_path: /hooks/slack
  max_body_bytes: 4096
  serve: false
  admin_cache_seconds: 5
  commands: {"/news": brief}
  unfurl_links: true
  unfurl_media: true
  min_interval: 0.5
  timeout: 7
  digest_threads: true
"""


def test_every_slack_option_is_set_from_yaml(tmp_path: Path) -> None:
    path = tmp_path / "newsbrief.yaml"
    path.write_text(YAML, encoding="utf-8")
    settings = load_settings(path, required=True)
    secrets = Secrets(values={"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"})
    adapter = platforms.build("slack", adapter_inputs(settings, secrets, "slack"))
    got = adapter.settings  # type: ignore[attr-defined]  # the Slack adapter's own
    assert (got.http_path, got.max_body_bytes, got.serve, got.admin_cache_seconds) \
        == ("/hooks/slack", 4096, False, 5.0)
    assert dict(got.commands) == {"/news": "brief"}
    assert (got.unfurl_links, got.unfurl_media, got.min_interval, got.timeout) \
        == (True, True, 0.5, 7)
    assert got.threaded_digests and got.app_token is None  # http mode: no Socket Mode


def test_the_adapter_defaults_are_the_documented_ones() -> None:
    section, runtime = SlackSettings(), AdapterSettings()
    for key in ("http_host", "http_port", "http_path", "max_body_bytes", "serve",
                "admin_cache_seconds", "unfurl_links", "unfurl_media", "min_interval",
                "timeout"):
        assert getattr(runtime, key) == getattr(section, key), key
    assert runtime.threaded_digests == section.digest_threads


def test_example_yaml_documents_every_slack_key() -> None:
    example = yaml.safe_load((REPO / "config" / "example.yaml").read_text(encoding="utf-8"))
    assert set(example["slack"]) == set(SlackSettings.model_fields)

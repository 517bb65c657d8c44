"""Configuration: defaults, YAML, environment overrides, and one clear error naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli.config_file import load_settings
from bot.config import Secrets
from bot.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "newsbrief.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "absent.yaml")
    assert settings.polling.backfill == 3
    assert settings.database_url == "sqlite+aiosqlite:///data/newsbrief.db"
    assert settings.summarizer.kind == "extractive"


def test_required_file_missing_names_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_settings(tmp_path / "absent.yaml", required=True)


@pytest.mark.parametrize(("text", "key", "problem"), [
    ("polling:\n  interval: 5\n", "polling.interval", "greater than or equal to 10"),
    ("polling:\n  intervl: 900\n", "polling.intervl", "unknown key"),
    ("network:\n  allow_private: ['not-a-cidr']\n", "network.allow_private", "not a CIDR"),
    ("destinations:\n  - ref: 'irc:#news'\n", "destinations.0.ref", "must look like"),
    ("destinations:\n  - ref: 'console:'\n    timezone: Mars/Olympus\n",
     "destinations.0.timezone", "unknown timezone"),
    ("destinations:\n  - ref: 'console:'\n    digest_time: '25:00'\n",
     "destinations.0.digest_time", "HH:MM"),
    ("summarizer:\n  kind: magic\n", "summarizer.kind", "extractive"),
    ("feeds:\n  - url: 'ftp://x/feed'\n", "feeds.0.url", "http"),
])
def test_bad_value_names_the_key(tmp_path: Path, text: str, key: str, problem: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(write(tmp_path, text))
    assert caught.value.key == key
    assert problem in caught.value.problem
    assert str(caught.value).startswith(f"configuration error at {key}:")


def test_not_yaml_or_not_a_mapping(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_settings(write(tmp_path, "polling: [unclosed\n"))
    with pytest.raises(ConfigError, match="mapping"):
        load_settings(write(tmp_path, "- just\n- a list\n"))


def test_environment_overrides_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "polling:\n  interval: 5000\n  backfill: 2\n")
    monkeypatch.setenv("NEWSBRIEF_POLLING__INTERVAL", "60")
    monkeypatch.setenv("NEWSBRIEF_NETWORK__ALLOW_PRIVATE", '["127.0.0.1/32"]')
    monkeypatch.setenv("NEWSBRIEF_DATABASE__URL", "postgresql+psycopg://u@db/newsbrief")
    settings = load_settings(path)
    assert settings.polling.interval == 60
    assert settings.polling.backfill == 2  # untouched keys of the same section survive
    assert settings.network.allow_private == ["127.0.0.1/32"]
    assert settings.database_url == "postgresql+psycopg://u@db/newsbrief"


def test_bad_environment_value_names_the_key(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBRIEF_POLLING__BACKFILL", "lots")
    with pytest.raises(ConfigError) as caught:
        load_settings(write(tmp_path, ""))
    assert caught.value.key == "polling.backfill"


def test_local_feed_paths_resolve_against_the_config_file(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, "feeds:\n  - url: samples/a.xml\n"))
    assert settings.feeds[0].url == (tmp_path / "samples" / "a.xml").as_uri()


def test_bare_console_ref_is_accepted(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, "destinations:\n  - ref: console\n"))
    assert settings.destinations[0].ref == "console:"


def test_secrets_come_only_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", "discord-token-value")
    secrets = Secrets.from_env()
    assert secrets.get("DISCORD_TOKEN") == "discord-token-value"
    assert "discord-token-value" not in repr(secrets)


def test_shipped_configs_are_valid() -> None:
    root = Path(__file__).resolve().parent.parent / "config"
    for name in ("newsbrief.yaml", "example.yaml"):
        load_settings(root / name, required=True)


def test_the_offline_default_fetches_no_article_pages() -> None:
    """`make run` must not reach out for the samples' (made-up) article links."""
    default = load_settings(Path(__file__).resolve().parent.parent / "config" / "newsbrief.yaml",
                            required=True)
    assert default.summarizer.full_text is False
    assert all(feed.url.startswith("file://") for feed in default.feeds)


def test_a_relative_data_dir_is_relative_to_the_config_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "etc"
    folder.mkdir()
    (folder / "newsbrief.yaml").write_text("data_dir: state\n")
    elsewhere = tmp_path / "somewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # started from another directory: the same database
    assert load_settings(folder / "newsbrief.yaml").data_dir == folder / "state"
    (folder / "newsbrief.yaml").write_text(f"data_dir: {tmp_path / 'abs'}\n")
    assert load_settings(folder / "newsbrief.yaml").data_dir == tmp_path / "abs"


@pytest.mark.parametrize("size", [0, 501])
def test_a_pool_size_out_of_range_is_refused_in_one_line(tmp_path: Path, size: int) -> None:
    path = tmp_path / "newsbrief.yaml"
    path.write_text(f"database:\n  pool_size: {size}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert str(caught.value).count("\n") == 0
    assert "database.pool_size" in str(caught.value) and "give 1 to 500" in str(caught.value)

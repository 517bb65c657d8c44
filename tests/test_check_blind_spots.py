"""What `newsbrief check` used to pass or half-report: every schema problem (text and JSON), a
key written twice, a feed listed twice, a data directory no one can write (root included), a
webhook URL written into the YAML, and an unquoted 8:00."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli.config_file import load_settings
from bot.errors import ConfigError
from tests.support.cli import newsbrief, workdir, write_config

__all__ = ["workdir"]  # the fixture, imported for these tests

TWO_BAD = "polling:\n  backfill: -1\n  tick: 0\n"


def test_check_lists_every_schema_problem(workdir: Path) -> None:
    config = write_config(workdir, TWO_BAD)
    result = newsbrief("check", "--config", str(config), cwd=workdir)
    assert result.returncode == 2
    assert sorted(result.stderr.splitlines()) == [
        "newsbrief: configuration error at polling.backfill: "
        "Input should be greater than or equal to 0",
        "newsbrief: configuration error at polling.tick: Input should be greater than 0"]
    other = newsbrief("feeds", "list", "--config", str(config), cwd=workdir)  # one line elsewhere
    assert other.returncode == 2 and other.stderr.count("\n") == 1
    assert "(and 1 more: newsbrief check lists them all)" in other.stderr


def test_check_json_prints_json_on_a_schema_problem(workdir: Path) -> None:
    config = write_config(workdir, TWO_BAD)
    result = newsbrief("check", "--json", "--config", str(config), cwd=workdir)
    assert result.returncode == 2
    report = json.loads(result.stdout)
    assert report["ok"] is False and report["config_file"] == str(config)
    assert {p["subject"] for p in report["problems"]} == {"polling.backfill", "polling.tick"}


def test_a_key_written_twice_is_refused_with_both_lines(tmp_path: Path) -> None:
    config = tmp_path / "newsbrief.yaml"
    config.write_text("dashboard:\n  enabled: true\n  port: 8108\n  enabled: false\n")
    with pytest.raises(ConfigError) as refused:
        load_settings(config)
    assert "'enabled' is written twice in one section (lines 2 and 4)" in str(refused.value)
    config.write_text("polling:\n  tick: 5\ndashboard:\n  enabled: true\n")  # same key, apart
    assert load_settings(config).polling.tick == 5


def test_a_feed_listed_twice_is_a_problem(workdir: Path) -> None:
    config = write_config(workdir, "feeds:\n  - url: https://a.example/x.xml\n"
                          "  - url: https://b.example/y.xml\n"
                          "  - url: https://a.example/x.xml\n    tags: [lost]\n")
    result = newsbrief("check", "--config", str(config), cwd=workdir)
    assert result.returncode == 2
    assert "https://a.example/x.xml is listed 2 times (feeds 0, 2)" in result.stdout


@pytest.mark.parametrize("where", ["a-file", "/proc/newsbrief-data"])
def test_a_data_dir_that_cannot_be_written_is_a_problem_even_for_root(
        workdir: Path, where: str) -> None:
    if where.startswith("/proc") and not Path("/proc/self").exists():
        pytest.skip("no /proc on this system")
    (workdir / "a-file").write_text("not a directory")
    data_dir = where if where.startswith("/") else str(workdir / where)
    config = write_config(workdir, f"data_dir: {data_dir}\n")
    result = newsbrief("check", "--config", str(config), cwd=workdir)
    assert result.returncode == 2, result.stdout
    assert "newsbrief.db cannot be created" in result.stdout


def test_a_webhook_url_in_the_yaml_warns_without_failing(workdir: Path) -> None:
    config = write_config(workdir, 'destinations:\n  - ref: "webhook:ops"\n'
                          "    webhook_url: https://hooks.example/T0/B0/xyz\n")
    result = newsbrief("check", "--json", "--config", str(config), cwd=workdir)
    assert result.returncode == 0, result.stdout
    report = json.loads(result.stdout)
    assert [w["subject"] for w in report["warnings"]] == ["destinations.0.webhook_url"]
    assert "webhook_url_env" in report["warnings"][0]["fix"]
    assert "xyz" not in result.stdout + result.stderr


def test_an_unquoted_digest_time_means_what_it_says(tmp_path: Path) -> None:
    config = tmp_path / "newsbrief.yaml"
    config.write_text('destinations:\n  - ref: "console:"\n    digest_time: 8:00\n'
                      '  - ref: "slack:T1/C1"\n    digest_time: 18:30\n')
    assert [d.digest_time for d in load_settings(config).destinations] == ["08:00", "18:30"]

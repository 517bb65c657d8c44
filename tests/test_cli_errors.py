"""What a person setting newsbrief up meets: one line naming the problem and its fix (exit 2
for configuration, 1 for runtime), where the configuration came from, the CLI conventions."""

from __future__ import annotations

import json
import os
import socket
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.support.cli import newsbrief, write_config
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "config").mkdir()
    return tmp_path


def one_line(result: object) -> str:
    lines = result.stderr.strip().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1, lines
    assert "Traceback" not in lines[0]
    return lines[0]


def test_missing_opml_file_is_one_line(workdir: Path) -> None:
    write_config(workdir, "data_dir: data\n")
    result = newsbrief("feeds", "import", "my-feeds.opml", cwd=workdir)
    assert result.returncode == 2
    line = one_line(result)
    assert "my-feeds.opml" in line and "does not exist" in line


def test_non_utf8_config_is_one_line(workdir: Path) -> None:
    config = workdir / "config" / "newsbrief.yaml"
    config.write_bytes("feeds: []\n# caf\xe9\n".encode("latin-1"))
    result = newsbrief("check", cwd=workdir)
    assert result.returncode == 2
    assert "not UTF-8" in one_line(result)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_config_is_one_line(workdir: Path) -> None:
    config = write_config(workdir, "data_dir: data\n")
    config.chmod(0)
    result = newsbrief("check", cwd=workdir)
    assert result.returncode == 2
    assert "cannot read" in one_line(result)


def test_non_json_environment_list_names_the_variable(workdir: Path) -> None:
    result = newsbrief("check", cwd=workdir,
                       env={"NEWSBRIEF_NETWORK__ALLOW_PRIVATE": "127.0.0.0/8"})
    assert result.returncode == 2
    line = one_line(result)
    assert "NEWSBRIEF_NETWORK__ALLOW_PRIVATE" in line and "JSON" in line


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_unreachable_database_is_one_line(workdir: Path) -> None:
    port = free_port()  # nothing listens there
    config = write_config(workdir, "database:\n  url: postgresql+psycopg://nb:pw-secret@"
                          f"127.0.0.1:{port}/newsbrief\n")
    result = newsbrief("feeds", "list", "--config", str(config), cwd=workdir)
    assert result.returncode == 1
    line = one_line(result)
    assert "cannot use the database" in line and "database.url" in line
    assert "pw-secret" not in result.stderr


@pytest.mark.parametrize("section", ["health", "dashboard"])  # alike: fatal, one line
def test_busy_health_or_dashboard_port_is_one_line(workdir: Path, section: str) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        config = write_config(workdir, f"data_dir: data\n{section}:\n  enabled: true\n"
                              f"  port: {port}\n")
        result = newsbrief("run", "--config", str(config), cwd=workdir)
    assert result.returncode == 2
    line = [x for x in result.stderr.splitlines() if x.startswith("newsbrief:")]
    assert len(line) == 1 and f"127.0.0.1:{port}" in line[0] and f"{section}.port" in line[0]
    assert "Traceback" not in result.stderr


def test_usage_error_is_one_line_with_exit_2(workdir: Path) -> None:
    result = newsbrief("brief", "--format", "pdf", "x.xml", cwd=workdir)
    assert result.returncode == 2
    assert "see newsbrief brief --help" in one_line(result)


# -- where the configuration came from ------------------------------------------------------

def test_check_names_the_file_it_loaded(workdir: Path) -> None:
    write_config(workdir, "data_dir: data\n")
    result = newsbrief("check", cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert f"config file: {workdir / 'config' / 'newsbrief.yaml'} " \
           "(from ./config/newsbrief.yaml)" in result.stdout


def test_no_config_says_where_it_looked(tmp_path: Path) -> None:
    result = newsbrief("feeds", "list", cwd=tmp_path, env={"XDG_CONFIG_HOME": str(tmp_path)})
    assert result.returncode == 0
    line = next(x for x in result.stderr.splitlines() if x.startswith("newsbrief:"))
    assert "no configuration file" in line
    assert str(tmp_path / "config" / "newsbrief.yaml") in line
    assert str(tmp_path / "newsbrief" / "newsbrief.yaml") in line
    assert str(tmp_path / "data" / "newsbrief.db") in line  # and where its database went


def test_newsbrief_config_and_the_xdg_dir_are_read(tmp_path: Path) -> None:
    named = tmp_path / "elsewhere.yaml"
    named.write_text("polling:\n  backfill: 7\n", encoding="utf-8")
    result = newsbrief("check", cwd=tmp_path, env={"NEWSBRIEF_CONFIG": str(named)})
    assert "backfill 7" in result.stdout and "(from NEWSBRIEF_CONFIG)" in result.stdout
    (tmp_path / "newsbrief").mkdir()
    (tmp_path / "newsbrief" / "newsbrief.yaml").write_text("polling:\n  backfill: 9\n",
                                                           encoding="utf-8")
    result = newsbrief("check", cwd=tmp_path, env={"XDG_CONFIG_HOME": str(tmp_path)})
    assert "backfill 9" in result.stdout and "(from XDG config dir)" in result.stdout
    missing = newsbrief("check", cwd=tmp_path, env={"NEWSBRIEF_CONFIG": str(tmp_path / "no")})
    assert missing.returncode == 2 and "file not found" in one_line(missing)


# -- conventions ------------------------------------------------------------------------------

def test_options_before_or_after_the_subcommand(workdir: Path) -> None:
    config = workdir / "custom.yaml"
    config.write_text("data_dir: elsewhere\n", encoding="utf-8")
    added = newsbrief("--config", str(config), "feeds", "add", "https://example.org/a.xml",
                      "--no-check", cwd=workdir)
    assert added.returncode == 0, added.stderr
    for args in (["--config", str(config), "-q", "feeds", "list"],
                 ["feeds", "list", "-q", "--config", str(config)]):
        assert "https://example.org/a.xml" in newsbrief(*args, cwd=workdir).stdout
    assert not (workdir / "data").exists()


def test_version_comes_from_the_package_metadata(workdir: Path) -> None:
    result = newsbrief("--version", cwd=workdir)
    assert result.stdout.strip() == f"newsbrief {version('newsbrief')}"


@pytest.mark.parametrize("sub", ["run", "brief", "summarize", "feeds", "feeds add", "digest",
                                 "check", "send-test", "command", "sync-commands"])
def test_every_help_has_an_example(sub: str, workdir: Path) -> None:
    result = newsbrief(*sub.split(), "--help", cwd=workdir)
    assert result.returncode == 0
    assert "Example:\n  newsbrief " in result.stdout.replace("\n    newsbrief", "\n  newsbrief")


def test_shell_completion(workdir: Path) -> None:
    script = newsbrief("completion", "bash", cwd=workdir)
    assert script.returncode == 0 and "_NEWSBRIEF_COMPLETE" in script.stdout
    words = newsbrief("feeds", "st", cwd=workdir, env={
        "_NEWSBRIEF_COMPLETE": "bash_complete", "COMP_WORDS": "newsbrief feeds st",
        "COMP_CWORD": "2"})
    assert "status" in words.stdout


def test_json_output(workdir: Path) -> None:
    config = write_config(workdir, "data_dir: data\n")
    c = ["--config", str(config)]
    newsbrief("feeds", "add", "https://example.org/a.xml", "--tags", "ai", "--no-check", *c,
              cwd=workdir)
    listed = json.loads(newsbrief("feeds", "list", "--json", *c, cwd=workdir).stdout)
    assert listed == [{"id": 1, "url": "https://example.org/a.xml", "title": None,
                       "tags": ["ai"]}]
    status = json.loads(newsbrief("feeds", "status", "--json", *c, cwd=workdir).stdout)
    assert status["feeds"][0]["state"] == "ok" and status["paused"] == []
    checked = json.loads(newsbrief("check", "--json", *c, cwd=workdir).stdout)
    assert checked["ok"] is True and checked["config_file"] == str(config)
    write_config(workdir, "data_dir: data\ndestinations:\n  - ref: 'console:'\n"
                 "    digest_time: '07:00'\n    subscriptions:\n      - {mode: digest}\n")
    preview = json.loads(newsbrief("digest", "--dry-run", "--json", *c, cwd=workdir).stdout)
    assert preview == [{"destination": "console:", "text": preview[0]["text"]}]


# -- feeds add fetches once and previews ------------------------------------------------------

def test_feeds_add_previews_the_newest_item_before_saving(workdir: Path) -> None:
    config = write_config(workdir, "data_dir: data\n")
    env = {"NEWSBRIEF_NETWORK__ALLOW_PRIVATE": '["127.0.0.0/8"]'}
    with FeedServer() as server:
        server.set("/news.xml", rss("Loopback News", [item(1), item(2)]))
        added = newsbrief("feeds", "add", server.url("/news.xml"), "--config", str(config),
                          cwd=workdir, env=env)
        assert server.hits("/news.xml") == 1
        broken = newsbrief("feeds", "add", server.url("/missing.xml"), "--config",
                           str(config), cwd=workdir, env=env)
    assert added.returncode == 0, added.stderr
    assert "preview of the newest of 2 items in Loopback News" in added.stdout
    assert "Story 2 about the harbor project" in added.stdout  # the later of the two
    assert "added: #1" in added.stdout
    assert broken.returncode == 1
    assert "cannot add" in one_line(broken) and "--no-check" in broken.stderr
    listed = newsbrief("feeds", "list", "--config", str(config), cwd=workdir).stdout
    assert "missing.xml" not in listed


def test_config_that_cannot_be_read_is_one_line(workdir: Path) -> None:
    where = workdir / "config" / "newsbrief.yaml"
    where.mkdir()  # a directory where the file should be
    result = newsbrief("check", cwd=workdir, env={"NEWSBRIEF_CONFIG": str(where)})
    assert result.returncode == 2
    assert "cannot read it" in one_line(result)

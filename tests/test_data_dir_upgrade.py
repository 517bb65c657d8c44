"""Upgrading across the change that reads a relative data_dir against the configuration file's
folder (it used to be the working directory): an install whose database is where the old rule put
it is refused with both paths, never handed a new empty database (which would repost every
feed's newest items and lose the feeds and subscriptions added in chat)."""

from __future__ import annotations

from pathlib import Path

from tests.support.cli import newsbrief, workdir, write_config

__all__ = ["workdir"]  # the fixture, imported for these tests


def _old_install(workdir: Path) -> Path:
    config = write_config(workdir, "data_dir: data\n")  # in workdir/config; run from workdir
    (workdir / "data").mkdir()
    (workdir / "data" / "newsbrief.db").write_bytes(b"")  # where the old rule put it
    return config


def test_run_refuses_a_database_left_where_the_old_rule_put_it(workdir: Path) -> None:
    config = _old_install(workdir)
    result = newsbrief("run", "--once", "--config", str(config), cwd=workdir)
    assert result.returncode == 2, result.stderr
    line = result.stderr.strip().splitlines()[-1]
    assert str(workdir / "data" / "newsbrief.db") in line
    assert str(workdir / "config" / "data" / "newsbrief.db") in line
    assert f"data_dir: {workdir / 'data'}" in line  # what to set
    assert not (workdir / "config" / "data").exists()  # no new empty database, no lock beside it


def test_every_stateful_command_refuses_it_too(workdir: Path) -> None:
    config = _old_install(workdir)
    for args in (["digest"], ["feeds", "list"], ["command", "/feeds list"]):
        result = newsbrief(*args, "--config", str(config), cwd=workdir)
        assert result.returncode == 2, (args, result.stderr)
        assert str(workdir / "data" / "newsbrief.db") in result.stderr
    assert not (workdir / "config" / "data").exists()


def test_check_reports_it(workdir: Path) -> None:
    config = _old_install(workdir)
    result = newsbrief("check", "--config", str(config), cwd=workdir)
    assert result.returncode != 0
    assert str(workdir / "data" / "newsbrief.db") in result.stdout + result.stderr
    assert str(workdir / "config" / "data" / "newsbrief.db") in result.stdout + result.stderr


def test_nothing_is_said_once_the_database_is_where_the_file_says(workdir: Path) -> None:
    config = write_config(workdir, f"data_dir: {workdir / 'data'}\n")
    (workdir / "data").mkdir()
    first = newsbrief("run", "--once", "--config", str(config), cwd=workdir)
    assert first.returncode == 0, first.stderr
    # both places hold a database: the configured one is used, as written
    relative = write_config(workdir, "data_dir: data\n")
    (workdir / "config" / "data").mkdir()
    (workdir / "config" / "data" / "newsbrief.db").write_bytes(
        (workdir / "data" / "newsbrief.db").read_bytes())
    second = newsbrief("run", "--once", "--config", str(relative), cwd=workdir)
    assert second.returncode == 0, second.stderr

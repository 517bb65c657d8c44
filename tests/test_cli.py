"""The command-line contract, run as a user runs it: a subprocess per command."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest

from bot.cli.datalock import DataDirLock
from tests.support.cli import (  # noqa: F401  (fixtures)
    newsbrief,
    workdir,
    write_config,
)
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "config" / "samples"


@pytest.mark.parametrize("sub", ["run", "brief", "summarize", "feeds", "digest", "check",
                                 "command"])
def test_every_command_has_help(sub: str, workdir: Path) -> None:
    result = newsbrief(sub, "--help", cwd=workdir)
    assert result.returncode == 0
    assert "usage: newsbrief" in result.stdout


def test_check_says_what_would_run(workdir: Path) -> None:
    config = write_config(workdir, "feeds:\n  - url: https://example.org/feed.xml\n")
    result = newsbrief("check", "--config", str(config), cwd=workdir,
                       env={"DISCORD_TOKEN": "super-secret-discord-token"})
    assert result.returncode == 0, result.stderr
    assert "configuration OK" in result.stdout
    assert "feeds in config: 1" in result.stdout
    assert "DISCORD_TOKEN" in result.stdout  # named as present...
    assert "super-secret-discord-token" not in result.stdout + result.stderr  # ...never shown


def test_bad_config_stops_with_one_message(workdir: Path) -> None:
    config = write_config(workdir, "polling:\n  backfill: -1\n")
    result = newsbrief("check", "--config", str(config), cwd=workdir)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "newsbrief: configuration error at polling.backfill: "
        "Input should be greater than or equal to 0"]


def test_feeds_add_list_status_export_import(workdir: Path) -> None:
    config = write_config(workdir, "data_dir: data\n")
    c = ["--config", str(config)]
    added = newsbrief("feeds", "add", "https://example.org/a.xml", "--tags", "world,ai",
                      "--no-check", *c, cwd=workdir)
    assert added.returncode == 0 and "added: #1" in added.stdout, added.stderr
    again = newsbrief("feeds", "add", "https://example.org/a.xml", "--no-check", *c,
                      cwd=workdir)
    assert "already present" in again.stdout
    refused = newsbrief("feeds", "add", "file:///etc/passwd", *c, cwd=workdir)
    assert refused.returncode == 2
    listed = newsbrief("feeds", "list", *c, cwd=workdir)
    assert "https://example.org/a.xml" in listed.stdout and "world, ai" in listed.stdout
    status = newsbrief("feeds", "status", *c, cwd=workdir)
    assert "ok; last success never" in status.stdout
    exported = newsbrief("feeds", "export", *c, cwd=workdir)
    assert 'xmlUrl="https://example.org/a.xml"' in exported.stdout

    opml = workdir / "list.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline text="News">'
        '<outline text="B" xmlUrl="https://example.org/b.xml"/>'
        '<outline text="A" xmlUrl="https://example.org/a.xml"/>'
        "</outline></body></opml>", encoding="utf-8")
    imported = newsbrief("feeds", "import", str(opml), *c, cwd=workdir)
    assert imported.returncode == 0
    assert "imported 1 new feeds (1 already present)" in imported.stderr
    removed = newsbrief("feeds", "remove", "https://example.org/b.xml", *c, cwd=workdir)
    assert removed.returncode == 0
    assert "b.xml" not in newsbrief("feeds", "list", *c, cwd=workdir).stdout


def test_machine_readable_output_stays_pure_with_database_echo(workdir: Path) -> None:
    """SQLAlchemy's echo writes every statement to stdout, where export's OPML and list's JSON
    go: the CLI never echoes, whatever database.echo says (the bot's log does)."""
    config = write_config(workdir, "data_dir: data\ndatabase:\n  echo: true\n")
    c = ["--config", str(config)]
    added = newsbrief("feeds", "add", "https://example.org/a.xml", "--no-check", *c,
                      cwd=workdir)
    assert added.returncode == 0, added.stderr
    exported = newsbrief("feeds", "export", *c, cwd=workdir)
    assert exported.returncode == 0, exported.stderr
    opml = ElementTree.fromstring(exported.stdout)  # the whole of stdout is the document
    assert [o.get("xmlUrl") for o in opml.iter("outline")] == ["https://example.org/a.xml"]
    listed = newsbrief("feeds", "list", "--json", *c, cwd=workdir)
    assert [f["url"] for f in json.loads(listed.stdout)] == ["https://example.org/a.xml"]


def test_brief_a_local_feed_file_in_each_format(workdir: Path) -> None:
    sample = str(SAMPLES / "harbor-gazette.xml")
    text = newsbrief("brief", sample, cwd=workdir)
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0] == "City council approves solar roofs for every public school"
    assert sum(1 for line in lines if line.startswith("• ")) == 3
    assert "https://example.org/harbor-gazette/solar-schools" in lines

    as_json = newsbrief("brief", sample, "--format", "json", "--limit", "2", cwd=workdir)
    briefs = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert len(briefs) == 2
    assert all(len(b["points"]) == 3 and b["tags"] for b in briefs)

    korean = newsbrief("brief", str(SAMPLES / "hangang-ilbo.xml"), "--format", "json",
                       cwd=workdir)
    brief = json.loads(korean.stdout)
    assert brief["lang"] == "ko"
    assert brief["headline"].startswith("서울시")


def test_summarize_batch_contract(workdir: Path) -> None:
    lines = [
        json.dumps({"id": "1", "title": "Solar roofs", "text": (
            "The council approved solar roofs for all schools. The plan costs 18 million "
            "dollars. Officials said power prices made it urgent. Work begins next summer.")}),
        "this line is not json",
        json.dumps({"id": "3", "title": "배춧값", "text": (
            "김장철을 맞아 배춧값이 지난해보다 20% 내렸다. 올해는 가을 날씨가 좋아 작황이 "
            "개선됐기 때문이다. 정부는 비축 물량을 사들이겠다고 밝혔다.")}),
    ]
    result = newsbrief("summarize", cwd=workdir, stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 3
    assert out[0]["id"] == "1" and out[2]["id"] == "3"
    assert out[0]["lang"] == "en" and 1 <= len(out[0]["points"]) <= 3
    assert "error" in out[1]
    assert out[2]["lang"] == "ko" and out[2]["points"]


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


def loopback_config(workdir: Path, server: FeedServer, extra: str = "") -> Path:
    """One loopback feed, every item posted on the first poll, no article pages fetched."""
    return write_config(workdir, (
        "data_dir: data\n"
        "polling:\n  backfill: 5\n  max_item_age_days: 36500\n"
        "summarizer:\n  full_text: false\n"
        f"feeds:\n  - url: {server.url('/news.xml')}\n"
    ) + extra)


def test_run_once_twice_posts_each_item_once(workdir: Path, server: FeedServer) -> None:
    server.set("/news.xml", rss("Loopback News", [item(1), item(2)]))
    config = loopback_config(workdir, server)
    env = {"NEWSBRIEF_NETWORK__ALLOW_PRIVATE": '["127.0.0.0/8"]'}
    first = newsbrief("run", "--once", "--config", str(config), cwd=workdir, env=env)
    assert first.returncode == 0, first.stderr
    assert first.stdout.count("Story 1 about the harbor project") == 1
    assert first.stdout.count("Story 2 about the harbor project") == 1
    second = newsbrief("run", "--once", "--config", str(config), cwd=workdir, env=env)
    assert second.returncode == 0, second.stderr
    assert "Story" not in second.stdout


def test_private_addresses_are_refused_without_the_allowlist(workdir: Path,
                                                            server: FeedServer) -> None:
    server.set("/news.xml", rss("Loopback News", [item(1)]))
    config = write_config(workdir, f"data_dir: data\nfeeds:\n  - url: {server.url('/news.xml')}\n")
    result = newsbrief("run", "--once", "--config", str(config), cwd=workdir)
    assert result.returncode == 0
    assert "Story" not in result.stdout
    assert server.hits("/news.xml") == 0
    status = newsbrief("feeds", "status", "--config", str(config), cwd=workdir)
    assert "blocked" in status.stdout


def digest_config(workdir: Path, server: FeedServer) -> tuple[list[str], dict[str, str]]:
    """The console gets a digest of every item: the --config arguments and the environment."""
    config = loopback_config(workdir, server, (
        "destinations:\n"
        "  - ref: 'console:'\n    digest_time: '07:00'\n"
        "    subscriptions:\n      - {kind: all, mode: digest}\n"
    ))
    return ["--config", str(config)], {"NEWSBRIEF_NETWORK__ALLOW_PRIVATE": '["127.0.0.0/8"]'}


def test_digest_dry_run_shows_what_digest_sends(workdir: Path, server: FeedServer) -> None:
    server.set("/news.xml", rss("Loopback News", [item(1), item(2)]))
    c, env = digest_config(workdir, server)
    polled = newsbrief("run", "--once", *c, cwd=workdir, env=env)
    assert polled.returncode == 0, polled.stderr
    assert "Story" not in polled.stdout  # digest mode: nothing posted at once
    preview = newsbrief("digest", "--dry-run", *c, cwd=workdir, env=env)
    assert preview.returncode == 0, preview.stderr
    assert preview.stdout.startswith("=== console:")
    sent = newsbrief("digest", *c, cwd=workdir, env=env)
    assert sent.returncode == 0, sent.stderr
    for story in ("Story 1 about the harbor project", "Story 2 about the harbor project"):
        assert preview.stdout.count(story) == sent.stdout.count(story) == 1
    unknown = newsbrief("digest", "--channel", "slack:T1/C1", *c, cwd=workdir, env=env)
    assert unknown.returncode == 1 and "no destination slack:T1/C1" in unknown.stderr


def test_digest_beside_a_running_bot_queues_and_leaves_the_sending_to_it(
        workdir: Path, server: FeedServer) -> None:
    """On SQLite a lease of another process counts as a dead one's: a digest that delivered
    beside `run` would take over rows the service is sending and post them twice."""
    server.set("/news.xml", rss("Loopback News", [item(1)]))
    c, env = digest_config(workdir, server)
    assert newsbrief("run", "--once", *c, cwd=workdir, env=env).returncode == 0
    held = DataDirLock((workdir / "config" / "data" / "newsbrief.db").resolve())
    held.acquire()  # as the running `newsbrief run` holds it
    try:
        queued = newsbrief("digest", *c, cwd=workdir, env=env)
    finally:
        held.release()
    assert queued.returncode == 0, queued.stderr
    assert "Story" not in queued.stdout  # not sent here
    assert "1 digests queued" in queued.stderr and "running newsbrief (pid " in queued.stderr
    delivered = newsbrief("run", "--once", *c, cwd=workdir, env=env)  # the bot sends it, once
    assert delivered.stdout.count("Story 1 about the harbor project") == 1, delivered.stderr


def test_config_is_read_at_either_level_of_feeds(workdir: Path) -> None:
    config = workdir / "custom.yaml"  # not the default path, so ignoring it would show
    config.write_text("data_dir: elsewhere\n", encoding="utf-8")
    added = newsbrief("feeds", "--config", str(config), "add", "https://example.org/a.xml",
                      "--no-check", cwd=workdir)
    assert added.returncode == 0, added.stderr
    for args in (["feeds", "--config", str(config), "list"],
                 ["feeds", "list", "--config", str(config)]):
        assert "https://example.org/a.xml" in newsbrief(*args, cwd=workdir).stdout
    assert (workdir / "elsewhere" / "newsbrief.db").exists()  # the config's data_dir was used
    assert not (workdir / "data").exists()

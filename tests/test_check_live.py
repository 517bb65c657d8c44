"""``newsbrief check`` reports every problem with its fix; ``check --live`` asks the (fake)
platforms and ``send-test`` posts a marked sample through the real adapter. The real CLI runs
in a subprocess against the fake Discord and Slack servers on loopback."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.cli import newsbrief, write_config
from tests.support.fake_discord import BOT_TOKEN, TEXT_CHANNEL_ID, FakeDiscord
from tests.support.fake_slack import APP_TOKEN, TEAM, TOKEN, FakeSlack
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer

WRONG_CHANNEL = "900000000000000099"
FORUM = "900000000000000098"
LOCKED_THREAD = "900000000000000097"


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


async def cli(*args: str, cwd: Path, env: dict[str, str]) -> Run:
    """The CLI in a subprocess, without blocking the loop the fake servers answer on."""
    full = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSBRIEF_", "DISCORD_",
                                                                     "SLACK_"))}
    full.update(env)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli.main", *args, cwd=cwd, env=full,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), timeout=120)
    assert proc.returncode is not None
    return Run(proc.returncode, out.decode(), err.decode())


@pytest.fixture
async def fakes() -> AsyncIterator[tuple[FakeDiscord, FakeSlack]]:
    slack = await FakeSlack().start()
    slack.known_channels.add("C0NEWS")
    async with FakeDiscord() as discord:
        discord.deleted.add(WRONG_CHANNEL)  # a mistyped id: Unknown Channel
        discord.add_forum(FORUM, ["AI", "Chips"], require_tag=True)
        discord.add_thread(LOCKED_THREAD, TEXT_CHANNEL_ID, archived=True, locked=True)
        yield discord, slack
    await slack.stop()


def config_for(tmp_path: Path, discord: FakeDiscord, slack: FakeSlack,
               feed: str) -> tuple[Path, dict[str, str]]:
    """Good and bad destinations of each kind, and the environment holding their webhooks."""
    (tmp_path / "config").mkdir(exist_ok=True)
    good_hook = discord.webhook(TEXT_CHANNEL_ID)
    hooks = {"GOOD_HOOK": good_hook,
             "BAD_HOOK": good_hook[:-4] + "XXXX",  # a token mistyped or revoked
             "OPS_HOOK": f"{slack.base_url}/no-such-hook"}
    config = write_config(tmp_path, f"""
data_dir: data
discord: {{api_base_url: "{discord.api_base}"}}
slack: {{api_base_url: "{slack.api_url}"}}
feeds:
  - url: {feed}
destinations:
  - ref: discord:{TEXT_CHANNEL_ID}
  - ref: discord:{WRONG_CHANNEL}
  - ref: discord:{FORUM}
  - ref: discord:{LOCKED_THREAD}
  - ref: discord:{TEXT_CHANNEL_ID}1
    webhook_url_env: GOOD_HOOK
  - ref: discord:{TEXT_CHANNEL_ID}2
    webhook_url_env: BAD_HOOK
  - ref: webhook:ops
    webhook_url_env: OPS_HOOK
  - ref: slack:{TEAM}/C0NEWS
  - ref: slack:{TEAM}/C0GONE
""")
    return config, hooks


TOKENS = {"DISCORD_TOKEN": BOT_TOKEN, "SLACK_BOT_TOKEN": TOKEN, "SLACK_APP_TOKEN": APP_TOKEN,
          "NEWSBRIEF_NETWORK__ALLOW_PRIVATE": '["127.0.0.0/8"]'}


def line_of(output: str, subject: str) -> str:
    """The row of the --live table about ``subject``."""
    return next(line for line in output.splitlines()
                if subject in line and line.startswith(("ok ", "FAIL ")))


async def test_check_reports_every_static_problem_with_its_fix(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    write_config(tmp_path, """
destinations:
  - ref: 'discord:#general'
  - ref: 'slack:'
  - ref: 'webhook:alerts'
""")
    result = await cli("check", cwd=tmp_path, env={})
    assert result.returncode == 2, result.stderr
    out = result.stdout
    assert out.startswith("configuration has 5 problems:")
    assert "discord:#general: '#general' is not a channel id" in out
    assert "Copy Channel ID" in out  # ...and the fix
    assert "discord:#general: no DISCORD_TOKEN and no webhook_url" in out
    assert "slack:: not a slack:<team>/<channel> ref" in out
    assert "slack:: no SLACK_BOT_TOKEN and no webhook_url" in out
    assert "webhook:alerts: no webhook_url" in out and "webhook_url_env" in out


async def test_check_live_reports_each_failure_with_its_fix(
        tmp_path: Path, fakes: tuple[FakeDiscord, FakeSlack]) -> None:
    discord, slack = fakes
    with FeedServer() as feeds:
        feeds.set("/news.xml", rss("Loopback News", [item(1)]))
        config, hooks = config_for(tmp_path, discord, slack, feeds.url("/news.xml"))
        result = await cli("check", "--live", "--config", str(config), cwd=tmp_path,
                           env={**TOKENS, **hooks})
        assert feeds.hits("/news.xml") == 1  # each feed fetched once
    out = result.stdout
    assert result.returncode == 1, out + result.stderr
    assert "configuration OK" in out
    assert line_of(out, "discord token").startswith("ok") and "logged in as newsbrief" in out
    assert line_of(out, "slack token").startswith("ok")
    assert line_of(out, f"discord:{TEXT_CHANNEL_ID} ").startswith("ok")
    forum = line_of(out, f"discord:{FORUM}")  # the kind delivery will see
    assert forum.startswith("ok") and "forum" in forum and "AI, Chips" in forum
    assert "a tag is required" in forum
    locked = line_of(out, f"discord:{LOCKED_THREAD}")
    assert locked.startswith("FAIL") and "locked" in locked and "unlock" in locked
    wrong = line_of(out, f"discord:{WRONG_CHANNEL}")
    assert wrong.startswith("FAIL") and "Unknown Channel" in wrong and "Copy Channel ID" in wrong
    assert line_of(out, f"discord:{TEXT_CHANNEL_ID}1").startswith("ok")  # the good webhook
    bad_hook = line_of(out, f"discord:{TEXT_CHANNEL_ID}2")
    assert bad_hook.startswith("FAIL") and "Unknown Webhook" in bad_hook
    assert "create a new one" in bad_hook
    ops = line_of(out, "webhook:ops")
    assert ops.startswith("FAIL") and "HTTP 404" in ops and "fix:" in ops
    assert line_of(out, f"slack:{TEAM}/C0NEWS").startswith("ok")
    gone = line_of(out, f"slack:{TEAM}/C0GONE")
    assert gone.startswith("FAIL") and "channel_not_found" in gone and "/invite" in gone
    assert line_of(out, "feed http").startswith("ok") and "1 items" in out
    assert BOT_TOKEN not in out + result.stderr and hooks["BAD_HOOK"] not in out


async def test_check_live_with_a_wrong_token_or_none(
        tmp_path: Path, fakes: tuple[FakeDiscord, FakeSlack]) -> None:
    discord, slack = fakes
    config, hooks = config_for(tmp_path, discord, slack, "https://example.invalid/x.xml")
    wrong = await cli("check", "--live", "--config", str(config), cwd=tmp_path,
                      env={**TOKENS, **hooks, "DISCORD_TOKEN": "not-the-token",
                           "NEWSBRIEF_FEEDS": "[]"})
    assert wrong.returncode == 1
    token_line = line_of(wrong.stdout, "discord token")
    assert token_line.startswith("FAIL") and "DISCORD_TOKEN was refused" in token_line
    assert "Reset Token" in token_line
    missing = await cli("check", "--live", "--config", str(config), cwd=tmp_path,
                        env={**{k: v for k, v in TOKENS.items() if k != "DISCORD_TOKEN"},
                             **hooks, "NEWSBRIEF_FEEDS": "[]"})
    assert missing.returncode == 2
    assert f"discord:{TEXT_CHANNEL_ID}: no DISCORD_TOKEN and no webhook_url" in missing.stdout
    assert "Reset Token" in missing.stdout


async def test_send_test_posts_one_marked_brief(
        tmp_path: Path, fakes: tuple[FakeDiscord, FakeSlack]) -> None:
    discord, slack = fakes
    config, hooks = config_for(tmp_path, discord, slack, "https://example.invalid/x.xml")
    env = {**TOKENS, **hooks}
    sent = await cli("send-test", f"discord:{TEXT_CHANNEL_ID}", "--config", str(config),
                     cwd=tmp_path, env=env)
    assert sent.returncode == 0, sent.stderr
    [message] = discord.messages(TEXT_CHANNEL_ID)
    assert "TEST MESSAGE from newsbrief" in str(message)
    to_slack = await cli("send-test", f"slack:{TEAM}/C0NEWS", "--config", str(config),
                         cwd=tmp_path, env=env)
    assert to_slack.returncode == 0, to_slack.stderr
    assert "TEST MESSAGE from newsbrief" in str(slack.history("C0NEWS"))
    refused = await cli("send-test", f"discord:{TEXT_CHANNEL_ID}2", "--config", str(config),
                        cwd=tmp_path, env=env)
    assert refused.returncode == 1
    assert f"the test message to discord:{TEXT_CHANNEL_ID}2 failed" in refused.stderr
    assert not discord.violations and not slack.violations
    listed = newsbrief("feeds", "status", "--config", str(config), cwd=tmp_path)
    assert "held" not in listed.stdout  # nothing was queued in the outbox


async def test_check_reports_an_unreachable_database(tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nothing listens there
    (tmp_path / "config").mkdir()
    write_config(tmp_path, "database:\n  url: postgresql+psycopg://nb:pw-secret@127.0.0.1:"
                 f"{port}/newsbrief\n")
    offline = await cli("check", cwd=tmp_path, env={})
    assert offline.returncode == 0 and "check --live connects to it" in offline.stdout
    result = await cli("check", "--live", cwd=tmp_path, env={})
    assert result.returncode == 1
    row = line_of(result.stdout, "database")
    assert row.startswith("FAIL") and f"127.0.0.1:{port}" in row and "database.url" in row
    assert "pw-secret" not in result.stdout + result.stderr

"""`newsbrief command "/subscriptions"` builds only what a chat command needs (issue 26): no
platform SDK, no OPML reader, no TLS context (loading the CA bundle is ~50 ms of CPU), however
many platforms the configuration names. What is loaded, not how long it takes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.chat import ChatApp
from bot.cli.running import _command_syncs
from bot.config import Secrets, Settings, adapter_inputs, settings_model, wanted_adapters
from bot.delivery import CommandRequest, Destination
from tests.support.fake_discord import BOT_TOKEN
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer
from tests.support.world import (  # noqa: F401  (fixtures)
    World,
    migrated_template_fixture,
    world_fixture,
)

REPO = Path(__file__).resolve().parent.parent

PROBE = """
import json, ssl, sys
loaded = []
real = ssl.SSLContext.load_verify_locations
def counted(self, *args, **kwargs):
    loaded.append(1)
    return real(self, *args, **kwargs)
ssl.SSLContext.load_verify_locations = counted
ssl.SSLContext.load_default_certs = lambda self, *a, **k: loaded.append(1)
from bot.cli.main import main
code = main(["command", "/subscriptions"])
heavy = ("discord", "slack_bolt", "slack_sdk", "listparser", "requests")
print(json.dumps({"code": code, "tls": len(loaded),
                  "heavy": sorted(m for m in heavy if m in sys.modules)}))
"""


def test_a_chat_command_loads_no_platform_sdk_and_no_tls(tmp_path: Path) -> None:
    config = tmp_path / "newsbrief.yaml"
    config.write_text("destinations:\n  - ref: discord:123456789012345678\n"
                      "  - ref: slack:T1/C1\n")
    env = {**os.environ, "NEWSBRIEF_CONFIG": str(config), "NEWSBRIEF_DATA_DIR": str(tmp_path),
           "DISCORD_TOKEN": BOT_TOKEN, "SLACK_BOT_TOKEN": "xoxb-test",
           "SLACK_SIGNING_SECRET": "s" * 32}
    env.pop("NEWSBRIEF_DATABASE__URL", None)  # the SQLite file in tmp_path: nothing is stored
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"code": 0, "tls": 0, "heavy": []}


LEAN_PROBE = """
import json, sys
from bot.cli.main import main
code = main(["command", sys.argv[1]])
print(json.dumps({"code": code, "loaded": sorted(m for m in json.loads(sys.argv[2])
                                                 if m in sys.modules)}))
"""
# what only other commands need: each command loads its own handler module, not the table's
# (the digest's and the reactions' routing, feed management with its OPML reader)
OTHER_COMMANDS = ["bot.commands.digest", "bot.commands.feeds", "bot.commands.reactions",
                  "bot.commands.settings", "bot.commands.updates", "bot.commands.why",
                  "bot.feeds.manage", "bot.feeds.opml", "bot.routing.digest",
                  "bot.routing.feedback", "xml.etree",
                  # a reply that shows no brief: not the renderer, its layouts, nor the console
                  # adapter (reading its settings section loads adapters.console_probe alone)
                  "adapters.console", "bot.delivery.render", "bot.delivery.template"]
# what a chat command that stays in the store never needs (issue 26): the poller, the outbox
# worker and its metrics, the fetcher's parsers and lxml (a page's feeds are found only for
# /feeds add), the summarizer and its models, Alembic once the schema is current; and, for
# these replies in English that show no URL (the store is empty), Babel (which reads other
# languages' catalogues) and yarl (which parses a URL to show it); httpx never (the webhook
# adapter's client); on SQLite, the PostgreSQL dialect; SQLAlchemy's ORM never (the store runs
# on the Core half of its asyncio package: bot.store.async_core)
NOT_FOR_STORE_COMMANDS = ["alembic", "babel", "bot.app", "bot.briefing", "bot.feeds.fetch",
                          "bot.feeds.parse", "bot.netguard.transport", "bot.outbox.worker",
                          "bot.pipeline", "bot.summarize", "feedparser", "httpcore", "httpx",
                          "kiwipiepy", "lxml", "numpy", "prometheus_client",
                          "sqlalchemy.dialects.postgresql", "sqlalchemy.ext.asyncio.session",
                          "sqlalchemy.orm", "trafilatura", "yarl"]


def test_a_store_command_loads_no_poller_parser_summarizer_or_migrations(
        tmp_path: Path) -> None:
    env = {**os.environ, "NEWSBRIEF_CONFIG": str(tmp_path / "none.yaml"),
           "NEWSBRIEF_DATA_DIR": str(tmp_path)}
    env.pop("NEWSBRIEF_DATABASE__URL", None)
    (tmp_path / "none.yaml").write_text("{}\n")
    results, replies = [], []
    for text, wanted in (("/subscriptions", NOT_FOR_STORE_COMMANDS),
                         ("/subscriptions", NOT_FOR_STORE_COMMANDS + OTHER_COMMANDS),
                         ("/brief harbor", NOT_FOR_STORE_COMMANDS + OTHER_COMMANDS),
                         ("/feeds list", NOT_FOR_STORE_COMMANDS)):
        # the first run creates and migrates the store; the later ones find it current
        done = subprocess.run([sys.executable, "-c", LEAN_PROBE, text, json.dumps(wanted)],
                              cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
                              check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        *said, loaded = done.stdout.strip().splitlines()
        results.append(json.loads(loaded))
        replies.append("\n".join(said))
    assert results[0]["code"] == 0 and "alembic" in results[0]["loaded"]  # the probe sees loads
    assert results[1:] == [{"code": 0, "loaded": []}] * 3
    # and each answers as before
    assert replies[1] == replies[0] == ("Subscriptions of console:\n• everything (instant)\n"
                                        "No digest time set.")
    assert replies[2] == "Nothing stored matches “harbor”."
    assert replies[3].startswith("No feeds yet. Usage: /feeds add <url>")


async def test_a_reply_with_briefs_prints_them(world: World, tmp_path: Path) -> None:
    # the renderer loads only for a reply that shows briefs: this one does
    feed = await world.feed("https://harbor.example/rss", "Harbor Gazette")
    await world.brief(feed, "Harbor cranes return", points=["The cranes are back at work."])
    data = tmp_path / "data"
    data.mkdir()
    (data / "none.yaml").write_text("{}\n")
    env = {**os.environ, "NEWSBRIEF_CONFIG": str(data / "none.yaml"),
           "NEWSBRIEF_DATA_DIR": str(data)}
    env.pop("NEWSBRIEF_DATABASE__URL", None)
    url = make_url(world.db.url)
    if url.get_backend_name() == "sqlite":  # the world's file, wherever the fixture keeps it
        stored = Path(str(url.database))
        assert stored.is_file(), stored
        for suffix in ("", "-wal"):  # what SQLite has not yet written back lives in the log
            if Path(f"{stored}{suffix}").exists():
                shutil.copy(f"{stored}{suffix}", data / f"newsbrief.db{suffix}")
    else:  # the command reads the world's own server database
        env["NEWSBRIEF_DATABASE__URL"] = world.db.url
    done = subprocess.run([sys.executable, "-m", "bot.cli.main", "command", "/brief harbor"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Harbor cranes return" in done.stdout
    assert "The cranes are back at work." in done.stdout


async def test_the_chat_app_reads_a_feed_and_briefs_a_link_when_a_command_asks(
        tmp_path: Path) -> None:
    # the fetcher and summarizer are built late, by the first command that leaves the store
    settings = Settings(data_dir=tmp_path, summarizer={"full_text": False},
                        network={"allow_private": ["127.0.0.0/8"], "total_timeout": 2.0})
    with FeedServer() as site:
        site.set("/feed.xml", rss("Harbor Gazette", [item(1)]))
        app = await ChatApp.create(settings, Secrets(values={}))
        try:
            def said(command: str, args: str) -> CommandRequest:
                return CommandRequest(command=command, args=args, user="admin", is_admin=True,
                                      where=Destination("console:"), operator=True)

            listed = await app.commands.handle(said("feeds", "list"))
            assert app.late._briefer is None, listed.text  # nothing built for a listing
            added = await app.commands.handle(said("feeds", f"add {site.url('/feed.xml')}"))
            assert not added.error, added.text
            assert site.hits("/feed.xml") == 1
            briefed = await app.commands.handle(said("brief", site.url("/feed.xml")))
            assert not briefed.error, briefed.text
            assert [one.url for one in briefed.briefs] == [item(1)["link"]]
        finally:
            await app.close()


POLL_PROBE = """
import json, sys
from bot.cli.main import main
code = main(["run", "--once", "--config", sys.argv[1]])
clients = ("httpx", "httpcore", "aiohttp", "discord", "slack_bolt", "slack_sdk")
print(json.dumps({"code": code, "loaded": sorted(m for m in clients if m in sys.modules)}))
"""


def test_a_poll_cycle_fetches_with_aiohttp_alone(tmp_path: Path) -> None:
    # the address guard parses URLs with yarl, as aiohttp requests them: a cycle that fetches,
    # parses and posts a brief never loads httpx (its import and its memory, issue 26); and no
    # platform SDK the configuration does not use (only Discord's module syncs its commands)
    with FeedServer() as site:
        site.set("/news.xml", rss("Loopback News", [item(1)]))
        config = tmp_path / "newsbrief.yaml"
        config.write_text("polling:\n  backfill: 5\n  max_item_age_days: 36500\n"
                          "summarizer:\n  full_text: false\n"
                          "network:\n  allow_private: ['127.0.0.0/8']\n"
                          f"feeds:\n  - url: {site.url('/news.xml')}\n")
        env = {**os.environ, "NEWSBRIEF_DATA_DIR": str(tmp_path)}
        env.pop("NEWSBRIEF_DATABASE__URL", None)
        done = subprocess.run([sys.executable, "-c", POLL_PROBE, str(config)], cwd=REPO,
                              env=env, capture_output=True, text=True, timeout=120, check=False)
        assert site.hits("/news.xml") == 1  # the probe fetched
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Story 1 about the harbor project" in done.stdout  # and posted a brief
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"code": 0, "loaded": ["aiohttp"]}


def test_run_syncs_the_commands_of_a_configured_platform_still() -> None:
    # the other side of the test above: with Discord's token, run still finds its command sync
    settings = settings_model()(discord={"sync_commands": True})  # with the adapters' sections
    configured = Secrets(values={"DISCORD_TOKEN": BOT_TOKEN})
    syncs = _command_syncs(set(wanted_adapters(settings, configured)))
    assert [name for name, _ in syncs] == ["discord"]
    assert syncs[0][1].syncs_on_start(adapter_inputs(settings, configured, "discord"))
    assert _command_syncs(set(wanted_adapters(settings, Secrets(values={})))) == []

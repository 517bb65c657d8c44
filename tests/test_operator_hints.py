"""What the operator is told and can type: a private-address refusal names
network.allow_private (and lifting it takes effect at the next start, without a back-off),
``run --once`` says why it polled nothing, and a feed's ``#3`` works wherever ``3`` does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.errors import BlockedAddress
from bot.netguard import AddressPolicy
from tests.support.cli import newsbrief, workdir, write_config
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer
from tests.support.world import (  # noqa: F401  (fixtures)
    World,
    migrated_template_fixture,
    world_fixture,
)

__all__ = ["workdir"]  # the fixture, imported for these tests


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


def test_an_address_refusal_names_the_setting_that_lifts_it() -> None:
    with pytest.raises(BlockedAddress) as refused:
        AddressPolicy().check_url("http://10.1.2.3/feed.xml")
    assert "network.allow_private" in str(refused.value)


def test_feeds_add_of_a_private_address_names_the_setting(workdir: Path) -> None:
    config = write_config(workdir, "data_dir: data\n")
    result = newsbrief("feeds", "add", "http://10.1.2.3/feed.xml", "--no-check",
                       "--config", str(config), cwd=workdir)
    assert result.returncode != 0
    assert "network.allow_private" in result.stderr


def test_allowing_a_refused_feed_takes_effect_at_the_next_start(workdir: Path,
                                                                 server: FeedServer) -> None:
    server.set("/news.xml", rss("News", [item(1, topic="harbor")]))
    feed = f"feeds:\n  - url: {server.url('/news.xml')}\n"
    config = write_config(workdir, "data_dir: data\n" + feed)
    first = newsbrief("run", "--once", "--config", str(config), cwd=workdir)
    assert "1 failed (blocked: 1" in first.stderr and "network.allow_private" in first.stderr
    config.write_text("data_dir: data\nnetwork:\n  allow_private: [127.0.0.0/8]\n" + feed)
    second = newsbrief("run", "--once", "--config", str(config), cwd=workdir)
    assert "polled 1 feeds: 1 new items" in second.stderr, second.stderr  # no back-off to wait
    third = newsbrief("run", "--once", "--config", str(config), cwd=workdir)
    assert "polled 0 feeds" in third.stderr
    assert "newsbrief: polled no feed: none of 1 feeds is due; the next, #1, at" in third.stderr


def test_run_once_with_no_feeds_says_so(workdir: Path) -> None:
    config = write_config(workdir, "data_dir: data\n")
    result = newsbrief("run", "--once", "--config", str(config), cwd=workdir)
    assert "newsbrief: polled no feed: there are no feeds" in result.stderr


def test_a_feed_id_as_listed_works_in_the_cli(workdir: Path) -> None:
    config = write_config(workdir, "data_dir: data\n")
    c = ("--config", str(config))
    assert newsbrief("feeds", "add", "https://a.example/rss", "--no-check", *c,
                     cwd=workdir).returncode == 0
    assert "#1 https://a.example/rss" in newsbrief("feeds", "list", *c, cwd=workdir).stdout
    for command in ("enable", "remove"):
        done = newsbrief("feeds", command, "#1", *c, cwd=workdir)
        assert done.returncode == 0 and "no such feed" not in done.stdout, done.stdout


@pytest.mark.usefixtures("pass_database")
async def test_a_feed_id_as_listed_works_in_chat(world: World) -> None:
    assert not (await world.say("/feeds add https://a.example/rss")).error
    assert not (await world.say("/feeds remove #1")).error
    assert "No feeds" in (await world.say("/feeds list")).text


def test_digest_with_no_digest_time_says_so(workdir: Path) -> None:
    config = write_config(workdir, "data_dir: data\n")
    result = newsbrief("digest", "--dry-run", "--config", str(config), cwd=workdir)
    assert result.returncode == 0
    assert "no destination has a digest_time" in result.stderr


def test_an_unknown_brief_timezone_is_refused_before_fetching(workdir: Path,
                                                              server: FeedServer) -> None:
    server.set("/news.xml", rss("News", [item(1, topic="harbor")]))
    result = newsbrief("brief", server.url("/news.xml"), "--timezone", "Mars/Base", cwd=workdir,
                       env={"NEWSBRIEF_NETWORK__ALLOW_PRIVATE": '["127.0.0.0/8"]'})
    assert result.returncode == 2
    assert "unknown timezone 'Mars/Base'" in result.stderr
    assert server.hits("/news.xml") == 0

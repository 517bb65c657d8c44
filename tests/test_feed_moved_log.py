"""A feed that moves permanently is logged with its new URL redacted: a private feed's token
lives in its query, and a redirect's Location carried it into the log."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tests.support.clock import Clock
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer
from tests.support.polled import polled_app

pytestmark = pytest.mark.usefixtures("pass_database")

TOKEN = "opensesame4711"


async def test_a_moved_feeds_new_url_is_logged_without_its_query(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="bot")  # ours; aiosqlite's DEBUG shows SQL values
    with FeedServer() as server:
        server.set("/new.xml", rss("F0", [item(1, topic="t0")]))
        server.redirect("/f/0.xml", f"/new.xml?key={TOKEN}", status=301)
        async with polled_app(tmp_path, server, Clock(), ["/f/0.xml"]):
            pass  # polled once on the way in
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("bot")]
    moved = [message for message in ours if "feed.moved" in message]
    assert len(moved) == 1 and "/new.xml?" in moved[0]
    assert not [message for message in ours if TOKEN in message]

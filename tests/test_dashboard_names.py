"""The dashboard's names, server picker and pages (issue 24.4), over HTTP: channel and server
names from the real Discord adapter on the fake Discord, escaped, and the raw id when Discord
fails; a picker that offers only one's own servers and refuses any other; fifty rows a page."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.discord import make_adapter
from bot.dashboard.auth import Principal
from bot.delivery import Destination
from bot.models import Notice
from bot.outbox.queue import enqueue
from bot.store import destinations as dest_store
from bot.store.feeds import add_feed
from tests.support.dashboard import Harness, dashboard_harness, dashboard_settings
from tests.support.fake_discord import (  # noqa: F401  (fixtures)
    BOT_TOKEN,
    GUILD_ID,
    FakeDiscord,
    fake_discord_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
NEWS, HOSTILE, OTHER = "discord:111", "discord:222", "discord:333"
OTHER_GUILD = "900000000000000777"
ADMIN_OF_BOTH = Principal("discord", "4001", "Ada", {GUILD_ID: "Fake Guild", "G2": "Two"})
ADMIN_OF_ONE = Principal("discord", "4002", "Bo", {GUILD_ID: "Fake Guild"})


@pytest.fixture
def fake(fake_discord: FakeDiscord) -> FakeDiscord:
    fake_discord.channel_names.update({"111": "harbor-news",
                                       "222": "<script>alert(1)</script>"})
    return fake_discord


@pytest.fixture
async def h(tmp_path: Path, fake: FakeDiscord) -> AsyncIterator[Harness]:
    discord = make_adapter(token=BOT_TOKEN, api_base_url=fake.api_base, connect_gateway=False)
    async with dashboard_harness(dashboard_settings(tmp_path), discord=discord) as harness:
        async with harness.app.db.begin() as conn:
            for ref, server in ((NEWS, GUILD_ID), (HOSTILE, "G2"), (OTHER, OTHER_GUILD)):
                await dest_store.get_or_create(conn, Destination(ref), now=NOW, server=server)
        yield harness


def _options(page: str, select_id: str) -> list[str]:
    found = re.search(rf'<select id="{select_id}"[^>]*>(.*?)</select>', page, re.S)
    assert found, f"no #{select_id}"
    return re.findall(r">([^<]*)</option>", found.group(1))


async def test_channels_and_servers_show_by_name_escaped(h: Harness) -> None:
    await h.sign_in()
    page = await (await h.client.get("/destinations")).text()
    assert "#harbor-news" in page and "Fake Guild" in page
    assert "#&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
    assert OTHER_GUILD in page  # Discord does not know it (Unknown Guild): its id
    deliveries = await (await h.client.get("/deliveries")).text()
    assert "#harbor-news" in _options(deliveries, "filter-destination")


async def test_when_discord_fails_the_pages_show_ids(h: Harness, fake: FakeDiscord) -> None:
    fake.fail("GET", "/channels/111", [403] * 10)
    fake.fail("GET", f"/guilds/{GUILD_ID}", [403] * 10)
    await h.sign_in()
    response = await h.client.get("/destinations")
    page = await response.text()
    assert response.status == 200
    assert NEWS in page and "#harbor-news" not in page and "Fake Guild" not in page


async def test_an_admin_of_several_servers_picks_one(h: Harness) -> None:
    h.act_as(ADMIN_OF_BOTH)
    page = await (await h.client.get("/destinations")).text()
    assert _options(page, "server-picker") == ["All my servers", "Fake Guild", "Two"]
    assert "#harbor-news" in page and "alert(1)" in page and "discord:333" not in page
    response = await h.post("/scope", {"server": GUILD_ID, "next": "/destinations"})
    assert response.status == 303 and response.headers["Location"] == "/destinations"
    page = await (await h.client.get("/destinations")).text()
    assert "#harbor-news" in page and "alert(1)" not in page


async def test_nobody_picks_a_server_they_do_not_admin(h: Harness) -> None:
    h.act_as(ADMIN_OF_BOTH)
    response = await h.post("/scope", {"server": OTHER_GUILD, "next": "/destinations"})
    assert response.status == 303 and response.headers["Location"] == "/"
    overview = await (await h.client.get("/")).text()
    assert "That server is not one you manage." in overview
    page = await (await h.client.get("/destinations")).text()
    assert "discord:333" not in page and OTHER_GUILD not in page
    assert "#harbor-news" in page and "alert(1)" in page  # still all of their own


async def test_one_server_needs_no_picker_and_the_operator_has_every_server(h: Harness
                                                                             ) -> None:
    h.act_as(ADMIN_OF_ONE)
    page = await (await h.client.get("/")).text()
    assert 'id="server-picker"' not in page and "Fake Guild" in page
    await h.sign_in()
    page = await (await h.client.get("/")).text()
    assert _options(page, "server-picker") == ["All servers", "900000000000000777",
                                               "Fake Guild", "G2"]
    await h.post("/scope", {"server": "G2", "next": "/destinations"})
    page = await (await h.client.get("/destinations")).text()
    assert "alert(1)" in page and "#harbor-news" not in page


async def test_deliveries_come_fifty_a_page(h: Harness) -> None:
    async with h.app.db.begin() as conn:
        news = await dest_store.get(conn, NEWS)
        assert news is not None
        for n in range(120):
            await enqueue(conn, key=f"n{n}", destination_id=news.id, now=NOW,
                          notice=Notice(title=f"Notice {n:03d}", text="x"))
    await h.sign_in()
    first = await (await h.client.get(f"/deliveries?destination={news.id}")).text()
    assert first.count('class="delivery ') == 50 and "Notice 119" in first
    assert f'href="/deliveries?destination={news.id}&amp;page=2"' in first
    third = await (await h.client.get(f"/deliveries?destination={news.id}&page=3")).text()
    assert third.count('class="delivery ') == 20 and "Notice 019" in third
    assert "Notice 020" not in third and 'rel="next"' not in third
    for odd in ("abc", "0", "99999999999"):  # anything odd is the first page
        page = await (await h.client.get(f"/deliveries?page={odd}")).text()
        assert "Notice 119" in page


async def test_exclusions_and_counts_read_plainly(h: Harness) -> None:
    await h.sign_in()
    async with h.app.db.read() as conn:
        news = await dest_store.get(conn, NEWS)
    assert news is not None
    page = f"/destinations/{news.id}"
    added = await h.post(f"{page}/subscribe", {"kind": "keyword", "value": "crypto",
                                               "mode": "instant", "exclude": "1"}, page=page)
    assert added.status == 303
    shown = await (await h.client.get(page)).text()
    # the flash: chat's reply, naming the channel as the page does
    assert "From now on #harbor-news gets no story that matches keyword “crypto”" in shown
    assert '<span class="pill failing">excluded</span> keyword <strong>crypto</strong></span>' \
        in shown  # no "not" pill, and no mode: an exclusion wins in either
    sub_id = re.search(r'name="subscription" value="(\d+)"', shown)
    assert sub_id
    await h.post(f"{page}/unsubscribe", {"subscription": sub_id.group(1)}, page=page)
    assert "No longer excluding keyword crypto." in await (await h.client.get(page)).text()
    async with h.app.db.begin() as conn:
        await enqueue(conn, key="one", destination_id=news.id, now=NOW,
                      notice=Notice(title="One", text="x"))
        await add_feed(conn, "https://news.example/rss", now=NOW, title="News")
    overview = await (await h.client.get("/")).text()
    assert re.search(r'class="big">1</span> message waiting', overview)
    assert re.search(r'class="big">1</span> feed\b', overview)


async def test_pages_ask_discord_only_about_the_rows_they_show(h: Harness,
                                                                fake: FakeDiscord) -> None:
    """Sixty more channels in scope, one delivery: on a cold cache Deliveries asks Discord the
    name of that delivery's channel only, and Feeds none; their channel lists show the names
    already known and ids for the rest."""
    async with h.app.db.begin() as conn:
        for n in range(60):
            await dest_store.get_or_create(conn, Destination(f"discord:{5000 + n}"), now=NOW,
                                           server=GUILD_ID)
        news = await dest_store.get(conn, NEWS)
        assert news is not None
        await enqueue(conn, key="one", destination_id=news.id, now=NOW,
                      notice=Notice(title="Notice", text="x"))
    await h.sign_in()

    def asked() -> list[str]:
        return [path for method, path, _ in fake.requests
                if method == "GET" and path.startswith("/channels/")]

    deliveries = await (await h.client.get("/deliveries")).text()
    assert asked() == ["/channels/111"]
    assert "#harbor-news" in _options(deliveries, "filter-destination")
    assert "discord:5000" in _options(deliveries, "filter-destination")
    feeds = await (await h.client.get("/feeds")).text()
    assert asked() == ["/channels/111"] and "#harbor-news" in feeds

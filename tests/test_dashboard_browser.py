"""The dashboard in a real headless Chromium (Debian's ``chromium``, driven by Playwright): sign
in, add a feed from a loopback feed server after seeing its preview, subscribe a destination to
a tag, set a Seoul digest time, send a test message to the fake Discord server and watch the
delivery appear. Screenshots of every page at desktop and phone widths go to
``test-output/dashboard/`` (or ``$NEWSBRIEF_TEST_OUTPUT``), which git ignores."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from adapters.recording import RecordingAdapter
from bot.app import App
from bot.config import DestinationSettings, Secrets
from bot.dashboard import Dashboard, make_services
from bot.dashboard.auth import OperatorSecret
from bot.delivery import Destination
from bot.models import Notice
from bot.outbox.queue import enqueue
from bot.store import destinations as dest_store
from bot.store.feeds import add_feed
from tests.support.dashboard import SECRET, dashboard_settings
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer

CHROMIUM = os.environ.get("NEWSBRIEF_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
OUTPUT = Path(os.environ.get("NEWSBRIEF_TEST_OUTPUT",
                             Path(__file__).resolve().parent.parent / "test-output")) / "dashboard"
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

if os.environ.get("NEWSBRIEF_SKIP_BROWSER"):
    pytest.skip("BROWSER TESTS SKIPPED: NEWSBRIEF_SKIP_BROWSER is set (unset it to run the "
                "dashboard in Chromium)", allow_module_level=True)
try:
    from playwright.async_api import Page, async_playwright, expect
except ImportError:  # pragma: no cover - depends on the machine
    pytest.skip("BROWSER TESTS SKIPPED: playwright is not installed (pip install -e '.[dev]')",
                allow_module_level=True)
if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
    pytest.skip(f"BROWSER TESTS SKIPPED: no Chromium at {CHROMIUM} "
                "(as root: apt-get install chromium; `make test` does it)",
                allow_module_level=True)


from adapters.discord import make_adapter  # noqa: E402
from tests.support.fake_discord import (  # noqa: E402
    BOT_TOKEN,
    GUILD_ID,
    TEXT_CHANNEL_ID,
    FakeDiscord,
    fake,  # noqa: F401  (fixture)
)

LONG = "Breaking" + "x" * 492  # one unbroken 500-character headline
HOSTILE_CHANNEL = "900000000000000099"  # a channel whose name is markup


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        srv.set("/harbor.xml", rss("Harbor Gazette", [item(3, topic="harbor"),
                                                      item(2, topic="harbor")]))
        yield srv



@pytest.fixture
async def site(tmp_path: Path, fake: FakeDiscord) -> AsyncIterator[dict[str, Any]]:
    """The bot with its dashboard on a loopback port and its outbox worker running."""
    settings = dashboard_settings(tmp_path).model_copy(update={"destinations": [
        DestinationSettings(ref=f"discord:{TEXT_CHANNEL_ID}")]})
    discord = make_adapter(token=BOT_TOKEN, api_base_url=fake.api_base, connect_gateway=False)
    app = await App.create(settings, Secrets(values={}),
                           adapters={"console": RecordingAdapter(name="console"),
                                     "discord": discord})
    for adapter in app.adapters.values():
        await adapter.start(app.commands.handle)
    services = make_services(db=app.db, commands=app.commands, settings=app.settings,
                             secrets=app.secrets, notify=app.worker.notify,
                             adapters=app.adapters)
    dash = Dashboard(services, operator=OperatorSecret(SECRET, generated=False))
    runner = web.AppRunner(dash.app, access_log=None)
    await runner.setup()
    tcp = web.TCPSite(runner, "127.0.0.1", 0)
    await tcp.start()
    port = next(int(a[1]) for a in runner.addresses if isinstance(a, tuple))
    stop = asyncio.Event()
    worker = asyncio.create_task(app.worker.run_forever(stop))
    try:
        yield {"url": f"http://127.0.0.1:{port}", "app": app}
    finally:
        stop.set()
        app.worker.notify()
        await asyncio.wait_for(worker, 30)
        await runner.cleanup()
        await app.close()


@pytest.fixture
async def page() -> AsyncIterator[Page]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS,
                                                   headless=True)
        context = await browser.new_context(viewport=SIZES["desktop"])
        tab = await context.new_page()
        tab.set_default_timeout(20_000)
        try:
            yield tab
        finally:
            await browser.close()


async def _shoot(page: Page, name: str) -> None:
    """The page at each width, whole, for a person to look at."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for size, viewport in SIZES.items():
        await page.set_viewport_size(viewport)
        await page.screenshot(path=str(OUTPUT / f"{name}-{size}.png"), full_page=True)
    await page.set_viewport_size(SIZES["desktop"])


async def test_an_operator_runs_the_bot_from_the_browser(site: dict[str, Any], page: Page,
                                                         feeds: FeedServer,
                                                         fake: FakeDiscord) -> None:
    base = site["url"]
    await page.goto(f"{base}/feeds")
    await expect(page).to_have_url(f"{base}/login?next=%2Ffeeds")
    await _shoot(page, "login")
    await page.get_by_label("Dashboard secret").fill("wrong")
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.get_by_role("alert")).to_contain_text("not the dashboard secret")
    await page.get_by_label("Dashboard secret").fill(SECRET)
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.get_by_role("heading", name="Feeds", exact=True)).to_be_visible()

    # A feed: type its URL, see the newest brief (fetched live by the page's script), add it.
    url = feeds.url("/harbor.xml")
    await page.get_by_label("Feed URL").fill(url)
    preview = page.locator("#feed-preview")
    await expect(preview).to_contain_text("Story 3 about the harbor project")
    await expect(preview.locator(".discord-embed")).to_be_visible()
    await page.get_by_label("Tags").fill("harbor")
    await _shoot(page, "feeds-preview")
    await page.get_by_role("button", name="Add feed").click()
    await expect(page.get_by_role("status")).to_contain_text("Added feed")
    await expect(page.locator("table.feeds")).to_contain_text(url)
    await _shoot(page, "feeds")

    # The Discord channel: follow the tag, digest at 08:00 Seoul time.
    await page.get_by_role("link", name="Destinations").click()
    await _shoot(page, "destinations")
    await page.get_by_role("link", name="#news").click()  # the channel's name, from Discord
    await expect(page.get_by_role("heading", name="#news")).to_be_visible()
    await page.get_by_label("What").select_option("tag")
    await page.get_by_label("Value to follow").fill("harbor")
    await page.get_by_role("button", name="Subscribe").click()
    await expect(page.get_by_role("status")).to_contain_text("Subscribed to tag")
    await expect(page.locator(".subs")).to_contain_text("harbor")
    await page.get_by_label("Digest time").fill("08:00")
    await page.get_by_label("Timezone").fill("Asia/Seoul")
    await page.get_by_role("button", name="Save").click()
    await expect(page.get_by_role("status")).to_contain_text("at 08:00 Asia/Seoul")
    await expect(page.get_by_label("Timezone")).to_have_value("Asia/Seoul")
    await _shoot(page, "destination")

    # A test message, delivered to the fake Discord by the outbox worker, shown in the log.
    await page.get_by_role("button", name="Send a test message").click()
    await expect(page.get_by_role("heading", name="Deliveries")).to_be_visible()
    await expect(page.locator(".delivery.state-sent")).to_contain_text(
        "newsbrief test message", timeout=30_000)
    posted = fake.messages(TEXT_CHANNEL_ID)
    assert len(posted) == 1 and posted[0]["embeds"][0]["title"] == "newsbrief test message"
    await page.locator(".delivery summary").first.click()
    await expect(page.locator(".delivery .discord-message").first).to_be_visible()
    await _shoot(page, "deliveries")

    # Preview: one URL, each platform side by side.
    await page.get_by_role("link", name="Preview").click()
    await page.get_by_label("Article or feed URL").fill(url)
    await page.get_by_role("button", name="Brief it").click()
    for view in ("Discord", "Slack", "Plain text"):
        await expect(page.get_by_role("region", name=view if view != "Plain text" else "Text")
                     ).to_contain_text("Story 3 about the harbor project")
    await _shoot(page, "preview")

    await page.get_by_role("link", name="Overview").click()
    await expect(page.locator(".tiles")).to_contain_text("1 sent in 24 h")
    await _shoot(page, "overview")


async def test_a_channel_layout_is_previewed_refused_and_used(site: dict[str, Any], page: Page,
                                                             fake: FakeDiscord) -> None:
    base = site["url"]
    await page.goto(f"{base}/destinations?token={SECRET}")
    await page.get_by_role("link", name="#news").click()  # the channel's name, from Discord
    layout = page.locator("#layout")
    await expect(layout.get_by_label("Template")).to_have_value("default")
    await layout.get_by_label("Template").fill(
        "**{headline}** · {source}{#points}\\n{n}. {text}{/points}")
    await layout.get_by_role("button", name="Preview").click()
    shown = page.locator("#layout .discord-embed")
    await expect(shown).to_contain_text("1. newsbrief can post to this destination.")
    await expect(shown.locator("strong")).to_contain_text("TEST MESSAGE from newsbrief")
    await page.locator("#layout").scroll_into_view_if_needed()
    await _shoot(page, "destination-layout-preview")
    await layout.get_by_label("Template").fill("{headline} {#points}")
    await layout.get_by_role("button", name="Use this layout").click()
    await expect(page.locator("#layout-error")).to_contain_text("{#points} is never closed")
    await _shoot(page, "destination-layout-error")
    await page.locator("#layout").get_by_label("Template").fill("compact")
    await page.locator("#layout").get_by_role("button", name="Use this layout").click()
    await expect(page.get_by_role("status")).to_contain_text("Layout saved: compact")
    await expect(page.locator("#layout .discord-content")).to_contain_text(
        "TEST MESSAGE from newsbrief (not a news story) · newsbrief send-test")


async def test_keyboard_alone_reaches_the_pages(site: dict[str, Any], page: Page) -> None:
    await page.goto(f"{site['url']}/?token={SECRET}")
    await expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    await page.keyboard.press("Tab")
    assert await page.evaluate("document.activeElement.textContent") == "Skip to content"
    await page.keyboard.press("Enter")
    assert await page.evaluate("document.activeElement.id") == "main"
    await page.goto(f"{site['url']}/")
    for _ in range(3):  # skip link, Overview, Feeds
        await page.keyboard.press("Tab")
    assert await page.evaluate("document.activeElement.textContent") == "Feeds"
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("heading", name="Feeds", exact=True)).to_be_visible()
    # every form control on the page has a label a screen reader announces
    unlabelled = await page.evaluate("""() => [...document.querySelectorAll(
        'input:not([type=hidden]), select')].filter(e => !e.labels || !e.labels.length)
        .map(e => e.name)""")
    assert unlabelled == []


async def _fits(page: Page) -> None:
    """Nothing sticks out sideways: the page is no wider than the window."""
    wide = await page.evaluate("document.documentElement.scrollWidth")
    window = await page.evaluate("window.innerWidth")
    assert wide <= window, f"{page.url} is {wide} px wide in a {window} px window"


async def test_long_text_names_paging_and_the_server_picker(site: dict[str, Any], page: Page,
                                                            fake: FakeDiscord) -> None:
    app: App = site["app"]
    fake.channel_names[HOSTILE_CHANNEL] = "<script>alert(1)</script>"
    now = app.pipeline.clock()
    async with app.db.begin() as conn:
        await add_feed(conn, "http://127.0.0.1:9/long.xml", now=now, title=LONG)
        news = await dest_store.get(conn, f"discord:{TEXT_CHANNEL_ID}")
        assert news is not None
        await dest_store.update_destination(conn, news.id, server=GUILD_ID)
        hostile = await dest_store.get_or_create(conn, Destination(f"discord:{HOSTILE_CHANNEL}"),
                                                 now=now)
        await dest_store.update_destination(conn, hostile.id, server="900000000000000077",
                                            paused_at=now, paused_reason=LONG)
        console = await dest_store.get_or_create(conn, Destination("console:"), now=now)
        for n in range(54):  # more than a page of deliveries (50)
            await enqueue(conn, key=f"filler-{n}", destination_id=console.id, now=now,
                          notice=Notice(title=f"Filler {n}", text="A short one."))
        await enqueue(conn, key="long", destination_id=console.id, now=now,
                      notice=Notice(title=LONG, text=LONG))
    app.worker.notify()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    base = site["url"]
    await page.goto(f"{base}/?token={SECRET}")

    # Names from the adapters; the one that is markup is shown as text, and runs nothing.
    await page.goto(f"{base}/destinations")
    table = page.locator("table")
    await expect(table).to_contain_text("#news")
    await expect(table).to_contain_text("#<script>alert(1)</script>")
    await expect(table).to_contain_text("Fake Guild")  # the server's name
    await expect(table).to_contain_text("900000000000000077")  # Unknown Guild: its id

    # Deliveries: the long headline wraps, fifty a page, the rest one click away.
    await page.goto(f"{base}/deliveries")
    await expect(page.locator(".delivery").first).to_contain_text(LONG[:40])
    await expect(page.locator(".delivery")).to_have_count(50)
    for name in ("overview", "feeds", "destinations", "deliveries"):
        await page.goto(f"{base}/" if name == "overview" else f"{base}/{name}")
        if name == "deliveries":  # the message itself, as the platform shows it, too
            await page.locator(".delivery summary").first.click()
        for size, viewport in SIZES.items():
            await page.set_viewport_size(viewport)
            await _fits(page)
            await page.screenshot(path=str(OUTPUT / f"long-{name}-top-{size}.png"))
        await page.set_viewport_size(SIZES["desktop"])
        await _shoot(page, f"long-{name}")
    await page.get_by_role("link", name="Older").click()
    await expect(page.locator(".delivery")).to_have_count(5)
    await expect(page.get_by_role("link", name="Newer")).to_be_visible()

    # The picker: the operator narrows every page to one server, by its name.
    await page.goto(f"{base}/")
    picker = page.get_by_label("Server", exact=True)
    await expect(picker.locator("option")).to_have_text(
        ["All servers", "900000000000000077", "Fake Guild"])
    await picker.select_option(label="Fake Guild")  # applies at once (the page's script)
    await expect(page.get_by_role("heading", name="Overview: Fake Guild")).to_be_visible()
    await _shoot(page, "picker-overview")
    await page.goto(f"{base}/destinations")
    await expect(page.locator("table")).to_contain_text("#news")
    await expect(page.locator("table")).not_to_contain_text("alert")
    await page.get_by_label("Server", exact=True).select_option(label="All servers")
    await expect(page.locator("table")).to_contain_text("#<script>alert(1)</script>")
    assert dialogs == []

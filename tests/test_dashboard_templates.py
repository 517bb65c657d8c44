"""The destination page's layout form (issue 24.1): a template is previewed as the channel's
platform draws it, refused beside the field with one line when it is bad (nothing stored), and
saved; the default clears it."""

from __future__ import annotations

import html

import pytest

from bot.delivery import Destination
from bot.outbox.queue import enqueue
from bot.store import destinations as dest_store
from tests.support.crash_delivery import add_brief
from tests.support.dashboard import Harness
from tests.support.dashboard_fixtures import (  # noqa: F401  (fixtures)
    NOW,
    h,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


async def _discord_channel(h: Harness) -> int:
    async with h.app.db.begin() as conn:
        row = await dest_store.get_or_create(conn, Destination("discord:111"), now=NOW)
    return row.id


async def _stored(h: Harness, dest: int) -> str | None:
    async with h.app.db.begin() as conn:
        row = await dest_store.by_id(conn, dest)
    assert row is not None
    return row.template


async def test_preview_refuse_save_and_reset_a_layout(h: Harness) -> None:
    await h.sign_in()
    dest = await _discord_channel(h)
    page = f"/destinations/{dest}"
    shown = html.unescape(await (await h.client.get(page)).text())
    assert "Message layout" in shown and ">default</textarea>" in shown
    assert 'class="discord-embed"' in shown  # today's brief, drawn as Discord draws it

    typed = "text: {headline} ~ {#points}[{n}] {/points}"
    preview = await h.post(f"{page}/template", {"template": typed, "action": "preview"},
                           page=page)
    body = html.unescape(await preview.text())
    assert preview.status == 200 and "TEST MESSAGE from newsbrief" in body
    assert "~ [1] [2] [3]" in body  # the sample brief in the typed layout
    assert await _stored(h, dest) is None  # a preview stores nothing

    bad = await h.post(f"{page}/template", {"template": "{headline} {#points}",
                                            "action": "save"}, page=page)
    text = html.unescape(await bad.text())
    assert bad.status == 400 and 'id="layout-error"' in text
    assert "{#points} is never closed" in text and "{headline} {#points}</textarea>" in text
    assert await _stored(h, dest) is None

    saved = await h.post(f"{page}/template", {"template": "compact", "action": "save"},
                         page=page)
    assert saved.status == 303 and await _stored(h, dest) == "compact"
    again = html.unescape(await (await h.client.get(page)).text())
    assert ">compact</textarea>" in again and "Layout saved: compact" in again

    await h.post(f"{page}/template", {"template": "default", "action": "save"}, page=page)
    assert await _stored(h, dest) is None


async def test_deliveries_show_a_message_in_its_destinations_layout(h: Harness) -> None:
    await h.sign_in()
    dest = await _discord_channel(h)
    page = f"/destinations/{dest}"
    await h.post(f"{page}/template", {"template": "compact", "action": "save"}, page=page)
    brief_id = await add_brief(h.app.db, 7, now=NOW)
    async with h.app.db.begin() as conn:
        await enqueue(conn, key="b-7", destination_id=dest, brief_id=brief_id, now=NOW)
    shown = html.unescape(await (await h.client.get(f"/deliveries?destination={dest}")).text())
    # compact is one plain line, not the default embed
    assert ('<div class="discord-content"><strong>Story 7</strong> · Loopback News · '
            'http://127.0.0.1/7</div>') in shown
    assert 'class="discord-embed"' not in shown

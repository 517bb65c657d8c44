"""An Audience is shared: EVERYONE by every caller, and each poll cycle's two audiences by all
its feeds no server linked (issue 26). Its tags are read-only, so that no write to one feed's
audience reaches the others."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.models import EVERYONE, Audience
from bot.store import Database, tenancy
from bot.store.feeds import add_feed, link_server
from tests.support.dbs import db  # noqa: F401  (the fixture)

NOW = datetime(2026, 3, 9, 10, 0, tzinfo=UTC)


def test_the_tags_of_an_audience_cannot_be_written() -> None:
    given = {"S1": frozenset({"cats"})}
    audience = Audience(everyone=False, tenants=frozenset({"S1"}), tags=given)
    given["S2"] = frozenset({"dogs"})  # the caller's dict was copied, not kept
    assert audience.tags_of("S2") == frozenset()
    for shared in (EVERYONE, audience):
        with pytest.raises(TypeError):
            shared.tags["S9"] = frozenset({"x"})  # type: ignore[index]
    assert EVERYONE.tags_of("S9") == frozenset()
    assert audience == Audience(everyone=False, tenants=frozenset({"S1"}),
                                tags={"S1": frozenset({"cats"})})


@pytest.mark.usefixtures("pass_database")
async def test_the_unlinked_feeds_of_a_cycle_share_an_audience_no_one_can_write(
        db: Database) -> None:
    async with db.begin() as conn:
        ids = [(await add_feed(conn, f"https://{n}.example/rss", now=NOW))[0] for n in "ab"]
        linked = (await add_feed(conn, "https://c.example/rss", now=NOW, added_by="u@S1",
                                 added_server="S1"))[0]
        await link_server(conn, linked, "S1", now=NOW, tags=["cats"], added_by="u@S1")
    async with db.read() as conn:
        found = await tenancy.audiences(conn, [*ids, linked])
    assert found[ids[0]] is found[ids[1]]
    for audience in found.values():
        with pytest.raises(TypeError):
            audience.tags["S9"] = frozenset({"x"})  # type: ignore[index]
    assert found[ids[1]].tags_of("S9") == frozenset()
    assert found[linked].tags_of("S1") == frozenset({"cats"})

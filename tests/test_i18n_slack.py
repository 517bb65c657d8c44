"""Slack gives a caller's language in users.info: it reaches the command core."""

from __future__ import annotations

from adapters.slack import SlackAdapter
from tests.support.fake_slack import FakeSlack
from tests.support.slack_commands import (  # noqa: F401  (fixtures)
    Core,
    fake,
    form,
    post,
    running,
    signed,
    until,
)


async def test_slack_users_info_locale_reaches_the_core(
        fake: FakeSlack, running: tuple[SlackAdapter, Core]) -> None:
    adapter, core = running
    fake.users["UPLAIN"]["locale"] = "ko-KR"
    body = form(fake, "/subscriptions", "")
    assert await post(adapter, body, signed(body)) == 200
    await until(lambda: core.requests)
    assert core.requests[0].locale == "ko-KR"

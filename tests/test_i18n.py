"""The bot speaks the caller's language: catalogues complete, the caller's locale first, then the
destination's, then English; Korean slash-command names on Discord; Slack's users.info locale;
`newsbrief command --locale ko`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from adapters.discord import sync_commands
from adapters.discord.bot import DiscordAdapter
from bot import i18n
from bot.delivery import Destination
from bot.delivery.render import frame
from bot.i18n.extract import marked_messages, missing
from bot.store import destinations as dest_store
from tests.support.cli import newsbrief, workdir, write_config  # noqa: F401  (fixture)
from tests.support.discord_commands import (  # noqa: F401  (fixtures)
    Core,
    adapter,
    core,
    fake,
    invoke,
    opt,
    payload,
)
from tests.support.fake_discord import APP_ID, BOT_TOKEN, FakeDiscord
from tests.support.world import (  # noqa: F401  (fixtures)
    CHANNEL,
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def test_every_marked_message_has_a_korean_translation() -> None:
    assert len(marked_messages()) > 100
    assert missing("ko") == []


def test_translations_keep_the_placeholders() -> None:
    with (i18n.HERE / "ko.po").open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.id:
            assert sorted(_PLACEHOLDER.findall(str(message.string))) == sorted(
                _PLACEHOLDER.findall(str(message.id))), message.id


def test_a_new_unmarked_translation_is_reported(tmp_path: Path) -> None:
    # what the completeness test would see if code gained a message the catalogue lacks
    (tmp_path / "new.py").write_text('from bot.i18n import _\n_("A brand new reply.")\n')
    assert marked_messages((tmp_path,)) == {"A brand new reply."}
    assert "A brand new reply." not in i18n.catalogue("ko")


@pytest.mark.parametrize(("locale", "lang"), [
    ("ko", "ko"), ("ko-KR", "ko"), ("ko_KR", "ko"), ("en-US", "en"), ("fr", None), (None, None)])
def test_language_of_a_locale(locale: str | None, lang: str | None) -> None:
    assert i18n.language(locale) == lang


def test_digest_frame_comes_from_the_catalogue() -> None:
    assert frame("ko-KR").digest_title == "오늘의 브리핑"
    assert frame("en").digest_title == "Daily brief" and frame("fr").nothing_new.startswith("No")


async def test_reply_in_caller_then_destination_then_english(world: World) -> None:
    platform = world.platform
    await platform.start(world.core.handle)
    ko = await platform.command("/subscriptions", where=CHANNEL, user="u1", is_admin=True,
                                locale="ko")
    assert ko.text.startswith(f"{CHANNEL}에는 구독이 없습니다.") and "사용법" in ko.text
    en = await world.say("/subscriptions")
    assert en.text.startswith(f"{CHANNEL} has no subscriptions.")
    async with world.db.begin() as conn:  # a Korean channel
        row = await dest_store.get_or_create(conn, Destination(CHANNEL), now=world.now)
        await dest_store.update_destination(conn, row.id, locale="ko")
    fallback = await platform.command("/subscribe #ai", where=CHANNEL, user="u1",
                                      is_admin=True, locale="fr")
    assert fallback.text == f"{CHANNEL}에서 태그 “ai”을(를) 구독합니다 (즉시)."
    english_caller = await platform.command("/subscriptions", where=CHANNEL, user="u1",
                                            is_admin=True, locale="en-US")
    assert english_caller.text.startswith(f"Subscriptions of {CHANNEL}:")
    assert "• tag ai (instant)" in english_caller.text
    error = await platform.command("/digest time 25:00", where=CHANNEL, user="u1",
                                   is_admin=True, locale="ko")
    assert error.error and "시각이 아닙니다" in error.text
    assert (await world.say("/frobnicate")).text.startswith("알 수 없는 명령")  # channel: ko


async def test_discord_interaction_locale_reaches_the_core(
        fake: FakeDiscord, adapter: DiscordAdapter, core: Core) -> None:
    await invoke(adapter, payload("subscriptions"))  # the payload says "locale": "ko"
    [request] = core.requests
    assert request.locale == "ko"


async def test_discord_commands_sync_with_korean_names_and_descriptions(
        fake: FakeDiscord) -> None:
    await sync_commands(token=BOT_TOKEN, api_base_url=fake.api_base, guild_ids=[222])
    [body] = fake.sent("PUT", f"/applications/{APP_ID}/guilds/222/commands")
    by_name = {c["name"]: c for c in body}
    assert by_name["subscribe"]["name_localizations"]["ko"] == "구독"
    assert by_name["feeds"]["name_localizations"]["ko"] == "피드"
    for command in body:  # every command and subcommand is localized: none was forgotten
        assert command["name_localizations"].get("ko"), command["name"]
        assert command["description_localizations"].get("ko"), command["name"]
        for sub in command.get("options", []):
            if sub["type"] == 1:
                assert sub["name_localizations"].get("ko"), sub["name"]
                assert sub["description_localizations"].get("ko"), sub["name"]


def test_cli_command_answers_in_korean(workdir: Path) -> None:
    config = write_config(workdir, "data_dir: data\n")
    result = newsbrief("command", "/subscriptions", "--locale", "ko", "--config", str(config),
                       cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["console의 구독:", "• 전체 (즉시)",
                                          "다이제스트 시간이 정해지지 않았습니다."]
    english = newsbrief("command", "/subscriptions", "--config", str(config), cwd=workdir)
    assert english.stdout.splitlines()[:2] == ["Subscriptions of console:",
                                               "• everything (instant)"]


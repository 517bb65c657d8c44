"""Message templates per destination (issue 24.1): the template language on hostile input, and
`/settings template` in conversations whose briefs reach the fake Discord and Slack through
the real adapters, with feed text that tries to ping."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from adapters.discord.bot import DiscordAdapter
from adapters.discord.escape import LIVE_MENTION, escape_text
from adapters.discord.render import find_marker, nonce_for, render_brief_payloads
from bot.cli.config_file import load_settings
from bot.config import DestinationSettings
from bot.delivery import CommandReply, Destination, template
from bot.delivery.render import templated_text
from bot.delivery.template import TemplateError, Values, layout, parse, render
from bot.errors import ConfigError
from bot.models import Brief, Point, sample_brief
from bot.store import destinations as dest_store
from tests.support.discord_commands import (  # noqa: F401  (fixtures)
    Core,
    adapter,
    core,
    fake,
    invoke,
    opt,
    payload,
    sub,
)
from tests.support.stack import (  # noqa: F401  (fixtures)
    DISCORD,
    SLACK,
    Stack,
    stack_fixture,
)
from tests.support.world import (  # noqa: F401  (fixtures)
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

HOSTILE = "@everyone <@&999999999999999999> <@111111111111111111> @here <!channel> <!here>"


def plain(values: dict[str, str], points: list[dict[str, str]] | None = None) -> Values:
    return Values(values, points or [], literal=str)


# --- the language ------------------------------------------------------------------------------

def test_placeholders_sections_and_escapes() -> None:
    body = parse("{headline}{#link} <{link}>{/link}{^tags} (untagged){/tags}\\n"
                 "{#points}{n}. {#label}{label}: {/label}{text};{/points} {{x}}")
    out = render(body, plain({"headline": "H", "link": "u", "tags": ""},
                             [{"n": "1", "label": "L", "text": "a"},
                              {"n": "2", "label": "", "text": "b"}]))
    assert out == "H <u> (untagged)\n1. L: a;2. b; {x}"


@pytest.mark.parametrize(("source", "problem"), [
    ("{headlin}", "unknown placeholder {headlin}"),
    ("{#points}{text}", "{#points} is never closed"),
    ("{/link}", "{/link} closes no section"),
    ("{#link}{#tags}{/link}{/tags}", "{/link} closes {#tags}"),
    ("{text}", "{text} is only known inside {#points}"),
    ("{points}", "{points} is a list"),
    ("{#points}{#points}{/points}{/points}", "{#points} inside {#points}"),
    ("{#link}" * 5 + "x" + "{/link}" * 5, "nested more than 4 deep"),
    ("x" * (template.MAX_SOURCE + 1), "template too long"),
    ("text:   ", "template is empty"),
    ("{headline", "a “{” with no “}”"),
    ("{__import__('os')}", "unknown placeholder"),
    ("{headline.__class__}", "unknown placeholder"),
    ("{link} {link}", "{link} may appear only once"),
    ("{#points}{text} {link}{/points}", "{link} cannot repeat inside {#points}"),
])
def test_bad_templates_get_one_clear_line(source: str, problem: str) -> None:
    with pytest.raises(TemplateError) as caught:
        layout(source)
    assert problem in str(caught.value) and "\n" not in str(caught.value)


def test_hostile_templates_render_within_the_budget() -> None:
    # the deepest nesting allowed, each level repeating every part: bounded by the budget
    part = "{headline}{source}{tags}" * 15
    source = ("{#link}" + part) * 3 + "{#points}{text}{/points}" + "{/link}" * 3
    points = [{"n": str(i), "label": "", "text": "y" * 1000} for i in range(25)]
    out = render(parse(source), plain({"headline": "h" * 500, "source": "s" * 500, "link": "l",
                                       "tags": "t" * 500}, points), budget=5000)
    assert len(out) <= 5000


def test_values_are_text_never_template() -> None:
    # a headline that looks like a template is shown as it is, not evaluated
    out = render(parse("{headline}"), plain({"headline": "{#points}{link}{/points} {{x}}"}))
    assert out == "{#points}{link}{/points} {{x}}"


def test_presets_and_styles() -> None:
    assert layout(None).is_default and layout("DEFAULT").is_default
    assert layout("compact").style == "text" and layout("headlines").style == "embed"
    custom = layout("text: {headline} {link}")
    assert (custom.name, custom.style, custom.source) == ("custom", "text",
                                                         "text: {headline} {link}")
    assert layout("{headline}").style == "embed"
    with pytest.raises(TemplateError, match="preset has its own style"):
        layout("text: compact")
    # a stored template the parser no longer accepts falls back to the default brief
    assert template.stored_layout("{gone}").is_default


def test_default_preview_is_todays_brief_and_presets_choose_parts() -> None:
    brief = sample_brief()
    preview = templated_text(brief, layout("compact"))
    assert preview.startswith("**TEST MESSAGE") and "\n" not in preview
    assert "It works" not in templated_text(brief, layout("headlines"))
    assert "It works: newsbrief can post" in templated_text(brief, layout("plain"))


def test_the_why_footer_follows_every_layout_once() -> None:
    # a destination with the "Sent because …" footer on keeps it in a custom layout: appended
    # under a template that does not place it (the compact one-liner), placed where {why} is
    brief = replace(sample_brief(), why="Sent because this channel follows #ai")
    compact = templated_text(brief, layout("compact"))
    assert compact.splitlines()[-1] == "Sent because this channel follows #ai"
    placed = templated_text(brief, layout("text: {why} | {headline}"))
    assert placed.startswith("Sent because this channel follows #ai | ")
    assert placed.count("Sent because") == 1
    assert "Sent because" not in templated_text(sample_brief(), layout("compact"))


@pytest.mark.parametrize("source", ["text: {headline}{^why} ·{/why}",  # names it, never renders
                                    "text: {headline}{#points}{text} {why}{/points}"])
def test_the_why_footer_stays_when_the_template_names_why_where_it_never_renders(
        source: str) -> None:
    why = "Sent because this channel follows #ai & <chips>"
    brief = replace(sample_brief(), why=why, points=[])
    assert templated_text(brief, layout(source)).splitlines()[-1] == why
    # as a platform writes it: the escaped footer is what is looked for ("#" is "\#" on Discord)
    dest = Destination("discord:123", template=source)
    [payload] = render_brief_payloads(brief, dest)
    assert payload["content"].splitlines()[-1] == escape_text(why)


def test_config_accepts_a_template_and_refuses_a_bad_one() -> None:
    assert DestinationSettings(ref=DISCORD, template="compact").template == "compact"
    with pytest.raises(ValidationError, match="unknown placeholder"):
        DestinationSettings(ref=DISCORD, template="{nope}")


def test_the_config_file_sets_a_template_and_names_a_bad_one(tmp_path: Path) -> None:
    # `template:` was an unknown key before issue 24.1
    path = tmp_path / "newsbrief.yaml"
    path.write_text("destinations:\n  - ref: 'console:'\n"
                    "    template: 'text: {headline} {link}'\n")
    [dest] = load_settings(path).destinations
    assert dest.template == "text: {headline} {link}"
    path.write_text("destinations:\n  - ref: 'console:'\n    template: '{#points}'\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert caught.value.key == "destinations.0.template"
    assert "{#points} is never closed" in caught.value.problem


async def test_a_configured_template_reaches_the_store(stack: Stack) -> None:
    async with stack.db.begin() as conn:
        [row] = await dest_store.sync_destinations(conn, [DestinationSettings(
            ref=DISCORD, template="headlines")], now=stack.now)
    assert row.template == "headlines" and row.destination.template == "headlines"
    # a restart whose file does not name it keeps what chat set since
    assert not (await stack.ask("/settings template compact")).error
    async with stack.db.begin() as conn:
        [row] = await dest_store.sync_destinations(conn, [DestinationSettings(
            ref=DISCORD)], now=stack.now)
    assert row.template == "compact"


# --- conversations through the real adapters ---------------------------------------------------

def hostile_brief() -> Brief:
    return Brief(headline=f"Breaking {HOSTILE}", points=[Point(HOSTILE, label=HOSTILE)],
                 tags=["ai"], url="https://news.example/1", lang="en", source=HOSTILE)


async def _briefs_here(stack: Stack, where: str, routes: int = 1) -> None:
    """A subscription here and one hostile brief routed to it, delivered."""
    feed = await stack.feed("https://news.example/rss", "News")
    assert not (await stack.ask("/subscribe #ai", where=where)).error
    brief = hostile_brief()
    brief_id = await stack.brief(feed, brief.headline, tags=["ai"], points=[HOSTILE],
                                 source=HOSTILE)
    assert await stack.route(brief_id) == routes
    await stack.deliver()


async def test_discord_compact_template_is_one_plain_line_that_pings_nobody(
        stack: Stack) -> None:
    shown = await stack.ask("/settings template")
    assert "template: default" in shown.text and "compact" in shown.text
    refused = await stack.ask("/settings template compact", admin=False)
    assert refused.error and "admin" in refused.text
    bad = await stack.ask("/settings template {headline} {#points}")
    assert bad.error and "{#points} is never closed" in bad.text
    done = await stack.ask("/settings template compact")
    assert not done.error and "compact" in done.text
    assert "template: compact" in (await stack.ask("/settings template")).text
    await _briefs_here(stack, DISCORD)
    [post] = stack.discord_posts()
    assert post.get("embeds") in (None, []) and post["allowed_mentions"] == {"parse": []}
    body, marker = str(post["content"]).rsplit("\n", 1)
    assert body.startswith("**Breaking") and "\n" not in body
    assert "https://news.example/1" in body
    assert LIVE_MENTION.findall(body) == [] and find_marker(post) is not None
    assert marker.startswith("-# ref nb")


async def test_discord_custom_embed_template_orders_the_parts(stack: Stack) -> None:
    done = await stack.ask("/settings template {tags} | {#points}{text}{/points} | {headline}")
    assert not done.error
    await _briefs_here(stack, DISCORD)
    [post] = stack.discord_posts()
    [embed] = post["embeds"]  # type: ignore[misc]
    text: str = embed["description"]
    assert text.index("#ai") < text.index("Breaking")
    assert LIVE_MENTION.findall(json.dumps(post, ensure_ascii=False)) == []


async def test_a_template_written_to_ping_pings_nobody(stack: Stack) -> None:
    # the admin's own words try it too: "@" + "everyone" from the headline, <@&…> typed in
    pinging = "text: @{headline} <@&999999999999999999> <!channel> @here **<!here>**"
    for where in (DISCORD, SLACK):
        assert not (await stack.ask(f"/settings template {pinging}", where=where)).error
    assert not (await stack.ask("/subscribe #ai", where=SLACK)).error
    await _briefs_here(stack, DISCORD, routes=2)
    [discord_post] = stack.discord_posts()
    assert LIVE_MENTION.findall(json.dumps(discord_post, ensure_ascii=False)) == []
    [slack_post] = stack.slack_posts()
    assert "<!" not in json.dumps(slack_post) and "<@" not in json.dumps(slack_post)


async def test_slack_template_is_mrkdwn_with_its_link_and_no_pings(stack: Stack) -> None:
    done = await stack.ask("/settings template headlines", where=SLACK)
    assert not done.error
    await _briefs_here(stack, SLACK)
    [post] = stack.slack_posts()
    blocks: list[dict[str, Any]] = post["blocks"]  # type: ignore[assignment]
    assert all(block["type"] == "section" for block in blocks)
    text = "\n".join(block["text"]["text"] for block in blocks)
    assert text.startswith("*Breaking")  # the template's **bold** is Slack's *bold*
    assert "<https://news.example/1|news.example>" in text and "#ai" in text
    assert "<!" not in json.dumps(post) and "<@" not in json.dumps(post)
    # Discord's channel keeps the default: templates are per destination
    assert "template: default" in (await stack.ask("/settings template")).text


async def test_feeds_test_previews_the_template(stack: Stack) -> None:
    assert not (await stack.ask("/settings template text: {headline} / {source}")).error
    assert not (await stack.ask("/feeds test")).error
    await stack.deliver()
    [post] = stack.discord_posts()
    [embed] = post["embeds"]  # type: ignore[misc]
    # inside the test digest's frame, the sample brief in this channel's template
    assert embed["description"] == ("TEST MESSAGE from newsbrief \\(not a news story\\) / "
                                    "newsbrief send-test")


async def test_the_default_template_clears_the_stored_one(stack: Stack) -> None:
    assert not (await stack.ask("/settings template plain")).error
    assert not (await stack.ask("/settings template default")).error
    async with stack.db.begin() as conn:
        row = await dest_store.get(conn, DISCORD)
    assert row is not None and row.template is None


def test_long_values_are_cut_to_the_platform_limit_not_dropped() -> None:
    from adapters.discord.render import render_brief_payloads
    from adapters.slack.render import render_brief_payloads as slack_payloads
    huge = Brief(headline="word " * 2000, points=[Point("point " * 3000)], tags=[],
                 url="https://news.example/1", lang="en")
    dest = Destination(DISCORD, template="text: {headline}{#points} {text}{/points} {link}")
    [post] = render_brief_payloads(huge, dest, key="k")
    assert len(post["content"]) <= 2000 - 32 and post["content"].startswith("word word")
    assert find_marker(post) == nonce_for("k")
    slack = slack_payloads(huge, Destination(SLACK, template="{headline}"), key="k")
    assert len(slack) == 1 and "word word" in slack[0]["blocks"][0]["text"]["text"]


def test_template_words_and_values_cannot_meet_as_a_ping() -> None:
    from adapters.discord.render import render_brief_payloads
    brief = Brief(headline="everyone look", points=[Point("here we go")], tags=[],
                  url=None, lang="en")
    dest = Destination(DISCORD, template="text: @{headline} @{#points}{text}{/points}")
    [post] = render_brief_payloads(brief, dest)
    assert "everyone look" in post["content"] and LIVE_MENTION.findall(post["content"]) == []


async def test_discord_offers_settings_template_and_passes_the_text_whole(
        fake: object, adapter: DiscordAdapter, core: Core) -> None:
    core.reply = CommandReply(text="ok", ephemeral=True)
    typed = "text: **{headline}** · {link}"
    await invoke(adapter, payload("settings", sub("template", opt("template", typed)),
                                  admin=True))
    [request] = core.requests
    assert (request.command, request.args) == ("settings", f"template {typed}")


async def test_a_member_sets_the_layout_of_their_own_dm_only(world: World) -> None:
    refused = await world.say("/settings template plain", admin=False)
    assert refused.error and "admin" in refused.text
    mine = await world.say("/settings template plain", where="test:dm-u1", admin=False,
                           dm="test:dm-u1")
    assert not mine.error and "plain" in mine.text
    assert "template: plain" in (await world.say("/settings template", where="test:dm-u1",
                                                 admin=False, dm="test:dm-u1")).text
    assert "template: default" in (await world.say("/settings template", admin=False)).text


def test_the_link_goes_in_whole_on_both_platforms() -> None:
    """Found by the layout property: the mention pass put a zero-width space inside a URL with
    "@" and digits, and Slack cut a long <url|host> between two sections."""
    from adapters.discord.escape import safe_url
    from adapters.discord.render import render_brief_payloads
    from adapters.slack.render import render_brief_payloads as slack_payloads
    from adapters.slack.render import safe_link
    at = Brief(headline="H", points=[Point("p")], tags=[], lang="en",
               url="https://news.example/<@123456789012345678>")
    [post] = render_brief_payloads(at, Destination(DISCORD, template="compact"))
    assert str(safe_url(at.url)) in post["content"]
    long = Brief(headline="H", points=[Point("word " * 700)], tags=[], lang="en",
                 url="https://news.example/" + "a" * 1900)
    slack = slack_payloads(long, Destination(SLACK, template="plain"))
    sections = [b["text"]["text"] for p in slack for b in p["blocks"]]
    assert sum(str(safe_link(long.url)) in text for text in sections) == 1

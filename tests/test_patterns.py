"""Pattern filters (RE2, AND/OR/NOT on title, text, categories, author): the expression language,
saving through the command core with clear refusals, /subscribe test, and delivery of only the
matching briefs to the fake Discord and Slack servers."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.config import SubscriptionSettings
from bot.filters import patterns
from bot.filters.patterns import PatternError
from bot.models import Article
from bot.store import destinations as dest_store
from tests.support.stack import (  # noqa: F401  (fixtures)
    DISCORD,
    SLACK,
    Stack,
    stack_fixture,
)
from tests.support.world import (  # noqa: F401  (fixtures)
    CHANNEL,
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

RUST = Article(title="Rust 2.0 released", text="Fixes CVE-2026-1234 in the borrow checker.",
               categories=("Security", "Languages"), author="Press Office")
GO = Article(title="Go 1.30 ships", text="Generic methods arrive.", categories=("Languages",),
             author="Gopher")


@pytest.mark.parametrize(("expr", "rust", "go"), [
    ("title:rust", True, False),
    ("title:/rust|go\\b/", True, True),
    ("cat:^security$", True, False),
    ("categories:languages -author:/press/", False, True),
    ("text:/cve-\\d+/ OR title:go", True, True),
    ("NOT (title:rust OR title:go)", False, False),
    ("languages AND NOT generic", False, False),  # bare terms look at title and text
    ("author:\"press office\" AND title:rust", True, False),
    ("TITLE:RUST", True, False),  # case-insensitive, field names too
    ("category:languages title:go OR title:rust author:nobody", False, True),
])
def test_expressions(expr: str, rust: bool, go: bool) -> None:
    assert patterns.matches(expr, RUST) is rust
    assert patterns.matches(expr, GO) is go


def test_canonical_form_is_stable_and_explicit() -> None:
    assert patterns.canonical("title:rust  -author:bot") == "title:/rust/ AND NOT author:/bot/"
    assert patterns.canonical("(a OR b) c") == "(/a/ OR /b/) AND /c/"
    again = patterns.canonical(patterns.canonical("title:/a\\/b/ OR NOT (x y)"))
    assert again == "title:/a\\/b/ OR NOT (/x/ AND /y/)"
    assert patterns.matches(again, Article(title="a/b"))


@pytest.mark.parametrize(("expr", "reason"), [
    ("title:/(a)\\1/", "back-references"),
    ("title:/(?=rust)/", "look-around"),
    ("/a{1001}/", "RE2"),
    ("title:/unclosed", "not closed"),
    ("(title:a", "not closed"),
    ("AND title:a", "needs a term"),
    ("title:a OR", "ends"),
    ("   ", "Give a pattern"),
    (" ".join(["x"] * 21), "at most 20 terms"),
    ("/" + "a" * 201 + "/", "at most 200"),
])
def test_unsupported_patterns_are_refused_with_a_reason(expr: str, reason: str) -> None:
    with pytest.raises(PatternError, match=reason.replace("(", r"\(")):
        patterns.parse(expr)


def test_catastrophic_backtracking_pattern_runs_in_linear_time() -> None:
    # (x+x+)+y hangs a backtracking engine on "xxxx…" (2^n steps); RE2 answers at once. The
    # size makes a backtracking engine run for ages, so a hang shows up as a test timeout.
    evil = Article(title="x" * 50_000)
    assert patterns.matches("title:/(x+x+)+y/", evil) is False


def test_configured_patterns_are_checked_at_start_up() -> None:
    ok = SubscriptionSettings(kind="pattern", value="title:rust -author:bot")
    assert ok.value == "title:/rust/ AND NOT author:/bot/"
    with pytest.raises(ValidationError, match="look-around"):
        SubscriptionSettings(kind="pattern", value="title:/(?!x)/")


async def test_subscribe_pattern_saves_canonical_and_refuses_bad(world: World) -> None:
    bad = await world.say("/subscribe pattern:title:/(a)\\1/")
    assert bad.error and "back-references" in bad.text
    good = await world.say("/subscribe pattern:title:rust -author:bot")
    assert not good.error and "title:/rust/ AND NOT author:/bot/" in good.text
    excluded = await world.say("/subscribe -pattern:title:/sponsored/")
    assert not excluded.error and "gets no story that matches pattern" in excluded.text
    async with world.db.begin() as conn:
        row = await dest_store.get(conn, CHANNEL)
        assert row is not None
        subs = await dest_store.list_subscriptions(conn, row.id)
    assert [(s.kind, s.value, s.exclude) for s in subs] == [
        ("pattern", "title:/rust/ AND NOT author:/bot/", False),
        ("pattern", "title:/sponsored/", True)]
    # however it is typed, the same expression is found again to remove
    gone = await world.say("/unsubscribe pattern:title:/rust/ AND NOT author:bot")
    assert not gone.error


async def test_subscribe_test_shows_which_of_the_last_20_match(world: World) -> None:
    empty = await world.say("/subscribe test title:rust")
    assert not empty.error and "no articles are stored yet" in empty.text
    feed = await world.feed("https://tech.example/rss", "Tech")
    await world.brief(feed, "Old Rust story")  # the 21st newest: not looked at
    for n in range(20):
        world.now = world.now.replace(minute=n + 1)
        await world.brief(feed, f"Rust news {n}" if n % 5 == 0 else f"Other news {n}")
    shown = await world.say("/subscribe test title:rust", admin=False)  # trying is harmless
    assert not shown.error
    assert "matches 4 of the last 20 articles" in shown.text
    assert "✅ Rust news 15" in shown.text and "▫️ Other news 1" in shown.text
    assert "Old Rust story" not in shown.text
    refused = await world.say("/subscribe test title:/(?<=a)b/")
    assert refused.error and "look-around" in refused.text
    async with world.db.begin() as conn:
        assert await dest_store.get(conn, CHANNEL) is None  # testing saved nothing


@pytest.mark.parametrize("where", [DISCORD, SLACK])
async def test_only_matching_briefs_reach_the_platform(stack: Stack, where: str) -> None:
    feed = await stack.feed("https://tech.example/rss", "Tech")
    saved = await stack.ask("/subscribe pattern:(title:rust OR cat:security) -author:/bot$/",
                            where=where)
    assert not saved.error, saved.text
    wanted = await stack.brief(feed, "Rust 2.0 released")
    by_bot = await stack.brief(feed, "Rust nightly digest")
    await stack.set_entry(by_bot, author="release-bot")
    tagged = await stack.brief(feed, "Patch Tuesday")
    await stack.set_entry(tagged, categories=["Security"])
    other = await stack.brief(feed, "Go 1.30 ships")
    for brief_id in (wanted, by_bot, tagged, other):
        await stack.route(brief_id)
    await stack.deliver()
    posts = stack.discord_posts() if where == DISCORD else stack.slack_posts()
    text = str(posts)
    assert len(posts) == 2
    assert "Rust 2.0 released" in text and "Patch Tuesday" in text
    assert "nightly" not in text and "Go 1.30" not in text

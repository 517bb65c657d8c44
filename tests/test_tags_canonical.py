"""One canonical form for tags (issue 28, issue 23 point 3): `#OpenAI`, `openai` and `#open-ai`
subscribe to one thing, wherever a tag is compared."""

from __future__ import annotations

import ast
from datetime import UTC, datetime

import pytest

from bot.feeds.rules import normalise_tags
from bot.filters import kinds
from bot.filters.kinds import BriefFacts
from bot.routing.route import decide
from bot.store.destinations import DestinationRow, SubscriptionRow
from bot.tags import TagNormaliser, canonical_tag, normalise_tag
from tests.conftest import REPO


@pytest.mark.parametrize("raw", ["#OpenAI", "openai", "#open-ai", "Open AI", "OPEN_AI", " open.ai"])
def test_every_spelling_of_a_tag_has_one_canonical_form(raw: str) -> None:
    assert canonical_tag(raw) == "openai"


def test_the_slug_a_reader_sees_keeps_its_hyphens() -> None:
    assert normalise_tag("Artificial Intelligence") == "artificial-intelligence"
    assert normalise_tag("#미국 에너지부") == "미국-에너지부"
    assert canonical_tag("미국 에너지부") == "미국에너지부"


def _facts(*tags: str) -> BriefFacts:
    return BriefFacts(brief_id=1, story_root=1, feed_id=1, feed_url="https://x.test/feed",
                      feed_name="X", tags=frozenset(map(canonical_tag, tags)), text="",
                      created_at=datetime(2026, 1, 1, tzinfo=UTC))


@pytest.mark.parametrize("typed", ["#OpenAI", "openai", "#open-ai"])
@pytest.mark.parametrize("brief_tag", ["openai", "open-ai"])
def test_a_tag_subscription_matches_every_spelling(typed: str, brief_tag: str) -> None:
    # Before: "#open-ai" was stored as "open-ai" and never matched a brief tagged "openai".
    kind = kinds.require("tag")
    assert kind.matches(kind.normalise(typed), _facts(brief_tag))
    # a stored value from before the canonical form (a slug with its hyphens) still matches
    assert kind.matches("open-ai", _facts(brief_tag))


def test_a_keyword_matches_the_tag_of_the_same_name_in_any_spelling() -> None:
    kind = kinds.require("keyword")
    assert kind.matches(kind.normalise("open-ai"), _facts("openai"))


def test_an_urgent_tag_matches_in_any_spelling() -> None:
    dest = DestinationRow(id=1, ref="webhook:x", timezone="UTC", locale="en", webhook_url=None,
                          digest_time=None, digest_days=[], urgent_tags=["Open-AI"],
                          paused_at=None, paused_reason=None)
    sub = SubscriptionRow(id=1, destination_id=1, kind="feed", value="1", exclude=False,
                          mode="digest")
    route = decide([sub], _facts("openai"), dest)
    assert route is not None and route.mode == "instant"


def test_feed_tags_keep_one_spelling_of_each_tag() -> None:
    assert normalise_tags(["OpenAI", "open-ai", "AI"]) == ["openai", "ai"]


def test_aliases_recognise_a_variant_in_any_spelling() -> None:
    tags = TagNormaliser({"ai": ["chatgpt", "open ai"]})
    assert tags("#Chat-GPT") == "ai" and tags("OpenAI") == "ai" and tags.known("open-ai")
    assert tags("Machine Learning") == "machine-learning"


def test_tag_form_lives_low_and_the_users_import_it_from_there() -> None:
    # bot/tags.py imports nothing of bot; routing, kinds, store and dashboard take it from there.
    tree = ast.parse((REPO / "bot" / "tags.py").read_text())
    imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert not [m for m in imported if m.split(".")[0] == "bot"]
    for user in ("routing/route.py", "filters/kinds.py", "feeds/rules.py", "store/briefs.py",
                 "store/reactions.py", "dashboard/destinations.py"):
        text = (REPO / "bot" / user).read_text()
        assert "from bot.tags import" in text and "bot.summarize.tags" not in text, user

"""One person, one subscription (issue 28): a story that writes only "Trump" is tagged #trump,
one that introduces "Donald Trump" #donald-trump; a subscriber to either form gets both, once,
and a #john-smith subscriber never gets every Smith. End to end: the summarizer tags made-up
stories, the store keeps them as the pipeline does, routing and the outbox deliver."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer
from bot.summarize.tags import person_named
from bot.tags import same_person
from tests.support.world import (  # noqa: F401  (fixtures)
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

BARE = ("Trump signs order on steel tariffs",
        "Trump signed an order on Monday that raises tariffs on imported steel to 25 percent. "
        "The White House said Trump would meet steel workers in Ohio on Friday. "
        "Trump told reporters the tariffs would protect jobs in the industry. "
        "Trading partners warned that they would answer the tariffs with their own. "
        "Trump said he expected talks with Canada to resume next month. "
        "Steel prices rose two percent after the order was published.")
FULL = ("President meets Nato leaders in Brussels",
        "President Donald Trump met Nato leaders in Brussels on Thursday to discuss military "
        "spending. Trump urged the allies to raise their budgets to two percent of their "
        "economies. The meeting lasted three hours, officials said. "
        "Trump later said the talks had been very productive. "
        "German officials said they would study the request. "
        "Trump flies to London on Friday for talks with the prime minister.")
EARLIER = ("White House unveils budget plan",
           "President Donald Trump sent his budget plan to Congress on Monday. "
           "The plan cuts spending on foreign aid by a third. "
           "Trump said the cuts would pay for a larger army. "
           "Democrats in Congress said the plan would not pass. "
           "Trump will visit an army base in Texas on Wednesday. "
           "The budget office will publish its review next month.")
SMITH = ("Smith quits as party leader",
         "Smith resigned as leader of the party on Tuesday after the election defeat. "
         "Smith said the party needed a fresh start. Jane Smith, who has led the party for six "
         "years, said she was proud of its record. "
         "Smith will stay on as a member of parliament. The party will choose a new leader in "
         "March. Smith thanked her colleagues for their support.")


async def _post(world: World, feed: int, story: tuple[str, str]) -> tuple[int, list[str]]:
    title, text = story
    brief = ExtractiveSummarizer().brief(Article(title=title, text=text, lang="en"))
    brief_id = await world.brief(feed, title, text=text, tags=brief.tags,
                                 points=[p.text for p in brief.points])
    return brief_id, brief.tags


@pytest.mark.parametrize("typed", ["#trump", "#donald-trump", "#Donald Trump"])
async def test_either_form_of_a_name_gets_both_stories_once(world: World, typed: str) -> None:
    feed = await world.feed("https://news.example/rss", "World News")
    _, earlier_tags = await _post(world, feed, EARLIER)  # the news has been calling him so
    assert "donald-trump" in earlier_tags
    reply = await world.say(f"/subscribe {typed}")
    assert not reply.error, reply.text
    bare, bare_tags = await _post(world, feed, BARE)
    full, full_tags = await _post(world, feed, FULL)
    assert "trump" in bare_tags and "donald-trump" not in bare_tags  # the two forms, as tagged
    assert "donald-trump" in full_tags and "trump" not in full_tags
    assert [await world.route(b) for b in (bare, full)] == [1, 1]
    assert [await world.route(b) for b in (bare, full)] == [0, 0]  # routed again: not twice
    assert await world.delivered() == [BARE[0], FULL[0]]


async def test_one_story_of_a_full_name_is_not_enough(world: World) -> None:
    feed = await world.feed("https://news.example/rss", "World News")
    assert not (await world.say("/subscribe #donald-trump")).error
    bare, _ = await _post(world, feed, BARE)
    full, _ = await _post(world, feed, FULL)
    assert [await world.route(b) for b in (bare, full)] == [0, 1]


async def test_a_surname_two_full_names_share_resolves_to_neither(world: World) -> None:
    feed = await world.feed("https://news.example/rss", "World News")
    for _ in range(2):
        await _post(world, feed, EARLIER)
    await _post(world, feed, (EARLIER[0], EARLIER[1].replace("Donald", "Melania")))
    assert not (await world.say("/subscribe #donald-trump")).error
    bare, _ = await _post(world, feed, BARE)
    assert await world.route(bare) == 0  # 2 of 3 full-name briefs: under the share


async def test_a_full_name_subscriber_gets_a_bare_surname_only_for_that_person(
        world: World) -> None:
    feed = await world.feed("https://news.example/rss", "World News")
    await _post(world, feed, (EARLIER[0], EARLIER[1].replace("Donald Trump", "John Smith")
                              .replace("Trump", "Smith")))  # one John Smith story
    assert not (await world.say("/subscribe #john-smith")).error
    smith, tags = await _post(world, feed, SMITH)
    assert tags == ["smith"]  # the story writes "Jane Smith" once, at a sentence's start
    assert await world.route(smith) == 0  # never every Smith
    assert not (await world.say("/subscribe #jane-smith")).error
    assert await world.route(smith) == 1
    assert await world.delivered() == [SMITH[0]]


async def test_an_exclude_of_one_form_excludes_the_other(world: World) -> None:
    feed = await world.feed("https://news.example/rss", "World News")
    assert not (await world.say("/subscribe all")).error
    assert not (await world.say("/subscribe -#trump")).error
    full, _ = await _post(world, feed, FULL)
    assert await world.route(full) == 0


@pytest.mark.parametrize(("subscribed", "tag", "story", "same"), [
    ("trump", "donald-trump", "Donald Trump spoke. Trump left.", True),
    ("donald-trump", "trump", "Donald Trump spoke. Trump left.", True),
    # the subscriber's word is only ever written inside the name: no story about "Ford"
    ("ford", "harrison-ford", "Harrison Ford stars. Harrison Ford said so.", False),
    ("ford", "harrison-ford", "Harrison Ford stars. Ford said so.", True),
    ("john-smith", "smith", "Jane Smith spoke. Smith left.", False),
    ("jane-smith", "smith", "jane smith spoke. Smith left.", False),  # no name: lower case
    ("trump", "trump-tower", "Trump Tower. Trump said.", False),  # a surname ends the name
    ("trump", "donald-trump-jr", "Donald Trump Jr spoke. Trump left.", False),
    ("smith", "john", "John Smith spoke.", False),
    ("윤석열", "윤석열-대통령", "윤석열 대통령은 말했다. 윤석열", False),  # Latin-script names only
    ("obama", "barack-obama", "Barack Obama spoke. Obama left.", True),
])
def test_same_person(subscribed: str, tag: str, story: str, same: bool) -> None:
    assert same_person(subscribed, tag, story) is same


@pytest.mark.parametrize(("name", "story", "person"), [
    ("Donald Trump", "President Donald Trump spoke. Trump left.", True),
    ("Donald Trump", "Donald Trump spoke on Monday. Mr Trump said he would stay.", True),
    ("Manchester United", "Manchester United won. United said his goal was offside.", False),
    ("Jane Smith", "Jane Smith, 44, won. Smith thanked her team.", True),
    # names that end in another tag's word ("#post", "#pro", "#republicans") are no one
    ("Washington Post", "The Washington Post said it would appeal. The Post said it had "
     "sources.", False),
    ("MacBook Pro", "The MacBook Pro has a new chip. The Pro costs more and it is heavier.",
     False),
    ("House Republicans", "House Republicans passed the bill. Republicans said it would pass.",
     False),
])
def test_person_named(name: str, story: str, person: bool) -> None:
    assert person_named(name, story) is person


async def test_a_one_word_subscription_gets_no_story_of_a_thing_ending_in_it(
        world: World) -> None:
    feed = await world.feed("https://news.example/rss", "World News")
    assert not (await world.say("/subscribe #post")).error
    story = ("Newspaper wins award for reporting",
             "The Washington Post won the prize on Monday for its reporting on the floods. "
             "The Post said it had sent ten reporters to the region. The Washington Post "
             "published forty stories. Judges praised the Washington Post for its maps. "
             "The Post will publish a book of the series. The prize comes with $15,000.")
    brief_id, tags = await _post(world, feed, story)
    assert "washington-post" in tags
    assert await world.route(brief_id) == 0


async def test_a_burst_of_both_forms_reaches_a_full_name_subscriber_once(world: World) -> None:
    from bot.delivery.serialize import digest_from_json
    from bot.routing import route as routing

    feed = await world.feed("https://news.example/rss", "World News")
    await _post(world, feed, EARLIER)
    assert not (await world.say("/subscribe #donald-trump")).error
    ids = [(await _post(world, feed, story))[0] for story in (BARE, FULL)]
    cycle = routing.CycleTargets([feed])
    async with world.db.begin() as conn:
        assert await routing.route_burst(conn, feed, ids, now=world.now, cycle=cycle) == 1
        assert await routing.route_burst(conn, feed, ids, now=world.now, cycle=cycle) == 0
    [row] = await world.rows()
    digest = digest_from_json(row.digest)
    assert sorted(b.headline for s in digest.sections for b in s.briefs) == sorted(
        [BARE[0], FULL[0]])


async def test_a_digest_of_a_full_name_holds_the_bare_surname_story(world: World) -> None:
    from datetime import UTC, datetime, timedelta

    from bot.delivery.serialize import digest_from_json
    from bot.routing.digest import fire_due_digests

    world.now = datetime(2026, 3, 9, 10, 0, tzinfo=UTC)
    feed = await world.feed("https://news.example/rss", "World News")
    await _post(world, feed, EARLIER)
    await _post(world, feed, FULL)
    assert not (await world.say("/subscribe #donald-trump digest")).error
    assert not (await world.say("/digest time 08:00 UTC")).error
    world.now += timedelta(hours=1)
    await _post(world, feed, BARE)
    assert await fire_due_digests(world.db, now=datetime(2026, 3, 10, 8, 1, tzinfo=UTC),
                                  empty_note=False) == 1
    digest = digest_from_json((await world.rows())[0].digest)
    assert BARE[0] in [b.headline for s in digest.sections for b in s.briefs]

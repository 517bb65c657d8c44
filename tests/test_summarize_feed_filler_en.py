"""English feed items' lines that tell nothing (issue 28, stop 47's read of real-world feed
items): a quotation's credit lead-in of any of the shapes link blogs write, a pointer to the
site's other pieces, a scene set for the reader, a reassurance or chatty answer, a benefit
claimed for the reader's business. The texts are made up in the shape of the items readers
marked down (rf128, rf136, rf160, rf478, rf516, rf629, rf637)."""

from __future__ import annotations

import pytest

from bot.summarize import segment
from bot.summarize.lang.en.segment import unglue
from tests.support.english import points as _points


@pytest.mark.parametrize("line", [
    "Mark Bergen, reporting for Bloomberg:",
    "Deepa Seetharaman and Jack Nicas, reporting for the WSJ:",
    "Stephen Foley and Tim Bradshaw, writing for The Financial Times:",
    "Christopher Mims, in his column for The Wall Street Journal:",
    "Serenity Caldwell, at iMore:",
    "Dani Deahl writing for The Verge:",
    "Great investigative work by Kashmir Hill and Surya Mattu for Gizmodo:",
    "Federico Viticci, MacStories, “The 10.5-inch iPad Pro: Future-Proof”:",
    "Andrew Cunningham, Ars Technica, “The 10.5-Inch iPad Pro Is Much More “Pro” Than What It "
    "Replaces”:",
])
def test_a_quotations_credit_lead_in_is_a_credit(line: str) -> None:
    # Lead-3 gave each as point 1 of a link post; a lead-in tells who is quoted, nothing more.
    assert segment.not_prose(line, "en") == "credit", line


def test_a_credit_glued_to_its_quotation_is_cut_off() -> None:
    spans = unglue(
        "Mark Bergen, reporting for Bloomberg: Google is stopping one of the most controversial "
        "advertising formats.")
    assert spans == ["Mark Bergen, reporting for Bloomberg:",
                     "Google is stopping one of the most controversial advertising formats."]


@pytest.mark.parametrize("line", [
    "Great work by John Smith, the coach, has paid off this season.",
    "Apple and Google, the two largest platform owners, agreed on Tuesday.",
    "Jane Smith, Reuters reporter, said the talks had failed.",
])
def test_prose_opening_on_a_name_and_comma_is_no_credit(line: str) -> None:
    assert segment.not_prose(line, "en") is None, line


@pytest.mark.parametrize("line", [
    "You can get more in-depth information in our reviews of the MacBook and the MacBook Pro.",
    "For more details, check out our full review of the Pixel 3.",
    "It's the holiday season, and you're planning on buying that special someone a new Mac "
    "laptop.",
    "It’s that time of year again!",
    "If you're looking for a good deal on Mac software, you're in luck.",
    "Don’t worry!",
    "Yup, it’s gonna be the fourth open house already – how time flies since we did all that "
    "construction!",
    "BigQuery lets you ingest and analyze data quickly and with high availability, so you can "
    "find new insights, trends, and predictions to efficiently run your business.",
    "Our engineering team is continually making improvements to accelerate your time to value.",
    "I really appreciate the preferred content size feature on iOS.",
    "Here were the first, second, and third DCR Open House events!",
    "If you haven't seen it yet, you have to check it out.",
    "These DIY tools are the best of the bunch.",
])
def test_a_line_that_tells_the_reader_nothing_is_filler(line: str) -> None:
    assert segment.not_prose(line, "en") == "filler", line


@pytest.mark.parametrize("line", [
    "It's the season of giving, and Apple announced a sale on Friday.",
    "It is the time of year when the council sets the budget for 2019.",
    "The company said the new chip would power your home for a decade.",
    "Yes, the vote passed 52-48 on Tuesday.",
    "Yeah, the court ruled against the company on Tuesday.",
    "For more than a decade, our reporters covered the case in detail.",
    "Investors were in luck on Friday as the index rose 3%.",
    "You can get more storage in the new model for $100.",
    "I love Copied, it's a great clipboard manager that syncs between iOS and macOS.",
    "I like that the name includes the direction, so you know where you are.",
    "I like the idea that a court could decide this.",
    "Here are the first results of the vote, released on Monday.",
    "If you haven't read the report, the IMF says growth fell 2% in 2019.",
    "These changes are the best news for Apple in years.",
    "Anywhere from 10 to 20 people were hurt in the blast.",
    "Everything from phones to laptops is affected by the tariff.",
])
def test_prose_of_the_same_words_is_no_filler(line: str) -> None:
    assert segment.not_prose(line, "en") is None, line


GUIDE = (
    "It's the holiday season, and you're planning on buying that special someone a new Mac "
    "laptop. So you head over to your local Apple store, or you peruse the pages of Apple’s "
    "website, and you find yourself with money to spend but no idea on which MacBook to buy.\n\n"
    "Don’t worry! That’s why we’re here. In this guide, we’ll go over Apple’s current MacBook "
    "lineup, point out their differences and similarities, and provide you with the "
    "information you need to pick the right MacBook for you. You can get more in-depth "
    "information in our reviews of the MacBook and the MacBook Pro.\n\n"
    "To read this article in full, please click here"
)


def test_a_guides_intro_gives_its_one_point_without_the_filler() -> None:
    # rf629: the scene and the pointer to the reviews were points 1 and 3.
    points = _points("Best MacBook: Which Mac laptop should you buy?", GUIDE)
    assert points == [
        "In this guide, we’ll go over Apple’s current MacBook lineup, point out their "
        "differences and similarities, and provide you with the information you need to pick "
        "the right MacBook for you."], points


BUNDLE = (
    "If you're looking for a good deal on Mac software, you're in luck. The Cyber Monday Mac "
    "Bundle features 10 highly rated Mac apps including Pathfinder 7, Photolemur, and Live Home "
    "3D. It has a combined value of over $468, but right now, you can get all 10 apps for a "
    "price you pick.\n\nHere's what's included:\n\nTo read this article in full, please click "
    "here"
)


def test_a_deal_is_told_by_its_bundle_and_price() -> None:
    # rf637: "… you're in luck." was point 1.
    points = _points("Pay What You Want For The Cyber Monday Mac Bundle ($469 value)", BUNDLE)
    assert points[0].startswith("The Cyber Monday Mac Bundle features 10"), points
    assert not any("in luck" in p for p in points), points


FONTS = (
    "I really appreciate the preferred content size feature on iOS. This is the system setting "
    "that let’s you choose to make text smaller or larger than the default size. Apps that use "
    "Apple’s named font styles get properly sized variants of the system fonts.\n\n"
    "In previous posts I showed how to embed custom fonts in your app. Suppose we want to use "
    "custom fonts but want the convenience of named font styles.\n\n"
    "If we’re using custom fonts, the key feature of named styles that we need to maintain is "
    "the mapping from named style to font size."
)


def test_a_posts_liking_for_a_feature_is_no_point() -> None:
    # rf494: "I really appreciate …" was point 1; what the post's code keeps came later.
    points = _points("Fonts with Style", FONTS)
    assert not any(p.startswith("I really appreciate") for p in points), points
    assert any(p.startswith("If we’re using custom fonts") for p in points), points


def test_a_range_with_no_verb_is_a_fragment() -> None:
    # rf32: point 2, what a line break left of the poster's list of troubles.
    line = ("Anywhere from just checking if a container is running to the simplest of installing "
            "bitwarden via Powershell script.")
    assert segment.not_prose(line, "en") == "fragment"


DOCKER = (
    "So I loaded a Windows server 2022 VM and loaded docker for desktop. The service does start, "
    "however I’m finding the general usability and functionality to be lacking. Anywhere from "
    "just checking if a container is running to the simplest of installing bitwarden via "
    "Powershell script. I’ve never played with containers, so I imagine part of this is due to "
    "ignorance. I also expect this to be a little easier than it has been. What is the general "
    "consensus on getting started with containers? I want to test drive it, learn from it, test "
    "backup/restoration scenarios before I deploy it as a solution in my home."
)


def test_a_posts_fragment_gives_way_to_a_sentence() -> None:
    points = _points("Docker for Desktop or Other OS?", DOCKER)
    assert not any(p.startswith("Anywhere from") for p in points), points
    assert len(points) == 3, points


@pytest.mark.parametrize("line", [
    # Review of wt-rf47, finding 1: a verb the suffixes missed, or one before "according to".
    "Everything from bread to milk went up in price.",
    "Anywhere from 10 to 20 people fell ill after the meal.",
    "Anywhere from 5 to 10 firms quit, according to the union.",
    "Everything from phones to laptops closed higher on Friday.",
    # A present "-s" placed as a verb (finding 10: the control pins it).
    "Everything from phones to laptops costs more this year.",
    # Whole-stop review 47, finding 4: a present plural after the count's noun.
    "Anywhere from 10 to 20 people lose their jobs each week.",
    "Anywhere from 10 to 20 people die each year.",
    "Anywhere from 2 to 3 million people rely on the bridge.",
])
def test_a_range_with_a_verb_is_a_sentence(line: str) -> None:
    assert segment.not_prose(line, "en") is None, line


@pytest.mark.parametrize("end", ["Powershell scripts.", "this script.", "Powershell script."])
def test_a_range_with_no_verb_is_a_fragment_whatever_its_last_word(end: str) -> None:
    # Finding 1: a plural or "this" at the end is no verb.
    line = ("Anywhere from just checking if a container is running to the simplest of installing "
            f"bitwarden via {end}")
    assert segment.not_prose(line, "en") == "fragment", line


@pytest.mark.parametrize("line", [
    "Anywhere from 10 to 20 people.",
    "Anywhere from 10 to 20 people in the queue.",
    "Anywhere from 10 to 20 people waiting in line.",
])
def test_a_count_range_with_no_verb_is_a_fragment(line: str) -> None:
    # Finding 4's control: the count's noun with nothing, a preposition or an "-ing" after it.
    assert segment.not_prose(line, "en") == "fragment", line


def test_the_range_check_reads_a_bounded_number_of_words(monkeypatch: pytest.MonkeyPatch) -> None:
    # Finding 9: an unpunctuated blob of " to "s is read a bounded number of words, not once per
    # " to " to its end.
    from bot.summarize.lang.en.segment import ranges
    seen: list[str] = []
    real = ranges.verb_at

    def counting(words: list[str], i: int) -> bool:
        seen.append(words[i])
        return real(words, i)

    monkeypatch.setattr(ranges, "verb_at", counting)
    blob = "Everything from " + "a to " * 16000 + "b here."
    assert ranges.range_fragment(blob) is False
    assert len(seen) <= ranges.RANGE_WORDS


@pytest.mark.parametrize("line", [
    # Finding 2: an opener followed by news is no filler.
    "If you haven't heard, the game service shuts down for good next week.",
    "Don't worry, Apple says the fix ships next week.",
    "Yay, the strike is over and trains run again on Monday!",
    "Phew, the rocket landed safely after a 12-minute flight!",
    "Yay, Casey and Erin had a baby!",
    # Finding 3: "Here was the first …" of anything but the post's own pieces.
    "Here was the first sign of trouble: the main pump failed at noon on Sunday.",
    "Here were the first results: turnout fell to 41%.",
    # Finding 4: a quotation or a reported claim.
    "“You can’t run your business on hope,” the chief executive told analysts on the call.",
    "Analysts said the deal shortens the time to value for customers.",
    "Rooftop solar can now power your company's entire office, the utility said.",
    # Whole-stop review 47, finding 3: "your business rates", a reporting verb past "said".
    "The tax change will transform your business rates bill from April, the Treasury confirmed.",
    "Small firms warn the new levy could run your business into the ground, the FSB warned.",
    "The new rules will transform your business rates bill from April.",
    # Whole-stop review 47, finding 16: an answer word before a figure, a season of news.
    "Yup, the vote passed by 300 to 200 MPs!",
    "It's the flu season, and you're more likely to catch it than ever.",
    # Finding 5: a liking that makes a claim.
    "I love the fact the battery lasts two full days now.",
    "I like the new keyboard much better than the old butterfly one.",
    "I love my AirPods - a lot more than I thought I would.",
])
def test_an_opener_or_phrase_followed_by_news_is_no_filler(line: str) -> None:
    assert segment.not_prose(line, "en") is None, line


@pytest.mark.parametrize("line", [
    "Don't worry.",
    "If you haven't seen it, go check it out.",
    "If you haven't read it yet, it's worth a look.",
    "Nope, not this year!",
    "Here were my previous posts in the series!",
    # Finding 4: the vendor's verb in either case.
    "Grow your business with BigQuery.",
])
def test_a_bare_opener_or_the_vendors_own_address_is_filler(line: str) -> None:
    assert segment.not_prose(line, "en") == "filler", line


UPDATE = (
    "Many owners saw their phones die within hours after the update. Don't worry, Apple says the "
    "fix ships next week. The company has not said how many devices were affected."
)


def test_a_reassurance_with_news_keeps_its_point_and_the_next() -> None:
    # Finding 2: main gives 3 points; a false filler took the sentence after it too.
    points = _points("Apple update drains batteries", UPDATE)
    assert len(points) == 3, points


def test_a_comma_less_credit_glued_to_its_quotation_is_cut_off() -> None:
    # Finding 7: "Name writing for Outlet:" has no comma.
    spans = unglue(
        "Dani Deahl writing for The Verge: Spotify is testing a new feature that lets users hide "
        "songs they do not like from playlists.")
    assert spans == ["Dani Deahl writing for The Verge:",
                     "Spotify is testing a new feature that lets users hide songs they do not "
                     "like from playlists."]


@pytest.mark.parametrize("line", [
    # Finding 11: ", at X:" of a place, not an outlet, is prose.
    "Tim Cook and Craig Federighi, at WWDC: the two executives showed iOS 12 on stage.",
    "Second Half Report, at Wembley: England scored twice in five minutes.",
])
def test_a_name_at_a_place_before_a_colon_is_not_cut(line: str) -> None:
    assert unglue(line) == [line]


def test_a_name_at_an_outlet_glued_to_its_quotation_is_cut_off() -> None:
    spans = unglue("Serenity Caldwell, at iMore: The new iPad Pro is the fastest tablet yet.")
    assert spans == ["Serenity Caldwell, at iMore:", "The new iPad Pro is the fastest tablet yet."]

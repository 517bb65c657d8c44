"""English feed items' lines a blind read called no points (issue 28): a link's own text
("∞ Permalink", "Read on MPU Talk"), an editor's or update note, and code in prose cut or glued
at the wrong mark ("The try!", "… the consumer. server.complete now needs …"). Short made-up
text in the shape of the real feeds' cases."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, split_sentences
from bot.summarize.segment import not_prose

S = ExtractiveSummarizer()


def _points(text: str, title: str = "The council closes the old bridge") -> list[str]:
    return [p.text for p in S.brief(Article(title=title, text=text, lang="en")).points]


@pytest.mark.parametrize(("line", "kind"), [
    ("∞ Permalink", "link"),
    ("Read on MPU Talk", "link"),
    ("Read on Inside OmniFocus", "link"),
    ("Read more at The Verge", "link"),
    ("Continue reading", "link"),
    ("Continue reading “Why the bridge closed”", "link"),
    ("via Jim Coudal", "link"),
    ("Editor’s note:The Speed Read is a column examining hot topics in cloud computing.",
     "update"),
    ("Editor's note: For most people, the virus causes only mild symptoms.", "update"),
    ("Update 2:05 pm: Two people have already written me to recommend a parser.", "update"),
    ("Update: And I completely forgot to mention the new desktop models.", "update"),
    ("This article was updated on Monday, November 27 to add in new deals and to remove "
     "expired deals.", "update"),
    ("This post has been updated.", "update"),
    ("Read on to see the protocol in action!", "boilerplate"),
    ("Read on for a high-level overview of the method with code snippets.", "boilerplate"),
])
def test_a_link_text_or_an_editors_note_is_no_prose(line: str, kind: str) -> None:
    assert not_prose(line, "en") == kind


@pytest.mark.parametrize("line", [
    # A "via" that opens a sentence, and words a note shares with prose, stay prose.
    "Via email, Rachel shared a cool feature request for my reply script.",
    "Via Jim Coudal, who summarizes this perfectly: “Poetry, in data”.",
    "The article was updated to say the bridge stays shut until June.",
    "This story has implications for every commuter in the county.",
    "Read on if you dare, because the numbers are grim.",
    "Update version to 0.1.3",
])
def test_prose_that_shares_their_words_stays_prose(line: str) -> None:
    assert not_prose(line, "en") is None


def test_an_update_note_is_no_point() -> None:
    text = ("This article was updated on Monday, November 27 to add in new deals and to remove "
            "expired deals.\n\nThe council closed the old bridge on Friday for repairs to its "
            "deck.\n\nEngineers found cracks in two of the supporting beams last month.")
    points = _points(text)
    assert points and not any("was updated" in p for p in points)


def test_a_permalink_line_is_no_point_even_alone() -> None:
    text = "The council closed the old bridge on Friday for repairs to its deck.\n\n∞ Permalink"
    assert _points(text) == [
        "The council closed the old bridge on Friday for repairs to its deck."]


@pytest.mark.parametrize(("text", "sentences"), [
    # A lower-case code identifier opens a sentence after a period.
    ("The one small API change is in the consumer. server.complete now needs an additional "
     "returnto parameter.",
     ["The one small API change is in the consumer.",
      "server.complete now needs an additional returnto parameter."]),
    ("Call the setup first. configure() returns nothing.",
     ["Call the setup first.", "configure() returns nothing."]),
    ("Pass the flag. return_to is then set.", ["Pass the flag.", "return_to is then set."]),
    # After an abbreviation or initials it continues the sentence.
    ("Use a helper, e.g. os.path.join for paths.", ["Use a helper, e.g. os.path.join for paths."]),
    ("He left at 5 p.m. and came back.", ["He left at 5 p.m. and came back."]),
    # Swift's "try!" and "as!" before the code they force end nothing.
    ("Never write try! JSONDecoder().decode(data) in shipping code.",
     ["Never write try! JSONDecoder().decode(data) in shipping code."]),
    ("Never write try! FileManager.default.contents in shipping code.",
     ["Never write try! FileManager.default.contents in shipping code."]),
    ("Cast it with as! String when you are sure.", ["Cast it with as! String when you are sure."]),
    ("The try! Swift app runs on both iOS and watchOS.",
     ["The try! Swift app runs on both iOS and watchOS."]),
    # A "try!" before an English word still ends a sentence.
    ("Give it a try! You will love it.", ["Give it a try!", "You will love it."]),
])
def test_code_in_prose_is_words(text: str, sentences: list[str]) -> None:
    assert split_sentences(text, "en") == sentences


def test_a_listen_on_line_is_no_point() -> None:
    text = ("I talked to Tim about getting started with automation and the future of "
            "Shortcuts.\n\nListen it on iPad Pros Podcast")
    assert _points(text, "Episode 27: Automators") == [
        "I talked to Tim about getting started with automation and the future of Shortcuts."]


# An episode's notes under one head, its sponsors': topic lines, then the reads.
EPISODE = ("We're live from WWDC 2018!\n\niOS 12\n\nSiri Shortcuts and what they can do\n\n"
           "Activity reports and App Limits\n\nNotification management on the watch\n\n"
           "watchOS 5\n\nUIKit apps on Mac\n\nSponsored by:\n\n"
           "Audible Careers: Join the company that is changing the world.\n\n"
           "Squarespace: Make your next move. Use code ATP for 10% off your first order.")


def test_an_episodes_topic_lines_under_a_sponsor_head_are_no_points() -> None:
    assert _points(EPISODE, "277: You're Not a Mac App Yet") == ["We're live from WWDC 2018!"]


def test_an_episode_of_topic_lines_alone_has_headline_and_link_only() -> None:
    text = EPISODE.replace("We're live from WWDC 2018!\n\n", "")
    assert _points(text, "277: You're Not a Mac App Yet") == []


def test_an_episodes_sponsor_reads_do_not_outvote_its_topic_lines() -> None:
    # Two heads, and as many marked reads below as topic lines above: still show notes.
    text = ("Follow up:\n\nMultiple versions of photos\n\nQuietly improving MacBook Pro keyboards"
            "\n\nPre-WWDC hopes and dreams\n\nUpgrade #143: The WWDC Keynote Draft 2017\n\n"
            "Ending theme by Jonathan Mann\n\nSponsored by:\n\n"
            "Jet: A shopping site that makes it easy to save money.\n\n"
            "Use code ATP at checkout for 20% off your first 2 orders.\n\n"
            "Casper: An obsessively engineered mattress at a fair price.\n\n"
            "Use code ATP for $50 toward your mattress.\n\nBetterment: Investing made better.")
    assert _points(text, "224: Yearning for Reflection") == []


def test_a_post_with_a_sponsor_head_keeps_its_prose() -> None:
    text = ("The council closed the old bridge on Friday for repairs to its deck.\n\n"
            "Engineers found cracks in two of the supporting beams last month.\n\n"
            "The repairs will take six weeks and cost about $2 million.\n\n"
            "Commuters are asked to use the ferry or the northern bypass.\n\n"
            "Buses will run every ten minutes during the morning peak.\n\n"
            "The council apologised for the short notice.\n\nSponsored by:\n\n"
            "Squarespace: Make your next move.")
    assert len(_points(text)) == 3

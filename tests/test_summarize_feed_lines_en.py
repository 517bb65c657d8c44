"""English feed items' lines a blind read called no points (issue 28): a link's own text
("∞ Permalink", "Read on MPU Talk", "Listen it on …"), a note on the article itself ("This
article was updated on …", an editor's standfirst), and Swift's "try!" before the code it
forces. And the prose that shares their words, which stays prose: a news-bearing update, a
headline opening "Via", "Continue reading the terms …", "give it a try! Enjoy.". Short made-up
text in the shape of the real feeds' cases and of a review's probes."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, split_sentences
from bot.summarize.segment import not_prose

S = ExtractiveSummarizer()


def _points(text: str, title: str = "The council closes the old bridge") -> list[str]:
    return [p.text for p in S.brief(Article(title=title, text=text, lang="en")).points]


@pytest.mark.parametrize(("line", "kind"), [
    ("Read on MPU Talk", "link"),
    ("Read on Inside OmniFocus", "link"),
    ("Read more at The Verge", "link"),
    ("Listen it on iPad Pros Podcast", "link"),
    ("Listen to it on Systematic", "link"),
    ("Continue reading", "link"),
    ("Continue reading “Why the bridge closed”", "link"),
    ("Continue reading on Medium »", "link"),
    ("via Jim Coudal", "link"),
    ("Via @gruber", "link"),
    ("Editor’s note:The Speed Read is a column examining hot topics in cloud computing.", "note"),
    ("Editor's note: For most people, the virus causes only mild symptoms.", "note"),
    ("Update 2:05 pm: Two people have already written me to recommend a parser.", "note"),
    ("Update: And I completely forgot to mention the new desktop models.", "note"),
    ("This article was updated on Monday, November 27 to add in new deals and to remove "
     "expired deals.", "note"),
    ("This post has been updated.", "note"),
])
def test_a_link_text_or_a_note_on_the_article_is_no_prose(line: str, kind: str) -> None:
    assert not_prose(line, "en") == kind


@pytest.mark.parametrize("line", [
    # A "via" that opens a sentence, a headline opening "Via", and words a note shares with
    # prose stay prose.
    "Via email, Rachel shared a cool feature request for my reply script.",
    "Via Jim Coudal, who summarizes this perfectly: “Poetry, in data”.",
    "Via Rail Cancels All Trains",
    "Continue reading the terms and the catch is clear: the free plan renews at $99 a year",
    "The article was updated to say the bridge stays shut until June.",
    "This story has implications for every commuter in the county.",
    "Read on if you dare, because the numbers are grim.",
    "Update version to 0.1.3",
    "This review was updated after the firmware 2.0 release fixed the battery drain we "
    "described.",
    # An update that carries news is the story, not a note on the article.
    "Update (Jan 5): Microsoft says the patch is now available to everyone, including Home "
    "users.",
    "Update 2: Adds dark mode to every screen and fixes the sync bug.",
    "Update 2: Apple has now confirmed to me that the M4 chip will come to the Mac this fall.",
])
def test_prose_that_shares_their_words_stays_prose(line: str) -> None:
    assert not_prose(line, "en") is None


def test_an_update_note_is_no_point() -> None:
    text = ("This article was updated on Monday, November 27 to add in new deals and to remove "
            "expired deals.\n\nThe council closed the old bridge on Friday for repairs to its "
            "deck.\n\nEngineers found cracks in two of the supporting beams last month.")
    points = _points(text)
    assert points and not any("was updated" in p for p in points)


def test_an_editors_standfirst_is_no_point() -> None:
    text = ("Editor’s note:Today we hear from Acme, a firm that runs the city's bridges.\n\n"
            "The council closed the old bridge on Friday for repairs to its deck.\n\n"
            "Engineers found cracks in two of the supporting beams last month.")
    points = _points(text)
    assert points and not any("Editor" in p for p in points)


@pytest.mark.parametrize("text", [
    "This article was updated on Monday, November 27 to add in new deals.",
    "Editor's note: Since this story was published, the company has laid off 400 more workers "
    "and closed its Austin office.",
])
def test_a_note_on_the_article_is_a_point_when_it_is_all_there_is(text: str) -> None:
    assert _points(text, "Startup cuts jobs") == [text]


@pytest.mark.parametrize("text", [
    "Update (Jan 5): Microsoft says the patch is now available to everyone, including Home "
    "users.",
    "Update 2: Adds dark mode to every screen and fixes the sync bug.\n\n"
    "Update 1: Adds widgets for the home screen.",
])
def test_an_update_that_carries_news_is_a_point(text: str) -> None:
    assert _points(text, "Microsoft pulls the broken Windows patch")


def test_a_listen_on_line_is_no_point() -> None:
    text = ("I talked to Tim about getting started with automation and the future of "
            "Shortcuts.\n\nListen it on iPad Pros Podcast")
    assert _points(text, "Episode 27: Automators") == [
        "I talked to Tim about getting started with automation and the future of Shortcuts."]


@pytest.mark.parametrize(("text", "sentences"), [
    # Swift's "try!" and "as!" before the code they force end nothing: a call, a generic or a
    # member with no space after its dot.
    ("Never write try! JSONDecoder().decode(data) in shipping code.",
     ["Never write try! JSONDecoder().decode(data) in shipping code."]),
    ("Never write try! FileManager.default.contents in shipping code.",
     ["Never write try! FileManager.default.contents in shipping code."]),
    ("Never write try! Realm() in production. It crashes.",
     ["Never write try! Realm() in production.", "It crashes."]),
    ("Cast it with as! Array<Int> when you are sure.",
     ["Cast it with as! Array<Int> when you are sure."]),
    ("The try! Swift app runs on both iOS and watchOS.",
     ["The try! Swift app runs on both iOS and watchOS."]),
    # Before an English word, a name or an abbreviation "try!" still ends a sentence.
    ("It is free, so give it a try! Enjoy.", ["It is free, so give it a try!", "Enjoy."]),
    ("Give it a try! You will love it.", ["Give it a try!", "You will love it."]),
    ("Give it a try! MacBook owners can download it today.",
     ["Give it a try!", "MacBook owners can download it today."]),
    ("Give it a try! GitHub has the full source.",
     ["Give it a try!", "GitHub has the full source."]),
    ("Why not give it a try! YouTube Premium is free for a month.",
     ["Why not give it a try!", "YouTube Premium is free for a month."]),
    ("Give it a try! U.S. customers get a free month.",
     ["Give it a try!", "U.S. customers get a free month."]),
    ("Give it a try! Mr. Rogers would have approved.",
     ["Give it a try!", "Mr. Rogers would have approved."]),
    # A member of code after a period continues the sentence (a split there cut "… in the
    # consumer." from the change it announces); only a brand or site name or a word and an
    # auxiliary open one in lower case (tests/test_summarize_split_en_ends.py).
    ("The one small API change is in the consumer. server.complete now needs an additional "
     "returnto parameter.",
     ["The one small API change is in the consumer. server.complete now needs an additional "
      "returnto parameter."]),
    ("See the docs, cf. os.path.join for details. It is simple.",
     ["See the docs, cf. os.path.join for details.", "It is simple."]),
])
def test_code_in_prose(text: str, sentences: list[str]) -> None:
    assert split_sentences(text, "en") == sentences


# A news roundup's headline lines above one sponsor head: its headlines are its points.
ROUNDUP = ("Apple releases iOS 17.2 with the new Journal app\n\n"
           "Google unveils Gemini, its most capable AI model yet\n\n"
           "Meta ends SMS support in Messenger next month\n\n"
           "Amazon launches Q, a chatbot for business customers\n\n"
           "Microsoft hires Sam Altman after the OpenAI board ousts him\n\n"
           "Tesla delivers the first Cybertrucks to buyers in Texas\n\nToday's sponsor:\n\n"
           "Acme: Widgets for every workflow. Use code NEWS for 10% off.")
# Two heads, one a sponsors', and as many sponsor reads below as lines above.
TWO_HEADS = ("What changed:\n\nDark mode for every screen\n\nFaster sync\n\nA new widget\n\n"
             "It is free.\n\nPrices rose.\n\nSponsored by:\n\n"
             "Acme: Widgets for every workflow.\n\nUse code NEWS for 10% off.\n\n"
             "Beta: Another sponsor read here.\n\nUse code BETA for a free month.\n\n"
             "Gamma: A third sponsor read here.")


@pytest.mark.parametrize(("text", "title"), [
    (ROUNDUP, "Tech news roundup, December 7"), (TWO_HEADS, "App 2.0 is out")])
def test_an_item_under_a_sponsor_head_keeps_its_brief(text: str, title: str) -> None:
    assert len(_points(text, title)) == 3


def test_a_post_with_a_sponsor_head_keeps_its_prose() -> None:
    text = ("The council closed the old bridge on Friday for repairs to its deck.\n\n"
            "Engineers found cracks in two of the supporting beams last month.\n\n"
            "The repairs will take six weeks and cost about $2 million.\n\n"
            "Commuters are asked to use the ferry or the northern bypass.\n\n"
            "Buses will run every ten minutes during the morning peak.\n\n"
            "The council apologised for the short notice.\n\nSponsored by:\n\n"
            "Squarespace: Make your next move.")
    assert len(_points(text)) == 3

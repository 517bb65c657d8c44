"""Where an English period or "!" ends a sentence (issue 28): a point must not end on a title
or a brand name cut from the rest of its sentence, nor hold two sentences a lone capital's
period left glued. Short made-up text in the shape of the dev sets' cases."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, split_sentences


@pytest.mark.parametrize("text", [
    # A wire story: "… quite frankly,” said Del." / "Chris Hurst, a gun-control advocate …".
    "“It is bluster,” said Del. Chris Hurst, a gun-control advocate from Blacksburg.",
    "She unseated incumbent Virginia Republican state Del. Robert Marshall last year.",
    "The country is strong enough to do that, Maj. Gen. Mohammad Bagheri said on Sunday.",
    "The others are Sens. Susan Collins of Maine and Lisa Murkowski of Alaska.",
    "Brig. Gen. Anne Smith and Reps. John Doe and Mary Roe visited the base.",
    # A feed item's point opened "Cathrine Birman discuss Pediatric Cochlear Implants- …".
    "Dr. Jefferson and AProf. Cathrine Birman discuss pediatric cochlear implants.",
    "In the footsteps of VH1 Behind the Music, E! True Hollywood Story, and Spinal Tap, the "
    "band made its own documentary.",
    "She watched E! News every night before work.",
    # A bracket or quote before the network's name keeps it a name (review of issue 28).
    "She told the network (E! News) that she was fine.",
    'She appeared on "E! News" last night.',
    "The bill's sponsor, Del. Chris Hurst, said it would pass.",
])
def test_a_title_or_a_brand_name_ends_no_sentence(text: str) -> None:
    assert split_sentences(text, "en") == [text]


@pytest.mark.parametrize(("text", "first"), [
    # Delaware after a comma may end a sentence, as a state's abbreviation does.
    ("The plant is in Dover, Del. The town has 38,000 people.", "The plant is in Dover, Del."),
    ("Apple changed how it sends review units for iPhone X. What does it all mean?",
     "Apple changed how it sends review units for iPhone X."),
    ("Your program was tested with a newer version of C. Then you'll get that version.",
     "Your program was tested with a newer version of C."),
    ("The client caches the top-level hash T. Then, before accepting data, it checks the log.",
     "The client caches the top-level hash T."),
    ("The prefix multiplies the quantity by 1000 (i.e. 1km == 1000 m). However, a kilobyte is "
     "1024 bytes.", "The prefix multiplies the quantity by 1000 (i.e. 1km == 1000 m)."),
    ("Give it a try! You'll love it.", "Give it a try!"),
    # A rank's word written in lower case or capitals is a word, which may end a sentence; a
    # rank or Del. before a sentence opener ends one too (review of issue 28).
    ("Do three sets of 10 reps. Rest for a minute between sets.", "Do three sets of 10 reps."),
    ("He spent 30 days in the brig. The Navy declined to comment.",
     "He spent 30 days in the brig."),
    ("The outlook was issued by the SPC. The risk is highest in Kansas.",
     "The outlook was issued by the SPC."),
    ("He lost to the Sens. The Ottawa team won 4-1.", "He lost to the Sens."),
    ("He lost to the Sens.\nThe Ottawa team won 4-1.", "He lost to the Sens."),
    ("Then press Del. The file is gone.", "Then press Del."),
    ("Senator Carper of Del. The others are from Maryland.", "Senator Carper of Del."),
    # A question word with a contraction, or a bare question, opens a sentence too.
    ("Apple sent review units for iPhone X. What's next for the line is unclear.",
     "Apple sent review units for iPhone X."),
    ("Prices fell in the U.S. Who's to blame is unclear.", "Prices fell in the U.S."),
    ("Prices fell in the U.S. Why? Nobody knows.", "Prices fell in the U.S."),
])
def test_a_sentence_after_a_lone_capital_or_a_state_still_starts(text: str, first: str) -> None:
    assert split_sentences(text, "en")[0] == first


def test_a_feed_item_cut_at_a_brand_name_shows_its_first_sentence_whole() -> None:
    # Feed items' read: the point "True Hollywood Story, and Spinal Tap, the 4 Fighting Serpents
    # …" opened mid-sentence, its head "In the footsteps of VH1 Behind the Music, E!" cut off.
    text = ("In the footsteps of VH1 Behind the Music, E! True Hollywood Story, and Spinal Tap, "
            "the band has made a behind-the-scenes documentary with a public access channel. "
            "This segment features candid interviews with every member of the band. "
            "We will post the documentary in weekly segments for the next three months.")
    points = [p.text for p in ExtractiveSummarizer().brief(
        Article(title="The Documentary!", text=text)).points]
    assert points[0].startswith("In the footsteps of VH1")
    assert not any(p.startswith("True Hollywood Story") for p in points)


@pytest.mark.parametrize("text", [
    "The others are Sens.\nSusan Collins of Maine and Lisa Murkowski of Alaska.",
    "Dr. Jefferson and AProf.\nCathrine Birman discuss pediatric cochlear implants.",
])
def test_a_line_break_after_a_rank_ends_no_sentence(text: str) -> None:
    # A feed's markup broke the line inside the name, as after "Dr." (TITLE_BREAK).
    assert split_sentences(text, "en") == [text.replace("\n", " ")]

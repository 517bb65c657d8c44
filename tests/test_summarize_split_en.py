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

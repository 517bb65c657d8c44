"""The stop-47 English tag rules at their edges (the review of wt-tagen47): a club's
possessive ("Spurs' League Cup") is no show's name, "against" outside a sports story is no
contest, the headline is read by whole words in any case, a caption's age before "(pictured
right)" marks a private person, and each rule's threshold has a control just past it."""

from __future__ import annotations

from tests.support.tagging import CHELSEA_OPPONENTS, brief_tags


def _tags(text: str, title: str = "") -> list[str]:
    return brief_tags(title, text, "en")


_MERCATOR = (
    "Look at a map and China seems smaller than Greenland. In reality China is four times "
    "bigger than Greenland. Africa is fourteen times larger than Greenland. The Mercator "
    "map was made for sailors. Greenland also looks as big as Africa on it. Greenland, "
    "meanwhile, is a fraction of the size. Map makers have tried other projections. Schools "
    "still use the old maps."
)
_DRAGONS = (
    "Two friends who dreamt up board games have won backing on Dragons' Den. They went on "
    "Dragons' Den to ask for funding. The Dragons were told they could not hear the brand "
    "name. Three Dragons took their money off the table early. The Dragons were surprised "
    "by the games. The pair said the Dragons were kind. The friends now sell the games in "
    "shops across the country."
)
_MARLOW = (
    "A driver who killed a young woman in a head-on crash while reading a text has been "
    "jailed. Tom Bryce, 27 (left) was using his phone when he hit the car driven by Jane "
    "Marlow, 28 ({place}). Miss Marlow, a clerk, had spent the evening with friends. Miss "
    "Marlow died later in hospital. The prosecutor said Miss Marlow had a bright future. Her "
    "family said Miss Marlow was loved by everyone. Miss Marlow's parents were in court."
)


def test_a_club_written_once_before_league_stays_the_story_s_subject() -> None:
    # Review finding 4: "Spurs' League Cup run" dropped "#spurs" (main kept it).
    text = (
        "Spurs were knocked out of the cup on Tuesday. Spurs' League Cup run ended at Wembley. "
        "The manager said Spurs had played well. Fans booed Spurs at the final whistle. Spurs "
        "face Arsenal on Sunday. Spurs are fifth in the table. The club will meet to discuss "
        "the future."
    )
    tags = _tags(text, "Tottenham boss under pressure after cup exit")
    assert "spurs" in tags, tags


def test_a_show_s_name_word_the_headline_writes_stays_a_tag() -> None:
    tags = _tags(_DRAGONS, "Dragons back board games")
    assert "dragons" in tags, tags


def test_a_side_against_in_a_court_case_stays_a_tag() -> None:
    # Review finding 5: "Apple v Samsung" in a patent case is no match.
    text = (
        "Apple won a patent case against Samsung on Friday. The jury found Samsung copied Apple "
        "designs. Apple had sued Samsung in 2011. Apple said the ruling was a win for "
        "innovation. Samsung said it would appeal against Apple. Apple shares rose. Apple v "
        "Samsung has run for years. Samsung phones may be banned. Apple now seeks a ban. Apple "
        "welcomed it. Apple lawyers spoke."
    )
    tags = _tags(text, "Jury orders tech giant to pay $1bn in patent case")
    assert tags[:2] == ["apple", "samsung"], tags


def test_a_second_side_written_nearly_as_often_stays_a_tag() -> None:
    # 7 mentions of Leeds City's forms to Chelsea's 8: under OPPONENT_FOCUS (1.25).
    text = CHELSEA_OPPONENTS.replace("City had ten men.", "City had ten men. City fans sang.")
    tags = _tags(text)
    assert tags[:2] == ["chelsea", "leeds-city"], tags


def test_a_second_side_the_headline_names_stays_a_tag() -> None:
    # One more Chelsea mention than the base story: without the headline, an opponent.
    tags = _tags(CHELSEA_OPPONENTS + " Chelsea fans left early.", "Leeds City hold Chelsea")
    assert tags[:2] == ["chelsea", "leeds-city"], tags


def test_a_second_side_stays_a_tag_where_the_first_is_never_played_against() -> None:
    tags = _tags(CHELSEA_OPPONENTS.replace("scored against Chelsea", "scored for Chelsea"))
    assert tags[:2] == ["chelsea", "leeds-city"], tags


def test_a_headline_s_other_name_sharing_a_word_does_not_keep_the_second_side() -> None:
    # Review finding 6: City's bare form "Leeds" is no headline mention in "Leeds United".
    tags = _tags(CHELSEA_OPPONENTS, "Leeds United fans angry after Chelsea slip")
    assert "leeds-city" not in tags, tags


def test_the_headline_is_read_by_whole_words_in_any_case() -> None:
    # Review finding 6: "Pro" inside "Professionals"; "GREENLAND" in capitals.
    text = (
        "Apple's new iMac Pro is out. The iMac Pro is the fastest Mac yet. The Pro starts at "
        "$4,999. Reviewers say the iMac Pro is loud under load. The Pro has a dark grey case."
    )
    assert "pro" not in _tags(text, "Professionals get a faster desktop")
    tags = _tags(_MERCATOR, "GREENLAND: THE ISLAND THAT MAPS MAKE HUGE")
    assert "greenland" in tags, tags


def test_a_compared_place_the_headline_names_stays_a_tag() -> None:
    tags = _tags(_MERCATOR, "Why Greenland looks so big on your map")
    assert "greenland" in tags, tags


def test_a_place_after_than_in_under_half_its_mentions_stays_a_tag() -> None:
    # 2 of 5 mentions after "than": under "at least half".
    text = (
        "Greenland is melting faster than scientists thought. Ice in Greenland is lost faster "
        "than in Alaska. Alaska is smaller than Greenland. Researchers in Greenland measured "
        "the melt. The melt is larger than Greenland's last record. The melt will raise sea "
        "levels."
    )
    tags = _tags(text)
    assert "greenland" in tags, tags


def test_a_product_word_written_alone_in_most_mentions_stays_a_tag() -> None:
    # "Ventura" after "macOS" once, alone four times: a name of its own.
    text = (
        "Apple released macOS Ventura on Monday. Ventura brings Stage Manager. Users of "
        "Ventura can now use their iPhone as a webcam. Ventura is free. Apple said Ventura "
        "runs on Macs from 2017."
    )
    tags = _tags(text, "Apple releases new Mac software")
    assert "ventura" in tags, tags


def test_a_caption_age_before_pictured_or_far_places_marks_a_private_person() -> None:
    # Review finding 8.
    for place in ("pictured right", "far right", "second left, with her sister"):
        tags = _tags(_MARLOW.format(place=place))
        assert "jane-marlow" not in tags, (place, tags)

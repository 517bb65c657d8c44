"""English tags a reader would follow, after the stop-46 CNN/DM and feed-item reads (issue 28,
seed 4651: 2 of our 3 CNN/DM losses decided on a tag alone): a caption's age before where the
person stands ("Rachel Titley, 28 (right)") marks a private person; a word of a product's or a
show's name ("Pro" of "iPad Pro", "Dragons" of "Dragons' Den") is no tag of its own; a place
written mostly as the far side of a comparison ("China is smaller than Greenland") is an
example, no subject; generic words ("#blog", "#pro") and a plural beside its singular
("#macbooks", "#macbook") are no tags of their own."""

from __future__ import annotations

from tests.support.tagging import brief_tags


def _tags(text: str, title: str = "") -> list[str]:
    return brief_tags(title, text, "en")


def test_a_caption_age_before_where_the_person_stands_marks_a_private_person() -> None:
    # CNN/DM sample: "#rachel-titley", killed by a driver on his phone: "Rachel Titley, 28
    # (right)" in the caption, "Miss Titley" six times after.
    text = (
        "A driver who killed a young woman in a head-on crash while reading a text has been "
        "jailed. He veered across the road and smashed into Jane Marlow's car. Tom Bryce, 27 "
        "(left) was using his phone when he hit the car driven by Jane Marlow, 28 (right). "
        "Miss Marlow, a clerk, had spent the evening with friends. Miss Marlow died later in "
        "hospital. The prosecutor said Miss Marlow had a bright future. Her family said Miss "
        "Marlow was loved by everyone. The judge said the driver had been drinking. Miss "
        "Marlow's parents were in court."
    )
    assert "jane-marlow" not in _tags(text), _tags(text)


def test_a_word_of_a_lower_case_product_name_is_no_tag() -> None:
    # Feed items rf160, rf208: "iPad Pro Review Roundup" tagged "#pro", which "means nothing".
    text = (
        "Reviews of the new 10.5-inch iPad Pro are in. The iPad Pro has a faster display. "
        "Several reviewers say the iPad Pro is the best tablet they have used. One writer "
        "called the iPad Pro a laptop replacement. Battery life on the iPad Pro is about ten "
        "hours. The keyboard cover is sold apart."
    )
    tags = _tags(text, "iPad Pro Review Roundup")
    assert "pro" not in tags, tags


def test_a_show_s_plural_name_word_is_no_tag_alone() -> None:
    # CNN/DM sample: "#dragons" on the Marmite board-game story, "vague": the Dragons are the
    # panel of Dragons' Den.
    text = (
        "Two friends who dreamt up board games have won backing on Dragons' Den. They went on "
        "Dragons' Den to ask for funding. The Dragons were told they could not hear the brand "
        "name. Three Dragons took their money off the table early. The Dragons were surprised "
        "by the games. The pair said the Dragons were kind. The friends now sell the games in "
        "shops across the country."
    )
    assert "dragons" not in _tags(text), _tags(text)


def test_a_place_written_as_the_far_side_of_comparisons_is_no_tag() -> None:
    # CNN/DM sample: "#greenland" on a story about map projections, "off-topic".
    text = (
        "Look at a map and China seems smaller than Greenland. In reality China is four times "
        "bigger than Greenland. Africa is fourteen times larger than Greenland. The Mercator "
        "map was made for sailors. Greenland also looks as big as Africa on it. Greenland, "
        "meanwhile, is a fraction of the size. Map makers have tried other projections. Schools "
        "still use the old maps."
    )
    assert "greenland" not in _tags(text), _tags(text)


def test_a_place_the_story_is_about_stays_a_tag_beside_a_comparison() -> None:
    text = (
        "Greenland is melting faster than scientists thought. Ice in Greenland is lost at a "
        "rate larger than Alaska's. Greenland lost more ice this summer than in any year. "
        "Researchers in Greenland measured the melt. Greenland's government asked for help. "
        "The melt will raise sea levels."
    )
    assert "greenland" in _tags(text), _tags(text)


def test_dna_the_story_is_told_by_stays_a_tag() -> None:
    # CNN/DM sample 0031f262: the stop-47 blind read preferred "#dna #france" on a story of a
    # soldier's remains to be named by DNA to "#france" alone.
    text = (
        "A soldier killed in 1914 may be named after a relative gave DNA. The DNA sample will "
        "be compared with remains found at a battle site. DNA tests are used when records are "
        "lost. The soldier's great-nephew said he was glad to give DNA. The DNA results are "
        "due next year. The remains will then be buried."
    )
    assert "dna" in _tags(text), _tags(text)


def test_a_side_played_against_is_no_tag_beside_the_story_s_subject() -> None:
    # CNN/DM sample: "#manchester-city" on a story about Chelsea's form, "off-focus".
    text = (
        "Chelsea are not as good as the Chelsea side of ten years ago, a pundit said. Chelsea "
        "let leads slip against both Leeds City and Leeds United. Chelsea took the lead in both "
        "games but drew. At Leeds City they lost control after scoring. City had ten men. The "
        "pundit said City were let off the hook. Chelsea are four points clear at the top. The "
        "pundit said Chelsea must learn to kill games. Robin Park scored against Chelsea in the "
        "last minute. Leeds City will now face City rivals. Chelsea play again on Saturday."
    )
    tags = _tags(text)
    assert "chelsea" in tags and "leeds-city" not in tags, tags

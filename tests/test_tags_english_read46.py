"""English tags a reader would follow, after the stop-46 CNN/DM and feed-item reads (issue 28,
seed 4651: 2 of our 3 CNN/DM losses decided on a tag alone): a caption's age before where the
person stands ("Rachel Titley, 28 (right)") marks a private person; a word of a product's or a
show's name ("Pro" of "iPad Pro", "Dragons" of "Dragons' Den") is no tag of its own; a place
written mostly as the far side of a comparison ("China is smaller than Greenland") is an
example, no subject; generic words ("#dna", "#blog") and a plural beside its singular
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

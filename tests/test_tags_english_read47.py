"""Issue 28, the stop-47 English reads: tags readers called junk. An adjective joined by a
hyphen (#african-american, rf981), a pet's first name (#tara, CNN/DM 003c9921: "his pet cat
Tara"), a feed category naming a site's section (#product-news, rf64) and a script's speaker
cue (#customer, rf295). Each with a case the rule must not cost."""

from __future__ import annotations

from bot.summarize.lang.en.tagging import mentions, people
from bot.summarize.tags import TagNormaliser, build_tags
from tests.support.tagging import TagCase, tag_test

CASES = [
    TagCase("an_adjective_joined_by_a_hyphen_is_no_tag",  # rf981's sentences, shortened
            "A Night Of Firsts: Range Of Diverse Dems Elected To Public Office",
            "Diverse Democratic candidates scored wins on Tuesday night in cities across the "
            "country. Charlotte elected Vi Lyles mayor on Tuesday, making her the first female "
            "African-American mayor of the city. In Minneapolis, Andrea Jenkins became the "
            "first openly transgender African-American woman elected to public office in the "
            "country. Voters in Helena elected Wilmot Collins, a refugee from Liberia, as the "
            "city's first African-American mayor. Party officials said the wins showed the "
            "strength of candidates from every background.",
            absent=("african-american",)),
    TagCase("a_pets_first_name_is_no_tag",  # cnndm 003c9921
            "",
            "and Ted Thornhill . A dog which viciously attacked a four-year-old boy "
            "only to be scared off by a fearless cat has been euthanized, it has been "
            "claimed. Scrappy, an eight-month-old Labrador-Chow mix, was apparently "
            "put down at Bakersfield animal shelter after he was filmed attacking his "
            "young neighbor Jeremy Triantafilo. Jeremy's life was saved when his pet "
            "cat Tara selflessly pounced on the dog as it launched its attack, chasing "
            "the vicious animal down the street so her best friend could receive emergency "
            "medical help. Scroll down for video . Lurking: Jeremy Triantafilo was "
            "outside his family's home when Scrappy the dog escaped and ran towards "
            "him. The Labrador-Chow mix has since been destroyed at nearby at Bakersfield "
            "animal shelter . To the rescue! Tara runs towards her owner as Scrappy "
            "shakes him. The dog was euthanized after continuing to show aggression "
            "during a 10-day assessment . Scrappy was destroyed after he continued "
            "to display aggressive traits during a 10-day assessment period at Bakersfield "
            "animal centre, according to TMZ. He bit two staff during his stay, and "
            "tried to attack any employee who brought him food and water. Last Wednesday, "
            "surveillance footage emerged showing Tara the cat saving Jeremy by pouncing "
            "on the dog as it attacked him. Tara's owners said she has been best friends "
            "with Jeremy since he was born. She . followed Erica and Roger Triantafilo "
            "home f",
            absent=("tara",)),
    TagCase("a_company_of_an_adjective_and_a_name_stays_a_tag",
            "Anglo American profits fall",
            "Mining giant Anglo American said profits fell by a third. Anglo American blamed "
            "lower copper prices. Shares in Anglo American fell 4% in London. The company "
            "said it would cut costs.",
            present=("anglo-american",)),
]

_SKETCH = (
    "We open on an Italian restaurant at night.\n\nThe CHEF approaches a table where a lone "
    "female CUSTOMER sits with the menu.\n\nCHEF\n(over the top)\nWhat-a you like-a to "
    "have tonight?\n\nCUSTOMER\n(hesitant)\nWell, I thought this was an Italian "
    "restaurant.\n\nCHEF\n(with delight)\nIt is, it is!\n\nCUSTOMER\n(still "
    "hesitant)\nBut I don't recognize any of these dishes.\n\nCUSTOMER\nIs this a "
    "burrito?\n\nThe chef's hat slips."
)

CASES += [
    TagCase("a_scripts_speaker_cue_is_no_tag",  # rf295's sketch, shortened: "#customer"
            "At Least He Can Still Go to the Same Church", _SKETCH, absent=("customer",)),
]

test_tags = tag_test("en", CASES)


def test_a_name_before_the_dogs_owner_is_no_animal() -> None:
    body = "Smith, the dog's owner, said Smith had paid. Smith said the cat Tara ran off."
    assert not people.animal_name("Smith", body)
    assert people.animal_name("Tara", body)


def test_a_category_naming_the_sites_section_is_no_tag() -> None:
    # rf64: Cloudflare files a protocol's post under "Research", "Security", "Product News".
    tags = build_tags(("Research", "Security", "Product News"), ["MIGP"], TagNormaliser(), 5,
                      lang="en")
    assert tags == ["research", "security", "migp"]


def test_a_keyword_ending_in_news_stays_a_tag() -> None:
    # Categories only: a story's "Fox News" is a name; a one-word "News" category is as before.
    tags = build_tags(("News",), ["Fox News"], TagNormaliser(), 5, lang="en")
    assert tags == ["news", "fox-news"]


def test_a_name_in_capitals_in_prose_or_one_heading_is_no_cue() -> None:
    prose = "NASA said it would delay the launch.\nNASA engineers found a leak."
    heading = "IKEA\nThe company said sales rose. IKEA will open ten stores."
    assert not mentions.script_cue("NASA", prose)
    assert not mentions.script_cue("IKEA", heading)
    assert mentions.script_cue("Customer", _SKETCH)

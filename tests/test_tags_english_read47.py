"""Issue 28, the stop-47 English reads: tags readers called junk. An adjective joined by a
hyphen (#african-american, rf981), a pet's first name (#tara, CNN/DM 003c9921: "his pet cat
Tara"), a feed category naming a site's section (#product-news, rf64) and a script's speaker
cue (#customer, rf295). Each with a case the rule must not cost."""

from __future__ import annotations

import pytest

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
    # The control runs the hyphen split: one part ("american") is an adjective, the other is
    # not, and the whole stays (review 48, finding 5: written with a space, it tested nothing)
    TagCase("a_name_joined_by_a_hyphen_with_one_adjective_stays_a_tag",
            "Anglo-American profits fall",
            "Mining giant Anglo-American said profits fell by a third. Anglo-American blamed "
            "lower copper prices. Shares in Anglo-American fell 4% in London. The company "
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

# review 48, finding 2: the pet rule read these people as animals ("the GOAT", "the dog
# whistle", a quotation's end "the dog,\" Biden") and asked before their full names were found
CASES += [
    TagCase("the_goat_after_a_players_surname_is_no_animal",
            "Inter Miami beat Orlando City",
            "Lionel Messi scored twice as Inter Miami beat Orlando City 3-1 on Saturday. Messi, "
            "the GOAT, opened the scoring after ten minutes. Messi then set up Luis Suarez "
            "before adding a late penalty. Orlando City coach Oscar Pareja said his side had no "
            "answer to Messi. Inter Miami moved top of the Eastern Conference. Messi has now "
            "scored 20 goals this season.",
            present=("lionel-messi",)),
    TagCase("is_he_the_goat_is_no_animal",
            "Australian Open final goes to four sets",
            "Novak Djokovic won his 25th grand slam title at the Australian Open on Sunday. "
            "Djokovic beat Carlos Alcaraz in four sets in Melbourne. Is Djokovic the GOAT? "
            "Djokovic said he did not care about such debates. Alcaraz said Djokovic was the "
            "best player he had faced. Djokovic will next play in Dubai.",
            present=("novak-djokovic",)),
    TagCase("the_dog_whistle_is_no_dog",
            "Rally in New Hampshire turns bitter",
            "Donald Trump attacked Nikki Haley at a rally in New Hampshire on Saturday. Trump, "
            "the dog whistle master according to critics, said Haley was not tough enough. "
            "Haley said Trump was too old to serve. Trump leads Haley by 20 points in the "
            "state. Haley said she would stay in the race. Trump spoke for 90 minutes.",
            present=("donald-trump",)),
    TagCase("a_quotation_ending_in_a_dog_names_no_dog",
            "White House dog bites another agent",
            "President Joe Biden's German shepherd Commander bit a Secret Service officer on "
            "Monday, the agency said. The officer was treated at the scene. \"We love the "
            "dog,\" Biden said on Tuesday. Biden said the family was working with trainers. It "
            "is the eleventh such incident. Biden's older dog Major was sent away in 2021 "
            "after similar bites.",
            present=("biden",)),
]

test_tags = tag_test("en", CASES)


@pytest.mark.parametrize(("name", "body", "animal"), [
    ("Scrappy", "Jeremy was outside when Scrappy the dog, a Labrador mix, ran at him.", True),
    ("Scrappy", "A neighbour saw Scrappy the dog.", True),
    ("Tara", "Jeremy's life was saved when his pet cat Tara pounced.", True),
    ("Messi", "Messi, the GOAT, opened the scoring.", False),
    ("Trump", "Trump, the dog whistle master, spoke.", False),
    ("Biden", '"We love the dog," Biden said.', False),
    ("Biden", "They walked the dog.\nBiden said so.", False),
    ("Smith", "Smith, the dog walker, said Smith had paid.", False)])
def test_an_animals_name_is_read_within_one_clause(name: str, body: str, animal: bool) -> None:
    assert people.animal_name(name, body) is animal


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

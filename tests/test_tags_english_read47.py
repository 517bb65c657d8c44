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

# review 48's blind read: wire-O4Tz lost "#african-american" and gained "#ken-brown", a club
# member ("useless"); the joined adjectives still set the bar for side characters
CASES += [
    TagCase("joined_adjectives_make_no_room_for_a_side_character",  # wire-O4Tz, no captions
            "African-American Gun Club Hopes To Help Curb Youth Violence",
            "More than 200 people have been killed this year in Baltimore. Most of them were "
            "black, and most of them were shot to death, despite Maryland having one of the "
            "nation's toughest gun laws. This comes two years after the city recorded its lowest "
            "murder rate in more than two decades.\n\nMembers of one of the few African-American "
            "social firearm clubs in the nation think teaching young people different ideas about"
            " guns might help deter them from a life of violence.\n\nThe Maryland Tenth Cavalry "
            "Gun Club, based near Baltimore in Marriottsville, Md., is an African-American "
            "firearms club that focuses as much on discipline and black history as it does on "
            "shooting. It has 163 members and takes its name from the 9th and 10th Army Cavalry, "
            "an African-American regiment known as \"Buffalo Soldiers.\"\n\nKen Brown is a big "
            "man, and the Ruger Mark III .22 long rifle semi-automatic pistol he's loading at an "
            "outdoor gun range looks almost tiny in his hands. He's hoping the lessons he teaches"
            " and practices at the range where the Maryland Tenth Cavalry Gun Club shoots are "
            "something he can pass on to young people in a larger context.\n\n\"See, the whole "
            "shooting discipline in and of itself is behaving responsibly, and that's what we "
            "hope to give to our youth. [Behaving] responsibly can be a lot of fun,\" Brown "
            "says.\n\nBrown says the club proudly focuses on teaching people about what he calls "
            "the deep history of blacks and firearms. One of his favorite examples is Salem Poor,"
            " a Massachusetts slave who bought his freedom in 1769 and fought at Bunker Hill in "
            "1775.\n\nBrown thinks knowledge about this history will help steer kids away from "
            "drugs and gangs: \"We have something that will give them a stake in this "
            "country.\"\n\nClub member Courtney White-Brown owns a firearms and security training"
            " academy. She believes young people thinking of heading into the drug trade or "
            "joining gangs could be dissuaded by learning that there is honor and responsibility "
            "in the association of African-Americans and guns.\n\n\"It also gives you an "
            "opportunity for... education, scholarship activity,\" White-Brown says.\n\nShe "
            "thinks teaching teens the discipline of using firearms also gives them a skill that "
            "can take them away from a life of crime: \"If these young people would learn "
            "properly, safe gun handling, and the proper use their firearms, then they would not "
            "be swayed or persuaded by the negative element.\"\n\nBut not everyone feels the same"
            " way.\n\n\"We know that some kinds of mentoring programs are effective,\" says Dewey"
            " Cornell, a clinical psychologist and University of Virginia education professor. "
            "Cornell, director of the Youth Violence Project, agrees mentoring can be helpful. "
            "But in an age where people with firearms training have committed mass shootings, "
            "Cornell says groups that want to help young people should look to other "
            "programs.\n\n\"It's much more important to have a relationship and to be dealing "
            "with the other problems in a young person's life, which sometimes require more than "
            "mentoring — if there are mental health issues, if there are gang issues, if there "
            "are family issues,\" Cornell says.\n\nBack at the Maryland Tenth Cavalry Gun Club, "
            "Brown admits there are some problems, such as working with young people who have "
            "already committed felonies, that the club isn't equipped to deal with.\n\nIt's up to"
            " us as African-Americans to address these issues.\n\nBut fellow club member Larry "
            "Smith, a retired Social Security worker, says that as members of a community being "
            "decimated by violence, they have a special calling to get involved.\n\n\"It's up to "
            "us as African-Americans to address these issues,\" says Smith, who like some other "
            "club members, grew up hunting. \"So I know that black people can be around guns and "
            "not shoot each other.\"\n\nSmith says the African-American community needs to "
            "develop a healthy respect for guns, and he hopes that will lower the level of "
            "violence.",
            absent=("ken-brown", "african-american")),
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
    # Categories only: a story's "Fox News" is a name; a one-word "News" category is a section.
    tags = build_tags(("News",), ["Fox News"], TagNormaliser(), 5, lang="en")
    assert tags == ["fox-news"]


def test_a_category_naming_a_thing_before_news_stays_a_tag() -> None:
    # review 48, finding 4: every "<words> News" category was dropped, names and topics too
    cats = ("Fake News", "Hacker News", "Sky News", "Climate Change News", "Windows Updates",
            "Earnings Announcements", "Breaking News", "Company Updates",
            "Earthquake breaking news")
    tags = build_tags(cats, [], TagNormaliser(), 10, lang="en")
    assert tags == ["fake-news", "hacker-news", "sky-news", "climate-change-news",
                    "windows-updates", "earnings-announcements"]


def test_a_name_in_capitals_in_prose_or_one_heading_is_no_cue() -> None:
    prose = "NASA said it would delay the launch.\nNASA engineers found a leak."
    heading = "IKEA\nThe company said sales rose. IKEA will open ten stores."
    assert not mentions.script_cue("NASA", prose)
    assert not mentions.script_cue("IKEA", heading)
    assert mentions.script_cue("Customer", _SKETCH)


class _NoLineSearch(str):
    """A body that fails the test if a mention's line is looked up by searching around it."""

    def find(self, *args: object, **kwargs: object) -> int:
        raise AssertionError("searched the body for a line's end")

    rfind = index = rindex = find


def test_a_cue_is_found_in_one_pass_over_a_long_line() -> None:
    # review 48, nit 8: each capitalised mention searched its line's ends, O(n·k): 40,000
    # "NASA" on one 600 KB line took 16 s. One pass over the lines searches around no mention.
    body = "NASA said so. " * 1_000 + "\nNASA\nNASA\n"
    assert mentions.script_cue("NASA", _NoLineSearch(body))
    assert not mentions.script_cue("NASA", _NoLineSearch(body[:-10]))

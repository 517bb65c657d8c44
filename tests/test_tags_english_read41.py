"""Issue 28, blind read of 7 December: a bare first name or surname of a person the story
names in full follows that person's verdict ("#david" for "David Sparks"; "#swisher" is
"#kara-swisher" under a headline naming her), and a possessive that ends a second name splits
a glued run ("Bill Clinton Obama's closer" is Bill Clinton and Obama), never a name like
"George Washington Carver"."""

from __future__ import annotations

from bot.summarize.lang.en.tagging import keywords
from tests.support.tagging import TagCase, tag_test

# Which words are whose is uncertain (review of the 7 Dec rules): no tag from the run, and
# Obama, written alone, keeps its own (never "#clinton-obama").
CLINTON_OBAMA = (
    "Clinton spoke for nearly an hour on Wednesday. Obama watched from a box. "
    "It is too early to call former President Bill Clinton Obama's closer, but he came "
    "close. Clinton laid out the case for a second term. Obama hugged him afterwards. "
    "Aides said Clinton had rewritten the speech twice, and Obama thanked him."
)
# The reviewer's text: Washington, a state, written alone beside Carver's full name.
CARVER_BESIDE_WASHINGTON = (
    "The museum opened a new wing on Monday. The state of Washington sent objects. It "
    "tells George Washington Carver's story. Carver taught at Tuskegee. Officials from "
    "Washington came. Carver's notebooks are on show."
)

CASES = [
    TagCase("a_bare_first_name_of_a_person_named_in_full_with_no_public_role_is_no_tag",
            "Launching Automators: a Podcast About Automation",
            "Today I'm very excited to announce that I'm launching a podcast with David Sparks "
            "on Relay FM called Automators. Every episode comes with a post on my blog or on "
            "David's blog. You can find them all via the show's page, which links to David's "
            "notes. In episode zero David and I talk about why we love automation. Automators "
            "ships every other week and covers Shortcuts, scripts and more.",
            absent=("david", "david-sparks")),
    TagCase("a_first_name_of_a_public_person_named_in_full_is_the_full_name", "",
            "Senator David Sparks said on Monday that the bill would pass. David told reporters "
            "the vote was close. Critics said David had changed his mind twice. The senator's "
            "office declined to comment further. David will meet the governor on Friday.",
            present=("david-sparks",), absent=("david",)),
    TagCase("a_bare_surname_under_a_headline_naming_the_person_in_full_is_the_full_name",
            "Kara Swisher: ‘Susan Fowler Proved That One Person Can Make a Difference’",
            "Kara Swisher:\n\nIt was Lao Tzu who said that the journey of a thousand miles "
            "begins with a single step. In the case of the change reeling through Uber right "
            "now, that step was taken by Susan Fowler. Swisher argues that Fowler proved one "
            "person can make a difference. Swisher adds that Uber's board has to act. Fowler "
            "wrote about her year at Uber in February, and Swisher calls it the start of "
            "everything.",
            present=("kara-swisher",), absent=("swisher",)),
    TagCase("a_possessive_ending_a_second_name_gives_no_name_from_the_run",
            "Clinton wows convention", CLINTON_OBAMA,
            present=("obama",), absent_within=("clinton",)),
    # The reviewer's mlk2: the split gave "#martin-luther", the reformer, for King's speech.
    TagCase("martin_luther_king_is_not_split_beside_the_reformer", "",
            "Crowds gathered on the Mall. They heard Martin Luther King's speech read aloud. "
            "King delivered it in 1963. Martin Luther, the reformer, was also quoted. "
            "Luther wrote in 1517. King's family spoke. Luther's theses were read too. "
            "Historians said King changed the country.",
            absent=("martin-luther",)),
    TagCase("carver_is_not_split_where_the_story_writes_washington_alone",
            "Peanut exhibit opens", CARVER_BESIDE_WASHINGTON, absent=("george-washington",)),
    TagCase("a_bare_surname_under_a_headline_with_a_known_first_name_is_the_full_name",
            "Donald Trump Vows to ‘Open Up’ Libel Laws",
            "During a rally in Fort Worth, Texas, Trump began his usual tirade against the "
            "press. He said he would open up the libel laws so he could sue newspapers. "
            "“They’re totally protected,” Trump said. Lawyers said the president cannot change "
            "state libel laws. Trump repeated the promise later in the evening.",
            present=("donald-trump",), absent=("trump",)),
    # The reviewer's text: Brooklyn the borough beside Brooklyn Beckham.
    TagCase("a_bare_first_name_the_story_writes_as_a_place_keeps_the_place_tag", "",
            "Rents in Brooklyn rose 12% last year, a report said. Brooklyn now costs more than "
            "parts of Manhattan. Brooklyn Beckham, who lived there in 2017, called it home. "
            "Landlords in Brooklyn said demand was strong.",
            present=("brooklyn",)),
    # The speaker form "Kara Swisher: ..." makes the full name from the headline only for a
    # first name; "Best MacBook: ..." written the same way names a product, not "Best MacBook".
    TagCase("a_headline_opening_with_a_product_and_a_colon_names_no_person",
            "Best MacBook: Which Laptop To Buy This Year",
            "Best MacBook:\n\nApple sells one laptop line, and the question is which MacBook to "
            "pick. A MacBook with more memory lasts longer. Every MacBook now ships with "
            "Apple's own chips. Buyers who edit video should pick the larger MacBook. Reviewers "
            "say the MacBook is the best laptop Apple has made.",
            present=("macbook",), absent=("best-macbook",)),
]

test_tags = tag_test("en", CASES)


def test_a_possessive_ending_a_second_name_reads_no_name_from_the_run() -> None:
    names = keywords("Clinton wows convention", CLINTON_OBAMA.split(". "))
    assert "Bill Clinton Obama" not in names and "Bill Clinton" not in names, names


def test_carver_s_name_is_not_split_where_the_story_writes_washington_alone() -> None:
    names = keywords("Peanut exhibit opens", CARVER_BESIDE_WASHINGTON.split(". "))
    assert "George Washington" not in names, names


def test_a_possessive_three_word_name_stays_one() -> None:
    text = (
        "The museum opened a new wing on Monday. It tells George Washington Carver's story from "
        "his childhood to his work on peanuts. Visitors can see Carver's notebooks. Carver "
        "taught at Tuskegee for decades. Carver's letters fill two rooms."
    )
    names = keywords("", text.split(". "))
    assert names["George Washington Carver"] >= 1, names


def test_a_possessive_after_a_lone_first_name_splits_nothing() -> None:
    # rf1096: "Republican Ed Gillespie's defeat" beside two quoted "Ed did ...".
    text = (
        "Trump said Gillespie did not embrace him after Republican Ed Gillespie's defeat. "
        "\"Ed did work with the President,\" the chair said. \"I think Ed did.\" "
        "Gillespie lost by nine points. Gillespie had kept his distance."
    )
    names = keywords("", text.split(". "))
    assert names["Ed Gillespie"] >= 1, names

"""English tags (review of tags7): a pronoun counts for a name only in a clause the name is the
subject of, and a place word is no surname ("Celtic Park" made the club "#celtic-park"); an
acronym has no first name ("#wraz-tv-fox"); a royal title keeps all its words or none
("#prince-mohammed" for Crown Prince Mohammed); a headline's "EU" shows the European Union.
Literal made-up text, each failing before its fix."""

from __future__ import annotations

from bot.summarize.lang.en.tagging import names, people
from tests.support.tagging import TagCase, tag_test

CELTIC = (
    "Rangers won 2-1 at Celtic Park on Sunday. Celtic goalkeeper Rab Douglas let a shot slip "
    "through his hands. It ended Celtic's unbeaten run at home. Celtic had won their last six "
    "meetings. Bellamy made his Celtic debut. Rangers found Celtic hard to break down. The "
    "Celtic manager said his side would recover."
)

CASES = [
    TagCase("a_club_is_not_merged_into_its_stadium", "Rangers seal Old Firm win", CELTIC,
            present=("celtic",), absent=("celtic-park",)),
    TagCase("an_acronym_has_no_first_name", "TV station refuses show",
            "The WRAZ-TV Fox affiliate in North Carolina was the only station to refuse the "
            "show. WRAZ-TV instead chose to air a film. \"We don't think adoption is a game "
            "show,\" said Tommy Schenck, WRAZ-TV's general manager, though he said his decision "
            "had not been influenced by protests. WRAZ-TV said viewers had complained.",
            present=("wraz-tv",), absent=("wraz-tv-fox",)),
    TagCase("a_royal_title_keeps_all_its_words_or_none", "",
            "Crown Prince Mohammed met the president in Riyadh on Monday. Mohammed said the "
            "kingdom wanted closer ties. Mohammed also discussed oil prices. Officials said "
            "Mohammed would visit Washington next year. Mohammed has led reforms at home.",
            absent=("prince-mohammed",)),
    TagCase("a_headline_s_eu_shows_the_european_union", "EU-US seeking deal on air dispute",
            "The EU and US have agreed to begin talks on ending subsidies to aircraft makers, "
            "Trade Commissioner Peter Mandelson has announced. Both sides hope to reach a deal "
            "over state aid received by European aircraft maker Airbus and its US rival Boeing. "
            "Airbus and Boeing accuse each other of illegal subsidies. Mandelson said the EU and "
            "US hoped to avoid a trade case. \"The EU and US have confirmed their willingness,\" "
            "Mandelson said. Airbus welcomed the news. Airbus said talks would help. Airbus and "
            "the European firms that own it also welcomed the talks. The EU filed a complaint "
            "over US support for Boeing. Airbus shares rose. The European defence firms said so "
            "too. Airbus expects a deal.",
            present=("european-union",)),
    # The headline's "GOP" shows the Republicans; "Bush Republicans", written once, is no
    # name of the party.
    TagCase("a_party_has_no_first_name", "Romney's Views Unsettle GOP",
            "Republican candidate Mitt Romney won two endorsements from GOP figures this week. "
            "Some Republicans expected a change. Those Republicans are disappointed in Romney. "
            "Romney said he would listen. \"If you look at Republicans who want a strong "
            "army,\" an analyst said. One of those Bush Republicans is Rice. Romney met Rice in "
            "Boston. Romney thanked her. Republicans will meet in Tampa. Romney will speak "
            "there.",
            absent=("bush-republicans",)),
]

test_tags = tag_test("en", CASES)


def test_a_pronoun_of_another_subject_says_nothing_of_the_name() -> None:
    # "Celtic goalkeeper Rab Douglas let a shot slip through his hands": his is Douglas's.
    assert not people.referred_to_as_person("Celtic", CELTIC)
    # The name as the clause's subject still counts, written on in full or not.
    assert people.referred_to_as_person(
        "Ken", "Ken Livingstone has brought his office into disrepute. Ken said he would stay.")


def test_a_place_word_is_no_surname() -> None:
    # Written as a person's (person=True), "Celtic Park" is still no full name.
    assert names.introduced_in_full("Celtic", {"Celtic Park": 1, "Celtic": 5}, CELTIC, True) \
        is None


def test_a_pronoun_after_an_aside_is_the_subject_s() -> None:
    # "by Anil - Mukesh Ambani's brother - to quit his post": his is Anil's; the aside's name
    # does not take it. "Anil its deputy": its is no pronoun of Anil's clause.
    text = ("Anil Ambani stayed away from the meeting. Mukesh is the chairman and Anil its "
            "deputy. The move follows a decision by Anil - Mukesh Ambani's brother - to quit "
            "his post.")
    assert people.referred_to_as_person("Anil", text)

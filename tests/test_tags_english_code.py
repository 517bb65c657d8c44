"""English tags from technical and political text (issue 28, held-out read of 6 December): a
compiler flag, a lone letter before a name, or two code identifiers side by side are no name
("#wignored-attributes", "#c-pcre", "#nsdateformatter-nsnumberformatter"); a middle initial
stays inside the name ("#george-w-bush", never "#w-bush")."""

from __future__ import annotations

from tests.support.tagging import brief_tags

_FILLER = (
    "The compiler team shipped a new release on the project site. It fixes a long list of "
    "bugs that users reported over the year. Developers can download it from the usual place "
    "and upgrade existing builds. "
)


def _tags(passage: str, title: str = "A new compiler release") -> list[str]:
    return brief_tags(title, _FILLER + (passage + " ") * 3 + _FILLER, "en")


def test_a_compiler_flag_is_no_tag() -> None:
    tags = _tags("Building with -Wignored-attributes now warns about Clang attributes. "
                 "Building with -Wignored-attributes is quiet in GCC.")
    assert "wignored-attributes" not in tags
    assert "clang" in tags  # the names beside the flag stay


def test_a_dash_inside_a_name_keeps_it() -> None:
    tags = _tags("Engineers at Hewlett-Packard tested the release. Hewlett-Packard approved it.")
    assert "hewlett-packard" in tags


def test_a_lone_letter_opens_no_name() -> None:
    tags = _tags("The C PCRE binding was rewritten. The C PCRE binding is faster.")
    assert "c-pcre" not in tags
    assert "pcre" in tags


def test_two_identifiers_side_by_side_are_two() -> None:
    spaced = _tags("Use NSDateFormatter NSNumberFormatter for output. Both NSDateFormatter "
                   "NSNumberFormatter are slow.")
    dashed = _tags("Use NSDateFormatter-NSNumberFormatter for output. The "
                   "NSDateFormatter-NSNumberFormatter pair is slow.")
    for tags in (spaced, dashed):
        assert "nsdateformatter-nsnumberformatter" not in tags
        assert "nsdateformatter" in tags


def test_a_middle_initial_stays_in_the_name() -> None:
    text = ("The budget is the toughest since President George W Bush came to office. "
            "Officials said George W Bush would sign it on Monday. "
            "Critics of George W Bush said the deficit would grow. "
            "Congress is expected to pass the bill within weeks.")
    tags = brief_tags("Budget plan unveiled", text, "en")
    assert "george-w-bush" in tags
    assert "w-bush" not in tags


def test_a_surname_takes_the_first_name_its_own_run_writes() -> None:
    # The run "State Brian Kemp" (a title cut off the front) is a form of "Kemp" itself: its
    # "Brian" is no other name's word, so the tag is the full name, never "#kemp".
    text = ("Voting rights have become the main issue in the race for governor of Georgia. "
            "Georgia Secretary of State Brian Kemp appeared at a rally on Sunday. "
            "Critics say Kemp purged voters from the rolls before the election. "
            "Kemp denies that his office kept anyone from voting. "
            "Kemp says the rules protect the election from fraud. "
            "The election will be held in November after a long campaign. "
            "Voters said the issue would decide how they vote.")
    tags = brief_tags("Voting rights become a flashpoint in the governor race", text, "en")
    assert "brian-kemp" in tags
    assert "kemp" not in tags


def test_a_word_inside_a_longer_name_is_no_first_name() -> None:
    text = ("Police have detained three executives at the milk firm Yili this week. "
            "Yili - full name Inner Mongolia Yili Industrial - confirmed its chairman was held. "
            "Yili shares were suspended on Tuesday after the news broke. "
            "Analysts said the scandal at Yili would worry investors. "
            "Yili said it would hold an emergency board meeting. "
            "The firm is one of the biggest dairy groups in the country.")
    tags = brief_tags("Police detain milk bosses", text, "en")
    assert "mongolia-yili" not in tags

"""English tags (issue 28, tags7 review): a name introduced in full and then shortened to its
first word is tagged by the full name ("Zhou Yongkang ... Zhou said" was "#zhou"), and a common
word or an adjective written alone is no mention of a name it opens ("Muslim leaders" made a
"Muslim Educational Centre" written twice the story's first tag)."""

from __future__ import annotations

from tests.support.tagging import brief_tags


def _tags(title: str, text: str) -> list[str]:
    return brief_tags(title, text, "en")


def test_a_surname_written_first_is_tagged_by_the_full_name() -> None:
    # CNN/DM sample: "#zhou" beside "#china"; the story introduces Zhou Yongkang once.
    text = (
        "China's top security official visited Kabul on Saturday, state media said. The visit "
        "by Zhou Yongkang, a member of the party's standing committee, was kept secret. Zhou "
        "met the president at his palace. Zhou said the two countries would work together. "
        "Zhou also said Beijing was willing to help train police. The visit was the first by "
        "such a senior official in decades. Officials gave no details of any agreements."
    )
    tags = _tags("", text)
    assert "zhou-yongkang" in tags and "zhou" not in tags, tags


def test_a_first_name_used_after_the_full_name_is_tagged_by_the_full_name() -> None:
    # BBC sample: "#anil" on the Reliance feud; the story writes "Anil Ambani" once.
    text = (
        "Anil Ambani, vice-chairman of the group, did not attend the board meeting. Anil "
        "wants a rival director removed from the board. The board asked Anil to reconsider "
        "his resignation. Anil has accused the director of creating a rift in the family. "
        "The group's shares fell on Monday. Anil said he would not back down."
    )
    tags = _tags("Family feud at the group heats up", text)
    assert "anil-ambani" in tags and "anil" not in tags, tags


def test_a_product_named_after_its_maker_leaves_the_maker_its_tag() -> None:
    # The maker comes first; a later "Apple Watch" is no full name of Apple.
    text = (
        "Apple reported record sales on Tuesday. Apple said demand was strong in China. "
        "Analysts had expected Apple to miss its targets. The Apple Watch sold well too. "
        "Apple shares rose in late trading. Apple will report again in April."
    )
    tags = _tags("", text)
    assert "apple" in tags and "apple-watch" not in tags, tags


def test_a_common_word_alone_is_no_mention_of_the_name_it_opens() -> None:
    # CNN/DM sample: "Muslim" written ten times made "#muslim-educational-centre" the first
    # tag of a story about Iraq; the centre is written twice.
    text = (
        "Former military chiefs called for more operations in Iraq. Iraq has seen thousands "
        "flee the fighting. Muslim leaders condemned the killings. The Muslim Educational "
        "Centre in the town held a vigil. Muslim families joined the vigil. Iraq's government "
        "asked for help. Muslim groups called for calm. The Muslim Educational Centre said it "
        "would hold more vigils. Iraq was also discussed in parliament. Muslim students "
        "signed a letter. Ministers said Iraq needed support. Iraq will be on the agenda."
    )
    tags = _tags("", text)
    assert tags[:1] == ["iraq"] and "muslim-educational-centre" not in tags, tags


def test_a_royal_first_name_is_tagged_with_the_title() -> None:
    # CNN/DM sample: "#william" on the royal baby souvenirs story ("Prince William" once).
    text = (
        "Shops are selling souvenirs before the royal baby is named. A knitted set shows "
        "Prince William holding the baby. William and his wife are said to have seen the "
        "official designs. Potters are waiting for the moment William announces the name. "
        "A mug marks the birth of William's first child. Staff worked through the night. "
        "William is expected to return to work next week."
    )
    tags = _tags("", text)
    assert "prince-william" in tags and "william" not in tags, tags

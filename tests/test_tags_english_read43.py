"""Issue 28, stop 43's read of English feed items: tags a reader would not follow. A code
listing's tokens ("#r4-l4-r4-l4"), a bare first name ("#kevin" for "his old college
roommate, Kevin"), and a first name the headline writes in full but the body alone ("#richard"
under "An old friend: Richard MacManus")."""

from __future__ import annotations

from tests.support.tagging import brief_tags


def _tags(title: str, text: str) -> list[str]:
    return brief_tags(title, text, "en")


def test_a_code_listing_gives_no_tag() -> None:
    # A compressor's program written out as opcode lines between its explanation.
    text = (
        "print 4 bytes\n\nL4 R4 L4 R4 L4\n\nR4 L4 R4 L4\n\nrepeat last 4 printed bytes\n\nR4"
        "\n\nR4 L4 R4 L4\n\nThe interesting core of this program is the 6-byte sequence L4 R4 "
        "L4 R4 L4 R4, which prints the 8-byte sequence R4 L4 R4 L4 R4 L4 R4 L4. That is, it "
        "prints itself with an extra byte before and after."
    )
    tags = _tags("Zip files all the way down", text)
    assert not any(t.startswith(("r4", "l4")) for t in tags), tags


def test_a_model_number_beside_a_name_keeps_its_tag() -> None:
    text = (
        "Sony said the PS5 Pro would go on sale in November. The PS5 Pro costs $699. "
        "Reviewers praised the PS5 Pro for its faster graphics. "
        "Stock of the PS5 Pro sold out within hours."
    )
    assert "ps5-pro" in _tags("Sony console sells out", text)


def test_a_bare_first_name_is_no_tag() -> None:
    text = (
        "Wang Chung decides to go to the coast for a weekend getaway. The other Serpents are "
        "busy, so he calls up his old college roommate, Kevin. While relaxing at the beach, "
        "Kevin is ambushed by a masked stranger. The stranger also steals Kevin's rented car. "
        "Kevin and Wang Chung hunt the stranger down to the rocky shore."
    )
    assert "kevin" not in _tags("Deadly Waters", text)


def test_a_club_with_a_first_name_keeps_its_tag() -> None:
    text = (
        "Manchester United drew 1-1 against Chelsea at Old Trafford on Sunday. "
        "Chelsea took the lead through a first-half header. The Chelsea side held on until "
        "the final minutes. Chelsea have now dropped points in three straight games."
    )
    assert "chelsea" in _tags("Late equaliser", text)
    boss = (
        "Chelsea boss Jose Mourinho has tried to pile the pressure on title rivals Arsenal. "
        "Arsenal play Newcastle a day after Chelsea beat Portsmouth. Chelsea boss Jose "
        "Mourinho said his side were lucky to win. Arsenal manager Arsene Wenger said the "
        "schedule was too busy for Arsenal and Chelsea alike."
    )
    assert "chelsea" in _tags("Mourinho piles on the pressure", boss)


def test_a_first_name_the_headline_writes_in_full_tags_the_full_name() -> None:
    text = (
        "Richard is one of the old school bloggers. MacManus started writing about the web "
        "in 2003. "
        "Richard has turned to the IndieWeb for his latest project. "
        "I encouraged Richard to look at my river of news tools."
    )
    tags = _tags("An old friend: Richard MacManus", text)
    assert "richard-macmanus" in tags and "richard" not in tags, tags


def test_a_headline_verb_after_a_first_name_is_no_surname() -> None:
    # Title-case headlines capitalise the verb; the body never writes it as a name.
    cases = [
        ("Hillary Blasts FBI Over Emails",
         "Hillary said the FBI had treated her unfairly. Hillary gave a new "
         "interview. The FBI declined to comment on the emails. Hillary spoke for an hour."),
        ("Kevin Strikes Again",
         "Kevin has done it again with a new prank. Kevin struck at midnight as usual. "
         "His neighbours say Kevin is harmless. Kevin laughed when asked about it."),
        ("Richard Says The Web Is Broken",
         "Richard is one of the old school bloggers. Richard thinks the web lost its way. "
         "He started writing about the web in 2003. I encouraged Richard to keep going."),
    ]
    for title, text in cases:
        tags = _tags(title, text)
        assert not any("-" in t and t.split("-")[0] in {"hillary", "kevin", "richard"}
                       for t in tags), (title, tags)


def test_a_headline_full_name_the_body_backs_is_tagged() -> None:
    text = (
        "Dan died last week. I knew Dan for twenty years. Shafer wrote the first book on "
        "HyperCard. Dan was kind to everyone he met."
    )
    assert "dan-shafer" in _tags("Remembering Dan Shafer", text)


def test_a_club_place_or_brand_with_a_first_name_keeps_its_tag() -> None:
    # The bare-first-name rule reads only first names that are nobody else's name.
    cases = [
        ("chelsea", "Late equaliser",
         "Manchester United drew 1-1 with Chelsea on Sunday. Chelsea scored first through a "
         "header. Chelsea have dropped points in three straight games. Chelsea fans booed."),
        ("victoria", "Cases climb again",
         "Victoria recorded 500 new cases on Monday. Victoria has been in lockdown for a month. "
         "Officials in Victoria urged people to stay home. Victoria expects more cases."),
        ("zara", "Retail results",
         "Zara sales rose 9% in the quarter. Zara opened forty new stores. Shoppers returned "
         "to Zara after the lockdown. Zara plans more online sales."),
        ("brooklyn", "Rents climb",
         "Brooklyn rents rose for a sixth month. Brooklyn now costs more than parts of "
         "Manhattan. Landlords in Brooklyn raised prices. Brooklyn tenants are moving out."),
    ]
    for tag, title, text in cases:
        assert tag in _tags(title, text), (tag, _tags(title, text))


def test_harry_and_meghan_keep_their_tags() -> None:
    text = (
        "Harry and Meghan will move to California this spring. Harry said the family needed "
        "a fresh start. Meghan thanked fans for their support. Harry and Meghan have a son."
    )
    tags = _tags("Royal couple move", text)
    assert "harry" in tags or "meghan" in tags, tags


def test_a_word_before_a_person_keeps_no_bare_first_name() -> None:
    # "at" and "from" are written before people too; only "the", "against", "v", "beat" mark
    # a thing.
    for text in (
        "The stranger shoots at Kevin from the rocks. Kevin hides behind a boat. The stranger "
        "runs off into the night. Kevin calls the police from the beach.",
        "Wang Chung gets a call from Kevin late at night. Kevin needs help moving house. "
        "Wang Chung drives over at once. Kevin thanks him with dinner.",
    ):
        assert "kevin" not in _tags("Deadly Waters", text), text


def test_a_model_name_of_two_short_tokens_keeps_its_tag() -> None:
    # Two code-like tokens, none repeated, are a model's name; a listing repeats its tokens.
    cases = [
        ("lg-v30", "LG V30 review",
         "The LG V30 has a bright screen and a fast camera. LG says the LG V30 will cost $800. "
         "Reviewers liked the LG V30 battery. The LG V30 ships next month."),
        ("rs-q8", "Audi's fastest SUV",
         "Audi unveiled the RS Q8 in Los Angeles. The RS Q8 has a 591 horsepower engine. "
         "Buyers can order the RS Q8 now. The RS Q8 reaches 60 mph in 3.7 seconds."),
    ]
    for tag, title, text in cases:
        assert tag in _tags(title, text), (tag, _tags(title, text))


def test_a_name_of_short_words_with_no_number_is_no_code() -> None:
    # Only a token with a number makes a run of short words code.
    text = (
        "The cellist Yo Yo Ma played in Boston on Friday. Yo Yo Ma opened with Bach. "
        "The crowd cheered Yo Yo Ma for ten minutes. Yo Yo Ma will tour Asia next year."
    )
    assert "yo-yo-ma" in _tags("Cellist returns", text)


def test_a_headline_word_the_story_writes_in_lower_case_is_no_surname() -> None:
    # "Quits" is written capitalised once (a post's title), but "quits" in lower case too: a
    # verb, not a surname ("Richard Says …" is caught by the word list before this rule).
    text = (
        "Richard is one of the old school bloggers. Richard quits the blog after 20 years. "
        "His last post was called Quits. I encouraged Richard to keep going."
    )
    assert "richard-quits" not in _tags("Richard Quits Blogging", text)


def test_a_sentence_case_headline_names_in_full_without_the_body() -> None:
    # Only a title-case headline capitalises its verbs; "An old friend: Richard MacManus" and
    # an item whose headline is its own first line ("Dan Shafer died. I knew Dan …") name
    # the person.
    text = (
        "Richard is one of the old school bloggers. He started writing about the web in 2003. "
        "Richard has turned to the IndieWeb for his latest project. "
        "I encouraged Richard to look at my river of news tools."
    )
    assert "richard-macmanus" in _tags("An old friend: Richard MacManus", text)
    item = ("Dan Shafer died. I knew Dan from the Mac developer community in the 80s, hired "
            "him to write the first docs for Frontier. Bon voyage mi amigo!")
    assert "dan-shafer" in _tags(item[:110] + "…", item)


def test_two_code_tokens_beside_a_code_listing_give_no_tag() -> None:
    # "L1 Rp" alone might be a model's name; in a page that lists "L4 R4 L4" it is code.
    text = (
        "print 1 byte\n\nL1 Rp+1\n\nRp+1\n\nprint 1 byte\n\nL1 Rp+1\n\nThe program L4 R4 L4 "
        "R4 L4 R4 prints itself. The step L1 Rp+1 repeats the last bytes. Then L1 Rp+1 "
        "runs again, and the file is a quine."
    )
    tags = _tags("Zip files all the way down", text)
    assert not any(t.startswith(("l1", "r4", "l4")) for t in tags), tags


def test_a_bare_first_name_in_a_headline_is_no_tag() -> None:
    text = (
        "Kevin has done it again with a new prank. Kevin struck at midnight as usual. "
        "His neighbours say Kevin is harmless. Kevin laughed when asked about it."
    )
    assert "kevin" not in _tags("Kevin Strikes Again", text)

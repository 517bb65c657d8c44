"""Issue 28, stop 43's read of English feed items: tags a reader would not follow. A code
listing's tokens ("#r4-l4-r4-l4"), a bare first name ("#kevin" for "his old college
roommate, Kevin"), and a first name the headline writes in full but the body alone ("#richard"
under "An old friend: Richard MacManus")."""

from __future__ import annotations

from tests.support.tagging import TagCase, tag_test

KEVIN_AGAIN = (
    "Kevin has done it again with a new prank. Kevin struck at midnight as usual. "
    "His neighbours say Kevin is harmless. Kevin laughed when asked about it."
)
RICHARD_OLD_SCHOOL = "Richard is one of the old school bloggers. "

CASES = [
    # A compressor's program written out as opcode lines between its explanation.
    TagCase("a_code_listing_gives_no_tag", "Zip files all the way down",
            "print 4 bytes\n\nL4 R4 L4 R4 L4\n\nR4 L4 R4 L4\n\nrepeat last 4 printed bytes\n\nR4"
            "\n\nR4 L4 R4 L4\n\nThe interesting core of this program is the 6-byte sequence L4 "
            "R4 L4 R4 L4 R4, which prints the 8-byte sequence R4 L4 R4 L4 R4 L4 R4 L4. That is, "
            "it prints itself with an extra byte before and after.",
            absent_prefixes=("r4", "l4")),
    TagCase("a_model_number_beside_a_name_keeps_its_tag", "Sony console sells out",
            "Sony said the PS5 Pro would go on sale in November. The PS5 Pro costs $699. "
            "Reviewers praised the PS5 Pro for its faster graphics. "
            "Stock of the PS5 Pro sold out within hours.",
            present=("ps5-pro",)),
    TagCase("a_bare_first_name_is_no_tag", "Deadly Waters",
            "Wang Chung decides to go to the coast for a weekend getaway. The other Serpents are "
            "busy, so he calls up his old college roommate, Kevin. While relaxing at the beach, "
            "Kevin is ambushed by a masked stranger. The stranger also steals Kevin's rented "
            "car. Kevin and Wang Chung hunt the stranger down to the rocky shore.",
            absent=("kevin",)),
    TagCase("a_club_with_a_first_name_keeps_its_tag[match]", "Late equaliser",
            "Manchester United drew 1-1 against Chelsea at Old Trafford on Sunday. "
            "Chelsea took the lead through a first-half header. The Chelsea side held on until "
            "the final minutes. Chelsea have now dropped points in three straight games.",
            present=("chelsea",)),
    TagCase("a_club_with_a_first_name_keeps_its_tag[boss]", "Mourinho piles on the pressure",
            "Chelsea boss Jose Mourinho has tried to pile the pressure on title rivals Arsenal. "
            "Arsenal play Newcastle a day after Chelsea beat Portsmouth. Chelsea boss Jose "
            "Mourinho said his side were lucky to win. Arsenal manager Arsene Wenger said the "
            "schedule was too busy for Arsenal and Chelsea alike.",
            present=("chelsea",)),
    TagCase("a_first_name_the_headline_writes_in_full_tags_the_full_name",
            "An old friend: Richard MacManus",
            RICHARD_OLD_SCHOOL + "MacManus started writing about the web in 2003. "
            "Richard has turned to the IndieWeb for his latest project. "
            "I encouraged Richard to look at my river of news tools.",
            present=("richard-macmanus",), absent=("richard",)),
    # Title-case headlines capitalise the verb; the body never writes it as a name.
    TagCase("a_headline_verb_after_a_first_name_is_no_surname[hillary]",
            "Hillary Blasts FBI Over Emails",
            "Hillary said the FBI had treated her unfairly. Hillary gave a new "
            "interview. The FBI declined to comment on the emails. Hillary spoke for an hour.",
            absent_prefixes=("hillary-", "kevin-", "richard-")),
    TagCase("a_headline_verb_after_a_first_name_is_no_surname[kevin]", "Kevin Strikes Again",
            "Kevin has done it again with a new prank. Kevin struck at midnight as usual. "
            "His neighbours say Kevin is harmless. Kevin laughed when asked about it.",
            absent_prefixes=("hillary-", "kevin-", "richard-")),
    TagCase("a_headline_verb_after_a_first_name_is_no_surname[richard]",
            "Richard Says The Web Is Broken",
            RICHARD_OLD_SCHOOL + "Richard thinks the web lost its way. "
            "He started writing about the web in 2003. I encouraged Richard to keep going.",
            absent_prefixes=("hillary-", "kevin-", "richard-")),
    TagCase("a_headline_full_name_the_body_backs_is_tagged", "Remembering Dan Shafer",
            "Dan died last week. I knew Dan for twenty years. Shafer wrote the first book on "
            "HyperCard. Dan was kind to everyone he met.",
            present=("dan-shafer",)),
    # The bare-first-name rule reads only first names that are nobody else's name.
    TagCase("a_club_place_or_brand_with_a_first_name_keeps_its_tag[chelsea]", "Late equaliser",
            "Manchester United drew 1-1 with Chelsea on Sunday. Chelsea scored first through a "
            "header. Chelsea have dropped points in three straight games. Chelsea fans booed.",
            present=("chelsea",)),
    TagCase("a_club_place_or_brand_with_a_first_name_keeps_its_tag[victoria]",
            "Cases climb again",
            "Victoria recorded 500 new cases on Monday. Victoria has been in lockdown for a "
            "month. Officials in Victoria urged people to stay home. Victoria expects more cases.",
            present=("victoria",)),
    TagCase("a_club_place_or_brand_with_a_first_name_keeps_its_tag[zara]", "Retail results",
            "Zara sales rose 9% in the quarter. Zara opened forty new stores. Shoppers returned "
            "to Zara after the lockdown. Zara plans more online sales.",
            present=("zara",)),
    TagCase("a_club_place_or_brand_with_a_first_name_keeps_its_tag[brooklyn]", "Rents climb",
            "Brooklyn rents rose for a sixth month. Brooklyn now costs more than parts of "
            "Manhattan. Landlords in Brooklyn raised prices. Brooklyn tenants are moving out.",
            present=("brooklyn",)),
    TagCase("harry_and_meghan_keep_their_tags", "Royal couple move",
            "Harry and Meghan will move to California this spring. Harry said the family needed "
            "a fresh start. Meghan thanked fans for their support. Harry and Meghan have a son.",
            one_of=("harry", "meghan")),
    # "at" and "from" are written before people too; only "the", "against", "v", "beat" mark
    # a thing.
    TagCase("a_word_before_a_person_keeps_no_bare_first_name[at]", "Deadly Waters",
            "The stranger shoots at Kevin from the rocks. Kevin hides behind a boat. The "
            "stranger runs off into the night. Kevin calls the police from the beach.",
            absent=("kevin",)),
    TagCase("a_word_before_a_person_keeps_no_bare_first_name[from]", "Deadly Waters",
            "Wang Chung gets a call from Kevin late at night. Kevin needs help moving house. "
            "Wang Chung drives over at once. Kevin thanks him with dinner.",
            absent=("kevin",)),
    # Two code-like tokens, none repeated, are a model's name; a listing repeats its tokens.
    TagCase("a_model_name_of_two_short_tokens_keeps_its_tag[lg-v30]", "LG V30 review",
            "The LG V30 has a bright screen and a fast camera. LG says the LG V30 will cost "
            "$800. Reviewers liked the LG V30 battery. The LG V30 ships next month.",
            present=("lg-v30",)),
    TagCase("a_model_name_of_two_short_tokens_keeps_its_tag[rs-q8]", "Audi's fastest SUV",
            "Audi unveiled the RS Q8 in Los Angeles. The RS Q8 has a 591 horsepower engine. "
            "Buyers can order the RS Q8 now. The RS Q8 reaches 60 mph in 3.7 seconds.",
            present=("rs-q8",)),
    # Only a token with a number makes a run of short words code.
    TagCase("a_name_of_short_words_with_no_number_is_no_code", "Cellist returns",
            "The cellist Yo Yo Ma played in Boston on Friday. Yo Yo Ma opened with Bach. "
            "The crowd cheered Yo Yo Ma for ten minutes. Yo Yo Ma will tour Asia next year.",
            present=("yo-yo-ma",)),
    # "Quits" is written capitalised once (a post's title), but "quits" in lower case too: a
    # verb, not a surname ("Richard Says …" is caught by the word list before this rule).
    TagCase("a_headline_word_the_story_writes_in_lower_case_is_no_surname",
            "Richard Quits Blogging",
            RICHARD_OLD_SCHOOL + "Richard quits the blog after 20 years. "
            "His last post was called Quits. I encouraged Richard to keep going.",
            absent=("richard-quits",)),
    # Only a title-case headline capitalises its verbs; "An old friend: Richard MacManus" and
    # an item whose headline is its own first line ("Dan Shafer died. I knew Dan …") name
    # the person.
    TagCase("a_sentence_case_headline_names_in_full_without_the_body[richard]",
            "An old friend: Richard MacManus",
            RICHARD_OLD_SCHOOL + "He started writing about the web in 2003. "
            "Richard has turned to the IndieWeb for his latest project. "
            "I encouraged Richard to look at my river of news tools.",
            present=("richard-macmanus",)),
    TagCase("a_sentence_case_headline_names_in_full_without_the_body[dan]",
            ("Dan Shafer died. I knew Dan from the Mac developer community in the 80s, hired "
             "him to write the first docs for Frontier. Bon voyage mi amigo!")[:110] + "…",
            "Dan Shafer died. I knew Dan from the Mac developer community in the 80s, hired "
            "him to write the first docs for Frontier. Bon voyage mi amigo!",
            present=("dan-shafer",)),
    # "L1 Rp" alone might be a model's name; in a page that lists "L4 R4 L4" it is code.
    TagCase("two_code_tokens_beside_a_code_listing_give_no_tag", "Zip files all the way down",
            "print 1 byte\n\nL1 Rp+1\n\nRp+1\n\nprint 1 byte\n\nL1 Rp+1\n\nThe program L4 R4 L4 "
            "R4 L4 R4 prints itself. The step L1 Rp+1 repeats the last bytes. Then L1 Rp+1 "
            "runs again, and the file is a quine.",
            absent_prefixes=("l1", "r4", "l4")),
    TagCase("a_bare_first_name_in_a_headline_is_no_tag", "Kevin Strikes Again", KEVIN_AGAIN,
            absent=("kevin",)),
]

test_tags = tag_test("en", CASES)

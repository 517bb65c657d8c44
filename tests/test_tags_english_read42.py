"""Issue 28, blind reads 41-43: English tags a reader would not follow. A bare first name
written as one of a family beside a full name ("Frederick and Elizabeth Noble": whose surname
the text never says, so no "#frederick" and no made-up "#frederick-noble"); a military rank
before a known first name is no part of the name; a talk title's capitalised common nouns
("#assessment")."""

from __future__ import annotations

from tests.support.tagging import TagCase, tag_test

CASES = [
    TagCase("a_first_name_beside_a_family_name_is_no_tag_and_no_surname_is_made_up", "",
            "Frederick and Elizabeth Noble wed on New Year's Day 1941 while he was on leave. "
            "Frederick wrote to her every week from the front. Elizabeth kept every letter in a "
            "tea chest. After the war Frederick became a miner and Elizabeth a nurse. "
            "Frederick and Elizabeth Noble died three days apart. Frederick was 92.",
            absent_prefixes=("frederick",)),
    TagCase("a_surname_beside_a_full_name_keeps_its_tag[trump]", "",
            "Trump and Hillary Clinton met for the second debate on Sunday. Trump attacked her "
            "emails. Trump stalked the stage. Polls after the debate showed Trump behind. Trump "
            "and Hillary Clinton will meet again in Las Vegas.",
            present=("trump",), absent=("trump-clinton",)),
    TagCase("a_surname_beside_a_full_name_keeps_its_tag[cameron]", "",
            "Cameron and Theresa May clashed over immigration in 2015, a book claims. Cameron "
            "wanted a softer line. Aides said Cameron was furious. Cameron and Theresa May "
            "barely spoke for weeks. Cameron denied the claim on Sunday.",
            present=("cameron",), absent=("cameron-may",)),
    TagCase("no_surname_is_made_up_for_a_given_name_beside_a_family[william]", "",
            "William and Kate Middleton married in 2011. William wore a red tunic. Crowds "
            "cheered William outside the abbey. William and Kate Middleton then drove to the "
            "palace. William later kissed his bride.",
            absent=("william", "william-middleton")),
    TagCase("no_surname_is_made_up_for_a_given_name_beside_a_family[paul]", "",
            "Peter, Paul and Mary Travers sang at the march. Paul said the song was timeless. "
            "Paul played guitar. Paul and Mary Travers recorded it in 1963. Paul is now 85.",
            absent=("paul", "paul-travers")),
    TagCase("a_first_name_paired_with_a_body_takes_no_surname", "",
            "Apple and Google Maps both changed their rules on Monday. Apple said the change "
            "protects users. Apple will apply it in June. Critics said Apple moved too late. "
            "Apple declined to say more, and Google did not comment.",
            absent=("apple-maps",)),
    TagCase("a_military_rank_before_a_first_name_is_no_part_of_the_name", "",
            "Private Frederick Thompson was reported missing in 1914. Historians believe "
            "Private Frederick Thompson is one of 15 soldiers found in 2009. His family gave a "
            "sample to name Private Frederick Thompson. Private Frederick Thompson was 20. "
            "Private Frederick Thompson will be buried with full honours.",
            present=("frederick-thompson",), absent_prefixes=("private",)),
    TagCase("a_rank_word_opening_a_body_or_a_law_stays[equity]", "",
            "On Monday Private Equity International ranked the firms. The ranking by Private "
            "Equity International put Blackstone first. Readers of Private Equity International "
            "also saw KKR named. Each year Private Equity International publishes the list.",
            present=("private-equity-international",)),
    TagCase("a_rank_word_opening_a_body_or_a_law_stays[schools]", "",
            "Pupils at the Private Schools Council met on Monday. A report by the Private "
            "Schools Council found fees rose. The head of the Private Schools Council said VAT "
            "hurt. Members of the Private Schools Council voted.",
            present=("private-schools-council",)),
    TagCase("a_rank_word_opening_a_body_or_a_law_stays[act]", "",
            "On Monday the Corporal Punishment Act passed in Parliament. Under the Corporal "
            "Punishment Act smacking is banned. Critics said the Corporal Punishment Act goes "
            "too far. Parents said the Corporal Punishment Act was overdue.",
            present=("corporal-punishment-act",)),
    TagCase("a_generic_noun_capitalised_by_a_talk_title_is_no_tag",
            "Assessment of Adult Sleep Apnea",
            "AProf Stuart MacKay: Assessment of Adult Sleep Apnea",
            absent=("assessment",)),
    TagCase("dna_and_the_met_keep_their_tags[dna]", "DNA test frees man after 30 years",
            "A DNA test has freed a man jailed for 30 years. DNA from the crime scene did not "
            "match him. Lawyers said DNA evidence should be tested in every case. The DNA was "
            "found on a knife. The state said it would review other DNA cases.",
            present=("dna",)),
    TagCase("dna_and_the_met_keep_their_tags[met]", "Met Police chief resigns",
            "The head of the Met resigned on Thursday. The Met has faced criticism over its "
            "handling of protests. The Met said a new chief would be named soon. The Met is "
            "Britain's largest force. Sadiq Khan said the Met must change.",
            present=("met",)),
    TagCase("a_place_a_quoted_acronym_and_a_named_era_keep_their_tags[cairo]", "",
            "Clashes broke out in Cairo on Friday. Police fired tear gas in western Cairo. "
            "Protesters marched in Cairo after prayers. Shops in Cairo closed early. Hospitals "
            "in Cairo treated 40 people.",
            present=("cairo",)),
    TagCase("a_place_a_quoted_acronym_and_a_named_era_keep_their_tags[rtl]", "",
            'The city said it would scrap its "Re-education Through Labor" (RTL) system. RTL '
            "camps hold petty thieves. Judges stopped hearing RTL cases in March. Reform of RTL "
            "is a priority, a judge said. RTL was set up in the 1950s.",
            present=("rtl",)),
    TagCase("a_place_a_quoted_acronym_and_a_named_era_keep_their_tags[cold-war]", "",
            "Medvedev said the world is close to a second Cold War. Relations are at a "
            "post-Cold War low. He warned of a new Cold War that nobody needs. Obama did not "
            "reply. Officials in Moscow repeated that a second Cold War helps no one. Medvedev "
            "spoke on television. Medvedev blamed Obama.",
            present=("cold-war",)),
]

test_tags = tag_test("en", CASES)

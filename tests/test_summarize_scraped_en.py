"""English scraped text as the CNN/Daily Mail pages flatten it: the Daily Mail header, captions
closed by the scrape's " .", pictures the reader cannot see, stray " . " inside sentences,
abbreviations before numbers, and openings that lean on something the brief does not show.
Each text is literal, from the kinds a blind reader marked down."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, split_sentences
from bot.summarize.extractive import refers_back
from bot.summarize.lang.en.select import weak
from bot.summarize.scoring import STATIC
from bot.summarize.segment import not_prose
from bot.summarize.text import content_words
from bot.summarize.trim import fit, fits, shown

S = ExtractiveSummarizer()

_STORY = (
    "The boss of Britain's biggest insurance company will continue to receive his salary "
    "for the next year despite his humiliating resignation yesterday. "
    "Andrew Moss, who has quit as chief executive of Aviva after a shareholder revolt, will "
    "receive a golden goodbye worth around £1.75million in total. "
    "Last Thursday, 59 per cent of shareholder votes failed to back his pay package worth up "
    "to £5.2million last year. "
    "It was the latest chapter in the growing backlash against boardroom greed, nicknamed the "
    "Shareholder Spring."
)


def _points(text: str, title: str = "") -> list[str]:
    return [p.text for p in S.brief(Article(title=title, text=text, lang="en")).points]


def test_a_daily_mail_header_is_no_point_even_in_lead_position() -> None:
    header = ("By . Daily Mail Reporter and Hugo Gye . PUBLISHED: . 12:00 EST, 3 March 2012 . | "
              ". UPDATED: . 18:30 EST, 3 March 2012 . ")
    spans = split_sentences(header + _STORY, "en")
    pieces = spans[: spans.index("By .") + 7]
    assert pieces == ["By .", "Daily Mail Reporter and Hugo Gye .", "PUBLISHED: .",
                      "12:00 EST, 3 March 2012 .", "| .", "UPDATED: .",
                      "18:30 EST, 3 March 2012 ."]
    assert all(not_prose(p, "en") == "byline" for p in pieces), pieces
    assert not_prose("and Hugo Gye .", "en") == "byline"
    points = _points(header + _STORY)
    assert points[0].startswith("The boss of Britain"), points
    assert not any(p in points for p in pieces)


@pytest.mark.parametrize(
    "caption",
    [
        "How time passes: Frederick and Elizabeth Noble wed on New Year's Day 1941 while "
        "Frederick was on leave from the Royal Tank Corps and stayed married for 70 years .",
        "Royal duties: Queen Elizabeth II and the Duke of Edinburgh say farewell to the "
        "President of Indonesia at Buckingham Palace, on Friday .",
        "Leave it to the professionals: The company behind the app, Bad Robot, has plenty of "
        "expertise with movie special effects .",
        "U.S. Navy image of pirates operating off coast of Somalia in October this year.",
        "High numbers: In recent weeks, up to 10 barrel jellyfish have been spotted washed up "
        "on beaches around the south coast.",
        "Former friends: Gerry Adams is seen in Long Kesh prison with Brendan Hughes, a former "
        "deputy commander.",
    ],
)
def test_a_caption_in_the_prose_is_not_prose(caption: str) -> None:
    assert not_prose(caption, "en") == "caption"
    points = _points(f"{_STORY} {caption} The board will meet again next month to discuss "
                     "the pay of the next chief executive.")
    assert caption not in points, points


def test_a_writers_lead_in_with_a_verb_is_not_a_caption_label() -> None:
    for prose in (
        "Mr Limbaugh concluded: 'In my monologue, I posited that it is not our business.'",
        "It also said: 'Most experts now agree that the rise has been caused by diagnosis.'",
        "He said: 'She is having so much sex that she is going broke, she says.' .",
        "CNN footage of the attack showed two men running from the scene of the blast.",
        "The report said: 'The photos of the site were taken on Friday' and nothing more.",
    ):
        assert not_prose(prose, "en") is None, prose


def test_a_picture_the_reader_cannot_see_is_not_a_point() -> None:
    teaser = ("Would you believe that these breathtaking photos were seen through the lens of a "
              "kayaker's GoPro camera?")
    assert not_prose(teaser, "en") == "clickbait"
    shown = ("These breathtaking photos of the fjords were taken by a software developer from "
             "Bergen on his days off.")
    story = ("Intrepid Tomasz Furmanek spends his spare time gliding atop the waters of "
             "Norway's most idyllic fjords in a kayak. For 10 years, Tomasz, a software "
             "developer, has visited the fjords of western Norway and the Lofoten Islands. "
             f"{shown} For the past two years he has documented his trips in a blog for his "
             "10,000 followers on Instagram. His kayak carries a GoPro camera on the bow.")
    assert shown not in _points(story)


def test_a_spaced_stop_caption_after_the_story_began_loses_to_prose() -> None:
    # The Daily Mail closes captions with " ."; this one repeats the story's central facts,
    # so only the caption evidence keeps it out.
    caption = ("Eric Saunders has submitted a DNA sample in the hope it will confirm one of the "
               "sets of remains of soldiers found in France belongs to his great uncle .")
    story = ("Historians seeking to identify fallen World War One soldiers could be one step "
             "closer after tracing the descendant of a young man killed in France in 1914. "
             "The unknown soldiers could be identified thanks to a DNA sample from the "
             "great-nephew of Private Frederick Thompson, reported missing at the age of 20. "
             f"{caption} The remains of the 15 soldiers were uncovered by farmers digging up "
             "sewers in Beaucamps-Ligny, France, in 2009. The Commonwealth War Graves "
             "Commission hopes the DNA testing will give the soldiers of the troop their names "
             "back. Private Thompson's family were told in 1915 that he was missing in action "
             "in France.")
    assert caption not in _points(story)


def test_highlight_bullets_before_the_story_are_not_captions() -> None:
    # Before the story's own sentences the " ." closes the page's highlights: the story told
    # short, fine points.
    bullet = ("Andrew Moss will receive a golden goodbye worth around £1.75million after his "
              "resignation .")
    points = _points(f"{bullet} {_STORY}")
    assert bullet.replace(" .", ".") in points, points


def test_a_point_closes_the_scrapes_spaced_stop_and_keeps_every_word() -> None:
    # A blind reader marked "… a full sex change ." (the scrape's " ." closing a highlight):
    # the point closes up, its words the source's; the sentence keeps the mark, which the
    # caption rules read.
    bullet = ("Luke Anderson, winner of a television contest, was born a woman but is "
              "undergoing a full sex change .")
    assert bullet in split_sentences(f"{bullet} {_STORY}", "en")
    points = _points(f"{bullet} {_STORY}")
    assert bullet.removesuffix(" .") + "." in points, points
    assert not any(p.endswith(" .") for p in points), points


def test_stray_scrape_dots_inside_a_sentence_are_cleaned_not_dropped() -> None:
    text = ("The service claimed the vaccine 'could be causing autism in up to 10% of . "
            "autistic children in the UK'. Mr Limbaugh said that Ms Fluke, of . Georgetown "
            "University in Washington, was wrong. Angry: The retailer has bowed to pressure on "
            "Twitter on Friday . Mr Obama called her.")
    assert split_sentences(text, "en") == [
        "The service claimed the vaccine 'could be causing autism in up to 10% of autistic "
        "children in the UK'.",
        "Mr Limbaugh said that Ms Fluke, of Georgetown University in Washington, was wrong.",
        "Angry: The retailer has bowed to pressure on Twitter on Friday .",
        "Mr Obama called her.",
    ]


def test_a_stray_scrape_dot_after_a_dash_is_cleaned_too() -> None:
    # CNN/DM fit half: the mark stayed inside the point after an aside closed by a dash.
    text = ("'You certainly had bought equipment from the professional shop - at a discount no "
            "doubt - . with some of the proceeds you had taken from your customers.")
    assert split_sentences(text, "en") == [
        "'You certainly had bought equipment from the professional shop - at a discount no "
        "doubt - with some of the proceeds you had taken from your customers."]


def test_abbreviations_before_a_number_or_a_name_do_not_end_a_sentence() -> None:
    text = ("He was ranked No. 1 in the league for a decade. FILE - In this Dec. 2, 2019, file "
            "photo, a man walks. U.S. Navy ships patrol the Gulf of Aden.")
    assert split_sentences(text, "en") == [
        "He was ranked No. 1 in the league for a decade.",
        "FILE - In this Dec. 2, 2019, file photo, a man walks.",
        "U.S. Navy ships patrol the Gulf of Aden.",
    ]


def test_a_dateline_alone_is_a_byline() -> None:
    for dateline in ("WASHINGTON (Reuters) -", "BERLIN, Germany (CNN) --", "(CNN) --"):
        assert not_prose(dateline, "en") == "byline", dateline
    points = _points("BERLIN, Germany (CNN) -- A German cruise liner said Tuesday it plans to "
                     f"fly its passengers over the Gulf of Aden. {_STORY}")
    assert points[0].startswith("A German cruise liner"), points


@pytest.mark.parametrize(
    "sentence",
    [
        "Now, his great-nephew Eric Saunders, 61, has submitted a DNA sample.",
        "Yesterday he said the company would appeal.",
        "Whatever the truth, he might struggle to meet the new physical tests.",
        "In a statement, she said the company would appeal the ruling.",
        "The dueling surrogates highlight a fierce battle for the Hispanic vote.",
        "The pair met at a dinner party in 2001.",
    ],
)
def test_openings_that_lean_on_what_the_brief_does_not_show(sentence: str) -> None:
    assert refers_back(sentence, "en")


def test_openings_that_name_their_own_subject_do_not_lean_back() -> None:
    for sentence in ("There is no cure for the disease.", "Now the government says it will act.",
                     "In 2009, it emerged that the bank had hidden its losses.",
                     "The couplet is the oldest in the language."):
        assert not refers_back(sentence, "en"), sentence


def test_a_sentence_that_leans_back_is_not_the_lede() -> None:
    # A feed item opening on "And, of course, …" once took the lede's credit and led a brief.
    sentences = [
        "And, of course, we talk about the quotes from the excerpt we just published on Monday.",
        "Brian Merchant's book on the making of the iPhone comes out next week in the US.",
        "The book draws on interviews with more than a hundred people who built the phone.",
        "Merchant spent three years reporting it, from Cupertino to the factories in China.",
    ]
    words = [content_words(s, "en") for s in sentences]
    pool = S.pool(S.candidates(sentences, "", "en"), words, "", [], "en")
    lede = STATIC.index("lede")
    assert [v[lede] for v in pool.values] == [0.0, 1.0, 0.0, 0.0]


def test_an_npr_caption_behind_hide_caption_is_a_credit() -> None:
    caption = ("Hide caption President Obama's commencement speeches often seem more about the "
               "big-picture state of the union than do his State of the Union addresses.")
    assert not_prose(caption, "en") == "credit"


def test_a_caption_placing_people_left_and_right_loses_to_prose() -> None:
    caption = ("South Korean scientist Hwang Woo-Suk (L) shakes hands with Vasily Vasiliev (R), "
               "vice director of the university, after signing a deal to clone a mammoth.")
    story = ("A woolly mammoth preserved in permafrost in Siberia could walk the Earth again "
             "after Russian academics signed a deal with a Korean scientist to clone it. "
             "Hwang Woo-Suk, who created the first cloned dog in 2005, will implant the nucleus "
             "of a mammoth cell into an elephant egg. The embryo will then be implanted into an "
             f"elephant's womb. {caption} The Koreans say the research to clone the mammoth "
             "could begin this year. Vasily Vasiliev said the university would supply the "
             "mammoth cells from its Siberian collection.")
    assert not_prose(caption, "en") == "caption"
    assert caption not in _points(story)
    assert not_prose("Sen. Jane Doe (R) said the bill would pass the chamber next week.", "en") \
        is None


def test_a_flattened_list_is_not_a_point() -> None:
    glued = ("A test of strength (Dynamic Strength Test or Push-Pull)You should wear gym shoes "
             "and gym kit when taking the test.(1) The multi-stage shuttle run test (Bleep "
             "Test)This is done first.")
    assert not_prose(glued, "en") == "list"
    assert glued not in _points(f"{_STORY} {glued}")
    assert not_prose("The fund (set up in 2001) Holds more than it did.", "en") is None


def test_a_sentence_glued_after_a_closing_quote_is_cut_off() -> None:
    text = ("Mr Cameron vowed the UK would do 'everything we can' to stop the flow of fighters "
            "and cause 'mayhem' But he warned that Iraq's forces will not be ready.")
    assert split_sentences(text, "en") == [
        "Mr Cameron vowed the UK would do 'everything we can' to stop the flow of fighters and "
        "cause 'mayhem'",
        "But he warned that Iraq's forces will not be ready.",
    ]
    assert split_sentences("He said 'no' The man left.", "en") == ["He said 'no' The man left."]


def test_a_present_tense_photo_caption_is_caption_like() -> None:
    # CNN opens a story with its photo's caption: "Police watch over travelers at …" was
    # chosen as a point (the third blind read of issue 28).
    caption = ("Police watch over travelers at New York's Grand Central Terminal before "
               "Thanksgiving.")
    text = (f"{caption} Terrorists are likely to use a weapon of mass destruction somewhere in "
            "the world in the next five years, a commission reported on Tuesday. The government "
            "needs to move more aggressively to limit the spread of biological weapons, the "
            "report said. Congress created the commission to investigate and report on weapons "
            "of mass destruction and terrorism.")
    assert caption not in _points(text), _points(text)
    for prose in ("The killers would pose as cops, pulling over their targets before shooting.",
                  "When I look at my gold medal, I see a dream that I made years ago.",
                  "Commission officials are to look at Rome's provision of a loan to the carrier."):
        assert prose in _points(f"{prose} {_STORY}"), prose


def test_a_stray_scrape_dot_after_a_comma_a_title_or_an_opening_word_is_cleaned() -> None:
    # CNN/DM fit half: each mark cut a sentence in two, leaving shards ("Since .", "Mr .").
    text = ("He served in Afghanistan, . India, Burma and France. After the war, . Elizabeth "
            "carried on her work as a nurse. Since . Mr Moss became chief executive in July "
            "2007, Aviva shares fell. Mr . Moss ceased to be chief executive. 'And . American "
            "business doesn't need them either.' A . 2008 Peruvian law gives foreigners the "
            "option. The hepatitis A . State officials say the risk is low. Epstein served a "
            "13-month sentence after pleading guilty in . 2008. He welcomed the . ‘uprising’ by "
            "shareholders. It ended on Friday . 'We won,' he said.")
    assert split_sentences(text, "en") == [
        "He served in Afghanistan, India, Burma and France.",
        "After the war, Elizabeth carried on her work as a nurse.",
        "Since Mr Moss became chief executive in July 2007, Aviva shares fell.",
        "Mr Moss ceased to be chief executive.",
        "'And American business doesn't need them either.'",
        "A 2008 Peruvian law gives foreigners the option.",
        "The hepatitis A .",
        "State officials say the risk is low.",
        # Not a lost word ("… off the coast of ."): the year was on the next line.
        "Epstein served a 13-month sentence after pleading guilty in 2008.",
        "He welcomed the ‘uprising’ by shareholders.",
        "It ended on Friday .",
        "'We won,' he said.",
    ]


def test_a_stray_scrape_dot_inside_a_name_the_story_writes_whole_is_cleaned() -> None:
    # CNN/DM fit half: "Buckingham . Palace." left "Palace." as a sentence of its own.
    text = ("The Queen met the president at Buckingham . Palace. Buckingham Palace said she was "
            "well. Pictures of a naked Prince . Harry were leaked. Prince Harry was in Vegas. "
            "The match was won at Anfield . Liverpool have not made contact.")
    assert split_sentences(text, "en") == [
        "The Queen met the president at Buckingham Palace.",
        "Buckingham Palace said she was well.",
        "Pictures of a naked Prince Harry were leaked.",
        "Prince Harry was in Vegas.",
        "The match was won at Anfield .",
        "Liverpool have not made contact.",
    ]


def test_a_speaker_cut_by_a_stray_scrape_dot_is_one_sentence() -> None:
    # Held-out read: a point opened "Conservation Society said: '…'", its speaker left in the
    # span before; the CNN/DM fit half has "MoD spokeswoman . Connie Pierce said …".
    text = ("Above, the photographer poses with the creature, measuring 3ft in diameter . "
            "Richard Harrington of the Marine . Conservation Society said: 'Although this "
            "species is harmless, we advise the public not to touch them.' The families were in "
            "court. MoD spokeswoman . Connie Pierce said the attack was brutal. "
            "By . Bianca London . Luke Anderson said he was happy. Scroll down for video . "
            "Sony says it will release the film.")
    assert split_sentences(text, "en") == [
        "Above, the photographer poses with the creature, measuring 3ft in diameter .",
        "Richard Harrington of the Marine Conservation Society said: 'Although this species "
        "is harmless, we advise the public not to touch them.'",
        "The families were in court.",
        "MoD spokeswoman Connie Pierce said the attack was brutal.",
        "By .",
        "Bianca London .",
        "Luke Anderson said he was happy.",
        "Scroll down for video .",
        "Sony says it will release the film.",
    ]



@pytest.mark.parametrize(("label", "lede"), [
    ("Video .", "Police said the man was arrested on Friday."),
    ("Advertisement .", "Prince Harry said he was delighted."),
    ("Watch video .", "Sony Pictures said the hack was unprecedented."),
])
def test_a_page_label_before_a_stray_dot_is_no_cut_speaker(label: str, lede: str) -> None:
    # Review of the merged change: "Video . Police said …" became "Video Police said …".
    assert split_sentences(f"{label} {lede}", "en") == [label, lede]
    # what must stay: a real cut speaker is still joined
    assert split_sentences("MoD spokeswoman . Connie Pierce said the attack was brutal.",
                           "en") == ["MoD spokeswoman Connie Pierce said the attack was brutal."]


@pytest.mark.parametrize("scene", [
    "This was David Cameron yesterday, jogging along the beach in a pair of shorts.",
    "It looks as though it's lying in wait to sting unsuspecting beachgoers.",
    "The video shows the fearless feline jumping on the dog with enough force to push him away.",
])
def test_a_sentence_about_the_picture_beside_it_is_caption_like(scene: str) -> None:
    # Held-out read: points that described a picture or video the brief does not show.
    assert weak(scene)
    text = ("The Prime Minister flew to Lanzarote on Friday for a week's holiday with his "
            f"family. {scene} Downing Street said he would stay in touch with officials every day. "
            "The Cabinet Office confirmed that the Prime Minister will return on Saturday. "
            "Labour said the timing was poor with the economy still weak.")
    assert scene not in _points(text), _points(text)


@pytest.mark.parametrize("news", [
    "A video released by the Pentagon on Tuesday shows a Russian jet dumping fuel on a US drone "
    "over the Black Sea.",
    "A video posted on social media shows police officers beating a handcuffed man in "
    "Minneapolis.",
    "This is Britain at its best, the Prime Minister said after the final.",
])
def test_reported_news_of_a_video_or_a_quote_is_no_caption(news: str) -> None:
    # Review of the merged change: SHOWN_SCENE read these as pointers at a picture beside them.
    assert not weak(news)
    # what must stay: a pointer at the page's own video
    assert weak("The video shows the fearless feline jumping at the dog.")


def test_a_picture_word_in_reported_news_stays_prose() -> None:
    for prose in ("Footage showed a huge blaze at Abqaiq, site of Aramco's largest oil plant.",
                  "It looks as if a new dark age is coming for the industry.",
                  "This is the moment a driver crashed into a shop in Leeds on Friday.",
                  "This was eight times higher than it had previously stated."):
        assert not weak(prose), prose


def test_the_daily_mail_moment_opener_leans_on_nothing() -> None:
    # CNN/DM dev: "This is the moment a train announcer stunned passengers …" lost to BACK's
    # "this" (-2), and the brief opened on "The London Midland service had been pulling into
    # Telford Station … when the comments were made" (which comments?). Made-up text.
    assert not refers_back("This is the moment a bus driver told passengers to hold on to "
                           "their hats as he drove into a storm.", "en")
    assert not refers_back("This is the shocking moment a cyclist rode the wrong way.", "en")
    assert refers_back("This is a big change for the club.", "en")
    # Named subjects after the (hyphenated) adjective or "was" count too.
    for own in ("This is the heart-stopping moment a climber slipped off the ridge.",
                "This was the moment Harry Kane scored the winner.",
                "This is the moment an elephant charged a safari car.",
                "“This is the moment a nation changed,” said Jane Smith."):
        assert not refers_back(own, "en"), own
    # Review of 608f8f0: a pronoun, "to/for/of", "we" or a relative clause after "moment"
    # points back at what came before; a quotation still needs its speaker named.
    for leaning in ("This is the moment he was arrested outside his home.",
                    "This is the moment she realised she had won.",
                    "This is the moment they left the stadium.",
                    "This is the moment to act on climate change.",
                    "This is the moment for the club to push on.",
                    "This is the moment of truth for the government.",
                    "This is the moment we have all been waiting for.",
                    "This is the moment the whole town had been waiting for.",
                    "This is the moment when it all changed.",
                    "This is the moment I knew it was over.",
                    "“This is the moment to act,” he said.",
                    "“This is the moment a nation changed,” he said."):
        assert refers_back(leaning, "en"), leaning
    text = ("This is the moment a bus driver told passengers to hold on to their hats as he "
            "drove into a storm near Exeter on Sunday. "
            "The Stagecoach service had been leaving the city centre when the comments were "
            "made. "
            "Passenger Ann Hale, 52, was filming on her phone and the driver can be heard "
            "laughing. "
            "The remark was greeted by cheers from football fans on their way home. "
            "Stagecoach said it was looking into the incident and would speak to the driver.")
    assert _points(text)[0].startswith("This is the moment"), _points(text)


def test_a_pronoun_after_a_fronted_amount_leans_back() -> None:
    # BBC dev fit half: point 3 was "Currently above $40 a barrel, he said: …", BP's chief
    # executive (the story's central person) named only in a sentence the brief skipped.
    assert refers_back('Currently above $40 a barrel, he said: "The price of oil will be well '
                       'supported above $30 a barrel for the medium term."', "en")
    text = ("Oil giant BP has announced a 26% rise in annual profits to $16.2bn on the back of "
            "record oil prices. Last week, rival Shell reported an annual profit of $17.5bn. "
            "BP added that it was increasing its fourth-quarter dividend by 26% to 8.5 cents. "
            "Speaking on the BBC's Today programme on Tuesday, Lord Browne said the profits were "
            "not solely down to the high oil price alone. The company is earning about $1.8m an "
            "hour, its results show. Currently above $40 a barrel, he said: "
            '"The price of oil will be well supported above $30 a barrel for the medium term."')
    assert not any(p.startswith("Currently above") for p in _points(text)), _points(text)
    assert not refers_back("When Obama took office at $40 a barrel, he said so.", "en")


@pytest.mark.parametrize(("sentence", "point"), [
    # Review of stop 42: the spaced stop stayed before a closing quote and after a share or a
    # bracket (all three in the CNN/DM scrape).
    ('He said: "We want people like that in society and in sport ."',
     'He said: "We want people like that in society and in sport."'),
    ("Shares in the chain were up 5% .", "Shares in the chain were up 5%."),
    ("The sign read: they're [sic] .", "The sign read: they're [sic]."),
    # Left alone: a stop after a stop, a decimal, an ellipsis.
    ("The tape paused... .", "The tape paused... ."),
    ("The rate was .5", "The rate was .5"),
    ("And then …", "And then …"),
])
def test_shown_closes_the_spaced_stop_and_nothing_else(sentence: str, point: str) -> None:
    assert shown(sentence, "en") == point


def test_korean_sentences_show_as_they_are() -> None:
    sentence = "정부는 오늘 새로운 정책을 발표했다 ."
    assert shown(sentence, "ko") == sentence


def test_fits_measures_the_point_fit_shows() -> None:
    # Review of stop 42: 108 characters as written, 107 as shown: fits() said no fit (0) while
    # fit() showed the whole sentence.
    s = ("The committee said the long delayed bridge across the wide river would finally open "
         "to traffic next spring .")
    assert len(s) == 108
    assert fit(s, 107) == shown(s, "en") and fits(s, 107) == 2


def test_a_spaced_stop_point_is_its_shown_sentence() -> None:
    # The property test's counterexample ("The council said ."): a point is its sentence as
    # shown, which every faithfulness check compares with.
    text = "The council said it would close the bridge for a year of repairs ."
    points = _points(text)
    assert points == [shown(text, "en")], points

"""English tags a reader would follow (issue 28, after the stop-37 CNN/DM read, where the
reader preferred the opening to briefs with the same points for their tags alone): a person the
story writes as a private one (an age or a home after the name, a private description, a police
rank or a job in front) is no tag however often it is named, unless an office or fame is written
beside a mention; a person written in full once as the namesake of a term is none
("#gerardus-mercator"), nor a body named only as a quoted speaker's employer
("#cornwall-wildlife-trust"), nor a first name paired with a titled person's ("#kate")."""

from __future__ import annotations

import pytest

from tests.support.tagging import brief_tags


def _tags(text: str, title: str = "") -> list[str]:
    return brief_tags(title, text, "en")


def test_a_private_person_named_often_with_a_home_is_no_tag() -> None:
    # CNN/DM sample: "#ashleigh-davis", a woman suing the police, named eleven times.
    text = (
        "A woman said she was humiliated by police during her arrest last year. Jane Brook, "
        "of Ocala, Florida, said she was carried to a cell by four officers. Brook said her "
        "teeth were chipped in the cell. Jane Brook can be seen on the floor in the video. "
        "Brook was charged with battery on an officer. Brook says she deserved to be "
        "arrested but not the treatment. The police department said it would review the case."
    )
    assert "jane-brook" not in _tags(text), _tags(text)


def test_a_police_sergeant_named_often_is_no_tag() -> None:
    # CNN/DM sample: "#andy-sharp", a Met sergeant at the centre of a row over fitness tests.
    text = (
        "Colleagues were quick to defend Sergeant Tom Keel over claims about his weight. "
        "Sergeant Tom Keel was photographed marshalling a march in central London. Sgt Keel "
        "spends most of his time on desk duty, a colleague said. Sgt Keel has served for "
        "twenty years. New fitness tests will be brought in next year. Officers who fail "
        "them could face pay cuts. The federation said the tests were unfair."
    )
    assert "tom-keel" not in _tags(text), _tags(text)


def test_a_private_person_with_an_age_and_no_public_role_is_no_tag() -> None:
    # CNN/DM sample: "#richard-mcluckie", a board-game maker who went on a TV show.
    text = (
        "Two friends who dreamt up board games over dinner have won backing on television. "
        "Father of two Paul Hurst, 48, and his friend came up with the games. Mr Hurst, a "
        "former property developer, said the idea came to him at home. Inventor Paul Hurst, "
        "48, with some of the games. Mr Hurst said the investors were surprised. Mr Hurst "
        "and his friend now sell the games in shops. The games cost twenty pounds each."
    )
    assert "paul-hurst" not in _tags(text), _tags(text)


def test_a_person_written_with_an_office_stays_a_tag() -> None:
    # The same story of a senator, named with a home: the office makes him someone to follow.
    text = (
        "A senator said he was humiliated by police during his arrest last year. Senator "
        "Jack Brook, of Ocala, Florida, said he was carried to a cell by four officers. Brook "
        "said his teeth were chipped in the cell. Jack Brook can be seen on the floor in the "
        "video. Brook was charged with battery on an officer. Brook says he deserved to be "
        "arrested but not the treatment. The police department said it would review the case."
    )
    assert "jack-brook" in _tags(text), _tags(text)


def test_a_figure_written_with_an_age_and_a_show_of_their_own_stays_a_tag() -> None:
    # CNN/DM sample: "Rush Limbaugh, 61," is also written as "the Rush Limbaugh show".
    text = (
        "Sam Vale has apologised for calling a student names on air. Sam Vale, 61, had "
        "faced calls for an apology for days. Advertisers pulled their spots from the Sam "
        "Vale show on Friday. Mr Vale said his choice of words was not the best. Mr Vale "
        "said he meant no personal attack. The student said she was upset by the remarks."
    )
    assert "sam-vale" in _tags(text), _tags(text)


def test_the_namesake_of_a_term_written_in_full_once_is_no_tag() -> None:
    # CNN/DM sample: "#gerardus-mercator" on a story about the Mercator projection.
    text = (
        "Take a look at a map and Africa looks no bigger than Greenland. The distortion is "
        "the result of the Keller projection, the map seen in most classrooms. The Keller "
        "projection was made to help sailors. One model, invented by Anton Keller, won out "
        "over the others. The familiar 'Keller' projection gives the right shapes but the "
        "wrong sizes. In the Keller projection, Africa looks as small as Greenland. Some "
        "schools now use other maps. The Keller projection is still the most common."
    )
    assert "anton-keller" not in _tags(text), _tags(text)


def test_a_body_named_only_as_a_quoted_speakers_employer_is_no_tag() -> None:
    # CNN/DM sample: "#cornwall-wildlife-trust" on killer whales seen off Padstow.
    text = (
        "Experts warned swimmers to stay out of the water after two killer whales were seen "
        "off Padstow in Devon. Tom Hart, of the Devon Marine Trust, said: 'They may go for a "
        "human.' The whales were seen near Padstow harbour on Monday. Ann Gale, an officer "
        "with the Devon Marine Trust, said the whales may have passed through. Boats in "
        "Padstow were told to keep clear. Whales are seen off Devon most summers. Attacks "
        "on humans are rare. Padstow beaches stayed open, as did others in Devon."
    )
    tags = _tags(text)
    assert "devon-marine-trust" not in tags and "padstow" in tags, tags


def test_a_first_name_paired_with_a_titled_persons_is_no_tag() -> None:
    # CNN/DM sample: "#kate" beside "#prince-william" on royal baby souvenirs.
    text = (
        "Shops are selling odd souvenirs of the royal birth. A knitted Prince William and "
        "Kate hold a very large baby. Potters are waiting for William and Kate's baby to be "
        "named. A mug marks the birth of William and Kate's first child. William and Kate "
        "are likely to have seen the designs. Prince William visited the hospital twice. "
        "Prince William thanked the staff."
    )
    tags = _tags(text)
    assert "kate" not in tags and "prince-william" in tags, tags


_FILLER = " The decision was welcomed by many. Critics said more work was needed."


def test_an_age_alone_marks_a_private_person() -> None:
    # No home, no description, no rank: "Jane Brook, 22," and "Brook said her teeth".
    text = (
        "A woman said she was humiliated by police during her arrest last year. Jane Brook, "
        "22, said she was carried to a cell. Brook said her teeth were chipped in the cell. "
        "Jane Brook can be seen on the floor in the video. Brook was charged with battery. "
        "Brook says she deserved to be arrested." + _FILLER
    )
    assert "jane-brook" not in _tags(text), _tags(text)


def test_words_after_a_name_outside_an_apposition_say_nothing_of_it() -> None:
    # "the mayor" is whom she wants gone, not who Jane Brook is.
    text = (
        "A woman said she was humiliated by police during her arrest last year. Jane Brook, "
        "22, said the mayor should resign. Brook said her teeth were chipped in the cell. "
        "Jane Brook can be seen on the floor in the video. Brook was charged with battery. "
        "Brook says she deserved to be arrested." + _FILLER
    )
    assert "jane-brook" not in _tags(text), _tags(text)


def test_both_and_an_age_marks_the_pair() -> None:
    text = (
        "A couple who met on a ferry have married at sea. Lee Rowe and Madelaine Moir, both "
        "37, said their vows on deck. Rowe said he proposed on the same ferry. Lee Rowe and "
        "his wife will live in Hull. Rowe said the crew were kind. Rowe thanked the captain."
        + _FILLER
    )
    assert "lee-rowe" not in _tags(text), _tags(text)


def test_one_age_after_a_pair_is_the_second_persons() -> None:
    text = (
        "The two rivals met on stage in Atlanta. Donald Trump and Joe Biden, 81, traded "
        "insults over the economy. Trump said the economy was a disaster. Biden said Trump "
        "had lied. Trump and Biden will meet again in September. Trump left before the end."
        + _FILLER
    )
    assert "donald-trump" in _tags(text), _tags(text)


@pytest.mark.parametrize(("text", "tag"), [
    ("Apple unveiled a new phone on Tuesday at its headquarters in California. Tim Cook, of "
     "Apple, said the phone was the best the company had made. Cook showed the new camera on "
     "stage. Cook said sales would start next week in thirty countries. Analysts said the "
     "price was high. Cook thanked the engineers who built it. Shares rose after the event.",
     "tim-cook"),
    ("Shares in Tesla rose on Monday. Elon Musk, from Tesla, said the cars would drive "
     "themselves. Musk told investors the plan was ready. Musk has made such claims before. "
     "Musk did not give a date." + _FILLER, "elon-musk"),
    ("Retail sales fell in the spring. Sales at John Lewis, from January to March, fell by a "
     "tenth. John Lewis said shoppers were cautious. John Lewis will close eight shops. Other "
     "retailers reported similar falls." + _FILLER, "john-lewis"),
    ("Lawmakers clashed over the budget. Bernie Sanders, of Vermont, said the cuts were "
     "cruel. Sanders called for a vote. Sanders has opposed the plan for months. Sanders will "
     "speak again tomorrow." + _FILLER, "bernie-sanders"),
], ids=["of-employer", "from-employer", "from-month", "of-state"])
def test_an_employer_a_month_or_a_state_after_a_name_is_no_home(text: str, tag: str) -> None:
    assert tag in _tags(text), _tags(text)


@pytest.mark.parametrize(("text", "tag"), [
    ("Lawmakers clashed over the inquiry. Rep. Adam Schiff, of California, said the evidence "
     "was clear. Schiff called for a vote. Schiff has led the inquiry for months. Schiff will "
     "speak again tomorrow." + _FILLER, "adam-schiff"),
    ("England won their qualifier on Saturday. England captain Harry Kane, 30, scored twice "
     "in the first half. Kane now has more goals than any England player. Kane was replaced "
     "late on. Kane said the team was improving." + _FILLER, "harry-kane"),
    ("England won their qualifier on Saturday. The England captain, Harry Kane, 30, scored "
     "twice in the first half. Kane now has more goals than any England player. Kane was "
     "replaced late on. Kane said his team was improving." + _FILLER, "harry-kane"),
    ("Russia rejected the claims on Tuesday. Kremlin spokesman Dmitry Peskov said the report "
     "was false. Peskov told reporters Moscow had no role. Peskov said talks would continue. "
     "Peskov declined to comment further." + _FILLER, "dmitry-peskov"),
    ("A new exhibition opened in London on Friday. Photographer Annie Leibovitz showed "
     "portraits from fifty years of work. Leibovitz said the show was her most personal. "
     "Leibovitz chose each print herself. Critics praised Leibovitz for her range. The "
     "exhibition runs until March. Tickets cost twenty pounds.", "annie-leibovitz"),
    ("A new vacuum cleaner went on sale on Monday. Inventor James Dyson said it was the "
     "lightest yet. Dyson spent five years on the design. Dyson said the motor was made in "
     "Singapore. Rivals have cut prices. Dyson will open a new plant next year. Sales start "
     "in May.", "james-dyson"),
    ("Crowds gathered in Kolkata for the anniversary. Mother Teresa founded the mission in "
     "1950. Mother Teresa was made a saint in 2016. Pilgrims visited the home where Mother "
     "Teresa lived. The mission now runs homes in many countries." + _FILLER,
     "mother-teresa"),
], ids=["rep", "captain", "captain-apposed", "spokesman", "photographer", "inventor",
        "mother-teresa"])
def test_a_public_figure_written_with_a_job_an_age_or_a_home_stays_a_tag(
        text: str, tag: str) -> None:
    # A representative, a captain, a spokesman, a photographer, an inventor; "Mother" is the
    # name's own word.
    assert tag in _tags(text), _tags(text)


@pytest.mark.parametrize(("text", "tag"), [
    ("Protesters marched through the city again on Sunday. Many local Hong Kong shops closed "
     "for the day. Police in Hong Kong fired tear gas near the harbour. Hong Kong has seen "
     "protests for six months. Schools in Hong Kong closed early. Organisers said a million "
     "people took part. More marches are planned.", "hong-kong"),
    ("Visitor numbers at historic houses rose last year. Volunteers at a local National Trust "
     "garden planted ten thousand bulbs. The National Trust said membership had passed six "
     "million. The National Trust will open twelve more houses next year. Tickets rose by a "
     "pound. The charity relies on volunteers.", "national-trust"),
    ("Protesters marched through the city again on Sunday. Hong Kong, 45, and Macau, 12, "
     "reported new arrests. Police in Hong Kong fired tear gas near the harbour. Hong Kong "
     "has seen protests for six months. Schools in Hong Kong closed early. Organisers said a "
     "million people took part.", "hong-kong"),
], ids=["local-place", "local-body", "place-with-a-number"])
def test_a_place_or_a_body_is_never_read_as_a_private_person(text: str, tag: str) -> None:
    assert tag in _tags(text), _tags(text)


@pytest.mark.parametrize(("text", "tag"), [
    ("The United States has added the Chinese firm to a trade blacklist. The row between "
     "President Trump and Huawei has grown for a year. Huawei said it would fight the ban in "
     "court. Shares in suppliers fell after the move. The feud between Mr Trump and Huawei has "
     "unsettled markets. Analysts said suppliers would lose billions. The ban takes effect "
     "next month.", "huawei"),
    ("Talks on a ceasefire ended without agreement on Friday. The gap between President Putin "
     "and Zelensky remains wide. Zelensky said he would not give up land. Western leaders "
     "urged both sides to keep talking. The meeting between President Putin and Zelensky "
     "lasted three hours. Fighting continued in the east.", "zelensky"),
    ("Carmakers raised prices again this month as costs rose. General Motors and Ford both "
     "said steel had become more expensive. Ford said prices would rise by three per cent. "
     "Analysts said buyers would delay purchases. Shares in General Motors and Ford fell on "
     "the news. Dealers reported fewer visits. Ford will report results next week.", "ford"),
], ids=["body", "surname", "carmaker"])
def test_only_a_given_name_paired_with_a_titled_person_is_no_tag(text: str, tag: str) -> None:
    assert tag in _tags(text), _tags(text)

"""English tags a reader would follow (issue 28, after the stop-37 CNN/DM read, where the
reader preferred the opening to briefs with the same points for their tags alone): a person the
story writes as a private one (an age or a home after the name, a private description, a police
rank or a job in front) is no tag however often it is named, unless an office or fame is written
beside a mention; a person written in full once as the namesake of a term is none
("#gerardus-mercator"), nor a body named only as a quoted speaker's employer
("#cornwall-wildlife-trust"), nor a first name paired with a titled person's ("#kate")."""

from __future__ import annotations

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

"""Labels keep names written in camel case whole and as written (issue 11, second pass)."""

from __future__ import annotations

from collections import Counter

from bot.summarize.labels import label_points, label_stands, make_label
from bot.summarize.lang.en.labelling import phrases
from bot.summarize.text import WORDS, content_words


def _texts(point: str) -> list[str]:
    return [" ".join(w for w, _ in cand) for cand in phrases(point, "", WORDS)]


def test_a_camel_case_name_is_not_cut_off_its_phrase() -> None:
    # "the iPad Pro models" gave the label "Pro models": "iPad" read as a common word.
    phrases = _texts("Topics include follow-up from the event, the iPad Pro models and more.")
    assert "Pro models" not in phrases
    assert "iPad Pro models" in phrases and "iPad Pro" in phrases


def test_a_common_word_before_a_camel_case_name_still_joins_it() -> None:
    # "primary iPhone" stays one phrase, as before ("giant TimeWarner" splits: a real name).
    assert "primary iPhone" in _texts("Many people use the primary iPhone every single day.")
    assert "giant TimeWarner" not in _texts("The media giant TimeWarner said it would sell.")


def test_a_label_keeps_a_camel_case_name_as_written() -> None:
    point = "Developers say the iCloud backups were handed over after a court order."
    doc = Counter(content_words("iCloud backups iCloud backups court order court", "en"))
    assert make_label(point, doc, "en", set(), fallback=True) == "iCloud backups"
    points = [point, "The court order came after months of talks with the company."]
    labels = label_points(points, doc, "en", "", " ".join(points))
    assert labels[0] is None or not labels[0].startswith("ICloud")


def test_labels_that_only_date_or_grade_a_point_are_refused() -> None:
    # Read as an editor: "Pretty clear", "Recent report", "Special guest", "Delve deeper" and
    # "Solid enough" name no claim; a name or a real noun phrase of the point wins instead.
    doc = Counter(
        content_words("guest guest Serenity Caldwell Serenity Caldwell report report", "en")
    )
    point = "The show has a special guest, Serenity Caldwell, who reviewed the report."
    label = make_label(point, doc, "en", set(), fallback=True)
    assert label == "Serenity Caldwell"
    for weak in ("It seems pretty clear that the chip is coming.",
                 "A recent report came out about the chip.",
                 "The new chip looks solid enough for most people."):
        got = make_label(weak, Counter(content_words(weak + weak, "en")), "en", set(),
                         fallback=True)
        assert got not in {"Pretty clear", "Recent report", "Solid enough"}, got


# Issue 28: a label only when a check says it names what the point is about; a brief without
# labels reads better than one with a wrong label.

MUMMY_TEXT = (
    "Police were called to a house in Leeds after a body was found in the attic. "
    "The body, first treated as a murder victim, was a mummy from ancient Egypt. "
    "A murder victim had been feared, police said, until experts examined the mummy. "
    "The mummy will go to a museum, and the murder victim inquiry was closed."
)


def test_a_phrase_the_point_says_something_was_mistaken_for_is_no_label() -> None:
    # Read: a story about a mummy mistaken for a murder victim labelled "Murder victim:".
    point = "Experts said the body mistaken for a murder victim was an ancient mummy."
    assert not label_stands("Murder victim", point, MUMMY_TEXT + point, "en")
    point = "The body was not a murder victim but a mummy, police said."
    assert not label_stands("Murder victim", point, MUMMY_TEXT + point, "en")
    assert label_stands("Murder victim", "A murder victim was feared at first in Leeds.",
                        MUMMY_TEXT, "en")


def test_a_quoted_phrase_is_no_label() -> None:
    point = 'He called it "a murder victim in the attic" before the mummy was examined.'
    assert not label_stands("Murder victim", point, MUMMY_TEXT, "en")


def test_a_misspelling_copied_once_is_no_label() -> None:
    # Read: a label with a misspelling from a caption; a phrase the story spells once.
    point = "The Mesuem collection will show the mummy from next spring."
    assert not label_stands("Mesuem collection", point, MUMMY_TEXT + point, "en")


def test_comparisons_and_degrees_are_no_labels() -> None:
    # Read: "Less prone", "Higher clip".
    doc = "less prone less prone higher clip higher clip " * 2
    assert not label_stands("Less prone", "Less prone people were safer in the test.", doc, "en")
    assert not label_stands("Higher clip", "Higher clip rates came after the change.", doc, "en")


def test_a_photo_credit_point_carries_no_label() -> None:
    point = "Enlarge this image toggle caption Getty Images Getty Images"
    assert not label_stands("Getty Images", point, point * 3, "en")


def test_a_label_late_in_the_point_names_no_subject() -> None:
    # "The justices refused … appeal of a federal judge's injunction" is not about a judge.
    point = ("The justices refused to hear the administration's appeal of a federal judge's "
             "nationwide injunction.")
    doc = point + " The federal judge ruled in January. Another federal judge agreed."
    assert not label_stands("Federal judge", point, doc, "en")


def test_one_label_that_does_not_stand_leaves_the_brief_unlabelled() -> None:
    points = ["A murder victim was feared at first in Leeds, police said.",
              "Experts said the body mistaken for a murder victim was an ancient mummy.",
              "The mummy will go to a museum in Leeds next year."]
    doc = Counter(content_words(MUMMY_TEXT, "en"))
    assert label_points(points, doc, "en", "", MUMMY_TEXT) == [None, None, None]


def test_a_garbled_korean_label_is_refused() -> None:
    # Read: "경우 뉴호라이즌호:" ("in the case of" + the probe's name).
    point = "이 경우 뉴호라이즌호는 명왕성을 지나 카이퍼 벨트로 향한다."
    doc = point + " 뉴호라이즌호는 2006년 발사됐다. 뉴호라이즌호의 경우 속도가 빠르다."
    assert not label_stands("경우 뉴호라이즌호", point, doc, "ko")
    point = "평소 받던 봉급과 수당 가운데 수당은 지급되지 않는다."
    assert not label_stands("수당 가운데", point, point + " 수당 가운데 수당", "ko")


def test_a_negated_korean_phrase_is_no_label() -> None:
    point = "발견된 시신은 살인 피해자가 아니라 고대 미라로 밝혀졌다."
    doc = point + " 경찰은 살인 피해자로 보고 수사했다. 살인 피해자 가능성은 없었다."
    assert not label_stands("살인 피해자", point, doc, "ko")
    assert label_stands("고대 미라", "고대 미라가 다락방에서 발견됐다.", doc + " 고대 미라", "ko")


# Issue 28, English label audit (329 briefs of wire_dev, CNN/DM, BBC and the real-world feeds):
# 125 of 155 labels that passed the old checks named a bystander, a place, an object or a cut
# name, not the subject of the point's claim. Each case below is a literal one from that read.
BYSTANDERS = [
    ("Alya Ahmed Ali", "Ray Coe stepped in to rescue Alya Ahmed Ali, 13, after learning she was "
                       "desperate for a donor."),
    ("Ill pupil", "A Hero teacher who saved the life of a seriously ill pupil by giving her one "
                  "of his kidney is to be honoured with an MBE."),
    ("Royal Docks Community School", "The special needs coordinator at Royal Docks Community "
     "School, Custom House, east London, has been awarded the gong."),
    ("West Bank", "The 35-page report focuses on seven incidents in the West Bank and two in "
                  "Gaza."),
    ("Palestinian security forces", "Palestinian journalists are finding reporting increasingly "
     "difficult in the face of the growing abuse toward them by Palestinian security forces."),
    ("Press conference", "The Dutchman responded at his weekly press conference by thanking "
                         "Ferguson for the vote of confidence."),
    ("Van Gaal", "The former Old Trafford boss backed Van Gaal, who has taken United to third "
                 "place in the table."),
    ("President Trump", "House Democrats unveiled two articles of impeachment against President "
                        "Trump on Tuesday morning."),
    ("California man", "Police on Monday identified a 19-year-old California man as the gunman "
                       "who opened fire at a garlic festival."),
    ("Hispanic caucus members", "Cárdenas joins four other Hispanic caucus members who've "
                                "already backed Biden."),
    ("Telford Station", "The London Midland service had been pulling into Telford Station, "
                        "Shropshire, on Saturday when the comments were made."),
]
CUT_NAMES = [
    ("Learning team", "Maluuba — a deep learning team acquired by Microsoft in January — has "
                      "created an AI system."),
    ("Media Freedom", "Human Rights Watch cites a report issued by the Palestinian Center for "
                      "Development and Media Freedom that says attacks rose."),
    ("Pac-Man port", "Unlike the notoriously bad 2600 port of Pac-Man, the Ms. Pac-Man port was "
                     "both fun and true to the spirit of the coin-op."),
    ("Summer campaign", "As Burberry today unveils its new spring/summer campaign in store "
                        "windows, millions of ardent fans will be watching."),
    ("Commen stuff", "Ok so i have tested alot of stuff and i have alot of the commen stuff "
                     "like proxmox truenas nginx pihole."),
]


def test_a_bystander_place_or_object_is_no_label() -> None:
    for label, point in BYSTANDERS:
        assert not label_stands(label, point, f"{point} {label} {label}", "en"), label


def test_a_name_or_phrase_cut_from_a_longer_one_is_no_label() -> None:
    for label, point in CUT_NAMES:
        assert not label_stands(label, point, f"{point} {label} {label}", "en"), label


def test_the_subject_of_the_claim_is_a_label() -> None:
    for label, point in [
        ("Zhou Yongkang", "China's former security chief Zhou Yongkang is being investigated "
                          "for suspected disciplinary violation, state media say."),
        ("Stuart Gulliver", "Speaking publicly for the first time since revelations about the "
                            "bank, Stuart Gulliver described his shame at the allegations."),
        ("Roberto Curti", "Brazilian student Roberto Curti, 21, died in the early hours of "
                          "March 18 after a chase."),
    ]:
        assert label_stands(label, point, f"{point} {label} {label}", "en"), label


def test_points_with_no_subject_phrase_are_not_searched_for_a_label() -> None:
    # The cheap check before looking for a label must pass every point whose subject could
    # stand as one, and may stop only those where none can.
    from bot.summarize.lang.en.labelling import _may_have_subject

    for label, point in [
        ("Zhou Yongkang", "China's former security chief Zhou Yongkang is being investigated."),
        ("Stuart Gulliver", "Speaking publicly for the first time since revelations about the "
                            "bank, Stuart Gulliver described his shame at the allegations."),
        ("Roberto Curti", "Brazilian student Roberto Curti, 21, died in the early hours."),
    ]:
        assert label_stands(label, point, f"{point} {label} {label}", "en")
        assert _may_have_subject(point), point
    assert not _may_have_subject(
        "After a chase and a violent struggle with police in the city centre he died in hospital "
        "early on the morning of the next day.")

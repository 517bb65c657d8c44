"""Issue 28, blind reads 41-42: English tags a reader would not follow. A bare first name
coordinated with a full name that shares its surname ("Frederick and Elizabeth Noble": one
family, "#frederick-noble", never "#frederick"); a military rank is no part of a name; a
common noun in capitals ("#dna", a talk title's "#assessment", "#met"); a country written
only as where ("Beaucamps-Ligny, France"); a quoted term's acronym ("#rtl"); a figure of
speech ("a second Cold War")."""

from __future__ import annotations

from tests.support.tagging import brief_tags


def _tags(title: str, text: str) -> list[str]:
    return brief_tags(title, text, "en")


def test_a_first_name_paired_with_a_full_name_takes_its_surname() -> None:
    text = (
        "Frederick and Elizabeth Noble wed on New Year's Day 1941 while he was on leave. "
        "Frederick wrote to her every week from the front. Elizabeth kept every letter in a "
        "tea chest. After the war Frederick became a miner and Elizabeth a nurse. "
        "Frederick and Elizabeth Noble died three days apart. Frederick was 92."
    )
    tags = _tags("", text)
    assert "frederick" not in tags, tags
    assert "frederick-noble" in tags, tags


def test_a_first_name_paired_with_a_body_takes_no_surname() -> None:
    text = (
        "Apple and Google Maps both changed their rules on Monday. Apple said the change "
        "protects users. Apple will apply it in June. Critics said Apple moved too late. "
        "Apple declined to say more, and Google did not comment."
    )
    assert "apple-maps" not in _tags("", text)


def test_a_military_rank_is_no_part_of_a_name() -> None:
    text = (
        "Private Frederick Thompson was reported missing in 1914. Historians believe "
        "Private Frederick Thompson is one of 15 soldiers found in 2009. His family gave a "
        "sample to name Private Frederick Thompson. Private Frederick Thompson was 20. "
        "Private Frederick Thompson will be buried with full honours."
    )
    tags = _tags("", text)
    assert not any(t.startswith("private") for t in tags), tags


def test_a_common_noun_in_capitals_is_no_tag() -> None:
    dna = (
        "Historians hope DNA will name the soldiers. A great-nephew gave a DNA sample. "
        "The DNA testing will take months. If the DNA matches, the soldier gets a funeral. "
        "DNA from three families has been taken so far."
    )
    assert "dna" not in _tags("", dna)


def test_a_generic_noun_capitalised_by_a_talk_title_is_no_tag() -> None:
    talk = "AProf Stuart MacKay: Assessment of Adult Sleep Apnea"
    assert "assessment" not in _tags("Assessment of Adult Sleep Apnea", talk)


def test_the_met_is_no_tag() -> None:
    met = (
        "Sgt Andy Sharp, a long-serving Met officer, was photographed escorting protesters in "
        "central London. Recruits of the Met have to pass fitness tests when they join. John "
        "Tully, of the Met Police Federation, said Sgt Sharp spends most of his time organising "
        "marches. A survey found 52 per cent of officers in the Met were overweight. Rick "
        "Nelson, a Met officer and Federation representative, said the force offers advice. "
        "The Met said officers may join weight loss courses."
    )
    assert "met" not in _tags("", met)


def test_a_country_written_only_as_where_a_village_lies_is_no_tag() -> None:
    text = (
        "Historians are a step closer to naming soldiers killed in France in 1914. The men "
        "fell in a battle at Beaucamps-Ligny, France, and were found in 2009. Their remains "
        "lay in a field in France for 95 years. Farmers at Beaucamps-Ligny, France, found "
        "them. A funeral will be held in France next year."
    )
    assert "france" not in _tags("", text)


def test_a_country_the_story_is_about_keeps_its_tag() -> None:
    text = (
        "Russia cancels visas for people it does not like. Europe wants to target those who "
        "run Russia. Russia has said it will answer any sanctions. Analysts in Berlin said "
        "Russia holds the gas Europe needs. Russia's banks are next."
    )
    assert "russia" in _tags("", text)


def test_a_quoted_terms_acronym_is_no_tag() -> None:
    rtl = (
        'The city said it would scrap its "Re-education Through Labor" (RTL) system. RTL '
        "camps hold petty thieves. Judges stopped hearing RTL cases in March. Reform of RTL "
        "is a priority, a judge said. RTL was set up in the 1950s."
    )
    assert "rtl" not in _tags("", rtl)


def test_a_name_written_only_as_a_figure_of_speech_is_no_tag() -> None:
    cold = (
        "Medvedev said the world is close to a second Cold War. Relations are at a post-Cold "
        "War low. He warned of a new Cold War that nobody needs. Obama did not reply. "
        "Officials in Moscow repeated that a second Cold War helps no one. Medvedev spoke "
        "on television. Medvedev blamed Obama."
    )
    assert "cold-war" not in _tags("", cold)

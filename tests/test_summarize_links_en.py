"""A link flattened HTML glued to a sentence (issue 28, held-out read of 6 December: "here.
https://t.co/…" as one point, read aloud as prose): the splitter cuts before the address and
after an embedded post's credit, so the sentence is a point of its own and the address none."""

from __future__ import annotations

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, split_sentences
from bot.summarize.segment import not_prose

_GLUED = (
    "Senator Ana Ortiz said on Monday she would vote against the bridge repair bill. "
    "Ortiz explained her reasons in a long statement here.https://t.co/Ab12Cd34 — Ana Ortiz "
    "(@anaortiz) June 3, 2019 The vote on the repair bill is expected on Tuesday afternoon. "
    "The bill would spend $4 million to repair the old bridge over the river."
)


def test_a_glued_link_is_cut_off_its_sentence() -> None:
    spans = split_sentences(_GLUED, "en")
    assert "Ortiz explained her reasons in a long statement here." in spans
    assert "The vote on the repair bill is expected on Tuesday afternoon." in spans
    link = "https://t.co/Ab12Cd34 — Ana Ortiz (@anaortiz) June 3, 2019"
    assert link in spans
    assert not_prose(link, "en") == "link"


def test_no_point_holds_a_glued_address() -> None:
    brief = ExtractiveSummarizer().brief(
        Article(title="Senator to vote against bridge bill", text=_GLUED, lang="en"))
    assert brief.points
    for point in brief.points:
        assert "https://" not in point.text and "(@" not in point.text


def test_an_address_inside_a_sentence_stays() -> None:
    text = "See https://example.org/rules for the full rules. Details follow on Monday."
    assert split_sentences(text, "en")[0] == "See https://example.org/rules for the full rules."


def test_link_text_between_a_name_and_its_abbreviation_is_no_point() -> None:
    flattened = ("The proposal to change how the 50-year-old bedrock National Environmental "
                 "Policy Act here (NEPA) is implemented is part of a broader campaign.")
    assert not_prose(flattened, "en") == "cut"
    # The abbreviation after the name, with no link text, is prose.
    assert not_prose(flattened.replace("Act here (NEPA)", "Act (NEPA)"), "en") is None
    assert not_prose("The senator came here (she said) to listen to voters.", "en") is None

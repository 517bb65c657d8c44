"""English points on news (issue 28, a blind read of CNN/Daily Mail briefs): a point that is a
raw quotation never closed, a lede leaning on what the brief does not show, two points saying
one thing, the story's main finding missed. Literal text from the dev sets' fit halves."""

from __future__ import annotations

import pytest

from bot.summarize.extractive import quote_pieces


# CNN/DM fit half: the Daily Mail quotes with single marks, and a quotation running on past
# its first sentence is cut open by the splitter.
@pytest.mark.parametrize("span", [
    "In one extract read on tonight's show, Frederick writes: 'You are the most wonderful, "
    "marvellous, precious, beloved, lovable, adoring, adorable, charming, divine and loving "
    "sweetheart wife that has ever lived.",
    "The couple who married in summer of 2011 told Closer magazine: 'We can’t wait to have a "
    "New Year baby.",
    "Lindsay Pennell, prosecuting, said: ‘Craig Eccleston-Todd’s driving resulted in the tragic "
    "death of a young woman, Rachel Titley, a death that could have been avoided.",
])
def test_a_single_quoted_quotation_left_open_is_no_point(span: str) -> None:
    assert quote_pieces([span], "en") == {0}


@pytest.mark.parametrize("span", [
    "He called the plan 'a disgrace' and said the players' wages were far too high.",
    "Boies called the hacks ‘a state sponsored criminal attack’ on the company.",
    # wire dev: an elision is no quotation mark, and single marks inside a double quotation
    # are the double quotation's.
    "\"I hadn't heard a lot of negative things about them raising family,\" Sarino says, "
    "\"which makes me think, let 'em have kids.\"",
    "“She was the first courageous person who stood up in public and went to authorities and "
    "said, ‘Bill Cosby drugged and raped me.’”",
    "Critics say they would let 'em go free after a year in the scheme.",
])
def test_a_closed_single_quotation_or_an_apostrophe_stays_prose(span: str) -> None:
    assert not quote_pieces([span], "en")

"""English selection and segment patterns searched only where their match could be (issue 26,
summarizer speed): a subhead's closing mark read from the sentence's end, the pointer pattern's
parts each behind the words it needs, a closing "… is that." only near the end. Each finds what
the one search it replaced found, on tricky and on random text."""

from __future__ import annotations

import random
import re

from bot.summarize.lang.en import select as en_select
from bot.summarize.lang.en.segment import subhead
from bot.summarize.lang.en.select import pointer

TERMINATED_PATTERN = re.compile(r"[.!?…][\"'”’)\]]*$")
TERMINAL_PIECES = ["word", " ", ".", "!", "?", "…", '"', "'", "”", "’", ")", "]", "(", "\n", ":",
                   "“", "a.b"]


def test_terminated_is_what_the_end_pattern_searched() -> None:
    rng = random.Random(43)
    tricky = ["", ".", "\n", ".\n", ".\n\n", "Done.", 'Done."', "Done.”)", "Done.) x", "Done\n",
              "Done!’]\n", "Done.)\n)", "Why?", "Wait…", "(see above)", "“Quote”"]
    texts = tricky + ["".join(rng.choice(TERMINAL_PIECES) for _ in range(rng.randint(0, 8)))
                      for _ in range(5000)]
    for text in texts:
        assert subhead.terminated(text) == (TERMINATED_PATTERN.search(text) is not None), text


POINTER_PIECES = ["the", "table", "tables", "below", "above", "here", "earlier", "earlıer",
                  "EARLİER", "before", "following", "FOLLOWING", "as", "aſ", "you can", "see",
                  "seen", "noted", "mentioned", "linked to", "listed", "shown", "up", "down",
                  "just", "somewhere", "day", "Monday", "this year", "-average", "on", "foo",
                  "2", ":", ",", ".", ")", " –", "\n", "Items", "As", "Here", "photo", "quoted"]


# The one alternation the parts were searched as, built from them.
POINTER_ALTERNATION = re.compile(
    "|".join(part.pattern for part in (pointer.PLACE, pointer.AS_SHOWN, pointer.TOLD_HERE,
                                       pointer.FOLLOWING)), re.IGNORECASE)


def _pointer_by_alternation(sentence: str) -> bool:
    low = sentence.lower()
    return any(h in low for h in pointer.POINTER_HINTS) and \
        POINTER_ALTERNATION.search(sentence) is not None


def test_pointer_parts_find_what_the_alternation_found() -> None:
    rng = random.Random(26)
    tricky = ["See the table below.", "As shown here, it works.", "We noted earlier this month",
              "I mentioned earlier on.", "I mentioned earlıer on.", "aſ ſeen above",
              "the following day", "the following list", "the following domains: a.net",
              "the below-average rains", "the below photo", "items listed below in the sale",
              "as outlined earlier this year", "as outlined earlier.", "AS SEEN HERE", ""]
    texts = tricky + [" ".join(rng.choice(POINTER_PIECES) for _ in range(rng.randint(0, 9)))
                      for _ in range(20000)]
    for text in texts:
        assert pointer.points_elsewhere(text, text.lower()) == _pointer_by_alternation(text), \
            text


PRO_THAT_PIECES = ["that", "That", "THAT", "is", "was", "isn't", "it's", "we’re", "not",
                   "no longer", "for", "to", "with", "for now", "at least", "all", "three",
                   "x-ray", "bob's", ".", "?", "!", "…", '"', "’", "\n", ",", "the", "thing"]


def test_pro_that_searched_only_near_the_end_finds_what_it_found() -> None:
    rng = random.Random(2626)
    tricky = ["That is that.", "It is not that.", "That's that for now.",
              "It is that for all three.", "It is that for all three of them.",
              "is that for that that.", "It wasn't that.\n", "It is that with x y z.",
              "It is that with w x y z.", ""]
    def words(most: int) -> str:
        return " ".join(rng.choice(PRO_THAT_PIECES) for _ in range(rng.randint(0, most)))

    # Random words, or random words around a clause near the pattern's ("… is not that for
    # all three."), with a tail of up to five words that may put it out of reach.
    texts = tricky + [words(12) for _ in range(10000)] + [
        words(6) + " " + rng.choice(["is", "was", "it's", "isn't", "wo" + "n't be"])
        + rng.choice(["", " not", " no longer"]) + rng.choice([" that", " That", "that"])
        + rng.choice(["", " " + words(5), " for all", " for all three of", " to x y z",
                      " for now"])
        + rng.choice([".", "?", '."', "", ".\n"]) for _ in range(10000)]
    found = 0
    for text in texts:
        low = text.lower()
        before = " that" in low and en_select.PRO_THAT.search(text) is not None
        found += before
        assert (" that" in low and en_select._that_near_end(text)
                and en_select.PRO_THAT.search(text) is not None) == before, text
    assert found > 1000

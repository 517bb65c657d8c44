"""An English range with no verb of its own ("Anywhere from … to …"): what a post's list of
examples leaves when a line break cut it off the sentence that carries it (issue 28, rf32)."""

from __future__ import annotations

import re

from bot.summarize.lang.en.segment.verbs import NOUN_LEADS, STRIP, verb_at

RANGE_OPENING = re.compile(r"(?:Anywhere|Everything|Anything|Everywhere) from ")
# A range's tail is read at most this many words: a longer run is no line of a list, and an
# unpunctuated blob of " to "s must not cost a scan per " to ".
RANGE_WORDS = 40
# A count's end ("to 20 people", "to 20 million people") names its noun; a lower-case word after
# that noun is the sentence's verb in the present plural, which no suffix shows ("Anywhere from
# 10 to 20 people die each year."; whole-stop review 47, finding 4). Not a word that opens a
# noun phrase or a preposition ("to 20 people of …"), nor an "-ing" word.
COUNT = re.compile(r"[\d.,%$£€]*\d[\d.,%]*")
COUNT_WORDS = frozenset("hundred thousand million billion trillion per cent percent".split())


def range_fragment(sentence: str) -> bool:
    """Whether ``sentence`` is a range with no verb after its first " to ": "Anywhere from just
    checking if a container is running to the simplest of installing bitwarden via Powershell
    script." (rf32, point 2; the verb inside the range's start is the example's, not the
    sentence's). A verb anywhere after it makes a sentence ("Anywhere from 10 to 20 people fell
    ill.", "Anywhere from 5 to 10 firms quit, according to the union."); when ``verb_at`` is
    unsure it is a verb, and then the span is no fragment."""
    if RANGE_OPENING.match(sentence) is None or "?" in sentence:
        return False
    _, to, tail = sentence.partition(" to ")
    words = tail.split(None, RANGE_WORDS)
    if not to or len(words) > RANGE_WORDS:
        return False
    return not any(verb_at(words, i) for i in range(len(words))) and not _verb_after_count(words)


def _verb_after_count(words: list[str]) -> bool:
    """Whether a count opens the range's tail and a lower-case word may be a verb after its noun
    (``COUNT``): "20 people lose their jobs"."""
    if not words or COUNT.fullmatch(words[0]) is None:
        return False
    i = 1
    while i < len(words) and words[i].lower() in COUNT_WORDS:
        i += 1
    if i + 1 >= len(words) or words[i][-1:] in ",;:.!?":
        return False
    word = words[i + 1].strip(STRIP)
    return word.isalpha() and word.islower() and word not in NOUN_LEADS \
        and not word.endswith("ing")

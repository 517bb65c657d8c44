"""An English range with no verb of its own ("Anywhere from … to …"): what a post's list of
examples leaves when a line break cut it off the sentence that carries it (issue 28, rf32)."""

from __future__ import annotations

import re

from bot.summarize.lang.en.segment.verbs import verb_at

RANGE_OPENING = re.compile(r"(?:Anywhere|Everything|Anything|Everywhere) from ")
# A range's tail is read at most this many words: a longer run is no line of a list, and an
# unpunctuated blob of " to "s must not cost a scan per " to ".
RANGE_WORDS = 40


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
    return not any(verb_at(words, i) for i in range(len(words)))

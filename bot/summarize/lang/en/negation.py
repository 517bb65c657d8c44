"""English negation rules: the cues and how far a negation's scope runs (see
``bot.summarize.negation``)."""

from __future__ import annotations

import re

from bot.summarize.lang import Words

CUE = re.compile(
    r"\b(?:not|no|never|none|neither|nor|without|cannot|nobody|nothing|unable)\b|"
    r"\b\w+n['’]t\b", re.I)
# "not only" adds, it does not negate
NOT_ONLY = re.compile(r"\bnot only\b", re.I)
SCOPE = 3  # content words after a cue
# A word a point states, hyphenated words whole: "six-way" does not state "way".
WORD = re.compile(r"[a-z0-9']+(?:-[a-z0-9']+)*")


def _stem(word: str, words: Words) -> str:
    found = words.content(word, "en")
    return found[0] if found else word


def scopes(text: str, words: Words) -> list[list[str]]:
    """The scope words of each negation in an English ``text`` (with "not only" already taken
    out): the first content words after the cue."""
    out: list[list[str]] = []
    for m in CUE.finditer(text):
        after = words.content(text[m.end():m.end() + 80], "en")[:SCOPE]
        if after:
            out.append(after)
    return out


def stated(point: str, words: Words) -> set[str]:
    """The stems an English ``point`` states; hyphenated words stay whole: "six-way" does not
    state "way"."""
    return {_stem(w, words) for w in WORD.findall(point.lower())}

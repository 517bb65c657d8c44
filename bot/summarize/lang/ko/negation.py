"""Korean negation rules: the cues, how far a negation's scope runs and the endings taken off a
word in it (see ``bot.summarize.negation``)."""

from __future__ import annotations

import re

from bot.summarize.lang import Words

CUE = re.compile(r"않|못|없|아니|(?<![가-힣])안(?=\s)|불가")
# "뿐만 아니라" (not only) adds, it does not negate
NOT_ONLY = re.compile(r"뿐\s?(?:만\s?)?아니라")
SCOPE = 2  # spaced words before (and including) a cue
# What is left of a word once its particle is gone: a scope word is its stem's first two
# syllables, without these verb endings ("받지 않는다": 받).
NOT_HANGUL = re.compile(r"[^가-힣A-Za-z0-9]")
VERB_ENDING = re.compile(r"(?:하지|되지|지|게|고|도|하|되)$")


def _stem(word: str, words: Words) -> str:
    word = NOT_HANGUL.sub("", word)
    word = VERB_ENDING.sub("", words.strip_particle(word))
    return word[:2]


def scopes(text: str, words: Words) -> list[list[str]]:
    """The scope stems of each negation in a Korean ``text`` (with "뿐만 아니라" already taken
    out): the stems before the cue, since Korean negates after the verb."""
    out: list[list[str]] = []
    spaced = text.split()
    for i, word in enumerate(spaced):
        m = CUE.search(word)
        if not m:
            continue
        before = [word[:m.start()], *reversed(spaced[max(0, i - SCOPE):i])]
        keys = [k for k in (_stem(w, words) for w in before) if k]
        if keys:
            out.append(keys)
    return out


def stated(point: str, words: Words) -> set[str]:
    """The stems a Korean ``point`` states, of two syllables or more."""
    return {k for k in (_stem(w, words) for w in point.split()) if len(k) >= 2}

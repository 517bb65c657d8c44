"""Korean negation rules: the cues, how far a negation's scope runs and the endings taken off a
word in it (see ``bot.summarize.negation``)."""

from __future__ import annotations

import re

CUE = re.compile(r"않|못|없|아니|(?<![가-힣])안(?=\s)|불가")
# "뿐만 아니라" (not only) adds, it does not negate
NOT_ONLY = re.compile(r"뿐\s?(?:만\s?)?아니라")
SCOPE = 2  # spaced words before (and including) a cue
# What is left of a word once its particle is gone: a scope word is its stem's first two
# syllables, without these verb endings ("받지 않는다": 받).
NOT_HANGUL = re.compile(r"[^가-힣A-Za-z0-9]")
VERB_ENDING = re.compile(r"(?:하지|되지|지|게|고|도|하|되)$")

"""English negation rules: the cues and how far a negation's scope runs (see
``bot.summarize.negation``)."""

from __future__ import annotations

import re

CUE = re.compile(
    r"\b(?:not|no|never|none|neither|nor|without|cannot|nobody|nothing|unable)\b|"
    r"\b\w+n['’]t\b", re.I)
# "not only" adds, it does not negate
NOT_ONLY = re.compile(r"\bnot only\b", re.I)
SCOPE = 3  # content words after a cue
# A word a point states, hyphenated words whole: "six-way" does not state "way".
WORD = re.compile(r"[a-z0-9']+(?:-[a-z0-9']+)*")

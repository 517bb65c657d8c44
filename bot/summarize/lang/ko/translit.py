"""Hangul's consonants as the classes of a name's skeleton (see ``bot.summarize.translit``)."""

from __future__ import annotations

# Hangul syllable = 0xAC00 + (initial * 21 + medial) * 28 + final.
INITIAL = ["k", "k", "n", "t", "t", "l", "m", "p", "p", "s", "s", "", "j", "j", "j", "k", "t",
           "p", "h"]
FINAL = ["", "k", "k", "k", "n", "nj", "nh", "t", "l", "lk", "lm", "lp", "ls", "lt", "lp", "lh",
         "m", "p", "ps", "s", "s", "ng", "j", "j", "k", "t", "p", "h"]

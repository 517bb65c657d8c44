"""Latin spellings as the consonant classes of a name's skeleton (see
``bot.summarize.translit``)."""

from __future__ import annotations

# Latin spellings to the same classes, longest first; vowels, w, y and silent h drop out.
LATIN = [("sch", "s"), ("tch", "j"), ("ch", "j"), ("sh", "s"), ("th", "s"), ("ph", "p"),
         ("ck", "k"), ("ng", "ng"), ("gh", ""), ("qu", "k"), ("x", "ks"), ("c", "k"),
         ("q", "k"), ("g", "k"), ("d", "t"), ("b", "p"), ("f", "p"), ("v", "p"), ("r", "l"),
         ("z", "j")]

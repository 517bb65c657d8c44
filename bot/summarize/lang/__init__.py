"""Per-language summarizer rules as data: a package per language, a module per concern."""

from __future__ import annotations

from collections.abc import Callable

# Word-level caches (a word to its stem, noun or term) hold at most this many words each: a
# long-running bot sees ever more distinct words, and 16,384 words cover the common ones (the
# rest cost a recomputation, microseconds). A full cache of 65,536 words held ~13 MB: five of
# them and the term cache at twice that came to ~80 MB in a bot that reads Korean and English.
WORD_CACHE_SIZE = 16384

# What Kiwi (bot.summarize.korean) makes of a text: (form, tag, start, end) per morpheme. A
# language's rules are given the analyser rather than importing it: they sit below it.
Morph = tuple[str, str, int, int]
Analyser = Callable[[str], tuple[Morph, ...]]

# Closing quotes and brackets that may follow a sentence's terminal mark, in any language.
CLOSERS = "\"'”’)]»」』"

"""Identifiers from code inside a run of capitalised words: a tag is one identifier, never
two written side by side ("NSDateFormatter NSNumberFormatter")."""

from __future__ import annotations

from collections.abc import Iterator

from bot.summarize.lang.en import tags as rules


def split_runs(runs: list[list[str]]) -> Iterator[list[str]]:
    """Each run, split between identifiers from code written side by side or joined by a
    dash ("NSDateFormatter NSNumberFormatter", "NSDateFormatter-NSNumberFormatter")."""
    for run in runs:
        if len(run) == 1 and "-" not in run[0]:
            yield run  # most runs: one word with no dash, nothing to split
            continue
        # A code word has a capital after a lower-case letter: a run with none after each
        # word's first letter ("Barack Obama", "Hewlett-packard") has none to split at.
        if all(w[1:].islower() for w in run):
            yield run
            continue
        words = [p for w in run for p in _parts(w)]
        code = [rules.CODE_WORD.search(w) is not None for w in words]  # once a word
        start = 0
        for i in range(1, len(words)):
            if code[i - 1] and code[i]:
                yield words[start:i]
                start = i
        yield words[start:]


def _parts(word: str) -> list[str]:
    parts = word.split("-")
    if len(parts) > 1 and all(rules.CODE_WORD.search(p) for p in parts):
        return parts
    return [word]

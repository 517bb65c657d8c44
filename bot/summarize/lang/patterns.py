"""Which of several kinds of span a text is, by the first of an ordered list of anchored
patterns that matches it, at the cost of one match: the patterns joined in one alternation, and
of that only the patterns that can match the text.

Many span patterns can only match where a mark is written (a caption's label needs its ":", an
aside its "(", clickbait its "?"), and most prose holds none of the marks: trying those
patterns on it is wasted work (English ``not_prose`` spent half of its one match on them). The
marks a pattern needs are read from the pattern itself, so a pattern added later is filtered
right without anyone listing it."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType, ModuleType
from typing import Any


def _private(name: str) -> ModuleType | None:
    """A private module of CPython's re, or None where this Python's re has none."""
    try:
        return importlib.import_module(name)
    except ImportError:  # another Python's re
        return None


# The parsed form of a pattern, read to find the marks it needs, is CPython's private parser
# (Python 3.11-3.13). Where it is missing or reads otherwise, every pattern needs no mark: each
# text is tried against all of them, slower and the same kinds.
sre = _private("re._constants")
sre_parse = _private("re._parser")

# Marks a span pattern may need; a text is matched against the patterns whose needed marks it
# holds. Each is one ``in`` test per text, so only marks that are rare in prose and needed by
# costly patterns are worth one.
MARKS = (":", "(", "?")


def _needs(items: Any, code: int) -> bool:
    """Whether every match of the parsed pattern ``items`` holds the character ``code``. Sound,
    not complete: True only where the character is certain (a literal outside any option or
    lookaround, in every branch of an alternation); a class such as ``[:;]`` counts as not."""
    if sre is None:
        return False
    for op, av in items:
        if op is sre.LITERAL and av == code:
            return True
        if op is sre.SUBPATTERN and _needs(av[3], code):
            return True
        if op is sre.ATOMIC_GROUP and _needs(av, code):
            return True
        if op is sre.BRANCH and all(_needs(branch, code) for branch in av[1]):
            return True
        if (op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1
                and _needs(av[2], code)):
            return True
    return False


def needed_marks(pattern: re.Pattern[str]) -> frozenset[str]:
    """The MARKS every match of ``pattern`` holds; none where the parser is not CPython's."""
    if sre_parse is None:
        return frozenset()
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        return frozenset(m for m in MARKS if _needs(parsed, ord(m)))
    except (AttributeError, TypeError, ValueError, IndexError):
        return frozenset()  # a private parser whose form changed: try the pattern on every text


class FirstKind:
    """The kind of the first of ``patterns`` ((kind, anchored pattern), in order) that matches a
    text, else None: what ``re.match`` of all of them in one alternation gives, the first
    alternative that matches winning. A text holding none of a pattern's needed marks is not
    tried against it, nor one its guard (``guards``: a cheap test every text the pattern
    matches passes, for what the marks cannot tell) turns away; the rest keep their order, so
    the first to match is the same."""

    def __init__(
        self,
        patterns: Sequence[tuple[str, re.Pattern[str]]],
        guards: Mapping[re.Pattern[str], Callable[[str], bool]] | None = None,
    ) -> None:
        self._patterns = list(patterns)
        if any(p.flags & ~re.UNICODE for _, p in self._patterns):
            raise ValueError("FirstKind joins patterns: give flags inline, as (?i:…)")
        self._needs = [needed_marks(p) for _, p in self._patterns]
        # Each guarded pattern's bit, after the MARKS bits: set where its guard lets it be tried.
        guards = guards or {}
        self._guards_of = MappingProxyType(dict(guards))
        self._guard_bits = {i: 1 << (len(MARKS) + j) for j, i in enumerate(
            i for i, (_, p) in enumerate(self._patterns) if p in guards)}
        self._guards = [(bit, guards[self._patterns[i][1]])
                        for i, bit in self._guard_bits.items()]
        # By the marks a text holds (a bit per MARKS entry), the alternation of the patterns
        # it may match; compiled when first needed (start-up pays for none of them).
        self._alternations: dict[int, re.Pattern[str] | None] = {}
        self._kinds = {f"k{i}": kind for i, (kind, _) in enumerate(self._patterns)}

    @property
    def guards(self) -> Mapping[re.Pattern[str], Callable[[str], bool]]:
        """The pattern -> guard table as given, read-only: what a check of the guards reads."""
        return self._guards_of

    def _alternation(self, held: int) -> re.Pattern[str] | None:
        marks = {m for bit, m in enumerate(MARKS) if held >> bit & 1}
        parts = [f"(?P<k{i}>{p.pattern})" for i, (_, p) in enumerate(self._patterns)
                 if self._needs[i] <= marks
                 and (i not in self._guard_bits or held & self._guard_bits[i])]
        # Flags stay the patterns' own inline ones ("(?i:…)"): a pattern compiled with flags
        # of its own cannot share one alternation.
        joined = re.compile("|".join(parts)) if parts else None
        self._alternations[held] = joined
        return joined

    def __call__(self, text: str) -> str | None:
        # One bit per MARKS entry, spelled out: this runs on every sentence.
        held = (":" in text) | ("(" in text) << 1 | ("?" in text) << 2
        for bit, guard in self._guards:
            if guard(text):
                held |= bit
        try:
            pattern = self._alternations[held]
        except KeyError:
            pattern = self._alternation(held)
        if pattern is None:
            return None
        m = pattern.match(text)
        return None if m is None else self._kinds[m.lastgroup or ""]

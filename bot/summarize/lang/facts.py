"""The checkable facts of a text, as every language's reading fills them (see
``bot.summarize.facts``): the shape is language-neutral, the rules are per language in
``bot.summarize.lang.<code>.facts``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from bot.summarize.lang import Analyser


@dataclass(slots=True)
class Facts:
    """What a text asserts that can be checked word for word."""

    numbers: set[float] = field(default_factory=set)  # every value a figure can be read as
    # each figure as written, with the values it can be read as
    required: list[tuple[str, frozenset[float]]] = field(default_factory=list)
    currencies: set[str] = field(default_factory=set)
    months: set[int] = field(default_factory=set)
    weekdays: set[int] = field(default_factory=set)
    quotes: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # Latin names and Korean proper nouns
    negated: bool = False
    modal: bool = False


def num(raw: str) -> float:
    return float(raw.replace(",", ""))


def add(facts: Facts, written: str, values: set[float]) -> None:
    facts.numbers |= values
    facts.required.append((written, frozenset(values)))


class Rules(Protocol):
    """What a language's ``facts`` module offers the checker."""

    def read(self, text: str, facts: Facts, not_only: re.Pattern[str], common: frozenset[str],
             heading: bool, analyser: Analyser) -> None:
        """Fill ``facts`` with what ``text`` asserts (all but its quotes)."""

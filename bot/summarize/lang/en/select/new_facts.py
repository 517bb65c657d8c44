"""The facts an English sentence tells that let it be a point beside chosen ones that share
its words (``restates``, bot.summarize.scoring): its standalone figures and its names.

A figure is an amount, a share, a year or a count ("£4m", "1.8%", "in 2013", "120 shops"),
not a digit inside a name ("Q4", "UTF-8", "COVID-19", "0x7A") nor the number of a named thing
("iOS 11", "Properties 2, 3, and 4"): those tell no new fact. A name is a run of capitalised
words past the sentence's first ("Andrea Jenkins", "Minneapolis City Council"), written as its
words joined by spaces (the sentence's first word among them when the story never writes it in
lower case: "Congress created …", not "Clearance rates …"): it is new when none of its words is
known (issue 28: "a new figure or
named entity"; a blog post's follow-up that names the winner, "Andrea Jenkins …", tells news
its lede does not, while "New York City" after "New York" and "Republican President Donald
Trump" after "President Donald Trump" tell no new name)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import chain

# A number standing alone: not glued to a letter, hyphen, dot or slash on either side, save a
# unit written on it ("4m", "1990s", "5th") or a share or currency sign.
_FIGURE = re.compile(
    r"(?<![\w.\-/])\d(?:[\d,.]*\d)?(?:%|(?:m|bn|k|s|st|nd|rd|th)\b)?(?![\w\-/])")
# What makes the number before it the number of a named thing: a capitalised or mixed-case
# word right before it ("iOS 11", "Windows 10", "Property 2").
_NAMED = re.compile(r"[A-Za-z]*[A-Z][\w'’]*[ \u00a0]$")
# Still a label: the next number of a list after one ("Properties 2, 3, and 4").
_LIST = re.compile(r"^(?:,|,? and|,? or|-|–| to)? ?$")
# Words that may stand capitalised before a figure and are no name (a month, a sentence's
# first word: "In 2013 …", "On 2 May …").
_NOT_NAMES = frozenset(
    """In On By At Since From Until To Of For About Over Under Nearly Almost Some Only Just
    Up Down Around Roughly More Fewer Less Than And But Or The A An Its Their His Her Our
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday Today Yesterday""".split())
# A run of capitalised words; of its words only those of three letters or more that are no
# title count ("Mr", "U.S." and "Sen." name no one by themselves).
_NAME_RUN = re.compile(r"(?<=\s)[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*")
_FIRST_RUN = re.compile(r"^[\"“‘']?([A-Z][\w'’.-]*)")
_NAME_WORD = re.compile(r"[A-Z][a-z]{2,}")
_WORD = re.compile(r"\b[a-z]{3,}\b")
_TITLES = frozenset(
    """President Vice Governor Senator Minister Prime Chief Private Officer General Secretary
    Judge Justice Director Professor Doctor Mayor Rep Sen Gov""".split())


def figures(sentence: str) -> frozenset[str]:
    """The standalone figures ``sentence`` tells, as written without thousands commas
    ("1,300" = "1300") or a closing stop ("in 2013.")."""
    out: set[str] = set()
    label_end = -1  # where the last number of a named thing ended: a list may go on from it
    for m in _FIGURE.finditer(sentence):
        before = sentence[:m.start()]
        named = _NAMED.search(before)
        if (named and named.group().strip() not in _NOT_NAMES) or (
                label_end >= 0 and _LIST.match(sentence[label_end:m.start()])):
            label_end = m.end()
            continue
        label_end = -1
        out.add(m.group().replace(",", "").rstrip("."))
    return frozenset(out)


def _counting(run: str) -> list[str]:
    return [w for w in _NAME_WORD.findall(run) if w not in _NOT_NAMES and w not in _TITLES]


def names(sentence: str, lower: Callable[[], frozenset[str]] | None = None) -> list[str]:
    """The names ``sentence`` tells, each its counting words joined by a space ("Andrea
    Jenkins"); its first word only where ``lower`` (the story's words written in lower case,
    asked only then) lacks it."""
    out = [" ".join(words) for words in map(_counting, _NAME_RUN.findall(sentence)) if words]
    first = _FIRST_RUN.match(sentence) if lower is not None else None
    if first is not None and lower is not None:
        opener = _counting(first.group(1).split(" ")[0])
        # The opener is a name unless the story writes it in lower case too ("Clearance").
        if len(opener) == 1 and opener[0].lower() not in lower():
            out.append(opener[0])
    return out


def reader(sentences: list[str]) -> Callable[[str], frozenset[str]]:
    """The standalone figures and the names a sentence of the story (``sentences``) tells
    (bot.summarize.scoring reads a fact with a space as a name, new when none of its words is
    known)."""
    @cache
    def lower() -> frozenset[str]:
        return frozenset(chain.from_iterable(_WORD.findall(s) for s in sentences))

    return lambda sentence: figures(sentence) | frozenset(names(sentence, lower))


def facts(sentence: str) -> frozenset[str]:
    """The standalone figures and the names past its first word ``sentence`` tells."""
    return figures(sentence) | frozenset(names(sentence))

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
# (The space before a run is matched, not looked behind at: a pattern that opens with a plain
# class lets the regex engine skip to the spaces; the run itself is the group.)
_NAME_RUN = re.compile(r"\s([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*)")
# Any digit: a sentence without one tells no figure, and ``_FIGURE``'s opening lookbehind
# would try every character to learn it.
_DIGIT = re.compile(r"\d")
_FIRST_RUN = re.compile(r"^[\"“‘']?([A-Z][\w'’.-]*)")
_NAME_WORD = re.compile(r"[A-Z][a-z]{2,}")
_TITLES = frozenset(
    """President Vice Governor Senator Minister Prime Chief Private Officer General Secretary
    Judge Justice Director Professor Doctor Mayor Rep Sen Gov""".split())


def _named_before(sentence: str, end: int) -> re.Match[str] | None:
    """``_NAMED`` searched in ``sentence[:end]`` from the word before its closing space only:
    no match can start before that word (the pattern is word characters up to the space), and
    a search from the sentence's start would pass over all of it for every figure."""
    if end == 0 or sentence[end - 1] not in " \u00a0":
        return None
    start = end - 1
    while start > 0 and (_word_char(sentence[start - 1]) or sentence[start - 1] in "'’"):
        start -= 1
    return _NAMED.search(sentence, start, end)


def _word_char(c: str) -> bool:
    """Whether ``c`` is a word character as the regex's ``\\w`` reads one."""
    return c.isalnum() or c == "_"


def figures(sentence: str) -> frozenset[str]:
    """The standalone figures ``sentence`` tells, as written without thousands commas
    ("1,300" = "1300") or a closing stop ("in 2013.")."""
    if _DIGIT.search(sentence) is None:
        return frozenset()
    out: set[str] = set()
    label_end = -1  # where the last number of a named thing ended: a list may go on from it
    for m in _FIGURE.finditer(sentence):
        named = _named_before(sentence, m.start())
        if (named and named.group().strip() not in _NOT_NAMES) or (
                label_end >= 0 and _LIST.match(sentence[label_end:m.start()])):
            label_end = m.end()
            continue
        label_end = -1
        out.add(m.group().replace(",", "").rstrip("."))
    return frozenset(out)


def _counting(run: str) -> list[str]:
    return [w for w in _NAME_WORD.findall(run) if w not in _NOT_NAMES and w not in _TITLES]


def names(sentence: str, written_lower: Callable[[str], bool]) -> list[str]:
    """The names ``sentence`` tells, each its counting words joined by a space ("Andrea
    Jenkins"); its first word only where ``written_lower`` (whether the story writes a word,
    given in lower case, as a word of its own) says no."""
    out = [" ".join(words) for words in map(_counting, _NAME_RUN.findall(sentence)) if words]
    first = _FIRST_RUN.match(sentence)
    if first is not None:
        opener = _counting(first.group(1).split(" ")[0])
        # The opener is a name unless the story writes it in lower case too ("Clearance").
        if len(opener) == 1 and not written_lower(opener[0].lower()):
            out.append(opener[0])
    return out


def reader(sentences: list[str]) -> Callable[[str], frozenset[str]]:
    """The standalone figures and the names a sentence of the story (``sentences``) tells
    (bot.summarize.scoring reads a fact with a space as a name, new when none of its words is
    known)."""
    @cache
    def story() -> str:
        return "\n".join(sentences)  # a line break parts words as a sentence's end does

    @cache
    def written_lower(word: str) -> bool:
        # Only an opener ("Clearance rates …") asks, a few a story: finding that word is
        # cheaper than the set of all the story's lower-case words. ``word`` is [a-z]{3,};
        # it counts only whole, in lower case ("clearance", not "clearances" nor
        # "Clearance"): a word character (str.isalnum() or "_", the regex's \w) on neither
        # side. (A regex ``\bword\b`` cannot skip ahead to the word: it tries every
        # character of the story.)
        text = story()
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if not (at and _word_char(text[at - 1])) and not (
                    end < len(text) and _word_char(text[end])):
                return True
            at = text.find(word, at + 1)
        return False

    return lambda sentence: figures(sentence) | frozenset(names(sentence, written_lower))

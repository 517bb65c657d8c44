"""Whether an English headline names the person a story's bare surname stands for
(``bare_surname`` spares a sentence whose person the headline, shown above the brief, names)."""

from __future__ import annotations

import re

# Words after a surname in a headline that make it a place or a day, no person ("Marlow
# Street", "Black Friday"), and words before it that join names or clauses, not a first name
# ("Trump And Clinton").
NOT_PERSON_AFTER = frozenset(
    "street st road rd avenue ave lane drive square park bridge hall house county city "
    "friday monday tuesday wednesday thursday saturday sunday day".split())
JOINS_NAMES = frozenset("and or vs vs. &".split())
# Words before a surname in a headline that make it a date or a place ("Falls In May").
PLACES_IT = frozenset("in on at since until from of".split())
# Titles the story may write before a surname: no first name ("Mr Gates").
HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady".split())


def headline_names(title: str, name: str, candidates: list[str]) -> bool:
    """Whether ``title`` names the person ``name`` is the surname of, compared case-blind:
    by a full name the story gives ("Sharon Tate"), or by the surname alone, with no word
    of a date or place before it ("In May"), no first name other than the story's before
    it ("Jeb Bush" when the story's is George W.; "Bill Gates" where the story says only
    "Mr Gates" stands), and no place or day word after it ("Marlow Street", "Black
    Friday"). Never when the story gives two first names for it."""
    words = re.findall(r"[\w.&'’-]+|[^\w\s]", title.lower())
    low = name.lower()
    firsts = {f.lower() for c in candidates for f in first_names(c, name)} - HONORIFICS
    if len(firsts) > 1:
        return False  # two people of that name (Jeb and George W. Bush): which one?
    for at, word in enumerate(words):
        if word.removesuffix("'s").removesuffix("’s") != low:
            continue
        before = words[at - 1] if at else ""
        after = words[at + 1] if at + 1 < len(words) else ""
        if before in firsts:
            return True
        if after in NOT_PERSON_AFTER or before in PLACES_IT:
            continue
        if not before or not before[0].isalpha() or before in JOINS_NAMES or not firsts:
            return True
    return False


def first_names(text: str, name: str) -> list[str]:
    """The capitalised words ``text`` writes right before ``name``, past a middle initial
    ("Sharon" in "Sharon Tate", "George" in "George W. Bush")."""
    return re.findall(rf"\b([A-Z][a-z]+) (?:[A-Z]\. )?{re.escape(name)}\b", text)

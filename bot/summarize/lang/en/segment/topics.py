"""The lines an English item with no candidate at all still gives as points (issue 28, feeds):
a brief with no points reads as broken, and readers preferred an episode's own topic lines
("Holiday gift ideas") to a bare tag. A last resort only: the normal selection found nothing.

Two kinds of item reach it. A show's notes (a list of topic lines and their link lines under
"Follow-up:", "#askatp", "Sponsored by:"): up to three of its topic lines, the ones that say
most, in their order. A one-line item ("AProf Richard Harvey: CRS", all the feed gives): the
line itself. Never a head, a sponsor read, a link credit ("Gruber's take"), another show's
episode ("ATP #96: …"), a byline or a reddit footer ("submitted by /u/x", "[link]
[comments]"): those say nothing even alone. Each line is returned whole, so a point stays
verbatim."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.summarize.lang.en.segment import SPONSOR_HEAD, _head, _with_colon, show_notes

# Kinds (segment.not_prose) a topic line of a show's notes may have: prose, a fragment, a note.
# A caption-like "Louis CK: Everything is Amazing" is a link title there.
SHOW_LINE_KINDS = frozenset({None, "fragment", "note", "boilerplate"})
# The kinds a one-line item's line may also have: "AProf Richard Harvey: CRS" reads as a
# caption, but it is all the item says. A credit, a byline, a link, a promotion or an update
# note ("[Update: The Atom draft is finished.]": a note on a page the item does not show)
# never is.
ONE_LINE_KINDS = SHOW_LINE_KINDS | {"caption"}
# Fewer words than this is a link title or a test feed's filler ("Some text.", "iMac Pro").
MIN_WORDS = 3
# A line opening with a segment's name and a colon ("Pre-show Neutral: Casey has car
# problems", "Follow up: Magic Keyboard …"): the label would be read as part of the point, and
# the opening segments are the episode's small talk.
SEGMENT_LABEL = re.compile(
    r"^(?i:(?:pre|post|after)[- ]?show|follow[- ]?ups?)\b[^:]{0,30}:")
# The heads whose lines are small talk or sponsor reads, up to the next head.
SMALL_TALK_HEAD = re.compile(r"^(?i:(?:pre|post|after)[- ]?show)\b[^:]{0,30}:$")
# Another show's episode ("ATP #96: The Windows of Siracusa County", "Upgrade #168: …"): a link.
EPISODE_LINK = re.compile(r"#\d+\b")
# A link credited to its author ("Gruber's take", "Michael Tsai's summary", "Casey's blog
# post"): it points at a page the brief does not show.
LINK_CREDIT = re.compile(
    r"^[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3}['’]s? (?:\w+ )?(?:review|tweet|take|comment|summary|"
    r"post|article|video|writeup|write-up|thread|picture|image|reply|response|thoughts)s?$")
# The show's own credits ("Ending theme by Jonathan Mann"): true of every episode.
SHOW_CREDIT = re.compile(r"^(?i:(?:ending |opening |closing )?theme (?:music |song )?by)\b")
# The most topic lines a show's notes give.
TOPIC_POINTS = 3


def _words(line: str) -> int:
    return sum(1 for w in line.split() if any(map(str.isalpha, w)))


def _lower_words(line: str) -> int:
    """The words not capitalised: a topic line says something in them ("Debate over the
    prevalence of the stage lighting problem"); a link to a product or a page is mostly
    names ("HP Laserjet Pro M281fdw All in One Wireless Color Laser Printer")."""
    return sum(1 for w in line.split() if w[:1].islower() and any(map(str.isalpha, w)))


def _shouted(line: str) -> bool:
    """A heading in capitals of two words or more ("ATP MERCHANDISE!!"), not a model's name
    ("BMW M1")."""
    return line.isupper() and sum(
        1 for w in line.split() if len(w.strip("!?.:")) >= 3 and w.strip("!?.:").isalpha()) >= 2


def _quiet_lines(lines: list[str], kind_of: Callable[[str], str | None]) -> set[int]:
    """Indexes of the heads and of the lines under a sponsor head, a small-talk head
    ("Pre-show:", "Post-show:") or a heading in capitals ("ATP MERCHANDISE!!": what is on
    sale and until when) up to the next head."""
    out: set[int] = set()
    inside = False
    for i, line in enumerate(lines):
        if kind_of(line) == "heading" or _shouted(line):
            out.add(i)
            inside = True
        elif _head(line):
            out.add(i)
            head = _with_colon(line)
            inside = SPONSOR_HEAD.match(head) is not None \
                or SMALL_TALK_HEAD.match(head) is not None
        elif inside:
            out.add(i)
    return out


def _says_something(line: str, kind: str | None, kinds: frozenset[str | None]) -> bool:
    # A line opening with "..." goes on from the line before it ("...is based on Wordpress");
    # one ending in it is a title cut short ("The new iMac...").
    return kind in kinds and _words(line) >= MIN_WORDS and not line.endswith((":", ";")) \
        and not line.startswith(("...", "…")) and not line.endswith(("...", "…")) \
        and SEGMENT_LABEL.match(line) is None \
        and EPISODE_LINK.search(line) is None and LINK_CREDIT.match(line) is None \
        and SHOW_CREDIT.match(line) is None


def mute_item_lines(lines: list[str], title: str, kind_of: Callable[[str], str | None],
                    leans_back: Callable[[str], bool]) -> list[int]:
    """Indexes of the lines to give as points, in order, when no line is a candidate
    (``kind_of``: the language's ``not_prose`` as the article's kinds read it; ``leans_back``:
    whether a line leans on one the brief does not show, "They're about to sell out!"): the item's
    one line that says something, else up to TOPIC_POINTS topic lines of a show's notes, those
    saying most in words not capitalised (a topic line tells; a link title names a page),
    none the headline again."""
    key = title.strip().lower()
    untitled = [(i, line) for i, line in enumerate(lines) if line.strip().lower() != key]
    fresh = [(i, line) for i, line in untitled if not leans_back(line)]
    if sum(_words(line) > 1 for _, line in untitled) == 1:
        # One line says anything ("Ouch." after a quoted line is a reaction): the item's line.
        return [i for i, line in fresh if _says_something(line, kind_of(line), ONE_LINE_KINDS)]
    if not show_notes(lines):
        return []  # a list, a release's data lines: no topic lines to tell from links
    quiet = _quiet_lines(lines, kind_of)
    topics = [i for i, line in fresh if i not in quiet and _lower_words(line) > 0
              and _says_something(line, kind_of(line), SHOW_LINE_KINDS)]
    # Python's sort is stable: of lines saying as much, the earlier.
    telling = sorted(topics, key=lambda i: -_lower_words(lines[i]))[:TOPIC_POINTS]
    return sorted(telling)

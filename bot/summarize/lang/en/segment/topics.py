"""The lines an English item with no candidate at all still gives as points (issue 28, feeds):
a brief with no points reads as broken, and readers preferred an episode's own topic lines
("Holiday gift ideas") to a bare tag. A last resort only: the normal selection found nothing,
so when in doubt a line gives no point.

Two kinds of item reach it. A show's notes (a list of topic lines and their link lines under
"Follow-up:", "#askatp", "Sponsored by:"): up to three of its topic lines, in their order, its
first line among them when that is no head and names a subject (the episode's). A one-line
item ("AProf Richard Harvey: CRS", all the feed gives): the line itself. Never a head, a line
under a sponsor, credits or small-talk head, a call to action, a price, a link credit
("Gruber's take"), another show's episode ("ATP #96: …"), a byline or a reddit footer
("submitted by /u/x", "[link] [comments]"): those say nothing even alone. Each point is a whole
line of its paragraph (the paragraph's first sentence, never one that goes on from another), so
it stays verbatim and stands alone."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.summarize.lang.en.segment import SPONSOR_HEAD, is_head, show_notes, with_colon

# Kinds (segment.not_prose) a topic line of a show's notes may have: prose, a fragment, a note.
# Not a shard: a line of a word or two ("Some text.", "iMac Pro") is a link title or filler.
# Not boilerplate ("Subscribe to the show in …"): a call to action is true of every episode.
# A caption-like "Louis CK: Everything is Amazing" is a link title there.
SHOW_LINE_KINDS = frozenset({None, "fragment", "note"})
# A speaker and what they say, the one-line item's form ("AProf Richard Harvey: Sinus surgery
# today"): a name of two to four capitalised words, a colon, the words. A one-word label
# ("Source: The Verge", "Photo: …", "Tags: …") or one with a word in lower case ("Filed under:
# …") is the page's furniture.
SPEAKER_LINE = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}: (?P<said>\S.*)$")
# A line opening with a segment's name and a colon ("Pre-show Neutral: Casey has car
# problems", "Follow up: Magic Keyboard …"): the label would be read as part of the point.
SEGMENT_LABEL = re.compile(
    r"^(?i:(?:pre|post|after)[- ]?show|follow[- ]?ups?)\b[^:]{0,30}:")
# A small-talk head, bare ("Post-show:") or labelling its line ("Post-show: Marco's adventures
# on YouTube"): the lines under it, up to the next head, are the episode's small talk.
SMALL_TALK = re.compile(r"^(?i:(?:pre|post|after)[- ]?show)\b[^:]{0,30}:")
# A credits head ("Special thanks to:", "Thanks to:", "Credits:", "Music by:"): the lines under
# it thank or credit someone ("Albert's Westwood Cycle, an excellent bike shop in New Jersey
# that's worth the drive" under an ATP episode's "Special thanks to:", a point of rf407 until
# stop 45's feed-item read called it a plug), true of no topic the episode discusses.
CREDITS_HEAD = re.compile(
    r"^(?i:(?:(?:very |many |special |big )?thanks|(?:special |music |audio )?credits|"
    r"(?:theme )?music by|edited by|produced by)(?: (?:to|go(?:es)? to))?:)$")
# A heading in capitals that exclaims ("ATP MERCHANDISE!!", "SHIRTS ARE BACK!"): what is on
# sale and until when follows it. A model's or a topic's name in capitals ("NVIDIA RTX") is no
# head; a heading of three words or more is not_prose's "heading" kind.
EXCLAIMED_HEAD = re.compile(r"^[^a-z]*[A-Z]{2}[^a-z]*!$")
# Another show's episode ("ATP #96: The Windows of Siracusa County", "Upgrade #168: …"): a link.
EPISODE_LINK = re.compile(r"#\d+\b")
# A link credited to its author ("Gruber's take on the MacBook Air", "Casey's tweet recap",
# "John's seemingly impossible picture", "Michael Tsai's summary"): it points at a page the
# brief does not show.
LINK_CREDIT = re.compile(
    r"^[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3}['’]s? (?:[\w-]+ ){0,3}(?:review|tweet|take|comment|"
    r"summary|recap|post|article|video|writeup|write-up|thread|picture|photo|image|reply|"
    r"response|thoughts|screencast)s?\b")
# A line that says it is a link or an example of something ("Original ATP discussion (Overcast
# timestamp link)", "Example multi-use hub", "Associated episode of Analog(ue)", "Previous
# rumor Marco was enamored with"): it points at a page, not at a topic.
LINK_SELF = re.compile(
    r"^(?:Example|Original|Associated|Previous|Related)\b|\blink\)?$", re.IGNORECASE)
# The show's own credits ("Ending theme by Jonathan Mann"): true of every episode.
SHOW_CREDIT = re.compile(r"^(?i:(?:ending |opening |closing )?theme (?:music |song )?by)\b")
# A call to action, true of every episode ("Become a member to get ad-free episodes", "Try it
# free for 30 days", "Follow us on Mastodon and rate us", "Click here to manage …").
CALL_TO_ACTION = re.compile(
    r"^(?i:become a|try (?:it|\w+ )?free|join (?:us|the)|support (?:us|the show)|rate (?:us|the)|"
    r"sign up|subscribe|follow (?:us|the show)|click|tap|download|buy|order|pre-?order|get "
    r"(?:\d+%|your|a free)|use (?:code|the code|promo)|visit|check out|listen (?:to|on|in)|"
    r"read more|send (?:us|in)|email us|leave a|donate)\b|\b(?i:promo code|use code|\d+% off)\b")
# A first line that names no subject of its own, so not the episode's even atop its notes: a
# banner that exclaims or opens on a symbol ("🎉 300th Episode Spectacular! 🎉", rf346; "Live
# from WWDC!"), a sponsor line ("Sponsored by Squarespace"), a bare date ("September 12,
# 2017"), a part number ("Part 2 of 2") or a charity drive the show backs ("Stephen Hackett's
# St. Jude's Fundraiser", rf406; "Relay FM's St. Jude campaign"): a plug for a month of
# episodes. Only the first line: further down, "App Camp for Girls fundraiser" is a topic
# (rf399's follow-up). The "!" closes the line, and a campaign or donations alone are no drive:
# "Yahoo! Developer Event" and "The Harris Campaign Event" name their subject (review of stop 45).
NO_SUBJECT = re.compile(
    r"!\W*$|^[^\w\"“‘'(]|^(?i:sponsored by|brought to you by|presented by)\b"
    r"|^(?i:part|episode|chapter) \d+(?: of \d+)?\.?$"
    r"|^(?:[A-Z][a-z]+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}"
    r"|\d{4}-\d\d-\d\d)\.?$"
    r"|\b(?i:fund-?rais(?:er|ing)|telethon)\b|\bSt\.? Jude\b")
# A command or a piece of code ("java mx {newNumber}m", "defaults write com.apple.dock
# autohide-time-modifier -int 0"): a link's detail, not a topic.
CODE = re.compile(r"[{}<>=]|\s--?[a-z]|\w\.\w+\.\w")
# A price line ("Sennheiser HD 650: $300, for treble haters"): a shopping list's entry.
PRICE = re.compile(r"[$£€¥]\s?\d")
# A topic line whose subject is a pronoun it does not name ("Why is it so prevalent in
# tech?", "Whether it has a fan or supports 24 Hz output"): it goes on from the line before.
LEANING_TOPIC = re.compile(
    r"^(?i:why|how|whether|when|where|what|if)(?: (?i:is|are|was|were|does|do|did|can|could|"
    r"would|will|should|has|have))? (?i:it|they|them|he|she|this|these|those)\b")
# The most topic lines a show's notes give.
TOPIC_POINTS = 3
# The fewest words not capitalised in a topic line: a topic line tells in them ("The Terminator
# saga continues"); a link title names a page or a thing ("John's Internet of Things", "Casey's
# car", "Google+ Circles").
TOPIC_LOWER_WORDS = 2
# The words not capitalised past which a topic line tells no more for its length.
TOPIC_WORDS_TELL = 6


def _lower_words(line: str) -> int:
    """The words not capitalised: a topic line says something in them ("Debate over the
    prevalence of the stage lighting problem"); a link to a product or a page is only names
    ("HP Laserjet Pro M281fdw All in One Wireless Color Laser Printer")."""
    return sum(1 for w in line.split() if w[:1].islower() and any(map(str.isalpha, w)))


def _stems(text: str) -> set[str]:
    """Words of three letters or more, cut to their first five ("formats" meets "format"), and
    initialisms of two ("CT", the headline's "The Role of CT Imaging In CRS")."""
    return {w[:5] for w in re.findall(r"[a-z]{3,}", text.lower())} \
        | set(re.findall(r"\b[A-Z]{2}\b", text))


def quiet_lines(lines: list[str], kind_of: Callable[[str], str | None]) -> set[int]:
    """Indexes of the heads and of the lines under a sponsor head, a small-talk head or label
    ("Pre-show:", "Post-show: Marco's adventures on YouTube"), a credits head ("Special thanks
    to:") or an exclaimed heading in capitals ("ATP MERCHANDISE!!") up to the next head."""
    out: set[int] = set()
    inside = False
    for i, line in enumerate(lines):
        if kind_of(line) == "heading" or EXCLAIMED_HEAD.match(line) is not None:
            out.add(i)
            inside = True
        elif is_head(line) or SMALL_TALK.match(line) is not None:
            out.add(i)
            head = with_colon(line)
            inside = SPONSOR_HEAD.match(head) is not None or SMALL_TALK.match(head) is not None \
                or CREDITS_HEAD.match(head) is not None
        elif inside:
            out.add(i)
    return out


def _says_something(line: str, kind: str | None, title: str | None) -> bool:
    """Whether ``line`` could be a point on its own (``title``: the headline a one-line item's
    speaker line must share a word with; None for a show's topic line)."""
    if kind == "caption" and title is not None:
        # A caption-like line is a point only as a speaker's line on the headline's subject.
        speaker = SPEAKER_LINE.match(line)
        if speaker is None or not _stems(speaker["said"]) & _stems(title):
            return False
    elif kind not in SHOW_LINE_KINDS:
        return False
    # A line opening with "..." goes on from the line before it ("...is based on Wordpress");
    # one ending in it is a title cut short ("The new iMac...").
    return not line.endswith((":", ";")) \
        and not line.startswith(("...", "…")) and not line.endswith(("...", "…")) \
        and SEGMENT_LABEL.match(line) is None and EPISODE_LINK.search(line) is None \
        and LINK_CREDIT.match(line) is None and SHOW_CREDIT.match(line) is None \
        and LINK_SELF.search(line) is None \
        and CALL_TO_ACTION.search(line) is None \
        and PRICE.search(line) is None and CODE.search(line) is None \
        and LEANING_TOPIC.match(line) is None


def mute_item_lines(lines: list[str], title: str, starts: frozenset[int],
                    kind_of: Callable[[str], str | None],
                    leans_back: Callable[[str], bool]) -> list[int]:
    """Indexes of the lines to give as points, in order, when no line is a candidate
    (``starts``: each paragraph's first sentence, all of them when empty; ``kind_of``: the
    language's ``not_prose`` as the article's kinds read it; ``leans_back``: whether a line
    leans on one the brief does not show, "They're about to sell out!"): the item's one line
    that could say something, else up to TOPIC_POINTS topic lines of a show's notes (each with
    TOPIC_LOWER_WORDS words not capitalised: a topic line tells, a link title names a page),
    the notes' first line if it is no head and names a subject, then those telling most in
    such words (up to TOPIC_WORDS_TELL), in their order; never the headline again, a line
    under a quiet head or a paragraph's later sentence."""
    key = title.strip().lower()
    quiet = quiet_lines(lines, kind_of)
    fresh = [(i, line) for i, line in enumerate(lines)
             if line.strip().lower() != key and i not in quiet
             and (not starts or i in starts) and not leans_back(line)]
    if not show_notes(lines):
        # All the item says ("Ouch." after a quoted line is a reaction, "Download (MP3)" a
        # link), else nothing: a list, a release's data lines have no topic lines.
        speaking = [i for i, line in fresh if _says_something(line, kind_of(line), title)]
        return speaking if len(speaking) == 1 else []
    # The notes' first line, when it is no head, names the episode's subject even as a bare
    # name ("Apple Special Event, September 2017" atop rf407's links: stop 45's reader
    # preferred the brief opening on it to three lines from the middle), unless it names no
    # subject (NO_SUBJECT); the other lines are topics only with words that tell.
    first = 0 if lines and NO_SUBJECT.search(lines[0]) is None else -1
    topics = [i for i, line in fresh
              if (i == first or _lower_words(line) >= TOPIC_LOWER_WORDS)
              and _says_something(line, kind_of(line), None)]
    # The notes' first line first, then the lines that tell most in plain words, up to
    # TOPIC_WORDS_TELL of them: past that a longer line is no more a topic ("Apple removes
    # Infowars propaganda from its podcast directory" is no less one than "Debate over the
    # prevalence of the stage lighting problem"), so the earlier wins. Python's sort is
    # stable. Not every line from the top: under "Follow-up:" an episode's first lines are
    # corrections of the last one ("Finding the settings", "Body size comparison"; measured at
    # stop 45, 38 ATP briefs moved so and most read worse).
    telling = sorted(topics, key=lambda i: (i != first, -min(_lower_words(lines[i]),
                                                             TOPIC_WORDS_TELL)))
    return sorted(telling[:TOPIC_POINTS])

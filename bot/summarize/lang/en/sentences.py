"""English sentence rules: where a period ends a sentence (abbreviations, initials, dotted
acronyms), the Daily Mail scrape's stray " . ", and sentences or footnote marks glued at a
period. Read by ``bot.summarize.text``, which also applies them to languages without rules of
their own."""

from __future__ import annotations

import re
from itertools import chain

from bot.summarize.lang import CLOSERS, Splitting, marked_sentences
from bot.summarize.lang.en import segment
from bot.summarize.lang.en.words import (
    ABBREVIATIONS,
    AUXILIARIES,
    BANG_NAMES,
    COMPANY_SUFFIXES,
    DAY_MONTHS,
    DAY_PREPOSITIONS,
    END_OPENERS,
    ENGLISH_MONTHS,
    LOWER_ABBREVIATIONS,
    NAME_SUFFIXES,
    NUMBERED,
    OPENERS,
    QUOTE_OPENERS,
    RANKS,
    RELATIVES,
    SPAN_OPENERS,
    SUFFIXES,
    TITLE_ING_WORDS,
    TITLES,
)

# Candidate boundary: terminal punctuation, optional closing quotes/brackets, then whitespace.
# The first mark is written out ("[.!?…][.!?…]*", not "[.!?…]+") so the pattern opens on a
# character class and the engine skips to the next mark instead of trying every character.
BOUNDARY = re.compile(r"([.!?…][.!?…]*[" + re.escape(CLOSERS) + r"]*)(\s+)")
INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")
# The closing quotes that may follow a sentence's mark (``is_boundary``: "(… etc.).” Then …").
QUOTE_CLOSERS = "\"'”’»"
# A rank's "retired" in brackets, before the name it ranks ("Col. (ret.) John Smith").
RETIRED = frozenset({"(ret.)", "(Ret.)"})
# An editor's "[sic]" or "(sic)" after a quoted mark ends nothing: it marks the quotation.
SIC = re.compile(r"[\[(]sic[\])]", re.IGNORECASE)

# Swift's forcing keywords written in prose, then the code they force: before it the mark is
# the keyword's, not a sentence's end. Only a code shape counts: a call ("try! Realm()"), a
# generic ("as! Array<Int>") or a member with no space after its dot ("try!
# FileManager.default…", "try! JSONDecoder().decode(…)"). "Give it a try! MacBook owners …",
# "… a try! U.S. customers …" and "… a try! Mr. Rogers …" end there.
CODE_BANG = re.compile(r"[A-Z][\w$]*(?:[(<]|\.[a-z_$])")
CODE_BANGS = frozenset({"try!", "as!"})


def _german_date(tail: list[str], after: str) -> bool:
    """Whether the day's number ending ``tail`` and the words ``after`` it are a German date: a
    German month, and for one English writes too a year after it or a preposition before."""
    head = after.split(None, 2)
    month = head[0].rstrip(".,;:!?")
    if month not in DAY_MONTHS:
        return False
    if month not in ENGLISH_MONTHS:
        return True
    year = len(head) > 1 and head[1][:4].isdigit()
    return year or (len(tail) > 1 and tail[-2].lower() in DAY_PREPOSITIONS)


def is_boundary(before: str, after: str) -> bool:
    """Whether a period-ish mark between ``before`` and ``after`` really ends a sentence."""
    if not after:
        return True
    first = after[0]
    if first.islower():
        return _ends_before_lower(before, after)
    if first in "[(" and SIC.match(after):
        return False  # "they own her!! [sic]'.": the editor's mark is part of the quotation
    tail = before[-40:].split()
    word = tail[-1] if tail else ""
    core = word.rstrip(".!?…" + CLOSERS).lstrip("\"'“‘([")
    # The name without a bracket or quote opening before it: "(E! News)", "“E! News”".
    bang = word.lstrip("\"'“‘([").lower()
    if word.endswith("!") and bang in BANG_NAMES:
        head = after[:40].split()
        if head and head[0].rstrip(CLOSERS + ".,;:") in BANG_NAMES[bang]:  # "(E! News)"
            return False  # "try! Swift NYC": the mark is inside a name
    if bang in CODE_BANGS and CODE_BANG.match(after):
        return False  # "try! FileManager.default…": Swift's keyword, then the code it forces
    if word in RETIRED:
        return False  # "Col. (ret.) John Smith said …": the rank's mark, the name follows
    if word.rstrip(QUOTE_CLOSERS).endswith((").", "].")):
        # The mark stands outside a closed bracket, so it is no abbreviation's own: "(old
        # Zotac EN860, etc.). I'm looking …" was one point of two sentences (issue 28, feeds),
        # and so was a quotation closing after it ("… (an old Zotac, etc.).” Then he …").
        return True
    if word.endswith((".", ".\"", ".”")) and not word.endswith(("!", "?")):
        lower = core.lower()
        low = lower.replace(".", "")
        if low in SUFFIXES and word[-1] == ".":  # "Hank Williams Jr. He wrote …"
            if low in NAME_SUFFIXES and after[0] in QUOTE_OPENERS:
                return False  # "the Martin Luther King Jr. “I Have a Dream” speech": a work
            return _ends_after_suffix(low, _next_word(after))
        if lower in ABBREVIATIONS or low in ABBREVIATIONS \
                or (low in NUMBERED and first.isdigit()):  # "No. 1", "Fig. 2"
            # "Dr. Smith" continues; "in Oct. The ..." is ambiguous, keep together (rarely wrong).
            return False
        if core in RANKS:  # "Sens. Susan Collins" continues; "the Sens. The team won" ends
            return _next_word(after) in OPENERS
        # Initials and dotted acronyms: "J. Smith", "U.S. officials". A dotted acronym at the
        # end of a sentence followed by a capitalised common word is a boundary we cannot see;
        # we only split when the next word is a typical sentence opener.
        if core.isdigit() and len(core) <= 2 and _german_date(tail, after):
            return False  # "am 09. Januar 2020": a German date's ordinal day, not an end
        # Initials are one letter or open on a letter and its stop: most words are not tried.
        if len(core) == 1 and core.isupper():  # "… imports D. Since go get …"
            # After a given name the letter is a middle initial, and "So" or "You" may be the
            # surname ("Alvin Y. So, a sociologist"): only the plain openers end it there.
            given = len(tail) > 1 and tail[-2][:1].isupper() and tail[-2][1:].islower()
            return _next_word(after) in (OPENERS if given else END_OPENERS)
        if (len(core) == 1 or core[1:2] == ".") and INITIALS.fullmatch(core):
            return _next_word(after) in OPENERS
    return True


def _ends_after_suffix(suffix: str, following: str) -> bool:
    """Whether a name's, a company's or a list's suffix (SUFFIXES) ends its sentence before the
    word ``following`` it. "etc." ends no name, so before any capital it ends one ("…, etc. Turns
    out a low-tech solution …"); before a dash it closes an aside ("… structs, etc. — that
    could …")."""
    if (suffix == "etc" and following[:1].isupper()) or following in END_OPENERS:
        return True
    return suffix in COMPANY_SUFFIXES and len(following) > 4 and following.endswith("ing") \
        and following.lower() not in TITLE_ING_WORDS  # "Toyota Motor Corp. Marketing Director"


# A plain lower-case word of three letters or more and the single period after it, at the end of
# the text before a candidate boundary.
LOWER_WORD_END = re.compile(r"(?<![\w.'’-])([a-z]{3,})\.\Z")
# A brand or site name written in lower case: a capital inside it ("iMore", "iOS", "miRNAs"), a
# site's domain ("objc.io") or a link ("pic.twitter.com/…"), a trailing mark or not. Not a
# member of code alone ("… is in the consumer. server.complete now needs …": the sentence before
# announces it, and a point cut there says nothing, tests/test_summarize_feed_lines_en.py); a
# member of code and an auxiliary do open one ("… in the consumer. server.complete is required").
CODE_WORD = re.compile(
    r"[a-z]+(?:[A-Z][\w.]*|(?:\.[a-z]+)*\.(?:com|org|net|io|co|ai|app|dev)(?:/\S*)?)[.,;:!?]?"
)


def _ends_before_lower(before: str, after: str) -> bool:
    """Whether the period ending ``before`` ends a sentence although ``after`` opens in lower
    case: only after a plain lower-case word that is no abbreviation, and only where ``after``
    opens a sentence of its own: on a brand or site name ("… vulnerabilities. iMore has …", "…
    check it out. objc.io offers …") or on a word and an auxiliary verb ("… it is there. guard
    should be used …"). After "U.S.", "pv." or an initial the mark is the word's own ("U.S.
    taxes", "X. campestris pv. musacearum"); before any other lower-case word it is as often a
    stray mark inside a sentence ("… would be introduced. unless voluntary steps …") as an end."""
    word = LOWER_WORD_END.search(before)
    if word is None or _abbreviation(word.group(1)):
        return False
    head = after[:40].split(None, 2)
    if head[0] in RELATIVES:
        return False  # "… weighed 50 lbs. which was well over …": a clause, not a sentence
    return CODE_WORD.fullmatch(head[0]) is not None \
        or (len(head) > 1 and head[1] in AUXILIARIES)


def _abbreviation(word: str) -> bool:
    """Whether the lower-case ``word`` is an abbreviation, whose period ends no sentence before
    a lower-case word."""
    return word in ABBREVIATIONS or word in NUMBERED or word in LOWER_ABBREVIATIONS


# A word that may be an opener: its stem, then maybe a contraction and a comma or question mark
# ("Then, …", "What's next …", "Why? Nobody knows.").
OPENER_WORD = re.compile(r"([A-Za-z]+)(?:['’](?:s|re|ll|d|m|ve))?[,?]?")


def _next_word(after: str) -> str:
    """The word opening ``after`` as OPENERS spells it: without a quote or bracket around it, a
    comma or question mark after it, or a contraction ("Who's", "What's")."""
    head = after[:40].split(None, 1)
    word = head[0].strip("\"'“‘(") if head else ""
    opener = OPENER_WORD.fullmatch(word)
    return opener.group(1) if opener is not None else word


# The Daily Mail scrape leaves " . " where the page broke a line inside a sentence ("up to 10%
# of . autistic children", "at a discount no doubt - . with some of the proceeds", "He welcomed
# the . ‘uprising’ by shareholders"): a mark before a lower-case word (maybe quoted), or after
# a word that cannot end a sentence, ends nothing, and goes.
# So does one after a comma or semicolon ("served in Afghanistan, . India, Burma", "After the
# war, . Elizabeth carried on"), after a title ("Mr . Moss ceased", "Dr . Smith"), and after
# a capitalised function word opening a span ("Since . Mr Moss became", "In . September
# Prince William", "A . 2008 Peruvian law"): the mark there cut one sentence in two.
# A " . " before a capital after any other word may close a caption or a highlight ("… on
# Friday . Mr Obama said"), so it stays for the splitter (but see ``join_split_names``).
STRAY_DOT = re.compile(
    r"(?<=[\w,;'’%)–—-]) \.(?= ['‘\"“]?[a-z])|(?<=[,;]) \.(?= \S)"
    r"|(?<![\w'’-])(of|the|a|an|to|for|and|or|but|in|on|at|by|with|from|that|who|which|his"
    r"|her|their|its|as|than|into"
    r"|(?<![\w.'’-])(?:" + "|".join((*TITLES, "Sir")) + r")"
    r"|(?:^|(?<=[.!?] )|(?<=[.!?]['’\"”] ))['‘\"“]?(?:" + "|".join(SPAN_OPENERS) + r"))"
    r" \.(?= [A-Z\d])"
)


# Every match of STRAY_DOT holds " . ", and starts at most this far before it (a quote and the
# longest word the pattern names).
_STRAY_REACH = 2 + max(len(w) for w in (*TITLES, "Sir", *SPAN_OPENERS, "their", "which"))


def drop_stray_dots(block: str) -> str:
    """``block`` without the scrape's stray marks (STRAY_DOT). Searched for only around each
    " . ": the pattern opens on lookbehinds and alternatives that the engine would try at every
    character of a long paragraph (a sixth of a CNN/DM brief's time). The matches are
    ``STRAY_DOT.sub``'s (tests/test_summarize_en_speed.py compares them)."""
    out: list[str] = []
    last = 0
    at = block.find(" . ")
    while at >= 0:
        m = STRAY_DOT.search(block, max(last, at - _STRAY_REACH), at + 8)
        if m is not None:
            out += (block[last : m.start()], m.group(1) or "")
            last = m.end()
        at = block.find(" . ", max(last, at + 1))
    return "".join(out) + block[last:] if out else block


# The scrape's " . " between two capitalised words that the story also writes together
# ("pictures of a naked Prince . Harry" beside "Prince Harry", "at Buckingham . Palace."):
# the mark is inside a name, where a page broke the line; see ``join_split_names``.
SPLIT_NAME = re.compile(r"\b([A-Z][\w'’-]*) \. ([A-Z][a-z]+)")


def join_split_names(text: str) -> str:
    """``text`` without the scrape's " . " inside a name the text also writes unbroken: a
    sentence must not end inside "Buckingham Palace" because one copy of it was split.
    SPLIT_NAME is tried only in the run of word characters before each " . " (every match
    holds one, its first word right before it): over the whole text the engine tried it at
    every character, 0.6 M instructions of a CNN/DM brief's 19 (callgrind). The matches and
    their order are ``SPLIT_NAME.sub``'s (tests/test_summarize_en_speed.py compares them)."""
    at = text.find(" . ")
    if at < 0:
        return text
    out: list[str] = []
    last = 0
    while at >= 0:
        m = _split_name_before(text, at, last)
        if m is not None:
            joined = f"{m.group(1)} {m.group(2)}"
            out += (text[last : m.start()], joined if _writes(text, joined) else m.group())
            last = m.end()
        at = text.find(" . ", max(last, at + 1))
    return "".join(out) + text[last:] if out else text


# The characters of SPLIT_NAME's first word: a run of them ends at the " . " of a match.
_NAME_RUN = frozenset("'’-_")


def _split_name_before(text: str, at: int, floor: int) -> re.Match[str] | None:
    """SPLIT_NAME's leftmost match from ``floor`` on whose " . " is the one at ``at``: its first
    word opens at a capital in the run of word characters right before it (no match crosses a
    space), so only the capitals of that run are tried, leftmost first."""
    start = at
    while start > floor and (text[start - 1].isalnum() or text[start - 1] in _NAME_RUN):
        start -= 1
    for p in range(start, at):
        if "A" <= text[p] <= "Z":
            m = SPLIT_NAME.match(text, p)
            if m is not None:
                return m
    return None


def _writes(text: str, name: str) -> bool:
    """Whether ``text`` holds ``name`` as whole words (asked of the pattern only where it
    holds it at all: most split names the text never writes whole, and each pattern built
    from a name was compiled anew)."""
    return name in text and re.search(r"\b" + re.escape(name) + r"\b", text) is not None


# A title before a line break and a capitalised word ("… the voice of Dr.\nJanet Lubelle"): the
# break is inside a name, so it is no sentence end; the line break becomes a space.
# A rank's break is one too ("Sens.\nSusan Collins"), but not before a sentence opener: "… lost
# to the Sens.\nThe Ottawa team …" ends a line and a sentence.
_RANK_BEFORE_NAME = (r"(" + "|".join(sorted(RANKS)) + r")(?=\.[ \t]*\n[ \t\n]*(?!(?:"
                     + "|".join(sorted(OPENERS)) + r")\b))")
TITLE_BREAK = re.compile(r"(?<![\w.])(?:(" + "|".join(TITLES) + r")|" + _RANK_BEFORE_NAME
                         + r")\.[ \t]*\n[ \t\n]*(?=[A-Z])")


# Where TITLE_BREAK can match: a stop before a line break and a capital, found fast (the
# pattern opens on a literal "."); then only a title right before the stop needs the
# substitution. TITLE_BREAK itself tries its lookbehind and its titles at every character:
# ten times this scan's cost on BBC articles, which have paragraph breaks and, almost always,
# no title before one.
STOP_BREAK = re.compile(r"\.[ \t]*\n[ \t\n]*(?=[A-Z])")
TITLE_BEFORE = re.compile(r"(?<![\w.])(?:" + "|".join((*TITLES, *RANKS)) + r")\Z")
_TITLE_CHARS = max(map(len, (*TITLES, *RANKS)))


def prepare(text: str) -> str:
    """English text made ready to split: names the scrape's " . " or a line break cut in two
    joined again (``join_split_names``, ``join_title_breaks``)."""
    return join_title_breaks(join_split_names(text))


def join_title_breaks(text: str) -> str:
    """``text`` with each line break after a title before a name made a space (see
    TITLE_BREAK): "Dr." must not end a point of its own."""
    if ".\n" not in text:  # most stories: no scan
        return text
    for stop in STOP_BREAK.finditer(text):
        # The window holds the longest title; the lookbehind still reads the text before it.
        if TITLE_BEFORE.search(text, max(0, stop.start() - _TITLE_CHARS), stop.start()):
            return TITLE_BREAK.sub(r"\1\2. ", text)
    return text


# A footnote mark glued after a sentence end ("…like ⌃⌥⌘P.1. I mentioned", from
# "P.<sup>1</sup>."): the word, its terminal mark, one or two digits, then the end of the
# sentence or a capitalised next one. Version numbers ("iOS 10.3.") have a digit before the mark.
# Each pattern starts at the terminal mark (a scan for a rare character is fast); the word
# before it is checked separately.
GLUED_NOTE = re.compile(r"[.!?][\"”’)]*(\d{1,2})(?:[.!?]?$|(?=\s+[\"“‘(]?[A-Z]))")
WORD_BEFORE = re.compile(r"(?<![\w.])[^\W\d_]+$")
# Two sentences glued at a period ("… from Indira Gandhi International Airport in
# Delhi.Ministry of Defence has approved …"): a lower-case word or a number of two digits or
# more ("… since 2015.Over 120 Tibetans …"), the mark, then a capitalised word opening at least
# four more words. "Micro.Blog.", "Booking.com" and "iOS 9.Apple" do not match.
GLUED_SENTENCE = re.compile(r"[.!?](?=[A-Z][a-z]+,?(?: \S+){3})")
# What either pattern needs, found in one pass over a line; most lines have neither.
GLUE_HINT = re.compile(r"[.!?](?:[A-Z][a-z]|[\"”’)]*\d)")


def unglue(sentence: str) -> list[str]:
    """``sentence`` split where two sentences were glued at a period, each part freed of a
    footnote mark glued after its end (see ``unglue_notes``)."""
    parts: list[str] = []
    start = 0
    for m in GLUED_SENTENCE.finditer(sentence):
        end = m.end()
        head = sentence[start:end]
        # A lower-case word or a number before the mark, and a sentence of its own, not
        # "Node.Js".
        before = sentence[end - 3 : end - 1]
        if ((before.islower() and before.isalpha()) or before.isdigit()) \
                and len(head.split(None, 5)) > 5:
            parts.append(head)
            start = end
    parts.append(sentence[start:])
    if len(parts) == 1:
        return unglue_notes(sentence)
    return list(chain.from_iterable(map(unglue_notes, parts)))


def unglue_notes(sentence: str) -> list[str]:
    """``sentence`` without a footnote mark glued after its end, split where one sits between
    two sentences; the parts are substrings of it, the marks dropped."""
    out: list[str] = []
    start = 0
    for m in GLUED_NOTE.finditer(sentence):
        found = WORD_BEFORE.search(sentence, max(start, m.start() - 40), m.start())
        if found is None:
            continue  # a digit or nothing before the mark: "iOS 10.3."
        word = found.group()
        if word.lower() in NUMBERED or word in ("p", "pp") or word.lower() in ABBREVIATIONS:
            continue
        out.append(sentence[start : m.start(1)])
        start = m.end()
    if not out:
        return [sentence]
    rest = sentence[start:].lstrip(".!? ")
    if rest:
        out.append(rest)
    return out


def split_line(block: str) -> list[str]:
    """The pieces of an English line with a terminal mark, cut at its sentence boundaries (not
    stripped; bot.summarize.text keeps the non-blank ones)."""
    out: list[str] = []
    start = 0
    # Only 40 characters either side matter: slicing the whole rest of a long paragraph
    # at every candidate boundary made splitting quadratic.
    for m in BOUNDARY.finditer(block):
        end, nxt = m.end(1), m.end()
        if is_boundary(block[max(start, end - 40) : end], block[nxt : nxt + 41]):
            out.append(block[start:m.end(1)])
            start = m.end()
    out.append(block[start:])
    return out


# A footnote mark glued inside a sentence, after a word and its comma or semicolon, before the
# sentence runs on in lower case ("a first-class concept,1 and …", from "concept,<sup>1</sup>
# and"). A digit before the comma is a number ("1,000 and"), not a word; dropped like the
# scrape's stray " . ". ``NOTE_HINT`` finds a candidate in one cheap scan.
INNER_NOTE = re.compile(r"(?<=[^\W\d_]{2}[,;])\d{1,2}(?= [a-z])")
# INNER_NOTE from its comma on, found where INNER_NOTE is (a pattern opening on a look-behind
# is tried at every character; this one skips to each comma): "[,;]\d" alone also found every
# "1,000" of a story, and the substitution then scanned the line for nothing.
NOTE_HINT = re.compile(r"[,;](?<=[^\W\d_]{2}[,;])\d{1,2} [a-z]")


# A speaker the scrape's " . " cut in two: a short verbless run of words before the mark
# ("Richard Harrington of the Marine .", "MoD spokeswoman .", "Liberal Democrat .") and,
# after it, capitalised words and a verb of saying ("Conservation Society said: '…'",
# "Connie Pierce said the attack …"). Neither half is a sentence; the two are one. A longer
# run ends on a name's word: "Scroll down for video . Sony says …" is a pointer, then the lede.
# A page's label line is no speaker, however short ("Video .", "Advertisement .", "Watch video .",
# "EXCLUSIVE .", "Pictured above ."): the sentence after it stands alone.
PAGE_LABELS = ("video", "videos", "advertisement", "watch", "pictured", "picture", "pictures",
               "photo", "photos", "gallery", "updated", "update", "exclusive", "breaking",
               "live", "scroll", "click", "related", "read", "listen", "audio", "graphic",
               "warning", "caption", "comments", "share")
SPEAKER_HEAD = re.compile(r"(?!.*\b(?i:" + "|".join(PAGE_LABELS) + r")\b)"
                          r"(?:[A-Z][\w'’-]*(?: [\w'’-]+)? \.|[A-Z][\w'’-]*(?: [\w'’-]+){1,4}"
                          r" [A-Z][\w'’-]* \.)")
SPEAKER_TAIL = re.compile(
    r"(?:[A-Z][\w'’-]* ){1,4}(?:said|says|added|adds|told|explained|warned|wrote)\b")


def join_cut_speakers(parts: list[str]) -> list[str]:
    """``parts`` with each speaker cut by the scrape's " . " (SPEAKER_HEAD, SPEAKER_TAIL) made
    one sentence again, the stray mark dropped as ``drop_stray_dots`` drops it."""
    out: list[str] = []
    for part in parts:
        prev = out[-1].strip() if out else ""
        # After "By ." the run is the Daily Mail's byline, not a speaker.
        byline = len(out) > 1 and out[-2].strip() == "By ."
        # Both of SPEAKER_HEAD's forms end on " .": asked first, as the pattern opens on a
        # look-ahead over the whole part.
        if prev.endswith(" .") and not byline and SPEAKER_HEAD.fullmatch(prev) \
                and segment.VERB_HINT.search(prev) is None and SPEAKER_TAIL.match(part.lstrip()):
            out[-1] = f"{prev[:-2]} {part.lstrip()}"
        else:
            out.append(part)
    return out


def line_sentences(block: str, splitting: Splitting) -> list[str]:
    """The sentences of one stripped English line: the scrape's stray " . " and footnote marks
    inside a sentence (INNER_NOTE) dropped, cut at
    its boundaries, then glued sentences and notes and glued spans (a dateline, a credit, a
    caption run into the prose) cut apart."""
    if " . " in block:
        block = drop_stray_dots(block)
    if NOTE_HINT.search(block):
        block = INNER_NOTE.sub("", block)
    parts = marked_sentences(block, split_line)
    if " . " in block:
        parts = join_cut_speakers(parts)
    if GLUE_HINT.search(block):  # one scan; most lines have none
        parts = list(chain.from_iterable(map(unglue, parts)))
    return list(chain.from_iterable(map(segment.unglue, parts)))

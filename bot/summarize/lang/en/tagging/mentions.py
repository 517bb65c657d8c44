"""Where an English story writes a name: whole-word mentions, the word written before one,
the capitalised word before a surname or after a name in the headline. Each is found by
``str.find`` from the places the name is written, with patterns compiled once: a pattern
built per name was compiled again for each article (``bot.summarize.lang.en.tagging``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.summarize.lang.en import tags as rules

BOUNDARY = re.compile(r"\b")


def whole_words(phrase: str, text: str) -> Iterator[tuple[int, int]]:
    """Where ``text`` writes ``phrase`` as whole words: the spans
    ``re.finditer(r"\\b<phrase>\\b", text)`` gives. Found by ``str.find``, not a regex: one
    that opens on ``\\b`` has no literal to search for and is tried at every character, and
    built per name it was compiled again for each article."""
    if not phrase:  # "\\b\\b" matches at every boundary (a run's word may be a bare "'s")
        yield from (m.span() for m in BOUNDARY.finditer(text))
        return
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        # A boundary is read at a position with the characters around it, as \b reads it.
        if BOUNDARY.match(text, at) and BOUNDARY.match(text, end):
            yield at, end
            at = text.find(phrase, end)
        else:
            at = text.find(phrase, at + 1)


def before(form: str, body: str) -> Iterator[tuple[str, int]]:
    """The lower-case word written before each occurrence of ``form`` (honorific or role), and
    where the occurrence ends."""
    if not word_char(form[:1]):
        pattern = re.compile(r"(?:\b([\w-]+)\.?\s+)?\b" + re.escape(form) + r"\b")
        yield from (((m.group(1) or "").lower(), m.end()) for m in pattern.finditer(body))
        return
    # The pattern above opens on an optional word, so the engine would try it at every
    # character of the story, and built per form it was compiled again for each article;
    # every match holds ``form`` itself, so it is searched for from just before the next place
    # ``form`` is written: the start of the word it is written in or after (what the optional
    # group could take), which no earlier match can begin after (the same matches as
    # ``finditer``; tests/test_summarize_asked_once.py and test_summarize_en_speed.py compare
    # them).
    pos = 0
    while (at := body.find(form, pos)) >= 0:
        start = word_start(body, at, pos)
        found = search_before(form, body, start)
        if found is None:
            return
        yield found
        pos = found[1]


WORD_THEN_SPACE = re.compile(r"\b([\w-]+)\.?\s+")


def search_before(form: str, body: str, start: int) -> tuple[str, int] | None:
    """What ``(?:\\b([\\w-]+)\\.?\\s+)?\\b<form>\\b`` searched from ``start`` finds, as
    (the optional word, lower case, and where the match ends), for a ``form`` opening on a
    ``[\\w-]`` character: the leftmost start wins, and at one start the form with a word
    before it wins over the bare form. Found from each place ``form`` is written."""
    best: tuple[int, int, str, int] | None = None  # start, 0 with a word / 1 bare, word, end
    reach = -1  # the end of the [\w-] run at the best start: no later word can open before it
    at = body.find(form, start)
    while at >= 0:
        end = at + len(form)
        whole = BOUNDARY.match(body, at) and BOUNDARY.match(body, end)
        space = at
        while space > 0 and body[space - 1].isspace():
            space -= 1
        run_end = space - 1 if space < at and space > 0 and body[space - 1] == "." else space
        if best is not None and run_end > reach:
            break  # this and every later occurrence start after the best match
        if whole:
            found = [(at, 1, "", end)]
            if space < at:
                found += word_then(body, max(start, run_start(body, run_end)), run_end, at,
                                    end)
            first = min(found)
            if best is None or first < best:
                best = first
                reach = best[0]
                while reach < len(body) and word_char(body[reach]):
                    reach += 1
        at = body.find(form, at + 1)
    return None if best is None else (best[2].lower(), best[3])


def run_start(body: str, end: int) -> int:
    """Where the ``[\\w-]`` run ending at ``end`` starts."""
    while end > 0 and word_char(body[end - 1]):
        end -= 1
    return end


def word_then(body: str, lo: int, hi: int, at: int, end: int) -> list[tuple[int, int, str, int]]:
    """The match with a word before the form at ``at``: from the first word boundary in
    ``body[lo:hi]`` (the run before the form's spaces), when the word pattern reaches ``at``."""
    for s in range(lo, hi):
        if BOUNDARY.match(body, s):
            m = WORD_THEN_SPACE.match(body, s)
            return [(s, 0, m.group(1), end)] if m is not None and m.end() == at else []
    return []


def word_char(ch: str) -> bool:
    """Whether ``ch`` is what the pattern ``[\\w-]`` matches."""
    return ch.isalnum() or ch == "_" or ch == "-"


def word_start(body: str, at: int, floor: int) -> int:
    """Where the ``[\\w-]`` run holding ``body[at]`` starts or, when the run starts at ``at``,
    the one before it across a space and an optional "." ("Mr. Zhou"), not before ``floor``."""
    i = at
    while i > floor and word_char(body[i - 1]):
        i -= 1
    if i == at:
        j = i
        while j > floor and body[j - 1].isspace():
            j -= 1
        if j < i:
            if j > floor and body[j - 1] == ".":
                j -= 1
            while j > floor and word_char(body[j - 1]):
                j -= 1
            i = j
    return i


GIVEN = re.compile(r"(?<![\w'’-])([A-Z][a-z]+) ")


def given_before(surname: str, body: str) -> Iterator[tuple[int, int, str]]:
    """Each capitalised word written before ``surname`` and where the two start and end: the
    matches of ``(?<![\\w'’-])([A-Z][a-z]+) <surname>\\b``, found from each place
    ``surname`` is written rather than by a pattern built (and compiled) per name."""
    key = " " + surname
    floor = 0  # where the last match ended: matches do not overlap
    at = body.find(key)
    while at >= 0:
        start = at
        while start > 0 and "a" <= body[start - 1] <= "z":
            start -= 1
        start -= 1  # the capital, if the word is one
        end = at + len(key)
        if start >= floor and (m := GIVEN.match(body, start)) and m.end() == at + 1 \
                and BOUNDARY.match(body, end):
            yield start, end, m.group(1)
            floor = end
        at = body.find(key, at + 1)


NEXT_WORD = re.compile(r" ([A-Z][\w'’-]*[a-z])\b")


def next_title_word(name: str, title: str) -> tuple[str, str] | None:
    """The first place ``title`` writes ``name`` from a word boundary with a capitalised word
    after it, as (name and word, word): what ``\\b<name> ([A-Z][\\w'’-]*[a-z])\\b`` finds,
    found from each place ``name`` is written rather than by a pattern built per name."""
    at = title.find(name)
    while at >= 0:
        if BOUNDARY.match(title, at) and (m := NEXT_WORD.match(title, at + len(name))):
            return title[at : m.end()], m.group(1)
        at = title.find(name, at + 1)
    return None


def stem(word: str) -> str:
    """Singular of a plural or family name ("Camerons" -> "cameron"), lower-case."""
    low = word.lower()
    return low[:-1] if len(low) > 3 and low.endswith("s") and not low.endswith("ss") else low


def written_lower(word: str, body: str) -> bool:
    """Whether ``body`` writes ``word`` (lower case) as a word of its own. Asked only of the few
    names that pass the count: a scan of every lower-case word cost more than the rest."""
    at = body.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not body[at - 1].isalnum()) and (end == len(body)
                                                         or not body[end].isalnum()):
            return True
        at = body.find(word, at + 1)
    return False


def script_cue(word: str, body: str) -> bool:
    """Whether ``body`` writes ``word`` in capitals on lines of their own at least
    ``SCRIPT_CUES`` times: a script's speaker cue ("CUSTOMER" over "(hesitant)" and her line:
    a part in a sketch, no subject to follow; rf295's "#customer") or a list's label. The
    tagger's body holds a sentence a line, so a label written as a sentence of its own counts
    too (rf757's Workflow steps, "URL" then "This creates the URL …": "#url" went, measured on
    the six dev sets: these two briefs move and no other). A story that never writes the word
    in capitals (most) is read no further."""
    cue = word.upper()
    if cue not in body:
        return False
    # One pass over the lines: finding each mention's line was O(n·k) on a long line (review
    # 48, nit 8: 40,000 "NASA" on one 600 KB line took 16 s).
    return sum(line.strip() == cue for line in body.split("\n")) >= rules.SCRIPT_CUES

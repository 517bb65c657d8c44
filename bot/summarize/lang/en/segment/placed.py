"""English spans that their place on the page shows to be no prose, though each sentence of
them reads as prose: an NPR slideshow's caption (between "Hide caption" and "Previous Next"), an
old headline printed as the body's first line (issue 28, wire) and a subhead or pull-quote
standing between paragraphs of prose (issue 28, feeds). An AP caption paragraph's
sentences are left to the caption rules of ``segment``: marking all of them lost a blind read
(the caption's summary line read better than the lede that replaced it; docs/SUMMARIZER.md)."""

from __future__ import annotations

import re

from bot.summarize.lang.en.segment import VERB_HINT, headed_sections

# An NPR slideshow's caption runs from "Hide caption" to "Previous Next <credit>": at most this
# many sentences, else the closing words were lost and the rest is the story.
SLIDESHOW_RUN = 6
SLIDESHOW_END = "Previous Next"
# Words a title-case headline leaves in lower case ("A Battle Over Antibiotics In Organic
# Apple And Pear Farming", "Obama U: What Graduation Speeches Say About the President").
MINOR_WORDS = frozenset(
    "a an the and or nor but of in on at to for by with from as per vs via into onto".split())
# A heading is this many words or more: a shorter first line is a name or a kicker.
HEADING_WORDS = 4
ENDED = re.compile(r"[.!?…:;,\"'”’)\]]$")
# A sentence's terminal mark, maybe before closing quotes or brackets: prose ends so.
TERMINATED = re.compile(r"[.!?…][\"'”’)\]]*$")
# A subhead is at most this many words with no verb ("Better the board than her hand", "Why the
# new information matters", "Differences between these types of contracts"); a longer line
# with no verb is one when title case holds most of its words (``TITLE_SHARE``: "Part 1:
# Original iPhone Engineers … in Conversation with John Markoff", a linked video's title).
SUBHEAD_WORDS = 8
TITLE_SHARE = 0.6
# A possessive is no verb ("John's "pile" metaphor"); after these words "'s" is "is" or "has"
# ("It's", "That's", "Here's").
POSSESSIVE = re.compile(r"\b(\w+)['’]s\b")
CONTRACTED = frozenset("it that there here what who where how he she let".split())


def placed(sentences: list[str], starts: frozenset[int]) -> set[int]:
    """Indexes of the sentences their place shows to be no prose (``starts``: the index of each
    paragraph's first sentence; empty where the text's lines are not known, and then only the
    slideshow captions, which need no lines, are found)."""
    return slideshow_captions(sentences) | old_headline(sentences, starts)


def never_points(sentences: list[str], starts: frozenset[int]) -> set[int]:
    """Indexes of the sentences that are never a point, not even the last resort: a sponsor
    section's and a show's link lines (``segment.headed_sections``) and subheads between
    paragraphs (``subheads``)."""
    return headed_sections(sentences) | subheads(sentences, starts)


def slideshow_captions(sentences: list[str]) -> set[int]:
    """The sentences of an NPR slideshow's caption: from one opening on "Hide caption" to the
    one opening on "Previous Next" (its credit), whether or not the text kept its lines."""
    out: set[int] = set()
    for i, s in enumerate(sentences):
        if not s.startswith(("Hide caption", "hide caption")):
            continue
        for j in range(i + 1, min(len(sentences), i + 1 + SLIDESHOW_RUN)):
            if sentences[j].startswith(SLIDESHOW_END):
                out.update(range(i, j + 1))
                break
    return out


def old_headline(sentences: list[str], starts: frozenset[int]) -> set[int]:
    """The body's first line when it is a headline: a paragraph of its own, title case over
    most of its words, with no closing mark ("A Battle Over Antibiotics In Organic Apple And
    Pear Farming" above an NPR story titled otherwise). Only the first line: a broader rule on
    capitalised lines took prose for headings (docs/SUMMARIZER.md)."""
    if len(sentences) < 2 or 1 not in starts or ENDED.search(sentences[0]):
        return set()
    words = [w for w in sentences[0].split() if w.lower() not in MINOR_WORDS]
    if len(sentences[0].split()) < HEADING_WORDS or not words:
        return set()
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    # "Most": a headline may keep a word in lower case ("iPhone", "e-bikes").
    return {0} if 5 * capitalised >= 4 * len(words) else set()


def subheads(sentences: list[str], starts: frozenset[int]) -> set[int]:
    """The subheads, pull-quotes and link titles set between paragraphs of prose: a paragraph of
    one sentence with no closing mark and no verb (``VERB_HINT``), after prose (a sentence with
    a terminal mark) and not the body's first line, of at most ``SUBHEAD_WORDS`` words or in
    title case. A feed item's "Better the board than her hand" was point 3 of its brief (issue
    28, a blind read of feed items). Never a point, not even the last resort: an ATP episode's
    topic lines ("Activity reports and App Limits") are link titles, and an item has prose before
    its subheads, so it is never left with nothing to say but them."""
    out: set[int] = set()
    prose = False
    for i, s in enumerate(sentences):
        if TERMINATED.search(s) is not None:
            prose = True
        elif prose and i in starts and (i + 1 in starts or i + 1 == len(sentences)) \
                and not s.endswith((":", ";")) and not _has_verb(s) \
                and (len(s.split(None, SUBHEAD_WORDS)) <= SUBHEAD_WORDS or _title_case(s)):
            out.add(i)
    return out


def _has_verb(line: str) -> bool:
    """Whether ``line`` has a verb ``VERB_HINT`` sees, a possessive's "'s" being none."""
    if "s" in line and POSSESSIVE.search(line):
        line = POSSESSIVE.sub(
            lambda m: m.group(0) if m.group(1).lower() in CONTRACTED else m.group(1), line)
    return VERB_HINT.search(line) is not None


def _title_case(line: str) -> bool:
    """Whether capitals open at least ``TITLE_SHARE`` of the words of ``line`` that a title
    case capitalises (not ``MINOR_WORDS``)."""
    words = [w for w in line.split() if w.lower() not in MINOR_WORDS]
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return bool(words) and capitalised >= TITLE_SHARE * len(words)

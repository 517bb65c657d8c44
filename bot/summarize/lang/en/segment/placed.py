"""English spans that their place on the page shows to be no prose, though each sentence of
them reads as prose: an NPR slideshow's caption (between "Hide caption" and "Previous Next") and
an old headline printed as the body's first line (issue 28, wire). An AP caption paragraph's
sentences are left to the caption rules of ``segment``: marking all of them lost a blind read
(the caption's summary line read better than the lede that replaced it; docs/SUMMARIZER.md)."""

from __future__ import annotations

import re

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


def placed(sentences: list[str], starts: frozenset[int]) -> set[int]:
    """Indexes of the sentences their place shows to be no prose (``starts``: the index of each
    paragraph's first sentence; empty where the text's lines are not known, and then only the
    slideshow captions, which need no lines, are found)."""
    return slideshow_captions(sentences) | old_headline(sentences, starts)


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

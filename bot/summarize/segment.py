"""Segmentation that survives flattened HTML: where a scraper or a feed dropped the breaks
between a caption, a credit, a byline or a subhead and the story's prose, find the seams, and
say which spans are not prose at all (media-player text, credits, captions, transcript cues,
update notes, data lines, clickbait). The patterns are per-language tables in
``bot.summarize.lang.<code>.segment``; this module only applies them.

Every span returned is a substring of its input, so a point made of one stays verbatim."""

from __future__ import annotations

import re
from collections import Counter

from bot.summarize.lang.en import segment as en
from bot.summarize.lang.ko import segment as ko
from bot.summarize.lang.registry import language

__all__ = ["LAST_RESORT", "captions_in_context", "not_prose", "unglue", "unglue_korean"]

# With no prose candidate at all, a bulleted notice or a fragment may still say something
# (an obituary column is nothing but "▲박수용 별세, …" lines); a credit, caption, player line,
# cue, byline, link, update note, data line or clickbait never does.
LAST_RESORT = frozenset({None, "boilerplate", "fragment"})
_LINK = re.compile(r"(?:https?://|www\.)\S+$")  # a bare address, in any language


def unglue(sentence: str) -> list[str]:
    """An English ``sentence`` cut where flattened HTML glued spans together: a dateline off
    its sentence ("WASHINGTON (Reuters) - "), a credit, caption or player line run into the
    prose, a label caption ("… the vehicle Poignant: Vegetables …") or a new sentence ("… the
    vehicle He added …", "… cause 'mayhem' But he warned …") after a sentence with no closing
    mark."""
    cuts: set[int] = set()
    if "(" in sentence[:80]:
        dateline = en.DATELINE.match(sentence)
        if dateline is not None:  # the dateline is a span of its own, no one's sentence
            cuts.add(dateline.end())
    h = en.CUT_HINTS
    # Spelled out rather than any() over a generator: this runs on every sentence.
    if h[0] in sentence or h[1] in sentence or h[2] in sentence or h[3] in sentence \
            or h[4] in sentence or h[5] in sentence:
        cuts.update(m.start() for m in en.CUT_BEFORE.finditer(sentence))
        cuts.update(m.end() for m in en.CUT_AFTER.finditer(sentence))
    if "," in sentence[:60] and ": " in sentence[:120]:
        credit = en.CREDIT_LINE.match(sentence)
        if credit is not None:  # "Eric Newcomer, Bloomberg: Adjusted net revenue …"
            cuts.add(credit.end())
    last = 0
    for m in en.GLUE.finditer(sentence):
        cut = m.start()
        # A closing quote may end the span before: "… cause 'mayhem' But he warned …".
        before = sentence[max(last, cut - 30) : cut].rsplit(" ", 1)[-1].strip("'‘’\"“”")
        if len(before) < 2 or not before.isalpha() or not before.islower() \
                or before in en.NOT_BEFORE_GLUE:
            continue  # "said. The", "in The Hague", "told the Palm Beach Post:"
        if len(sentence[last:cut].split(None, 3)) > 3:  # a span, not "in In Paris:"
            cuts.add(cut)
            last = cut
    if not cuts:
        return [sentence]
    parts = []
    start = 0
    for cut in sorted(cuts):
        parts.append(sentence[start:cut].strip())
        start = cut
    parts.append(sentence[start:].strip())
    return [p for p in parts if p]


def unglue_korean(line: str) -> list[str]:
    """A Korean ``line`` cut after a photo credit that closes a caption ("… 전경. /뉴스1") and
    before a byline ("홍길동 기자 = ") glued to the text that follows; the byline is dropped."""
    # Each pattern runs only when the character or word it needs is there: most lines have
    # no slash and no reporter, and this runs on every Korean line.
    parts: list[str] = []
    start = 0
    if "/" in line:  # every credit pattern starts at a slash
        for m in ko.CREDIT_END.finditer(line):
            if m.end() < len(line):
                parts.append(line[start : m.end()])
                start = m.end()
    parts.append(line[start:])
    out: list[str] = []
    for part in parts:
        pieces = ko.BYLINE.split(part) if ko.reporter(part) else [part]
        for piece in pieces:
            out.extend(ko.GLUED.split(piece) if "." in piece else (piece,))
    return [p.strip() for p in out if p.strip()]


def not_prose(sentence: str, lang: str) -> str | None:
    """The kind of span ``sentence`` is when it is not the story's prose ("player", "credit",
    "caption", "cue", "update", "boilerplate", "clickbait", "data", "byline", "list"), else
    None."""
    if sentence[:1] in ("h", "w") and _LINK.match(sentence):
        return "link"
    return language(lang).not_prose(sentence)


def captions_in_context(sentences: list[str], lang: str) -> set[int]:
    """Indexes of sentences that only their neighbours show to be captions: a sentence right
    before a photo credit, with every copy of it, and the first copy of any sentence the text
    says again later (AP pages print the lead under the photo, then again as the story's first
    paragraph: the later copy is the one in the story), and in English the sponsor reads after
    a "Sponsored by:" head."""
    counts = Counter(sentences)
    out: set[int] = set()
    if len(counts) < len(sentences):
        seen: Counter[str] = Counter()
        for i, s in enumerate(sentences):
            seen[s] += 1
            if seen[s] < counts[s]:
                out.add(i)
    if lang == "en":
        out.update(_sponsor_reads(sentences))
        credited = {sentences[i - 1] for i in range(1, len(sentences))
                    if sentences[i][:1] in "(ER" and not_prose(sentences[i], lang) == "credit"}
        if credited:
            out.update(i for i, s in enumerate(sentences) if s in credited)
    return out


def _sponsor_reads(sentences: list[str]) -> set[int]:
    """Indexes of the sentences of an English sponsor section: after its head ("Sponsored
    by:"), up to the next line that heads a section (ends in ":")."""
    out: set[int] = set()
    inside = False
    for i, s in enumerate(sentences):
        if s.endswith(":"):
            inside = en.SPONSOR_HEAD.match(s) is not None
        elif inside:
            out.add(i)
    return out

"""Segmentation that survives flattened HTML: where a scraper or a feed dropped the breaks
between a caption, a credit, a byline or a subhead and the story's prose, find the seams, and
say which spans are not prose at all (media-player text, credits, captions, transcript cues,
update notes, data lines, clickbait). The patterns, and the cutting of a line at its seams
(``unglue``), are each language's, in ``bot.summarize.lang.<code>.segment``; this module only
applies them.

Every span returned is a substring of its input, so a point made of one stays verbatim."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from bot.summarize.lang.registry import LANGUAGES, language

__all__ = [
    "LAST_RESORT", "ProseKinds", "captions_in_context", "in_sections", "not_prose", "subheads",
]

# With no prose candidate at all, a bulleted notice or a fragment may still say something
# (an obituary column is nothing but "▲박수용 별세, …" lines), and so may a note on the article
# ("This article was updated on …", "[Update: The draft is finished.]"); a credit, caption,
# player line, cue, byline, link, update stamp, data line or clickbait never does.
LAST_RESORT = frozenset({None, "boilerplate", "fragment", "note"})
_LINK = re.compile(r"(?:https?://|www\.)\S+$")  # a bare address, in any language


def not_prose(sentence: str, lang: str) -> str | None:
    """The kind of span ``sentence`` is when it is not the story's prose ("player", "credit",
    "caption", "cue", "update", "note", "boilerplate", "clickbait", "data", "byline", "list"), else
    None."""
    if sentence[:1] in ("h", "w") and _LINK.match(sentence):
        return "link"
    return language(lang).not_prose(sentence)


class ProseKinds(dict[str, str | None]):
    """``not_prose`` of each span of one article in ``lang``, worked out once: the Korean
    splitter asks it of every line to keep a caption whole and the candidate filter asks it of
    every sentence again, most of them the same spans. One per article (not the process's),
    so it holds one article's spans and goes with it. Called as ``not_prose`` is. Not a
    ``lang.Memo``: nearly every span is a miss, and a Memo's read here would be
    ``partial(not_prose, lang=lang)``, whose keyword is unpacked on every call (callgrind, the
    25 Korean science briefs: ``_PyStack_UnpackDict`` and ``initialize_locals`` 0.14 M
    instructions in all)."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def __missing__(self, span: str) -> str | None:
        kind = self[span] = not_prose(span, self.lang)
        return kind

    def __call__(self, span: str, lang: str) -> str | None:
        return self[span] if lang == self.lang else not_prose(span, lang)


def captions_in_context(
    sentences: list[str], lang: str, starts: frozenset[int] = frozenset(),
    kind_of: Callable[[str, str], str | None] = not_prose,
) -> set[int]:
    """Indexes of sentences that only their neighbours show to be captions: a sentence right
    before a photo credit, with every copy of it, and the first copy of any sentence the text
    says again later (AP pages print the lead under the photo, then again as the story's first
    paragraph: the later copy is the one in the story), what a section head shows to be no
    prose (English sponsor reads after "Sponsored by:") and the lines of a list under its
    lead-in, and what its place on the page shows to be no prose (an English slideshow
    caption or old headline; ``starts``: the index of each paragraph's first sentence, empty
    where the text's lines are not known; ``kind_of``: the article's ``ProseKinds``, where
    there is one, so that the language's rules read the kinds already worked out)."""
    counts = Counter(sentences)
    out: set[int] = set()
    if len(counts) < len(sentences):
        seen: Counter[str] = Counter()
        for i, s in enumerate(sentences):
            seen[s] += 1
            if seen[s] < counts[s]:
                out.add(i)
    out.update(in_sections(sentences, lang))
    rules = LANGUAGES.get(lang)
    if rules is not None and rules.list_lines is not None:
        out.update(rules.list_lines(sentences))
    if rules is not None and rules.credited_captions is not None:
        credited = rules.credited_captions(sentences, own_kind(kind_of, lang))
        if credited:
            out.update(i for i, s in enumerate(sentences) if s in credited)
    if rules is not None and rules.placed_not_prose is not None:
        out.update(rules.placed_not_prose(sentences, starts))
    out.update(subheads(sentences, lang, starts, kind_of))
    return out


def own_kind(kind_of: Callable[[str, str], str | None], lang: str) -> Callable[[str], str | None]:
    """The language's own ``not_prose`` (without the bare-address check every language
    shares) read from ``kind_of`` (``not_prose`` or an article's ``ProseKinds``): a span it
    calls a link is asked of the language again; any other kind is the language's."""
    own = language(lang).not_prose

    def kind(span: str) -> str | None:
        found = kind_of(span, lang)
        return own(span) if found == "link" else found

    return kind


def subheads(sentences: list[str], lang: str, starts: frozenset[int],
             kind_of: Callable[[str, str], str | None] = not_prose) -> set[int]:
    """Indexes of the subheads and link titles between paragraphs of prose (``starts``: each
    paragraph's first sentence, empty where the text's lines are not known): no candidates,
    and points only when no other line is left, not even for the last resort."""
    rules = LANGUAGES.get(lang)
    if rules is None or rules.subheads is None or not starts:
        return set()
    return rules.subheads(sentences, starts, own_kind(kind_of, lang))


def in_sections(sentences: list[str], lang: str) -> set[int]:
    """Indexes of the sentences a section head shows to be no prose (English sponsor reads
    after "Sponsored by:", a show's link lines): never a point, not even when nothing else is
    left."""
    rules = LANGUAGES.get(lang)
    if rules is None or rules.section_not_prose is None:
        return set()
    return rules.section_not_prose(sentences)

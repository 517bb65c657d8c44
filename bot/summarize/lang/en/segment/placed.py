"""English spans that their place on the page shows to be no prose, though each sentence of
them reads as prose: an AP photo caption's paragraph (it closes on the credit, "(AP Photo/…)";
issue 28, wire)."""

from __future__ import annotations

from bot.summarize.lang.en.segment import not_prose

# Sentences an AP caption paragraph holds at most, its credit with them: a longer paragraph
# closing on a credit is a story's text that kept its caption's credit, not a caption.
CAPTION_PARAGRAPH = 6


def placed(sentences: list[str], starts: frozenset[int]) -> set[int]:
    """Indexes of the sentences their place shows to be no prose (``starts``: the index of each
    paragraph's first sentence; empty where the text's lines are not known)."""
    return caption_paragraphs(sentences, starts)


def caption_paragraphs(sentences: list[str], starts: frozenset[int]) -> set[int]:
    """Every sentence of a paragraph that closes on a photo credit in brackets ("(AP Photo/Carlos
    Osorio)", "(… via AP)") and is followed by more of the text: AP pages print the caption
    (the photo's line, then a few of the story's sentences) above the story, often twice, and
    any sentence of it may be chosen, not only the one before the credit. A flattened text
    (one paragraph) has no such paragraph: its credit closes no line."""
    out: set[int] = set()
    first = 0
    for i in range(len(sentences) - 1):
        if i in starts:
            first = i
        if i + 1 not in starts or sentences[i][:1] != "(" or i - first >= CAPTION_PARAGRAPH:
            continue
        if not_prose(sentences[i]) == "credit":
            out.update(range(first, i + 1))
    return out

"""Korean sentence rules: where a predicate ending and its mark end a sentence, even glued to
the next one, and which lines the analyser splits. Read by ``bot.summarize.text``."""

from __future__ import annotations

import re

from bot.summarize.lang import CLOSERS, Splitting, marked_sentences
from bot.summarize.lang.en import sentences as en_sentences
from bot.summarize.lang.ko import segment

# Korean: a declarative/interrogative ending followed by a period may be glued to the next
# sentence ("했다.그러나"), so these split even without a space.
BOUNDARY = re.compile(
    r"((?:[다요죠까네음함임됨]|니다)[.!?]+[" + re.escape(CLOSERS) + r"]*)(\s*)(?=\S)"
    r"|([.!?…]+[" + re.escape(CLOSERS) + r"]*)(\s+)"
)


def split_line(block: str) -> list[str]:
    """The pieces of a Korean line with a terminal mark, cut at its sentence boundaries (not
    stripped; bot.summarize.text keeps the non-blank ones)."""
    out: list[str] = []
    start = 0
    for m in BOUNDARY.finditer(block):
        if m.group(1):
            end = m.end(1)
        else:
            end = m.end(3)  # a mark after Latin text: judged by the English rules
            before, after = block[max(start, end - 40) : end], block[m.end() : m.end() + 41]
            if not en_sentences.is_boundary(before, after):
                continue
        out.append(block[start:end])
        start = m.end()
    out.append(block[start:])
    return out


def line_sentences(block: str, splitting: Splitting) -> list[str]:
    """Sentences of a Korean line, its wire dateline taken out: Kiwi's splitter where rules
    would have to guess (quotes, abbreviations), ``split_line`` elsewhere and whenever the
    analyser is unavailable."""
    analysis = splitting.analysis
    out: list[str] = []
    for piece in analysis.story_lines(block):
        for line in segment.unglue(piece):
            if splitting.not_prose(line, "ko") == "caption":
                out.append(line)  # a caption with its credit stays one span, judged as such
                continue
            by_kiwi = analysis.split_line(line) if analysis.needs_splitting(line) else None
            out.extend(by_kiwi if by_kiwi is not None else marked_sentences(line, split_line))
    return out

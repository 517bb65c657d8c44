"""Korean sentence rules: where a predicate ending and its mark end a sentence, even glued to
the next one. Read by ``bot.summarize.text``."""

from __future__ import annotations

import re

from bot.summarize.lang import CLOSERS
from bot.summarize.lang.en import sentences as en_sentences

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

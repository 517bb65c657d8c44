"""Korean sentence rules: where a predicate ending and its mark end a sentence, even glued to
the next one, and which lines the analyser splits. Read by ``bot.summarize.text``."""

from __future__ import annotations

import re

from bot.summarize.lang import CLOSERS, Splitting, marked_sentences
from bot.summarize.lang.en import sentences as en_sentences
from bot.summarize.lang.ko import segment
from bot.summarize.lang.ko.words import PREDICATE_END

# Korean: a declarative/interrogative ending followed by a period may be glued to the next
# sentence ("했다.그러나"), so these split even without a space.
BOUNDARY = re.compile(
    r"(" + PREDICATE_END + r"[.!?]+[" + re.escape(CLOSERS) + r"]*)(\s*)(?=\S)"
    r"|([.!?…]+[" + re.escape(CLOSERS) + r"]*)(\s+)"
)


# A straight double quote that is not an inch mark after a number. It opens on the mark and
# looks back past it, so the engine skips from one mark to the next; as '(?<!\d)"' it tried
# the look-behind at every character of every span ``_opens_quote`` reads (same matches).
_STRAIGHT_QUOTE = re.compile(r'"(?<!\d")')


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


def _opens_quote(span: str) -> bool:
    """Whether ``span`` leaves a quotation open: more opening than closing curly marks, or an
    odd number of straight ones. A straight mark right after a digit is inches ("27\" 모니터"),
    no quotation."""
    return (span.count("“") > span.count("”") or span.count("‘") > span.count("’")
            or len(_STRAIGHT_QUOTE.findall(span)) % 2 == 1)


def join_open_quotes(line: str, pieces: list[str]) -> list[str]:
    """``pieces`` (the stripped sentences of ``line``, in order) with the pieces of one
    quotation joined: a sentence end inside an open “…” (or ‘…’, "…") is no sentence end when
    the quotation closes later on the line (“윤 (대통령) 계엄선포가 실패했냐고? 이제 우리는 완전히
    이겼습니다.” was two points, each with an unbalanced mark). A quotation that never closes
    on the line leaves its pieces as they were (segment.broken_quote keeps them out of
    points). Each joined span is the line's own text from the first piece to the last."""
    if len(pieces) < 2 or not ("“" in line or "‘" in line or '"' in line):
        return pieces
    spans: list[tuple[int, int]] = []
    at = 0
    for piece in pieces:
        start = line.find(piece, at)
        if start < 0:
            return pieces  # not the line's own text in order: nothing is joined
        spans.append((start, start + len(piece)))
        at = start + len(piece)
    out: list[str] = []
    i = 0
    while i < len(pieces):
        j = i
        while _opens_quote(line[spans[i][0] : spans[j][1]]) and j + 1 < len(pieces):
            j += 1
        if j > i and not _opens_quote(line[spans[i][0] : spans[j][1]]):
            out.append(line[spans[i][0] : spans[j][1]])
            i = j + 1
        else:
            out.append(pieces[i])
            i += 1
    return out


def line_sentences(block: str, splitting: Splitting) -> list[str]:
    """Sentences of a Korean line, its wire dateline taken out: Kiwi's splitter where rules
    would have to guess (quotes, abbreviations), ``split_line`` elsewhere and whenever the
    analyser is unavailable."""
    analysis = splitting.analysis
    out: list[str] = []
    for piece in analysis.story_lines(block):
        for line in segment.unglue(piece):
            # Only a line with a credit's slash may be a caption (most have none): the rest
            # skip the line's other kinds, which a line of several sentences never needs.
            if segment.may_be_caption(line) and splitting.not_prose(line, "ko") == "caption":
                out.append(line)  # a caption with its credit stays one span, judged as such
                continue
            by_kiwi = analysis.split_line(line) if analysis.needs_splitting(line) else None
            pieces = by_kiwi if by_kiwi is not None else marked_sentences(line, split_line)
            out.extend(join_open_quotes(line, pieces))
    return out


# What closes a run of quotations as its sentence's predicate: "“…” “…” 등의 반응을 보였다",
# "…”라고 말했다". Kiwi cuts such a run after a quotation's own sentence end, and its pieces have
# no verb or no speaker ("네티즌들은 “…” “… 똑같다”", "“그때도 지금도 아름다우십니다”", "등의
# 반응을 보였다."); readers of the held-out read met such a piece as a point. "등" opens no
# sentence ("등이", "등은" would be the back). A bare "고" is left out: "고(故) …" opens one.
QUOTE_TAIL = re.compile(r"(?:등(?:의|을|과)?|(?:이)?라(?:고|며|면서))\s")
QUOTE_CLOSERS = ("”", '"', "’")
QUOTE_OPENERS = ("“", '"', "‘")


def quote_runs(sentences: list[str], starts: frozenset[int] = frozenset()) -> set[int]:
    """Indexes of the pieces of a run of quotations the splitter cut (``QUOTE_TAIL``): the
    tail, the piece before it ending in a quotation and any bare quotations before that, back
    to the piece that opens the run, all in one paragraph (``starts``: each paragraph's first
    sentence). Part of the story, never a point. A run whose quotation opened in a paragraph
    before is left as it is."""
    out: set[int] = set()
    for i in range(1, len(sentences)):
        if i in starts or not QUOTE_TAIL.match(sentences[i]) \
                or not sentences[i - 1].endswith(QUOTE_CLOSERS):
            continue
        first = i - 1
        while first - 1 >= 0 and first not in starts and sentences[first].startswith(
                QUOTE_OPENERS) and sentences[first - 1].endswith(QUOTE_CLOSERS):
            first -= 1
        if any(q in s for s in sentences[first:i] for q in QUOTE_OPENERS):
            out.update(range(first, i + 1))
    return out

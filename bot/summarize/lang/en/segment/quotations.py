"""English quotations the splitter cut: a sentence that opens a quotation and does not close
it, closes one it did not open, or sits inside one. Each is part of the story but no point: a
point keeps a quotation whole."""

from __future__ import annotations

import re

# A quotation runs on for at most this many sentences with no quotation mark at all; past
# that, the mark that opened it was a stray one (a typo), not a long quote.
QUOTE_RUN = 5
# An inch mark after a number, before a word or a stop ('my 10.5" iPad', "the 12.9” iPad
# Pro", 'grows to 6.9".'): no quotation. A year is no measure ('"… by 2010" and'); a mark
# that would close a quotation opened earlier in the sentence closes it ('"… to win 3-1".',
# 'Apple Watch "Series 4" marketing image'): see quote_marks.
# Written to open on the mark, its digit looked for behind it, so the engine skips to the
# next mark instead of trying the lookbehinds at every character (same matches).
INCH = re.compile(r"[\"”](?<=\d[\"”])(?<![12]\d\d\d[\"”])(?= [A-Za-z]|[.,;:)])")


def quote_marks(sentence: str) -> tuple[int, int, int]:
    """The straight double, opening and closing curly quotation marks of ``sentence``, inch
    marks left out. A pair of the same curly mark and no other ("the plan ”a fair deal” for
    residents", a typesetting slip) is one quotation, opened and closed."""
    straight, opens, closes = sentence.count('"'), sentence.count("“"), sentence.count("”")
    if straight or closes:
        for m in INCH.finditer(sentence):
            mark, before = m.group(), sentence[: m.start()]
            if (before.count('"') % 2 == 1 if mark == '"'
                    else before.count("“") > before.count("”")):
                continue  # it closes the quotation opened before it
            if mark == '"':
                straight -= 1
            else:
                closes -= 1
    if (opens, closes) in ((0, 2), (2, 0)):
        opens, closes = 1, 1
    return straight, opens, closes


def cut_quote(sentence: str) -> bool:
    """Whether ``sentence`` holds a quotation the splitter cut: one opened and never closed
    (``Mr Blair said: "It will be a report that's brutally frank.`` with the quote running on
    into the next sentence) or a stray closing mark (``We just really wanted to make a great
    Duran Duran album," said …``). Only double quotes: a single one is also an apostrophe."""
    return _unbalanced(quote_marks(sentence))


def _unbalanced(marks: tuple[int, int, int]) -> bool:
    """Whether ``quote_marks`` counts say a quotation is opened and not closed, or closed and
    not opened."""
    straight, opens, closes = marks
    return straight % 2 == 1 or opens != closes


def inside_quotations(
    sentences: list[str],
    starts: frozenset[int] = frozenset(),
    counted: list[tuple[int, int, int]] | None = None,
) -> set[int]:
    """Indexes of the sentences inside a quotation opened in a sentence before (``He added:
    "They'll know not to play like that again.`` then ``We showed a lack of strength.``): a
    piece of a quotation the splitter cut, with its speaker in another sentence. A paragraph of
    a long quotation reopens with a mark of its own (``"In the second half we had …``), which
    does not close it; a quotation left open ends at a paragraph break (``starts``: the index
    of each paragraph's first sentence; ``counted``: each sentence's ``quote_marks``, where
    known). Double quotes only: a single one is also an apostrophe."""
    out: set[int] = set()
    straight = False  # a straight double quotation is open
    curly = 0  # open curly quotations
    quiet = 0  # sentences with no quotation mark since the last one
    if counted is None:
        counted = [quote_marks(s) for s in sentences]
    for i, s in enumerate(sentences):
        marks, opens, closes = counted[i]
        if i in starts:
            straight, curly, quiet = False, 0, 0
        if straight or curly:
            out.add(i)
            if not (marks or opens or closes):
                quiet += 1
                if quiet >= QUOTE_RUN:
                    straight, curly, quiet = False, 0, 0
                continue
        quiet = 0
        if marks:
            if s[0] == '"':  # opens here, or reopens a quotation running on
                straight, marks = True, marks - 1
            straight ^= marks % 2 == 1
        if opens or closes:
            if s[0] == "“" and curly:
                opens -= 1  # a new paragraph of the same quotation
            curly = max(0, curly + opens - closes)
    return out


# The Daily Mail quotes with single marks ("Frederick writes: 'You are the most wonderful …
# wife that has ever lived." with the quotation running on into the next sentence). An
# opening mark stands at the start or after a space, colon or bracket before a letter (not
# the elisions 'em, 'til, 'cause, 'tis, 'twas, 'n', 'bot, 'orrible, nor a possessive's "'s"
# cut off its name); a closing one after a letter, a stop or a grade's sign ('BB+', 'BBB-'),
# before a space, a stop, a dash or the end. A possessive plural ("the players' wages") reads
# as a closing mark: it can only hide a cut quotation, never invent one.
# Opening on the mark, as INCH does: the engine skips to the next mark.
SINGLE_OPEN = re.compile(
    r"['‘](?:(?<=^['‘])|(?<=[\s(\[:]['‘]))(?!(?:em|til|cause|tis|twas|n|bots?|orrible|s)\b)"
    r"(?=[A-Za-z])",
    re.IGNORECASE)
SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?…\])+-])['’](?=[\s,.;:!?)\]—–-]|$)")


def cut_single_quote(sentence: str) -> bool:
    """Whether ``sentence`` opens a single-quoted quotation and never closes it: a piece of a
    quotation the splitter cut, as ``cut_quote`` finds for double marks. A sentence with
    double marks is left to ``cut_quote``: its single marks may be a quotation inside one
    (“said, ‘Bill Cosby drugged and raped me.’”)."""
    if ("'" not in sentence and "‘" not in sentence) or '"' in sentence or "“" in sentence \
            or "”" in sentence:
        return False
    opened = SINGLE_OPEN.search(sentence)
    return opened is not None and SINGLE_CLOSE.search(sentence, opened.end()) is None


def cut_quotations(sentences: list[str], starts: frozenset[int] = frozenset()) -> set[int]:
    """Indexes of the pieces of a quotation the splitter cut: a sentence that opens one and
    does not close it, closes one it did not open (``cut_quote``, ``cut_single_quote``), or
    sits inside one (``inside_quotations``). Each is part of the story but no point: a point
    keeps a quotation whole."""
    counted = [quote_marks(s) for s in sentences]  # read once for both rules
    return {i for i, marks in enumerate(counted)
            if _unbalanced(marks) or cut_single_quote(sentences[i])} | inside_quotations(
        sentences, starts, counted)

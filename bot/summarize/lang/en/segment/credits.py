"""English credit lead-ins of a quotation, the line that tells who is quoted below ("Eric
Newcomer, Bloomberg:"), and where one glued to its quotation ends (issue 28, stop 47)."""

from __future__ import annotations

import re

# A quotation's credit line: a name (two to four capitalised words, or two such names joined
# by "and"), a comma, the outlet, maybe the piece's title in quotes, a colon ("Eric Newcomer,
# Bloomberg:", "Josh Centers, writing for TidBITS:", "Mark Bergen, reporting for Bloomberg:",
# "Christopher Mims, in his column for The Wall Street Journal:", "Serenity Caldwell, at
# iMore:", "Federico Viticci, MacStories, “The 10.5-inch iPad Pro: Future-Proof”:"; rf128,
# rf160: Lead-3 gave each as a point, issue 28, stop 47).
_CREDITED = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}"
_OUTLET = r"(?:the )?[a-z]?[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,3}"
CREDIT_LINE = re.compile(
    rf"^{_CREDITED}(?: and {_CREDITED})?"
    r"(?:,(?: (?:writing|reporting) (?:for|at|in|on)|(?P<at> at)"
    r"| in (?:his|her|their) column (?:for|at|in))?"
    r"| (?:writing|reporting) (?:for|at|in|on))"
    rf" (?P<outlet>{_OUTLET})(?:, [“\"][^\n]{{1,160}}?[”\"])?:"
)
# A credit told as praise, whole on its line: "Great investigative work by Kashmir Hill and
# Surya Mattu for Gizmodo:" (rf136, Lead-3's point 1). Only whole: a comma after the name may
# open an appositive ("Great work by John Smith, the coach, has paid off: …"), so ``unglue``
# cuts by CREDIT_LINE alone.
PRAISED_CREDIT = re.compile(
    r"^(?:Great|Excellent|Terrific|Superb|Fine|Good|Nice) (?:[a-z]+ )?"
    r"(?:work|piece|reporting|report|story|scoop|column|post|writing) by "
    rf"{_CREDITED}(?: and {_CREDITED})? (?:for|at|in) {_OUTLET}:$"
)
# ", at X:" glued to prose is a credit only when X looks like an outlet ("at iMore:", "at
# Engadget.com:"): "Tim Cook and Craig Federighi, at WWDC: the two executives showed …" and
# "Second Half Report, at Wembley: England scored …" name a place.
OUTLET_LOOKING = re.compile(r"[a-z]+[A-Z]\S*|\S+\.(?:com|net|org|io|co\.uk)")
# How far into a glued line its credit's colon may come: a quoted title can be long.
GLUED_CREDIT_CHARS = 200


def glued_credit_end(sentence: str) -> int | None:
    """Where a credit lead-in glued to its quotation on one line ends ("Eric Newcomer,
    Bloomberg: Adjusted net revenue …", "Dani Deahl writing for The Verge: Spotify is …"),
    else None."""
    if not ((", " in sentence[:60] or " for " in sentence[:60])
            and ": " in sentence[:GLUED_CREDIT_CHARS]):
        return None
    credit = CREDIT_LINE.match(sentence)
    if credit is None:
        return None
    if credit.group("at") is not None and OUTLET_LOOKING.fullmatch(credit.group("outlet")) is None:
        return None
    return credit.end()

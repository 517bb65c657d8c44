"""English lines of a blog or a shop's post that tell the reader nothing of the story (issue 28,
stop 47's read of real-world feed items): a pointer to the site's other pieces, a scene set for
the reader, a chatty answer or reassurance, a benefit claimed for the reader's business. Each is
a sentence of prose by its shape, so no other rule reads it as furniture; readers marked each
down as a point ("a brief of two good points beats three with filler")."""

from __future__ import annotations

import re

# Whole spans, each anchored at the span's start.
FILLER = re.compile(
    # The site's other pieces, where the reader may read more (rf629: "You can get more
    # in-depth information in our reviews of the MacBook and the MacBook Pro." was point 3).
    r"(?:You can (?:get|find|read)|For) (?:more|further|lots more)(?: in-depth| detailed)? "
    r"(?:information|info|details|coverage)\b[^.!?]{0,40}?\b(?:in|on|at|see|read|check out) "
    r"our\b[^!?]{0,120}[.!]$"
    # A scene set for the reader, not the post's news (rf629: "It's the holiday season, and
    # you're planning on buying that special someone a new Mac laptop." was point 1; rf516's
    # "It’s that time of year again!").
    r"|It['’]s (?:the|that) (?:\w+ ){0,2}(?:season|time of (?:the )?year)(?: again)?"
    r"(?:!|, and you(?:['’]re| are)\b[^!?]{0,120}[.!]$)"
    # What is on offer, put to the reader as a wish met (rf637: "If you're looking for a good
    # deal on Mac software, you're in luck." was point 1; the bundle and its price follow).
    r"|[^.!?]{0,100}\byou['’]re in luck[.!]$"
    # A reassurance or a chatty answer with no news of its own: "Don’t worry!", "Yup, it’s
    # gonna be the fourth open house already – how time flies since we did all that
    # construction!" (rf516, point 2; "the fourth" is in the headline).
    r"|(?:Don['’]t worry|No worries|Fear not|Not to worry)\b[^.!?]{0,40}[.!]$"
    r"|(?:Yup|Yep|Yeah|Nope|Whew|Phew|Woohoo|Yay|Hooray)[,!] [^.?]{0,160}!$"
    # The writer's liking for a thing, with no claim about it: "I really appreciate the preferred
    # content size feature on iOS." (rf494, point 1; what the post's code does came later). A
    # reason or a clause after it ("I love Copied, it's a great clipboard manager that syncs
    # …", "I like that the name includes the direction") says something and stays prose.
    r"|I (?:really |truly |just |absolutely |do )?(?:appreciate|love|adore|enjoy|like) "
    r"(?![^.!?]*\b(?:that|because|since|how|when|if|but|as|which)\b)"
    r"(?:the|this|my|a|an|these|those) [^,;:!?\"“”]{0,60}[.!]$"
    # A nudge to follow the link, naming nothing: "If you haven't seen it yet, you have to check
    # it out." (rf665, point 1 above what objc.io offers).
    r"|If you haven['’]t (?:seen|read|heard|tried|checked|visited)\b[^A-Z0-9.!?]{0,60}[.!]$"
    # A roundup's teaser pointing at picks the brief does not show: "These DIY tools are the
    # best of the bunch." (rf636, point 2: which tools?).
    r"|(?:These|Those) [^.!?]{0,50}? (?:are|were) (?:the|our) (?:very )?(?:best|top|finest)"
    r"(?: picks?| choices?| options?)?(?: of the bunch| of them all| (?:you can )?(?:buy|get)"
    r"(?: right now| today)?)?[.!]$"
    # The post's earlier pieces, each a link the brief does not show: "Here were the first,
    # second, and third DCR Open House events!" (rf516, point 2 once the chatty answer went).
    r"|Here (?:were|was) (?:the|my|our) (?:first|previous|past|earlier|last|older)\b"
    r"[^.?]{0,120}[.!]$"
)
# Searched anywhere: a benefit claimed for the reader's business, as a vendor's post says it
# (rf478: "BigQuery lets you ingest and analyze data quickly …, so you can find new insights,
# trends, and predictions to efficiently run your business." was point 2, above the quota and
# the speeds the post is about).
MARKETING = re.compile(
    r"\b(?:run|grow|scale|transform|power|future-proof) your (?:business|organization|company)\b"
    r"|\btime to value\b")
# What MARKETING needs: one of these substrings (most sentences hold neither).
MARKETING_HINTS = (" your ", "time to value")


def filler(sentence: str) -> bool:
    """Whether ``sentence`` tells the reader nothing of the story (FILLER, MARKETING)."""
    if FILLER.match(sentence) is not None:
        return True
    for hint in MARKETING_HINTS:  # a loop, not any(): this runs on every sentence
        if hint in sentence:
            return MARKETING.search(sentence) is not None
    return False

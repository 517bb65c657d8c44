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
    # Only a buying or holiday season: "It's the flu season, and you're more likely to catch
    # it than ever." is news (whole-stop review 47, finding 16).
    r"|It['’]s (?:the|that) (?:(?:\w+ )?(?:holiday|festive|Christmas|gift-giving|giving|shopping"
    r"|back-to-school) )?(?:season|time of (?:the )?year)(?: again)?"
    r"(?:!|, and you(?:['’]re| are)\b[^!?]{0,120}[.!]$)"
    # A reassurance or a chatty answer with no news of its own: "Don’t worry!", "Yup, it’s
    # gonna be the fourth open house already – how time flies since we did all that
    # construction!" (rf516, point 2; "the fourth" is in the headline). A reassurance is filler
    # whole or with a bare "we've got you" ("Don't worry, Apple says the fix ships next week."
    # is news), and only an answer word opens a chatty answer: an interjection may open news
    # ("Yay, Casey and Erin had a baby!", "Phew, the rocket landed safely …!"; review of wt-rf47).
    r"|(?:Don['’]t worry|No worries|Fear not|Not to worry)"
    r"(?:, (?:we['’]ve got you(?: covered)?|we['’]re here to help|it['’]s (?:easy|simple)))?"
    r"[.!]$"
    # An answer with a figure is news ("Yup, the vote passed by 300 to 200 MPs!"; review 47, 16).
    r"|(?:Yup|Yep|Nope)[,!] [^.?\d]{0,160}!$"
    # The writer's liking for a thing, with no claim about it: "I really appreciate the preferred
    # content size feature on iOS." (rf494, point 1; what the post's code does came later). A
    # reason or a clause after it ("I love Copied, it's a great clipboard manager that syncs
    # …", "I like that the name includes the direction") says something and stays prose.
    r"|I (?:really |truly |just |absolutely |do )?(?:appreciate|love|adore|enjoy|like) "
    # A claim made without a conjunction is one too ("I love the fact the battery lasts …",
    # "I like the new keyboard much better than the old one.", "I love my AirPods - a lot more
    # than …"), so the liking's object is a short noun phrase that ends the sentence.
    r"(?![^.!?]*(?:\b(?:that|because|since|how|when|if|but|as|which|than|fact|now)\b| [-–—] ))"
    r"(?:the|this|my|a|an|these|those)(?: [^ ,;:.!?\"“”]+){1,6}[.!]$"
    # A nudge to follow the link, naming nothing: "If you haven't seen it yet, you have to check
    # it out." (rf665, point 1 above what objc.io offers). Only a nudge after the comma: "If you
    # haven't heard, the game service shuts down …" is news.
    r"|If you haven['’]t (?:seen|read|heard|tried|checked|visited)(?: it| this| them)?"
    r"(?: yet| already)?, (?:(?:you (?:have|need|ought|should|must) to |go |be sure to )?"
    r"(?:check|read|watch|try|see) (?:it|this|them) out"
    r"|it['’]s (?:well )?worth (?:a (?:look|read|listen|watch)|checking out))[.!]$"
    # A roundup's teaser pointing at picks the brief does not show: "These DIY tools are the
    # best of the bunch." (rf636, point 2: which tools?).
    r"|(?:These|Those) [^.!?]{0,50}? (?:are|were) (?:the|our) (?:very )?(?:best|top|finest)"
    r"(?: picks?| choices?| options?)?(?: of the bunch| of them all| (?:you can )?(?:buy|get)"
    r"(?: right now| today)?)?[.!]$"
    # The post's earlier pieces, each a link the brief does not show: "Here were the first,
    # second, and third DCR Open House events!" (rf516, point 2 once the chatty answer went).
    # Named as the post's pieces, and no colon: "Here was the first sign of trouble: the main
    # pump failed …" is news.
    r"|Here (?:were|was) (?:the|my|our) (?:first|previous|past|earlier|last|older)\b"
    r"[^.?:]{0,120}?\b(?:events|posts|parts|episodes|editions|installments|instalments|articles"
    r"|pieces|issues)\b[^.?:]{0,60}[.!]$"
    # An aside to someone the writer addresses by name, after an interjection: "Well god, CVS,
    # I guess I really just don’t know." (rf308's point 2), "Yes, United Kingdom residents,
    # we've seen the video about your ridiculous plugs." (rf364's, a post-show joke). Short
    # and with no figure: "OK, Update, I got it working by changing the MTU to 1400." is the
    # fix, and "Update", "BTW" or a weekday is no one addressed (review of wt-rf48).
    r"|(?:Yes|Yeah|Well|Oh|No|OK|Okay)(?: \w+)?, (?!(?:Update|Edit|EDIT|BTW|PS|P\.S|Also|Monday"
    r"|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tonight)\b)[A-Z][\w'’.]*"
    r"(?: [A-Z][\w'’.]*){0,3}(?: (?:residents|fans|folks|people|readers|listeners|friends))?,"
    r" (?:I|we|you)\b[^?\d]{0,80}[.!]$"
    # The show notes' writer speaking of themselves, a joke in place of a topic: "Your show
    # notes author tuned out." (rf338's only point: the episode's topics are link titles).
    r"|(?:Your|This|The) show[- ]notes? (?:author|writer|editor)\b[^.!?]{0,80}[.!]$"
    # A paper's closing hope for its own work, a claim of no fact: "We believe the toolkit will
    # contribute towards wider adoption of …" (rf456's point 3, over the toolkit's parts).
    # Not a forecast ("expect"), a claim with a figure, or one reported ("…, the minister
    # said"): "We expect the new system will help cut waiting times by 30%, …" is news.
    r"|We(?![^!?]*(?:\d|[“”\"]|\b(?:said|says|told|according to|wrote|writes)\b)) (?:believe"
    r"|hope|envision|are confident)(?: that)? (?:the|this|our|these) (?:[\w-]+ ){0,3}(?:toolkit"
    r"|tool|study|work|method|approach|findings|results|resource|framework|principles|platform"
    r"|technique|dataset)s? [^.!?]{0,80}?\b(?:will|could|may|might|should|would) (?:also )?"
    r"(?:contribute|help|facilitate|pave|enable|serve|benefit|advance|accelerate|promote|aid"
    r"|be (?:an? (?:[\w-]+ )?)?(?:useful|valuable|applied|of|helpful|important))\b[^!?]{0,200}"
    r"[.!]$"
)
# What is on offer, put to the reader as a wish met (rf637: "If you're looking for a good deal
# on Mac software, you're in luck." was point 1; the bundle and its price follow). Anchored at
# the span's start as FILLER is, but apart from it: FILLER's other spans open on a word, so the
# engine drops a sentence at its first letters, while this one's opening run of up to 100
# characters was tried and given back at every sentence (20.6 of FILLER's 22.3 µs a BBC brief,
# stop 48). Only a sentence that holds IN_LUCK_HINT is tried.
IN_LUCK = re.compile(r"[^.!?]{0,100}\byou['’]re in luck[.!]$")
IN_LUCK_HINT = "re in luck"
# Searched anywhere: a benefit claimed for the reader's business, as a vendor's post says it
# (rf478: "BigQuery lets you ingest and analyze data quickly …, so you can find new insights,
# trends, and predictions to efficiently run your business." was point 2, above the quota and
# the speeds the post is about).
# The verb in either case ("Grow your business with BigQuery."). The business is the thing
# addressed, not a word of a longer noun: "your business rates bill", "your company car",
# "your company's pension" are UK news (whole-stop review 47, finding 3).
MARKETING = re.compile(
    r"\b(?i:run|grow|scale|transform|power|future-proof) your (?:business|organization|company)"
    r"\b(?!['’]s\b| rates?\b| cars?\b| pensions?\b| tax(?:es)?\b)|\b[Tt]ime to value\b")
# What MARKETING needs: one of these substrings (most sentences hold neither).
MARKETING_HINTS = (" your ", "ime to value")
# A quotation or a reported claim is someone's words, not the vendor's address to the reader:
# "“You can’t run your business on hope,” the chief executive told analysts …", "Rooftop solar
# can now power your company's entire office, the utility said." (review of wt-rf47).
# The reporting verbs are the common ones news writes ("…, the FSB warned.").
REPORTED = re.compile(
    r"[“”\"]|\b(?:said|says|told|according to|warned|warns|confirmed|confirms|announced"
    r"|announces|added|adds|claimed|claims)\b")


def filler(sentence: str) -> bool:
    """Whether ``sentence`` tells the reader nothing of the story (FILLER, IN_LUCK,
    MARKETING)."""
    if FILLER.match(sentence) is not None:
        return True
    if IN_LUCK_HINT in sentence and IN_LUCK.match(sentence) is not None:
        return True
    for hint in MARKETING_HINTS:  # a loop, not any(): this runs on every sentence
        if hint in sentence:
            return MARKETING.search(sentence) is not None and REPORTED.search(sentence) is None
    return False

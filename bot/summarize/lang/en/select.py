"""English patterns the sentence selector reads: openings that lean back, captions, credits,
attributions, prices."""

from __future__ import annotations

import re
from collections.abc import Callable

# Lines that are never a point: captions, credits, link texts.
BOILER = re.compile(
    r"^(?:photo|image|video|caption|copyright|©|read more|related|advertisement|share this|"
    r"follow us|subscribe|sign up|click here)",
    re.IGNORECASE,
)
# Openings that lean on the sentence before: pronouns, demonstratives, connectives.
BACK = re.compile(
    r"^[\"'“‘]?(?:he|she|they|it|its|his|her|their|them|this|these|those|that|such|but|and|or|"
    r"yet|so|also|however|meanwhile|moreover|instead|still|then|thus|both|the latter|"
    r"simultaneously|additionally|furthermore|likewise|similarly|nonetheless|nevertheless|"
    r"the former|the move|the decision|the company|the firm|the group|the two|another|others|"
    r"in addition|as a result|even so|otherwise"
    # A time, place or aside fronted before a pronoun: "Now, his great-nephew …", "Yesterday
    # he said", "Whatever the truth, he might …", "In a statement, she said". Not "it", often
    # a dummy ("In 2009, it emerged that …"), nor "we", the writers themselves ("Today we’re
    # announcing …" is a blog post's news, not a reference back).
    r"|(?:now|today|yesterday|later|earlier|there|here|since then|at the time|whatever the truth|"
    r"in a statement|in an interview|in response|despite this|for (?:his|her|their) part|"
    r"last (?:week|month|year|night)|on (?:mon|tues|wednes|thurs|fri|satur|sun)day),? "
    r"(?:he|she|they|his|her|their)"
    # Any fronted phrase with no capitalised word after its first before such a pronoun:
    # "After the vote in the chamber, they left" (who?). A name in the phrase ("When Obama
    # took office, he …") is what the pronoun means, so it does not count.
    r"|(?-i:(?:[a-z\d][\w'’-]*|[A-Z][a-z'’]*)(?: [a-z\d][\w'’-]*){1,10}), (?:he|she|they)\b"
    # A time told relative to an event before: "The following night, members of …", "The next
    # day …", "The day before …".
    r"|the (?:following|next|previous|same) (?:day|night|morning|afternoon|evening|week|"
    r"weekend|month|year)|the (?:day|night|week) (?:before|after)"
    # A group named only by a noun the story gave it before: "The dueling surrogates …",
    # "The pair …", "The couple's lawyer …".
    r"|the (?:\w+(?:ing|ed) )?(?:pair|duo|trio|couple|surrogates|rivals|siblings|brothers|"
    r"sisters|twins)(?:['’]s?)?)\b",
    re.IGNORECASE,
)
# Openings that look like a reference back but name their own subject: "This week …",
# "This post …", "This interview focuses on …" (the piece itself), "It's hard to believe …"
# (a dummy "it" before an adjective and "to"/"that").
SELF = re.compile(
    r"^[\"'“‘]?(?:this|these|that|those) (?:week|year|month|morning|afternoon|evening|weekend|"
    r"season|spring|summer|autumn|fall|winter|time|post|article|episode|video|item|blog|story|"
    r"entry|release|update|version|podcast|issue|edition|feed|site|page|newsletter|guide|interview|"
    r"talk|show|series|paper|study|tutorial|webinar|course|lesson|book)s?\b"
    r"|^[\"'“‘]?it(?:['’]s| is| was| will be| would be) (?:\w+ly )?(?:hard|easy|clear|"
    r"possible|impossible|important|worth|time|likely|unlikely|difficult|safe|fair|true|"
    r"unclear|not clear)\b"
    r"|^[\"'“‘]?it (?:seems|seemed|appears|appeared|makes sense|remains to be seen|"
    r"(?:won['’]t|will not|didn['’]t|did not) take)\b",
    re.IGNORECASE,
)
# Captions, photo credits and bare attributions: no news of their own.
WEAK_START = re.compile(
    r"scroll down|click here|photo:|watch:|video:|read more|see also|"
    # The writer talking to the reader, not news: "You may have noticed", "Do let us know".
    r"you (?:may|might|can|will)\b|do let us|let us know|thanks|thank you|hopefully|"
    r"we look forward|as you (?:might|may|can)\b",
    re.IGNORECASE,
)
# A signpost to what follows, not news: "Here are five objectives to watch for as Trump goes
# overseas.", "While the candidates often agree …, here's a look at five areas where they
# differ", "Here's the New York Times' Michael Shear, who …".
SIGNPOST = re.compile(r"(?:[^,\"“]{0,80}, )?here(?:'s|’s| is| are)\b", re.IGNORECASE)
# A photo caption in the present tense, as CNN pages open a story with it: a short scene with
# its subject, a verb of what a picture shows and a place ("Police watch over travelers at
# New York's Grand Central Terminal before Thanksgiving.", "Liverpool captain Steven Gerrard
# looks on from the bench …"). Not a pronoun's sentence, none with a verb of telling or a
# tense of its own. Checked only on short sentences.
PRESENT_CAPTION = re.compile(
    r"^(?!(?:It|He|She|They|We|I|You|When|If|As|This|That|There|Take)\b)(?:(?:An?|The) )?"
    r"[A-Z][\w'’.-]*(?: [a-z]+)?(?: [A-Z][\w'’.-]*){0,3} "
    r"(?:watch|stand|walk|gather|wait|sit|look|hold|pose|arrive|march|protest|celebrate|ride|"
    r"wave|carr(?:y|ie)|cross|rest|greet|hug|react|cheer|queue|line up|shop|pray|mourn|perform|"
    r"flee|take part|attend)(?:e?s)? "
    r"(?:over|on|at|in|outside|near|through|past|by|during|along|across|around|inside|under|up)\b"
    r"(?![^.]*\b(?:said|says|told|was|were|had|has|have|will|would|is|are)\b)[^\"“”]{0,120}\.$"
)
# Checked only on short sentences: the bounded repeats backtrack.
BARE_ATTRIBUTION = re.compile(
    r"[^,]{0,60}\bsaid in a statement\.?$|[^,]{0,50}\b(?:said|says|told)\b[^,]{0,30}\.$",
    re.IGNORECASE,
)
# Words inside a sentence that mark a photo caption.
# "(L)", "(R)" and ", left," place people in a picture.
CAPTION_WORDS = ("pictured", "file photo", "(file)", "(l)", "(r)", "(left)", "(right)", ", left,",
                 ", right,", "(centre)", "(center)")
# The same words as one pattern over the lower-cased sentence: one scan instead of eleven
# (this runs on every candidate).
CAPTION_WORD = re.compile("|".join(map(re.escape, CAPTION_WORDS)))
# What SHOWN_PICTURE needs: one of these substrings in the lower-cased sentence.
PICTURE_HINTS = ("photo", "pictur", "image", "snap", "shot")
# Pictures the reader of a brief cannot see: "Would you believe that these breathtaking
# photos …", "… in this picture taken on Friday".
SHOWN_PICTURE = re.compile(
    r"\b(?:these|this|the above|the below)(?: \w+)? (?:photos?|photographs?|pictures?|images?|"
    r"snaps?|shots?)\b",
    re.IGNORECASE,
)
# The Daily Mail scrape closes captions and highlight bullets with a space before the full
# stop ("… 70 years ."); the story's own sentences close on the word.
SPACED_STOP = " ."
QUOTE_OPEN = re.compile(r"^[\"“‘']")
QUOTE_CLOSE = re.compile(r"[\"”’'](?=\s\w)")
# A quotation with its speaker named: "…," said Smith / "…," Jane Smith said.
ATTRIBUTION = re.compile(
    r"[\"”’'],? (?:said|says|told|added|according to) [A-Z]"
    r"|[\"”’'],? [A-Z][a-z]+\.?(?: [A-Z][a-z]+)*,? (?:said|says|told|added)"
)
# A sentence opening on one capitalised word, then a comma or a lower-case word: perhaps a bare
# surname ("Tate, aged 26, …", "Manson died …"); extractive._bare_surname decides.
NAME_OPENING = re.compile(r"([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)(?:,| [a-z])")
PRICE = re.compile(r"[$£€¥]\s?\d")
PRICE_HEADLINE = re.compile(
    r"\b(?:price[sd]?|pricing|costs?|fees?|fares?|tariffs?|subscriptions?|plans)\b", re.I
)
# A capitalised word inside a sentence: a name the candidates may share with the title.
NAME = re.compile(r"(?<=\s)[A-Z][a-z]{2,}")


def refers_back(sentence: str, subjectless: Callable[[str], bool]) -> bool:
    """Whether an English ``sentence`` opens by referring back to something it does not name: a
    pronoun, demonstrative or connective, or a quote with no named speaker (``subjectless``
    is Korean's analyser rule, unused here)."""
    if BACK.match(sentence):
        return not SELF.match(sentence)
    if not QUOTE_OPEN.match(sentence) or ATTRIBUTION.search(sentence):
        return False
    # A quoted term or title ("“App thinning” is not a magic bullet …") opens a sentence that
    # is the writer's own; only a quotation running on with no named speaker leans back.
    # A quotation closes on its own punctuation ("“We will not stop,” he said"); a term does
    # not.
    close = QUOTE_CLOSE.search(sentence, 1, 50)
    if close is None or sentence[close.start() - 1] in ",.!?…":
        return True
    return sentence.startswith((" said", " says"), close.end())

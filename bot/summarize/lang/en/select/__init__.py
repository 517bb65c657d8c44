"""English patterns the sentence selector reads: openings that lean back, captions, credits,
attributions, prices."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from itertools import chain

from bot.summarize.lang import Analyser, Analysis, Cues
from bot.summarize.lang.en.segment.labels import step_labels
from bot.summarize.lang.en.select import dummy_it
from bot.summarize.lang.en.select.asides import aside
from bot.summarize.lang.en.select.fronted import leans_through_fronted, uses_it
from bot.summarize.lang.en.select.headline_names import headline_names
from bot.summarize.lang.en.select.pointer import points_elsewhere

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
    # took office, he …") is what the pronoun means, so it does not count. A price or an amount
    # is no name: "Currently above $40 a barrel, he said: …" (who? BP's chief, named only in
    # a sentence the brief skipped).
    r"|(?-i:(?:[a-z\d][\w'’-]*|[A-Z][a-z'’]*)(?: [$£€]?[a-z\d][\w'’.-]*){1,10}), "
    r"(?:he|she|they)\b"
    # A time told relative to an event before: "The following night, members of …", "The next
    # day …", "The day before …".
    r"|the (?:following|next|previous|same) (?:day|night|morning|afternoon|evening|week|"
    r"weekend|month|year)|the (?:day|night|week) (?:before|after)"
    # A group named only by a noun the story gave it before: "The dueling surrogates …",
    # "The pair …", "The couple's lawyer …".
    r"|the (?:\w+(?:ing|ed) )?(?:pair|duo|trio|couple|surrogates|rivals|siblings|brothers|"
    r"sisters|twins)(?:['’]s?)?"
    # A summary or a companion of something told before: "The gist of both previews …",
    # "Along for this run is …".
    r"|the gist|along for"
    # A sum of what was told ("All of which means …") or how a thing told before was received
    # ("The idea landed with a thud.", "The proposal was met with …").
    r"|all of (?:which|this)|the (?:idea|plan|proposal|suggestion|pitch) (?:landed|fell flat|"
    r"went down|was met|met with|was greeted|drew)"
    # What is left of, or beside, a thing told before (issue 28, a CNN/DM blind read): "The
    # rest are being kept a secret …", "The other project is …", "The remaining 12% will be
    # retained …". Not "the rest of the world", "the other day", "on the other hand".
    r"|the rest(?! of)|the remaining|the other(?! (?:day|night|week|morning|evening|hand|"
    r"side of|way round|way around)\b)"
    # A negation carried on from the sentence before: "Neither will the announcement be seen
    # as unalloyed good news in Sweden …", "Nor did the first officer …".
    r"|nor|neither (?:will|would|is|was|are|were|has|have|had|did|does|do|can|could|should|"
    r"must|may|might)"
    # A share of a group told before: "Most of them are expected to turn out …", "Half of
    # them argue …", "Some of those affected …".
    r"|(?:most|many|some|all|none|few|several|each|either|neither|one|two|three|four|half|"
    r"much|any) of (?:them|those|these|it)"
    # A fronted phrase whose possessive and subject are both pronouns, with or without a
    # comma: "In his twenties he battled tuberculosis …" (who?), "Through their Cubic
    # Expression vehicle they own 28.9% …".
    r"|(?:in|at|on|by|after|before|during|for|since|throughout|despite|until|within|from|"
    r"through|with) (?:his|her|their)\b[^,.;:]{0,40}?,? (?:he|she|they)"
    # A fronted participle of placing, naming or making whose subject is the pronoun after
    # it, even "it", then never a dummy: "Hidden behind an unmarked door, in a nondescript
    # government office building in the Australian capital, it could be mistaken for …" as
    # a CNN/DM fit-half lede (what is?), "Dubbed …, it …", "Founded in 1998, they …".
    r"|(?:hidden|tucked|nestled|located|perched|housed|situated|built|founded|established|"
    r"launched|unveiled|called|dubbed|named|designed|created|developed|priced|powered|billed|"
    # Not the pronoun of a closing attribution: "Launched in 2015, the service now has 10
    # million users, it said." names its subject (review 35).
    r"touted|hailed)\b[^.;:]{0,140}?, (?:it|he|she|they))\b"
    r"(?! (?:said|says|added|adds|told|tells|reported|reports|announced|claimed|claims|wrote"
    r"|writes|stated|states|noted|notes)[.!?\"'”’]*$)",
    re.IGNORECASE,
)
# Openings that look like a reference back but name their own subject: "This week …",
# "This post …", "This interview focuses on …" (the piece itself), "It's hard to believe …"
# (a dummy "it": ``dummy_it``, which the fronted-clause rule reads too).
SELF = re.compile(
    r"^[\"'“‘]?(?:this|these|that|those) (?:week|year|month|morning|afternoon|evening|weekend|"
    r"season|spring|summer|autumn|fall|winter|time|post|article|episode|video|item|blog|story|"
    r"entry|release|update|version|podcast|issue|edition|feed|site|page|newsletter|guide|interview|"
    r"talk|show|series|paper|study|tutorial|webinar|course|lesson|book)s?\b"
    rf"|^[\"'“‘]?it(?:{dummy_it.DUMMY})",
    re.IGNORECASE,
)
# The Daily Mail's opener names its own subject: "This is the (shocking) moment a train
# announcer stunned passengers …" (a CNN/DM dev lede, lost to its own paraphrase). Only with a
# noun phrase after "moment" that is not a pronoun (a/an/the …, a capitalised name): "This is
# the moment he was arrested" (who?), "… to act", "… for the club", "… of truth" and "… we
# have all been waiting for" point back at what came before. A sentence ending on its
# preposition ("… the world has waited for.") is a relative clause about "this", not news.
MOMENT = re.compile(
    r"^[\"'“‘]?this (?:is|was) the (?:[\w’'-]+ ){0,2}moment "
    r"(?:(?:a|an|the) \w|(?!(?-i:I|It|He|She|We|They|You|His|Her|Their|Its|My|Our|Your)\b)"
    r"(?-i:[A-Z])\w)"
    r"(?!.*\b(?:for|of|about)[.!?\"'”’]*$)",
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
# What CAPTION_WORD needs: each of CAPTION_WORDS holds one of these (most sentences hold none,
# and five substring tests cost a fifth of the scan).
CAPTION_HINTS = ("(", "pictured", "file photo", ", left,", ", right,")
# What SHOWN_PICTURE needs: one of these substrings in the lower-cased sentence.
PICTURE_HINTS = ("photo", "pictur", "image", "snap", "shot")
# Pictures the reader of a brief cannot see: "Would you believe that these breathtaking
# photos …", "… in this picture taken on Friday".
# Up to three words between when each is a compound or a participle ("These heart-breaking
# end-of-life snaps"); any one word otherwise ("this year the images" is no pointer).
SHOWN_PICTURE = re.compile(
    r"\b(?:these|this|the above|the below)(?: \w+| [\w]+-[\w-]+(?: [\w]+-[\w-]+| \w+ing){0,2}"
    r"| \w+ing(?: [\w]+-[\w-]+| \w+ing){1,2})? (?:photos?|photographs?|pictures?|images?|"
    r"snaps?|shots?)\b",
    re.IGNORECASE,
)
# A sentence about the picture or video beside it, which the brief does not show: who it shows
# ("This was David Cameron yesterday …", "Here is Jane Smith, 23, …"), how its subject looks
# ("It looks as though it's lying in wait …", the jellyfish in the photo), what the page's
# video shows ("The video shows the fearless feline jumping …": present tense; "Footage
# showed a huge blaze at Abqaiq" reports). "This is the moment X did Y", the Daily Mail's
# opener, often carries the news: it stays prose (and names its own subject: MOMENT). Only a pointer
# at the picture beside the text: "A video released by the Pentagon on Tuesday shows a Russian
# jet …" reports a video, and "This is Britain at its best, the Prime Minister said" a quote.
SHOWN_SCENE = re.compile(
    r"^(?:This|Here) (?:is|was|are|were) (?:[A-Z][\w'’-]+ ){1,3}(?:yesterday|today|pictured)\b"
    r"|^It looks as (?:though|if) (?:it|he|she|they)\b"
    r"|^(?:The|This) (?:video|footage|clip|picture|photo|image)s? (?:above |below )?"
    r"(?:shows?|captures?)\b")
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
# What frames a teaser (``teaser``): a dummy "it" as the subject of the main clause, at the
# start or after a fronted phrase of place, time or manner ("For most people, it has become a
# travel essential.", "Looks like it's a bad time to …", "With divorce fast becoming the norm
# it seems true love is …"), or a secret held back ("The secret to staying slim could be in
# saliva."). Not an "it" after a clause of its own, whose antecedent the sentence gives ("I
# love my iPad, it's a great …", "RSS is not a product, it's a format."), nor "it's time for
# …", which names its own subject (SELF): "Once again, it’s time for the annual power meter
# buyer’s guide!" opens a blog's guide under its headline.
_TEASER_VERB = (r"(?:['’]s| is| was| has| takes| took| seems| seemed| doesn['’]t| didn['’]t"
                r"| looks| can| could| may| might)\b(?! time\b)")
_FRONTED = (r"(?:at|for|in|with|on|by|after|before|from|once|despite|unlike|under|behind|among|"
            r"amid|hidden)")
TEASER_FRAME = re.compile(
    rf"^(?:(?:looks|seems|sounds) like )?it{_TEASER_VERB}"
    rf"|^{_FRONTED}\b[^,.;:]{{0,80}}(?:, it{_TEASER_VERB}| it (?:seems|seemed)\b)"
    # Or a dummy "there" after a fronted phrase of one bare word: "In life, there's always
    # work to be done." A longer phrase sets a scene the sentence reports on: "After the
    # storm, there was no power ...", "Among the victims, there were two children." (review 35)
    rf"|^{_FRONTED} [a-z]+, there(?:['’]s| is| are| was| were)\b"
    r"|^the secret (?:to|of|behind)\b",
    re.IGNORECASE,
)
TEASER_CHARS = 110
# A name (a capitalised word after the first, an acronym) or a figure.
NAME_OR_NUMBER = re.compile(r"(?<=\s)[\"“‘']?[A-Z][\w'’-]|\d")
# A source telling the news: a teaser tells none.
TELLING = re.compile(
    r"\b(?:said|says|told|announced|reported|according to|claimed|confirmed|revealed)\b",
    re.IGNORECASE,
)


# Anywhere in a sentence, the writer pointing at an earlier piece of theirs the brief does not
# show: "…, as I did yesterday", "as I wrote last week", "I mentioned earlier.", "in my last
# post", "I noted yesterday (sub req) that …". Otherwise the time must end the clause: "We
# said before the election that …" and "We noted earlier this month that …" report what was
# said (a "we" may be a party or a firm; "before" and "earlier this month" date the saying).
_EARLIER_VERB = r"(?:said|wrote|noted|mentioned|argued|linked(?: to)?)"
_EARLIER_TIME = r"(?:yesterday|earlier|previously|before|above|last (?:week|month|time|year))"
EARLIER_PIECE = re.compile(
    rf"\b(?:(?:[Aa]s|[Ll]ike) (?:I|[Ww]e) (?:did|{_EARLIER_VERB}) {_EARLIER_TIME}\b"
    rf"|I {_EARLIER_VERB} (?:yesterday|previously|above|last (?:week|month|time|year))\b"
    rf"|(?:I|[Ww]e) {_EARLIER_VERB} {_EARLIER_TIME}(?=[,.;:!?)]|$)"
    r"|[Ii]n (?:my|our) (?:last|previous|earlier) (?:post|piece|article|column|entry|newsletter|"
    r"episode)\b)")


# Beyond the openings of BACK (issue 28, held-out blind read): a pointer to another place in
# the text or to a picture ("the table below", "as shown here", "the following"), a
# demonstrative naming a thing told before it ("this standard order"), and a discourse marker
# answering the sentence before ("Of course,", "In fact,", "Now technically,"). Each leans
# back as BACK's openings do: a strong penalty, waived right after the sentence it leans on.

# The pointers themselves: ``pointer.points_elsewhere``.

# A demonstrative naming a thing told before, early in the sentence ("I mentioned
# parenthetically that this order isn’t always observed", "In a tacit recognition that this
# approach isn’t working"): later in a sentence its thing is usually named in the sentence
# itself ("… restructuring, and expects this process to end in 2026"). Only nouns for a way or
# an arrangement, which the story gives and then calls so; "this week", "this year" name their
# own thing (SELF).
# The word between is an adjective of the kind ("this standard order", "this new scheme"),
# not any word: "this executive order" is a decree, "People in this town approach …" a verb.
DEMONSTRATIVE = re.compile(
    r"^(?:\S+ ){1,7}(?:this|these|those) (?:(?:standard|same|new|old|whole|particular|simple|"
    r"basic|usual|default|common|clever|latest|alternative|different|kind of|sort of) )?"
    r"(?:orders?|approach(?:es)?|methods?|"
    r"techniques?|tricks?|workarounds?|setups?|arrangements?|schemes?|conventions?|"
    r"distinctions?|workflows?|configurations?)\b",
    re.IGNORECASE,
)
# "that" as a determiner after a preposition early in a sentence names a thing told before
# (issue 28, a CNN/DM blind read): "There was beer and mixed drinks at that party …" when the
# party is only in the allegation the brief skipped, "On that occasion, it was ordered …",
# "Mueller appeared to offer a response to that criticism", "Much of that money will come …".
# Within the first eight words: later, the sentence itself usually told the thing ("…
# mulling unilateral air strikes …, but … the primary objection to that strategy"). Not a
# time ("at that time", "in that case", "to that end") nor "that" before a clause ("in that
# it", "after that the").
THAT_THING = re.compile(
    r"^[\"'“‘]?(?:\S+ ){0,7}?(?:at|in|on|from|to|during|after|before|for|with|by|of|about|"
    r"into|inside|outside|near|under|over|through|since|until|among|behind|despite|against) "
    r"that (?!(?:time|times|point|moment|day|night|week|month|year|stage|period|era|end|case|"
    r"matter|sense|regard|respect|effect|way|extent|who|which|that|whose|of|in|at|on|with|for|"
    r"is|are|was|were|has|have|had|will|would|could|can|may|might|should|did|does|do|not|and|"
    r"or|to|it|he|she|they|we|i|you|the|a|an|this|there|as|by|from|so|if|when)\b)"
    r"(?-i:[a-z])[\w-]*",
    re.IGNORECASE,
)
# "that" as a pro-form after a copula closing a sentence stands for a thing or a role told
# before (issue 28, a feed blind read): "I feel like aerospace engineers are that for
# advertisers." (are what? the rocket scientists of a question the brief skipped), "She was
# never that.", "It's that.", "He is exactly that to his fans." A clause after "that" ("The
# point is that for years he …") runs past the few words allowed before the stop, so it is no
# pro-form. "that of"/"that in" + a noun phrase is a demonstrative with its own noun ("The
# deadliest wildfire was that in Paradise in 2018.", "Her salary was that of a clerk."), and
# a clause may open on a stock adverbial ("The point is that for now.", "… that of course he
# will."); neither is a pro-form.
PRO_THAT = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|am|become|became|remains?|remained)(?:n['’]t)?"
    r"|\b(?:ca|wo|do|does|did)n['’]t be|['’](?:s|re|m))"
    r"(?: (?:not|never|just|exactly|precisely|all|still|only|really|simply|no longer))? that"
    r"(?: (?!for now\b|for once\b|for sure\b|for example\b|for instance\b|to date\b"
    r"|at least\b|at last\b|at first\b|at all\b|on time\b)"
    r"(?:for|to|with|among|at|on) [\w'’-]+(?: [\w'’-]+){0,2})?[.!?…][\"'”’]?$",
    re.IGNORECASE,
)
# A discourse marker opening a sentence that answers the one before it: a concession ("Of
# course,", "Granted,", "To be fair,"), a sequel ("In fact,", "Indeed,", "After all,",
# "Besides,"), an example or a restatement ("For example,", "In other words,"), a result
# ("Therefore,", "As such,"), a contrast ("On the other hand,", "In contrast,", "Then
# again,"), a turn back to the topic ("Anyway,", "Now technically,"). BACK already
# reads "But", "Still", "Instead", "However", "That said".
DISCOURSE = re.compile(
    r"^[\"'“‘]?(?:of course|after all|in fact|indeed|anyway|anyhow|besides|admittedly|granted|"
    r"to be (?:sure|fair|clear|honest)|true|sure|worse(?: still| yet)?|better(?: still| yet)?|"
    r"on the other hand|on the one hand|by contrast|in contrast|conversely|then again|"
    r"in any case|in any event|at any rate|regardless|rather|hence|therefore|"
    r"consequently|accordingly|as such|to that end|in other words|put another way|"
    r"for example|for instance|in turn|what['’]s more|on top of that|in short|in sum|"
    r"by the same token|for that matter|in that case|if so|if not|even then|finally|lastly|"
    r"secondly|thirdly|again|plus|mind you|now \w+ly|see|not only that|"
    # What the sentence before said, taken as a whole (issue 28, a CNN/DM blind read): "In
    # that sense, today's vote is less about …", "In this respect, …".
    r"in (?:that|this) (?:sense|respect|regard|way))(?:,|:| –| —)"
    # These read as markers with no comma too ("By contrast the confusing menus …"); "after
    # all" does not ("After all the votes were counted, …").
    # "In contrast to its rivals, Apple …" compares within the sentence.
    r"|^[\"'“‘]?(?:(?:by|in) contrast(?! to\b| with\b)|"
    r"of course|in fact|on the other hand|for example|"
    r"for instance|in other words|in (?:that|this) sense) ",
    re.IGNORECASE,
)


def _that_near_end(sentence: str) -> bool:
    """Whether ``sentence`` writes " that" (any case) after its fifth space from the end, or
    anywhere when it has fewer: PRO_THAT's match ends the sentence, and after its " that" come
    at most four spaced words ("… is that for all three."), so a sentence with none there holds
    no match, and its search from every word is spared (issue 26)."""
    head = sentence.rsplit(" ", 5)[0] if sentence.count(" ") >= 5 else ""
    return " that" in sentence[len(head):].lower()


def points_away(sentence: str) -> bool:
    """Whether ``sentence`` points at another place in the text or at a picture
    (``pointer.points_elsewhere``), or names with a demonstrative a thing told before it
    (THAT_THING, DEMONSTRATIVE, PRO_THAT)."""
    low = sentence.lower()
    if points_elsewhere(sentence, low):
        return True
    if "that " in low and THAT_THING.match(sentence) is not None:
        return True
    if " that" in low and _that_near_end(sentence) and PRO_THAT.search(sentence) is not None:
        return True
    return ("this " in low or "these " in low or "those " in low) \
        and DEMONSTRATIVE.match(sentence) is not None


def refers_back(sentence: str, subjectless: Callable[[str], bool],
                morphs: Analyser | None = None) -> bool:
    """Whether an English ``sentence`` opens by referring back to something it does not name: a
    pronoun, demonstrative or connective, a discourse marker answering the sentence before
    (DISCOURSE), or a quote with no named speaker; or points at another place in the text
    (``points_away``) or the writer's earlier piece (EARLIER_PIECE) anywhere (``subjectless``
    and ``morphs`` are Korean's analyser, unused here); or is a teaser (``teaser``), whose
    "it" points at the news a later sentence tells; or opens on a phrase or clause whose
    pronoun leans back (``fronted.leans_through_fronted``), or uses an "it" it does not name
    (``fronted.uses_it``)."""
    if BACK.match(sentence):
        if MOMENT.match(sentence) is None:
            return not SELF.match(sentence)
        # The opener names its subject, but as a quotation it still needs its speaker named.
        return QUOTE_OPEN.match(sentence) is not None and ATTRIBUTION.search(sentence) is None
    if teaser(sentence):
        return True  # its "it" points at a sentence after it: a teaser leans on the story
    if uses_it(sentence):
        return True  # "You can use it anywhere," Cook said: use what?
    # A marker or a fronted phrase that opens a quotation with its speaker named ("“Of course
    # we will appeal,” said Jane Smith", "“On top of that, we will appeal,” said …") is the
    # speaker's: the sentence says who answers what.
    if (DISCOURSE.match(sentence) or leans_through_fronted(sentence)) \
            and ATTRIBUTION.search(sentence) is None:
        return True  # "In fact, …", "As a part of this, …", "If it gets below 30%, it’s …"
    if points_away(sentence):
        return True
    if ("I " in sentence or "we " in sentence or "We " in sentence or "n my " in sentence
            or "n our " in sentence) and EARLIER_PIECE.search(sentence):
        return True
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


def weak(sentence: str) -> bool:
    """Captions (also in the present tense), photo credits and bare attributions: no news of
    their own."""
    if WEAK_START.match(sentence):
        return True
    if "ere" in sentence and SIGNPOST.match(sentence):
        return True
    low = sentence.lower()
    if len(sentence) <= 100 and _may_attribute(low) and BARE_ATTRIBUTION.match(sentence):
        return True
    if len(sentence) <= 150 and PRESENT_CAPTION.match(sentence):
        return True
    # Loops over every hint, not any(): any() over a generator or a map cost half as much again
    # as the substring tests themselves, and this runs on every candidate.
    for hint in CAPTION_HINTS:
        if hint in low:
            if CAPTION_WORD.search(low) is not None:
                return True
            break
    if sentence[:1] in "THIA" and SHOWN_SCENE.match(sentence):
        return True
    for hint in PICTURE_HINTS:
        if hint in low:
            return SHOWN_PICTURE.search(sentence) is not None
    return False


def english_weak(sentence: str) -> bool:
    """``weak``, and English's own weak lines that Korean must not read (``asides.aside``)."""
    return weak(sentence) or aside(sentence)


def _may_attribute(low: str) -> bool:
    """Whether the lower-cased sentence has a verb BARE_ATTRIBUTION needs ("said", "says",
    "told"): the pattern's bounded repeats backtrack through every short sentence otherwise.
    Ignoring case, the pattern also reads "ſ" as "s" and "ı", "İ" as "i": such a sentence is
    left to it."""
    return "said" in low or "says" in low or "told" in low or (
        not low.isascii() and ("ſ" in low or "ı" in low or "i\u0307" in low))


def late_captions(cands: list[tuple[int, str]]) -> frozenset[str]:
    """Candidates closed by the Daily Mail scrape's " ." once the story's own sentences (closed
    on the word) have begun: there the mark closes a photo caption ("Eric Saunders has
    submitted a DNA sample … his great uncle ."). Before the story it closes the page's
    highlight bullets, which are the story told short and no caption. Also a how-to's run of
    step labels (``labels.step_labels``)."""
    out: set[str] = set(step_labels([s for _, s in cands]))
    started = False
    for _, s in cands:
        if s.endswith(SPACED_STOP):
            if started:
                out.add(s)
        elif not started and s[-1:] in ".!?\"'”’":
            started = True
    return frozenset(out)


def teaser(sentence: str) -> bool:
    """Whether ``sentence`` is a teaser, as CNN and the Daily Mail open a feature: short, no
    name, number or verb of telling, and a dummy "it" that points forward at the news the
    next sentences hold back, or a secret held back ("At first glance, it doesn't look like
    much.", "The secret to staying slim could be in saliva."). A sentence with a name, a
    figure or a source is news and stays one ("It was the deadliest attack in years, police
    said.")."""
    return (len(sentence) <= TEASER_CHARS and TEASER_FRAME.search(sentence) is not None
            and NAME_OR_NUMBER.search(sentence) is None and TELLING.search(sentence) is None)


def bare_surname(candidates: list[str], k: int, title: str = "") -> bool:
    """Whether candidate ``k`` opens on a bare surname of someone the lede does not name but a
    later sentence introduced in full: "Tate, aged 26 and eight months pregnant, was stabbed
    …" after "… including actress Sharon Tate" (who is Tate?). A word the story also writes
    in lower case is no name ("Police said …")."""
    m = NAME_OPENING.match(candidates[k])
    if m is None:
        return False
    name = m.group(1)
    if name in candidates[0]:
        return False  # the lede names them, and the lede is where a brief starts
    if _after_name(candidates[k], name) or not any(
        _after_name(candidates[j], name) for j in range(1, k)
    ):
        return False
    low = name.lower()
    if any(_has_word_at(c, low) for c in candidates):
        return False
    # The headline, shown above the brief, names them: "Trump was declared the winner …" under
    # "After New York Wins, Trump And Clinton …" (issue 28; that wire brief does not move by
    # it: its sentence ranks below the three chosen). Asked last: it reads every candidate for
    # the name's first names with a pattern built from the name (compiled anew for most
    # names), and the checks above settle most openings: 3% of a BBC brief's CPU less.
    return not headline_names(title, name, candidates)


def _after_name(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name`` after a capitalised word ("Sharon Tate")."""
    at = text.find(" " + name)
    while at >= 0:
        end = at + 1 + len(name)
        before = text[:at].rsplit(" ", 1)[-1]
        if (end == len(text) or not text[end].isalpha()) and before[:1].isupper() \
                and before[1:].isalpha() and before[1:].islower():
            return True
        at = text.find(" " + name, end)
    return False


def _has_word_at(text: str, word: str) -> bool:
    """Whether ``text`` holds ``word`` as a whole word, as written."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalpha()) and (
            end == len(text) or not text[end].isalpha()
        ):
            return True
        at = text.find(word, end)
    return False


def entities(cands: list[str], title: str) -> tuple[list[set[str]], set[str]]:
    """Each candidate's capitalised names (not its first word) and the story's central ones:
    the five most frequent names seen at least twice (a headline mention counts two)."""
    names = [set(NAME.findall(s)) for s in cands]
    counts: Counter[str] = Counter(chain.from_iterable(names))
    for name in NAME.findall(" " + title):
        counts[name] += 2
    central = {n for n, c in counts.most_common(5) if c >= 2}
    return names, central


def cues(cands: list[str], title: str, wanted: Callable[[str], bool],
         analysis: Analysis) -> Callable[[int, str, bool], Cues]:
    """English's selection cues of each candidate (bot.summarize.scoring): its share of the
    story's central names, a price under a headline about prices or plans, a quotation with
    its speaker named."""
    pricing = bool(PRICE_HEADLINE.search(title))
    names, central = entities(cands, title) if wanted("entities") else ([], set())

    def of(k: int, sentence: str, lede: bool) -> Cues:
        entity = len(names[k] & central) / len(central) if central else 0.0
        # Spelled out rather than any() over a generator: this runs on every candidate.
        quote = ('"' in sentence or "”" in sentence or "’" in sentence or "'" in sentence) \
            and ATTRIBUTION.search(sentence) is not None
        price = 1.0 if pricing and PRICE.search(sentence) else 0.0
        return entity, price, 1.0 if quote else 0.0, 0.0, 0.0, 0.0

    return of


"""English spans that are not a story's prose, as scraped pages flatten them: media-player text,
photo credits and captions, transcript cues, update notes, data lines, clickbait; and the places
where two spans were glued together with no punctuation between them."""

from __future__ import annotations

import re

from bot.summarize.lang.en.segment.credits import CREDIT_LINE, PRAISED_CREDIT, glued_credit_end
from bot.summarize.lang.en.segment.filler import filler
from bot.summarize.lang.en.segment.greeting import greeting_end
from bot.summarize.lang.en.segment.guards import first_not_prose
from bot.summarize.lang.en.segment.labels import LABEL_CAPTIONS
from bot.summarize.lang.en.segment.markup import markdown_link
from bot.summarize.lang.en.segment.promo import promotion
from bot.summarize.lang.en.segment.ranges import range_fragment

# A name in a line-up: capitalised words (with "de", "van" … inside), maybe a club in brackets.
_NAME = (r"[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’/-]*|de|van|der|den|da|di|du|le|la|von))*"
         r"(?: \([^()]{1,30}\))?")
# A signature's author: a name of two to five words, with a title or not ("Dr. Jane Doe",
# "Anne-Marie van der Berg").
_SIGNED_NAME = (r"(?:(?:Dr|Prof|Mr|Mrs|Ms)\.? )?[A-Z][\w'’-]+"
                r"(?: (?:[A-Z][\w'’-]+|van|von|der|den|de|da|di|du|le|la)){1,4}")
# Spans that are never a point, by kind. Each pattern is anchored at the span's start unless
# it says otherwise; the first that matches names the kind.
NOT_PROSE: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "Media playback is unsupported on your device Media caption …", "Image copyright …"
    ("player", re.compile(
        r"^(?:Media playback is (?:unsupported|not supported)|Media caption\b|Image (?:copyright|"
        r"caption)\b|Video caption\b|Getty Images\b|Watch:|WATCH:|Listen:|Play video\b)")),
    # "Enlarge this image toggle caption Doug Mills/Pool/Getty Images", "(AP Photo/Evan Vucci)",
    # "REUTERS/Nick Oxford/File Photo", "Photograph: Jane Doe/Reuters"
    ("credit", re.compile(
        r"^(?:Enlarge this image|toggle caption|[Hh]ide caption|REUTERS/|Photograph:|"
        r"Photo credit)"
        r"|^\(?(?:AP|Reuters|AFP|EPA|Getty) (?:Photo|Images)\b"
        r"|^\([^()]{0,80}(?:AP Photo|via AP|Getty Images|/AP|/Reuters|/AFP|/EPA|, File)\)\.?$"
        r"|^[A-Z][\w.'’ -]{1,40}/(?:Getty Images|AFP|Reuters|AP|EPA|Bloomberg)\b"
        # Reddit's line under a post, who submitted it where: "submitted by /u/kevincox_ca to
        # r/kevincox". Not even a last resort: an item with nothing else is headline and link.
        r"|^submitted by /u/[\w-]+(?: to /?r/\w+)?$")),
    # An address opening a span, with an embedded post's credit after it ("https://t.co/Ab12 —
    # Jane Smith (@janesmith) June 3, 2019"): cut off a sentence it was glued to, no prose.
    ("link", re.compile(r"^(?:https?://|pic\.twitter\.com/)\S+(?: (?:—|–|-) .{0,100})?$")),
    # A link's own text, alone on its line (issue 28, feeds: a blind read called them no
    # points): "∞ Permalink", "Read on MPU Talk", "Listen it on iPad Pros Podcast", "Read more
    # at The Verge", "Continue reading on Medium »", "via Jim Coudal". Not even a last resort:
    # it names where the story is, not what. "Continue reading" only alone, with where or a
    # quoted title or an arrow ("Continue reading the terms and the catch is clear …" is
    # prose); "Via" with a capital only before a handle, an address or a colon ("Via Rail
    # Cancels All Trains" is a headline).
    ("link", re.compile(
        r"^(?:∞ )?Permalink\.?$"
        r"|^Continue reading(?: on [A-Z][^.!?]{0,60}| [\"“‘'][^\"“”]{1,100}[\"”’'])?"
        r"(?: ?(?:→|»|›|…|\.\.\.))?\.?$"
        r"|^(?:Read (?:on|more (?:at|on|from))|Listen (?:to )?(?:it )?on) [a-z]?[A-Z][^.!?]{0,60}$"
        r"|^via @?[A-Z][\w.'’@-]*(?: @?[A-Z][\w.'’@-]*){0,4}\.?$"
        r"|^Via(?::? @\w+|: [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
        r"|:? [\w-]+\.(?:com|org|net|io))\.?$")),
    # "FILE PHOTO: …", "FILE - In this Sept. 6, 2018 file photo, …"
    ("caption", re.compile(
        r"^(?:FILE PHOTO|FILE|PHOTO|PICTURED|ABOVE|BELOW|INSET|IMAGE)\s*(?::|-|–|—)\s"
        r"|^In this (?:[^,]{0,40}, )?(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4},? )?(?:file )?"
        r"(?:image|photo|photograph|picture|video)\b")),
    # A Daily Mail header as its scrape flattens it ("By . Bianca London . PUBLISHED: . 07:21
    # EST, 28 December 2012 . | . UPDATED: . …"): each piece, once split, is no sentence. A
    # byline piece is capitalised names (with "and") closed by the scrape's " ."; the time
    # stamp opens on a clock time and a zone.
    ("byline", re.compile(
        r"^(?:By|PUBLISHED|UPDATED|Published|Updated|Last updated)\b:? ?\.?$|^\| ?\.$"
        r"|^(?:and |By )?[A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|and|for|of|the))* \.$"
        r"|^\d{1,2}:\d\d (?:EST|EDT|GMT|BST|ET|UTC),? \d{1,2} [A-Z][a-z]+ \d{4}\b.{0,4}$"
        # A blog post's signature: "By Ruben Schade in Sydney, 2023-01-11." (issue 28, feeds),
        # "By Anne-Marie van der Berg in Den Haag on 11 January 2023", with or without a stop;
        # its place may be left out or its "By" follow "Posted"/"Written" ("By Jane Doe,
        # 2023-01-08." and "Posted by Jane Doe in Sydney on 2023-01-08." were a one-line
        # item's point and a point beside prose until stop 45), and it may name two authors,
        # a title or a time ("By Dr. Jane Doe and John Roe, 2023-01-08.", "posted by Jane Doe
        # on January 8, 2023 at 10:15 am", since stop 45's review). Not "Published by": as
        # often a book's publisher ("Published by Penguin Random House on 5 March 2024.").
        r"|^(?:By|(?i:posted|written) by) " + _SIGNED_NAME
        + r"(?: (?:and|&) " + _SIGNED_NAME + r")?"
        r"(?: in [A-Z][\w'’ -]{1,40})?(?:,| on) (?:\d{4}-\d\d-\d\d|\d{1,2} [A-Z][a-z]+ \d{4}"
        r"|[A-Z][a-z]+ \d{1,2}, \d{4})(?:,? at \d{1,2}:\d\d(?: ?[ap]\.?m\.?)?)?\.?$")),
    # A transcript cue, a speaker in capitals: "BLOCK: In a moment, …", "THE FACTS: …"
    ("cue", re.compile(r"^(?:[A-Z][A-Z.'’-]+ ){0,3}[A-Z][A-Z.'’-]+: ")),
    # "Updated at 11:50 a.m. ET", "[nL2N1QI2GR]", "[Photo]": a stamp or a code, never a point.
    # A bracketed update that is a sentence ("[Update: The Atom draft is finished.]") is a
    # note below: a last resort, so an item that says only that still says it (issue 28, stop
    # 43's read of feed items: its brief was a tag alone, scored 1 against the line's 3).
    ("update", re.compile(
        r"^\[(?!(?:Update|UPDATE|Updated)\b[^\]]*[.!?]\]$)[^\]]{0,300}\][.!?]?$"
        r"|^\(?(?:Updated?|UPDATE|Corrected|Correction|Editor['’]s note)"
        r"\b[^.!?]{0,60}(?:\d|ET|GMT|UTC|a\.m\.|p\.m\.)[^.!?]{0,20}:?\)?$")),
    # A note on the article itself, not on its story (issue 28, feeds: a blind read preferred
    # briefs without them): "This article was updated on November 24, 2017 with info on …",
    # "This post has been updated.", an editor's standfirst ("Editor’s note:Today we hear from
    # Worldline, …") and an update about the post ("Update: I forgot to mention …", "Update
    # 2:05 pm: Two readers wrote in …"). A last resort (segment.LAST_RESORT): an item that is
    # only such a note keeps it. An update that carries news ("Update (Jan 5): Microsoft says
    # the patch is now available …") is no note on the article and stays a candidate.
    ("note", re.compile(
        r"^(?:Editor['’]s [Nn]ote|EDITOR['’]S NOTE)s?\b"
        r"|^\[(?:Update|UPDATE|Updated)\b[^\]]{0,300}[.!?]\]$"
        r"|^This (?:article|story|post|piece|page|guide|list|review) (?:was|has been) "
        r"(?:last |originally |first )?(?:updated|revised|corrected|published|republished)"
        # When, where or what the edit did, not why ("… was updated after the firmware 2.0
        # release fixed the battery drain" is news).
        r"(?: (?:on|at|in|with|from|to (?:add|include|remove|reflect|correct|clarify|fix))\b"
        r"|\.?$)"
        r"|^\(?(?:UPDATE|Update|Updated)\b(?:[^.!?]|[ap]\.m\.){0,30}?:\)? ?"
        r"(?:And |But |Also, |So )?(?:I|I['’](?:ve|m|d|ll)|[Ww]e|[Ww]e['’](?:ve|re)|[Mm]y"
        r"|[Tt]his (?:post|article|story|piece)"
        r"|(?:A few|Several|Many|Some|Two|Three|A number of|Lots of) (?:people|readers|of you)"
        r"|(?:A )?[Rr]eaders?|[Tt]hanks)\b")),
    # "Full Coverage: Business", "Related Coverage …", "Sign up for …"
    ("boilerplate", re.compile(
        r"^(?i:Full Coverage|Related Coverage|Related:|More from|Sign up|Subscribe (?:to|and|for)|"
        r"Follow (?:us|"
        r"him|her)|Click here|Read more|Read the full|Share this|Copyright|To read this "
        r"(?:article|story|post) in full"
        # A show's or a broadcaster's pointer to itself: "Full transcript and show notes at
        # theomnishow.omnigroup.com", "Listen to the full interview on Sport on Five …".
        r"|Full transcript|(?:Full )?show notes|Listen to the full"
        # A podcast host's notice under every episode: "See omnystudio.com/listener for
        # privacy information."
        r"|See \S+ for privacy information)\b")),
    *LABEL_CAPTIONS,
    # A caption that names a picture the reader cannot see, with no verb of its own: "U.S.
    # Navy image of pirates operating off coast of Somalia in October this year."
    ("caption", (PICTURE_CAPTION := re.compile(
        r"^(?:[A-Z][\w.'’-]* ){0,4}(?:[Ii]mage|[Pp]hoto|[Pp]hotograph|[Pp]icture|[Ff]ootage|"
        r"[Ss]till)s? (?:of|from|showing)\b"
        r"(?!.*\b(?:is|are|was|were|has|have|had|will|would|can|could|shows?|showed|reveals?|"
        r"revealed|appears?|appeared|said|says)\b)"))),
    # A quotation's credit line, a name and an outlet closed by a colon ("Eric Newcomer,
    # Bloomberg:", "Sarah Perez, TechCrunch:"): who is quoted below, no news of its own.
    ("credit", re.compile(CREDIT_LINE.pattern + r"$")),
    ("credit", PRAISED_CREDIT),
    # A podcast's or show's credits: "Written by Joseph Fink & Jeffrey Cranor", "Weather:
    # “Blackeyeblue“ by Shotgun Marmalade", "Original episode art by …", "A production of …",
    # "The voice of Dr. Janet Lubelle is Janet Varney."
    ("credit", re.compile(
        r"^(?:(?:Original )?(?:[Ee]pisode |[Cc]over )?(?:[Aa]rt|[Aa]rtwork)|Music|Theme(?: music)?|"
        r"Logo|Weather|Edit(?:ing|ed)|Produc(?:ed|tion)|Mix(?:ed|ing)|Master(?:ed|ing)|"
        r"Narrat(?:ed|ion)|Writ(?:ten|ing)|Direct(?:ed|ion)|Engineer(?:ed|ing))"
        r"(?: and [a-z]+)?(?: by:?|:) [\"“‘A-Z][^.!?]{0,80}[.!?]?$"
        r"|^A production of [A-Z][^.!?]{0,60}\.?$"
        r"|^The voices? of [A-Z][\w.'’ -]{0,60} (?:is|are) [A-Z][\w'’ -]{0,60}\.?$")),
    # A line-up or a list of names and nothing else: "Cech, Ferreira, Carvalho, Terry, Gallas,
    # Tiago, Makelele, Lampard, Cole, Drogba, Gudjohnsen.", "Sylvain Marconnet (Stade
    # Francais), Nicolas Mas (Perpignan), …": four names or more, no word of a sentence,
    # maybe under a label ("Replacements (from): Bozzi, Coutts, …").
    ("list", re.compile(
        rf"(?:[A-Z][\w ()]{{0,30}}: )?(?:{_NAME}(?:, |; | and )){{3,}}{_NAME}[.…]?$")),
    # An aside in brackets on its own: "(Tip o’ the antlers to Nathan and Nick.)"
    ("aside", re.compile(r"^\([^()]{0,200}\)[.!?]?$")),
    # A fragment: a span opening in the middle of a sentence on a word that cannot start one
    # ("has confirmed the first death …", left when a list lost its first line). A lower-case
    # list item ("migrate to Rust 2018 edition") or brand ("iPhone", "eBay") is no fragment.
    ("fragment", re.compile(
        r"^(?:has|have|had|is|are|was|were|will|would|said|says|and|but|or|nor|which|who|whom|"
        r"whose|of|than|as well as)\s"
        # Or on the punctuation of a sentence cut before it: ", who had already qualified lost
        # 2-1 to Porto …", ": The album Exodus came out in 1977 …".
        r"|^[,;:]")),
    # A question put to the reader: "Ready to read the horrible secret…?", "Want to know …?"
    ("clickbait", re.compile(
        r"^(?:Ready to|Want to|Wondering|Curious|Guess what|Can you guess|Ever wondered|"
        r"Do you|Did you|Have you|Are you|Think you|Would you|Could you|Can you)\b"
        r"[^.!]{0,200}\?[\"”’]?$")),
    # A greeting to the readers, alone: "Hello, dear paid subscriber fam!", "Greetings
    # Adventurers!", "Dear all,", "Happy new year!". It tells nothing, not even as a last resort.
    ("greeting", re.compile(
        r"^(?:Hello|Hi|Hey|Dear|Greetings|Howdy|Good (?:morning|afternoon|evening)|Happy (?i:new "
        r"year|holidays|thanksgiving|christmas|easter|halloween|birthday|friday|monday))(?=[ ,!])"
        r"[^.!?:]{0,60}[!,]$")),
    # A list item, by its marker: "(1) to require …", "a) DirectX on Linux for compute
    # workloads", "A) Retailer driven sales". It completes a lead-in the brief does not show
    # (a line ending in ":", never a point itself).
    ("item", re.compile(r"^(?:\(?(?:\d{1,2}|[A-Za-z]|[ivx]{1,4})\)|\d{1,2}\.) ")),
    # A heading in capitals, three words or more and no lower-case letter: "SLACCIDENTAL TECH
    # PODCAST SHIRTS!!". Prose is never all capitals.
    ("heading", re.compile(
        r"^(?=[^a-z]*$)(?:[A-Z][A-Z\d'’&/-]*[,.:!?]* ){2,}[A-Z][A-Z\d'’&/-]*[.!?]*$")),
)
# The head of a sponsor section ("Sponsored by:", "This episode of Mac Power Users is sponsored
# by:"): the lines after it, up to the next such head, are sponsor reads even where they name
# no code ("The Omni Group We're passionate about productivity …").
SPONSOR_HEAD = re.compile(
    r"^(?:.{0,80}\b)?(?:sponsored|brought to you|supported) by:$|^(?:our |today['’]s |"
    r"this week['’]s )?sponsors?:$", re.IGNORECASE)
# The head of a show's list of links ("Some other people, places, and things mentioned:",
# "Links:", "Show notes:"): the lines after it are link titles ("The Music of Aaron Cherof
# (Aaron works at Omni and does the music for this show)"), not the story's prose.
LINKS_HEAD = re.compile(
    r"^(?:.{0,60}\b)?(?:(?:people|places|things|links|topics)\b.{0,40}\bmentioned|"
    r"mentioned (?:in|on) (?:this|the|today['’]s) (?:episode|show)|(?:show |episode )?links|"
    r"show notes|further reading):$", re.IGNORECASE)
# A photo caption placing people left and right ("Hwang Woo-Suk (L) shakes hands with Vasily
# Vasiliev (R), …"): both marks, so a party label ("Sen. Jane Doe (R)") is no caption.
PICTURE_SIDES = (("(L)", "(R)"), ("(left)", "(right)"))
# A list flattened with its breaks dropped ("… (Dynamic Strength Test or Push-Pull)You should
# wear gym kit when taking the test.(1) The multi-stage shuttle run …"): a bracket closed right
# onto a capitalised word, or a numbered item glued to the sentence before. A span holding one
# is several items run together, not a sentence.
GLUED_LIST = re.compile(r"\)[A-Z][a-z]|[a-z]\.\(\d{1,2}\) ")
# A data line: an ISO timestamp ("2019-07-31 04:26:15 -08:00 at epicenter").
DATA = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d")

# Where a span glued to the next one with no punctuation starts: a lower-case word, then a
# capitalised label and a colon opening a caption ("…away from the vehicle Poignant: Vegetables
# …"), or a pronoun or article opening a sentence ("…the vehicle He added that …"). The word
# before must not be one after which a name is an object ("told the Palm Beach Post: '…'").
GLUE = re.compile(
    r" (?=[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}: [A-Z]|(?:He|She|They|We|The|This|But) [a-z])"
)
# A heading or a salutation run into the sentence after it when flattened HTML dropped the
# break ("Previously We had a payment method …", "Quick summary From now on, every user …",
# "Dear Hodlers, We want …"): up to three words at the span's start, no mark or quote among
# them and no pronoun opening them ("He said 'no' The man left." is one span), nor a
# conjunction ("When She came home", "If You want": a writer's capital, one sentence; review
# 35), then an opener that is capitalised only at a sentence's start, before a lower-case word.
HEADING_GLUE = re.compile(
    r"(?:(?!(?:He|She|They|We|I|It|You|And|Or|But|So|Nor|Yet|If|When|Whenever|While|As|Because"
    r"|Although|Though|Since|Until|Unless|Once|After|Before|Where|Whether|Then)\b)"
    r"[A-Z][\w-]*(?: [\w-]+){0,2}"
    r"|Dear [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?,) "
    r"(?=(?:We|He|She|They|It|You|The|This|From|But|Our|My) [a-z])"
)
# What a GLUE cut needs: a label's ": " or an opener between spaces. Most sentences hold
# none, and then the lookahead, tried at every space, is not run.
GLUE_HINTS = (": ", " He ", " She ", " They ", " We ", " The ", " This ", " But ")
# What a HEADING_GLUE match needs: one of its openers as the second, third or fourth word (it
# heads at most three words, single-spaced); most sentences open otherwise.
HEADING_OPENERS = frozenset("We He She They It You The This From But Our My".split())
# The word before a GLUE cut must be a lower-case word of two letters or more, and none of
# these (checked in code: a variable-length lookbehind is not possible).
NOT_BEFORE_GLUE = frozenset(
    """the a an to of by for from with in on at and or told said says wrote asked added tells
    called named titled dubbed via than as like""".split()
)
# A wire dateline opening a sentence: "WASHINGTON (Reuters) - ", "MONACA, Pa. (AP) — ",
# "(AP) — " (left when a splitter cut "Pa." off), "(CNN) -- ".
DATELINE = re.compile(
    r"^(?:[A-Z][^()\n]{0,60}?\s*)?"
    r"\((?:AP|Reuters|AFP|CNN|UPI|Bloomberg|dpa)\)\s*(?:—|–|--|-|:)\s*(?=\S)"
)
# A photo caption's date: "…, Friday, March 13, 2020, in Los Angeles.", "…, U.S., March 1,
# 2018." A story's sentence rarely gives a weekday with a full date, or ends on one.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
CAPTION_DATE = re.compile(
    rf"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? {_MONTH} \d{{1,2}}, \d{{4}}\b"
    rf"|,? {_MONTH} \d{{1,2}}, \d{{4}}\.?$"
)
# A link flattened HTML glued to a sentence's closing mark ("… my statement here.https://t.co/Ab12"):
# a cut before the address; and an embedded post's address with its credit ("https://t.co/Ab12
# — Jane Smith (@janesmith) June 3, 2019 The vote …"): a cut after it.
GLUED_LINK = re.compile(r"(?<=[a-z)][.!?])(?=(?:https?://|pic\.twitter\.com/)\S)")
LINK_SPAN = re.compile(
    rf"(?:https?://|pic\.twitter\.com/)\S+(?: (?:—|–|-) [^()\n]{{1,60}}\(@\w+\) {_MONTH}"
    rf" \d{{1,2}}, \d{{4}})?(?= [A-Z\"“])"
)
# Where flattened HTML ran a credit, caption or player line into the prose with no break: a
# cut before each of these (the span before is the prose or the headline, judged on its own) …
CUT_BEFORE = re.compile(
    r"(?<=\S) (?=Enlarge this image\b|(?<!image )toggle caption\b|Media playback is\b|"
    r"Image (?:copyright|caption)\b|"
    r"FILE PHOTO:|\(AP Photo\b|REUTERS/|(?:[A-Z][A-Z.'’/-]+ ){0,3}[A-Z][A-Z.'’/-]+"
    r"(?:, [A-Z][\w.'’ ]{1,30})? ?\((?:AP|Reuters|AFP|CNN|UPI|Bloomberg)\) ?(?:—|–|--|-) )"
)
# … and a cut after each of these: NPR's credit, often printed twice ("toggle caption Mel
# Evans/AP Mel Evans/AP"), an AP or Reuters credit.
CUT_AFTER = re.compile(
    r"toggle caption .{0,160}(?:Getty Images|/AP|/AFP|/Reuters|/NPR|/Bloomberg|/Pool)"
    r"(?= [A-Z\"“])"
    r"|\((?:AP Photo|[^()]{0,60}via AP)[^()]{0,60}\)(?= [A-Z\"“])"
    r"|REUTERS/[\w.'’ -]{2,40}?/File Photo(?= [A-Z\"“])"
)
# What CUT_BEFORE and CUT_AFTER need: one of these substrings (a few ``in`` checks cost far
# less than a regular expression on every sentence).
CUT_HINTS = ("(", "caption", "Media", "Image", "FILE", "REUTERS")


# The kind of the first NOT_PROSE pattern that matches a span (``guards.first_not_prose``).
FIRST_NOT_PROSE = first_not_prose(NOT_PROSE, PICTURE_CAPTION)


# Broken text (issue 28), each no point. A shard: one or two words, or only an abbreviation or
# initials ("U.S." where the Daily Mail scrape's " . " or a line break cut it off its sentence,
# "For try!"): a point is a sentence. Not in LAST_RESORT: a shard says nothing even alone.
SHARD = re.compile(r"\S+(?: \S+)?|(?:[A-Za-z]\.)+[\"”’)]*")
# An afterthought: a short span opening on a conjunction with no verb ("Or just general
# apps.", "And no Retina."); the auxiliaries, subject pronouns and verb endings below are what
# a clause would carry ("And they agree." is one). It only adds to the sentence before it, so
# it is no point even as a last resort (unlike a "fragment", which may still say something).
FRAGMENT_OPENING = re.compile(r"(?:Or|And|Plus|Nor)\b(?: \S+){0,3}$")
VERB_HINT = re.compile(
    r"\b(?:is|are|was|were|be|been|am|has|have|had|do|does|did|will|would|can|could|shall|"
    r"should|may|might|must|i|you|he|she|it|we|they|\w+(?:ed|ing))\b|['’](?:s|re|ve|ll|d|m)\b",
    re.IGNORECASE)
# A span cut off mid-phrase where the scrape dropped a linked word ("… off the coast of ."):
# it ends on an article or preposition before the scrape's spaced stop, or on an article before
# its own stop (an English sentence never ends there; "crews in.", "we dream of." may), maybe
# inside a quotation closed by a straight single mark (the Daily Mail's: "… the coast of .'").
LOST_WORD = re.compile(
    r"(?:^|\s)(?:(?:the|a|an|of|to|for|from|at|by|with|into|onto|in|on|and|or|near|about) \.|"
    r"(?:the|a|an)\.)[\"”’')]*$")
LOST_ENDINGS = (" .", "the.", "a.", "an.")
# A sentence the writer or the feed broke off on a word that never ends one: an article, a
# preposition, a conjunction, a possessive after a determiner ("… and it's used to...", "… an
# app's…", "… for a few years now. but…", "She ran from..."). It reads as cut mid-sentence, so
# it is a fragment: a point only when the item has nothing else (a teaser cut so may be all a
# feed gives). An ellipsis after a whole clause is the writer's pause, not a cut, so words
# that end whole sentences are left out: "in" and "on" ("… goes on…"), an auxiliary ("It is
# what it is..."), "that", "her", "his", a name's possessive ("… go to McDonald's..."), a
# capital "A" ("Plan A..."), a preposition its clause strands ("… dreams are made of...",
# "… where they came from...").
TRAILING_OFF = re.compile(
    r"(?:^|[\s(“\"])(?:the|a|an|and|or|but|nor|which|who|whose|than|as|our|your|their|its|"
    r"(?<!made )(?<!came )(?<!come )(?:of|to|for|from|at|by|with|into|onto)|"
    r"(?:the|a|an|our|your|their|its|his|her|my) \w+['’]s)(?:\.\.\.|…)$")
TRAILING_ENDS = ("...", "…")
# A link's text flattened between a name and its abbreviation ("the National Environmental
# Policy Act here (NEPA) is …": a wire page's "here" link): the verbatim rule allows no cut inside
# a sentence, so the span is no point.
LINK_TEXT = re.compile(r"\b[A-Z][a-z]+ here \([A-Z]{2,}s?\)")
# A span that points at a picture the brief does not show: "the pretty apps screen above",
# "pictured below", "in the image above", "(pictured)", "this photo", "seen here", "Above,
# Glancy's home …". The verbatim rule allows no cut inside a sentence, so "(pictured)" in a
# Daily Mail sentence cannot be taken out either: the span is no point.
PICTURE_POINTER = re.compile(
    r"\bpictured (?:here|above|below|left|right)\b|\(pictured[^)]{0,40}\)|\bpictured (?:is|are)\b|"
    # "seen here" as an aside only: "the worst flooding seen here in decades" is prose.
    r"[,(] ?(?:seen|shown) (?:here|above|below)\b|"
    # "Above, Glancy's home …", not "Above all, the council …".
    r"^Pictured\b|^(?:Above|Below|Left|Right)[,:] [A-Z]|"
    r"\b(?:photo|picture|image|screen|screenshot|chart|graphic|map|video)s? (?:above|below)\b|"
    r"\b(?:this|these) (?:photos?|photographs?|screenshots?)\b")
# What PICTURE_POINTER needs: one of these substrings ("n here" of "seen here" and "shown here":
# "here" alone, in "there" and "where", sent one sentence in twenty to the search).
PICTURE_HINTS = ("bove", "elow", "ictured", "n here", "hoto", "creen", "Left", "Right")
# A quoted label glued at the start of a caption ("'Invasion': The latest in a string of barrel
# jellyfish sightings …", "'At one with the sea': Oversized windows …"): the Daily Mail's
# captions open so; a writer's quotation follows its speaker and colon instead.
QUOTED_LABEL = re.compile(r"['‘\"“][^'’\"”]{1,40}['’\"”]: ['‘\"“]?[A-Z]")


def broken(sentence: str) -> str | None:
    """The kind of broken text ``sentence`` is ("shard", "afterthought", "cut", "caption"), else
    None: see SHARD, FRAGMENT_OPENING, LOST_WORD, LINK_TEXT, PICTURE_POINTER, QUOTED_LABEL,
    ``markup.markdown_link``."""
    # A shard holds one space at most: a sentence with two is none, with no match tried.
    if sentence.count(" ") < 2 and SHARD.fullmatch(sentence):
        return "shard"
    if FRAGMENT_OPENING.match(sentence) and VERB_HINT.search(sentence) is None:
        return "afterthought"
    # Every LOST_WORD match ends on " ." or an article's "the.", "a.", "an." before its
    # closing marks: most sentences end on another word's stop and are not searched.
    if sentence.rstrip("\"”’')").endswith(LOST_ENDINGS) and LOST_WORD.search(sentence[-10:]):
        return "cut"
    if " here (" in sentence and LINK_TEXT.search(sentence):
        return "cut"
    if markdown_link(sentence):  # "[Sharecuts.app]()https://…" (markup.py)
        return "cut"
    h = PICTURE_HINTS
    if (h[0] in sentence or h[1] in sentence or h[2] in sentence or h[3] in sentence
            or h[4] in sentence or h[5] in sentence or h[6] in sentence or h[7] in sentence) \
            and PICTURE_POINTER.search(sentence) is not None:
        return "caption"
    if sentence[:1] in "'‘\"“" and QUOTED_LABEL.match(sentence):
        return "caption"
    return None


def not_prose(sentence: str) -> str | None:
    """The kind of English span ``sentence`` is when it is not prose ("player", "credit",
    "caption", "cue", "update", "note", "boilerplate", "clickbait", "data", "byline", "promo",
    "list", "greeting", "filler", "item", "heading", "shard", "fragment", "afterthought",
    "cut"), else None (bot.summarize.segment.not_prose)."""
    kind = FIRST_NOT_PROSE(sentence)
    if kind is not None:
        return kind
    if "(" in sentence[:80] and DATELINE.match(sentence + " ."):  # a dateline alone
        return "byline"
    # Cheap substring checks first: both patterns scan the whole sentence.
    if ":" in sentence and "-" in sentence and DATA.search(sentence):
        return "data"
    if (", 19" in sentence or ", 20" in sentence) and CAPTION_DATE.search(sentence):
        return "caption"
    if promotion(sentence):
        return "promo"
    if filler(sentence):
        return "filler"
    if ")" in sentence:
        if any(a in sentence and b in sentence for a, b in PICTURE_SIDES):
            return "caption"
        if GLUED_LIST.search(sentence):
            return "list"
    # Only the last few words are read: most sentences end on a stop and are not searched.
    if sentence.endswith(TRAILING_ENDS) and TRAILING_OFF.search(sentence[-24:]) is not None:
        return "fragment"
    if range_fragment(sentence):  # "Anywhere from … to …" with no verb (rf32)
        return "fragment"
    return broken(sentence)


def may_head(sentence: str) -> bool:
    """Whether HEADING_GLUE may match ``sentence``: one of HEADING_OPENERS is its second, third
    or fourth word."""
    return not HEADING_OPENERS.isdisjoint(sentence.split(" ", 4)[1:4])


def unglue(sentence: str) -> list[str]:
    """An English ``sentence`` cut where flattened HTML glued spans together: a dateline off
    its sentence ("WASHINGTON (Reuters) - "), a credit, caption or player line run into the
    prose, a label caption ("… the vehicle Poignant: Vegetables …") or a new sentence ("… the
    vehicle He added …", "… cause 'mayhem' But he warned …") after a sentence with no closing
    mark."""
    cuts: set[int] = set()
    if "(" in sentence[:80]:
        dateline = DATELINE.match(sentence)
        if dateline is not None:  # the dateline is a span of its own, no one's sentence
            cuts.add(dateline.end())
    greeting = greeting_end(sentence)
    if greeting is not None:  # "Hello all, I recently acquired …": the greeting is no point
        cuts.add(greeting)
    heading = HEADING_GLUE.match(sentence) if may_head(sentence) else None
    # The heading is a span of its own, no point; "Apple said The …" is a sentence's own words.
    if heading is not None and heading.group().split()[-1] not in NOT_BEFORE_GLUE:
        cuts.add(heading.end())
    # A loop over every hint, not any(): any() over a generator or a map cost half as much
    # again as the substring tests themselves, and this runs on every sentence.
    for hint in CUT_HINTS:
        if hint in sentence:
            cuts.update(m.start() for m in CUT_BEFORE.finditer(sentence))
            cuts.update(m.end() for m in CUT_AFTER.finditer(sentence))
            break
    if "://" in sentence or "pic.twitter" in sentence:
        glued = {m.start() for m in GLUED_LINK.finditer(sentence)} | {0}
        cuts.update(glued - {0})
        # Only an address that opens a span ends one: "see https://x.org for more" is prose.
        cuts.update(m.end() for m in LINK_SPAN.finditer(sentence) if m.start() in glued)
    credit = glued_credit_end(sentence)
    if credit is not None:  # "Eric Newcomer, Bloomberg: Adjusted net revenue …"
        cuts.add(credit)
    last = 0
    may_glue = False
    for hint in GLUE_HINTS:  # a loop, not any(), as for CUT_HINTS
        if hint in sentence:
            may_glue = True
            break
    for m in GLUE.finditer(sentence) if may_glue else ():
        cut = m.start()
        # A closing quote may end the span before: "… cause 'mayhem' But he warned …".
        before = sentence[max(last, cut - 30) : cut].rsplit(" ", 1)[-1].strip("'‘’\"“”")
        if len(before) < 2 or not before.isalpha() or not before.islower() \
                or before in NOT_BEFORE_GLUE:
            continue  # "said. The", "in The Hague", "told the Palm Beach Post:"
        if len(sentence[last:cut].split(None, 3)) > 3:  # a span, not "in In Paris:"
            cuts.add(cut)
            last = cut
    if not cuts:
        return [sentence]
    parts = []
    start = 0
    for cut in sorted(cuts):
        parts.append(sentence[start:cut].strip())
        start = cut
    parts.append(sentence[start:].strip())
    return [p for p in parts if p]


def is_head(sentence: str) -> bool:
    """A line that heads a section: one ending in ":", or a show's section name standing alone
    with its colon dropped ("Sponsored by", "Post show", "#askatp": ``BARE_HEAD``)."""
    # BARE_HEAD's names are at most 12 characters (13 with the line break its "$" allows):
    # of longer lines, only a "#…" needs the match.
    return sentence.endswith(":") or (
        (len(sentence) <= 13 or sentence[:1] == "#") and BARE_HEAD.match(sentence) is not None)


def with_colon(head: str) -> str:
    """A head with its colon, dropped or not ("Sponsored by" -> "Sponsored by:"): the form the
    head patterns read."""
    return head if head.endswith(":") else f"{head}:"


def headed_sections(sentences: list[str]) -> set[int]:
    """Indexes of the sentences of a sponsor section (after its head, "Sponsored by:") or a
    show's list of links (after "Some other people, places, and things mentioned:"), up to the
    next line that heads a section (``is_head``), and the link lines of a show's notes
    (``show_notes``)."""
    out: set[int] = set()
    if not any(map(is_head, sentences)):
        return out  # most stories: no head, so no section and no show notes (two heads)
    inside = False
    for i, s in enumerate(sentences):
        if is_head(s):
            head = with_colon(s)
            inside = SPONSOR_HEAD.match(head) is not None or LINKS_HEAD.match(head) is not None
        elif inside:
            out.add(i)
    return out | show_notes(sentences)


# A sentence's terminal mark, maybe before closing quotes or brackets.
ENDED = re.compile(r"[.!?…][\"'”’)\]]*$")
# Show notes: a text of at least this many sentences, more than half of them lines with no
# terminal mark, under two heads or more ("Follow-up:", "Post-show:", "Sponsored by:"), one of
# them a sponsor or links head.
SHOW_NOTES = 6
# A line of a show's notes shorter than this (or of under five words) is too short to be a
# candidate: a link title, never a last-resort point.
SHOW_LINE_CHARS = 30
# A show's section name alone on a line, its colon dropped by the feed ("Sponsored by", "Post
# show", "Follow-up", "#askatp", the listener-question segment): a head, as with the colon.
BARE_HEAD = re.compile(
    r"^(?i:(?:pre|post|after)[- ]?show|follow[- ]?ups?|sponsored by|(?:show )?links|"
    r"show notes|topics)$|^#\w+$")


def _unmarked(sentence: str) -> bool:
    """A line with no terminal mark that introduces nothing: a list item or a link title."""
    return ENDED.search(sentence) is None and not sentence.endswith((":", ";"))


def list_lines(sentences: list[str]) -> set[int]:
    """Indexes of the lines of a list under its lead-in (a line ending in ":"): the lines
    with no terminal mark after it ("Garmin Fenix 5 – $100 off (Amazon/Clever Training)"),
    and questions, which a show's notes list as link titles ("Is it worth cleaning dust out
    of MacBooks?"), up to the first line that ends as prose does. An item completes a lead-in
    the brief does not show (a lead-in is never a point): no candidate, but a point when
    nothing else is (a library's release notes are their list)."""
    out: set[int] = set()
    listing = False
    for i, s in enumerate(sentences):
        if s.endswith(":"):
            listing = True
        elif listing and (_unmarked(s) or s.endswith("?")):
            out.add(i)
        else:
            listing = False
    return out


def show_notes(sentences: list[str]) -> set[int]:
    """Indexes of the link lines of a show's notes (ATP: "Debate over the prevalence of the
    stage lighting problem", "Orders stop 8 PM Monday evening"): in a text of SHOW_NOTES
    sentences or more, mostly lines with no terminal mark, under two heads or more, one of
    them a sponsor's or a list of links' ("Sponsored by:", "Links:", "Show notes:"), every
    such line, a title cut short and a line too short to be a candidate. No candidate, not
    even the last resort's: an episode's notes give as points their questions (the topics it
    discusses), else their topic lines (``topics.mute_item_lines``). Release notes
    ("Added:", "Fixed:") and a blog post's listings have no such head: their lines are a list
    (``list_lines``)."""
    if len(sentences) < SHOW_NOTES:
        return set()
    # The heads first: most texts have fewer than two, and then no line's ending is read.
    heads = [with_colon(s) for s in sentences if is_head(s)]
    if len(heads) < 2:
        return set()
    unmarked = [_unmarked(s) for s in sentences]
    if 2 * sum(unmarked) <= len(sentences) or not any(
            SPONSOR_HEAD.match(h) is not None or LINKS_HEAD.match(h) is not None for h in heads):
        return set()
    # A question stays a candidate ("Does Overcast do anything special to inhibit cookies?"
    # under "#askatp"): it says what the episode discusses, and two blind reads preferred such
    # a brief to headline and link alone. A title cut short ("iPad Pros can ship bent...") and
    # a line too short to be a candidate ("Looking good, buddy.", "Get your pins NOW!"),
    # otherwise the last resort, are link lines.
    return {i for i, s in enumerate(sentences)
            if unmarked[i] or s.endswith(("...", "…")) or len(s) < SHOW_LINE_CHARS
            or len(s.split(None, 4)) < 5} | list_lines(sentences)

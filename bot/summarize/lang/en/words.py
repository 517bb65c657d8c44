"""English word lists for splitting and scoring: abbreviations, sentence openers, stop words."""

from __future__ import annotations

# Words whose trailing period does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres
    inc ltd co corp plc llc bros dept univ assn approx vol vs etc al fig eg ie
    jan feb mar apr jun jul aug sep sept oct nov dec tue thu fri""".split()
)
# Ranks and plural titles that stand before names ("Maj. Gen. Mohammad Bagheri", "GOP Sens. Mike
# Lee", "Brig. Gen.", an associate professor's "AProf. Cathrine Birman"), and "Del.", a Virginia
# delegate's title ("said Del. Chris Hurst") or Delaware ("Dover, Del."). Written as titles are
# (a capital, then lower case): "10 reps.", "in the brig." and "the SPC." are words that may end
# a sentence. Even a title's period ends one before a sentence opener (OPENERS): "He lost to the
# Sens. The Ottawa team won", "Then press Del. The file is gone." (a wire story's "said Maj." /
# "Gen. Mohammad Bagheri said" was two points' worth of pieces). Kept apart from ABBREVIATIONS,
# which the labeller reads too.
RANKS = frozenset("Maj Brig Cpl Pvt Spc Supt Atty Sens Reps Govs Gens AProf Del".split())
# Titles that stand before a name and never end a sentence, even before a line break ("Dr.\n
# Janet Lubelle", where a feed's markup broke the line inside the name).
TITLES = ("Dr", "Mr", "Mrs", "Ms", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt",
          "Cmdr", "Adm", "Rev", "Hon", "Pres")
# Function words that open a span but cannot end one: the scrape's " . " right after one
# ("Since . Mr Moss became …", "In . September …") is inside the sentence. Not "By", which
# opens the Daily Mail's byline ("By . Bianca London .").
SPAN_OPENERS = ("Since", "In", "On", "At", "A", "An", "The", "And", "But", "Or", "Of", "For",
                "With", "From", "When", "After", "Before", "While", "As", "If", "Although",
                "Because", "During", "Despite")
# Typical sentence openers: after a dotted acronym ("U.S."), only these start a new sentence.
OPENERS = frozenset(
    "The A An It He She They We I In On At But And This That These Those There His Her Its "
    "Their Our Mr Mrs Ms Dr However Meanwhile Also After Before When While "
    # A question or "Then" after a lone capital's period opens a sentence: "… review units
    # for iPhone X. What does it all mean?", "… a newer version of C. Then you'll get …".
    "Then What Why How Who Where".split()
)
# Abbreviations that stand after a name or a list and so may end a sentence: a name's or a
# company's suffix ("… country star Hank Williams Jr. He wrote Ring of Fire …", "… market leader
# Microsoft Corp. Paying users …" were each one point of two sentences, issue 28), a saint's or
# the Atari's "ST." ("… industrial design of the Atari ST. It seems …") and "etc." Before a
# sentence opener (END_OPENERS) their mark ends one; before any other capital ("Jr. Chief
# Justice", "St. Louis") it is kept, as every abbreviation's is.
SUFFIXES = frozenset("jr sr inc corp co ltd plc llc bros st etc".split())
# A company's suffixes: after one, a capitalised word in "-ing" opens a sentence too ("… leader
# Microsoft Corp. Paying Gmail users never received …"); after "Jr." or "St." it may be a name.
COMPANY_SUFFIXES = frozenset("inc corp co ltd plc llc".split())
# Words in "-ing" that open a job title or a firm's name after a company ("Maruti Suzuki India
# Ltd. Managing Director …", "Acme Holdings Inc. Founding partner …"): no sentence starts there.
TITLE_ING_WORDS = frozenset(
    """managing marketing operating founding building holding holdings trading consulting
    publishing engineering banking shipping printing manufacturing mining broadcasting
    accounting licensing lending clothing housing catering computing advertising investing
    leasing nursing learning packaging programming recording training staffing processing
    financing acting""".split()
)
# A person's suffixes: before a quotation the name is a work's ("the Martin Luther King Jr. “I
# Have a Dream” speech"), never a sentence's end.
NAME_SUFFIXES = frozenset("jr sr".split())
QUOTE_OPENERS = "\"'“‘"
# Lower-case abbreviations that may stand inside a sentence before a lower-case word ("4 minutes,
# max. we go …" is a transcript's, "X. campestris pv. musacearum" a pathovar's, "misc. items"):
# after any other plain lower-case word of three letters or more, a period before a sentence
# opening in lower case on a brand or site name or on a word and an auxiliary (AUXILIARIES) ends
# it ("… but it is there. guard should be used …", "… vulnerabilities. iMore has an FAQ …": each
# was one point of two sentences, issue 28).
LOWER_ABBREVIATIONS = frozenset(
    """max min approx ca cf pv var spp ssp esp incl excl est resp viz cca nos misc govt intl natl
    assoc avg tel ext lbs hrs yrs mins secs feat ibid""".split()
)
# Auxiliary and modal verbs: a lower-case word and one of these after a period open a sentence.
# Relative words open a clause, never a sentence, after a period ("… 50 lbs. which was …").
RELATIVES = frozenset("which who whom whose that where".split())
AUXILIARIES = frozenset(
    "is are was were has have had should can could will would does did may might must".split()
)
# Words that open a sentence after a lone capital's or a suffix's period, besides OPENERS: a
# subordinating word or "You" ("… imports D. Since go get already has …", "… to run on OS X. You
# may recall …"). Not after a dotted acronym or a rank, whose tables stay as they were.
END_OPENERS = OPENERS | frozenset("You Since Because Although If Yet So".split())
# Names written with "!" inside, with the capitalised words that continue each: before one of
# them the mark ends no sentence ("try! Swift NYC", a conference; "Yahoo! News"). Before any other
# capital it does: "Give it a try! You'll love it." (A lower-case word never starts a sentence.)
BANG_NAMES: dict[str, frozenset[str]] = {
    "try!": frozenset({"Swift"}),
    "yahoo!": frozenset({"News", "Finance", "Mail", "Answers", "Sports", "Search", "Japan"}),
    # The TV network: "In the footsteps of VH1 Behind the Music, E! True Hollywood Story, and
    # Spinal Tap, …" was cut after "E!", its rest a point opening mid-sentence.
    "e!": frozenset({"True", "News", "Online", "Entertainment", "Network"}),
}
# German month names: after a day's ordinal period ("am 09. Januar 2020", "bis 3. März") the
# mark ends no sentence. German reaches the default (English) rules, and its dates write the day
# as an ordinal with a period; Dutch months are lower case and never start a sentence anyway.
DAY_MONTHS = frozenset(
    "Januar Jänner Februar März April Mai Juni Juli August September Oktober November "
    "Dezember".split()
)
# The German months English writes too: after a number's period they hold the mark only with
# German around them, a year after the month or a German preposition before the day ("The death
# toll rose to 14. August is usually ..." ends a sentence; review 35).
ENGLISH_MONTHS = frozenset("April August September November".split())
DAY_PREPOSITIONS = frozenset("am vom bis zum den ab seit im".split())
# Words whose period is an abbreviation before a number: "No.1", "Fig.2", "p.3".
NUMBERED = frozenset("no nr vol fig ch art sec pt op ep para chap ex eq ref tab".split())
STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    out over own said same says she should so some such than that the their theirs them then
    there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours mr mrs ms one two new year years
    told may might must us per last first time""".split()
)


def stem(word: str) -> str:
    # A light suffix strip so "profits"/"profit" and "rates"/"rate" meet; not a real stemmer.
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word

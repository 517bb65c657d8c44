"""English tag rules: which capitalised words are no subject a reader would follow.

Read by ``bot.summarize.tags``; a change here cannot move Korean tags.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from bot.tags import NOT_PLURALS as TAG_NOT_PLURALS

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset(
    """january february march april may june july august september october november
    december""".split()
)
# Capitalised at a sentence's start or in a title, never a name; a run of capitalised words
# breaks at them ("Academy Friday" -> "Academy"). "May" is a name too ("Theresa May"); alone,
# it is dropped as a word the story also writes in lower case.
BREAK = WEEKDAYS | (MONTHS - {"may"}) | frozenset(
    """the a an but and or if in on at as for to of by it its he she they we i you this that
    these those there their his her our my your however meanwhile also after before when while
    although yet so now then what who why how where which last next one two three many some
    more most speaking according since here today tonight yesterday tomorrow every each all
    no not said says well just even only still please yes oh ok over under up down out off
    into onto with from about against amid vs via""".split()
)
# Civil titles and honorifics in front of a name: the name is the tag ("Bishop John Folda" ->
# "John Folda", "Miss Titley" -> "Titley"). Royal titles stay: "Prince William" is his name.
TITLES = frozenset(
    """mr mrs ms miss mx dr prof sir dame lord lady bishop archbishop cardinal rev father
    president vice chancellor premier minister secretary senator sen rep representative
    congressman congresswoman governor gov mayor judge justice attorney general officer
    detective inspector sergeant sgt constable chief superintendent captain capt lieutenant lt
    colonel col major commander admiral coach manager boss striker midfielder defender
    goalkeeper skipper star actor actress singer rapper dj chef doctor nurse professor
    spokesman spokeswoman spokesperson ceo chairman chairwoman founder deputy former late
    mp mps prime sheriff trooper agent secretary ambassador envoy commissioner leader
    comedian counsel lawmaker lawmakers activist author journalist reporter candidate
    nominee host anchor correspondent analyst speaker front-runner frontrunner""".split()
)
# Military ranks that are also everyday words ("Private Frederick Thompson", "Corporal Jane
# Smith"): cut off the front of a name only before a known first name (GIVEN_NAMES), so
# "Private Eye", "Private Equity International" and "Corporal Punishment Act" keep theirs
# (issue 28, read 42: "#private-frederick-thompson").
RANKS = frozenset("private corporal bombardier gunner rifleman sapper".split())
# Royal titles written before a first name are part of the name a reader follows: "Prince
# William" written once beside five "William" is #prince-william, never #william.
ROYAL_TITLES = frozenset("prince princess queen king duke duchess".split())
# Words written before a royal title that are part of it ("Crown Prince Mohammed", "Grand
# Duke Henri"): the whole title or none makes the name, never "#prince-mohammed".
TITLE_PREFIXES = frozenset("crown grand hereditary".split())
# Words that end a place's name, never a person's surname ("Celtic Park", "Wembley Stadium"):
# a club or a town written before one is no first name.
PLACE_WORDS = frozenset(
    """park stadium arena ground grounds field fields road lane street avenue square bridge
    gardens garden hall centre center palace castle abbey cathedral airport station harbour
    port bay island islands valley hill hills forest beach tower""".split()
)
# A tag of one of these words alone says nothing ("#royal", "#duke", "#government").
# The last line: common nouns capitalised by a title-case talk title ("AProf Stuart MacKay:
# Assessment of Adult Sleep Apnea": "#assessment", "#management", "#implications", issue 28,
# read 42). "DNA" and "the Met" are not here: a DNA-test story's and the Met Police's tags.
GENERIC = TITLES | frozenset(
    """royal duke duchess king queen prince princess pope government police court media
    army navy party state states city county council house
    university college school hospital church company group team club league cup games
    news report photo image images video caption enlarge toggle file update live breaking
    north south east west northern southern eastern western central new old great grand
    first second third world national international federal republic kingdom union home
    internet web online family friends god christmas easter christian muslim
    assessment management implications""".split()
)
# One-word topics too broad to follow alone (issue 28, the stop-46 reads: "#blog" on a blog's
# posts "useless", "#pro" "means nothing"): a tag only where the headline writes it. Not
# "dna": the stop-47 blind read preferred "#dna #france" on the CNN/DM soldier story to
# "#france" alone, and read 43 lost "#dna" on "DNA test frees man after 30 years". Not in
# ``GENERIC``, which also reads a name's other words.
TOPIC_WORDS = frozenset("blog pro".split())
# Feed categories a site files every post under, naming its section, not what a post is about
# (issue 28: a cycling blog's "#blog" on each post, "useless" to the stop-46 reader): no tag.
# Categories only: a story's keyword "Blog" is read by ``TOPIC_WORDS``. A bare "News" is as
# much a section as "Blog" and "Product News" (review 48, finding 4).
SECTION_CATEGORIES = frozenset({"blog", "uncategorized", "uncategorised", "news"})
# A feed category of several words that files a site's posts by section, not by what one is
# about: one of these tails after a section qualifier (issue 28, the stop-47 read:
# Cloudflare's "Product News" on a credential-checking protocol's post, rf64, "#product-news"
# "a section like #blog"; rf70's "Earthquake breaking news"): no tag. Only the word right
# before the tail is read, and only a qualifier counts, never a name or a topic ("Fake News",
# "Hacker News", "Sky News", "Climate Change News", "Windows Updates" stay tags; review 48,
# finding 4). Categories only: a story's "Fox News" is a name.
SECTION_TAILS = frozenset({"news", "updates", "announcements"})
SECTION_HEADS = frozenset(
    """product products company corporate breaking latest general press site blog local
    industry top daily weekly editor editors official""".split())
# Words that end as a plural of another tag's word and are none (``bot.tags.NOT_PLURALS``,
# which subscriptions match by too) (``tagging.one_thing``).
NOT_PLURALS = TAG_NOT_PLURALS
# A one-word feed category and the words it may go on with to name a kind of the thing it
# names: "#macs" and "#macbooks" in one item's categories are one tag (issue 28, rf629). Only
# the words seen so: "#face" and "#facebook", "#notes" and "#notebooks" are two (whole-stop
# review 47, finding 11) (``tagging.one_thing``).
KIND_WORDS: Mapping[str, tuple[str, ...]] = MappingProxyType({"mac": ("book",)})
# A place written this often, and in half its mentions, after "than" is an example a story
# measures by (``tagging.fragments.compared_place``: "China is smaller than Greenland").
COMPARED_MENTIONS = 2
# Words before a side a story writes as an opponent ("against Chelsea", "beat Arsenal", "v
# Leeds"), maybe "both" between ("against both Manchester City and United").
OPPONENT_BEFORE = re.compile(r"\b(?:against|v|vs|versus|beat|beating|beats)\.?\s+(?:both\s+)?$")
# A story of a sports contest: a score ("2-1") or a match's words. Only there is a side
# written as an opponent a side played against (a court's "Apple v Samsung" is no match).
SPORT_CONTEXT = re.compile(
    r"\b(?:\d{1,2}-\d{1,2}|match(?:es)?|goals?|scored|drew|draw|league|cup|season|"
    r"striker|fixtures?|kick-off|half-time|full-time|derby|premier)\b", re.IGNORECASE)
# The last word of a show's possessive name ("Dragons' Den"), after which its first word alone
# is the show's panel (``tagging.fragments.show_panel_word``); a club's or league's ("Spurs'
# League Cup") is no show.
SHOW_HEADS = ("Den",)
# A side written as an opponent is off the story's focus when the story's first name, also
# written as an opponent, is written this many times as often (issue 28, the stop-46 read:
# "#manchester-city" on a story about Chelsea's form "is off-focus": 6 mentions of its forms,
# "Manchester City", "City" and "Manchester", to Chelsea's 8).
OPPONENT_FOCUS = 1.25
# A word written in capitals on a line (a sentence) of its own this often is a part's speaker
# cue or a list's label (``tagging.mentions.script_cue``: rf295's sketch, "CUSTOMER" over her
# lines; rf757's Workflow step "URL").
SCRIPT_CUES = 2
# Animals a story names by a first name (issue 28, the stop-47 CNN/DM read: "#tara", "his pet
# cat Tara" who chased off a dog, no subject a reader follows): a one-word name written right
# after one of these ("cat Tara") or before "the" and one ("Scrappy the dog") is an animal's.
# No "goat": "the GOAT" is a sports star (review 48, finding 2: "#lionel-messi" was lost).
ANIMALS = frozenset(
    """cat cats kitten kitty dog dogs puppy pup pooch hound horse pony mare stallion foal
    parrot rabbit bunny hamster tortoise pig sheep cow""".split())
# Where a story writes an animal's name: right after its kind, written in lower case with only
# spaces between ("pet cat Tara"; never "the dog,\" Biden" across a quote's end or a line), or
# before "the" and its kind, in lower case with no word after it ("Scrappy the dog escaped" is
# read as "the dog whistle" is not: only "Scrappy the dog," or "Scrappy the dog." counts).
ANIMAL_BEFORE = re.compile(r"(?<![\w'’\"“”-])([a-z]+)[ \t]+\Z")
ANIMAL_AFTER = re.compile(r",?[ \t]+the[ \t]+([a-z]+)(?=[,.;:!?)]|\s*$)", re.MULTILINE)


# Nationality and group adjectives and their plurals: an adjective is no subject ("#hispanic"
# in "pre-Hispanic", "#russian" beside "#russia").
ADJECTIVES = frozenset(
    """american americans british brit brits english scottish welsh irish french german
    germans italian italians spanish portuguese dutch belgian swiss austrian swedish
    norwegian danish finnish polish russian russians ukrainian ukrainians soviet chinese
    japanese korean koreans indian indians pakistani afghan iraqi iraqis iranian iranians
    syrian syrians lebanese israeli israelis palestinian palestinians egyptian egyptians
    turkish greek african africans european europeans asian asians australian
    australians canadian canadians mexican mexicans brazilian argentine cuban thai
    vietnamese malaysian indonesian filipino nigerian kenyan hispanic latino latina latinos
    latinx arab arabs arabic islamic jewish catholic protestant western eastern
    democratic republican democrat conservative liberal labour tory tories
    olympic paralympic peruvian colombian venezuelan chilean bolivian ecuadorian nepalese
    bangladeshi somali ethiopian sudanese libyan tunisian moroccan algerian yemeni jordanian
    kurdish shiite sunni scandinavian caribbean hungarian czech romanian bulgarian serbian
    croatian bosnian albanian armenian kazakh uzbek mongolian taiwanese singaporean
    cambodian burmese tibetan haitian jamaican ghanaian zimbabwean ugandan rwandan congolese
    hawaiian texan californian floridian parisian hindu sikh buddhist evangelical anglican
    radical foreign domestic senior junior pre philippine presidential""".split()
)
# The last words of names that open on an adjective ("European Commission", "British
# Airways", "Indian Ocean"): after a nationality they complete the name, they are none alone.
NAME_TAILS = frozenset(
    """commission airways airlines express ocean sea union council parliament open museum
    library bank railways telecom gas petroleum oil""".split()
)
# Words that, written alone and capitalised, describe rather than name ("Royal baby", "Muslim
# leaders"): no mention of a longer name they open ("Royal Collection Trust"). Titles that are
# a short form of a name ("the Queen", "City" for Manchester City) are not among them.
MODIFIERS = frozenset(
    """royal muslim christian jewish islamic catholic national federal international""".split()
)
# The second word of a company's or a man's name that is no surname ("Facebook Inc", "Vance
# Jr"): a bare first word introduced with one is not a person's first name.
NAME_SUFFIXES = frozenset("inc ltd co corp plc llc jr sr".split())
# Words naming a kind of body or place that "of" joins to the rest of its name ("Bank of
# England", "University of Oxford", "Gulf of Mexico"); after any other word "of" ends the name
# ("Paul Ryan of Wisconsin", "Twitch's Rules of Conduct").
OF_HEADS = frozenset(
    """bank university department ministry institute association society council commission
    church court college school academy federation league chamber board museum gulf bay isle
    isles duke duchess earl republic kingdom""".split()
)
# Party words: all spellings are one tag, shown as the party's members.
SAME_AS = {
    "republican": "Republicans", "republicans": "Republicans", "gop": "Republicans",
    "democrat": "Democrats", "democrats": "Democrats", "democratic": "Democrats",
    # Two letters are no tag alone ("U.S."), and a story writes the full name once at most: the
    # fit half's "EU ministers to mull jet fuel tax" wrote "EU" six times and had no tag.
    "eu": "European Union",
}
# Photo credits and player text carry agency names nobody follows; their sentences give no
# tags ("Enlarge this image toggle caption Bloomberg/Bloomberg via Getty Images"). Matched in
# lower case as substrings: a scan of every story, which a regex made the tag step's largest
# cost.
CREDIT_WORDS = (
    "getty images", "toggle caption", "enlarge this image", "ap photo/", "via reuters",
    "media playback", "image copyright", "image caption", "/pool/", "file photo", "(photo:",
    "photo credit",
)


# Agencies and outlets that are the source of a story, not its subject.
SOURCES = frozenset(
    """reuters ap afp npr bbc cnn epa pa getty images bloomberg associated press daily mail
    mailonline xinhua kyodo yonhap tass efe dpa ansa upi aap anadolu""".split()
)
# Contractions and fragments that are no tag ("We've", "U.S.").
CONTRACTION = re.compile(r"['’](?:ve|re|ll|d|m|t)\b|n['’]t\b", re.IGNORECASE)
# Words that are no subject of their own: date and time-zone words, title abbreviations.
NOT_TAG = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun gmt utc bst
    est edt pst pdt cet am pm sen rep gov gen col lt sgt dr mr mrs ms st mt no vs etc inc ltd
    co corp update updated editor photo image video""".split()
)
# Capitalised words that open sentences and name nothing: never the start of a name.
CAP_STOP = frozenset(
    """The A An But And Or If In On At As For To Of By It Its He She They We I This That These
    Those There Their His Her Our Mr Mrs Ms Dr Sir However Meanwhile Also After Before When While
    Although Yet So Now Then What Who Why How Where Which Last Next One Two Many Some More Most
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December Speaking According Since""".split()
)
# A name: capitalised words, "of" allowed between them. What follows its first capital:
# "of" and "&" may join its words ("Bank of England", "Johnson & Johnson"), and a middle
# initial may stand before one ("George W Bush": without it the name was "#w-bush").
# A plural's apostrophe before a body or place noun stays in the name: "Dragons' Den" is one
# programme, never "#dragons" and "#den" (issue 28, tags6). Before any other word it ends the
# name, which joins two: "The Lakers' LeBron James", "Democrats' Senate" (review 35). The nouns
# are those the data writes after a plural's apostrophe in one name ("Musicians' Union",
# "Critics' Circle", "Writers' Guild", "St James' Park"); "Dragons' Ian Gough" is two.
PLURAL_HEADS = (
    "Den", "Union", "Unions", "Association", "Guild", "Circle", "Party", "Forum", "Fellowship",
    "Park", "Federation", "Society", "League", "Club", "Day", "Choice", "Alliance", "Council",
)
_PLURAL_OF = r"(?:(?<=s)['’](?=[ \t]+(?:" + "|".join(PLURAL_HEADS) + r")\b))"
_NAME_REST = (r"(?:[\w&'’.-]*(?:[A-Za-z0-9]|" + _PLURAL_OF + "))?"
              r"(?:[ \t]+(?:(?:of|&)[ \t]+)?(?:[A-Z][ \t]+)?[A-Z][\w&'’-]*(?:[A-Za-z0-9]|"
              + _PLURAL_OF + "))*")
PROPER = re.compile(r"[A-Z]" + _NAME_REST)
# A name not inside a word ("iPad" holds no name "Pad"); findall gives (name, "\n" when it opens
# a line, else ""). Both tests look behind the first capital rather than standing in front of it
# (as "(\n?)(?<![A-Za-z0-9])" did): a pattern that opens on a character class lets the engine
# skip to the next capital, where the tests in front were tried at every character (2.3 times
# the cost, same matches). A capital after a dash that opens a word is a command-line flag
# ("-Wignored-attributes"), no name ("al-Qaeda" and "Hewlett-Packard" still are).
PROPER_AT = re.compile(r"([A-Z](?:(?<=(\n).))?(?<![A-Za-z0-9].)(?<![\s(]-.)" + _NAME_REST + ")")
# A token of a code listing: a letter or two, maybe a number ("R4", "L0", "Rp" of "Rp+1": an
# opcode of a compressor's program and its argument). A run of three or more of them, or one
# that repeats a token, one with a number ("L4 R4 L4 R4"), is code, never a name a reader could
# follow (issue 28, stop 43's read: "#r4-l4-r4-l4"); two are a model ("LG V30", "RS Q8", "Mi
# A1"), and "PS5 Pro" or "Yo Yo Ma" (no number) is a name.
CODE_TOKEN = re.compile(r"[a-z]{1,2}\d{0,3}")
# A listing's run of three such tokens, the first with a number ("L4 R4 L4"): beside one, two
# tokens ("L1 Rp") are code too.
_CODE_WORD = r"[A-Z][A-Za-z]?\d{0,3}"
CODE_LISTING = re.compile(rf"\b[A-Z][A-Za-z]?\d{{1,3}} (?:{_CODE_WORD} )+{_CODE_WORD}\b")
# An identifier from code: a prefix of capitals before a camel-case word ("NSDateFormatter",
# "UIViewController") or two humps ("FooBarBaz"); "McDonald" and "MacBook" have one hump. Two
# of them side by side are two things, never one name ("#nsdateformatter-nsnumberformatter").
CODE_WORD = re.compile(r"[A-Z]{2,}[a-z]+[A-Z]|[a-z][A-Z].*[a-z][A-Z]")
# The capital first, what comes before it looked for behind it: the engine skips to the next
# capital, where a lookbehind in front was tried at every character (a third of the keyword
# step) and a space in front at every space (twice the capital's cost). The same matches when
# read from the string's start, as findall here does: from a later position, a capital right
# at it now matches on the space before it, which the space-first pattern had to consume.
MID_CAP = re.compile(r"([A-Z](?<=[a-z0-9,;:]\s[A-Z])[\w&'’-]*)")


def credit_line(text: str) -> bool:
    """Whether ``text`` holds a photo credit or player text ("toggle caption … Getty Images")."""
    low = text.lower()
    return any(w in low for w in CREDIT_WORDS)


# Who a name is (issue 28: "#patrick-mccrystal", a man fined for parking; "#zhou", "#ritchie").
# Honorifics before a surname say the name is a person's; a private person is written with an
# age ("Patrick McCrystal, 62,"), a public one with a role ("WorldCom boss Bernie Ebbers").
HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame".split())
# Role words besides TITLES that make a person someone a reader could follow; "former" and
# "late" qualify a role, they are none. A player's position says the same (the held-out read's
# "#ritchie", called "the flanker"); only positions that are no other word ("lock", "prop",
# "centre" are).
ROLES = (TITLES - HONORIFICS - {"former", "late", "deputy", "prime"}) | frozenset(
    """boss head executive official officer director chairman chair owner founder co-founder
    lawyer economist adviser advisor aide minister tycoon billionaire magnate investor
    banker trader player midfielder forward winger rider cyclist driver
    designer inventor scientist researcher investigator campaigner
    flanker fly-half scrum-half full-back fullback quarterback linebacker shortstop
    wicketkeeper batsman""".split()
)
# A caption writes the age before where the person stands in the picture: "Rachel Titley, 28
# (right)" (issue 28, stop-46 CNN/DM read: "#rachel-titley", a crash victim's name "nobody
# would follow", was a tag because "(right)" hid the age).
# "(pictured right)", "(far left)", "(second left, with her sister)" too.
PICTURE_PLACES = ("left", "right", "centre", "center", "pictured", "above", "below", "top",
                  "bottom", "inset", "front", "back")
AGE = re.compile(r",\s*\d{1,3}(?:,|\s*\((?:pictured |far |second |centre )?(?:"
                 + "|".join(PICTURE_PLACES) + r")\b[^)]{0,40}\))")
# Who a reader could follow (issue 28, the stop-37 CNN/DM read: "#ashleigh-davis", a woman
# suing the police, "#richard-mcluckie", a board-game maker on a TV show, "#andy-sharp", a
# police sergeant): a person the story writes as a private one (an age or a home after a
# mention, a private description, a police rank or a job in front: ``PRIVATE_MARKS``) is a
# tag only with one of these words among the three before a mention or in an apposition after
# it: an office, a public post, a sport's or a show's star. Other jobs (lawyer, driver,
# director) are evidence neither way; "ex-" keeps the role ("ex-boss").
PUBLIC_ROLES = frozenset(
    """president vice-president senator sen congressman congresswoman congressional lawmaker
    legislator governor gov mayor minister premier chancellor secretary mp mep ambassador
    envoy commissioner attorney-general justice pope archbishop cardinal bishop imam rabbi
    king queen prince princess duke duchess emperor monarch royal royals dictator
    leader chief politician candidate nominee front-runner frontrunner speaker
    ceo chairman chairwoman founder co-founder boss tycoon billionaire magnate mogul heiress
    coach manager striker midfielder defender goalkeeper keeper skipper player
    forward winger quarterback linebacker shortstop pitcher batsman bowler wicketkeeper
    flanker fly-half scrum-half full-back fullback centre-back champion olympian
    paralympian athlete sprinter swimmer boxer golfer jockey footballer cricketer
    star superstar legend icon celebrity actor actress singer rapper dj comedian presenter
    host anchor broadcaster author novelist musician songwriter guitarist drummer
    frontman chef film-maker filmmaker activist dissident whistleblower
    general admiral colonel commander marshal official rep representative
    captain councillor councilman councilwoman""".split()
)
# Where a private person lives, in apposition after the name: "Ashleigh Davis, of Ocala,
# Florida,", "Andrew Fisher, from Omaha,". "of" with one place is how a politician's state
# is written ("Bernie Sanders, of Vermont,") and how an employer is ("Tim Cook, of Apple,"):
# only a town with its region after "of" is a home. The place is no month or weekday ("John
# Lewis, from January to March,") and no name the story writes elsewhere on its own ("Shares
# in Tesla rose ... Elon Musk, from Tesla,"; "Derby City Council" is no "Derby"), read in
# ``people``.
HOME = re.compile(
    r",\s+of\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?),\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?[,.]"
    r"|,\s+from\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\b")
# What a public figure's name is written before ("the Rush Limbaugh show", "the Obama
# administration"): a show, a work or a body named after them.
NAMED_FOR = frozenset(
    """show shows programme program podcast album albums film films movie book books
    foundation administration government campaign presidency era empire brand label
    collection dynasty""".split()
)
# "both 37" after a pair of names is both people's ("Lee Rowlands and Madelaine Moir, both
# 37,"); one age after a pair is the second person's alone ("Donald Trump and Joe Biden, 81,").
PAIR_AGE = re.compile(
    r"(?:\s+and\s+(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)?,\s*both\s+\d{1,3}\b")
# Descriptions of a private person written beside the name ("pensioner Jean Hay", "Jean Hay,
# a mother of three"): with an age, the evidence that a name written once is nobody to follow.
PRIVATE_ROLES = frozenset(
    """pensioner pensioners resident residents neighbour neighbor mother father mum dad
    grandmother grandfather widower homeowner tenant
    motorist pedestrian shopper passenger commuter pupil schoolboy schoolgirl teenager
    toddler schoolchild victim widow local villager parishioner holidaymaker""".split()
)
# Written just before a name, a private description, a police rank or a job anyone may hold:
# a private person, however often the story names them ("Father of two Richard McLuckie",
# "Sergeant Andy Sharp", "Senior Transport Safety Investigator Neil Campbell"). An office or
# fame written beside another mention still makes the person a tag (``PUBLIC_ROLES``). A
# spokesman, a photographer or an inventor may be a figure (Dmitry Peskov, Annie Leibovitz,
# James Dyson): evidence neither way, as "lawyer" is.
PRIVATE_MARKS = PRIVATE_ROLES | frozenset(
    """sergeant sgt constable pc officer trooper patrolman detective lieutenant investigator
    inspector teacher nurse engineer worker""".split())
# A run whose last name is possessive ("Bill Clinton Obama's closer") is two names when the
# story writes each side's last word alone this often (issue 28, 7 December read:
# "#bill-clinton-obama"); "George Washington Carver's" stays one.
POSSESSIVE_PART_MENTIONS = 2
# Given names a story writes alone beside a titled partner's ("Prince William and Kate",
# "Kate and Wills"): only these are read as a paired first name, never a body or a surname
# ("President Trump and Huawei", "General Motors and Ford", "President Putin and Zelensky").
GIVEN_NAMES = frozenset(
    """kate catherine wills william harry meghan camilla charles anne andrew edward sophie
    beatrice eugenie zara peter george charlotte louis archie lilibet diana philip elizabeth
    margaret pippa james carole michael fergie sarah mary victoria david brooklyn romeo cruz
    harper john paul jane emma emily olivia lucy amy hannah laura rachel rebecca jessica
    claire helen susan karen nicola tom tim ben sam dan joe jack jim bob bill rob rick
    steve chris mark matt nick tony richard robert thomas daniel ryan adam luke jamie ant
    dec barack michelle hillary chelsea melania ivanka jared donald jill hunter kamala
    doug boris carrie theresa
    frederick
    kevin anthony brett casey brian jason eric greg jeff""".split())
# First names that are nobody's but a person's: not a club, a place, a brand or a royal a
# reader knows by the first name alone ("Chelsea", "Victoria", "Zara", "Brooklyn", "Harry").
# Written alone, with no surname in the story, one is a private person nobody could follow
# ("his old college roommate, Kevin"; issue 28, stop 43's survey of English feed items).
BARE_FIRST_NAMES = frozenset(
    """kevin anthony brett casey brian jason eric greg jeff dan richard tom tim ben sam joe
    jim rob rick steve chris matt nick tony robert daniel ryan adam luke jamie emma emily
    lucy amy hannah laura rachel rebecca jessica claire helen susan karen""".split())
# Words written before a thing's name, never before a person's: "the Kevin", "against Kevin",
# "Spurs beat Kevin" name a team or a product, so the name keeps its tag. Not "at" or "from"
# ("shoots at Kevin", "a call from Kevin" are the person's).
THING_BEFORE = frozenset("the against v vs beat".split())
# A private person is named in full once or twice, then by the surname ("Ashleigh Davis,
# 22, ... Miss Davis"); a public one is named by role or repeated (issue 28, held-out read:
# #patrick-mccrystal, #ashleigh-davis, #steve-trewhella, "a local photographer").
PRIVATE_MENTIONS = 2
# A description in apposition after a name: ", a local photographer", ", an Ayr pensioner".
# Words inside a name, written in lower case mid-sentence ("Leila de Lima", "Vincent van Gogh").
NAME_PARTICLES = frozenset({"de", "del", "da", "das", "dos", "di", "du", "van", "von", "der",
                            "den", "la", "le", "al", "el", "bin"})
# A source quoted is written by surname alone mostly as the speaker ("Xiao said"); more other
# mentions than this make the person named in full once the story's subject (CNN/DM's
# "Professor Xiao found …", "… is now hoping" is two: a source; "Doudna shares", "has warned",
# "described Doudna" three: the subject).
EXPERT_OTHER_MENTIONS = 2
APPOSITION = re.compile(r",\s+(?:a|an)\s+([^.;:,\n]{1,60})")
# An expert quoted once ("Shuhai Xiao, a professor of geobiology in the Virginia Tech
# College of Science"): what they are and where, in the apposition after the name.
EXPERT = re.compile(
    r"\b(?:professor|lecturer|researcher|scientist|sociologist|economist|analyst|historian|"
    r"expert|psychologist|fellow|strategist|consultant|specialist|director)\b"
    r".*\b(?:at|of|with|in)\s+(?:the\s+)?[A-Z]")
# Where a company is based, written before its name ("Paris-based IEA").
BASED = ("-based", "-headquartered")
# What a surname looks like: a capital, then lower case ("Tucker", "McCrystal"); never an
# acronym or a code word ("SMFG", "IPv6").
SURNAME = re.compile(r"[A-Z][a-z]*(?:[A-Z][a-z]+)?[a-z](?:[-'’][A-Z][a-z]+)?")
# Endings of a verb or an adverb opening a sentence, never a first name ("Targeting Russia's
# business community", "Asked Johnson", "Sadly Smith").
NOT_GIVEN_ENDINGS = ("ing", "ed", "ly")
# A product's numbered series ("Apple Watch Series 3"): the run stops before the number, so
# the word naming the series is cut off with it ("#apple-watch", never "#apple-watch-series").
NUMBERED = frozenset(
    "series version generation gen edition mark model mk phase season episode chapter part "
    "volume vol round stage level".split()
)
# Buttons, menu items and spec-table cells written capitalised ("Add Task", "Yes"): interface
# text, no subject.
UI_VERBS = frozenset(
    """add edit save delete remove open close click tap select share cancel download install
    sign log login logout subscribe unsubscribe follow reply send submit view show hide
    continue next previous back skip buy get try""".split()
)
# The nouns a button or menu item acts on ("Add Task", "Edit Item"): after a UI verb they make
# the phrase interface text; any other word after it may be a name ("Close Brothers").
UI_NOUNS = frozenset(
    """task tasks item items file files page pages link links button menu account profile
    settings setting password cart basket list note notes event events photo photos image
    images video videos app apps comment comments post posts message messages tab window
    folder card more all now here""".split()
)
# What follows a name in every mention when it is a link's text ("DCR Post Here" in each row
# of a buyer's guide) or the run cut the name short ("Dual ANT+").
LINK_OR_CUT = re.compile(r"\+|[ \t]+[Hh]ere\b")
# The "+" cuts only a short all-capitals word ("ANT+", a protocol): "Disney+" is Disney's
# service, and #disney its tag (the second read's lost tag).
CUT_BEFORE_PLUS = re.compile(r"[A-Z0-9]{2,5}")
# Places too broad to follow on a story about somewhere in them ("#england" on a Kent court
# case, "#britain"): a tag only when the headline names them.
BROAD_PLACES = frozenset(
    """england britain great-britain uk united-kingdom europe america north-america
    south-america africa asia world""".split()
)
# A contact list or footer: "Telegram: https://t.me/…", "TESTNET Hodl Hodl exchange:
# testnet.hodlhodl.com", "E-mail: support@…". The label before the address names no subject.
CONTACT = re.compile(
    r"[A-Z][\w&.' -]{0,40}:[ \t]*(?:https?://|www\.|[\w.+-]+@|[\w-]+(?:\.[\w-]+)*\."
    r"(?:com|org|net|io|co|me|app)\b)\S*"
)
CONTACT_HINTS = ("http", "www.", "@", ".com", ".org", ".net", ".io", ".co", ".me", ".app")


def without_contacts(text: str) -> str:
    """``text`` without "Label: address" entries of a contact list or footer."""
    # Every entry holds its label's ":", which most stories never write (three in five BBC
    # bodies): then the ten hints are not looked for.
    if ":" not in text or not any(h in text for h in CONTACT_HINTS):
        return text
    return CONTACT.sub(" ", text)
# A long story's side detail: a name it writes only within this share of its length, in a
# story of at least this many sentences, and the points do not show (issue 28, held-out read:
# "#code-search", "#c-pcre" on an essay about software dependencies).
SIDE_SPAN = 0.2
SIDE_MIN_SENTENCES = 30

# A term named after someone ("Merkle tree", issue 28, tags6: "#ralph-merkle" on an essay about
# Merkle trees that names Ralph Merkle once): a one-word name written at least TERM_MENTIONS
# times, at least TERM_SHARE of them before one lower-case word (singular or plural) that is
# no verb or function word (TERM_NOT: "Trump said", "Lightfoot has") is the term's, not a
# person or a body to follow.
TERM_MENTIONS = 3
TERM_SHARE = 2 / 3
TERM_AFTER = re.compile(r" ([a-z]+)\b")
TERM_NOT = BREAK | frozenset(
    """is are was were be been has have had will would can could may might must should shall
    did does do told tells added adds wrote writes asked asks who whom whose whether than
    announced introduced""".split()
) | frozenset(
    # What a politician leads or is followed by, no term named after them: "the Trump
    # administration", "the Johnson government" (review 35: #donald-trump was lost).
    """administration administrations government governments campaign campaigns era years
    family cabinet presidency regime camp team aides allies supporters""".split()
)
# The first word of a place's name ("West Virginia", "New Zealand", "North Korea"): kept when a
# run opening a sentence starts with it and another capitalised word follows (issue 28, tags6:
# a story writing "West Virginia" only at sentence starts was tagged "#virginia").
PLACE_PREFIXES = frozenset(
    "north south east west new northern southern eastern western".split()
)
# A place's name is this long at least before a word starting with it is read as its people's
# adjective ("Liberia" under "Liberian"; never "Dean" as "D" + "ean").
DEMONYM_PLACE_MIN = 4
DEMONYM_PLACE_MENTIONS = 2
# Words written before a place, never before a person's first name: a bare "Brooklyn" after
# one is the borough, whoever else the story names Brooklyn ("at" is not one: "a look at
# David Sparks' new field guide").
PLACE_PREPOSITIONS = frozenset("in near across outside inside throughout".split())

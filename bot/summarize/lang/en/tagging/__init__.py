"""How English tags are found: the capitalised names a story writes, joined under their
forms, and those written often enough to be what the story is about. The word lists are in
``bot.summarize.lang.en.tags``; ``bot.summarize.tags`` calls ``story_tags`` through the
language's record."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from bot.summarize.lang import Analysis, Words
from bot.summarize.lang.en import tags as rules
from bot.summarize.lang.en.tagging import fragments, mentions, names, people
from bot.summarize.lang.en.tagging.runs import names_and_counts
from bot.tags import normalise_tag


def keywords(title: str, sentences: list[str]) -> Counter[str]:
    """``names_and_counts``' counts."""
    return names_and_counts(title, sentences)[0]


class _Entity:
    """One thing the story names, under every form it writes it in (with how often)."""

    __slots__ = ("count", "forms")

    def __init__(self, name: str, count: int) -> None:
        self.count, self.forms = count, {name: count}

    def words(self) -> set[str]:
        return {mentions.stem(w) for f in self.forms for w in f.replace("-", " ").split()}

    @property
    def name(self) -> str:
        """The most written form, or a longer one the story writes again, or one that only
        puts a first name in front of it ("Magic Johnson" for "Johnson", never "Bank of
        Ireland" for "Ireland"): people by full name, never a caption's run glued to it
        ("Twitch Rules", "Victor Spinetti Up Front")."""
        main = max(self.forms, key=lambda f: (self.forms[f], len(f)))
        best = main
        for form, n in self.forms.items():
            words = form.split()
            if len(words) <= len(best.split()):
                continue
            extra = words[: len(words) - len(main.split())]
            # An acronym has no first name: "Counter ISIS", written once, is no "#counter-isis";
            # nor has a party ("Senate Democrats", "Bush Republicans": #democrats, #republicans).
            # A royal title is part of the name ("Prince William" for "William").
            given = (form.endswith(" " + main) and len(extra) <= 2 and "of" not in extra
                     and not any(w.lower() in rules.GENERIC
                                 and w.lower() not in rules.ROYAL_TITLES for w in extra)
                     and not main.isupper() and main not in _SPELLINGS)
            if n >= 2 or given:
                best = form
        return best


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    if n == 1:
        return shorter[0] in longer  # most forms are one word
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _unglued(scores: Counter[str]) -> Counter[str]:
    """Runs that are two names glued by flattened captions or bylines ("Liverpool Glen
    Johnson", "CNN Emily Smith") written once, split back into the names the story writes
    elsewhere; an agency's name in front is dropped."""
    out: Counter[str] = Counter()
    for phrase, n in scores.items():
        if " " not in phrase:
            out[phrase] += n  # one word (a phrase's words are joined by spaces): most names
            continue
        words = phrase.split()
        while len(words) > 1 and (words[0].lower() in rules.SOURCES or _where_based(words[0])):
            words = words[1:]  # "Paris-based IEA" is the IEA
        phrase = " ".join(words)
        if n == 1 and len(words) >= 3:
            for i in range(1, len(words)):
                left, right = " ".join(words[:i]), " ".join(words[i:])
                if left in scores and right in scores:
                    out[left] += 1
                    out[right] += 1
                    break
            else:
                out[phrase] += n
        else:
            out[phrase] += n
    return out


def _where_based(word: str) -> bool:
    """Whether ``word`` says where the name after it is based ("Paris-based", "Bracknell-based"):
    no part of the name (the wire and BBC sets' "#paris-based-iea", "#ireland-based-elan")."""
    return word.lower().endswith(rules.BASED)


def _entities(scores: Counter[str]) -> list[_Entity]:
    """Forms of one name joined: a bare surname or first name into the full name that holds it
    ("Van De Ven" into "Yves Van De Ven", "Hampton" into "Jim Hampton"), a plural into its
    singular, party adjectives into the party; the longest form names the entity."""
    merged: Counter[str] = Counter()
    for phrase, n in _unglued(scores).items():
        merged[rules.SAME_AS.get(phrase.lower(), phrase)] += n
    by_low = {p.lower(): p for p in merged}
    for phrase in list(merged):
        if " " not in phrase and phrase.endswith("s"):
            single = by_low.get(phrase.lower()[:-1])
            if single is not None and single != phrase:
                merged[single] += merged.pop(phrase)  # "Camerons" is the Camerons
    # Longest first: each shorter form joins the most written longer form that holds it.
    order = sorted(merged, key=lambda p: (-len(p.split()), -merged[p]))
    entities: list[_Entity] = []
    # Word -> the entities with a form holding it: only those can hold a phrase with the word.
    by_word: dict[str, list[_Entity]] = {}
    # Each form's words, split once (every form was a phrase of ``order`` before): None for
    # a name joined by "of", which holds no other name: "Britain" is not the "Muslim Council
    # of Britain", "Ireland" not the "Bank of Ireland".
    holding: dict[str, list[str] | None] = {}
    for phrase in order:
        words = phrase.split()
        holding[phrase] = None if "of" in words else words
        holders = [e for e in by_word.get(words[0], ())
                   if any(_contains(ws, words) for f in e.forms
                          if (ws := holding[f]) is not None)]
        if len(words) == 1 and _modifier(phrase):
            # "Royal baby", "Muslim leaders": a describing word or an adjective written alone
            # is no mention of a name holding it ("Royal Collection Trust", "Muslim Educational
            # Centre"; at a name's end neither: a caption's "Happyland Royal" is no name).
            holders = []
        if holders:
            entity = max(holders, key=lambda e: e.count)
            entity.count += merged[phrase]
            entity.forms[phrase] = merged[phrase]
        else:
            entity = _Entity(phrase, merged[phrase])
            entities.append(entity)
        for w in words:
            at = by_word.setdefault(w, [])
            if entity not in at:
                at.append(entity)
    return entities


def _modifier(word: str) -> bool:
    """Whether ``word``, written alone, describes rather than names ("Royal", "Muslim",
    "British"): before a name it only modifies it."""
    low = word.lower()
    return low in rules.MODIFIERS or low in rules.ADJECTIVES


def good_tag(phrase: str, body: str) -> bool:
    """A name a reader would follow: no contractions ("We've"), fragments of two letters or
    fewer ("U.S."), date or title words ("Jun", "Sen"), lone titles, adjectives or common
    words ("#royal", "#hispanic", "#home"), agencies credited for a photo."""
    if rules.CONTRACTION.search(phrase):
        return False
    words = [w.strip(".").lower() for w in phrase.split()]
    if len(words) == 1 and words[0] in rules.BREAK:
        return False  # a spec table's or a form's "Yes"
    if len(words) > 1 and all(rules.CODE_TOKEN.fullmatch(w) for w in words) \
            and any(w[-1].isdigit() for w in words) \
            and (len(words) > 2 or len(set(words)) < len(words)
                 or rules.CODE_LISTING.search(body) is not None):
        return False  # a code listing's "L4 R4 L4 R4"; never a model's "LG V30", "RS Q8"
    if len(words) > 1 and words[0] in rules.UI_VERBS and _ui_text(phrase, words, body):
        return False  # a button or a menu item: "Add Task"; never "Close Brothers"
    if _link_or_cut(phrase, body):
        return False  # "DCR Post Here" on every row of a table; "Dual ANT+" without its "+"
    if any(w in rules.NOT_TAG for w in words) or " ".join(words) in rules.SOURCES:
        return False
    if all(w in rules.GENERIC or w in rules.ADJECTIVES for w in words) \
            and not _adjective_name(words):
        return False
    if joined_adjectives(phrase):
        return False
    if len(words) == 1 and mentions.script_cue(phrase, body):
        return False  # a sketch's "CUSTOMER" over her lines: a part, no one to follow
    # A capitalised word the story also writes in lower case is a common word ("Home").
    if len(words) == 1 and (words[0] in rules.SOURCES or mentions.written_lower(words[0], body)):
        return False
    return len(normalise_tag(phrase).replace("-", "")) > 2


def joined_adjectives(phrase: str) -> bool:
    """Whether ``phrase`` joins adjectives with a hyphen ("African-American": rf981's
    "#african-american" on a story of Democrats elected, an adjective "a reader calls junk",
    issue 28, stop-47 read). No tag, but still the story's main word where it is written most
    (``tags``): its side characters stay side characters."""
    words = [w.strip(".").lower() for w in phrase.split()]
    return any("-" in w for w in words) and not _adjective_name(words) and all(
        part in rules.GENERIC or part in rules.ADJECTIVES for w in words for part in w.split("-"))


def _adjective_name(words: list[str]) -> bool:
    """Whether ``words`` are a name made of an adjective and a name's tail ("European Union",
    "European Commission"): each word alone names nothing, the two name a body (the fit
    half's "EU ministers to mull jet fuel tax" had no tag)."""
    return len(words) == 2 and words[0] in rules.ADJECTIVES and words[1] in rules.NAME_TAILS


def _link_or_cut(phrase: str, body: str) -> bool:
    """Whether every mention of ``phrase`` is a link's text ("DCR Post Here", "Read More
    Here") or a name the run cut before a character it holds ("Dual ANT+"; never "Disney+",
    the service of the name before it)."""
    cut = rules.CUT_BEFORE_PLUS.fullmatch(phrase.split()[-1]) is not None
    # Mention by mention, up to the first that is neither: most names' first mention is
    # prose, and every mention found before asking cost 16 µs a BBC brief (stop 48).
    mentioned = False
    for _, end in mentions.whole_words(phrase, body):
        after = body[end : end + 6]
        if not (rules.LINK_OR_CUT.match(after) and (cut or after[0] != "+")):
            return False
        mentioned = True
    return mentioned


def _ui_text(phrase: str, words: list[str], body: str) -> bool:
    """Whether ``phrase``, opening on a UI verb, is interface text: a generic UI noun after the
    verb ("Add Task", "Edit Item") or a line of its own (a link or a button); a name that
    opens on such a verb ("Close Brothers", "TAP Air Portugal", "Skip Bayless") is none."""
    if words[1] in rules.UI_NOUNS:
        return True
    return re.search(r"^\W*" + re.escape(phrase) + r"\W*$", body, re.MULTILINE) is not None


# Tag selection, set by bench/tag_eval.py against the human highlights of the CNN/DM sample
# (a grid over these four; docs/SUMMARIZER.md): a name is a tag when the story writes it this
# often in any form (the title's count three times), ranked by that count plus a bonus when
# the points show it, and only while it is written nearly as often as the first.
_MIN_COUNT = 5


_MIN_COUNT_SHORT = 3


_SENTENCES_PER_MENTION = 4  # a story of 20+ sentences needs _MIN_COUNT mentions


_IN_POINTS = 4.0


_RELATIVE = 0.7


def tags(title: str, sentences: list[str], chosen: list[str], limit: int) -> list[str]:
    """The story's names, most salient first: how often it writes them (any form), more for a
    name the points show; when unsure (a name written rarely), no tag."""
    counts, uncertain = names_and_counts(title, sentences)
    entities = _entities(counts)
    body = "\n".join(sentences)
    shown = " ".join(chosen) + " " + title
    # A long story writes its main names many times; a short item may write them three times.
    needed = min(_MIN_COUNT, max(_MIN_COUNT_SHORT, len(sentences) // _SENTENCES_PER_MENTION))
    ranked: list[tuple[float, _Entity]] = []
    # The story's main word written as joined adjectives (wire-O4Tz's "African-American Gun
    # Club …", 9 mentions): no tag, but it sets the bar, so dropping it makes no room for a
    # club member's "#ken-brown" (review 48's blind read: "one club member, useless").
    bar = 0.0
    for e in entities:
        if e.count < needed:
            continue
        if not good_tag(e.name, body):
            if joined_adjectives(e.name):
                bar = max(bar, e.count + _IN_POINTS * any(f in shown for f in e.forms))
            continue  # most names: whether the points show them is never asked
        in_points = any(f in shown for f in e.forms) or _spelling_shown(e, shown)
        if not in_points and _side_detail(e, title + "\n" + body, len(sentences)):
            continue  # an anecdote of a long essay ("Code Search" on software dependencies)
        ranked.append((e.count + _IN_POINTS * in_points, e))
    ranked.sort(key=lambda se: -se[0])
    bar = _RELATIVE * max([bar, *(score for score, _ in ranked[:1])])
    picked: list[_Entity] = []
    names: list[str] = []
    taken: set[str] = set()  # the words of the names picked
    # How many names hold each word: the word before a surname in one of its own forms, that
    # no other name holds ("Brian" of "State Brian Kemp" under "Kemp"), may be its first name;
    # never one inside a longer name ("Mongolia" of "Inner Mongolia Yili Industrial").
    owners = Counter(w for _, e in ranked for w in e.words())
    for score, e in ranked:
        if score < bar:
            break  # far less written than the story's main name: a side character
        # One tag per thing: no two tags share a word ("#van-de-ven", "#yves-van-de-ven").
        if any(e.words() & p.words() for p in picked):
            continue
        if picked and _off_focus(e, picked[0], title, body):
            continue  # "#manchester-city" beside "#chelsea" on a story about Chelsea's form
        # The story's main name sets the bar even when it is no tag (a bare "Obama"): its
        # side characters stay side characters.
        given = {mentions.stem(f.split()[-2]) for f in e.forms
                 if f.count(" ") >= 1 and f.rsplit(" ", 1)[1] == e.name}
        others = {w for w, n in owners.items() if n > 1 or w not in given}
        name = _tag_name(e, title, body, others)
        if name is not None and uncertain.intersection(name.split()):
            name = e.name  # "Obama", never "Clinton Obama" read off an uncertain glued run
        if name is None or any(w in taken for w in name.split()) or _inside(name, names):
            continue  # a first name found for a surname may be a tag already ("Chris")
        whole = _whole(name, body)
        if uncertain.intersection(whole.split()):
            whole = name
        picked.append(e)
        taken.update(name.split())
        names.append(whole)
        if len(picked) >= limit:
            break
    return names


# The spellings a story writes for a name it is merged into ("EU" for "European Union").
_SPELLINGS: dict[str, list[str]] = {}
for _written, _name in rules.SAME_AS.items():
    _SPELLINGS.setdefault(_name, []).append(_written)


def _spelling_shown(e: _Entity, shown: str) -> bool:
    """Whether the headline or the points write ``e`` by an acronym merged into its name: "EU"
    for "European Union" (the headline "EU-US seeking deal on air dispute" shows the EU). A
    party's adjective ("Democratic candidates") shows no party."""
    return any(next(mentions.whole_words(w.upper(), shown), None) is not None
               for f in e.forms for w in _SPELLINGS.get(f, ()))


def _inside(name: str, names: list[str]) -> bool:
    """Whether ``name`` is inside a tag picked (or one inside it) word for word, its last word
    maybe with a demonym's ending ("#europe" beside "#european-union" reads as one thing
    twice), or as a capitalised part of a one-word name ("Warner" of "TimeWarner"). Letters
    alone are no match: #niger is not #nigeria, nor #oman #romania."""
    return any(_holds(_tag_words(other), name) or _holds(_tag_words(name), other)
               for other in names)


_CAMEL_PART = re.compile(r"[A-Z][a-z]+")


def _tag_words(name: str) -> list[str]:
    """The words of ``name``'s tag, or a one-word name's capitalised parts ("TimeWarner")."""
    words = normalise_tag(name).split("-")
    parts = _CAMEL_PART.findall(name)
    return [p.lower() for p in parts] if len(words) == 1 and len(parts) > 1 else words


def _holds(words: list[str], name: str) -> bool:
    """Whether ``words`` hold ``name``'s words in a row, the last maybe with a demonym ending."""
    part = normalise_tag(name).split("-")
    n = len(part)
    for i in range(len(words) - n + 1):
        last = words[i + n - 1]
        if words[i : i + n - 1] == part[:-1] and (
                last == part[-1] or (last.startswith(part[-1])
                                     and names.demonym_ending(last[len(part[-1]):]))):
            return True
    return False


def _side_detail(e: _Entity, doc: str, n_sentences: int) -> bool:
    """Whether a long story (``doc``: headline and body) writes ``e`` only in one stretch
    (every form within ``SIDE_SPAN`` of its length): a side detail of one passage, not what it
    is about. Forms are read with straight apostrophes, as ``keywords`` wrote them."""
    if n_sentences < rules.SIDE_MIN_SENTENCES:
        return False
    doc = doc.replace("’", "'")
    starts = sorted(at for f in e.forms for at, _ in mentions.whole_words(f, doc))
    return bool(starts) and starts[-1] - starts[0] < rules.SIDE_SPAN * len(doc)


def _whole(name: str, body: str) -> str:
    """``name`` without a series word the story writes a number after: "Apple Watch Series 3"
    is read as "Apple Watch Series" (a run stops at the number), and the product is the Apple
    Watch."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in rules.NUMBERED and re.search(
            re.escape(name) + r"\s+\d", body):
        return " ".join(words[:-1])
    return name


def _is_person(e: _Entity, body: str) -> bool:
    """Whether the story writes a form of ``e`` as a person's: after an honorific or a role
    ("Mr Zhou", "coach Ritchie"), or with an age after it ("Tara, 25,")."""
    for form in e.forms:
        for word, end in mentions.before(form, body):
            if word in rules.HONORIFICS or people.role(word) or rules.AGE.match(body, end):
                return True
    return False


def _tag_name(e: _Entity, title: str, body: str, others: set[str]) -> str | None:
    """The name to tag ``e`` by, or None when it is no name a reader could follow: a headline
    names it, or it is no bare surname or first name (a headline writes a surname alone only
    for people its readers know: "#trump"; the body's "Mr Zhou" is nobody to follow, "Chris
    Zhou" is), no private person named once, no broad place ("#england" on a local story)."""
    name = _without_part_title(e.name, body)
    if " " not in name and (_no_subject_of_its_own(name, title, body)
                            or (name.lower() in rules.TOPIC_WORDS
                                and not _in_headline(name, title))):
        return None  # "Pro" of "iPad Pro", "Dragons" of "Dragons' Den", "than Greenland"; "DNA"
    if name in _SPELLINGS:
        return name  # a party has no first name: "Bush Republicans" are the Republicans
    if " " not in name and names.place_adjective(name, body):
        return None  # "#liberian" beside "Liberia": an adjective, even in the headline
    if " " not in name:
        full = names.title_full_name(name, title, body)
        if full is not None:
            return full  # "Andrea McVittie, User Experience Designer": never "#andrea"
    if name in title:
        # A headline may write a surname alone, but a person is followed by full name: the
        # one the headline writes, or the one the body writes with evidence ("Secretary of
        # State Mike Pompeo" under "... Pompeo Publicly Accuses ...").
        if " " in name:
            return name
        # A title-case headline the page repeats is no evidence ("... To Demand Trump's").
        story = "\n".join(line for line in body.split("\n") if line.strip() not in title)
        full = names.headline_full_name(name, title, story, others) \
            or names.headline_given_full_name(name, title, story, body)
        if full:
            return full
        # The headline names the person in full, the body by the surname ("Donald Trump
        # Vows ...", "Kara Swisher: ‘…’" over a quote of her): the person's full name or
        # nothing, never "#swisher". Only a known first name, or the full name opening the
        # headline as its speaker and written in the body ("Kara Swisher:" above her words): a
        # title-case headline's "Between Watching Trump" is none, nor "Best MacBook: …".
        for at, _, given in mentions.given_before(name, title):
            written = f"{given} {name}"
            if names.first_name(given, story, others) and (
                    given.lower() in rules.GIVEN_NAMES
                    or (title.startswith(written + ":", at)
                        and next(mentions.whole_words(written, body), None) is not None)):
                return None if people.no_figure(written, body) else written
        # Read once, and only if a question below needs it: most never do.
        written_as_person = cache(lambda: _is_person(e, story))
        return names.given_name(name, story, written_as_person, others, mid_sentence=True) \
            or names.introduced_in_full(name, e.forms, story, written_as_person) \
            or (None if names.bare_first_name(name, body) else name)  # "Kevin Strikes Again"
    if normalise_tag(name) in rules.BROAD_PLACES:
        return None
    if " " not in name and names.term_word(name, body):
        return None  # "Merkle tree": a term named after someone, never "#ralph-merkle"
    if " " not in name:
        person = _is_person(e, body)
        full = names.given_name(name, body, person, others) \
            or names.named_in_full(name, body, others) \
            or names.introduced_in_full(name, e.forms, body, person)
        if full is not None:
            return None if people.no_figure(full, body) else full
        if names.family_first_name(name, body):
            return None  # "Frederick and Elizabeth Noble": whose surname, the text never says
        given_full = names.given_full_name(name, e.forms, body)
        if given_full is not None:
            return names.public_full_name(given_full, body)  # never a bare "#david"
        if names.bare_first_name(name, body):
            return None  # "his old college roommate, Kevin": never "#kevin"
        if people.animal_name(name, body):
            # "his pet cat Tara": never "#tara" (cnndm 003c9921). Asked only of a name left
            # bare, after its full name is looked for: "Messi, the GOAT" stays "#lionel-messi".
            return None
        return None if person or names.paired_first_name(name, body) else name
    # "Gerardus Mercator" once beside "the Mercator projection": the term's, no person's.
    return None if people.no_figure(name, body) or names.full_name_term(name, body) else name


def _off_focus(e: _Entity, first: _Entity, title: str, body: str) -> bool:
    """Whether ``e`` is a side the story's first name played against, not its subject: in a
    story of a sports contest (``SPORT_CONTEXT``: a court's "Apple v Samsung" is no match),
    both written as opponents, the first far more often (``OPPONENT_FOCUS``), and the headline
    writing neither ``e``'s name nor a longer form of it (its bare "Manchester" may be
    United's)."""
    # Whether ``e`` is written as an opponent is asked before the sport: it reads a few words
    # before each mention, SPORT_CONTEXT the whole body under IGNORECASE (about 80 µs a BBC
    # body; 21 of 22 µs a BBC brief went to _off_focus, stop 48), and on BBC's 300 stories no
    # name that reached this test was written as an opponent. Every test is pure: any order
    # gives the same answer.
    if first.count < rules.OPPONENT_FOCUS * e.count or not fragments.opponent(list(e.forms), body):
        return False
    if rules.SPORT_CONTEXT.search(body) is None:
        return False
    if any(_in_headline(f, title) for f in e.forms if f == e.name or " " in f):
        return False
    return fragments.opponent(list(first.forms), body)


def _no_subject_of_its_own(name: str, title: str, body: str) -> bool:
    """Whether the one-word ``name`` stands for no subject of its own: a word of a product's or
    a show's longer name, or, where the headline does not write it, a place the story writes
    as the far side of its comparisons (``fragments``)."""
    return fragments.product_word(name, title, body) \
        or fragments.show_panel_word(name, title, body) \
        or (not _in_headline(name, title) and fragments.compared_place(name, body))


def _in_headline(name: str, title: str) -> bool:
    """Whether the headline writes ``name`` as whole words, in any case ("GREENLAND: …"; the
    "Pro" of "Professionals" is no "Pro")."""
    return next(mentions.whole_words(name.lower(), title.lower()), None) is not None


def _without_part_title(name: str, body: str) -> str:
    """``name`` without its royal title when the story writes the title longer than the name
    holds it ("Crown Prince Mohammed", its run cut to "Prince Mohammed"): the whole title or
    none, never "#prince-mohammed"."""
    words = name.split()
    if len(words) < 2 or words[0].lower() not in rules.ROYAL_TITLES:
        return name
    for _, end in mentions.whole_words(name, body):
        before = body[: end - len(name)].rstrip().rsplit(None, 1)
        if before and before[-1].lower() in rules.TITLE_PREFIXES:
            return " ".join(w for w in words if w.lower() not in rules.ROYAL_TITLES)
    return name


def story_tags(title: str, sentences: list[str], chosen: list[str], limit: int,
               raw: list[list[str]] | None, words: Words, analysis: Analysis) -> list[str]:
    """``tags``, as the language record's ``keywords`` is called: English needs neither the
    tokens nor an analyser."""
    return tags(title, sentences, chosen, limit)

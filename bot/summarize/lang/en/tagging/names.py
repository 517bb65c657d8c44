"""The full name an English story writes for a bare surname or first name: the first name
written before it (at a line's start, where a name run drops it), the headline's, a handle's;
and a surname that names a term ("a Merkle tree") rather than a person. Read by
``bot.summarize.lang.en.tagging`` before a name becomes a tag."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from bot.summarize.lang.en import tags as rules
from bot.summarize.lang.en.tagging import mentions, people

# Whether the story writes a name as a person's: known, or asked only when a rule needs it (a
# reading of every mention's word before it, for most names never needed).
Person = bool | Callable[[], bool]


def _asked(person: Person) -> bool:
    return person if isinstance(person, bool) else person()


def given_name(surname: str, body: str, person: Person, others: set[str],
                mid_sentence: bool = False) -> str | None:
    """The full name a story writes for ``surname`` where the run lost its first word (a
    sentence opening on a name reads as a capital that proves nothing: "Chris Turney, an
    Australian professor" gave "Turney"); a person's (``person``) or one written with an age
    or a role ("Senior Investigator Neil Campbell"). ``None`` when the story writes no first
    name; never a word of another name in front ("Trump Kim"). ``mid_sentence``: only a
    first name written inside a sentence, where a capital proves a name ("Seeing Trump" opens
    one)."""
    for start, end, given in mentions.given_before(surname, body):
        if not first_name(given, body, others) or (mid_sentence and _opens_line(body, start)):
            continue
        if rules.AGE.match(body, end) or people.role_near(body, start, end) \
                or _asked(person):
            return f"{given} {surname}"
    return None


def first_name(given: str, body: str, others: set[str]) -> bool:
    """Whether ``given``, written before a surname, may be the person's first name: no title,
    role, adjective, generic word, word of another name, or word the story writes in lower
    case."""
    low = given.lower()
    return not (given in rules.CAP_STOP or low in rules.BREAK or low in rules.GENERIC
                or low in rules.ADJECTIVES or people.role(low) or low in rules.HONORIFICS
                or mentions.stem(low) in others or mentions.written_lower(low, body))


def _opens_line(text: str, at: int) -> bool:
    return at == 0 or text[at - 1] == "\n"


def headline_full_name(surname: str, title: str, story: str, others: set[str]) -> str | None:
    """The full name the headline writes for a surname the body's runs left bare ("Chicago
    elects Lori Lightfoot ...", where the body writes "Lori Lightfoot" only at a sentence's
    start and "Ms Lightfoot" after), when the body writes it too: the person by full name,
    never "#lightfoot". ``story``: the body without the page's copies of its headline."""
    for _, _, given in mentions.given_before(surname, title):
        full = f"{given} {surname}"
        if first_name(given, story, others) and next(mentions.whole_words(full, story), None):
            return full
    return None


def term_word(name: str, body: str) -> bool:
    """Whether ``body`` writes ``name``, a person's surname (written after a first name once
    at least: "Ralph Merkle"), mostly as the first word of a term named after the person ("a
    Merkle tree", "Merkle trees"): the same lower-case word after it, no verb ("Lightfoot
    said"), in ``TERM_SHARE`` of its mentions. A product written with its kind ("its Iressa
    drug") names no person."""
    if rules.SURNAME.fullmatch(name) is None or not any(
            first_name(given, body, set()) for _, _, given in mentions.given_before(name, body)):
        return False
    after: Counter[str] = Counter()
    n = 0
    for _, end in mentions.whole_words(name, body):
        n += 1
        m = rules.TERM_AFTER.match(body, end)
        if m is not None and m.group(1) not in rules.TERM_NOT:
            after[mentions.stem(m.group(1))] += 1
    return n >= rules.TERM_MENTIONS and bool(after) \
        and after.most_common(1)[0][1] >= rules.TERM_SHARE * n


def named_in_full(surname: str, body: str, others: set[str]) -> str | None:
    """The full name a story writes a bare surname with at a sentence's start, where the run
    lost the first name ("Rion Tucker is covering a lot of ground ... Tucker canvassed"): a
    surname with no other evidence is no tag (issue 28's "#ritchie"), the person by full name
    may be. Only a first name that opens a line, the one place the run drops it."""
    if rules.SURNAME.fullmatch(surname) is None or surname.lower() in rules.SAME_AS:
        return None  # "Both IPv6", "Combining SMFG", "Other Republicans": no person's name
    found = opening_given(surname, body)
    if found is None:
        return None
    start, end, given = found
    low = given.lower()
    # "Targeting Russia's business community": a verb opens the sentence. "Later Mills",
    # "Critics Mills": a word the story also writes in lower case is no first name (asked here
    # of the whole story: ``given_name`` is given the match alone). A name's particle is the
    # name's own however written ("De Lima, a justice minister", "de Lima").
    if low.endswith(rules.NOT_GIVEN_ENDINGS) \
            or (low not in rules.NAME_PARTICLES and mentions.written_lower(low, body)):
        return None
    return given_name(surname, body[start:end], True, others)


def opening_given(surname: str, body: str) -> tuple[int, int, str] | None:
    """The first capitalised word written before ``surname`` at a line's start, as (start,
    end, word): what ``(?:^|(?<=\n))([A-Z][a-z]+) <surname>\b`` finds, without a pattern
    built (and compiled) per surname and article."""
    return next((m for m in mentions.given_before(surname, body)
                 if m[0] == 0 or body[m[0] - 1] == "\n"), None)


def title_full_name(name: str, title: str, body: str) -> str | None:
    """The headline's full name for a bare first name the body writes ("Andrea" under
    "Andrea McVittie, User Experience Designer"): the name and the capitalised word after it,
    when the body writes the two as a handle or an address ("@amcvittie",
    "andrea.mcvittie@"); a title-case headline's next word ("Trump Signs") is none."""
    found = mentions.next_title_word(name, title)
    if found is None:
        return None
    written, following = found
    first, last, low = name.lower(), following.lower(), body.lower()
    if last in rules.BREAK or last in rules.GENERIC:
        return None
    handles = (first[0] + last, first + last, first + "." + last, first + "_" + last)
    return written if any("@" + h in low or h + "@" in low for h in handles) else None


def introduced_in_full(name: str, forms: dict[str, int], body: str,
                       person: Person) -> str | None:
    """The two-word name a person is introduced by when the story then shortens it to its
    first word: a surname written first ("Zhou Yongkang, a member of ... Zhou said") or a
    first name ("Ken Livingstone has brought his office ... Ken"). ``forms``: the forms the
    story writes ``name`` in; ``person``: whether a form is written as a person's (an
    honorific, a role, an age). Only when the first mention is the full name, its second word
    is a name's (no title, generic word, adjective or company suffix, never written in lower
    case), and the story writes it as a person's (``person``, a description after the full
    name, or more "he"/"his" than "it" after its mentions): "Apple Inc", "Sky Plus", "Texas
    Instruments" and "Mac Pro" are companies' names and products."""
    first = next(mentions.whole_words(name, body), None)
    if first is None or name.isupper():
        return None  # an acronym has no first name: "WRAZ-TV Fox" is two names
    for form in forms:
        words = form.split()
        if len(words) != 2 or words[0] != name or not body.startswith(form, first[0]):
            continue
        low = words[1].lower()
        if rules.SURNAME.fullmatch(words[1]) is None or low in rules.GENERIC \
                or low in rules.ADJECTIVES or low in rules.BREAK or low in rules.NAME_SUFFIXES \
                or low in rules.PLACE_WORDS \
                or people.role(low) or mentions.written_lower(low, body):
            continue
        end = first[0] + len(form)
        if rules.APPOSITION.match(body, end) or people.role_after(body, end) \
                or _asked(person) or people.referred_to_as_person(name, body):
            return form
    return None


def full_name_term(full: str, body: str) -> bool:
    """Whether ``full``, a person's name written in full once, is a term's namesake: the
    surname alone is written mostly before one same lower-case word, maybe after a closing
    quote ("the Mercator projection", "the familiar 'Mercator' projection"; issue 28, the
    stop-37 read: "#gerardus-mercator" on a story about the map). A name written in full
    again, or a surname written before varied words ("Trump said", "Trump tariffs", "Trump
    signed"), is the person's."""
    spans = list(mentions.whole_words(full, body))
    given, _, surname = full.rpartition(" ")
    # "Google Fonts" beside "Google" and "the Fonts folder" is no person's name: a first name
    # is written once, in the full name, and a surname is never a lower-case word.
    if len(spans) != 1 or " " in given or not all(
            rules.SURNAME.fullmatch(w) for w in (given, surname)) \
            or len(list(mentions.whole_words(given, body))) != 1 \
            or mentions.written_lower(surname.lower(), body) \
            or not first_name(given, body, set()):
        return False
    after: Counter[str] = Counter()
    n = 0
    for at, end in mentions.whole_words(surname, body):
        if spans[0][0] <= at < spans[0][1]:
            continue  # the full name's own surname
        n += 1
        m = _TERM_AFTER_QUOTED.match(body, end)
        if m is not None and m.group(1) not in rules.TERM_NOT:
            after[mentions.stem(m.group(1))] += 1
    return n >= rules.TERM_MENTIONS and bool(after) \
        and after.most_common(1)[0][1] >= rules.TERM_SHARE * n


_TERM_AFTER_QUOTED = re.compile(r"['’\"”]? ([a-z]+)\b")


def paired_first_name(name: str, body: str) -> bool:
    """Whether ``name``, one word the story never writes with a surname, is a first name: in
    half its mentions at least it is paired by "and" with a person's name, one the story
    writes after a title or an honorific ("Prince William and Kate", "William and Kate's
    baby", "Kate and Wills"; the CNN/DM sample's "#kate"). A person is followed by full name.
    Only a given name (``GIVEN_NAMES``) is read: "President Trump and Huawei", "General Motors
    and Ford" pair a body, "President Putin and Zelensky" a surname."""
    if name.lower() not in rules.GIVEN_NAMES:
        return False
    spans = list(mentions.whole_words(name, body))
    paired = 0
    for at, end in spans:
        m = _PAIR_BEFORE.search(body, max(0, at - 30), at) or _PAIR_AFTER.match(body, end)
        if m is not None and _titled(m.group(1), body):
            paired += 1
    return bool(spans) and 2 * paired >= len(spans)


_PAIR_BEFORE = re.compile(r"\b([A-Z][a-z]+),? and $")
_PAIR_AFTER = re.compile(r" and ([A-Z][a-z]+)\b")


_FAMILY_AFTER = re.compile(rf",? and ([A-Z][a-z]+) ({rules.SURNAME.pattern})\b")


def family_first_name(first: str, body: str) -> bool:
    """Whether ``first``, a known first name (``GIVEN_NAMES``), is written as one of a couple
    or a family by "and" before a full name that a known first name opens ("Frederick and
    Elizabeth Noble"): the bare first name is no tag, and the surname is the partner's as
    written, so no "#frederick-noble" is made up either. "Trump and Hillary Clinton" pairs no
    first name; "Apple and Google Maps" no person."""
    if first.lower() not in rules.GIVEN_NAMES or (
            f"{first} and " not in body and f"{first}, and " not in body):
        return False  # a plain find first: the pattern below is asked of few names
    at = body.find(first)
    while at >= 0:
        end = at + len(first)
        m = None if at and body[at - 1].isalnum() else _FAMILY_AFTER.match(body, end)
        if m is not None and m.group(1).lower() in rules.GIVEN_NAMES \
                and m.group(2).lower() not in rules.PLACE_WORDS \
                and m.group(2).lower() not in rules.GENERIC:
            return True
        at = body.find(first, end)
    return False


def _titled(word: str, body: str) -> bool:
    """Whether the story writes ``word`` after a royal or civil title or an honorific
    ("Prince William", "Mr Cameron")."""
    return any(w in rules.ROYAL_TITLES or w in rules.HONORIFICS or w in rules.TITLES
               for w, _ in mentions.before(word, body))


def given_full_name(given: str, forms: dict[str, int], body: str) -> str | None:
    """The full name among a name's ``forms`` that ``given``, a first name (``GIVEN_NAMES``),
    opens ("David Sparks" beside a bare "David"): whose first name the bare word is. Not a
    word the story also writes as a place ("Rents in Brooklyn" beside Brooklyn Beckham): the
    place keeps its tag."""
    if given.lower() not in rules.GIVEN_NAMES \
            or any(w in rules.PLACE_PREPOSITIONS for w, _ in mentions.before(given, body)):
        return None
    return next((f for f in forms if f.startswith(given + " ") and f.count(" ") == 1
                 and rules.SURNAME.fullmatch(f.split()[1])), None)


def bare_first_name(name: str, body: str) -> bool:
    """Whether ``name``, a first name that is nobody else's (``BARE_FIRST_NAMES``: never
    "Chelsea", "Victoria", "Zara"), the story never writes with a surname, is a person's bare
    first name ("his old college roommate, Kevin", "Casey orders an Ethernet adapter"): nobody
    a reader could follow (issue 28, stop 43's read: "#kevin"). Not one the story writes after
    a word a thing's name follows ("the Kevin", "against Kevin") or before a role: a team's or
    a product's name keeps its tag."""
    if name.lower() not in rules.BARE_FIRST_NAMES \
            or any(w in rules.THING_BEFORE for w, _ in mentions.before(name, body)):
        return False
    return not any(people.role(m.group(1).lower())
                   for m in re.finditer(rf"\b{re.escape(name)} ([a-z]+)\b", body))


def headline_given_full_name(given: str, title: str, story: str, body: str) -> str | None:
    """The full name a headline writes for a known first name (``GIVEN_NAMES``) the body
    writes alone ("An old friend: Richard MacManus" over "Richard is one of the old school
    bloggers"; "Dan Shafer died. I knew Dan …"): the person by full name, never "#richard".
    A title-case headline capitalises its verb ("Hillary Blasts FBI", "Richard Says …"), which
    is no surname: under one, only when the body writes the surname capitalised outside a copy
    of the headline ("Dan Shafer died." opening the item the headline cuts)."""
    if given.lower() not in rules.GIVEN_NAMES:
        return None
    m = re.search(rf"\b{re.escape(given)} ({rules.SURNAME.pattern})(?![\w'’-])", title)
    if m is None:
        return None
    surname = m.group(1)
    low = surname.lower()
    if surname in rules.CAP_STOP or low in rules.BREAK or low in rules.GENERIC \
            or mentions.written_lower(low, story) \
            or (_title_case(title) and not _backed_surname(surname, title, body)):
        return None
    return f"{given} {surname}"


def _title_case(title: str) -> bool:
    """Whether ``title`` capitalises every word of four letters or more ("Kevin Strikes
    Again"), not a sentence's case ("An old friend: Richard MacManus")."""
    return all(w[0].isupper() for w in re.findall(r"\b[^\W\d_]{4,}\b", title))


def _backed_surname(surname: str, title: str, body: str) -> bool:
    """Whether ``body`` writes ``surname`` capitalised as a word of its own on a line that is
    not the headline again."""
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(surname)}(?![\w'’-])")
    return any(pattern.search(line) for line in body.split("\n") if line.strip() != title.strip())

def public_full_name(full: str, body: str) -> str | None:
    """The tag of a person the story names in full but mostly by a bare first name or surname:
    the full name when a public role is written beside a mention of it or of the surname and
    they are no private person; else None, for the bare name follows the person's verdict
    (issue 28, 7 December read: "#david" for "David Sparks", "#swisher" for "Kara Swisher")."""
    if people.no_figure(full, body):
        return None
    surname = full.rpartition(" ")[2]
    spans = [*mentions.whole_words(full, body), *mentions.whole_words(surname, body)]
    return full if any(people.public_role(w) for at, end in spans
                       for w in people.words_near(body, at, end)) else None


def possessive_parts(words: list[str], raw: list[str], body: str,
                     uncertain: set[str]) -> list[list[str]]:
    """``words`` as the name runs they hold, or none where a possessive name ends a run glued
    to a name before it and the story writes each side's last word alone elsewhere
    (``POSSESSIVE_PART_MENTIONS`` times) and never the two together again ("former President
    Bill Clinton Obama's closer"): which words are whose is uncertain ("Martin Luther King's"
    beside Luther the reformer, "George Washington Carver's" beside the state), so no tag comes
    from the run, unless the story writes the whole run again (Carver in full elsewhere); its
    words before the possessive go into ``uncertain``, whose names are no tags (Bill Clinton,
    the reformer Luther, the state Washington may be someone else's), while the possessive
    name keeps its own tag ("#obama"). ``raw``: the words as written, with their "'s"."""
    for i in range(2, len(words)):
        if not raw[i].endswith("'s") or len(name_part(words[:i])) < 2:
            continue  # "Republican Ed Gillespie's": a first name alone is no name of its own
        left, right = words[i - 1], words[i]
        if sum(1 for _ in mentions.whole_words(f"{left} {right}", body)) <= 1 and all(
                sum(alone(body, at, end) for at, end in mentions.whole_words(w, body))
                >= rules.POSSESSIVE_PART_MENTIONS for w in (left, right)):
            whole = " ".join(name_part(words[: i + 1]))
            if sum(1 for _ in mentions.whole_words(whole, body)) > 1:
                return [words]
            uncertain.update(name_part(words[:i]))
            return []
    return [words]


def name_part(words: list[str]) -> list[str]:
    """``words`` without the adjectives, titles and capitalised stop words in front."""
    i = 0
    while i < len(words) and (words[i] in rules.CAP_STOP or words[i].lower() in rules.TITLES
                              or words[i].lower() in rules.ADJECTIVES):
        i += 1
    return words[i:]


def alone(body: str, at: int, end: int) -> bool:
    """Whether the word at ``body[at:end]`` stands with no capitalised word beside it."""
    before, after = body[:at].split()[-1:], body[end:].split()[:1]
    return not any(w[:1].isupper() for w in before + after)


# What a place's name may grow into as its people's ("Europe" -> "European", "Oman" -> "Omani").
DEMONYM_ENDINGS = ("an", "ean", "ian", "n", "ese", "ish", "i")


def demonym_ending(rest: str) -> bool:
    """Whether ``rest`` ends a place's name as its people's, maybe plural ("Indonesia-ns")."""
    return rest in DEMONYM_ENDINGS or (rest.endswith("s") and rest[:-1] in DEMONYM_ENDINGS)


def place_adjective(name: str, body: str) -> bool:
    """Whether ``name`` is the adjective of a place the story also writes, twice at least
    ("Liberian" beside "Liberia", "Indonesians" beside "Indonesia"): its people's word, no
    name to follow (the BBC set's "Liberian economy starts to grow" was tagged "#liberian").
    Only mentions written as a name of their own count: "Prince Saud Al-Faisal" makes no
    "Saudi" an adjective."""
    for end in range(rules.DEMONYM_PLACE_MIN, len(name)):
        if demonym_ending(name[end:]) and sum(
                alone(body, at, stop) for at, stop in mentions.whole_words(name[:end], body)
        ) >= rules.DEMONYM_PLACE_MENTIONS:
            return True
    return False

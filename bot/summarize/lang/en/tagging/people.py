"""Who a name in an English story is: a role or office beside it, a private person (an age
or a private description, named once or twice), an expert quoted as a source. Read by
``bot.summarize.lang.en.tagging`` before a person becomes a tag."""

from __future__ import annotations

import re

from bot.summarize.lang.en import tags as rules
from bot.summarize.lang.en.tagging import mentions


def role(word: str) -> bool:
    low = word.strip(",'’()\"").lower().removesuffix("'s").removeprefix("ex-")
    return low in rules.ROLES or low.removesuffix("s") in rules.ROLES


def private_person(name: str, body: str) -> bool:
    """Whether ``name`` is a private person the story names in full at most
    ``PRIVATE_MENTIONS`` times: written with an age or a private role at a mention ("Patrick
    McCrystal, 62, from Ayr", "Ashleigh Davis, 22, ... Ashleigh Davis said"; "pensioner Jean
    Hay" named once), and no public role in front of any mention or in the phrase after the name
    ("WorldCom ex-boss Bernie Ebbers", "Irish billionaires Mr McManus"). "Mr Surname" after
    the full name is house style for everyone ("Vladimir Putin ... Mr Putin"): no evidence on
    its own."""
    spans = list(mentions.whole_words(name, body))
    if not 0 < len(spans) <= rules.PRIVATE_MENTIONS:
        return False
    if any(role_near(body, at, end) for at, end in spans):
        return False
    for mention, _ in mentions.whole_words(name.split()[-1], body):
        before = body[max(0, mention - 50) : mention].split()[-4:]
        if any(map(role, before)):
            return False  # "Irish billionaires Mr McManus" says who he is elsewhere
    # A description near a name written once is evidence; a name written twice needs an age
    # or the description in apposition ("Steve Trewhella, a local photographer"): "a single
    # tenant" after "Element Enterprise Cloud offers hosting" is no resident.
    return any(rules.AGE.match(body, end) or private_apposition(body, end)
               for _, end in spans) or (len(spans) == 1 and private_role_near(body, *spans[0]))


def private_apposition(body: str, end: int) -> bool:
    """Whether the name ending at ``end`` is followed by a private person's description in
    apposition (", a local photographer", ", a mother of three")."""
    m = rules.APPOSITION.match(body, end)
    return m is not None and any(w.strip("'’()\"").lower() in rules.PRIVATE_ROLES
                                 for w in m.group(1).split())


def private_role_near(body: str, start: int, end: int) -> bool:
    """Whether a private person's description is written just before ``body[start:end]`` or in
    the phrase after it ("pensioner Jean Hay", "Jean Hay, a mother of three")."""
    return any(w.strip(",'’()\"").lower() in rules.PRIVATE_ROLES
               for w in words_near(body, start, end))


def role_near(body: str, start: int, end: int) -> bool:
    """Whether a role is written just before ``body[start:end]`` or in the phrase after it."""
    return any(map(role, words_near(body, start, end)))


def words_near(body: str, start: int, end: int) -> list[str]:
    """The last words before ``body[start:end]`` and those of the phrase after it."""
    before = body[max(0, start - 50) : start].split()[-4:]
    return before + re.split(r"[.;:]", body[end : end + 80], maxsplit=1)[0].split()


def quoted_expert(name: str, body: str) -> bool:
    """Whether ``name`` is an expert the story quotes, named in full once with what they do
    where ("said Shuhai Xiao, a professor of geobiology", "says Dawn Michelle Baunach, a
    sociologist at Georgia State University"): a source, as a figure's is, not the subject."""
    spans = [end for _, end in mentions.whole_words(name, body)]
    if len(spans) != 1:
        return False
    m = rules.APPOSITION.match(body, spans[0])
    return m is not None and rules.EXPERT.search(m.group(1)) is not None \
        and not subject_by_surname(name.rsplit(" ", 1)[-1], body)


# A source's mentions: the speaker ("Xiao said", "Baunach notes") or their work ("Baunach's
# research").
SPEAKING = re.compile(r"['’]s\b|\s+(?:said|says|added|adds|told|tells|explained|explains|"
                       r"wrote|writes|noted|notes|argued|argues|predicted|predicts|thinks|"
                       r"believes|suggested|suggests)\b")


def subject_by_surname(surname: str, body: str) -> bool:
    """Whether ``body`` writes ``surname`` alone, other than as the speaker of a quotation or
    whose work it is ("Xiao said", "Baunach's research"), more than
    ``rules.EXPERT_OTHER_MENTIONS`` times: the story's subject named in full once ("Jennifer
    Doudna, a professor of chemistry ... Doudna shares the prize ... Colleagues described
    Doudna"), not a source quoted."""
    other = sum(1 for _, end in mentions.whole_words(surname, body)
                if SPEAKING.match(body, end) is None)
    return other - 1 > rules.EXPERT_OTHER_MENTIONS  # the full name's own surname is one


_AFTER_COMMA = re.compile(r",\s+(?:the\s+)?([\w-]+)")


def role_after(body: str, end: int) -> bool:
    """Whether the name ending at ``end`` is followed by a role in apposition (", vice-chairman
    of ...", ", the minister")."""
    m = _AFTER_COMMA.match(body, end)
    return m is not None and role(m.group(1))


# A pronoun in the clause after a mention: who the story says the name is ("Ken Livingstone has
# brought his office into disrepute"; "Facebook Inc said it took down pages").
_PERSONAL = re.compile(r"[^.!?;\n]{0,60}?\b(he|she|his|her|him|it|its)\b")
# The rest of a name written on after the mention ("Ken Livingstone"), then the clause's words.
_NAME_RUN = re.compile(r"(?:[ -][A-Z][\w'’-]*)*")
_WORD = re.compile(r"[\w'’-]+")
_ASIDE = re.compile(r"\s[-–—]\s[^-–—]*\s[-–—]\s|\([^()]*\)")


def referred_to_as_person(name: str, body: str) -> bool:
    """Whether the clauses after ``name``'s mentions say "he", "she", "his" or "her" more often
    than "it" or "its", counting only clauses whose subject the mention is: "Celtic goalkeeper
    Rab Douglas let a shot slip through his hands" and "It ended Celtic's run" say nothing
    of Celtic."""
    person = thing = 0
    for _, end in mentions.whole_words(name, body):
        m = _PERSONAL.match(body, end)
        if m is not None and _subject_of(body, end, m.start(1)):
            if m.group(1).startswith("it"):
                thing += 1
            else:
                person += 1
    return person > thing


def _subject_of(body: str, end: int, pronoun: int) -> bool:
    """Whether the mention ending at ``end`` is the subject of the clause up to the pronoun at
    ``pronoun``: past the rest of its name a word comes before the pronoun ("Mukesh is the
    chairman and Anil its deputy": its is the company's), and no role ("Celtic manager said
    his side") or other name ("Celtic goalkeeper Rab Douglas let a shot slip through his
    hands")."""
    start = _NAME_RUN.match(body, end, pronoun).end()  # type: ignore[union-attr]
    # An aside between dashes or brackets names others without changing the subject ("by
    # Anil - the brother of Reliance Group president Mukesh Ambani - to resign from his post").
    words = _WORD.findall(_ASIDE.sub(" ", body[start:pronoun]))
    return bool(words) and not any(role(w) or w[0].isupper() for w in words)


def public_role(word: str) -> bool:
    """Whether ``word`` names an office, a public post or a star ("Senator", "ex-boss",
    "striker's"): what makes a person one a reader could follow."""
    low = word.strip(",.'’()\"‘“”").lower().removesuffix("'s").removesuffix("’s")
    low = low.removeprefix("ex-")
    return low in rules.PUBLIC_ROLES or low.removesuffix("s") in rules.PUBLIC_ROLES


def no_figure(name: str, body: str) -> bool:
    """Whether ``name``, of two words or more, is nobody to follow: a private person, an
    expert quoted as a source, a person written as a private one with no office, post or
    fame, or a body named only as where a quoted speaker works."""
    return private_person(name, body) or quoted_expert(name, body) \
        or unfollowed_person(name, body) or speakers_employer(name, body)


# A speaker's employer written between commas before the verb of saying: "Tom Hardy, of the
# Cornwall Wildlife Trust, said" (issue 28, stop-37 read: "#cornwall-wildlife-trust", a body
# only quoted, in a story about killer whales off Padstow).
_EMPLOYER_BEFORE = re.compile(r"\b(?:of|with|at|from|for)\s+the\s+$")
_SAID_AFTER = re.compile(r",\s+(?:said|says|told|tells|added|adds|explained|warned)\b")


def speakers_employer(name: str, body: str) -> bool:
    """Whether every mention of ``name`` is a quoted speaker's employer ("…, of the Cornwall
    Wildlife Trust, said"): the source of a quote, not what the story is about."""
    spans = list(mentions.whole_words(name, body))
    return bool(spans) and all(
        _EMPLOYER_BEFORE.search(body[max(0, at - 12) : at]) and _SAID_AFTER.match(body, end)
        for at, end in spans)


def animal_name(name: str, body: str) -> bool:
    """Whether the story writes the one-word ``name`` as an animal's: right after its kind
    ("his pet cat Tara") or before "the" and its kind ("Scrappy the dog") (``ANIMALS``). Read
    within one clause: never across a closing quote or a comma (``"We love the dog," Biden
    said``), the kind in lower case ("Is Djokovic the GOAT?") and no word after it ("Trump, the
    dog whistle master"; review 48, finding 2)."""
    for at, end in mentions.whole_words(name, body):
        before = rules.ANIMAL_BEFORE.search(body, max(0, at - 20), at)
        if before is not None and before.group(1) in rules.ANIMALS:
            return True
        after = rules.ANIMAL_AFTER.match(body, end)
        if after is not None and after.group(1) in rules.ANIMALS:
            return True
    return False


def unfollowed_person(name: str, body: str) -> bool:
    """Whether ``name`` (a full name) is a private person however often the story names them:
    a mention written with an age ("Richard McLuckie, 48,"), where they live ("Ashleigh Davis,
    of Ocala, Florida,"), a private description or a rank of the police in front ("father of two
    Richard McLuckie", "Sergeant Andy Sharp"), and no mention of the full name or the surname
    with an office, a public post or a star's word beside it (``PUBLIC_ROLES``: "Senator",
    "striker", "CEO"). Issue 28: the stop-37 read preferred the opening to our brief for such
    tags alone; ``private_person`` reads only names written once or twice. Only a name the
    story writes as a person's is read: "Many local Hong Kong shops" marks no one."""
    first, _, surname = name.rpartition(" ")
    full = list(mentions.whole_words(name, body))
    # The surname inside the full name is no mention of its own: "Mother Teresa" holds its
    # "Mother".
    alone = [(at, end) for at, end in mentions.whole_words(surname, body)
             if not any(f_at <= at < f_end for f_at, f_end in full)]
    own = first.split()[0].lower()
    # An age is read after the full name only: "Cameron, 47," is house style for anyone.
    # Asked before whether the story writes the name as a person's: few names have a mark,
    # and reading every mention's word before and pronoun after cost more than the rest.
    if not any(_private_mark(body, at, end, own) or _age_after(body, end) for at, end in full) \
            and not any(_private_mark(body, at, end, own) for at, end in alone):
        return False
    if not _reads_as_person(name, surname, full, alone, body):
        return False
    spans = [*full, *alone]
    return not any(public_role(w) for at, end in spans
                   for w in _sentence_words_near(body, at, end)) \
        and not any(_named_work(body, end) for _, end in spans)


def _reads_as_person(name: str, surname: str, full: list[tuple[int, int]],
                     alone: list[tuple[int, int]], body: str) -> bool:
    """Whether the story writes ``name`` or its ``surname`` on its own (``alone``) as a
    person's: after an honorific or a title ("Mr Hurst", "Sgt Keel"), or as the subject of a
    clause that says "he" or "she" ("Brook said her teeth", "Maryellen Olson, 25, nurses her
    daughter"). A place or a body ("Hong Kong", "the National Trust") is never written so."""
    ends = {end for _, end in [*full, *alone]}
    titled = any(w.lower() in rules.HONORIFICS or w.lower() in rules.TITLES
                 for form in (name, surname) for w, end in mentions.before(form, body)
                 if end in ends)
    return titled or any(_VERB_ON_PERSON.match(body, end) for end in ends) \
        or referred_to_as_person(name, body) \
        or (bool(alone) and referred_to_as_person(surname, body))


# A mention, maybe its age, a verb and a person's pronoun: "Maryellen Olson, 25, nurses her
# daughter", "Brook said her teeth".
_VERB_ON_PERSON = re.compile(r"(?:,\s*\d{1,3},)?\s+[a-z]+\s+(?:he|she|his|her|him)\b")


def _named_work(body: str, end: int) -> bool:
    """Whether the name ending at ``end`` names a work or a body after the person ("the Rush
    Limbaugh show", "the Trump administration"): someone a reader knows by name."""
    m = rules.TERM_AFTER.match(body, end)
    return m is not None and m.group(1) in rules.NAMED_FOR


def _age_after(body: str, end: int) -> bool:
    """Whether an age follows the name ending at ``end``: its own ("Richard McLuckie, 48,") or
    a pair's written "both" ("Lee Rowlands and Madelaine Moir, both 37,"). One age after a
    pair is the second person's ("Donald Trump and Joe Biden, 81,")."""
    return rules.AGE.match(body, end) is not None or rules.PAIR_AGE.match(body, end) is not None


def _private_mark(body: str, start: int, end: int, own: str) -> bool:
    """Whether the mention at ``body[start:end]`` is written as a private person's: a home
    after it (", of Ocala, Florida,", "Mr McCrystal, from Derby,"), or a private description
    or a rank of the police just before it ("pensioner Jean Hay", "Sgt Andy Sharp"); never
    the name's own first word ``own`` ("Mother Teresa", "Inspector Morse")."""
    if _home_after(body, end):
        return True
    # The word right before the mention, read first: the sentence's own last word is it or
    # none (a sentence starts after a space), and most words before a name are no mark.
    if not any(_marks(w, own) for w in body[max(0, start - 50) : start].split()[-1:]):
        return False
    return any(_marks(w, own) for w in _before_in_sentence(body, start)[-1:])


def _marks(word: str, own: str) -> bool:
    """Whether ``word`` before a name is a private description or a police rank, not the
    name's own first word ``own``."""
    low = word.strip(",.'’()\"").lower()
    return low in rules.PRIVATE_MARKS and low != own


def _home_after(body: str, end: int) -> bool:
    """Whether a home follows the name ending at ``end`` (``rules.HOME``): a place that is no
    month or weekday ("from January to March") and that the story writes nowhere else ("Tim
    Cook, of Apple," beside "Apple unveiled"; "Elon Musk, from Tesla," beside "Shares in
    Tesla"): a name the story is about is an employer, not where someone lives; an address
    ("Kedleston Street, Derby") or a longer name ("Derby City Council") is still the place."""
    m = rules.HOME.match(body, end)
    if m is None:
        return False
    place = m.group(1) or m.group(2)
    if place.split()[0].lower() in rules.MONTHS | rules.WEEKDAYS:
        return False
    at = m.start(1) if m.group(1) else m.start(2)
    return not any(p_at != at and not _IN_LONGER_NAME.match(body, p_end)
                   and not body[:p_at].rstrip().endswith(",")
                   for p_at, p_end in mentions.whole_words(place, body))


# A place written on into a longer name: "Derby City Council" names the council.
_IN_LONGER_NAME = re.compile(r"\s+[A-Z]")


def _before_in_sentence(body: str, start: int) -> list[str]:
    """The last four words before ``start`` in its own sentence: "… said the president.
    Davis was …" says nothing of Davis."""
    text = body[max(0, start - 50) : start]
    cut = 0
    for m in _SENTENCE_END.finditer(text):
        if (m.group(1) or "").lower() not in rules.NOT_TAG:  # "Sgt. Sharp", "Mr. Smith" go on
            cut = m.end()
    return text[cut:].split()[-4:]


_SENTENCE_END = re.compile(r"(\w*)[.!?]['’\"”]?\s|\n()")


def _sentence_words_near(body: str, start: int, end: int) -> list[str]:
    """The words of the phrase right before ``body[start:end]`` in its sentence ("Burberry
    chief creative officer", "England captain") and those of an apposition after it (", a
    former property developer who …", ", 61, the radio host"): the rest of the sentence says
    nothing of the name ("Jane Brook, 22, said the mayor should resign")."""
    before: list[str] = []
    for i, w in enumerate(reversed(_before_in_sentence(body, start)[-3:])):
        # "The England captain, Harry Kane," names him; "Asked why, Harry Kane" does not.
        if w.lower() in _NOT_IN_ROLE or (i > 0 and w.endswith((",", ";", ":"))):
            break
        before.insert(0, w)
    after = _APPOSITION_AFTER.match(body, end)
    return before + (after.group(1).split() if after else [])


# Words that end the phrase before a name: "the mayor said Jane Brook" says nothing of her.
_NOT_IN_ROLE = frozenset(
    "said says told tells and or but to by with for from that who which when as than".split())
_APPOSITION_AFTER = re.compile(r"(?:,\s*\d{1,3})?,\s+((?:a|an|the|former)\s+[^.;:!?\n]{1,60})")

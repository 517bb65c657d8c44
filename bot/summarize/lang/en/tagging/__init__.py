"""How English tags are found: the capitalised names a story writes, joined under their
forms, and those written often enough to be what the story is about. The word lists are in
``bot.summarize.lang.en.tags``; ``bot.summarize.tags`` calls ``story_tags`` through the
language's record."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache
from itertools import groupby

from bot.summarize.lang import Analysis, Words
from bot.summarize.lang.en import tags as rules
from bot.summarize.lang.en.tagging import code, mentions, names, people
from bot.tags import normalise_tag


def keywords(title: str, sentences: list[str]) -> Counter[str]:
    """``names_and_counts``' counts."""
    return names_and_counts(title, sentences)[0]


def names_and_counts(title: str, sentences: list[str]) -> tuple[Counter[str], set[str]]:
    """Capitalised names and how often the story writes them (the title's count three times,
    only for names its body also writes); runs break at weekdays, months and function words,
    civil titles are cut off the front ("Bishop John Folda" -> "John Folda"), and lines that
    are photo credits or player text give none."""
    # A scraped page repeats its title-case headline in the body: that copy would make every
    # headline word look like a name written mid-sentence.
    body = "\n".join(sentences)
    credits = rules.credit_line(body)
    if title or credits:
        # Per sentence only when needed: most stories have neither credits nor a headline, and
        # a sentence can hold a credit only when the whole body does.
        body = "\n".join(
            s for s in sentences
            if not (len(s) >= 15 and s.strip() in title)
            and not (credits and rules.credit_line(s))
        )
    body = rules.without_contacts(body)  # a footer's "Telegram: https://…" names nothing
    # Words written capitalised inside a sentence are names; a capital at the start of a
    # sentence (or anywhere in a title-case headline) proves nothing on its own.
    mid_cap = _mid_caps(body)
    scores: Counter[str] = Counter()
    singles: list[str] = []
    uncertain: set[str] = set()  # words of glued runs split no one can be sure of
    for text, weight in ((title, 3), (body, 1)):
        # findall, not finditer: the "\n" read behind a match says it opens a sentence, with
        # no match object to ask (the text gets a leading "\n" so its first word counts too).
        for g, nl in rules.PROPER_AT.findall("\n" + text):
            at_start = bool(nl)
            if weight == 1 and " " not in g and "\t" not in g:
                # Fast path for the most common match, one capitalised word.
                w = g.replace("’", "'").removesuffix("'s").rstrip(".")
                if w not in rules.CAP_STOP and len(w) >= 2 and (not at_start or mid_cap(w)):
                    singles.append(w)
                continue
            raw = g.replace("’", "'").split()
            words = [w.removesuffix("'s").rstrip(".") for w in raw]
            if weight == 3:
                runs = _runs(words, lambda w: (mid_cap(w) or mid_cap(w.rstrip("'")))
                             and not _breaks_name(w))
            else:
                if at_start and not mid_cap(words[0]) and not _place_prefix(words, body):
                    words, raw = words[1:], raw[1:]
                runs = [run for part in names.possessive_parts(words, raw, body, uncertain)
                        for run in _runs(part, lambda w: not _breaks_name(w))]
                if "&" in words:
                    runs = [part for run in runs for part in _apart(run, body)]
            for run in code.split_runs(runs):
                if run[-1].endswith("'"):
                    # A plural's apostrophe ends a name only inside one ("Dragons' Den"): a
                    # title-case headline's "Kamala Harris' Exit" gives "Kamala Harris".
                    run = [*run[:-1], run[-1][:-1]]
                # "Russian President Vladimir Putin": an adjective and a title go, the name
                # after them stays; a title inside a run ends the name before it.
                while run and run[-1].lower() in rules.TITLES:
                    run = run[:-1]  # "Sinn Fein MPs" are Sinn Fein
                cut = [i for i, w in enumerate(run) if w.lower() in rules.TITLES]
                if cut:
                    run = run[cut[-1] + 1 :]
                if len(run) > 2 and run[0].lower() in rules.RANKS \
                        and run[1].lower() in rules.GIVEN_NAMES:
                    run = run[1:]  # "Private Frederick Thompson", not "Private Equity …"
                while run and run[0] in rules.CAP_STOP:
                    run = run[1:]
                # A lone letter opens no name: "C PCRE" is a language and a library, "W Bush"
                # a bare initial before a surname.
                while len(run) > 1 and len(run[0]) == 1:
                    run = run[1:]
                # "Russian Tom Smith" is Tom Smith; "American Express", "European Commission"
                # and "British Airways" lose their name without the adjective.
                while len(run) > 2 and run[0].lower() in rules.ADJECTIVES:
                    run = run[1:]
                if run and run[0].lower() in rules.ADJECTIVES and (
                        len(run) == 1 or _name_word(run[1], body)):
                    run = run[1:]
                while run and run[-1] == "of":
                    run = run[:-1]
                phrase = " ".join(run)
                if not run or len(run) > 4 or len(phrase) < 2 or phrase.isdigit():
                    continue
                if weight == 3 and phrase not in body:
                    continue  # a title-case headline's run the story never writes
                scores[phrase] += weight
    scores.update(singles)
    for phrase in [p for p in scores if uncertain.intersection(p.split())]:
        del scores[phrase]  # a name of a glued run whose words are uncertain
    return scores, uncertain


def _mid_caps(body: str) -> Callable[[str], bool]:
    """Whether ``body`` writes a word capitalised inside a sentence: some ``MID_CAP`` match,
    with straight apostrophes and no "'s", is the word. Asked of the few words that open a
    sentence or the headline, each once, where the set of every such word was built before
    (MID_CAP over the whole body was 0.18 M instructions of a BBC brief's 7.78, stop 46)."""
    # MID_CAP reads "’" as it reads "'" (both in its run's class, neither at its edges), so the
    # matches of the body with straight apostrophes are its matches with them made straight.
    text = body.replace("’", "'") if "’" in body else body
    known: dict[str, bool] = {}

    def written(word: str) -> bool:
        found = known.get(word)
        if found is None:
            found = known[word] = _written_mid_cap(word, text)
        return found

    return written


def _written_mid_cap(word: str, text: str) -> bool:
    """Whether a ``MID_CAP`` match of ``text`` is ``word``, or ``word`` and "'s": every match
    opens on a capital, so only where ``text`` writes the word is one tried (a match opens
    after a blank, so none is inside another and each is where ``findall`` finds it)."""
    if not word or not "A" <= word[0] <= "Z":
        return False
    own = not word.endswith("'s")  # a match ending "'s" is read without it
    at = text.find(word)
    while at >= 0:
        m = rules.MID_CAP.match(text, at)
        if m is not None:
            g = m.group()
            if (own and g == word) or g == word + "'s":
                return True
        at = text.find(word, at + 1)
    return False


def _place_prefix(words: list[str], body: str) -> bool:
    """Whether a run opening a sentence opens on a place's first word ("West Virginia",
    "New Zealand"), which a capital there proves nothing about but belongs to the name: a
    story that writes "West Virginia" only at sentence starts gave "#virginia". Not when the
    story writes the next word more often without it: "New Apple figures", "Western Apple
    dealers" beside "Apple said", "Apple shares" are Apple's (review 35); one "Virginia" of
    another state beside four "West Virginia" is not."""
    if len(words) < 2 or words[0].lower() not in rules.PLACE_PREFIXES:
        return False
    joined = sum(1 for _ in mentions.whole_words(f"{words[0]} {words[1]}", body))
    return 2 * joined >= sum(1 for _ in mentions.whole_words(words[1], body))


def _apart(run: list[str], body: str) -> list[list[str]]:
    """``run`` cut at each "&" between two names the story also writes apart ("Apple & Google
    team up" ... "Apple said", "Google said"); one name when it never does ("Johnson &
    Johnson")."""
    for i, w in enumerate(run):
        if w == "&" and 0 < i < len(run) - 1:
            left, right = run[i - 1], run[i + 1]
            rest = body.replace(f"{left} & {right}", " ")
            if all(next(mentions.whole_words(n, rest), None) for n in (left, right)):
                return [run[:i], *_apart(run[i + 1 :], body)]
    return [run]


def _name_word(word: str, body: str) -> bool:
    """Whether ``word`` after an adjective is a name of its own ("Russian Putin"), not the
    rest of one ("American Express", "European Commission": a name's tail, even where the
    story writes it in lower case on a later mention, "the commission said"; or a word that
    names nothing alone and that the story never writes in lower case)."""
    low = word.lower()
    if low in rules.NAME_TAILS:
        return False
    return low not in rules.GENERIC or mentions.written_lower(low, body)


def _breaks_name(word: str) -> bool:
    return word.lower() in rules.BREAK


def _runs(words: list[str], name_word: Callable[[str], bool]) -> list[list[str]]:
    """The runs of ``name_word`` words; "of" joins two after a word naming a kind of body
    (``OF_HEADS``), as PROPER reads a name: "Bank of England", never "#england"; "Paul Ryan of
    Wisconsin" stays two names."""
    if "of" not in words:
        return [list(g) for k, g in groupby(words, key=name_word) if k]
    kept = [name_word(w) or (w == "of" and 0 < i < len(words) - 1 and name_word(words[i + 1])
                             and words[i - 1].lower() in rules.OF_HEADS
                             and name_word(words[i - 1]))
            for i, w in enumerate(words)]
    return [[w for w, _ in g] for k, g in groupby(zip(words, kept, strict=True),
                                                  key=lambda p: p[1]) if k]


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
    # A capitalised word the story also writes in lower case is a common word ("Home").
    if len(words) == 1 and (words[0] in rules.SOURCES or mentions.written_lower(words[0], body)):
        return False
    return len(normalise_tag(phrase).replace("-", "")) > 2


def _adjective_name(words: list[str]) -> bool:
    """Whether ``words`` are a name made of an adjective and a name's tail ("European Union",
    "European Commission"): each word alone names nothing, the two name a body (the fit
    half's "EU ministers to mull jet fuel tax" had no tag)."""
    return len(words) == 2 and words[0] in rules.ADJECTIVES and words[1] in rules.NAME_TAILS


def _link_or_cut(phrase: str, body: str) -> bool:
    """Whether every mention of ``phrase`` is a link's text ("DCR Post Here", "Read More
    Here") or a name the run cut before a character it holds ("Dual ANT+"; never "Disney+",
    the service of the name before it)."""
    after = [body[end : end + 6] for _, end in mentions.whole_words(phrase, body)]
    cut = rules.CUT_BEFORE_PLUS.fullmatch(phrase.split()[-1]) is not None
    return bool(after) and all(rules.LINK_OR_CUT.match(a) and (cut or a[0] != "+")
                               for a in after)


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
    for e in entities:
        if e.count < needed or not good_tag(e.name, body):
            continue  # most names: whether the points show them is never asked
        in_points = any(f in shown for f in e.forms) or _spelling_shown(e, shown)
        if not in_points and _side_detail(e, title + "\n" + body, len(sentences)):
            continue  # an anecdote of a long essay ("Code Search" on software dependencies)
        ranked.append((e.count + _IN_POINTS * in_points, e))
    ranked.sort(key=lambda se: -se[0])
    picked: list[_Entity] = []
    names: list[str] = []
    taken: set[str] = set()  # the words of the names picked
    # How many names hold each word: the word before a surname in one of its own forms, that
    # no other name holds ("Brian" of "State Brian Kemp" under "Kemp"), may be its first name;
    # never one inside a longer name ("Mongolia" of "Inner Mongolia Yili Industrial").
    owners = Counter(w for _, e in ranked for w in e.words())
    for score, e in ranked:
        if score < _RELATIVE * ranked[0][0]:
            break  # far less written than the story's main name: a side character
        # One tag per thing: no two tags share a word ("#van-de-ven", "#yves-van-de-ven").
        if any(e.words() & p.words() for p in picked):
            continue
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
        return None if person or names.paired_first_name(name, body) else name
    # "Gerardus Mercator" once beside "the Mercator projection": the term's, no person's.
    return None if people.no_figure(name, body) or names.full_name_term(name, body) else name


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

"""The capitalised runs an English story writes, counted: the names ``story_tags`` chooses
tags from. A capital that opens a sentence proves nothing alone, so a word counts there only
where the story also writes it capitalised mid-sentence; runs break at weekdays, months and
function words; credit lines, contact footers and the headline's copy in the body give none."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import groupby

from bot.summarize.lang.en import tags as rules
from bot.summarize.lang.en.tagging import code, mentions, names


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

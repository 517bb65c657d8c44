"""A greeting run into the sentence after it ("Hello all, I recently acquired a 40G switch …",
"Hi Jane, I am here now …"): forum and Reddit posts open so, and the feed gives the post as one
paragraph. The greeting is a span of its own (``NOT_PROSE``'s "greeting", never a point), so
the sentence can be one without it, verbatim. A name that opens on a greeting word ("Hello
Games, Sean Murray's studio, announced …", "Hey Jude, The Beatles song, …") is no greeting,
nor is a greeting inside reported speech ("Hey Mom, I am OK, the text read, …")."""

from __future__ import annotations

import re

# A greeting word, maybe whom it greets (a group, "all", "everyone", a community or a single
# given name: "Hi Jane,", "Hello Homelab-community,"), then a comma and the sentence, opening
# on a capital (or a Reddit poster's "i"). Two capitalised words are a name of a company or
# work ("Hi Tech Corp, Intel and AMD …"), no greetee. Only a comma: "Hey it's cool, he even …"
# and "Hi i'm looking …" are one sentence each; so is "Hello, recently I converted …", which
# cut would leave a point opening in lower case, as a fragment reads.
GREETING_GLUE = re.compile(
    r"(?:Hello|Hi|Hey|Hiya|Howdy|Greetings|Good (?:morning|afternoon|evening))"
    r"(?: (?:all|everyone|everybody|folks|guys|there|friends|people|y['’]all|team|gang"
    r"|community|r/\w+|[A-Z][\w'’]*-community|(?P<name>[A-Z][a-z]+)))?,+ (?=[A-Z]|i\b)"
)
# After a name, an appositive names what it is ("Hey Siri, Apple's voice assistant, now …",
# "Hey Jude, The Beatles song, topped …"): a possessive or "The" opening the text after the
# comma, or a short phrase closed by a comma and a verb ("…, announced", "…, now works").
APPOSITIVE = re.compile(
    r"The\b|(?:\S+ ){0,2}\S+['’]s\b|[^,.!?]{1,50}, (?:now |also |still )?[a-z]+(?:ed|s)\b")
# Reported speech: the greeting is the words of someone the sentence quotes without marks.
REPORTED = re.compile(
    r", (?:the \w+|he|she|they|it|\w+) (?:said|says|read|reads|wrote|writes|added|told)\b")
# The sentence after the greeting runs at least this many words to its first mark: "Hello,
# World! Program turns 50 …" greets no one, it names a program.
SENTENCE_WORDS = 3
SENTENCE_MARK = re.compile(r"[.!?]")


def greeting_end(sentence: str) -> int | None:
    """Where the greeting opening ``sentence`` ends and its sentence begins, else None."""
    m = GREETING_GLUE.match(sentence)
    if m is None:
        return None
    rest = sentence[m.end():]
    if m.group("name") is not None and APPOSITIVE.match(rest):
        return None
    if REPORTED.search(rest):
        return None
    sentence_head = SENTENCE_MARK.split(rest, maxsplit=1)[0]
    return m.end() if len(sentence_head.split()) >= SENTENCE_WORDS else None

"""A greeting run into the sentence after it ("Hello all, I recently acquired a 40G switch …",
"Hello, recently I converted …"): forum and Reddit posts open so, and the feed gives the post as
one paragraph. The greeting is a span of its own (``NOT_PROSE``'s "greeting", never a point), so
the sentence can be one without it, verbatim."""

from __future__ import annotations

import re

# A greeting word, maybe whom it greets (a group, "all", "everyone", or a name or community in
# capitals: "Hi Jane,", "Hello Homelab-community,"), then a comma and the sentence, opening on
# a capital (or a Reddit poster's "i"). Only a comma: "Hey it's cool, he even …" and "Hi i'm
# looking …" are one sentence each; so is "Hello, recently I converted …", which cut would
# leave a point opening in lower case, as a fragment reads.
GREETING_GLUE = re.compile(
    r"(?:Hello|Hi|Hey|Hiya|Howdy|Greetings|Good (?:morning|afternoon|evening))"
    r"(?: (?:all|everyone|everybody|folks|guys|there|friends|people|y['’]all|team|gang"
    r"|r/\w+|[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?))?,+ (?=[A-Z]|i\b)"
)
# What a GREETING_GLUE match opens on: a capital H or G (one comparison before the match).
GREETING_INITIALS = ("H", "G")


def greeting_end(sentence: str) -> int | None:
    """Where the greeting opening ``sentence`` ends and its sentence begins, else None."""
    if sentence[:1] not in GREETING_INITIALS:
        return None
    m = GREETING_GLUE.match(sentence)
    return m.end() if m is not None else None

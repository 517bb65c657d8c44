"""What a negation is about: the words in its scope, so that "did not call the ruling" can be
told apart from "this is not the way" in the same sentence, and a dropped "not" is noticed.

English scope: the first content words after the cue ("not", "no", "never", "without", "n't").
Korean scope: the word stems before the cue ("영향을 받지 않는다": 영향, 받), since Korean
negates after the verb. The grounding check needs each negation of a point to share its scope
with a negation of the cited sentences, and each negated claim of those sentences that the point
repeats to be negated in the point as well.
"""

from __future__ import annotations

import re

from bot.summarize.lang.en import negation as en
from bot.summarize.lang.ko import negation as ko
from bot.summarize.text import content_words, strip_particle

# "뿐만 아니라" and "not only" add, they do not negate: every language's phrase is taken out
# of any text, whatever its language (the fact checker's cues too).
NOT_ONLY = re.compile("|".join(rules.NOT_ONLY.pattern for rules in (ko, en)), re.I)


def _stem(word: str) -> str:
    found = content_words(word, "en")
    return found[0] if found else word


def _meet(a: list[str], b: list[str]) -> bool:
    """Whether two scopes share a word, "acting" meeting "action" (a common 4-letter start)."""
    return bool(set(a) & set(b)) or any(
        len(x) >= 5 and len(y) >= 5 and x[:4] == y[:4] for x in a for y in b)


def _ko_stem(word: str) -> str:
    word = ko.NOT_HANGUL.sub("", word)
    word = ko.VERB_ENDING.sub("", strip_particle(word))
    return word[:2]


def scopes(text: str, lang: str) -> list[list[str]]:
    """The scope words of each negation in ``text``, nearest to the cue first."""
    text = NOT_ONLY.sub(" ", text)
    out: list[list[str]] = []
    if lang == "ko":
        words = text.split()
        for i, word in enumerate(words):
            m = ko.CUE.search(word)
            if not m:
                continue
            before = [word[:m.start()], *reversed(words[max(0, i - ko.SCOPE):i])]
            keys = [k for k in map(_ko_stem, before) if k]
            if keys:
                out.append(keys)
        return out
    for m in en.CUE.finditer(text):
        after = content_words(text[m.end():m.end() + 80], "en")[:en.SCOPE]
        if after:
            out.append(after)
    return out


def unsupported(point: str, point_lang: str, cited: str, cited_lang: str) -> bool:
    """Whether ``point`` negates something the cited text does not, or repeats without its
    negation the first thing a negation of the cited text is about (same language only;
    across languages the cue check of bot.summarize.grounding is all there is)."""
    mine = scopes(point, point_lang)
    theirs = scopes(cited, cited_lang)
    for scope in mine:
        if not any(_meet(scope, other) for other in theirs):
            return True
    if len(mine) >= len(theirs):
        return False  # as many negations as the source: none was dropped
    if point_lang == "ko":
        present = {k for k in map(_ko_stem, point.split()) if len(k) >= 2}
    else:  # hyphenated words stay whole: "six-way" does not state "way"
        present = {_stem(w) for w in en.WORD.findall(point.lower())}
    negated_here = {w for scope in mine for w in scope}
    for scope in theirs:
        lead = scope[0]
        if (point_lang != "ko" or len(lead) >= 2) and lead in present \
                and lead not in negated_here:
            return True
    return False

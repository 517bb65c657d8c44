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
from bot.summarize.lang.registry import language
from bot.summarize.text import WORDS

# "뿐만 아니라" and "not only" add, they do not negate: every language's phrase is taken out
# of any text, whatever its language (the fact checker's cues too).
NOT_ONLY = re.compile("|".join(rules.NOT_ONLY.pattern for rules in (ko, en)), re.I)


def _meet(a: list[str], b: list[str]) -> bool:
    """Whether two scopes share a word, "acting" meeting "action" (a common 4-letter start)."""
    return bool(set(a) & set(b)) or any(
        len(x) >= 5 and len(y) >= 5 and x[:4] == y[:4] for x in a for y in b)


def scopes(text: str, lang: str) -> list[list[str]]:
    """The scope words of each negation in ``text``, nearest to the cue first."""
    text = NOT_ONLY.sub(" ", text)
    return language(lang).negation_scopes(text, WORDS)


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
    rules = language(point_lang)
    present = rules.stated_words(point, WORDS)
    negated_here = {w for scope in mine for w in scope}
    for scope in theirs:
        lead = scope[0]
        if len(lead) >= rules.shortest_scope_lead and lead in present \
                and lead not in negated_here:
            return True
    return False

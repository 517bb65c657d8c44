"""When two of an English brief's tags name one thing (issue 28, the stop-46 feed-items read:
rf629's "#macbooks #macs #laptops #macbook" "repeat each other"): a plural beside its singular
("#macbooks", "#macbook"; "#watches", "#watch"; "#batteries", "#battery"), and, among one item's
feed categories, a word beside the kind of it ("#macs", "#macbooks"). Two tags are compared as
written, never through a guessed singular: "#news" is one with no tag but "#new", and not even
that (``NOT_PLURALS``). The plural rule is ``bot.tags.plural_of``, the one subscriptions match
by, so a subscriber of "#macbook" gets the brief whose tag is "#macbooks". Read by
``bot.summarize.tags.build_tags`` through ``Language.one_thing``."""

from __future__ import annotations

from bot.summarize.lang.en import tags as rules
from bot.tags import ENDINGS as _ENDINGS
from bot.tags import LATIN as _LATIN
from bot.tags import plural_of


def one_thing(tag: str, other: str, categories: bool) -> bool:
    """Whether ``tag`` and ``other`` (normalised) name one thing: one the plural of the other,
    or, both ``categories`` of the item and one word each, one a kind of the other
    (``KIND_WORDS``: "#macs", "#macbooks"); "#apple" beside "#apple-watch" is two."""
    short, long = sorted((tag, other), key=len)
    if not (_LATIN.fullmatch(short) and _LATIN.fullmatch(long)):
        return False
    if plural_of(long, short):
        return True
    if not categories or "-" in short or "-" in long:
        return False
    return any(long == word + kind or plural_of(long, word + kind)
               for word in _singulars(short) for kind in rules.KIND_WORDS.get(word, ()))


def _singulars(word: str) -> list[str]:
    """``word`` and each singular it is written as the plural of ("macs": "macs", "mac")."""
    return [word] + [cut for end, was in _ENDINGS if word.endswith(end)
                     if plural_of(word, cut := word[:len(word) - len(end)] + was)]

"""Tags' two forms, low in the house so routing, kinds, the store and the dashboard share them
(issue 23 point 3) without importing the summarizer.

- ``normalise_tag``: the slug a reader sees and a row stores ("Artificial Intelligence" ->
  "artificial-intelligence"); Hangul is kept as written.
- ``canonical_tag``: what two tags are compared by. ``#OpenAI``, ``openai``, ``#open-ai`` and
  ``Open AI`` are one tag to a reader, so hyphens (the slug's spaces and punctuation) do not
  count. Matching always compares canonical forms of both sides, so subscriptions and urgent
  tags stored as slugs before this existed match exactly as new ones do: no stored row changes.
- ``same_tag`` / ``tag_in``: whether two tags are one tag to a reader: one canonical form, or a
  tag of Latin letters beside its plural (``plural_of``: "#macbook" and "#macbooks"). What an
  English brief keeps as one tag (``bot.summarize.lang.en.tagging.one_thing``) and what a
  subscription, an urgent tag or a server's own feed tag matches (``bot.filters.kinds``,
  ``bot.routing.route``) read this one rule, so a subscriber of "#macbook" gets the brief
  tagged "#macbooks" and one of "#macbooks" the brief tagged "#macbook" (issue 28). Matched
  when compared, never stored: rows saved before match as they did, and more.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache

__all__ = ["ENDINGS", "LATIN", "NOT_PLURALS", "TagNormaliser", "canonical_tag", "normalise_tag",
           "plural_of", "same_tag", "tag_forms", "tag_in"]

_NON_WORD = re.compile(r"[^0-9a-z\uac00-\ud7a3\u3130-\u318f\u00e0-\u024f]+")


def normalise_tag(tag: str) -> str:
    """A lower-case slug ("Artificial Intelligence" -> "artificial-intelligence"); Hangul is kept
    as written, only spaces and punctuation become hyphens."""
    t = unicodedata.normalize("NFKC", tag).strip().lstrip("#").lower()
    return _NON_WORD.sub("-", t).strip("-")


def canonical_tag(tag: str) -> str:
    """The form tags are matched by: the slug without its hyphens ("#open-ai" -> "openai")."""
    return normalise_tag(tag).replace("-", "")


# A tag of Latin letters, its words joined by "-" ("macbooks", "apple-watch"): a Hangul or
# digit tag is one tag only with its own form (a Korean tag is never read as an English plural).
LATIN = re.compile(r"[a-z]+(?:-[a-z]+)*")
# A plural's endings and what its singular ends in instead ("batteries" of "battery").
ENDINGS = (("s", ""), ("es", ""), ("ies", "y"))
# The shortest singular a plural is read against ("ios" is no plural of "io").
_SHORTEST = 3
# What a singular ends in when its plural adds "es" ("glasses", "boxes", "watches", "heroes"):
# "#jones" is no plural of "#jon", nor "#times" of "#tim", "#james" of "#jam".
_ES_AFTER = ("s", "x", "z", "ch", "sh", "o")
# Words that end as a plural of another word and are none: never one tag with it ("#news" is
# no plural of "#new", "#texas" of "#texa"; "#arms" are weapons, "#arm" a chip maker;
# "#customs" is a border's, "#goods" are wares, "#mets" a team: whole-stop review 47, finding
# 11). Read by the English brief's tags and by subscriptions alike (``plural_of``), on the
# form without hyphens, so a tag that ends in one is none either ("#consumer-goods",
# "consumergoods"; review 48, nit 6). The price: "#farms" and "#farm" stay two ("arms").
#
# The rule is English and sits here because a subscription has no language: only Latin-letter
# tags of three or more letters take part, so a Korean tag only ever matches itself, but a
# Spanish "#torres" is read as "#torre"'s plural (review 48, nit 10; a per-language hook needs
# the brief's language in ``BriefFacts``). Names that look like plurals ("#patriots",
# "#bears", "#windows") join the word they look like on the positive side only: a subscriber of
# "#bear" also gets the brief tagged "#bears". An exclusion or a mute never widens
# (``tag_in`` against ``canonical_tag``): dropping a brief unasked is worse than one extra.
NOT_PLURALS = frozenset(
    "news series species texas arms means lens physics politics customs goods mets".split())


def plural_of(long: str, short: str) -> bool:
    """Whether ``long`` is written as the plural of ``short`` ("movies" of "movie", "glasses"
    of "glass", "batteries" of "battery"), and is no word of its own (``NOT_PLURALS``); slugs
    or canonical forms of Latin letters, read without their hyphens."""
    long, short = long.replace("-", ""), short.replace("-", "")
    if len(short) < _SHORTEST or long.endswith(_NOT_PLURAL_ENDS):
        return False
    return any(long == short[:len(short) - len(was)] + end
               for end, was in ENDINGS if short.endswith(was)
               if end != "es" or short.endswith(_ES_AFTER))


_NOT_PLURAL_ENDS = tuple(NOT_PLURALS)


@lru_cache(maxsize=8192)
def tag_forms(key: str) -> frozenset[str]:
    """The canonical form ``key`` and each canonical form that is its plural or its singular
    (``plural_of``): "macbook" → {"macbook", "macbooks"}. Worked out once per tag, so a
    comparison is a few set look-ups (review 48, nit 7)."""
    forms = {key}
    if LATIN.fullmatch(key):
        for end, was in ENDINGS:
            if key.endswith(end) and plural_of(key, cut := key[:len(key) - len(end)] + was):
                forms.add(cut)
            if key.endswith(was) and plural_of(grown := key[:len(key) - len(was)] + end, key):
                forms.add(grown)
    return frozenset(forms)


def same_tag(tag: str, other: str) -> bool:
    """Whether ``tag`` and ``other`` (any spelling) are one tag to a reader: one canonical
    form ("#open-ai", "OpenAI"), or, written in Latin letters, one the plural of the other
    ("#macbooks", "macbook"). "#apple" and "#apple-watch" are two; so are "#new" and "#news"."""
    return canonical_tag(other) in tag_forms(canonical_tag(tag))


def tag_in(tag: str, tags: Collection[str]) -> bool:
    """Whether ``tag`` (any spelling) is one of ``tags`` (canonical forms, as
    ``BriefFacts.tags``) or its plural or singular: what a tag subscription, a keyword read as a
    tag and an urgent tag match by. Never an exclusion's: that is ``canonical_tag(tag) in tags``."""
    return any(form in tags for form in tag_forms(canonical_tag(tag)))


class TagNormaliser:
    """Maps any variant listed in ``aliases`` ({canonical: [variants]}) to its canonical tag's
    slug; variants are recognised in any spelling with the same canonical form."""

    def __init__(self, aliases: dict[str, list[str]] | None = None) -> None:
        self._map: dict[str, str] = {}
        for canonical, variants in (aliases or {}).items():
            c = normalise_tag(canonical)
            self._map[canonical_tag(c)] = c
            for v in variants:
                self._map[canonical_tag(v)] = c

    def __call__(self, tag: str) -> str:
        return self._map.get(canonical_tag(tag), normalise_tag(tag))

    def known(self, tag: str) -> bool:
        return canonical_tag(tag) in self._map

"""Tags' two forms, low in the house so routing, kinds, the store and the dashboard share them
(issue 23 point 3) without importing the summarizer.

- ``normalise_tag``: the slug a reader sees and a row stores ("Artificial Intelligence" ->
  "artificial-intelligence"); Hangul is kept as written.
- ``canonical_tag``: what two tags are compared by. ``#OpenAI``, ``openai``, ``#open-ai`` and
  ``Open AI`` are one tag to a reader, so hyphens (the slug's spaces and punctuation) do not
  count. Matching always compares canonical forms of both sides, so subscriptions and urgent
  tags stored as slugs before this existed match exactly as new ones do: no stored row changes.
- ``same_person``: whether a story writes both a bare surname and a full name ending in it
  (``#trump``, ``#donald-trump``), so routing (bot.routing.surnames) can let a subscription to
  either form get the stories tagged by the other (issue 28: one entity, one subscription).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["TagNormaliser", "canonical_tag", "full_name", "normalise_tag",
           "same_person", "written_name"]

_NON_WORD = re.compile(r"[^0-9a-z\uac00-\ud7a3\u3130-\u318f\u00e0-\u024f]+")


def normalise_tag(tag: str) -> str:
    """A lower-case slug ("Artificial Intelligence" -> "artificial-intelligence"); Hangul is kept
    as written, only spaces and punctuation become hyphens."""
    t = unicodedata.normalize("NFKC", tag).strip().lstrip("#").lower()
    return _NON_WORD.sub("-", t).strip("-")


# A word of a person's name in a slug: Latin letters only (a Korean tag is one written name,
# never a surname and a given name joined by a hyphen).
_NAME_WORD = re.compile(r"[a-z\u00e0-\u024f]+")
_FULL_NAME_WORDS = (2, 4)  # "donald-trump" .. "yves-van-de-ven"


def canonical_tag(tag: str) -> str:
    """The form tags are matched by: the slug without its hyphens ("#open-ai" -> "openai")."""
    return normalise_tag(tag).replace("-", "")


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


def full_name(words: list[str]) -> bool:
    """Whether a slug's words can be a person's full name: two to four words of Latin letters."""
    low, high = _FULL_NAME_WORDS
    return low <= len(words) <= high and all(_NAME_WORD.fullmatch(w) for w in words)


def written_name(words: list[str], story: str) -> str | None:
    """The first place ``story`` writes the slug words ``words`` as a capitalised name ("Donald
    Trump" for ``["donald", "trump"]``), as written, or None."""
    spelled = r"(?<!\w)" + r"[\s-]+".join(map(re.escape, words)) + r"(?!\w)"
    for m in re.finditer(spelled, story, re.IGNORECASE):
        if all(w[:1].isupper() for w in re.split(r"[\s-]+", m.group())):
            return m.group()
    return None


def same_person(subscribed: str, tag: str, story: str) -> bool:
    """Whether a subscription's tag and a brief's tag are a bare surname and a full name ending
    in it that ``story`` (the brief's article) writes both of: the full name, capitalised, and,
    when the subscription is the bare surname, also the surname on its own ("Donald Trump ...
    Trump said"). Whether the full name is a person's is the caller's to ask
    (bot.summarize.tags.person_named)."""
    wanted, given = normalise_tag(subscribed).split("-"), normalise_tag(tag).split("-")
    if len(wanted) == 1 and full_name(given):
        full, surname = given, wanted[0]
    elif len(given) == 1 and full_name(wanted):
        full, surname = wanted, given[0]
    else:
        return False
    if full[-1] != surname or written_name(full, story) is None:
        return False
    if len(wanted) > 1:
        return True
    spelled = r"(?<!\w)" + r"[\s-]+".join(map(re.escape, full)) + r"(?!\w)"
    ends = {m.end() for m in re.finditer(spelled, story, re.IGNORECASE)}
    alone = r"(?<!\w)" + re.escape(surname) + r"(?!\w)"
    return any(m.group()[:1].isupper() and m.end() not in ends
               for m in re.finditer(alone, story, re.IGNORECASE))

"""Tags' two forms, low in the house so routing, kinds, the store and the dashboard share them
(issue 23 point 3) without importing the summarizer.

- ``normalise_tag``: the slug a reader sees and a row stores ("Artificial Intelligence" ->
  "artificial-intelligence"); Hangul is kept as written.
- ``canonical_tag``: what two tags are compared by. ``#OpenAI``, ``openai``, ``#open-ai`` and
  ``Open AI`` are one tag to a reader, so hyphens (the slug's spaces and punctuation) do not
  count. Matching always compares canonical forms of both sides, so subscriptions and urgent
  tags stored as slugs before this existed match exactly as new ones do: no stored row changes.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["TagNormaliser", "canonical_tag", "normalise_tag"]

_NON_WORD = re.compile(r"[^0-9a-z\uac00-\ud7a3\u3130-\u318f\u00e0-\u024f]+")


def normalise_tag(tag: str) -> str:
    """A lower-case slug ("Artificial Intelligence" -> "artificial-intelligence"); Hangul is kept
    as written, only spaces and punctuation become hyphens."""
    t = unicodedata.normalize("NFKC", tag).strip().lstrip("#").lower()
    return _NON_WORD.sub("-", t).strip("-")


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

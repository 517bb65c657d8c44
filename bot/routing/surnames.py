"""A bare surname a brief is tagged by (``#trump``: its headline writes "Trump" alone) read as
the full name the store's recent briefs tag that person by (``#donald-trump``), so a subscriber
to the full name gets it too (issue 28: one person, one subscription). The other way round, a
``#trump`` subscriber getting a ``#donald-trump`` story, needs no store: the story writes both
forms (bot.tags.same_person).

A surname resolves only when one full name holds most of the recent briefs tagged by a full
name ending in it, and those briefs' stories call that person by the surname alone: "Trump"
is Donald Trump while the news calls him so; "Smith", with John Smith and Jane Smith in the
news, is nobody, and a ``#york`` story is never one for ``#new-york`` subscribers (stories
about New York do not write "York" alone).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import replace

from bot.filters.kinds import BriefFacts
from bot.store import AsyncConnection
from bot.store import briefs as brief_store
from bot.store.destinations import SubscriptionRow
from bot.tags import canonical_tag, full_name, normalise_tag, same_person

__all__ = ["Surnames", "followed"]

SHARE = 0.75  # of the recent briefs tagged by a full name ending in the surname
MIN_BRIEFS = 2  # a full name tagged once is no evidence of what the news calls a person
CHECKED_STORIES = 3  # the newest briefs of that full name whose stories are read
CALLED_BY_SURNAME = 2  # of them, how many must write the surname alone


class Surnames:
    """Recent briefs' full names by surname, read once (per poll cycle, like its targets)."""

    def __init__(self) -> None:
        self._by_surname: dict[str, Counter[str]] | None = None
        self._briefs: dict[str, list[int]] = {}  # full name -> its briefs, newest first
        self._resolved: dict[str, str | None] = {}

    async def _read(self, conn: AsyncConnection) -> dict[str, Counter[str]]:
        if self._by_surname is None:
            by_surname: dict[str, Counter[str]] = {}
            for brief_id, tags in await brief_store.recent_tags(conn):
                for tag in set(tags):
                    words = tag.split("-")
                    if full_name(words):
                        by_surname.setdefault(words[-1], Counter())[tag] += 1
                        self._briefs.setdefault(tag, []).append(brief_id)
            self._by_surname = by_surname
        return self._by_surname

    async def full_name(self, conn: AsyncConnection, surname: str) -> str | None:
        """The full name ``surname`` stands for in the store's recent briefs, or None."""
        if surname not in self._resolved:
            self._resolved[surname] = await self._resolve(conn, surname)
        return self._resolved[surname]

    async def _resolve(self, conn: AsyncConnection, surname: str) -> str | None:
        counts = (await self._read(conn)).get(surname)
        if not counts:
            return None
        full, n = counts.most_common(1)[0]
        if n < MIN_BRIEFS or n < SHARE * sum(counts.values()):
            return None
        told = await brief_store.stories(conn, self._briefs[full][:CHECKED_STORIES])
        called = sum(same_person(surname, full, story) for story in told)
        return full if called >= min(CALLED_BY_SURNAME, len(told)) and called else None

    async def known(self, conn: AsyncConnection, facts: BriefFacts,
                    followed: Collection[str]) -> BriefFacts:
        """``facts`` with the full name of each bare surname it is tagged by, where one is known:
        routing then matches it as the brief's own tag (a subscription, an exclude alike).
        ``followed``: the surnames of the full names subscribed to (:func:`followed`); no
        other surname is looked up, so most briefs cost no read."""
        names = set()
        for tag in facts.tag_slugs & set(followed):
            if (full := await self.full_name(conn, tag)) is not None:
                names.add(canonical_tag(full))
        return replace(facts, tags=facts.tags | names) if names else facts


def followed(subscriptions: Iterable[SubscriptionRow]) -> set[str]:
    """The last words of the full names that tag subscriptions (excludes too) name."""
    out = set()
    for sub in subscriptions:
        words = normalise_tag(sub.value).split("-")
        if sub.kind == "tag" and full_name(words):
            out.add(words[-1])
    return out

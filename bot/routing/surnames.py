"""One person, one subscription (issue 28): a story that writes only "Trump" is tagged
``#trump`` (its headline writes the surname alone), one that introduces "Donald Trump"
``#donald-trump``. Routing adds each brief's other form of a person's name to the tags it
matches (never to the tags shown), so a subscriber to either form gets both:

- a story tagged by a full name that it writes as a person's and also writes the surname
  alone ("President Donald Trump ... Trump said") matches the bare surname;
- a story tagged by a bare surname matches the full name subscribed to when it writes that
  full name as a person's, or else when the store's recent briefs resolve the surname to it:
  one full name holds most of the recent briefs tagged by a full name ending in it, and those
  briefs' stories write it as a person's and call the person by the surname alone. "Trump" is
  Donald Trump while the news calls him so; "Smith", with John and Jane Smith in the news, is
  nobody, and ``#john-smith`` never gets every Smith.

A person's name is asked of the English rules (bot.summarize.tags.person_named): the
Washington Post, the MacBook Pro and the House Republicans end in words other tags are, but
are no one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from bot.filters.kinds import BriefFacts
from bot.store import AsyncConnection
from bot.store import briefs as brief_store
from bot.store.destinations import SubscriptionRow
from bot.summarize.tags import person_named
from bot.tags import canonical_tag, full_name, normalise_tag, same_person, written_name

__all__ = ["Followed", "Surnames", "followed"]

SHARE = 0.75  # of the recent briefs tagged by a full name ending in the surname
MIN_BRIEFS = 2  # a full name tagged once is no evidence of what the news calls a person
CHECKED_STORIES = 3  # the newest briefs of that full name whose stories are read
CALLED_BY_SURNAME = 2  # of them, how many must write it as a person's and the surname alone


@dataclass(frozen=True, slots=True)
class Followed:
    """The tag subscriptions (excludes too) a person's other form can matter to."""

    surnames: frozenset[str] = frozenset()  # one-word tags ("trump")
    full_names: frozenset[str] = frozenset()  # full names' slugs ("donald-trump")

    def full_names_of(self, surname: str) -> list[str]:
        return sorted(f for f in self.full_names if f.rsplit("-", 1)[-1] == surname)


def followed(subscriptions: Iterable[SubscriptionRow]) -> Followed:
    surnames, full_names = set(), set()
    for sub in subscriptions:
        if sub.kind != "tag":
            continue
        slug = normalise_tag(sub.value)
        words = slug.split("-")
        if full_name(words):
            full_names.add(slug)
        elif len(words) == 1 and slug:
            surnames.add(slug)
    return Followed(frozenset(surnames), frozenset(full_names))


def _a_person(full: str, story: str) -> bool:
    """Whether ``story`` writes ``full``, a slug, as a person's name."""
    written = written_name(full.split("-"), story)
    return written is not None and person_named(written, story)


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

    async def resolve(self, conn: AsyncConnection, surname: str) -> str | None:
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
        called = sum(same_person(surname, full, story) and _a_person(full, story)
                     for story in told)
        return full if called >= CALLED_BY_SURNAME else None

    async def known(self, conn: AsyncConnection, facts: BriefFacts,
                    follows: Followed) -> BriefFacts:
        """``facts`` with the other form of each person's name it is tagged by, where the story
        or the store says whose it is; only forms ``follows`` names are looked for, so most
        briefs cost nothing."""
        story = f"{facts.article.title}\n{facts.article.text}"
        other: set[str] = set()
        for tag in facts.tag_slugs:
            words = tag.split("-")
            if full_name(words) and words[-1] in follows.surnames:
                if same_person(words[-1], tag, story) and _a_person(tag, story):
                    other.add(words[-1])
            elif len(words) == 1 and (names := follows.full_names_of(tag)):
                other.update(f for f in names
                             if same_person(f, tag, story) and _a_person(f, story))
                if not other & set(names):
                    resolved = await self.resolve(conn, tag)
                    if resolved in names:
                        other.add(resolved)
        added = {canonical_tag(t) for t in other}
        return replace(facts, tags=facts.tags | added) if added - facts.tags else facts

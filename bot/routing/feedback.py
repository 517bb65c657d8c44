"""Reactions that teach the digest (issue 24.6): a server's 👍 / 👎 on a feed's and a tag's
briefs move that feed's and tag's stories up or down its digests, never out of them.

Why a Bayesian average: each feed or tag gets ``approval = (up + PRIOR) / (up + down +
2·PRIOR)``, the share of 👍 after ``PRIOR`` imagined votes each way. With no votes it is ½ (no
effect); one vote moves it by about 0.05, so a lone click barely reorders anything; a dozen
votes one way move it far (12 👎 / 2 👍 → 0.29). A raw share would let one 👎 sink a feed to 0;
a Wilson lower bound is meant for "how sure is it good" and would rank a feed with one 👍 below
one with none. A story's approval is the mean of its feed's and its tags' (a tag nobody voted
on pulls it toward ½), and it scales the story's coverage, the first thing a digest ranks by:
``weight = 2 · approval`` (1 with no votes), so 12 👎 / 2 👍 makes a story carried by three
sources rank like one carried by fewer than two. Only the order changes: every story stays,
and one cut by length is still counted in "N more".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from bot.i18n import N_, translate
from bot.store import AsyncConnection
from bot.store import reactions as reaction_store

PRIOR = 5.0  # imagined 👍 and 👎 each feed and tag starts with: ten votes' worth of "neutral"
NOTICEABLE = 0.1  # a weight further than this from 1 is reported as ranking higher or lower


@dataclass(frozen=True, slots=True)
class Votes:
    up: int = 0
    down: int = 0

    @property
    def approval(self) -> float:
        return (self.up + PRIOR) / (self.up + self.down + 2 * PRIOR)

    @property
    def weight(self) -> float:
        """What it multiplies a story's coverage by: 1 with no votes, toward 0 or 2."""
        return 2 * self.approval

    @classmethod
    def of(cls, counts: Counter[str]) -> Votes:
        return cls(counts[reaction_store.UP], counts[reaction_store.DOWN])


@dataclass(frozen=True, slots=True)
class Tallies:
    """One tenant's votes (bot.store.reactions.tallies), by feed id and by canonical tag."""

    feeds: Mapping[int, Votes] = field(default_factory=dict)
    tags: Mapping[str, Votes] = field(default_factory=dict)

    def weight(self, feed_id: int, tags: Iterable[str]) -> float:
        """A story's weight: the mean approval of its feed and its tags, doubled."""
        approvals = [self.feeds.get(feed_id, Votes()).approval,
                     *(self.tags.get(tag, Votes()).approval for tag in tags)]
        return 2 * sum(approvals) / len(approvals)


NONE = Tallies()


async def tallies(conn: AsyncConnection, tenant: str, *, before: datetime) -> Tallies:
    """The votes cast in ``tenant``'s own destinations before ``before``: one server's 👎
    never reorders another's digest, even on a feed both read. A digest ranks by the votes
    cast before its period ended, so its ``/digest more`` pages, built later, rank the same
    way: readers voting on page 1 must not move a story from page 1 onto page 2 (shown twice)
    nor one from page 2 back onto page 1 (shown never)."""
    feeds = await reaction_store.votes_by_feed(conn, None, (tenant,), before=before)
    tags = await reaction_store.votes_by_tag(conn, (tenant,), before=before)
    return Tallies({i: Votes.of(c) for i, c in feeds.items()},
                   {t: Votes.of(c) for t, c in tags.items()})


def effect(votes: Votes, lang: str | None = None) -> str:
    """What the votes do to digests, for /feeds status and the dashboard:
    "ranked lower in digests: 12 👎 / 2 👍"."""
    if votes.weight < 1 - NOTICEABLE:
        line = N_("ranked lower in digests: {down} 👎 / {up} 👍")
    elif votes.weight > 1 + NOTICEABLE:
        line = N_("ranked higher in digests: {up} 👍 / {down} 👎")
    else:
        line = N_("digest order about unchanged: {up} 👍 / {down} 👎")
    return translate(line, lang, up=votes.up, down=votes.down)

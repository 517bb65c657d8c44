"""Reactions as feedback, platform-neutral: 🔕 on a brief mutes its top tag (for the channel when
an admin reacts, else for the reacting user's DM subscriptions); 👍 / 👎 are counted per feed and
tag and shown in /feeds status. Anything else, or a reaction to a message that is not one of our
briefs, is ignored."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from datetime import datetime

from bot.clock import now_utc
from bot.delivery import Reaction
from bot.i18n import _
from bot.logs import get_log
from bot.routing.feedback import Votes, effect
from bot.store import destinations as dest_store
from bot.store import reactions as reaction_store
from bot.store.db import Database

log = get_log(__name__)

MUTE = "🔕"
VOTES = (reaction_store.UP, reaction_store.DOWN)


class ReactionCore:
    """``await core.handle(reaction)`` never raises; it returns what it did, for logs and
    tests: ``muted:<ref>:<tag>``, ``voted``, ``ignored:<why>``."""

    def __init__(self, *, db: Database, clock: Callable[[], datetime] = now_utc) -> None:
        self.db = db
        self.clock = clock

    async def handle(self, reaction: Reaction) -> str:
        emoji = reaction.emoji.replace("\ufe0f", "")  # 👍️ and 👍 are one vote
        if emoji != MUTE and emoji not in VOTES:
            return "ignored:emoji"
        try:
            outcome = await self._handle(reaction, emoji)
        except Exception:
            log.exception("reaction.failed", where=reaction.where.ref)
            return "ignored:error"
        log.info("reaction.handled", emoji=emoji, where=reaction.where.ref, outcome=outcome)
        return outcome

    async def _handle(self, reaction: Reaction, emoji: str) -> str:
        now = self.clock()
        async with self.db.begin() as conn:
            posted = await reaction_store.find_posted(conn, reaction.where.ref,
                                                      reaction.message_id)
            if posted is None:
                return "ignored:not_a_brief"
            if emoji in VOTES:
                new = await reaction_store.record_vote(conn, posted.outbox_id, reaction.user,
                                                       emoji, now=now)
                return "voted" if new else "ignored:already_voted"
            if not posted.tags:
                return "ignored:no_tag"
            tag = posted.tags[0]
            target = reaction.where if reaction.is_admin else reaction.dm
            if target is None:
                return "ignored:no_dm"
            row = await dest_store.get(conn, target.ref)
            if row is None or not await dest_store.list_subscriptions(conn, row.id):
                return "ignored:no_subscriptions"  # nothing of theirs to mute
            await dest_store.add_subscription(conn, row.id, kind="tag", value=tag, exclude=True,
                                              now=now)
            return f"muted:{row.ref}:{tag}"


def feedback_lines(counts: Mapping[tuple[str, str], Mapping[str, int]]) -> list[str]:
    """/feeds status lines: 👍 / 👎 per feed and tag, most voted first."""
    if not counts:
        return []
    ranked = sorted(counts.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    lines = [_("Reactions by feed and tag:")]
    for (feed, tag), votes in ranked[:20]:
        lines.append(f"• {feed} #{tag}: {VOTES[0]} {votes.get(VOTES[0], 0)}  "
                     f"{VOTES[1]} {votes.get(VOTES[1], 0)}")
    return lines


def ranking_lines(names: Mapping[int, str], by_feed: Mapping[int, Mapping[str, int]],
                  by_pair: Mapping[tuple[str, str], Mapping[str, int]]) -> list[str]:
    """/feeds status lines: what this server's votes do to its digests, per feed and per tag
    (bot.routing.feedback): "• OpenAI Blog: ranked lower in digests: 12 👎 / 2 👍"."""
    tags: dict[str, Counter[str]] = {}
    for (_feed, tag), votes in by_pair.items():
        if tag != "-":
            tags.setdefault(tag, Counter()).update(votes)
    shown = [(names.get(i, str(i)), votes) for i, votes in by_feed.items()]
    shown += [(f"#{tag}", votes) for tag, votes in tags.items()]
    if not shown:
        return []
    shown.sort(key=lambda item: (-sum(item[1].values()), item[0]))
    return [_("Digest order here:"), *(
        f"• {name}: {effect(Votes(votes.get(VOTES[0], 0), votes.get(VOTES[1], 0)))}"
        for name, votes in shown[:20])]

"""Stories across feeds: a brief whose title and lead nearly repeat a recent brief from another
feed joins that brief's story, so it is posted once with "also covered by"."""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.store.schema import briefs, entries

log = logging.getLogger(__name__)

LEAD_CHARS = 400  # enough of the text to tell two stories with similar headlines apart
MAX_CANDIDATES = 2000
# Character shingles work for both scripts without a tokenizer. Korean syllables carry more
# information each, so 2-grams; Latin text needs 3-grams to stay specific. The thresholds were set
# on rewritten wire stories versus same-template different stories (see tests/test_cluster.py).
LATIN_N, LATIN_THRESHOLD = 3, 0.45
HANGUL_N, HANGUL_THRESHOLD = 2, 0.5

_NON_WORD = re.compile(r"[\W_]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    shingles: frozenset[str]
    hangul: bool


def normalise(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split())


@functools.lru_cache(maxsize=8192)  # every new brief is compared with up to 2,000 recent ones
def fingerprint(title: str, text: str) -> Fingerprint:
    """Shingles of the normalised title and the start of the text."""
    body = normalise(f"{title} {text[:LEAD_CHARS]}")
    letters = sum(ch.isalpha() for ch in body) or 1
    hangul = len(_HANGUL.findall(body)) / letters > 0.3
    n = HANGUL_N if hangul else LATIN_N
    shingles = frozenset(body[i:i + n] for i in range(max(1, len(body) - n + 1)))
    return Fingerprint(shingles, hangul)


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """Jaccard similarity; 0 across scripts, since their shingles differ in length."""
    if a.hangul != b.hangul or not a.shingles or not b.shingles:
        return 0.0
    return len(a.shingles & b.shingles) / len(a.shingles | b.shingles)


def same_story(a: Fingerprint, b: Fingerprint) -> bool:
    threshold = HANGUL_THRESHOLD if a.hangul else LATIN_THRESHOLD
    return similarity(a, b) >= threshold


async def assign_story(conn: AsyncConnection, brief_id: int, *, now: datetime,
                       window_hours: float = 48) -> int | None:
    """Link the brief to the story of the most similar recent brief from another feed.
    Returns the story's first brief id, or None when the brief starts its own story."""
    own = (await conn.execute(
        select(briefs.c.story_id, entries.c.feed_id, entries.c.title, entries.c.text,
               briefs.c.headline)
        .select_from(briefs.join(entries, entries.c.id == briefs.c.entry_id))
        .where(briefs.c.id == brief_id)
    )).one()
    if own.story_id is not None:
        return int(own.story_id)
    mine = fingerprint(own.title or own.headline, own.text or "")
    since = now - timedelta(hours=window_hours)
    rows = await conn.execute(
        select(briefs.c.id, briefs.c.story_id, entries.c.title, entries.c.text, briefs.c.headline)
        .select_from(briefs.join(entries, entries.c.id == briefs.c.entry_id))
        .where(briefs.c.id != brief_id, briefs.c.created_at >= since,
               entries.c.feed_id != own.feed_id)
        .order_by(briefs.c.id.desc())
        .limit(MAX_CANDIDATES)
    )
    best: tuple[float, int] | None = None
    for row in rows:
        theirs = fingerprint(row.title or row.headline, row.text or "")
        if not same_story(mine, theirs):
            continue
        score = similarity(mine, theirs)
        root = int(row.story_id if row.story_id is not None else row.id)
        # Equal scores go to the older story, so a story's root never moves.
        if best is None or score > best[0] or (score == best[0] and root < best[1]):
            best = (score, root)
    if best is None:
        return None
    await conn.execute(update(briefs).where(briefs.c.id == brief_id).values(story_id=best[1]))
    log.info("story.joined brief_id=%s story_id=%s score=%.2f", brief_id, best[1], best[0])
    return best[1]


async def story_root(conn: AsyncConnection, brief_id: int) -> int:
    """The first brief of the brief's story (the brief itself when it started it)."""
    story = (await conn.execute(
        select(briefs.c.story_id).where(briefs.c.id == brief_id))).scalar_one()
    return int(story) if story is not None else brief_id

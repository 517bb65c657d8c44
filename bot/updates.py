"""Updates as replies: when an article already posted changes materially (same identity, its
meaning changed, not a typo fixed), destinations that opted in get "Updated: <what changed>" in
reply to the original message; at most once per article per hour."""

from __future__ import annotations

import difflib
import re
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.models import FeedItem
from bot.outbox.worker import enqueue, outbox_key
from bot.store import updates as update_store

WINDOW = timedelta(hours=1)
TYPO_RATIO = 0.9  # character similarity above which an edit is a correction, not news
NEW_WORDS = 3  # new words a sentence needs to count as news
MAX_NOTE = 300
_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SENTENCE = re.compile(r"(?<=[.!?。])\s+")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _similar(old: str, new: str) -> float:
    # by characters, so that a misspelt word fixed is a small change, not a new word
    return difflib.SequenceMatcher(a=" ".join(_words(old)), b=" ".join(_words(new))).ratio()


def _added_sentences(old_text: str, new_text: str) -> list[str]:
    """Sentences of the new text that say something new: three or more words the old text
    did not have (a corrected sentence does not count)."""
    old_words = set(_words(old_text))
    return [s.strip() for s in _SENTENCE.split(new_text)
            if len(set(_words(s)) - old_words) >= NEW_WORDS]


def what_changed(old_title: str, old_text: str, new_title: str, new_text: str) -> str | None:
    """A short account of a material change, or None for none (or a typo's worth)."""
    if _similar(old_title, new_title) < TYPO_RATIO:
        return _clip(f"“{new_title}”")
    added = _added_sentences(old_text, new_text)
    if added:
        return _clip(added[0])
    old_numbers = set(_NUMBER.findall(old_text))
    changed = [s.strip() for s in _SENTENCE.split(new_text)
               if set(_NUMBER.findall(s)) - old_numbers]
    if changed:  # a figure changed: the sentence that carries the new one
        return _clip(changed[0])
    if _similar(old_text, new_text) < TYPO_RATIO and new_text.strip():
        return _clip(new_text.strip())  # rewritten throughout
    return None


def _clip(text: str) -> str:
    return text if len(text) <= MAX_NOTE else text[: MAX_NOTE - 1].rstrip() + "…"


async def note_edit(conn: AsyncConnection, feed_id: int, item: FeedItem, *,
                    now: datetime) -> int:
    """Before an edited item's new text is stored: enqueue an update reply for each destination
    that opted in and was sent the original. Returns the replies enqueued."""
    old = await update_store.stored_entry(conn, feed_id, item.entry_key)
    if old is None:
        return 0
    note = what_changed(old.title, old.text, item.title, item.text)
    if note is None:
        return 0
    count = 0
    for sent in await update_store.sent_copies(conn, old.entry_id):
        if await update_store.recent_update(conn, sent.destination_id, sent.brief_id,
                                            since=now - WINDOW):
            continue
        key = outbox_key("update", sent.destination_id, old.entry_id, item.content_hash[:16])
        if await enqueue(conn, key=key, destination_id=sent.destination_id, now=now,
                         brief_id=sent.brief_id):
            await update_store.mark_update(conn, key, reply_to=sent.message_id, note=note)
            count += 1
    return count

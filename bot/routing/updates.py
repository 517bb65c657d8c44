"""Updates as replies: when an article already posted changes materially (same identity, its
meaning changed, not a typo fixed), destinations that opted in get "Updated: <what changed>" in
reply to the original message; at most once per article per hour.

What changed is a sentence-level diff of the article: the new headline when it changed, each
changed sentence with its changed figures marked in place ("40 → 120 hospitals"), and the
sentences that are new. A typo fixed (every changed word close to the word it replaced) is not
news and gives no note."""

from __future__ import annotations

import difflib
import re
from datetime import datetime, timedelta

from bot.models import FeedItem
from bot.outbox.queue import enqueue, outbox_key
from bot.store import AsyncConnection
from bot.store import updates as update_store

WINDOW = timedelta(hours=1)
TYPO_RATIO = 0.75  # character similarity above which a replaced word is a correction of it
SAME_SENTENCE = 0.5  # word similarity above which a new sentence is an edit of an old one
NEW_WORDS = 3  # new words an added sentence needs to count as news
MAX_LINE = 300
MAX_LINES = 3  # a reply, not a second article
_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"\S+")
_FIGURE = re.compile(r"[$€£¥₩]?\d+(?:[.,]\d+)*%?")  # a figure with its currency or per cent
_SENTENCE = re.compile(r"(?<=[.!?。])\s+")
_EDGE_PUNCT = "\"'“”‘’()[].,;:!?"


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s.strip()]


def _bare(token: str) -> str:
    return token.strip(_EDGE_PUNCT).casefold()


def _figure_change(was: str, now: str) -> str | None:
    """``now`` with its figures that differ from ``was``'s marked "old → new", when the two
    words differ only in figures ("40" → "120", "12명으로" → "15명으로"); else None."""
    old_figures, new_figures = _FIGURE.findall(was), _FIGURE.findall(now)
    if (not new_figures or old_figures == new_figures
            or _FIGURE.sub("#", _bare(was)) != _FIGURE.sub("#", _bare(now))):
        return None
    olds = iter(old_figures)

    def mark(match: re.Match[str]) -> str:
        before = next(olds)
        return match[0] if before == match[0] else f"{before} → {match[0]}"

    return _FIGURE.sub(mark, now)


def _is_typo(old: str, new: str) -> bool:
    """True when ``new`` differs from ``old`` only by corrected spellings or punctuation: every
    replaced word is close to the word it replaces, no word added or dropped, no figure moved."""
    old_tokens, new_tokens = [_bare(t) for t in _TOKEN.findall(old)], \
        [_bare(t) for t in _TOKEN.findall(new)]
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op != "replace" or a2 - a1 != b2 - b1:
            return False  # a word added or dropped ("not", "no longer") changes the meaning
        for was, now in zip(old_tokens[a1:a2], new_tokens[b1:b2], strict=True):
            if _FIGURE.findall(was) != _FIGURE.findall(now):
                return False
            if difflib.SequenceMatcher(a=was, b=now).ratio() < TYPO_RATIO:
                return False
    return True


def _marked(old: str, new: str) -> str:
    """``new`` with each figure that took another's place shown as "old → new"."""
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(a=[_bare(t) for t in old_tokens],
                                      b=[_bare(t) for t in new_tokens], autojunk=False)
    out: list[str] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "replace" and a2 - a1 == b2 - b1:
            out += [_figure_change(was, now) or now
                    for was, now in zip(old_tokens[a1:a2], new_tokens[b1:b2], strict=True)]
        else:
            out += new_tokens[b1:b2]
    return " ".join(out)


def _similarity(old: str, new: str) -> float:
    return difflib.SequenceMatcher(a=_words(old), b=_words(new), autojunk=False).ratio()


def _changed_lines(old_text: str, new_text: str) -> list[str]:
    """The article's changes, sentence by sentence: edited sentences (figures marked in place),
    then added sentences that say something new; removed sentences are not news to a reader."""
    old, new = _sentences(old_text), _sentences(new_text)
    old_words = set(_words(old_text))
    edited: list[str] = []
    added: list[str] = []
    matcher = difflib.SequenceMatcher(a=[" ".join(_words(s)) for s in old],
                                      b=[" ".join(_words(s)) for s in new], autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op in ("equal", "delete"):
            continue
        for sentence in new[b1:b2]:
            was = max(old[a1:a2], key=lambda s: _similarity(s, sentence), default=None)
            if was is not None and _similarity(was, sentence) >= SAME_SENTENCE:
                if not _is_typo(was, sentence):
                    edited.append(_marked(was, sentence))
            elif len(set(_words(sentence)) - old_words) >= NEW_WORDS:
                added.append(sentence)
    return edited + added


def what_changed(old_title: str, old_text: str, new_title: str, new_text: str) -> str | None:
    """A short account of a material change, a line per change, or None for none (or a typo's
    worth)."""
    lines: list[str] = []
    if _words(old_title) != _words(new_title) and not _is_typo(old_title, new_title):
        lines.append(f"“{new_title.strip()}”")
    lines += _changed_lines(old_text, new_text)
    if not lines:
        return None
    return "\n".join(_clip(line) for line in lines[:MAX_LINES])


def _clip(text: str) -> str:
    return text if len(text) <= MAX_LINE else text[: MAX_LINE - 1].rstrip() + "…"


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

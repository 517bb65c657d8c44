"""Stories across feeds: a brief whose title and lead nearly repeat a recent brief from another
feed joins that brief's story, so it is posted once with "also covered by".

Each brief keeps a MinHash signature of its shingles (513 bytes) and one row per LSH band in
``story_bands``. A new brief finds its candidates by an indexed lookup of its own bands and
compares signatures only: no article text of another brief is loaded, nothing is cached in
memory, and the cost stays flat however full the 48-hour window is.

Why our own MinHash on numpy rather than datasketch: datasketch's import pulls its whole
package (LSH forests, HyperLogLog) and scipy, while we need only the signature; its LSH index
lives in memory or in Redis/Cassandra, and ours must live in the database every worker shares.
The MinHash itself is the textbook universal hash (a·x + b) mod p, a few lines of numpy."""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.logs import get_log
from bot.store import AsyncConnection
from bot.store import briefs as brief_store

if TYPE_CHECKING:
    import numpy as np

log = get_log(__name__)

LEAD_CHARS = 400  # enough of the text to tell two stories with similar headlines apart
MAX_CANDIDATES = 500  # briefs sharing a band; real stories have a handful
# Character shingles work for both scripts without a tokenizer. Korean syllables carry more
# information each, so 2-grams; Latin text needs 3-grams to stay specific. The thresholds were set
# on rewritten wire stories versus same-template different stories (see tests/test_cluster.py).
LATIN_N, LATIN_THRESHOLD = 3, 0.45
HANGUL_N, HANGUL_THRESHOLD = 2, 0.5
# 512 hashes, of which the signature keeps the low 8 bits (b-bit MinHash): the estimate's spread
# is about ±0.02 at 0.3, so same-template stories (0.3-0.35) stay below the 0.45 threshold even
# across tens of thousands of pairs; 126 full hashes (±0.04) let a few of them through.
NUM_PERM = 512
_COLLIDE = 1 / 256  # two different minima agree in their low 8 bits this often
# Candidates: 42 bands of 3 rows over the first 126 hashes make a pair at 0.45 a candidate 98% of
# the time and a pair at 0.15 (unrelated text in the same language) 13%.
BAND_ROWS, BANDS = 3, 42
_PRIME = (1 << 32) + 15  # a·x + b stays below 2**64 for 32-bit a, b and x
_BLOCK = 128  # hash functions computed together (see fingerprint)

# Each band's key hashes bytes([hangul, band]) before its rows: built once, not per band per brief.
_BAND_PREFIXES = tuple(tuple(bytes([hangul, band]) for band in range(BANDS)) for hangul in (0, 1))
_NON_WORD = re.compile(r"[\W_]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _seeds() -> tuple[list[int], list[int]]:
    """The hash parameters, derived from fixed strings so every process and version agrees."""
    a, b = [], []
    for i in range(NUM_PERM):
        digest = hashlib.blake2b(f"newsbrief-minhash-{i}".encode(), digest_size=8).digest()
        a.append(int.from_bytes(digest[:4], "big") | 1)
        b.append(int.from_bytes(digest[4:], "big"))
    return a, b


_params: tuple[Any, Any] | None = None


def _numpy_params() -> tuple[np.ndarray, np.ndarray]:
    # numpy is imported on the first brief, not when a CLI command that never clusters starts.
    global _params
    if _params is None:
        # numpy: only when stories are clustered
        import numpy as np

        a, b = _seeds()
        _params = (np.array(a, dtype=np.uint64), np.array(b, dtype=np.uint64))
    return _params


@dataclass(frozen=True, slots=True)
class Fingerprint:
    signature: bytes  # the low byte of each of the NUM_PERM minima
    hangul: bool

    def to_bytes(self) -> bytes:
        return bytes([self.hangul]) + self.signature

    @classmethod
    def from_bytes(cls, blob: bytes) -> Fingerprint:
        return cls(bytes(blob[1:]), bool(blob[0]))

    def bands(self) -> list[int]:
        """One signed 64-bit key per band; the script is part of the key, so scripts never
        meet."""
        prefixes, signature = _BAND_PREFIXES[self.hangul], self.signature
        return [int.from_bytes(hashlib.blake2b(
            prefixes[band] + signature[band * BAND_ROWS:(band + 1) * BAND_ROWS],
            digest_size=8).digest(), "big", signed=True) for band in range(BANDS)]


def normalise(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split())


def _mostly_hangul(body: str) -> bool:
    letters = sum(map(str.isalpha, body)) or 1
    return len(_HANGUL.findall(body)) / letters > 0.3


_crc_tables: dict[int, tuple[np.ndarray, int]] = {}


def _crc_table(n: int) -> tuple[np.ndarray, int]:
    """For n-byte shingles: row i holds the CRC-32 of each byte value at offset i of n zero
    bytes, and the constant that completes their XOR. CRC-32 is affine over XOR for messages of
    one length (crc(x ^ y ^ z) = crc(x) ^ crc(y) ^ crc(z)), so a shingle's CRC-32 is the XOR of
    its bytes' rows, plus the CRC of n zero bytes when n is even (an odd count of terms carries
    the affine constant once already)."""
    import numpy as np  # numpy: only when stories are clustered

    if n not in _crc_tables:
        rows = [[zlib.crc32(bytes(i) + bytes([value]) + bytes(n - i - 1)) for value in range(256)]
                for i in range(n)]
        _crc_tables[n] = (np.array(rows, dtype=np.uint32), 0 if n % 2 else zlib.crc32(bytes(n)))
    return _crc_tables[n]


def _shingle_hashes(body: str, n: int) -> np.ndarray:
    """The CRC-32 of each distinct n-character shingle's UTF-8, in no particular order (only
    their minima count). An ASCII body's shingles are its n-byte windows, whose CRC-32s are
    computed together from per-offset byte tables (``_crc_table``): a bytes object, a set
    entry and a crc32 call per shingle were most of the fingerprint's Python work (issue 26).
    Two shingles may share a CRC-32 (past four bytes it cannot be one to one), which the old
    set of shingles kept twice and this keeps once: equal values leave the minima unchanged."""
    # numpy: only when stories are clustered
    import numpy as np

    if body.isascii() and len(body) >= n:
        table, constant = _crc_table(n)
        data = np.frombuffer(body.encode(), np.uint8)
        count = len(data) - n + 1
        crcs = table[0][data[:count]]
        for i in range(1, n):
            crcs ^= table[i][data[i:i + count]]
        if constant:
            crcs ^= np.uint32(constant)
        return np.unique(crcs).astype(np.uint64)
    if body.isascii():  # shorter than a shingle: the body is the one shingle
        return np.array([zlib.crc32(body.encode())], np.uint64)
    shingles = {body[i:i + n] for i in range(max(1, len(body) - n + 1))}
    return np.fromiter(map(zlib.crc32, map(str.encode, shingles)), np.uint64, len(shingles))


def fingerprint(title: str, text: str) -> Fingerprint:
    """MinHash of the shingles of the normalised title and the start of the text."""
    # numpy: only when stories are clustered
    import numpy as np

    body = normalise(f"{title} {text[:LEAD_CHARS]}")
    hangul = not body.isascii() and _mostly_hangul(body)  # no Hangul in ASCII: skip the count
    n = HANGUL_N if hangul else LATIN_N
    hashes = _shingle_hashes(body, n)
    a, b = _numpy_params()
    prime = np.uint64(_PRIME)
    minima = np.empty(NUM_PERM, dtype=np.uint64)
    # min over the shingles of (a·x + b) mod p, a block of hash functions at a time: a whole
    # shingles × NUM_PERM array (over a megabyte) came from fresh pages each brief, most of the
    # MinHash's CPU; a block's arrays stay in the cache and are reused block after block. Rows
    # are shingles, each x repeated across the row once per brief: an operand broadcast along
    # the inner axis (x, or a and b as columns) is copied into a buffer by numpy at every
    # operation, while a row of a or b broadcast down the rows is read in place. The
    # remainder is y - (y // p)·p: numpy divides by a scalar with a multiply and a shift
    # (libdivide), where `%` runs a hardware division per element.
    repeated = np.repeat(hashes, _BLOCK).reshape(len(hashes), _BLOCK)
    hashed = np.empty_like(repeated)
    quotient = np.empty_like(repeated)
    for start in range(0, NUM_PERM, _BLOCK):
        np.multiply(repeated, a[start:start + _BLOCK], out=hashed)
        hashed += b[start:start + _BLOCK]
        np.floor_divide(hashed, prime, out=quotient)
        quotient *= prime
        hashed -= quotient
        hashed.min(axis=0, out=minima[start:start + _BLOCK])
    minima &= np.uint64(0xFF)
    return Fingerprint(minima.astype(np.uint8).tobytes(), hangul)


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated Jaccard similarity (the share of equal minima, less chance agreements of their
    low bits); 0 across scripts."""
    # numpy: only when stories are clustered
    import numpy as np

    if a.hangul != b.hangul:
        return 0.0
    agree = float((np.frombuffer(a.signature, np.uint8) == np.frombuffer(b.signature,
                                                                         np.uint8)).mean())
    return max(0.0, (agree - _COLLIDE) / (1 - _COLLIDE))


def equal_counts(equal: np.ndarray) -> np.ndarray:
    """The number of True in each row of a C-ordered boolean array whose rows are a multiple
    of 8 and at most 2,040 long (a signature's NUM_PERM is 512), as unsigned 64-bit integers.
    numpy's sum of booleans casts each to a machine integer through a buffer first, about half
    of ``similarities`` (issue 26); here each row's bytes are read as 64-bit words (a True is
    the byte 1) and the words summed, which adds eight per-byte counts side by side, then the
    byte lanes are folded into one count. Exact: the per-byte counts and sums below stay under
    their lanes' limits for rows of such widths, so no lane carries into the next."""
    import numpy as np  # numpy: only once a brief has candidates to compare

    if equal.shape[1] % 8 or equal.shape[1] > 2040 or not equal.flags.c_contiguous:
        return equal.sum(axis=1, dtype=np.uint64)
    # each byte lane counts one byte of every word: at most width // 8 (255 for 2,040)
    words = equal.view(np.uint64).sum(axis=1, dtype=np.uint64)
    low_bytes = np.uint64(0x00FF00FF00FF00FF)
    # four 16-bit lanes of at most width // 4 each
    pairs = (words & low_bytes) + ((words >> np.uint64(8)) & low_bytes)
    # the product's top 16-bit lane is the sum of the four lanes (at most width, below 65,536)
    return (pairs * np.uint64(0x0001000100010001)) >> np.uint64(48)


def similarities(mine: Fingerprint, blobs: list[bytes]) -> list[float]:
    """:func:`similarity` of ``mine`` to each stored signature (``Fingerprint.to_bytes``), in one
    numpy comparison: a brief has a candidate for about one in eight recent briefs (see BANDS),
    so comparing them one by one made a brief's cost grow with the window."""
    import numpy as np  # numpy: only once a brief has candidates to compare

    size = len(mine.signature) + 1
    usable = [i for i, blob in enumerate(blobs) if len(blob) == size]
    if not usable:
        return [0.0] * len(blobs)
    theirs = np.frombuffer(b"".join(bytes(blobs[i]) for i in usable),
                           np.uint8).reshape(len(usable), size)
    # The count of equal minima over their number is the mean of the equalities, exactly (a
    # count over 512 is a float without rounding); a float mean of booleans cast every one.
    agree = equal_counts(theirs[:, 1:] == np.frombuffer(mine.signature, np.uint8)) / (size - 1)
    estimate = np.maximum(0.0, (agree - _COLLIDE) / (1 - _COLLIDE))
    estimate[theirs[:, 0] != int(mine.hangul)] = 0.0
    scores = [0.0] * len(blobs)
    for i, score in zip(usable, estimate.tolist(), strict=True):
        scores[i] = score
    return scores


def same_story(a: Fingerprint, b: Fingerprint) -> bool:
    threshold = HANGUL_THRESHOLD if a.hangul else LATIN_THRESHOLD
    return similarity(a, b) >= threshold


@dataclass(frozen=True, slots=True)
class Lead:
    """What clustering reads of a brief: its feed, its title (else headline), its entry's text
    (only the first LEAD_CHARS count) and when it was made."""

    feed_id: int
    title: str
    text: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class StoryChoice:
    """Where a brief goes among the stories, before it is saved: the story it joins (None: it
    starts its own), and its signature and bands, stored with it."""

    story_id: int | None
    score: float  # the similarity that joined it (0.0 when it starts its own story)
    signature: bytes
    bands: list[int]
    since: datetime  # the window's start: the feed's bands older than this go


async def choose_story(conn: AsyncConnection, lead: Lead, *, now: datetime,
                       window_hours: float = 48) -> StoryChoice:
    """The story of the most similar recent brief from another feed, for a brief not saved
    yet: the pipeline saves the brief with its story and signature in one insert."""
    mine = fingerprint(lead.title, lead.text)
    bands = mine.bands()
    since = now - timedelta(hours=window_hours)
    best: tuple[float, int] | None = None
    threshold = HANGUL_THRESHOLD if mine.hangul else LATIN_THRESHOLD
    # (id, story_id, signature) unpacked by position: a Row's attribute costs ten times an
    # index, and a brief has a candidate for about one in eight recent briefs (issue 26)
    rows = await brief_store.story_candidates(conn, bands, since=since, not_feed=lead.feed_id,
                                              limit=MAX_CANDIDATES)
    for (brief_id, story_id, _), score in zip(
            rows, similarities(mine, [signature for _, _, signature in rows]), strict=True):
        if score < threshold:
            continue
        root = int(story_id if story_id is not None else brief_id)
        # Equal scores go to the older story, so a story's root never moves.
        if best is None or score > best[0] or (score == best[0] and root < best[1]):
            best = (score, root)
    return StoryChoice(story_id=None if best is None else best[1],
                       score=0.0 if best is None else best[0], signature=mine.to_bytes(),
                       bands=bands, since=since)


async def keep_bands(conn: AsyncConnection, brief_id: int, lead: Lead,
                     choice: StoryChoice, *, prune: bool = True) -> None:
    """The bands of a brief saved with its ``choice`` (``briefs.save_bands``); ``prune``
    False: the feed's bands older than ``choice.since`` are left to the caller
    (``briefs.prune_bands``: the poller prunes a cycle's feeds together)."""
    await brief_store.save_bands(conn, brief_id, feed_id=lead.feed_id,
                                 created_at=lead.created_at, bands=choice.bands,
                                 prune_before=choice.since if prune else None)
    _joined(brief_id, choice)


def _joined(brief_id: int, choice: StoryChoice) -> None:
    if choice.story_id is not None:
        log.info("story.joined", brief_id=brief_id, story_id=choice.story_id,
                 score=round(choice.score, 2))


async def assign_story(conn: AsyncConnection, brief_id: int, *, now: datetime,
                       window_hours: float = 48, lead: Lead | None = None) -> int | None:
    """Link a saved brief to the story of the most similar recent brief from another feed
    (:func:`choose_story`). Returns the story's first brief id, or None when the brief starts
    its own story. ``lead``: the brief as just saved, in no story yet; else it is read from
    the store."""
    if lead is None:
        own = await brief_store.lead(conn, brief_id, LEAD_CHARS)
        if own.story_id is not None:
            return int(own.story_id)
        lead = Lead(int(own.feed_id), own.title or own.headline, own.text or "", own.created_at)
    choice = await choose_story(conn, lead, now=now, window_hours=window_hours)
    await brief_store.save_signature(conn, brief_id, feed_id=lead.feed_id,
                                     created_at=lead.created_at, signature=choice.signature,
                                     bands=choice.bands, story_id=choice.story_id,
                                     prune_before=choice.since)
    _joined(brief_id, choice)
    return choice.story_id


async def story_root(conn: AsyncConnection, brief_id: int) -> int:
    """The first brief of the brief's story (the brief itself when it started it)."""
    return await brief_store.story_root(conn, brief_id)

"""A brief's story choice made cheaper (issue 26) without moving a story: the shingles' CRC-32s
from byte tables, the signatures compared by counting equal minima, and the candidates read
by a statement compiled once per number of bands. Each gives what the slower way gave."""

from __future__ import annotations

import random
import zlib
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from sqlalchemy import insert

from bot.routing import cluster
from bot.routing.cluster import MAX_CANDIDATES, fingerprint
from bot.store import briefs as brief_store
from bot.store.schema import story_bands
from tests.support.world import (  # noqa: F401  (fixtures)
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


def _each_shingles_crc(body: str, n: int) -> list[int]:
    return sorted({zlib.crc32(body[i:i + n].encode())
                   for i in range(max(1, len(body) - n + 1))})


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_shingle_crcs_from_byte_tables_are_each_shingles_own(n: int) -> None:
    """Odd and even shingle lengths (the even ones need the zero bytes' CRC), bodies shorter
    than a shingle, as long as one, one byte longer, of one repeated letter, and every ASCII
    byte, control bytes included."""
    rng = random.Random(26)
    bodies = ["", "a", "ab", "abc", "abcd", "abcde", "aaaaaaaa", "ab ab ab ab",
              "".join(map(chr, range(128))), "".join(map(chr, range(127, -1, -1)))]
    bodies += ["".join(rng.choices("ab \x00\x7f~Z9", k=rng.randint(0, 40))) for _ in range(200)]
    for body in bodies:
        hashes = cluster._shingle_hashes(body, n)
        assert hashes.dtype == np.uint64
        assert sorted(hashes.tolist()) == _each_shingles_crc(body, n), (body, n)


def test_a_non_ascii_body_still_hashes_each_shingles_utf8() -> None:
    """Only ASCII bodies take the byte tables: a character is not a byte elsewhere."""
    for body in ("삼성전자 반도체", "café au lait", "ab 😀 c"):
        for n in (cluster.HANGUL_N, cluster.LATIN_N):
            assert sorted(cluster._shingle_hashes(body, n).tolist()) == _each_shingles_crc(
                body, n)


def _mean_similarities(mine: cluster.Fingerprint, blobs: list[bytes]) -> list[float]:
    """The similarities as a float mean of the equal minima computed them before."""
    out = []
    for blob in blobs:
        if len(blob) != len(mine.signature) + 1 or blob[0] != int(mine.hangul):
            out.append(0.0)
            continue
        agree = float((np.frombuffer(blob[1:], np.uint8)
                       == np.frombuffer(mine.signature, np.uint8)).mean())
        out.append(max(0.0, (agree - cluster._COLLIDE) / (1 - cluster._COLLIDE)))
    return out


def test_similarities_by_count_equal_the_mean_to_the_last_bit() -> None:
    """Every stored signature usable (the usual case, returned whole), one too short among
    them, none usable, another script's, and signatures handed back as memoryviews."""
    rng = random.Random(7)
    mine = cluster.Fingerprint(rng.randbytes(cluster.NUM_PERM), False)
    near = bytes(b if rng.random() < 0.6 else rng.randrange(256) for b in mine.signature)
    blobs = [b"\x00" + rng.randbytes(cluster.NUM_PERM) for _ in range(50)]
    blobs += [b"\x00" + near, b"\x01" + near, b"\x00" + mine.signature]
    for given in (blobs, [*blobs[:3], b"\x00", *blobs[3:]], [b"", b"\x00"], []):
        assert cluster.similarities(mine, given) == _mean_similarities(mine, given)
    assert cluster.similarities(mine, [memoryview(b) for b in blobs]) == _mean_similarities(
        mine, blobs)
    assert cluster.similarities(mine, blobs)[-1] == 1.0


async def test_candidates_read_by_the_driver_are_the_selects_rows(world: World) -> None:
    """The candidates read with the statement compiled once are the rows SQLAlchemy's own
    select gives: another feed's briefs sharing a band, newest first; a band from exactly the
    window's start counted, one a microsecond older not, the brief's own feed never, and the
    limit kept. Also for fewer bands than a brief has (a statement per number of bands)."""
    wire = await world.feed("https://wire.example/rss", "Wire")
    gadgets = await world.feed("https://gadgets.example/rss", "Gadgets")
    since = datetime(2026, 3, 2, 9, 30, 15, 250000, tzinfo=UTC)
    made = []
    for n, (feed, created) in enumerate([
            (wire, since), (wire, since - timedelta(microseconds=1)),
            (wire, since + timedelta(hours=1)), (gadgets, since + timedelta(hours=2)),
            (wire, since + timedelta(hours=3))]):
        brief_id = await world.brief(feed, f"Story {n} of the council", cluster=False)
        made.append(brief_id)
        async with world.db.begin() as conn:
            await conn.execute(insert(story_bands), [
                {"band": band, "brief_id": brief_id, "feed_id": feed, "created_at": created}
                for band in (-(2 ** 63), 11 * (n + 1), 2 ** 63 - 1)])
            await conn.execute(brief_store._SET_SIGNATURE, {
                "brief_id": brief_id, "signature": bytes([0, n]) * 3, "story_id": None})
    mine = fingerprint("Story of the council", "").bands()
    asked = [
        ([*mine[:41], 2 ** 63 - 1], gadgets, MAX_CANDIDATES),
        ([*mine[:41], 11], gadgets, MAX_CANDIDATES),
        ([-(2 ** 63), 33, 44], wire, MAX_CANDIDATES),
        ([2 ** 63 - 1, 22, 33], gadgets, 2),
        ([7], gadgets, MAX_CANDIDATES),
    ]
    for bands, not_feed, limit in asked:
        async with world.db.read() as conn:
            ours = await brief_store.story_candidates(conn, bands, since=since,
                                                      not_feed=not_feed, limit=limit)
            theirs = (await conn.execute(brief_store._CANDIDATES, {
                "bands": bands, "since": since, "not_feed": not_feed, "limit": limit})).all()
        assert [tuple(row) for row in ours] == [tuple(row) for row in theirs], bands
        assert all(isinstance(row[2], bytes) for row in ours)
    async with world.db.read() as conn:
        found = await brief_store.story_candidates(conn, [2 ** 63 - 1], since=since,
                                                   not_feed=gadgets, limit=MAX_CANDIDATES)
    assert [row[0] for row in found] == [made[4], made[2], made[0]]  # newest first

"""A brief's story choice made cheaper (issue 26) without moving a story: the shingles' CRC-32s
from byte tables and the signatures compared by counting equal minima. Each gives what the
slower way gave."""

from __future__ import annotations

import random
import zlib

import numpy as np
import pytest

from bot.routing import cluster


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


@pytest.mark.parametrize("width", [8, 64, cluster.NUM_PERM, 2040, 2048, 12])
def test_equal_counts_by_byte_lanes_are_the_sum_of_each_row(width: int) -> None:
    """Rows all True (each lane at its bound), all False, one True at each end, and random ones;
    widths past the lanes' bound (2,048) or not whole words (12) are summed the plain way."""
    rng = np.random.default_rng(26)
    rows = np.vstack([np.ones(width, bool), np.zeros(width, bool),
                      np.eye(1, width, 0, bool)[0], np.eye(1, width, width - 1, bool)[0],
                      rng.random((200, width)) < 0.5])
    counts = cluster.equal_counts(rows)
    assert counts.tolist() == rows.sum(axis=1).tolist()
    assert cluster.equal_counts(rows[:, ::-1]).tolist() == counts.tolist()  # not C-ordered

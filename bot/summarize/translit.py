"""Consonant skeletons that let a name written in Hangul meet the same name in Latin letters
("존슨" ~ "Johnson", "서울" ~ "Seoul"): the grounding check of a brief in another language.

A skeleton keeps only consonant classes (k, n, t, l, m, p, s, j, h, ng), so the vowels
Korean adds ("스미스" for "Smith") and the spellings English uses for one sound ("ck", "ph")
drop out. It is a tolerance, not a transliteration: two different names can share a skeleton,
which the checker accepts (it is told so in docs/SUMMARIZER.md).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.summarize.lang.en import translit as en_translit
from bot.summarize.lang.ko import translit as ko_translit

_LATIN_RE = re.compile("|".join(re.escape(a) for a, _ in en_translit.LATIN))
_LATIN_MAP = dict(en_translit.LATIN)


@lru_cache(maxsize=4096)
def hangul_skeleton(word: str) -> str:
    out: list[str] = []
    for ch in word:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            continue
        out.append(ko_translit.INITIAL[code // 588])
        out.append(ko_translit.FINAL[code % 28])
    return _collapse("".join(out))


@lru_cache(maxsize=4096)
def latin_skeleton(word: str) -> str:
    w = _LATIN_RE.sub(lambda m: _LATIN_MAP[m.group(0)], word.lower())
    # "h" after a consonant is silent in most names (Johnson, Thomas already mapped)
    w = re.sub(r"(?<=[bcdfgjklmnpqrstvz])h", "", w)
    return _collapse(re.sub(r"[^a-z]", "", re.sub(r"[aeiouwy]", "", w)))


def _collapse(skeleton: str) -> str:
    return re.sub(r"(.)\1+", r"\1", skeleton)


def same_name(hangul: str, latin: str) -> bool:
    """Whether a Hangul name and a Latin one may be the same name: equal skeletons, or (for
    skeletons of four or more) one consonant class apart."""
    a, b = hangul_skeleton(hangul), latin_skeleton(latin)
    if not a or not b:
        return False
    if a == b or (len(a) >= 2 and b.startswith(a) and len(b) - len(a) == 1):
        return True  # "러시아" ~ "Russian": a demonym's ending
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    return _one_edit(a, b)


def _one_edit(a: str, b: str) -> bool:
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))

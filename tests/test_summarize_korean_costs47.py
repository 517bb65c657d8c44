"""The Korean speed cuts of stop 47 (issue 26) give what the code they replaced gave."""

from __future__ import annotations

import random
import re

from bot.summarize.lang.ko import segment

# GLUED as it was: the cut itself, zero-width, found by look-behinds tried at every character.
_GLUED_BEFORE = re.compile(r"(?<=[가-힣]\.)(?<![다요죠까네음함임됨]\.)(?=[\'‘“\"]?[가-힣A-Z])")


def _texts(seed: int, alphabet: str, n: int = 4000) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(n)]


def test_glued_spans_cut_where_the_zero_width_split_cut() -> None:
    texts = ["이타가키 류타 교수.'평양에서 왔다", "교수.평양", "했다.그러나", "교수. 평양",
             "교수.KAIST", "교수.kaist", "교수.“평양", "교수.'", ".가", "가.", "가..나", "A.가",
             "국장.'평양.'서울", ""]
    texts += _texts(47, "가나다요교수함 .'‘“\"AZaz")
    for text in texts:
        assert segment.glued_spans(text) == _GLUED_BEFORE.split(text), text


def test_glued_opens_on_its_period() -> None:
    # The engine skips to the next period only when the pattern opens on it (a look-behind
    # first is tried at every character: the cost this cut removed).
    assert segment.GLUED.pattern.startswith(r"\.")


def test_the_summarizers_dict_memos_are_one_class() -> None:
    # The term and bigram caches and once's candidate readings were three dict subclasses with
    # the same __missing__; now one Memo, bounded where it lives long.
    from bot.summarize import text
    from bot.summarize.lang import Memo, once

    assert isinstance(text._TERMS, Memo) and text._TERMS.bound == text._TERM_CACHE_SIZE
    assert isinstance(text._BIGRAMS, Memo) and text._BIGRAMS.bound == text.WORD_CACHE_SIZE
    read: list[int] = []
    twice = once(lambda k: read.append(k) or k * 2)
    assert [twice(3), twice(3), twice(4)] == [6, 6, 8] and read == [3, 4]
    assert isinstance(getattr(twice, "__self__", None), Memo)


def test_a_bounded_memo_is_emptied_when_full_and_still_reads_right() -> None:
    from bot.summarize.lang import Memo

    read: list[str] = []
    memo: Memo[str, str] = Memo(lambda key: read.append(key) or key.upper(), 3)
    for key in ("a", "b", "c", "d", "a"):
        assert memo[key] == key.upper()
        assert len(memo) <= 3
    assert read == ["a", "b", "c", "d", "a"]  # "a" went with the clear at "d"
    assert Memo(str.upper).bound == 0  # unbounded: a brief's memo goes with the brief


def test_a_straight_quote_is_found_where_it_was_and_opens_the_pattern() -> None:
    from bot.summarize.lang.ko import sentences

    before = re.compile(r'(?<!\d)"')
    texts = ['27" 모니터', '"인용"', '3"', '"', 'a"', '1""', '""', "", '그는 "좋다"고 했다']
    texts += _texts(48, '가1 "a')
    for text in texts:
        assert sentences._STRAIGHT_QUOTE.findall(text) == before.findall(text), text
        assert [m.start() for m in sentences._STRAIGHT_QUOTE.finditer(text)] == \
            [m.start() for m in before.finditer(text)], text
    assert sentences._STRAIGHT_QUOTE.pattern.startswith('"')

"""The Korean speed rewrites of issue 26 give what the code they replaced gave."""

from __future__ import annotations

import random
import re

from bot.summarize.lang.ko import select


def _korean_texts(seed: int, alphabet: str, n: int = 3000) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(n)]


def test_a_sentence_ending_is_found_as_before() -> None:
    # "니다" lost its own branch: its "다" is in the class, and ENDED is only searched for.
    old = re.compile(r"(?:[다요죠까네음함임됨]|니다)[.!?…]*[\"'”’)]*\s*$")
    texts = ["했다.", "합니다.”", "니다", "니", "했다.” ", "했다”.", "하는가?", "했다\n",
             "임)", "다 ", "다가", ""]
    texts += _korean_texts(1, "다요니함가나 .!?…\"'”’)\n")
    for text in texts:
        assert (select.ENDED.search(text) is None) == (old.search(text) is None), text

"""The text-cleaning speed-ups give byte-identical output: each rewritten step is compared with
the regex it replaced (kept here as the reference) on hostile and tricky inputs."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.feeds.html import _strip_invisible, clean_block, clean_inline

# Every kind of whitespace str.isspace and \s know, the controls and invisibles clean_inline
# handles, and plain text around them.
_TRICKY = st.text(alphabet=st.sampled_from(list(
    " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u200a\u200b\u2028\u2029\u202f\u205f"
    "\u3000\ufeff\xad\u202eab.,{}:;é\u0301한")), max_size=80)


def _old_clean_inline(text: str, *, multiline: bool = False) -> str:
    """clean_inline before the str.split rewrite (its whitespace steps as regexes)."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _strip_invisible(text, multiline=multiline)
    if not multiline:
        return re.sub(r"\s+", " ", text).strip()
    lines = [line.strip() for line in re.sub(r"[^\S\n]+", " ", text).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


@settings(max_examples=3000)
@given(_TRICKY)
def test_whitespace_collapsing_matches_the_old_regexes(text: str) -> None:
    assert clean_inline(text) == _old_clean_inline(text)
    assert clean_block(text) == _old_clean_inline(text, multiline=True)


def test_whitespace_collapsing_on_chosen_cases() -> None:
    for text in ("", " ", "\n\n\n\n", " a \u3000 b\t\n\n\n\nc ", "\x1c\x1d\x1e\x1f x \x85 y",
                 "a\u2028b\u2029c", "\xa0\n\xa0\n\xa0\n\xa0z", "a\n \n \n b", "a\x0b\x0cb"):
        assert clean_inline(text) == _old_clean_inline(text), repr(text)
        assert clean_block(text) == _old_clean_inline(text, multiline=True), repr(text)

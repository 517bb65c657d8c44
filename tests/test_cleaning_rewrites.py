"""The text-cleaning speed-ups give byte-identical output: each rewritten step is compared with
the regex it replaced (kept here as the reference) on hostile and tricky inputs."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.feeds.cleaning import _without_css_rules
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


_OLD_CSS_RULE = re.compile(r"(?:^|(?<=\s))[.#@]?[\w\-.#:>,\[\]=\"' ]{0,120}\{[^{}]*:[^{}]*\}")
# Selector and body characters, braces, colons and the whitespace the lookbehind needs.
_CSS_TRICKY = st.text(alphabet=st.sampled_from(list("{}{}::; \n\t.#@a-b>,[]=\"'é!\u3000")),
                      max_size=60)


@settings(max_examples=5000)
@given(_CSS_TRICKY, st.integers(min_value=0, max_value=130))
def test_css_rule_removal_matches_the_old_regex(text: str, pad: int) -> None:
    # pad: long selectors, at and past the 120-character reach
    for case in (text, "a" * pad + text, text + " x" * pad + "{a:b}" + text):
        assert _without_css_rules(case) == _OLD_CSS_RULE.sub(" ", case), repr(case)


def test_css_rule_removal_on_chosen_cases() -> None:
    for text in ("p { color: red; } Story.", "a{b:c}{d:e} {f:g}", "x" * 120 + "{a:b}",
                 "x" * 121 + "{a:b}", " " + "x" * 120 + "{a:b}", "#id{}:{a:b}", "{a:b}{c:d}",
                 "text.\n.cls, .b > i { margin: 0 }\nnext {no colon} end {a:b", "a {x}\n{y:z}"):
        assert _without_css_rules(text) == _OLD_CSS_RULE.sub(" ", text), repr(text)

"""Korean sentences that are weak as a point: may stand in a brief, but only where nothing
better is left (the selector's ``weak``)."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.summarize.lang.en import select as en_select
from bot.summarize.lang.ko.words import (
    ceremony,
    ceremony_of_news,
    figure_list,
    figure_list_named,
    headline_facts,
    marked_aside,
    named_words,
    stock_promise,
)

_LATIN = re.compile(r"[A-Za-z]")


def _weak(sentence: str, words: tuple[str, ...],
          facts: tuple[re.Pattern[str], ...]) -> bool:
    """``weak`` with the headline's ``named_words`` (``words``) and its news (``facts``): a
    figure list the headline names and a ceremony quotation that carries its news are not
    weak there. With neither (no headline) they are."""
    if stock_promise(sentence) or marked_aside(sentence):
        return True
    if ceremony(sentence):
        return not (facts and ceremony_of_news(sentence, facts))
    if figure_list(sentence):
        return not (words and figure_list_named(sentence, words))
    return _LATIN.search(sentence) is not None and en_select.weak(sentence)


def weak(sentence: str) -> bool:
    """A stock promise (``words.stock_promise``: "…최선을 다하겠다”고 말했다"), a list of
    places with their figures (``words.figure_list``: "파주(6도), 춘천(7.5도), 충주(9.6도) 등 …"),
    a ceremony's thanks (``words.ceremony``: "…에 감사드린다”면서 …"), a line opened by an
    asterisk or a reference mark (``words.marked_aside``), and English's ``weak``
    for Korean: its caption words and attributions are English, so a sentence with no Latin
    letter cannot match (0 of 6,134 Korean dev sentences do); Korean captions and credits are
    segment's. The English patterns were a tenth of a Korean brief's time."""
    return _weak(sentence, (), ())


def weak_under(title: str) -> Callable[[str], bool]:
    """``weak`` under ``title``: a figure list whose items the headline names ("더불어민주당
    (45%), 국민의힘(38%), …" under "민주당 지지율 …") is the headline's news, not weak, and so is
    a ceremony quotation that carries the headline's figures or last word
    (``words.headline_facts``: "…MVP까지 받게 돼 영광이다”" under "김연경 은퇴 경기서 MVP")."""
    words = named_words(title)
    if not words:
        return weak
    facts = headline_facts(title)

    def weak_here(sentence: str) -> bool:
        return _weak(sentence, words, facts)

    return weak_here

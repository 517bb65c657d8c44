"""A brief's tags from literal text, for the tag tests of both languages, and a table of
cases (``TagCase``) run as one parametrized test (``tag_test``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, korean

needs_kiwi = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")


def brief_tags(title: str, text: str, lang: str) -> list[str]:
    """The tags the extractive summarizer gives a story in ``lang``."""
    return ExtractiveSummarizer().brief(Article(title=title, text=text, lang=lang)).tags


@dataclass(frozen=True)
class TagCase:
    """A story and what its brief's tags must hold: every tag of ``present``, one at least of
    ``one_of``; none of ``absent``, no tag opening on one of ``absent_prefixes`` ("frederick"
    for "#frederick" and "#frederick-noble") and none holding one of ``absent_within``
    ("clinton" in "#bill-clinton"). ``name``: the case's test id."""

    name: str
    title: str
    text: str
    present: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    absent_prefixes: tuple[str, ...] = ()
    absent_within: tuple[str, ...] = ()
    one_of: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not (self.present or self.absent or self.absent_prefixes or self.absent_within
                or self.one_of):
            raise ValueError(f"tag case {self.name} expects nothing")

    def faults(self, tags: list[str]) -> list[str]:
        """What ``tags`` get wrong against the case, empty when nothing."""
        found = set(tags)
        return ([f"missing {t}" for t in self.present if t not in found]
                + [f"unwanted {t}" for t in self.absent if t in found]
                + [f"unwanted {t}" for t in tags if t.startswith(self.absent_prefixes)
                   or any(part in t for part in self.absent_within)]
                + ([f"none of {'/'.join(self.one_of)}"]
                   if self.one_of and not found & set(self.one_of) else []))


def tag_test(lang: str, cases: Sequence[TagCase]) -> Callable[[TagCase], None]:
    """A test of the brief's tags for each of ``cases`` in ``lang``, one run a case with the
    case's name as its id (Korean ones skipped without Kiwi): a module binds it to a
    ``test_`` name. A failure shows the case's faults and the tags."""
    names = [case.name for case in cases]
    if len(set(names)) != len(names):
        shared = sorted({n for n in names if names.count(n) > 1})
        raise ValueError(f"tag cases share a name: {shared}")

    def test(case: TagCase) -> None:
        tags = brief_tags(case.title, case.text, lang)
        faults = case.faults(tags)
        assert not faults, (case.name, faults, tags)

    marked = pytest.mark.parametrize("case", cases, ids=names)(test)
    return needs_kiwi(marked) if lang == "ko" else marked


# A story about Chelsea's form in which Leeds City is the side played against (stop 46's read
# of "#manchester-city" on such a story); the opponent rule's tests and its speed test read it.
CHELSEA_OPPONENTS = (
    "Chelsea are not as good as the Chelsea side of ten years ago, a pundit said. Chelsea "
    "let leads slip against both Leeds City and Leeds United. Chelsea took the lead in both "
    "games but drew. At Leeds City they lost control after scoring. City had ten men. The "
    "pundit said City were let off the hook. Chelsea are four points clear at the top. The "
    "pundit said Chelsea must learn to kill games. Robin Park scored against Chelsea in the "
    "last minute. Leeds City will now face City rivals. Chelsea play again on Saturday."
)

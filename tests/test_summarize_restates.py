"""A point that retells a chosen one in other words gives way to a sentence with a new fact
(issue 28: a blind reader of CNN/DM and wire briefs marked a third point that "says point 1
again in other words"; feature `restates`). The made-up story follows a BBC dev brief that
did so: "Next has said its annual profit will be £5m lower … because its end-of-year clearance
sale has proved disappointing" then "Clearance rates in our end-of-season sale have been below
our expectations," the company said."""

from __future__ import annotations

import json

from bot.models import Article
from bot.summarize import ExtractiveSummarizer
from bot.summarize.scoring import CLOSE, RESTATED, STATIC, Pool, figures_of
from bot.summarize.weights import WEIGHTS
from tests.conftest import shared_path

S = ExtractiveSummarizer()

_RETOLD = ("\"Clearance sales in our winter sale have been below our expectations and profit "
           "will be lower,\" the company said.")
_NEW_FIGURE = "Sales at shops open a year rose 1.8% in the six weeks to 2 January."
_STORY = (
    "Harbour Books has said its annual profit will be £4m lower than expected because its "
    "winter clearance sale has proved disappointing. "
    "Chief executive Ann Lowe admitted that festive trading was weak, but said the chain would "
    f"still open new shops in the spring. {_RETOLD} {_NEW_FIGURE} "
    "The chain has 120 shops across the country. "
    "Shares in the company fell in early trading."
)


def _points(text: str, summarizer: ExtractiveSummarizer = S) -> list[str]:
    return [p.text for p in summarizer.brief(Article(title="", text=text, lang="en")).points]


def test_a_retold_point_gives_way_to_a_new_figure() -> None:
    points = _points(_STORY)
    assert _RETOLD not in points, points
    assert _NEW_FIGURE in points, points


def test_without_the_feature_the_retold_point_was_taken() -> None:
    # The same story under the English weights less `restates`: the brief the reader marked.
    plain = ExtractiveSummarizer(weights={**WEIGHTS["en"], "restates": 0.0})
    assert _RETOLD in _points(_STORY, plain)


def _pool(sentences: list[str], sets: list[set[str]]) -> Pool:
    terms = set().union(*sets)
    idf2 = dict.fromkeys(terms, 1.0)
    return Pool(sentences, list(range(len(sentences))), [(0.0,) * len(STATIC)] * len(sentences),
                [frozenset(s) for s in sets], [1.0] * len(sentences), idf2,
                [0.0] * len(sentences), figures=[figures_of(s) for s in sentences].__getitem__)


def test_a_sentence_with_a_figure_the_points_lack_retells_nothing() -> None:
    pool = _pool(["Profit will be lower.", "Profit will be lower by 4,000."],
                 [{"profit", "lower"}, {"profit", "lower"}])
    told, figures = pool.sets[0], pool.figures(0) if pool.figures else frozenset()
    assert pool.restated(1, 1.0, told, figures) == 0.0
    # Its figure told by a chosen point ("4000" as "4,000"), it retells.
    assert pool.restated(1, 1.0, told, frozenset({"4000"})) == 1.0


def test_a_sentence_retells_from_the_share_of_its_terms_the_points_hold() -> None:
    below = int(RESTATED * 10) - 1  # terms of ten, each of one weight, shared with the points
    own = {f"w{i}" for i in range(10)}
    told = frozenset(f"w{i}" for i in range(below))
    pool = _pool(["a", "b"], [set(told), own])
    assert pool.restated(1, 1.0, told, frozenset()) == 0.0
    assert pool.restated(1, 1.0, told | {f"w{below}"}, frozenset()) == 1.0


def test_a_sentence_unlike_each_point_retells_none_of_them() -> None:
    # Its terms spread over the points (the story's topic), like none of them: no retelling.
    pool = _pool(["a", "b"], [{"profit", "lower"}, {"profit", "lower"}])
    told = pool.sets[0]
    assert pool.restated(1, CLOSE - 0.01, told, frozenset()) == 0.0
    assert pool.restated(1, CLOSE, told, frozenset()) == 1.0


def test_a_caption_like_sentence_counts_as_retelling() -> None:
    # So a point that retells never loses to a photo caption on this feature alone.
    caption = tuple(1.0 if f == "caption" else 0.0 for f in STATIC)
    pool = _pool(["a", "Police watch over travelers."], [{"profit"}, {"police", "travel"}])
    pool.values[1] = caption
    assert pool.restated(1, 0.0, pool.sets[0], frozenset()) == 1.0


def test_korean_weighs_no_retold_point() -> None:
    # The Korean briefs keep their own rules: the feature is English's alone.
    assert WEIGHTS["ko"].get("restates", 0.0) == 0.0
    assert WEIGHTS["en"]["restates"] < 0.0


def test_shared_bbc_next_brief_drops_its_retold_quote() -> None:
    path = shared_path("summaries", "bbc_news_summary.jsonl")
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    row = next(r for r in rows if r["id"] == "bbc-business-384")
    brief = S.brief(Article(title=row.get("title") or "", text=row["text"], lang="en"))
    texts = [p.text for p in brief.points]
    assert texts[0].startswith("Next has said its annual profit will be £5m lower"), texts
    assert not any(t.startswith('"Clearance rates in our end-of-season sale') for t in texts), \
        texts

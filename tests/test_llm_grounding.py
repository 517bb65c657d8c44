"""The grounding check of model-written points: unit cases, and the measured rates on the
seed-style briefs of 50 dev articles and their planted errors (tests/support/llm_seed.py)."""

from __future__ import annotations

import pytest

from bot.summarize.facts import facts_of
from bot.summarize.grounding import ArticleContext, check_label, check_point
from bot.summarize.translit import same_name
from tests.conftest import SHARED, shared_path
from tests.support import llm_seed

SOURCE = ["The company said on Tuesday it would not cut more than 2,100 jobs, about 4% of its "
          "staff, in a plan costing $300m, chief executive Mary Okafor said.",
          "A 2.1-kilometre tunnel opened in March."]


def ok(text: str, lang: str = "en", cited: list[str] | None = None,
       cited_lang: str = "en") -> bool:
    return check_point(text, cited or SOURCE, lang=lang, cited_lang=cited_lang).ok


def reason(text: str, lang: str = "en", cited: list[str] | None = None,
           cited_lang: str = "en") -> str:
    return check_point(text, cited or SOURCE, lang=lang, cited_lang=cited_lang).reason


def test_faithful_rewording_passes() -> None:
    assert ok("Mary Okafor said the company would not cut more than 2,100 jobs, some 4% of "
              "staff, under a $300 million plan.")
    assert ok("A 2.1 km tunnel opened in March.")


@pytest.mark.parametrize(("text", "why"), [
    ("Mary Okafor said the company would not cut more than 2,400 jobs.", "number"),
    ("Mary Okafor said the company would not cut jobs under a £300m plan.", "currency"),
    ("The tunnel opened in April.", "date"),
    ("John Okafor said the company would not cut more than 2,100 jobs.", "name"),
    ("Okafor called the plan \u201ca fresh start\u201d.", "quote"),
    ("The 2.1 km tunnel did not open.", "negation"),
    ("Mary Okafor said the company would cut more than 2,100 jobs.", "negation"),
])
def test_each_kind_of_error_is_refused(text: str, why: str) -> None:
    assert reason(text) == why


def test_a_modality_the_cited_sentences_lack_is_refused() -> None:
    assert reason("The 2.1 km tunnel may open in March.", cited=SOURCE[1:]) == "modality"
    assert ok("The company would not cut more than 2,100 jobs.", cited=SOURCE[:1])


def test_a_point_with_nothing_cited_is_refused() -> None:
    assert check_point("Anything.", [], lang="en", cited_lang="en").reason == "sources"


def test_each_cited_figure_matches_once() -> None:
    cited = ["The court ruled 6-3 on Thursday."]
    assert ok("The court ruled 6-3.", cited=cited)
    assert reason("The court ruled 3-3.", cited=cited) == "number"


def test_korean_numbers_compare_as_values() -> None:
    assert facts_of("4천800만년 전", "ko").numbers == {48_000_000.0}
    assert facts_of("35만6509㎞", "ko").numbers == {356_509.0}
    # a Korean brief of an English article
    assert ok("회사는 3억 달러를 들여 2,100명을 줄이지 않는다고 Mary Okafor가 말했다.", lang="ko")
    assert reason("회사는 4억 달러를 들여 2,100명을 줄이지 않는다.", lang="ko") == "number"


def test_hangul_names_meet_latin_names_by_skeleton() -> None:
    assert same_name("존슨", "Johnson") and same_name("네팔", "Nepal")
    assert not same_name("존스", "Johnson")
    cited = ["Prime Minister Boris Johnson resigned on Friday."]
    assert ok("보리스 존슨 총리가 금요일 사임했다.", lang="ko", cited=cited)
    assert reason("보리스 존스 총리가 금요일 사임했다.", lang="ko", cited=cited) == "name"
    assert reason("보리스 존슨 총리가 목요일 사임했다.", lang="ko", cited=cited) == "date"


def test_a_korean_noun_borrowed_from_an_uncited_sentence_is_refused() -> None:
    article = "유재준 교수가 위원장을 맡았다.\n자연대는 교육개혁위원회를 꾸렸다."
    context = ArticleContext(article, "ko")
    cited = ["자연대는 교육개혁위원회를 꾸렸다."]
    assert check_point("자연대가 교육개혁위원회를 만들었다.", cited, lang="ko", cited_lang="ko",
                       context=context).ok
    assert check_point("유재준 교육개혁위원회가 만들어졌다.", cited, lang="ko", cited_lang="ko",
                       context=context).reason == "name"


def test_labels_are_checked_for_length_names_and_words() -> None:
    cited = ["Animal welfare activists said a federal law was necessary."]
    assert check_label("A federal law", cited, lang="en", cited_lang="en").ok
    assert check_label("law", cited, lang="en", cited_lang="en").reason == "label_length"
    assert check_label("A law for Ohio", cited, lang="en", cited_lang="en").reason == "name"
    assert check_label("Sunny weather ahead", cited, lang="en",
                       cited_lang="en").reason == "label_ungrounded"


def test_seed_data_cites_by_fingerprint_and_stores_no_article_text() -> None:
    seed = llm_seed.load_jsonl(llm_seed.SEED)
    assert len(seed) == 50 and sum(len(b["points"]) for b in seed) == 150
    for brief in seed:
        assert set(brief) == {"id", "source_lang", "lang", "headline", "points", "tags"}
        for point in brief["points"]:
            assert len(point["cites"]) == len(point["sources"]) >= 1
            assert 2 <= len(point["label"].split()) <= 5 or brief["lang"] == "ko"


def test_grounding_rates_on_seed_briefs_and_planted_errors() -> None:
    """≥ 95% of planted errors caught, ≤ 5% of faithful points refused (docs/SUMMARIZER.md)."""
    shared_path("articles", "wire_dev.jsonl")
    shared_path("summaries", "ko_sci_news_dev.jsonl")
    result = llm_seed.evaluate(SHARED)
    assert result["faithful"] == 150 and result["planted"] >= 600
    assert len(result["refused"]) / result["faithful"] <= 0.05, result["refused"]
    assert result["caught"] / result["planted"] >= 0.95, result["missed"]
    for kind, (caught, total) in result["by_kind"].items():
        assert total >= 50 and caught / total >= 0.85, kind


def test_planted_file_is_what_the_generator_makes() -> None:
    shared_path("articles", "wire_dev.jsonl")
    shared_path("summaries", "ko_sci_news_dev.jsonl")
    made = list(llm_seed.plant(llm_seed.load_jsonl(llm_seed.SEED),
                               llm_seed.load_articles(SHARED)))
    assert made == llm_seed.load_jsonl(llm_seed.PLANTED)

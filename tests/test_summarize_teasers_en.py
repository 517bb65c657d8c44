"""English ledes and points a blind read marked down (issue 28, fresh articles): a teaser lede
with no news in it ("The secret to staying slim could be in saliva."), a picture the brief
does not show named with more than one adjective ("These heart-breaking end-of-life snaps"),
and openings that lean back ("Not only that, …", "All of which …", "The idea landed with a
thud.")."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer
from bot.summarize.extractive import refers_back
from bot.summarize.lang.en.select import teaser, weak

S = ExtractiveSummarizer()


def _points(text: str, title: str = "") -> list[str]:
    return [p.text for p in S.brief(Article(title=title, text=text, lang="en")).points]


# Found on the CNN/DM fit half, or named by the readers.
@pytest.mark.parametrize("lede", [
    "The secret to staying slim could be in saliva.",
    "Looks like it's a bad time to be sexing up your publicly viewable video gaming.",
    "It's the moment every pet owner dreads.",
    "At first glance, it doesn't look like much.",
    "For most people, it has become a travel essential.",
    "With divorce fast becoming the norm it seems true love is harder and harder to find these "
    "days.",
])
def test_a_teaser_leans_on_the_story_after_it(lede: str) -> None:
    assert teaser(lede)
    assert refers_back(lede, "en")


@pytest.mark.parametrize("lede", [
    # A name, a figure or a source: news, whatever its frame.
    "In 2009, it emerged that the bank had lied to its customers.",
    "It was the deadliest attack in years, police said.",
    "It has been a bad week for Boeing.",
    # No dummy "it" and no secret: a plain lede.
    "The government's lending program for small businesses is on hold.",
    # An "it" whose antecedent the sentence gives, or a condition's (real-world feeds).
    "I love my iPad, it's a great, very portable device that I can use for almost everything.",
    "RSS is not a product, it's a format.",
    "If it is not rendered as a list item, the namespace support of the client app is broken.",
    # "It's time for …" names its own subject: a blog's guide under its headline.
    "Once again, it’s time for the annual power meter buyer’s guide!",
])
def test_a_news_lede_is_no_teaser(lede: str) -> None:
    # (An opening "It" leans back by BACK's rule all the same; the teaser rule adds nothing.)
    assert not teaser(lede)


def test_a_brief_skips_the_teaser_lede_for_the_sentence_with_the_news() -> None:
    # The Daily Mail's opening (CNN/DM fit half): the brief opened on the teaser.
    text = (
        "The secret to staying slim could be in saliva. "
        "Researchers have found that a gene that makes a carb-busting compound has a large "
        "influence on weight. "
        "Nicknamed the Atkins Gene in some quarters after the popular diet, its official "
        "scientific nickname is AMY1. "
        "The gene makes an enzyme that is found in saliva and begins the breakdown and "
        "digestion of starchy foods like chips, crisps and rice. "
        "The study showed that people who had more copies of the gene made more of the enzyme "
        "and were more likely to be slim. "
        "Although we normally think of genes as coming in pairs, some people will only have one "
        "copy of a gene. "
        "Others will have two, three or even more. "
        "In the case of the AMY1 gene, it possible to have up to 20 copies. "
        "Those who had fewer copies would be likely to find carbohydrates more difficult to "
        "digest - and therefore more likely to put on weight the journal Nature Genetics "
        "reports."
    )
    points = _points(text)
    assert "The secret to staying slim could be in saliva." not in points
    assert points[0].startswith("Researchers have found that a gene")


@pytest.mark.parametrize("sentence", [
    "These heart-breaking end-of-life snaps show a dying dog with its owner.",
    "These long-awaited never-before-seen images show the ship on the sea bed.",
])
def test_a_picture_named_with_several_adjectives_is_not_shown(sentence: str) -> None:
    assert weak(sentence)


def test_a_time_before_the_pictures_is_no_pointer() -> None:
    assert not weak("Later this year the images will be released to the public by NASA officials "
                    "in Washington after review.")


@pytest.mark.parametrize("sentence", [
    "Not only that, it lasted for a total of 70 years of marriage until they both died in 2011.",
    "All of which means the vote in the chamber is too close to call.",
    "The idea landed with a thud.",
    "The proposal was met with jeers from the opposition benches.",
])
def test_a_sum_or_a_sequel_leans_back(sentence: str) -> None:
    assert refers_back(sentence, "en")


@pytest.mark.parametrize("sentence", [
    "The idea of a four-day week is gaining ground among British employers.",
    "All of the 33 miners were rescued after 69 days underground.",
])
def test_a_subject_that_names_its_thing_does_not_lean_back(sentence: str) -> None:
    assert not refers_back(sentence, "en")

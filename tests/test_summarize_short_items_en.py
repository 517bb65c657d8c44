"""A feed item that says no more than a brief holds shows all it says (issue 28, feed items
with one point or none): a whole sentence under the length floor for a point is shown with the
rest, a link line, a piece, a sign-off or a longer piece's short lines are not. Made-up text in
the shape of the feed items that had it."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer
from bot.summarize.lang.en.sentences import whole_sentence

S = ExtractiveSummarizer()


def _points(title: str, text: str) -> list[str]:
    return [p.text for p in S.brief(Article(title=title, text=text, lang="en")).points]


def test_a_short_items_short_sentences_are_shown_with_the_rest() -> None:
    # "Dan Shafer died." was under the floor: the brief showed only "I knew Dan …".
    text = ("Jane Roe died. I knew Jane from the developer community in the 80s, hired her to "
            "write the first docs for our app. Bon voyage mi amiga!")
    assert _points("Remembering Jane Roe", text) == [
        "Jane Roe died.",
        "I knew Jane from the developer community in the 80s, hired her to write the first "
        "docs for our app.",
        "Bon voyage mi amiga!"]


def test_a_short_sentence_leaning_on_the_one_before_it_follows_it() -> None:
    # A link blog's item: the news was the second sentence, "This year, it turned violent."
    text = ("At the academy, cadets have long had an annual nighttime pillow fight to build "
            "team spirit. This year, it turned violent.\n\n∞ Permalink")
    assert _points("Pillow fight leaves 24 hurt", text) == [
        "At the academy, cadets have long had an annual nighttime pillow fight to build team "
        "spirit.", "This year, it turned violent."]


def test_link_lines_pieces_and_sign_offs_stay_out_of_a_short_item() -> None:
    # Three prose sentences at most, so the rule runs: a short whole sentence would be shown.
    text = ("I was a guest on the show where we talked about keyboards, apps and automation.\n\n"
            "Listen on Relay FM\n\nShare and enjoy.")
    assert _points("A guest spot", text) == [
        "I was a guest on the show where we talked about keyboards, apps and automation."]
    assert not whole_sentence("using Windows Server 2019.")
    assert not whole_sentence("At InfluxData, one...")
    assert not whole_sentence("(Suite 100), Leesburg.")
    assert whole_sentence("“Of course they are.”")


LEAD = "The senator spoke to reporters outside the Capitol on Tuesday afternoon."


@pytest.mark.parametrize("line", [
    "Sponsored by Acme.", "Comments are closed.", "Posted in Politics.", "Filed under Apple.",
    "Follow me on Mastodon.", "Download the episode.", "Watch the video.", "Read the rest.",
    "More to come.", "This story has been updated.", "Thank you for reading.",
    "Thanks for reading.", "Share and enjoy.", "Updated: 5pm."])
def test_a_page_line_or_sign_off_after_a_short_item_is_no_point(line: str) -> None:
    assert _points("The senator speaks", f"{LEAD}\n\n{line}") == [LEAD]


def test_a_short_sentence_of_the_story_after_a_short_item_is_a_point() -> None:
    # The rule runs on the items above: a sentence of the story is shown where a sign-off is not.
    assert _points("The senator speaks", f"{LEAD}\n\nShe did not run.") == [
        LEAD, "She did not run."]


@pytest.mark.parametrize(("text", "first", "kept"), [
    ("Jane Roe died. RIP. She wrote the first docs for our app back in the 80s, and taught me a "
     "lot.", "Jane Roe died.",
     "She wrote the first docs for our app back in the 80s, and taught me a lot."),
    ("Is it worth it? Maybe. It has a faster chip, a better camera and a battery that lasts two "
     "days.", "Is it worth it?",
     "It has a faster chip, a better camera and a battery that lasts two days."),
    ("Will the mayor run again? Nobody knows. She spoke to reporters outside the town hall on "
     "Tuesday.", "Will the mayor run again?",
     "She spoke to reporters outside the town hall on Tuesday."),
])
def test_the_short_sentences_only_add_points(text: str, first: str, kept: str) -> None:
    # The long sentence leans back and is not next to the short one shown before it: the brief
    # without the rule showed it, and the rule must not cost the item its one real sentence.
    assert _points("An item", text) == [first, kept]


@pytest.mark.parametrize(("title", "text", "said"), [
    ("Apple buys Beats", "Apple buys Beats.\n\nApple has agreed to buy Beats Electronics for "
     "$3 billion, the company said.", "Apple buys Beats."),
    ("Jane Roe died at 80", "Jane Roe died. I knew Jane from the developer community in the 80s "
     "and hired her to write our docs.", "Jane Roe died."),
])
def test_a_short_sentence_the_headline_says_is_no_point(title: str, text: str, said: str) -> None:
    points = _points(title, text)
    assert said not in points
    assert len(points) == 1


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Der Autor ist tot. Er schrieb die ersten Handbücher für unsere App in den "
     "achtziger Jahren."),
    ("fr", "Il est mort. Il a écrit les premiers manuels de notre application dans les années "
     "quatre-vingt."),
])
def test_a_language_without_rules_of_its_own_has_no_short_item_rule(lang: str, text: str) -> None:
    # English's reading of a whole sentence and its sign-offs would misread German or French.
    points = [p.text for p in S.brief(Article(title="Nachruf", text=text, lang=lang)).points]
    assert points == [text.split(". ", 1)[1]]


def test_a_longer_pieces_short_lines_are_no_points() -> None:
    # A dialogue of eight lines, most of them a speaker's label: its one long sentence stays
    # the brief, not "My face hurts." and "I don't understand." beside it.
    text = ("With apologies to Douglas Adams:\n\n"
            "OP: This new feature is so irritating! Every time I press return, a glove slaps me "
            "in the face. WHY!?\n\n"
            "Reply Guy: You can disable it by going to the planning office with a map.\n\n"
            "OP: Thanks, but I'm asking why it's the default. My face hurts.\n\n"
            "Reply Guy: You can just disable it! I don't understand.\n\nOP: I think you do.")
    assert "My face hurts." not in _points("Dismissing criticism with workarounds", text)

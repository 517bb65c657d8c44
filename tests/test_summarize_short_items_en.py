"""A feed item that says no more than a brief holds shows all it says (issue 28, feed items
with one point or none): a whole sentence under the length floor for a point is shown with the
rest, a link line, a piece, a sign-off or a longer piece's short lines are not. Made-up text in
the shape of the feed items that had it."""

from __future__ import annotations

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
    assert _points("Jane Roe died", text) == [
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
    text = ("I was a guest on the show where we talked about keyboards, apps and automation.\n\n"
            "Listen on Relay FM\n\nusing Windows Server 2019.\n\nShare and enjoy.")
    assert _points("A guest spot", text) == [
        "I was a guest on the show where we talked about keyboards, apps and automation."]
    assert not whole_sentence("At InfluxData, one...")
    assert not whole_sentence("(Suite 100), Leesburg.")
    assert whole_sentence("“Of course they are.”")


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

"""An English feed item none of whose lines is a candidate still gets points where a line says
something (issue 28: a brief with no points read as broken, and lost to the item's first
lines): a show's topic lines, a one-line item's line; never a head, a sponsor read, a link
credit or a reddit footer, and every point verbatim."""

from __future__ import annotations

from bot.models import Article
from bot.summarize import ExtractiveSummarizer
from bot.summarize.lang.registry import language

S = ExtractiveSummarizer()


def _points(title: str, text: str) -> list[str]:
    return [p.text for p in S.brief(Article(title=title, text=text, lang="en")).points]


# A made-up episode's notes in the shape of a podcast feed's: segment heads, topic lines with
# their link lines, a listener question, another show's episode, sponsors with codes.
NOTES = "\n\n".join([
    "Pre-show: Sam's new kettle is too loud",
    "Follow-up:",
    "Why the office printer never sleeps",
    "Kettle Review",
    "Jo's tweet",
    "Robin Show #12: Printers",
    "The winter laptop line-up and what it means for students",
    "#askhost",
    "Is it worth buying a used tablet for a child?",
    "Post-show:",
    "Sam tries to fix a bicycle with a spoon",
    "Ending theme by Pat Doe",
    "Sponsored by:",
    "Acme: Shoes for every season. Get 10% off with code HOST10.",
    "Widgets Inc: Build your next thing today.",
])


def test_show_notes_give_up_to_three_topic_lines_in_order() -> None:
    points = _points("101: Kettles and Printers", NOTES)
    assert points == [
        "Why the office printer never sleeps",
        "The winter laptop line-up and what it means for students",
        "Is it worth buying a used tablet for a child?",
    ]
    assert all(p in NOTES.split("\n\n") for p in points)  # whole lines: verbatim


def test_show_notes_never_give_small_talk_links_credits_or_sponsors() -> None:
    points = _points("101: Kettles and Printers", NOTES)
    for junk in ("Pre-show", "Sam tries", "Jo's tweet", "#12", "Ending theme", "Acme",
                 "Widgets", "#askhost", "Kettle Review"):
        assert not any(junk in p for p in points), junk


def test_a_one_line_item_gives_its_line() -> None:
    text = "Prof Jane Doe: Chronic Sinusitis"
    assert _points("Chronic Sinusitis", text) == [text]


def test_a_quoted_line_with_a_one_word_reaction_gives_the_quoted_line() -> None:
    text = "Ann Smith: Remarkably, even now the old format is still everywhere.\n\nOuch."
    assert _points("Old formats", text) == [
        "Ann Smith: Remarkably, even now the old format is still everywhere."]


def test_junk_never_becomes_a_point() -> None:
    # A reddit footer, a byline, the headline again, filler of a test feed: headline alone.
    for title, text in (
        ("NAS advice?", "submitted by /u/someone\n[link] [comments]"),
        ("NAS advice?", "submitted by /u/someone to r/homelab\n[link] [comments]"),
        ("A walk", "By Jane Doe in Sydney, 2023-01-08."),
        ("Good morning sports fans!", "Good morning sports fans!"),
        ("Post", "Some text."),
        ("Patch", "Patch for /etc/example.conf:"),
    ):
        assert _points(title, text) == [], text


def test_an_item_with_a_candidate_keeps_the_normal_selection() -> None:
    # The rule is a last resort: a prose sentence is chosen as before, alone.
    text = ("Prof Jane Doe: Chronic Sinusitis\n\n"
            "The clinic will open a second ward for sinus surgery next spring.")
    assert _points("Sinus clinic", text) == [
        "The clinic will open a second ward for sinus surgery next spring."]


def test_korean_has_no_such_rule() -> None:
    assert language("ko").mute_item_lines is None  # Korean briefs cannot move by it

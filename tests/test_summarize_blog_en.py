"""English blog and podcast feed items (issue 28, the real-world feed read): promotion and
sponsor reads, credit lines, a title before a line break, and an announcement lead. Each text is
literal, of the kinds a blind reader marked our briefs down for."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, split_sentences
from bot.summarize.extractive import refers_back
from bot.summarize.segment import not_prose

S = ExtractiveSummarizer()


def _points(text: str, title: str = "") -> list[str]:
    return [p.text for p in S.brief(Article(title=title, text=text, lang="en")).points]


@pytest.mark.parametrize(
    "promo",
    [
        "Get $50 off a Trekz Air bundle with code atpbundle.",
        "Squarespace: Make your next move. Use code GRUBER for 10% off your first order.",
        "Away: High-quality luggage with built-in USB chargers. Save $20 with promo code "
        "TALKSHOW.",
        "Order right now or you'll miss it!",
        "My thanks to Nucleobytes for sponsoring this week’s DF RSS feed.",
        "Patreon is how we exist! If you can, please help us keep making this show.",
        "Check out our books, live shows, store, membership program, and official recap show at "
        "welcometonightvale.com",
        "This episode is brought to you by the makers of the finest mattresses in the land.",
        "Subscribe wherever you get your podcasts and leave us a review on Apple Podcasts.",
        "2023 US TOUR DATES for “The Haunting of Night Vale”",
        "Our new podcast, UNLICENSED, available now!",
        "If you can, please help us keep making this show.",
        "Support us on Patreon and get every episode a day early.",
    ],
)
def test_promotion_in_podcast_feeds_is_never_a_point(promo: str) -> None:
    spans = split_sentences(promo, "en")
    assert any(not_prose(s, "en") == "promo" for s in spans), spans
    text = ("This week we talk about the new keyboards and why the old ones failed so often. "
            f"{promo} The hosts also compare notes on the long trip to the developer conference. "
            "Listeners wrote in with questions about backups, and we answer three of them.")
    assert not any(p in _points(text) for p in spans if not_prose(p, "en") == "promo")


def test_news_with_sponsors_and_sales_is_still_prose() -> None:
    for prose in (
        "The bill, sponsored by Sen. Jane Doe, passed the Senate on Tuesday by two votes.",
        "Buy now, pay later firms grew by 20% last year as shoppers cut back on credit cards.",
        "In this sale, each VIP member is given a coupon code that’s good for 20% off a single "
        "non-sale item.",
        "More than a million people subscribe to the service, the company said on Monday.",
        "Dolours Price was the first woman to become a member of an IRA active service unit.",
        "This could be used to support US bombers in strike missions against the group.",
        "He called for public services to \"support us all in an ageing society\".",
    ):
        assert not_prose(prose, "en") is None, prose


def test_the_reads_of_a_sponsor_section_are_not_points() -> None:
    # A Mac Power Users item: the sponsor reads under the head name no code, and one of them
    # ("The Omni Group We're passionate …") was a point.
    text = (
        "This week on Mac Power Users David and I share some of the most efficient productivity "
        "tasks and apps appropriate for the iPhone.\n\n"
        "Topics include calendars and contacts, email, task management, scanning, writing, and "
        "additional utilities for productivity.\n\n"
        "This episode of Mac Power Users is sponsored by:\n\n"
        "Eero: Blanket your home in fast, reliable WiFi.\n\n"
        "The Omni Group We're passionate about productivity for Mac, iPhone and iPad.\n\n"
        "Automatic The connected car company that improves your driving and integrates your car "
        "into your digital life."
    )
    points = _points(text, "Mac Power Users #336: iPhone Productivity")
    assert points == [
        "This week on Mac Power Users David and I share some of the most efficient productivity "
        "tasks and apps appropriate for the iPhone.",
        "Topics include calendars and contacts, email, task management, scanning, writing, and "
        "additional utilities for productivity.",
    ], points


def test_a_podcasts_credits_are_not_points() -> None:
    for credit in ("Written by Joseph Fink & Jeffrey Cranor", "Narrated by Cecil Baldwin",
                   "Weather: “Blackeyeblue“ by Shotgun Marmalade",
                   "Original episode art by Jessica Hayworth",
                   "A production of Night Vale Presents.",
                   "The voice of Dr. Janet Lubelle is Janet Varney."):
        assert not_prose(credit, "en") == "credit", credit
    assert not_prose("Written by hand, the note was found in a drawer of the old desk.",
                     "en") is None
    assert not_prose("The voice of the people is clear, the minister said.", "en") is None


def test_a_quotations_credit_line_is_never_a_point() -> None:
    # Linked-list blogs credit the quotation below: "Eric Newcomer, Bloomberg:". Flattened
    # onto one line with the quotation, the credit is cut off and the quotation stands.
    for credit in ("Eric Newcomer, Bloomberg:", "Sarah Perez, TechCrunch:",
                   "Josh Centers, writing for TidBITS:"):
        assert not_prose(credit, "en") == "credit", credit
    text = ("Eric Newcomer, Bloomberg: Adjusted net revenue last quarter increased 61 percent to "
            "$2.22 billion from the same period in 2016. Meanwhile, the total value of fares "
            "grew to $11 billion that quarter. It was the first full quarter under Dara "
            "Khosrowshahi, who took over the troubled business in September.")
    spans = split_sentences(text, "en")
    assert spans[:2] == ["Eric Newcomer, Bloomberg:", "Adjusted net revenue last quarter "
                         "increased 61 percent to $2.22 billion from the same period in 2016."]
    points = _points(text, "Uber Lost $4.5 Billion in 2017")
    assert not any("Newcomer" in p for p in points), points
    assert points[0].startswith("Adjusted net revenue"), points


def test_a_title_before_a_line_break_does_not_end_a_sentence() -> None:
    text = ("The voice of Dr.\nJanet Lubelle is Janet Varney, who joins the cast this season.\n"
            "The study was led by Prof.\n\nAnn Lee of the university's medical school.")
    assert split_sentences(text, "en") == [
        "The voice of Dr. Janet Lubelle is Janet Varney, who joins the cast this season.",
        "The study was led by Prof. Ann Lee of the university's medical school.",
    ]
    # A sentence may still end on a lower-case word after a break.
    assert split_sentences("He went to see the Dr.\nthen left.", "en") == [
        "He went to see the Dr.", "then left."]


def test_an_announcement_lead_in_a_blog_post_wins() -> None:
    # The MIGP launch post: "Today we’re announcing …" read as a time fronted before a pronoun
    # leaning back, so the points explained what such a service is instead of the launch.
    lead = ("Today we’re announcing a public demo and an open-sourced Go implementation of a "
            "next-generation, privacy-preserving compromised credential checking protocol "
            "called MIGP (“Might I Get Pwned”, a nod to Troy Hunt’s “Have I Been Pwned”).")
    assert not refers_back(lead, "en")
    assert refers_back("Yesterday he said the service would close.", "en")
    text = (
        f"{lead} Compromised credential checking services are used to alert users when their "
        "credentials might have been exposed in data breaches. Critically, the "
        "‘privacy-preserving’ property of the MIGP protocol means that clients can check for "
        "leaked credentials without leaking any information to the service about the queried "
        "password. The ‘next-generation’ property comes from the fact that MIGP advances upon "
        "the current state of the art in credential checking services."
    )
    points = _points(text, "Privacy-Preserving Compromised Credential Checking")
    assert points[0] == lead, points


def test_a_short_item_drops_a_point_whose_pronoun_has_no_antecedent_shown() -> None:
    # Three candidates only, so every one was a point, "It …" included, though what "it" is
    # ("I love Amazon.") is too short to be a point. Two points beat a dangling pronoun.
    text = ("I love Amazon. It has become my default place for all my online shopping and has "
            "also replaced a lot of my local shopping as well. This week on Mac Power Users, "
            "David and I dive deep on the Amazon lifestyle. We explore many different services "
            "and features available from Amazon and share our favorite tips and tricks.")
    points = _points(text, "Mac Power Users #333: The Amazon Lifestyle")
    assert points == [
        "This week on Mac Power Users, David and I dive deep on the Amazon lifestyle.",
        "We explore many different services and features available from Amazon and share our "
        "favorite tips and tricks.",
    ], points
    # The article's first sentence leans on the headline, which the brief shows: it stays.
    first = ("It has become my default place for all my online shopping, and it has also "
             "replaced a lot of my local shopping as well. This week on Mac Power Users, David "
             "and I dive deep on the Amazon lifestyle.")
    assert _points(first)[0].startswith("It has become"), _points(first)


def test_a_sentence_naming_the_piece_itself_does_not_lean_back() -> None:
    # A podcast interview's notes: "This interview focuses on …" says what the episode is
    # about, and lost to a bio sentence that leaned on the one before ("In 2011, he won …").
    for sentence in ("This interview focuses on controversies in vestibular testing, as well as "
                     "recent advances.",
                     "This study shows that the AGO2 proteins of the two plants differ.",
                     "This talk covers the new build system and how to migrate to it."):
        assert not refers_back(sentence, "en"), sentence
    assert refers_back("This prize was the first of many for the young surgeon.", "en")
    text = ("Dr Nicholas Jufas interviews Dr Dave Pothier, a Staff Otologist in the Department "
            "of Otolaryngology at Toronto General Hospital.\n\nHe has a strong interest in "
            "clinical and translational research and has published extensively. In 2011, he "
            "won the Politzer Society Prize for research into the treatment of oscillopsia. His "
            "main research interests are in bilateral vestibular loss and oscillopsia.\n\n"
            "This interview focuses on controversies in vestibular testing, as well as recent "
            "advances.")
    points = _points(text, "Advances and Testing in Vestibular Pathology")
    assert points[-1].startswith("This interview focuses on"), points

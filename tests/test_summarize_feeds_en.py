"""Real-world feed items through the default (English) rules (issue 28, the feed items' blind
read): a show's notes whose section heads lost their colons, a podcast host's notice, Reddit's
submission line, and a German date whose ordinal day the splitter took for a sentence end."""

from __future__ import annotations

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, split_sentences
from bot.summarize.extractive import refers_back
from bot.summarize.lang.en.segment import unglue
from bot.summarize.lang.en.segment.quotations import cut_single_quote
from bot.summarize.lang.en.select import teaser
from bot.summarize.segment import not_prose

S = ExtractiveSummarizer()


def _points(title: str, text: str, lang: str | None = "en") -> list[str]:
    return [p.text for p in S.brief(Article(title=title, text=text, lang=lang)).points]


# An ATP episode's notes as its feed gives them: the heads "Post show", "#askatp" and
# "Sponsored by" stand alone with no colon, and the listener questions end in "?".
_BARE_HEADS = """Happy new year!
John reviews the Tesla Model 3
John reviews Casey's Volvo XC90
Casey reviews his Apple Pencil
Marco reviews Linea
Ben Thompson's warning in 2017
Is falling stock price going to cause a retention problem?
#askatp
What does John think about the Nintendo Switch controller?
(via Josh A.)
How will the new AirPods charge?
Post show
More on Beats
Sponsored by
Hover: Hover is turning 10 this month!
Celebrate with incredible deals on domains and more.
Eero: Finally, Wi-Fi that works.
"""


def test_show_notes_with_bare_heads_make_points_of_their_questions_only() -> None:
    # Before: "John reviews the Tesla Model 3", "John reviews Casey's Volvo XC90" and "Ben
    # Thompson's warning in 2017", link titles, were the brief. The episode's questions tell
    # what it discusses: two blind reads preferred them to a brief of headline and link.
    assert _points("307: Casey Apple Pencil", _BARE_HEADS) == [
        "Is falling stock price going to cause a retention problem?",
        "What does John think about the Nintendo Switch controller?",
        "How will the new AirPods charge?"]


# The same notes with their colons ("Follow-up:", "Sponsored by:") but the listener questions
# after a bare "#askatp": the questions are the brief, never the link titles before them.
_ASKATP = """Follow-up:
Casey gets medium very upset about Medium
John's 2018 Butterfly Keyboard Watch
Did Google really cripple Edge's YouTube performance?
Paul and Storm tweet
Clean your Mac at a 75º angle
John Giannandrea appointed to Apple executive team
iPad Pros can ship bent...
Dan Riccio's comments
Marco's fingerprinty iPad solution
Marco inspects his situation
#askatp
Does Overcast do anything special to inhibit cookies?
(via Mitch Cohen)
Could Overcast get blocked by publishers for not implementing RAD?
If Intel got its act together, would Apple cancel any ARM Mac plans and stick with Intel?
Sponsored by:
Away: Because this season, everyone wants to get Away.
Start your 15-day free trial today.
"""


def test_listener_questions_are_a_show_notes_only_points() -> None:
    assert _points("306: My Watch Has Ended", _ASKATP) == [
        "Does Overcast do anything special to inhibit cookies?",
        "Could Overcast get blocked by publishers for not implementing RAD?",
        "If Intel got its act together, would Apple cancel any ARM Mac plans and stick with Intel?"]


def test_a_blog_post_with_a_bare_heading_keeps_its_points() -> None:
    # One bare head and no sponsor or links head: prose, not a show's notes.
    text = (
        "We shipped the new sync engine to every user this week after three months of beta.\n"
        "Follow-up\n"
        "Sync now finishes in under a second for most libraries, down from eight seconds.\n"
        "The old engine stays available behind a setting until the end of the year.\n"
    )
    assert len(_points("Sync engine", text)) == 3


def test_a_podcast_hosts_privacy_notice_is_no_point() -> None:
    text = (
        "Die wichtigsten Nachrichten aus der SPIEGEL-Redaktion.\n"
        "See omnystudio.com/listener for privacy information."
    )
    assert not_prose("See omnystudio.com/listener for privacy information.", "de") is not None
    assert _points("die Wochenvorschau", text, None) == [
        "Die wichtigsten Nachrichten aus der SPIEGEL-Redaktion."]


def test_reddits_submission_line_is_no_point_even_alone() -> None:
    # The item is headline and link: the line says who posted it, nothing of the post.
    text = "submitted by /u/kevincox_ca to r/kevincox\n[link] [comments]"
    assert _points("Announcing FeedMail", text) == []


def test_a_german_dates_ordinal_day_ends_no_sentence() -> None:
    text = (
        "Hier braust zum Beispiel am 09. Januar 2020 das Sturmtief „Sabine“ mit "
        "Windgeschwindigkeiten bis zu 51 Knoten über den Flughafen Amsterdam-Schiphol:"
    )
    assert split_sentences(text, "de") == [text]
    assert split_sentences("Die Frist endet am 3. März. Danach gilt das Gesetz.", "de") == [
        "Die Frist endet am 3. März.", "Danach gilt das Gesetz."]
    # Before: "Hier braust zum Beispiel am 09." was a point, half a lead-in.
    points = _points("„Sabine“ am Flughafen Amsterdam", (
        "METAR-Informationen sind nicht nur für die Fliegerei praktische und kompakte "
        "Möglichkeiten, Wetterbedingungen zusammenzufassen.\n" + text + "\n"
        "Solch einen METAR-Code kann z.B. mit dem Aerofly FS2 Wettergerät verwendet werden."
    ), None)
    assert all("am 09." not in p for p in points) and len(points) == 2


def test_an_english_month_after_a_number_still_starts_a_sentence() -> None:
    # Review 35: German month names English writes too held two English sentences together.
    assert split_sentences(
        "The death toll rose to 14. August is usually the busiest month.", "en") == [
        "The death toll rose to 14.", "August is usually the busiest month."]
    assert split_sentences("It was ranked No. 3. April brought more rain.", "en") == [
        "It was ranked No. 3.", "April brought more rain."]
    for german in ("Wir sehen uns am 4. April wieder.", "Es kam der 9. August 2020 heran."):
        assert split_sentences(german, "de") == [german]


def test_a_number_before_an_english_sentence_still_ends_it() -> None:
    assert split_sentences("The tally rose to 12. Then it fell.", "en") == [
        "The tally rose to 12.", "Then it fell."]


def test_a_heading_glued_to_its_sentence_is_cut_off() -> None:
    # Hodl Hodl's update, its headings and salutation run into the sentences after them by a
    # scraper that drops the tags (feed items 0:2, flattened).
    text = (
        "Dear Hodlers, We want introduce to you an update at Hodl Hodl — we have added a new "
        "payment type “Cryptocurrency”. Quick summary From now on, every user can buy and sell "
        "Bitcoin and Litecoin, for other cryptocurrencies at Hodl Hodl. Previously We had a "
        "payment method “Cryptocurrency” related to the payment type “Online payment system”."
    )
    assert split_sentences(text, "en") == [
        "Dear Hodlers,",
        "We want introduce to you an update at Hodl Hodl — we have added a new payment type "
        "“Cryptocurrency”.",
        "Quick summary",
        "From now on, every user can buy and sell Bitcoin and Litecoin, for other "
        "cryptocurrencies at Hodl Hodl.",
        "Previously",
        "We had a payment method “Cryptocurrency” related to the payment type “Online payment "
        "system”.",
    ]
    points = _points("Update on Hodl Hodl: New payment type “Cryptocurrency”", text)
    assert points and not any(p.startswith(("Dear", "Quick", "Previously")) for p in points)


def test_a_sentences_own_capitals_are_no_heading() -> None:
    for text in ("Apple said The new phone is out in March.", "Last week we shipped the app.",
                 "When we met, He was tired and cold."):
        assert split_sentences(text, "en") == [text]



def test_a_teaser_with_a_dummy_there_leans_on_the_story() -> None:
    # NSHipster's opening line (feed items 0:2) was point 1 of its 10,000-character article:
    # it says nothing of NSOperation. Like "At first glance, it doesn't look like much.", its
    # dummy subject points at the news a later sentence tells.
    assert teaser("In life, there's always work to be done.")
    assert refers_back("In life, there's always work to be done.", "en")
    assert not teaser("There is no cure for the disease.")
    assert not teaser("In 2019, there were 5 deaths on the road.")


def test_a_greeting_is_no_point() -> None:
    # HEATED's newsletter (feed items 0:2) opened its brief on the greeting.
    text = (
        "Hello, dear paid subscriber fam!\n"
        "I have some good news and some bad news.\n"
        "The good news: Yesterday’s newsletter about Twitter’s Big Oil ad loophole went so "
        "well, MSNBC asked me to write a column about it.\n"
        "The bad news: I spent so long writing the column (which is now in editing) that I "
        "didn’t have time to write a newsletter for today."
    )
    assert "Hello, dear paid subscriber fam!" not in _points("A conversation about Keystone XL",
                                                            text)
    assert not_prose("Greetings Adventurers!", "en") == "greeting"
    assert not_prose("Hello Kitty sales rose 5% last year.", "en") is None
    assert not_prose("Hi-tech firms are booming!", "en") is None


def test_a_plug_ending_on_its_link_is_no_point() -> None:
    # A science channel's video (feed items 0:2): its description's one line was the brief.
    line = "Check Out Weathered on PBS Terra https://www.youtube.com/watch?v=znSN7ZFIaOg"
    assert not_prose(line, "en") == "promo"
    assert _points("Navigating with Quantum Entanglement", line) == []
    assert not_prose("Check out the code at https://github.com/x/y for the details.", "en") is None


def test_a_conjunction_opening_a_sentence_is_no_heading() -> None:
    # Review 35: "When She came home" was cut as a heading "When" glued to a sentence.
    for sentence in ("When She came home the lights were off.", "And He wants more time.",
                     "If You want to help, call the office."):
        assert unglue(sentence) == [sentence]


def test_a_closing_attribution_and_a_set_scene_lean_on_nothing() -> None:
    # Review 35: the fronted participle's pronoun matched "…, it said." at the end, and any
    # fronted phrase before "there was" made a teaser.
    assert not refers_back("Launched in 2015, the service now has 10 million users, it said.",
                           "en")
    assert refers_back("Founded in 1998, they said the firm grew.", "en")
    for sentence in ("After the storm, there was no power across the whole island.",
                     "Among the victims, there were two children."):
        assert not teaser(sentence) and not refers_back(sentence, "en"), sentence


def test_a_grade_and_an_elision_cut_no_quotation() -> None:
    # Review 35: 20 BBC sentences were barred as cut quotations for a grade or an elision.
    for sentence in (
        "S&P, which rates borrowers' creditworthiness, lifted India's rating by one notch to "
        "'BB+'.",
        "India's foreign currency rating is now one notch below investment grade, which starts "
        "at 'BBB-'.",
        "It's 'orrible.",
        "Many spammers rent out 'bot nets to help them anonymously send junk mail.",
        "Hijacked computers are known as zombies or 'bots and collections of them are called "
        "'bot nets.",
        "The word 'spam'—a tinned meat—now names junk mail.",
    ):
        assert not cut_single_quote(sentence), sentence
    assert cut_single_quote("So I wanted to say, 'You don't have to be over 60 to be a Republican.")

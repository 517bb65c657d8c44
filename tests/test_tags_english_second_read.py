"""English tags after the second read of the tag rules (6 December): "Disney+" is Disney's; two
companies joined by "&" are two names; a name's tail ("the commission") and "of" keep the name
whole ("#european-commission", "#bank-of-england")."""

from __future__ import annotations

from tests.support.tagging import brief_tags


def _tags(title: str, text: str) -> list[str]:
    return brief_tags(title, text, "en")


def test_a_streaming_service_with_a_plus_keeps_its_name() -> None:
    # Read: "#disney" lost: the "+" cut is for a short all-capitals word ("Dual ANT+").
    text = (
        "Disney+ will raise its monthly price by two dollars in October, the company said on "
        "Tuesday. Disney+ added fewer subscribers than expected in the last quarter. The "
        "ad-free plan of Disney+ will cost 15.99 dollars. Analysts said Disney+ needs to cut "
        "losses before the streaming unit turns a profit. Rivals including Netflix have also "
        "raised prices this year. Disney+ lost 4 million subscribers in India after losing "
        "cricket rights."
    )
    tags = _tags("Disney+ raises prices again as subscriber growth slows", text)
    assert "disney" in tags, tags


def test_two_companies_joined_by_an_ampersand_are_two_tags() -> None:
    # Read: "#apple-google"; the story writes each company alone too.
    text = (
        "Apple & Google said on Monday they would work together on alerts for unwanted "
        "trackers. Apple said the alerts would reach iPhones first. Google said Android phones "
        "would follow within weeks. Apple & Google have been criticised by privacy groups. "
        "Apple sells the AirTag tracker. Google makes Android, the most used phone software. "
        "Both Apple and Google said the standard would be open."
    )
    tags = _tags("Apple & Google team up on tracker alerts", text)
    assert "apple-google" not in tags and {"apple", "google"} <= set(tags), tags


def test_a_company_named_with_an_ampersand_stays_one_name() -> None:
    text = (
        "Johnson & Johnson agreed on Tuesday to pay 700 million dollars to settle claims over "
        "its talc powder. Johnson & Johnson denied any wrongdoing. Lawyers for the plaintiffs "
        "said Johnson & Johnson had known of the risk for decades. The settlement covers 42 "
        "states. Johnson & Johnson shares rose 1 percent."
    )
    tags = _tags("Johnson & Johnson settles talc claims", text)
    assert "johnson-johnson" in tags, tags


def test_a_name_tail_written_in_lower_case_later_keeps_the_name() -> None:
    # Read: "#european-commission" lost to "the commission said" on the second mention.
    text = (
        "The European Commission fined Meta 1.2 billion euros on Thursday over transfers of "
        "user data to the United States. The commission said Meta had ignored an earlier "
        "ruling. Meta said it would appeal the decision. The commission has fined technology "
        "companies several times this year. European Commission officials said the fine was "
        "the largest under the privacy law. Meta shares fell 2 percent after the announcement. "
        "The commission gave Meta five months to stop the transfers."
    )
    tags = _tags("European Commission fines Meta over data transfers", text)
    assert "european-commission" in tags and "meta" in tags, tags


def test_of_joins_a_bank_to_its_country() -> None:
    # Read: "#england" for the Bank of England.
    text = (
        "The Bank of England kept interest rates at 5.25 percent on Thursday. The bank said "
        "inflation had eased faster than expected. Governor Andrew Bailey said the bank was not "
        "yet ready to cut. The Bank of England has held rates at every meeting since August. "
        "Markets expect the bank to cut in the summer. British Airways and other companies had "
        "asked for lower borrowing costs. The bank's next decision is due in March."
    )
    tags = _tags("Bank of England holds rates as inflation eases", text)
    assert "england" not in tags and "bank-of-england" in tags, tags

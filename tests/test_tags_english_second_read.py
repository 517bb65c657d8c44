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

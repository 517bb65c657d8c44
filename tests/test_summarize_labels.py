"""Labels keep names written in camel case whole and as written (issue 11, second pass)."""

from __future__ import annotations

from collections import Counter

from bot.summarize.labels import _en_phrases, label_points, make_label
from bot.summarize.text import content_words


def _texts(point: str) -> list[str]:
    return [" ".join(w for w, _ in cand) for cand in _en_phrases(point)]


def test_a_camel_case_name_is_not_cut_off_its_phrase() -> None:
    # "the iPad Pro models" gave the label "Pro models": "iPad" read as a common word.
    phrases = _texts("Topics include follow-up from the event, the iPad Pro models and more.")
    assert "Pro models" not in phrases
    assert "iPad Pro models" in phrases and "iPad Pro" in phrases


def test_a_common_word_before_a_camel_case_name_still_joins_it() -> None:
    # "primary iPhone" stays one phrase, as before ("giant TimeWarner" splits: a real name).
    assert "primary iPhone" in _texts("Many people use the primary iPhone every single day.")
    assert "giant TimeWarner" not in _texts("The media giant TimeWarner said it would sell.")


def test_a_label_keeps_a_camel_case_name_as_written() -> None:
    point = "Developers say the iCloud backups were handed over after a court order."
    doc = Counter(content_words("iCloud backups iCloud backups court order court", "en"))
    assert make_label(point, doc, "en", set(), fallback=True) == "iCloud backups"
    points = [point, "The court order came after months of talks with the company."]
    labels = label_points(points, doc, "en", "", " ".join(points))
    assert labels[0] is None or not labels[0].startswith("ICloud")


def test_labels_that_only_date_or_grade_a_point_are_refused() -> None:
    # Read as an editor: "Pretty clear", "Recent report", "Special guest", "Delve deeper" and
    # "Solid enough" name no claim; a name or a real noun phrase of the point wins instead.
    doc = Counter(
        content_words("guest guest Serenity Caldwell Serenity Caldwell report report", "en")
    )
    point = "The show has a special guest, Serenity Caldwell, who reviewed the report."
    label = make_label(point, doc, "en", set(), fallback=True)
    assert label == "Serenity Caldwell"
    for weak in ("It seems pretty clear that the chip is coming.",
                 "A recent report came out about the chip.",
                 "The new chip looks solid enough for most people."):
        got = make_label(weak, Counter(content_words(weak + weak, "en")), "en", set(),
                         fallback=True)
        assert got not in {"Pretty clear", "Recent report", "Solid enough"}, got

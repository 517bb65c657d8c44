"""English per-sentence work that a cheap check skips (issue 26, summarizer speed on short
BBC articles): each shortcut gives what the full reading gave, and the reading it skips is
not done."""

from __future__ import annotations

import random
import re

import pytest

from bot.summarize import text as text_module
from bot.summarize.lang.en import segment, sentences
from bot.summarize.lang.en.tagging import names
from bot.summarize.text import detect_language

PROSE = [
    "The council approved the budget on Monday.",
    "It will raise spending on schools by 5%.",
    "Critics said the plan came too late.",
    "A vote on the rest is due next week.",
    "The mayor welcomed the decision.",
    "Opposition members walked out.",
]
NOTES = [
    "Sponsored by:", "Squarespace: make your next move", "Links:", "Debate over lighting",
    "Orders stop 8 PM Monday evening", "Is it worth cleaning dust out of MacBooks?",
    "Post-show:", "A closing thought", "Another thought",
]


def test_show_notes_reads_no_line_ending_under_fewer_than_two_heads(
        monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    unmarked = segment._unmarked
    monkeypatch.setattr(segment, "_unmarked", lambda s: read.append(s) or unmarked(s))
    assert segment.show_notes(PROSE) == set()
    assert segment.show_notes([*PROSE, "Links:"]) == set()
    assert read == []  # a story's prose: no line's ending read
    assert segment.show_notes(NOTES) == set(range(len(NOTES)))  # heads are short lines too
    assert read  # show notes: every line's ending read


def _opening_given_by_search(surname: str, body: str) -> tuple[int, int, str] | None:
    m = re.search(r"(?:^|(?<=\n))([A-Z][a-z]+) " + re.escape(surname) + r"\b", body)
    return None if m is None else (m.start(), m.end(), m.group(1))


SURNAMES = ["Tucker", "McVay", "Smith-Jones", "O'Neil"]
TRICKY_OPENING = [
    ("Tucker", "Rion Tucker is covering ground.\nTucker canvassed."),
    ("Tucker", "Later Tucker said.\nRion Tucker went.\nAnn Tucker"),
    ("Tucker", "said Rion Tucker\nRION Tucker\nRion  Tucker\nRion Tuckers\nRion Tucker_"),
    ("Tucker", "Al Tucker"),
    ("Tucker", "x\n\nRion Tucker5 Rion Tucker\nEd Tucker-Smith"),
    ("McVay", "Sean McVay\nSean McVayé\n Sean McVay"),
    ("Smith-Jones", "Ann Smith-Jones\nAnn Smith-Joness"),
    ("O'Neil", "Ed O'Neil's plan\nEd O'Neil"),
]
OPENING_PIECES = ["Tucker", "Rion", "rion", "A", "Ann", " ", "\n", "-", "_", "5", "é", "'",
                  "McVay", "Smith-Jones", "O'Neil", "s", "Ré"]


@pytest.mark.parametrize(("surname", "body"), TRICKY_OPENING)
def test_opening_given_is_what_the_search_found(surname: str, body: str) -> None:
    assert names.opening_given(surname, body) == _opening_given_by_search(surname, body)


def test_opening_given_is_what_the_search_found_on_random_text() -> None:
    rng = random.Random(2612)
    for _ in range(4000):
        body = "".join(rng.choice(OPENING_PIECES) for _ in range(rng.randint(0, 12)))
        for surname in SURNAMES:
            assert names.opening_given(surname, body) == _opening_given_by_search(
                surname, body), (surname, body)


def test_named_in_full_builds_no_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    def built(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pattern built per surname")

    body = "Rion Tucker is covering a lot of ground.\nTucker canvassed the town."
    monkeypatch.setattr(re, "search", built)
    monkeypatch.setattr(re, "compile", built)
    assert names.named_in_full("Tucker", body, set()) == "Rion Tucker"


class _Unread:
    """A pattern that must not be used."""

    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"pattern used: {name}")


DETECTED = [
    ("The council said the plan was on track and that it would go ahead.", "en"),
    ("Der Rat sagte, dass die Pläne nicht mit dem Haushalt übereinstimmen.", "de"),
    ("정부가 3일 수도권 부동산 대책을 발표했다.", "ko"),
    ("The word 東京 in a sentence that is English.", "en"),
    ("東京は日本の首都です。", "ja"),
    ("Москва — столица России, сказал он.", "ru"),
    ("", "en"),
    ("12 34", "en"),
]


@pytest.mark.parametrize(("text", "lang"), DETECTED)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_an_ascii_sample_is_read_for_no_other_script(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_hangul_count(sample: str) -> int:
        raise AssertionError("an ASCII sample's Hangul counted")

    monkeypatch.setattr(text_module, "_hangul_syllables", no_hangul_count)
    monkeypatch.setattr(text_module, "_ANY_SCRIPT", _Unread())
    assert detect_language("The council said the plan was on track, and it would go.") == "en"
    assert detect_language("Le conseil a dit que le plan est dans les temps.") == "fr"


TRICKY_NOTES = [
    "a first-class concept,1 and more", "It cost £1,000 and more", "in 2,500 homes, 3 of them",
    "ab,12 x", "ab,123 x", "ab;1 x", "a,1 x", "_b,1 x", "éé,1 x", "ab,1 X", "ab,1  x", "ab,1x",
    "ab,\n1 x", "ab, 1 x", "12,1 x", "x1,1 x", "ab,1",
]
NOTE_PIECES = ["ab", "a", "1", "12", ",", ";", " ", "x", "X", "_", "é", "£", "\n"]


def test_note_hint_finds_where_inner_notes_are() -> None:
    rng = random.Random(261)
    lines = TRICKY_NOTES + ["".join(rng.choice(NOTE_PIECES) for _ in range(rng.randint(0, 12)))
                            for _ in range(20000)]
    for line in lines:
        assert (sentences.NOTE_HINT.search(line) is None) == (
            sentences.INNER_NOTE.search(line) is None), line


def test_numbers_are_no_note_hint() -> None:
    assert sentences.NOTE_HINT.search("It cost £1,000 and 2,500 more; 3 of them") is None


TRICKY_ENDINGS = [
    "It happened off the coast of .", "Crews went in.", "We dream of.", "He saw the.",
    "He saw a.'", "He saw an.)", "Off the coast of .'", "A stop the.\n", "ok.", "Theta.",
    "Banana.", "Grand Canyon.", "x of .\"", "end of .”’", "Data.", ".", " .", "a.",
]
ENDING_PIECES = ["the", "a", "an", "of", "in", " ", ".", "'", "”", ")", "x", "\n", "ta", "ban"]


def test_lost_words_are_searched_only_where_they_can_end() -> None:
    rng = random.Random(2026)
    texts = TRICKY_ENDINGS + ["".join(rng.choice(ENDING_PIECES) for _ in range(rng.randint(0, 9)))
                              for _ in range(20000)]
    for text in texts:
        closed = text.rstrip("\"”’')")
        before = closed.endswith(".") and segment.LOST_WORD.search(text[-10:]) is not None
        now = closed.endswith(segment.LOST_ENDINGS) and segment.LOST_WORD.search(
            text[-10:]) is not None
        assert before == now, text


def test_a_sentence_ending_on_a_word_is_not_searched_for_a_lost_word(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segment, "LOST_WORD", _Unread())
    assert segment.broken("The council approved the budget on Monday.") is None

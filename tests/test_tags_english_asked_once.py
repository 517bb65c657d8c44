"""English tagging asks its costly questions of a name only where the answer can change the
tag (issue 26, summarizer speed): the same tags, less work."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from bot.summarize.lang.en import tagging
from bot.summarize.lang.en import tags as rules
from bot.summarize.lang.en.tagging import names, people, runs


def test_a_name_without_a_private_mark_is_not_read_as_a_person(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # No age, home or private description at any mention: the name is no private person
    # whatever the pronouns after it say, so they are not read.
    body = "Jane Doe said the plan works. Doe said she would vote for it."
    asked: Counter[str] = Counter()
    reads = people._reads_as_person

    def counted(name: str, *args: object) -> bool:
        asked[name] += 1
        return reads(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(people, "_reads_as_person", counted)
    assert people.unfollowed_person("Jane Doe", body) is False
    assert not asked


def test_a_private_mark_still_makes_a_person_a_private_one() -> None:
    body = "Jane Doe, 48, said she had waited a year. Doe said her street flooded."
    assert people.unfollowed_person("Jane Doe", body) is True


@pytest.mark.parametrize(("body", "reads"), [
    # No first name is written before "Zhou" ("Mr" is none) and no two-word form: no rule
    # asks whether Zhou is written as a person's.
    ("Zhou said the factory is new.\nMr Zhou left at noon.\nZhou will return.", 0),
    # "Chris Zhou" mid-sentence, with no age or role beside it: the given-name rule asks.
    ("Zhou said the factory is new.\nThe visit by Chris Zhou ended at noon.\nZhou will "
     "return.", 1),
])
def test_a_headline_surname_is_read_as_a_person_only_when_a_rule_asks(
        monkeypatch: pytest.MonkeyPatch, body: str, reads: int) -> None:
    # The headline writes "Zhou" alone: the given-name and the introduced-in-full rules may
    # both need whether the story writes Zhou as a person's (every mention's word before it).
    title = "Zhou visits the factory"
    asked: Counter[str] = Counter()
    is_person = tagging._is_person

    def counted(e: tagging._Entity, text: str) -> bool:
        asked[e.name] += 1
        return is_person(e, text)

    monkeypatch.setattr(tagging, "_is_person", counted)
    entity = tagging._Entity("Zhou", 3)
    assert tagging._tag_name(entity, title, body, set()) == "Zhou"
    assert asked["Zhou"] == reads


def test_the_sentence_before_a_mention_is_cut_only_after_a_mark(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The word right before a mention is the last word of its sentence or there is none, so
    # the sentence is cut (a pattern over the 50 characters before) only when it is a mark.
    cuts: list[int] = []
    cut = people._before_in_sentence

    def counted(body: str, start: int) -> list[str]:
        cuts.append(start)
        return cut(body, start)

    monkeypatch.setattr(people, "_before_in_sentence", counted)
    body = "The council met Jean Hay on Monday."
    start = body.index("Jean")
    assert people._private_mark(body, start, start + len("Jean Hay"), "jean") is False
    assert not cuts


@pytest.mark.parametrize(("body", "own", "marked"), [
    ("Police said pensioner Jean Hay was hurt.", "jean", True),
    ("It was the pensioner. Jean Hay was hurt.", "jean", False),  # another sentence's word
    ("The pensioner Sgt. Jean Hay was hurt.", "jean", True),  # "Sgt." ends no sentence
    ("Rescuers found Inspector Morse Hay.", "inspector", False),  # the name's own word
    ("Officers found pensioner, Jean Hay, at home.", "jean", True),
])
def test_a_private_mark_is_the_word_before_in_its_sentence(body: str, own: str,
                                                           marked: bool) -> None:
    name = "Inspector Morse Hay" if own == "inspector" else "Jean Hay"
    start = body.index(name)
    assert people._private_mark(body, start, start + len(name), own) is marked


def test_a_person_reading_asked_late_gives_what_the_reading_given_did() -> None:
    # Main treated any callable as true, so only a reading that says "not a person" can tell a
    # late reading from an early one; a reading asked is asked at most once a rule.
    body = "The visit by Chris Zhou ended at noon. Zhou will return."
    forms = {"Zhou Yongkang": 1, "Zhou": 3}
    story = "Zhou Yongkang visited the plant. Zhou said it was new."
    for person in (True, False):
        asked: list[bool] = []

        def reading(person: bool = person, asked: list[bool] = asked) -> bool:
            asked.append(person)
            return person

        assert names.given_name("Zhou", body, reading, set()) \
            == names.given_name("Zhou", body, person, set())
        assert len(asked) <= 1
        asked.clear()
        assert names.introduced_in_full("Zhou", forms, story, reading) \
            == names.introduced_in_full("Zhou", forms, story, person)
        assert len(asked) <= 1


class _NoScan:
    """MID_CAP with every method but ``findall`` (the scan of a whole body) passed through."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def findall(self, text: str) -> list[str]:
        raise AssertionError("the whole body was scanned for mid-sentence capitals")

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.pattern.match(text, pos)


def test_mid_sentence_capitals_are_read_only_for_the_words_asked(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Only a sentence's first word and the headline's words ask whether the story writes them
    # capitalised mid-sentence: the body is not scanned for every such word (0.18 M
    # instructions of a BBC brief's 7.78, stop 46).
    monkeypatch.setattr(rules, "MID_CAP", _NoScan(rules.MID_CAP))
    sentences = ["Acme said on Monday it would close.", "Its rival, Acme, said nothing.",
                 "Acme's shares fell."]
    assert tagging.keywords("Acme to close", sentences)["Acme"] == 6


@pytest.mark.parametrize("body", [
    "He met O’Brien, then O'Brien's aide. O’Brien’s view won.",
    "The firm; Acme's rival, said Zeta's. And Zeta said so.\nAcme's plan",
    "a Bob's's b Bob's c X x Y-Z, and Q&A; then R's",
])
def test_a_word_is_written_mid_sentence_as_the_set_of_all_such_words_said(body: str) -> None:
    every = {m.replace("’", "'").removesuffix("'s") for m in rules.MID_CAP.findall(body)}
    written = runs._mid_caps(body)
    asked = {w.replace("’", "'").removesuffix("'s") for w in body.split()} | every \
        | {"O'Brien's", "Bob's", "Bob's's", "", "x", "Q&A;"}
    for word in sorted(asked):
        assert written(word) == (word in every), word

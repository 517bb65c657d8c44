"""English tagging asks its costly questions of a name only where the answer can change the
tag (issue 26, summarizer speed): the same tags, less work."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.summarize.lang.en import tagging
from bot.summarize.lang.en.tagging import people


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


def test_a_headline_surname_is_read_as_a_person_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # The headline writes "Zhou" alone and the body names no first name: both the given-name
    # and the introduced-in-full questions take whether the story writes Zhou as a person's.
    title = "Zhou visits the factory"
    body = "Zhou said the factory is new.\nMr Zhou left at noon.\nZhou will return."
    asked: Counter[str] = Counter()
    is_person = tagging._is_person

    def counted(e: tagging._Entity, text: str) -> bool:
        asked[e.name] += 1
        return is_person(e, text)

    monkeypatch.setattr(tagging, "_is_person", counted)
    entity = tagging._Entity("Zhou", 3)
    assert tagging._tag_name(entity, title, body, set()) == "Zhou"
    assert asked == Counter({"Zhou": 1})

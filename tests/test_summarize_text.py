"""Sentence splitting and language detection, English and Korean edge cases."""

from __future__ import annotations

import pytest

from bot.summarize import detect_language, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. economy grew 3.5% last year. Officials were pleased.",
         ["The U.S. economy grew 3.5% last year.", "Officials were pleased."]),
        ("Dr. Smith met Mr. Jones at 10 a.m. on Monday. They talked.",
         ["Dr. Smith met Mr. Jones at 10 a.m. on Monday.", "They talked."]),
        ('He said: "It is over." Then he left.', ['He said: "It is over."', "Then he left."]),
        ('"Is it true?" she asked. Nobody answered!', ['"Is it true?" she asked.',
                                                      "Nobody answered!"]),
        ("Rates rose to 4.25 per cent. Markets fell 1.2%.",
         ["Rates rose to 4.25 per cent.", "Markets fell 1.2%."]),
        ("Sales rose in the U.S. The firm said so.", ["Sales rose in the U.S.",
                                                     "The firm said so."]),
        ("First line without stop\nSecond line.", ["First line without stop", "Second line."]),
        ("Prices fell… Then they rose.", ["Prices fell…", "Then they rose."]),
        # An editor's "[sic]" after a quoted exclamation belongs to the quotation it marks.
        ("She wrote: 'the white man pays her, they own her!! [sic]'. The comment came later.",
         ["She wrote: 'the white man pays her, they own her!! [sic]'.",
          "The comment came later."]),
        ("He tweeted 'We lost!' (sic) and left. Fans agreed.",
         ["He tweeted 'We lost!' (sic) and left.", "Fans agreed."]),
    ],
)
def test_english(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("정부는 예산을 늘렸다. 연구자들은 환영했다.",
         ["정부는 예산을 늘렸다.", "연구자들은 환영했다."]),
        ("정부는 예산을 늘렸다.그러나 연구자들은 반발했다.",
         ["정부는 예산을 늘렸다.", "그러나 연구자들은 반발했다."]),
        ("성장률은 3.5%를 기록했다. 전년보다 높다.",
         ["성장률은 3.5%를 기록했다.", "전년보다 높다."]),
        ("“연구비가 부족합니다.” 그는 말했다.", ["“연구비가 부족합니다.”", "그는 말했다."]),
        ("마침표 없는 문장이다\n다음 문장이다", ["마침표 없는 문장이다", "다음 문장이다"]),
        ("정말 그럴까? 아무도 모른다.", ["정말 그럴까?", "아무도 모른다."]),
        ("U.S. 정부는 발표했다.이어 한국도 발표했다.",
         ["U.S. 정부는 발표했다.", "이어 한국도 발표했다."]),
    ],
)
def test_korean(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "ko") == expected


def test_empty_and_whitespace() -> None:
    assert split_sentences("", "en") == []
    assert split_sentences(" \n\n \t", "ko") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The council voted on Tuesday to build new bicycle lanes in the city.", "en"),
        ("정부는 기초과학 예산을 늘리기로 했다고 밝혔다.", "ko"),
        ("KAIST 연구팀은 AI 기반 반도체 설계 기술을 개발했다고 밝혔다.", "ko"),
        ("Le conseil municipal a voté pour la construction de pistes cyclables dans la ville.",
         "fr"),
        ("Der Stadtrat hat am Dienstag beschlossen, dass die Radwege nicht gebaut werden.", "de"),
        ("東京の天気は晴れです。", "ja"),
        ("北京今天天气很好。", "zh"),
        ("Совет города проголосовал за новые велодорожки.", "ru"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", ["", "12345 !!!", "\x00\ufffd", "🙂🙂🙂"])
def test_detect_language_never_crashes(text: str) -> None:
    assert isinstance(detect_language(text), str) and detect_language(text)


# Issue 28, English points that are not clean prose, the literal cases: a footnote
# mark glued inside a sentence ("concept,<sup>1</sup> and"); its mark after a sentence end was
# already dropped.
def test_a_footnote_mark_inside_a_sentence_is_dropped() -> None:
    text = ("In Go, errors are a first-class concept,1 and the compiler checks that you handle "
            "them. This is the Go programming language.2 It was designed at Google.")
    assert split_sentences(text, "en") == [
        "In Go, errors are a first-class concept, and the compiler checks that you handle "
        "them.",
        "This is the Go programming language.",
        "It was designed at Google.",
    ]


@pytest.mark.parametrize("sentence", [
    "The firm sold 1,000 and then 2,000 units in its first year on the market.",
    "Its 2019,12 and 2020,14 ratings were both recorded by the regulator in Paris.",
])
def test_numbers_after_a_comma_are_not_footnote_marks(sentence: str) -> None:
    assert split_sentences(sentence, "en") == [sentence]


# "to  perpetuate": a typographic space from an HTML entity beside a plain one shows as two.
@pytest.mark.parametrize("space", ["\u2009", "\u2002", "\u2003", "\u202f", "\u3000"])
def test_typographic_spaces_read_as_one_space(space: str) -> None:
    text = f"The old guard wanted to{space} perpetuate the myth that all was well at the firm."
    assert split_sentences(text, "en") == [
        "The old guard wanted to perpetuate the myth that all was well at the firm."]

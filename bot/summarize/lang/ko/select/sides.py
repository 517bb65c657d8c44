"""The sides a Korean headline quotes ("…경호처 “사실 무근” 공조본 “채증됐다”"): who speaks in
it, as written, for the selector's ``headline_gain`` and for a point that opens on the
contrast the headline itself draws ("반면 공조본은 …").

Stop 43's read of ko229 found our brief gave 경호처's denial twice and never 공조본's claim,
which the headline puts beside it: Kiwi read the headline's "공조본" as 공조 + 보 + ㄴ (so no
sentence's "공조본" carried it), and both sentences of 공조본's side open on "반면", which leaned
back.
"""

from __future__ import annotations

import re

# A quotation's speaker named just before it ("공조본 “채증됐다”"), or a headline's last
# word: no modifier ("…ㄴ") stands there, so Kiwi's noun + verb + "ㄴ" (공조 + 보 + ㄴ) is a
# name it misread, and the word as written (공조본) is the noun a point names its side by.
NAME_END = re.compile(r"\s*(?:[“\"‘']|$)")
NOUN_TAGS = frozenset({"NNG", "NNP"})


def written_names(title: str, morphs: list[tuple[str, str, int, int]],
                  ) -> list[tuple[str, str, int]]:
    """``morphs`` as (form, tag, start), a noun Kiwi read as noun + verb + modifier ending
    before a quotation or the headline's end (``NAME_END``) given back as the word written."""
    out: list[tuple[str, str, int]] = []
    skip = 0
    for i, (form, tag, start, end) in enumerate(morphs):
        if skip:
            skip -= 1
            continue
        if tag in NOUN_TAGS and i + 2 < len(morphs):
            verb, ending = morphs[i + 1], morphs[i + 2]
            if (verb[1] in ("VV", "VA") and verb[2] == end and ending[1] == "ETM"
                    and ending[2] == verb[2] and NAME_END.match(title, ending[3])):
                out.append((title[start:ending[3]], "NNP", start))
                skip = 2
                continue
        out.append((form, tag, start))
    return out


# A headline's speakers: a word of two or more Hangul letters right before an opening quote
# ("경호처 “사실 무근”"); a quotation that opens the headline has none.
SPEAKER = re.compile(r"(?<![가-힣])([가-힣]{2,})\s?[“\"]")
# An opening contrast: "반면", "반면에", then the sentence's first topic or subject.
CONTRAST = re.compile(r"^반면(?:에)?,?\s+")
TOPIC = re.compile(r"(?<![가-힣])([가-힣]{2,}?)(?:은|는|이|가|측은|측도)\s")


def speakers(title: str) -> frozenset[str]:
    """The sides ``title`` quotes, as written: "공조본" and "경호처" in "…경호처 “사실 무근”
    공조본 “채증됐다”"."""
    return frozenset(SPEAKER.findall(title))


def contrast_shown(sentence: str, title: str) -> str:
    """``sentence`` with an opening "반면" set aside where the sentence's first topic or
    subject is a side the headline quotes ("반면 공조본은 …" under "…경호처 “사실 무근” 공조본
    “채증됐다”"): the headline shows the contrast, so the point leans on nothing the reader
    lacks. Any other sentence is given back as it is (the lean-back rules read it)."""
    if not sentence.startswith("반면"):
        return sentence
    opening = CONTRAST.match(sentence)
    if opening is None:
        return sentence
    sides = speakers(title)
    if len(sides) < 2:
        return sentence  # a contrast needs two sides the headline shows
    topic = TOPIC.search(sentence, opening.end())
    if topic is None or topic[1] not in sides:
        return sentence
    return sentence[opening.end():]

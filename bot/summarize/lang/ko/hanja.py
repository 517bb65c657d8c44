"""Hanja a Korean headline writes for a word its body writes in Hangul ("小寒" for 소한, "檢" for
검찰, "尹" for 윤): one table, read by the tagger (``tags``) and the sentence selector
(``select``), and ``read_headline`` which gives a headline back in the body's words.

Kiwi reads a headline's Hanja as a Hanja morpheme (SH) that no Hangul sentence carries, so a
sentence that tells the headline's word in Hangul got no credit for it: ko233's headline "이름값
하는 小寒... 내일 아침 최저 영하 12도" lost its second sentence "소한(小寒)인 5일에는 중부지방을
중심으로 폭설이 예고됐다." to background about the winter solstice.
"""

from __future__ import annotations

import re

# One-character abbreviations of a country, a party, an institution or a thing, each to the
# words a body writes for it, its plain reading first (counted in the 290 Korean feed items'
# headlines: 野 3, 車 3, 檢 3, 北, 與, 中, 軍; the bodies write "야당"/"민주당", "차량",
# "검찰", "북한", "군 지휘부"). Modifiers are left out, they are no topic: 前 (former), 故 (the
# late), 男/女 ("추정男", "女 민원인").
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "北": ("북한",), "美": ("미국",), "中": ("중국",), "日": ("일본",),
    "與": ("여당", "국민의힘"), "野": ("야당", "민주당"),
    "檢": ("검찰",), "軍": ("군",), "車": ("차량", "자동차", "승용차"),
}
# The abbreviations the tagger reads as the word before it asks for the headline's subject
# ("北, 동해상으로 …" makes #북한 its subject): the countries and parties its rules were read
# with; the rest would move tags nobody has read.
TAGGED_ABBREVIATIONS = ("北", "美", "中", "日", "與", "野")
# Glued after a Hangul noun, 中 is "among" or "during", no country ("범죄中 33.1%가 성폭력"):
# read so, it is no headline noun (one syllable).
AFTER_A_NOUN = {"中": "중"}
# Hanja words of two or more characters, each to its Hangul reading, which a body often writes
# beside it ("소한(小寒)인 5일", "인도(人道)에서").
WORDS: dict[str, str] = {
    "小寒": "소한", "大寒": "대한", "監査": "감사", "人道": "인도", "父子": "부자",
}
# Hanja surnames a headline writes for a public figure ("尹 체포 저지", "崔 접근 치밀", "金여사"),
# each to the Hangul surname the body writes with the full name or a post: read by the tagger
# (``tagging.people``); the selector leaves them unread (``select.headline_nouns`` says why).
SURNAMES: dict[str, str] = {
    "尹": "윤", "李": "이", "文": "문", "朴": "박", "金": "김", "崔": "최", "韓": "한", "安": "안",
    "洪": "홍", "曺": "조", "趙": "조", "鄭": "정", "吳": "오",
}
_HANJA = re.compile(r"[一-龥]+")


def read_headline(title: str) -> str:
    """``title`` with the Hanja words of ``WORDS`` and ``ABBREVIATIONS`` written in Hangul (the
    plain reading; 中 after a noun as "중"), so the analyser reads the body's word: "이름값 하는
    小寒..." -> "이름값 하는 소한...", "음주車…" -> "음주 차량…". Surnames and any other Hanja
    stay as written."""
    if _HANJA.search(title) is None:
        return title

    def hangul(m: re.Match[str]) -> str:
        run, at = m.group(0), m.start()
        if run in WORDS:
            return WORDS[run]
        out = []
        for i, char in enumerate(run):
            before = title[at + i - 1] if at + i else ""
            after = title[at + i + 1] if at + i + 1 < len(title) else ""
            if _is_hangul(before) and char in AFTER_A_NOUN:
                out.append(AFTER_A_NOUN[char])
            elif char in ABBREVIATIONS:
                # a word of its own: "음주車" is 음주 + 차량, "北전쟁관" 북한 + 전쟁관
                out.append((" " if _is_hangul(before) else "") + ABBREVIATIONS[char][0]
                           + (" " if _is_hangul(after) else ""))
            else:
                out.append(char)
        return "".join(out)
    return _HANJA.sub(hangul, title)


def _is_hangul(char: str) -> bool:
    return "가" <= char <= "힣"


def readings(title: str) -> dict[str, tuple[str, ...]]:
    """The Hangul words ``read_headline`` put in ``title``, each with every word a body may
    write for it ("야당": ("야당", "민주당")); a word the table reads one way maps to itself."""
    out: dict[str, tuple[str, ...]] = {}
    for run in _HANJA.findall(title):
        if run in WORDS:
            out[WORDS[run]] = (WORDS[run],)
            continue
        for char in run:
            words = ABBREVIATIONS.get(char)
            if words is not None:
                out[words[0]] = words
    return out

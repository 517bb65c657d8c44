"""Korean names that English writes otherwise: what the grounding check (``bot.summarize.
grounding``) accepts for a Hangul name in English text, and the other way round, where the
consonant skeletons of ``bot.summarize.translit`` cannot see it."""

from __future__ import annotations

# Korean names of places whose English names share no sounds with them.
EXONYMS: dict[str, tuple[str, ...]] = {
    "미국": ("us", "u.s", "usa", "america", "american", "americans", "united"),
    "영국": ("uk", "britain", "british", "england", "english"),
    "중국": ("china", "chinese", "beijing"), "일본": ("japan", "japanese", "tokyo"),
    "한국": ("korea", "korean", "south"), "남한": ("korea", "korean", "south"),
    "북한": ("korea", "pyongyang", "north"), "독일": ("germany", "german", "berlin"),
    "유럽": ("europe", "european", "eu"), "유럽연합": ("eu", "european", "union"),
    "호주": ("australia", "australian"), "대만": ("taiwan", "taiwanese"),
    "백악관": ("white", "house"), "유엔": ("un", "united", "nations"),
    "스페인": ("spain", "spanish"), "네덜란드": ("netherlands", "dutch"),
    "그리스": ("greece", "greek"), "멕시코": ("mexico", "mexican"),
    "남극": ("antarctica", "antarctic"), "북극": ("arctic",), "지구": ("earth",),
}
# Romanised Korean surnames that share no consonant with their Hangul ("Lee" = 이).
SURNAMES = {"lee": "이", "yi": "이", "rhee": "이", "oh": "오", "yoo": "유", "yu": "유",
             "ahn": "안", "an": "안", "eom": "엄", "woo": "우", "yoon": "윤", "yun": "윤"}

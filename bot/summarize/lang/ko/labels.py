"""Korean label rules: when a key phrase may stand in bold over a point.

Read by ``bot.summarize.lang.ko.labelling``; a change here cannot move English labels.
"""

from __future__ import annotations

import re

# Nouns that never open or close a label: "경우 뉴호라이즌호" ("in the case of") and "수당
# 가운데" ("among the allowances") read as garbled; these place clauses, they name no subject.
NEVER_FIRST = frozenset(
    """경우 때 뒤 후 전 중 가운데 사이 동안 이후 이전 당시 대신 반면 외 이상 이하 이내 관련 대비
    위 아래 앞 옆 속 밖 안 끝 결과 덕분 탓 때문 만큼 정도 측 쪽 등 및 또""".split()
)
# After the phrase: it is what the point says something is NOT ("살인 피해자가 아니라", "…로
# 오인된").
NEGATING_AFTER = re.compile(
    r"^\S{0,3}\s*(?:아니|아닌|않|없|오인|착각|잘못\s*알려|로\s*오인|으로\s*오인|라는\s*오해)"
)
# A label names the point's subject: the phrase is followed by a topic particle ("경호처는");
# "소속 정당" in "김 군수는 소속 정당인 국민의힘을 탈당했다" is not what the point is about.
# A subject particle (이/가) is not enough: it often marks a relative clause's subject
# ("대통령 경호처가 벌인 대치 상황은 …" is about the standoff).
SUBJECT_AFTER = re.compile(r"^(?:은|는|께서는|측은)(?=[\s,])")
# A subject particle, which names the point's subject only in the main clause
# (``korean.main_clause_subject``).
SUBJECT_PARTICLE_AFTER = re.compile(r"^(?:이|가|께서)(?=[\s,])")
# A subject or topic before the label: the sentence is about that one, not the label.
SUBJECT_BEFORE = re.compile(r"[가-힣A-Za-z0-9)](?:은|는|이|가|께서)\s")

# Phrases: which written words are nouns a label may be made of.
# Korean noun particles: a word ending in one of these (with a stem of 2+ syllables left) is a
# noun with its particle; what is left is the noun. Verb endings are not in this list on purpose.
NOUN_PARTICLES = sorted(
    """은 는 이 가 을 를 의 에 에서 에게 께서 으로 로 와 과 도 만 까지 부터 보다 처럼 에는
    에서는 으로는 로는 에도 에서도 과의 와의 에게서 으로써 로써 들이 들은 들을 들의 들도 이나
    라는 이라는""".split(),
    key=len,
    reverse=True,
)
# Bare words ending like this are verb or adjective forms ("맞아", "늘려", "따라", "있는"), or
# nouns we cannot tell from them; either way they are no part of a label.
VERB_END = (
    "다", "고", "며", "는", "한", "된", "할", "될", "던", "게", "지", "서", "면", "니다", "요",
    "아", "어", "여", "려", "해", "했", "돼", "됐", "자", "니", "도록", "듯", "든", "며", "야",
    "라", "함", "음", "임", "적", "히", "이", "을", "를", "은", "의", "에", "로", "와", "과",
    # Adnominal forms ("효과적인", "바꾼", "다른"); nouns ending like this are rare enough.
    "인", "운", "른", "꾼", "쓴", "친", "린", "낸", "든", "큰", "긴", "닌",
)
# Noun stems that are really verb or adjective stems once a particle-like ending is cut off
# ("개발하는" -> "개발하", "가까이" -> "가까").
BAD_STEM_END = ("하", "되", "했", "됐", "있", "없", "같", "않", "까", "려", "르")
NOT_KEY = frozenset(
    """이번 지난 올해 내년 작년 지난해 금년 전년 현재 최근 이후 이전 당시 가운데 관련 대해 통해
    위해 이날 오늘 어제 내일 그동안 앞서 또한 하지만 그러나 그리고 다만 특히 이같은 이런 그런
    이와 같은 모든 여러 일부 먼저 아닌 다시 이미 아직 바로 더욱 계속 각각 직접 새로 아주
    서로 대부분 가장 매우 약 모두 함께 기존 기준 수준 경우 정도 때문""".split()
)

PUNCT = "\"'“”‘’()[]<>「」『』《》〈〉,.·…!?:;"
MAX_WORDS = 3

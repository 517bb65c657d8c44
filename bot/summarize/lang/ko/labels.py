"""Korean label rules: when a key phrase may stand in bold over a point.

Read by ``bot.summarize.labels``; a change here cannot move English labels.
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

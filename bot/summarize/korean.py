"""Korean morphology through Kiwi (kiwipiepy, with the model from kiwipiepy-model): nouns and
compounds for labels and tags, and whether a clause has a subject of its own.

The analyser takes a second or two and ~100 MB to load, so it is loaded lazily, once per
process, the first time Korean text is seen; an English-only bot never pays for it. Only the
few sentences that need it are analysed (the chosen points, the headline, the candidates whose
opening is in doubt), each once (cached), which keeps a 2,000-character article within a few
milliseconds of analysis. When the package is missing, callers fall back to the particle rules
in ``labels`` and ``tags``.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from bot.logs import get_log

log = get_log(__name__)

_lock = threading.Lock()
_kiwi: Any = None
_failed = False

_NOUN = frozenset({"NNG", "NNP", "SL", "SH", "SN", "XPN", "XSN", "NR"})
_HEAD_NOUN = frozenset({"NNG", "NNP", "SL", "SH"})
# Generic nouns no reader subscribes to and no label should rest on.
GENERIC = frozenset(
    """연구 사람 이번 지난 올해 현재 최근 이후 경우 때문 관계자 이상 가운데 내년 작년 지난해
    오늘 어제 내일 이날 당시 국내 해외 일부 전체 결과 문제 방법 부분 사실 생각 정도 수준 기준
    필요 가능 사용 진행 개발 대상 분야 관련 이용 과정 내용 상황 시간 세계 시작 확인 설명 발표
    기자 뉴스 사진 제공 무단 전재 배포 금지 오전 오후 시장 이야기 자신 모습 우리 다음 처음
    정부 국가 기관 지역 사회 효과 영향 목표 계획 전망 예정 가능성 중요 역할 기술 방식 이유
    지적 변화 교수 이미지 발굴 주장 분석 평가 공개 제공 제작 발견 성공 강조 예상 기대 학생 연구진
    연구팀 연구원 박사 교수팀 관계자 전문가 뒷전 비밀 최대 최고 최초 이상 이하 정보 자료 팀 시각
    미래 현상 공동
    때 것 수 등 명 곳 점 년 월 일 개 번 위 중 간 측 뒤 앞 말 적""".split()
)


def analyser() -> Any:
    """The shared Kiwi instance, loaded on first use; None when kiwipiepy is unavailable."""
    global _kiwi, _failed
    if _kiwi is not None or _failed:
        return _kiwi
    with _lock:
        if _kiwi is None and not _failed:
            try:
                from kiwipiepy import Kiwi

                _kiwi = Kiwi()
                log.info("korean.analyser_loaded")
            except Exception as exc:  # a missing or broken model must not stop briefing
                _failed = True
                log.warning("korean.analyser_unavailable", error=exc)
    return _kiwi


Morph = tuple[str, str, int, int]  # (form, tag, start, end) in the analysed text


@lru_cache(maxsize=8192)
def morphs(text: str) -> tuple[Morph, ...]:
    """Kiwi's morphemes of ``text``; empty when the analyser is unavailable or fails."""
    kiwi = analyser()
    if kiwi is None or not text.strip():
        return ()
    try:
        return tuple((t.form, t.tag, t.start, t.start + t.len) for t in kiwi.tokenize(text))
    except Exception as exc:
        log.warning("korean.analysis_failed", chars=len(text), error=exc)
        return ()


def available() -> bool:
    return analyser() is not None


def subjectless(sentence: str) -> bool:
    """Whether the sentence ends a main clause (a final ending) with no subject or topic
    anywhere before it: a clause that leans on the sentence before ("…를 운영하며 … '국가
    두뇌'와도 같습니다" — who?). Only 이/가, 께서, the complement 이/가 and the topic 은/는
    count: "도" and "만" mark no subject."""
    for form, tag, _, _ in morphs(sentence):
        if tag in ("JKS", "JKC") or (tag == "JX" and form in ("은", "는", "ᆫ")):
            return False
        if tag == "EF":
            return True
    return False


def noun_phrases(text: str) -> list[tuple[str, list[str]]]:
    """Runs of nouns as written ("미국 에너지부", "슈퍼컴퓨터"), each with its nouns; a run
    ends at any particle, ending, verb or punctuation."""
    ms = morphs(text)
    out: list[tuple[str, list[str]]] = []
    run: list[Morph] = []

    def close() -> None:
        while run and run[-1][1] not in _HEAD_NOUN:
            run.pop()  # a phrase ends on a noun, not on a number or prefix
        while run and run[0][1] in ("XSN", "SN", "NR"):
            run.pop(0)
        if run:
            nouns = [m[0] for m in run if m[1] in _HEAD_NOUN]
            out.append((text[run[0][2] : run[-1][3]], nouns))
        run.clear()

    for m in ms:
        if m[1] in _NOUN:
            run.append(m)
        else:
            close()
    close()
    return out

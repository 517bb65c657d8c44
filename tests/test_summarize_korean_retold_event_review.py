"""The review of stop 46's Korean event retellings (wt-ko46e): another person, another one's
warrant, a charge, a detention status, a length read as a day and a different day are new facts,
so a crime or accident story's second arrest, death or warrant never gives way as a retelling;
event() reads a long sentence in linear work; each guard decides a case of its own."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, korean
from bot.summarize.korean import ANALYSIS
from bot.summarize.lang import Morph
from bot.summarize.lang.ko.select import retold_event

pytestmark = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")


def retells(later: str, lede: str) -> bool:
    return retold_event.event_reader([lede, later], ANALYSIS.morphs)(1, 0)


def picks(title: str, sentences: list[str]) -> list[int]:
    brief = ExtractiveSummarizer().brief(Article(title=title, text="\n\n".join(sentences),
                                                 lang="ko"))
    return [sentences.index(p.text) for p in brief.points]


# 1. Another age is another person; "도" (also) on the one it befell is a further event.
@pytest.mark.parametrize(("again", "lede"), [
    ("경찰은 3일 40대 남성을 체포했다고 밝혔다.", "흉기를 휘두른 30대 남성이 경찰에 체포됐다."),
    ("경찰은 40대 남성도 체포했다.", "흉기를 휘두른 30대 남성이 경찰에 체포됐다."),
    ("이 사고로 60대 남성이 숨졌다.", "교차로에서 화물차에 치인 70대 남성이 숨졌다."),
    ("같은 사고로 60대 남성도 숨졌다.", "교차로에서 화물차에 치인 70대 남성이 숨졌다."),
    ("경찰은 3일 남성 B(31)씨를 체포했다.", "흉기를 휘두른 B(26)씨가 경찰에 체포됐다."),
])
def test_another_age_or_also_is_another_person(again: str, lede: str) -> None:
    assert not retells(again, lede)


def test_the_same_age_told_again_is_still_a_retelling() -> None:
    assert retells("경찰은 3일 30대 남성을 체포했다고 밝혔다.",
                   "흉기를 휘두른 30대 남성이 경찰에 체포됐다.")


def test_a_second_suspects_arrest_stays_in_the_brief() -> None:
    sentences = ["흉기를 휘두른 30대 남성이 경찰에 체포됐다.",
                 "경찰은 3일 범행 현장 인근에서 40대 남성을 체포했다고 밝혔다.",
                 "경찰에 따르면 30대 남성은 이날 오후 술집에서 시비 끝에 흉기를 휘둘렀다.",
                 "이 과정에서 종업원이 팔을 다쳐 병원으로 옮겨졌다.",
                 "경찰은 두 사람의 관계와 범행 동기를 조사하고 있다.",
                 "경찰은 조사를 마치는 대로 구속영장을 신청할 방침이다."]
    assert 1 in picks("흉기 난동 30대 체포…공범 40대도 검거", sentences)


# 2. Whose warrant it is ("김 전 장관의"), and what kind of driver, is part of the one it befell.
@pytest.mark.parametrize(("again", "lede"), [
    ("법원은 이 전 차관의 구속영장을 발부했다.", "법원은 김 전 장관의 구속영장을 발부했다."),
    ("법원은 B의 구속영장을 발부했다.", "법원은 A의 구속영장을 발부했다."),
    ("경찰은 혈중알코올농도 면허취소 수준의 운전자를 붙잡았다.", "경찰은 음주 운전자를 붙잡았다."),
])
def test_a_genitive_owner_is_part_of_the_one_it_befell(again: str, lede: str) -> None:
    assert not retells(again, lede)
    assert retells(lede, lede)


def test_another_ones_warrant_stays_in_the_brief() -> None:
    sentences = ["법원은 직권남용 혐의를 받는 김 전 장관의 구속영장을 발부했다.",
                 "법원은 이 전 차관의 구속영장도 발부했다.",
                 "재판부는 증거를 인멸할 염려가 있다고 밝혔다.",
                 "김 전 장관은 영장심사에서 혐의를 모두 부인한 것으로 알려졌다.",
                 "검찰은 구속 기간 안에 두 사람을 재판에 넘길 계획이다.",
                 "야당은 정치 보복이라며 반발했다."]
    assert 1 in picks("김 전 장관·이 전 차관 구속", sentences)


# 3. An object with no noun of two syllables ("B를", "A(30)씨를", "그를") is still the object,
# never the agency that did the event.
def test_an_object_of_letters_is_the_one_it_befell_not_the_agency() -> None:
    assert not retells("경찰은 B를 체포했다고 밝혔다.",
                       "서울 강남경찰서는 마약을 투약한 혐의로 A(30)씨를 체포했다.")
    assert not retells("경찰은 B를 체포했다.", "경찰은 A를 체포했다.")
    assert not retells("경찰은 그를 체포했다.", "경찰은 A를 체포했다.")
    told = retold_event.event("서울 강남경찰서는 마약을 투약한 혐의로 A(30)씨를 체포했다.",
                              ANALYSIS.morphs)
    assert told is not None and told.befell == {"A"}


# 4. The charge and whether the accused is detained are facts the lede may lack.
def test_a_charge_the_lede_lacks_is_a_new_fact() -> None:
    assert not retells("경찰은 공무집행방해 혐의로 집회 참가자 2명을 체포했다.",
                       "집회 참가자 2명이 경찰에 체포됐다.")
    assert retells("경찰은 공무집행방해 혐의로 집회 참가자 2명을 체포했다.",
                   "공무집행방해 혐의로 집회 참가자 2명이 경찰에 체포됐다.")


def test_a_laws_violation_names_the_act_the_lede_tells() -> None:
    # Decided for ko79: "마약류관리법 위반" names the law that "대마 젤리를 나눠 먹은" breaks, so
    # where the lede tells the act a law's violation adds nothing; a charge naming an act
    # ("공무집행방해") or a lede telling no act keeps it new.
    lede = "대마 젤리를 나눠 먹은 20대 대학원생이 구속 상태에서 재판에 넘겨졌다."
    assert retells("검찰은 2일 마약류관리법 위반 혐의로 대학원생을 구속 기소했다.", lede)
    assert not retells("검찰은 2일 마약류관리법 위반 혐의로 대학원생을 구속 기소했다.",
                       "20대 대학원생이 구속 상태에서 재판에 넘겨졌다.")
    assert not retells("검찰은 2일 특수상해 혐의로 대학원생을 구속 기소했다.", lede)


@pytest.mark.parametrize("again", ["검찰은 대학원생을 불구속 기소했다.",
                                   "검찰은 대학원생을 구속 기소했다."])
def test_the_detention_status_is_a_new_fact(again: str) -> None:
    assert not retells(again, "대마 젤리를 나눠 먹은 20대 대학원생이 재판에 넘겨졌다.")


def test_the_status_the_lede_tells_is_none() -> None:
    lede = "대마 젤리를 나눠 먹은 20대 대학원생이 구속 상태에서 재판에 넘겨졌다."
    assert retells("검찰은 대학원생을 구속 기소했다.", lede)
    assert not retells("검찰은 대학원생을 불구속 기소했다.", lede)


# 5. A length or a count is a figure, not a day, a time or an age; a day is its month and day.
@pytest.mark.parametrize(("again", "lede"), [
    ("법원은 피고인에게 징역 10월을 선고했다.", "법원은 피고인에게 징역형을 선고했다."),
    ("70대 남성은 병원으로 옮겨졌으나 3일 만에 숨졌다.",
     "교차로에서 화물차에 치인 70대 남성이 숨졌다."),
    ("70대 남성은 병원으로 옮겨졌으나 30분 만에 사망했다.",
     "교차로에서 화물차에 치인 70대 남성이 숨졌다."),
    ("경찰은 순찰차 3대를 동원해 음주 운전자를 붙잡았다.", "경찰은 음주 운전자를 붙잡았다."),
    ("경찰은 차량 20대를 동원해 음주 운전자를 붙잡았다.", "경찰은 음주 운전자를 붙잡았다."),
    ("경찰은 4월 1일 집회 참가자 2명을 체포했다.", "집회 참가자 2명이 3월 1일 경찰에 체포됐다."),
])
def test_a_length_a_count_or_another_month_is_a_new_fact(again: str, lede: str) -> None:
    assert not retells(again, lede)


def test_a_date_told_with_or_without_its_month_is_the_same_day() -> None:
    lede = "집회 참가자 2명이 3월 1일 경찰에 체포됐다."
    assert retells("경찰은 1일 집회 참가자 2명을 체포했다.", lede)
    assert retells("경찰은 2024년 3월 1일 집회 참가자 2명을 체포했다.", lede)


# 6. event() reads a sentence in work linear in its morphemes, and a sentence past a length no
# point is cut from is not read at all.
class Counted(Sequence[Morph]):
    """Kiwi's morphemes, counting each one read."""

    def __init__(self, morphs: Sequence[Morph], reads: list[int]) -> None:
        self._morphs, self._reads = tuple(morphs), reads

    @overload
    def __getitem__(self, at: int) -> Morph: ...
    @overload
    def __getitem__(self, at: slice) -> Counted: ...
    def __getitem__(self, at: int | slice) -> Morph | Counted:
        if isinstance(at, slice):
            return Counted(self._morphs[at], self._reads)
        self._reads[0] += 1
        return self._morphs[at]

    def __iter__(self) -> Iterator[Morph]:
        for morph in self._morphs:
            self._reads[0] += 1
            yield morph

    def __len__(self) -> int:
        return len(self._morphs)


def _reads(sentence: str) -> tuple[int, int]:
    reads = [0]
    morphs = ANALYSIS.morphs(sentence)
    retold_event.event(sentence, lambda text: Counted(ANALYSIS.morphs(text), reads))  # type: ignore[arg-type, return-value]
    return reads[0], len(morphs)


def test_event_reads_a_sentence_in_linear_work() -> None:
    def sentence(n: int) -> str:
        return "경찰은 " + "서울 강남 마포 용산 집회 참가자 " * n + "를 체포했다."

    short, short_morphs = _reads(sentence(5))
    long, long_morphs = _reads(sentence(20))
    assert short and long
    # Quadratic work grows as the square of the morphemes (16 times here); linear as they do.
    assert long / short < 1.5 * long_morphs / short_morphs


def test_a_sentence_no_point_is_cut_from_is_not_analysed() -> None:
    seen: list[int] = []

    def morphs(text: str) -> tuple[Morph, ...]:
        seen.append(len(text))
        return tuple(ANALYSIS.morphs(text))

    long = "경찰은 " + "서울 강남 마포 용산 집회 참가자 " * 1000 + "를 체포했다."
    assert retold_event.event(long, morphs) is None
    assert all(n <= retold_event.LONGEST for n in seen)


# 7. Each guard decides a case no other guard does.
def test_a_real_name_in_brackets_is_a_person_introduced() -> None:
    lede = "법원은 래퍼 구름에게 실형을 선고했다."
    assert not retells("법원은 래퍼 구름(본명 김하늘)에게 실형을 선고했다.", lede)
    assert retells("법원은 2일 래퍼 구름에게 실형을 선고했다.", lede)


def test_a_full_name_outside_the_one_it_befell_is_a_person_introduced() -> None:
    lede = "법원은 흉기를 휘두른 20대 남성에게 실형을 선고했다."
    assert not retells("법원은 흉기를 휘두른 김하늘 씨에게 실형을 선고했다.", lede)
    assert retells("광주지법 형사2부는 흉기를 휘두른 20대 남성에게 실형을 선고했다.", lede)


def test_the_one_it_befell_is_the_chosen_ones_not_a_noun_named_elsewhere() -> None:
    # The chosen point names 남성 as the driver; the one who died there is 여성.
    assert not retells("이 사고로 남성이 숨졌다.", "남성이 운전하던 차에 치인 여성이 숨졌다.")


def test_a_policy_the_arrest_followed_is_no_plan() -> None:
    # A plan closes on "예정이다"/"하기로 했다", no event; a "방침" the arrest followed is the
    # arrest told again.
    assert retells("경찰은 해산 방침에 따라 집회 참가자 2명을 체포했다.",
                   "집회 참가자 2명이 경찰에 체포됐다.")


# 8. A person the chosen point names is not introduced.
def test_a_person_the_chosen_point_names_is_not_introduced() -> None:
    again = "경찰은 마약을 판 A(26)씨를 구속했다고 밝혔다."
    assert retells(again, "마약을 판 A(26)씨가 경찰에 구속됐다.")
    assert not retells(again, "마약을 판 남성이 경찰에 구속됐다.")


# 9. Another day's words, and an age written with a middle dot.
@pytest.mark.parametrize("again", ["경찰은 이튿날 집회 참가자 2명을 체포했다.",
                                   "경찰은 다음 날 집회 참가자 2명을 체포했다."])
def test_the_next_day_is_another_day(again: str) -> None:
    assert not retells(again, "집회 참가자 2명이 경찰에 체포됐다.")


@pytest.mark.parametrize("dot", ["·", "‧"])
def test_an_age_with_a_middle_dot_is_an_age(dot: str) -> None:
    told = retold_event.event(f"경찰은 흉기를 휘두른 A(여{dot}30)씨를 체포했다.", ANALYSIS.morphs)
    assert told is not None and told.figures == frozenset() and told.ages == {"30"}


def test_the_one_who_died_is_the_subject_not_the_object_of_what_they_did() -> None:
    # Read from the object ("불길을"), both would be one death, and the firefighter (an agency's
    # word) would pass as the actor who did it.
    assert not retells("불길을 잡던 소방관이 숨졌다.", "불길을 잡던 주민이 숨졌다.")
    assert not retells("불길을 잡던 소방관이 사망했다.", "불길을 잡던 주민이 사망했다.")


def test_the_same_age_also_is_one_more() -> None:
    assert not retells("경찰은 30대 남성도 체포했다.", "흉기를 휘두른 30대 남성이 경찰에 체포됐다.")

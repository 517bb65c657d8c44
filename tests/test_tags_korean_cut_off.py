"""Stop 46: a Korean tag that is the front of a longer term the story writes. ko8's "#경계선" (a
boundary line) stood for "경계선 지능인" (a person of borderline intelligence): Kiwi reads
"지능인" as 지능 and a copula or a noun suffix, no noun word, so the two-word term was never a
candidate and its first word, written 18 times, was the tag."""

from __future__ import annotations

from collections.abc import Callable

from bot.summarize import korean
from bot.summarize.lang import Morph
from bot.summarize.lang.ko.tagging import _reads_as_run_on_nouns, mentions
from tests.support.tagging import brief_tags, needs_kiwi

BORDERLINE = (
    "교육부가 ‘경계선 지능인’에 대한 첫 실태 조사를 벌이기로 했다. 경계선 지능인은 지적장애에 "
    "해당하지 않아 지원을 거의 받지 못했다. 정부는 국민의 약 13.6%가 경계선 지능인인 것으로 "
    "본다. 경계선 지능인을 일찍 찾도록 학부모용 검사 도구도 만든다. 경계선 지능 청년의 모임도 "
    "돕는다."
)


# The same term, read only with the suffix (unquoted "지능인은", "지능인에게") or only with the
# copula (quoted "‘경계선 지능인’은"), and only in the points: the headline's "경계선 지능 청년"
# reads as two nouns. The institute is the tag left: a tagger giving none fails.
INSTITUTE = "한국교육개발원, 경계선 지능 청년 지원 늘린다"
SUFFIX_ONLY = ("한국교육개발원은 경계선 지능인을 돕는 청년 지원 사업을 시작했다. 경계선 지능인은 "
               "지적장애에 해당하지 않아 지원을 받지 못했다. 한국교육개발원은 경계선 지능인에게 "
               "맞춤형 교육을 제공한다. 경계선 지능인과 가족의 상담도 늘린다. 한국교육개발원은 "
               "내년 예산을 두 배로 늘린다.")
COPULA_ONLY = ("한국교육개발원은 ‘경계선 지능인’ 청년 지원 사업을 시작했다. ‘경계선 지능인’은 "
               "지적장애에 해당하지 않아 지원을 받지 못했다. 한국교육개발원은 ‘경계선 지능인’에 "
               "맞춤형 교육을 제공한다. ‘경계선 지능인’ 가족의 상담도 늘린다. 한국교육개발원은 "
               "내년 예산을 두 배로 늘린다.")


@needs_kiwi
def test_the_front_of_a_term_kiwi_reads_with_a_copula_is_no_tag() -> None:
    # ko8's own story has no tag left (its headline's nouns are all common and generic).
    tags = brief_tags("정부 ‘경계선 지능인’ 첫 실태 조사 나선다", BORDERLINE, "ko")
    assert tags == [], tags


@needs_kiwi
def test_the_front_of_a_term_read_with_a_suffix_or_a_copula_in_a_point_is_no_tag() -> None:
    suffix = brief_tags(INSTITUTE, SUFFIX_ONLY, "ko")
    assert suffix == ["한국교육개발원"], suffix
    copula = brief_tags(INSTITUTE, COPULA_ONLY, "ko")
    assert copula == ["한국교육개발원"], copula


@needs_kiwi
def test_a_noun_before_a_word_that_is_no_term_stays_a_tag() -> None:
    # "증인선서 없이": an adverb after the noun, no longer term (ko94 keeps #증인선서).
    text = ("법원이 증인선서 없이 진행한 영상 신문은 증거가 될 수 없다고 밝혔다. 재판부는 증인선서 "
            "없이 녹음된 파일을 증거로 쓸 수 없다고 봤다. 증인선서 절차가 빠진 신문은 위법하다는 "
            "것이다.")
    assert "증인선서" in brief_tags("대법 “증인선서 없이 녹음된 파일, 증거 안 돼”", text, "ko")


def test_next_word_head_needs_every_mention_and_two_of_them() -> None:
    assert mentions.next_word_head("경계선", "경계선 지능인은 … 경계선 지능 검사") == "지능"
    assert mentions.next_word_head("경계선", "경계선 지능인은 … 경계선이 있다") is None
    assert mentions.next_word_head("민주당", "더불어민주당 대표 … 민주당 지지자") is None
    assert mentions.next_word_head("경계선", "경계선 지능인은 … 경계선 위에") is None
    # A mention inside a longer word is none of the form's own: only the two after it count.
    assert mentions.next_word_head(
        "민주당", "더불어민주당 지지자 … 민주당 대표 … 민주당 대표") == "대표"


def _read(*morphs: tuple[str, str, int, int]) -> Callable[[str], tuple[Morph, ...]]:
    """An analyser that reads every text as ``morphs``."""
    return lambda text: morphs


def test_the_suffix_must_be_written_on_the_next_word() -> None:
    # "경계선 지능 인증": 인 read as a suffix after a space belongs to no word of "지능".
    assert _reads_as_run_on_nouns("경계선 지능인은", 4, _read(
        ("경계선", "NNG", 0, 3), ("지능", "NNG", 4, 6), ("인", "XSN", 6, 7), ("은", "JX", 7, 8)))
    assert not _reads_as_run_on_nouns("경계선 지능 인은", 4, _read(
        ("경계선", "NNG", 0, 3), ("지능", "NNG", 4, 6), ("인", "XSN", 7, 8), ("은", "JX", 8, 9)))


@needs_kiwi
def test_kiwi_is_what_the_rule_reads() -> None:
    # The rule names Kiwi's readings; a Kiwi that reads 지능인 as one noun needs none of it.
    tags = [m[1] for m in korean.morphs("‘경계선 지능인’에")]
    assert "VCP" in tags or "XSN" in tags, tags


# A part the story writes seldom outside the longer names that hold it, counted over all of
# them and written apart or together: one longer name at a time, kosci's "#칭기즈" stood
# beside 칭기즈칸 ("칭기즈 칸" 7 times, "칭기즈칸" 4), "#제이" and "#다이트" beside
# "제이 다이트" (5 apart, 2 together), ko245's "#운당" beside 운당학술상 and 운당학술대상.
GENGHIS = ("연구팀은 몽골 고인골에서 칭기즈칸 가계의 흔적을 찾았다. 몽골여왕은 칭기즈 칸 가계의 "
           "일원으로 추정된다. 이번 성과는 칭기즈 칸 가계 연구의 새 단서다. 연구팀은 칭기즈 칸의 "
           "아들과 손자를 비교했다. 칭기즈칸 가계의 계보가 처음 드러났다.")
ROBOT = ("일본 업체가 변신 로봇 ‘제이 다이트 라이드’를 공개했다. ‘제이 다이트 라이드’는 사람이 "
         "타는 로봇이다. 이 로봇은 프로젝트 ‘제이 다이트’의 하나다. ‘제이다이트 라이드’의 무게는 "
         "1t이다. 회사는 ‘제이다이트 라이드’를 내년에 판다.")
PRIZE = ("홍길동 교수가 ‘운당학술대상’을 받았다. 운당학술상 시상식은 3일 열렸다. 운당학술상은 "
         "KCC정보통신 창업자 운당(雲堂) 이주용 회장의 업적을 기려 만들어졌다. 운당학술대상 "
         "수상자는 상금을 받는다. 홍길동 교수는 “운당학술상의 뜻을 잇겠다”고 했다.")


@needs_kiwi
def test_a_name_s_first_part_written_apart_or_together_is_no_tag() -> None:
    genghis = brief_tags("‘몽골여왕’과 칭기즈 칸…비밀을 풀다", GENGHIS, "ko")
    assert "칭기즈" not in genghis and "칭기즈칸" in genghis, genghis
    robot = brief_tags("‘변신 로봇’ 제이 다이트 나온다", ROBOT, "ko")
    assert not {"제이", "다이트"} & set(robot) and "제이-다이트" in robot, robot


@needs_kiwi
def test_a_part_of_two_longer_names_is_no_tag_and_they_are_one() -> None:
    tags = brief_tags("홍길동 교수, ‘운당학술대상’ 수상", PRIZE, "ko")
    assert "운당" not in tags, tags
    assert len({"운당학술대상", "운당학술상"} & set(tags)) == 1, tags


@needs_kiwi
def test_a_part_written_twice_outside_its_longer_names_stays_a_tag() -> None:
    # 운당 alone twice ("운당(雲堂) 이주용", "운당은"): the pen name is written for itself.
    tags = brief_tags("홍길동 교수, ‘운당학술대상’ 수상", PRIZE + " 운당은 이 회장의 호다.", "ko")
    assert "운당" in tags, tags


# Review of stop 46, 1: the rule is for a common noun whose term Kiwi cannot read (ko8's
# 경계선). A name Kiwi reads as a name is no cut-off piece, whatever word follows it: a plural
# ("직원들", 들/XSN) or a predicate noun with a copula ("세계유산이다", 이/VCP) is ordinary
# Korean (ko248 lost #유네스코 to "유네스코 세계문화유산인").
STAFF = ("쿠팡 직원이 물류센터에서 일하다 숨졌다. 쿠팡 직원들은 폭염 속에 냉방이 부족했다고 "
         "말했다. 쿠팡 직원 A씨는 50대다. 쿠팡 직원들은 회사에 대책을 요구했다. 경찰은 쿠팡 "
         "직원의 사망 경위를 조사하고 있다.")
HERITAGE = ("가야고분군이 유네스코 세계유산에 등재됐다. 문화재청은 가야고분군이 유네스코 "
            "세계유산으로 이름을 올렸다고 밝혔다. 가야고분군은 한국의 16번째 유네스코 "
            "세계유산이다. 가야고분군은 경남과 경북, 전북에 흩어진 7개 고분군으로 이뤄졌다. "
            "문화재청은 가야고분군 보존 계획을 세운다.")
UNION = ("삼성전자 노조가 10일 사상 첫 파업에 들어갔다. 삼성전자 노조원들은 경기 화성 사업장 "
         "앞에 모였다. 삼성전자 노조는 임금 인상률 6.5%를 요구하고 있다. 회사 측은 삼성전자 "
         "노조와 대화를 이어가겠다고 밝혔다. 삼성전자 노조원들은 이번 파업에 6천여 명이 "
         "참여했다고 주장했다.")


@needs_kiwi
def test_a_name_before_a_plural_or_a_copula_keeps_its_tag() -> None:
    staff = brief_tags("쿠팡 직원, 물류센터서 숨져", STAFF, "ko")
    assert staff == ["쿠팡"], staff
    heritage = brief_tags("‘가야고분군’ 유네스코 세계유산 등재", HERITAGE, "ko")
    assert {"가야고분군", "유네스코", "세계유산"} <= set(heritage), heritage
    union = brief_tags("삼성전자 노조, 사상 첫 파업 돌입", UNION, "ko")
    assert {"삼성전자", "노조", "파업"} <= set(union), union


@needs_kiwi
def test_a_plural_is_no_run_on_into_a_term() -> None:
    # "직원들": a noun with its plural is still a noun phrase; "지능인" is no noun word.
    assert not _reads_as_run_on_nouns("쿠팡 직원들은 폭염 속에", 3, korean.morphs)
    assert _reads_as_run_on_nouns("경계선 지능인은 지원을", 4, korean.morphs)


# Review of stop 46, 2: two names that share a front are two things ("카카오뱅크",
# "카카오페이"): the story of both is tagged with the group written outside each, as before
# stop 46, not with one of them; only spellings of one name ("칭기즈칸", "칭기즈 칸") or two
# of one kind ("운당학술상", "운당학술대상": both go on 학술) share the part and give one tag.
KAKAO = ("카카오뱅크와 카카오페이가 3분기 나란히 최대 실적을 냈다. 카카오뱅크는 순이익 1천억원을 "
         "넘겼다. 카카오페이는 처음으로 흑자를 냈다. 카카오 측은 카카오뱅크의 대출 성장이 실적을 "
         "이끌었다고 설명했다. 카카오페이는 결제 거래액도 늘었다고 밝혔다. 카카오뱅크 주가는 5% "
         "올랐다.")
SAMSUNG = ("삼성전자와 삼성SDI가 내년 투자를 늘린다. 삼성 측은 삼성전자가 반도체에 50조원을 "
           "쓴다고 밝혔다. 삼성SDI는 배터리 공장을 짓는다. 삼성전자는 평택에 새 라인을 세운다. "
           "삼성SDI는 미국 공장도 늘린다.")


@needs_kiwi
def test_two_names_sharing_a_front_are_not_one_of_them() -> None:
    kakao = brief_tags("카카오뱅크·카카오페이, 나란히 최대 실적", KAKAO, "ko")
    assert kakao == ["카카오"], kakao
    samsung = brief_tags("삼성전자·삼성SDI 투자 확대", SAMSUNG, "ko")
    assert samsung == ["삼성"], samsung

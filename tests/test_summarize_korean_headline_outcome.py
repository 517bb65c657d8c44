"""A Korean headline's outcome (무죄, 구속, 체포 …) that the lede lacks is the headline's fact
as much as its figure is: the first sentence that tells it is a key fact and carries the
headline's promise (issue 28's read of ko169, "…조양은 무죄인데 공범은 집유…왜?": the body's
sentence 2, "같은 혐의로 기소된 조씨가 무죄를 확정받은 것과 대조된다.", lost to the reason
it explains; "the brief never says Cho was acquitted"). Made-up text of the same shape,
failing before the fix. The reason it explains ("…에서는 …지만, …에서는 … 때문이다") needs
that sentence: a setting told as a topic is no subject of its own."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer, extractive, korean
from bot.summarize.extractive import refers_back
from bot.summarize.lang.ko.select import key_facts
from bot.summarize.scoring import STATIC, Pool

needs_kiwi = pytest.mark.skipif(not korean.available(), reason="kiwipiepy not installed")

TITLE = "‘흉기 들고 감금 5시간’ 칠성파 간부 박덕수 무죄인데 공범은 실형…왜?"
LEDE = "폭력조직 ‘칠성파’ 간부 박덕수씨와 함께 채무자를 감금한 공범이 1심에서 징역형을 선고받았다."
CONTRAST = "같은 혐의로 기소된 박씨가 무죄를 확정받은 것과 대조된다."
REASON = ("박씨의 재판에서는 연락이 끊긴 감금 피해자의 진술이 증거로 쓰이지 못했지만, 공범의 "
          "재판에서는 경찰 조사에서의 피해자 진술이 증거로 인정됐기 때문이다.")
STORY = "\n\n".join([
    f"{LEDE} {CONTRAST}",
    REASON,
    "3일 법조계에 따르면 부산지법 형사5단독 김영호 판사는 특수감금 혐의로 기소된 A씨에게 "
    "지난달 20일 징역 1년 6개월을 선고했다.",
    "A씨는 2015년 3월 태국에서 박씨가 사업가 B씨를 흉기로 위협해 창고에 가둔 뒤 약 5시간 "
    "동안 폭행하는 동안 B씨를 붙잡아둔 혐의로 기소됐다.",
    "피해자 B씨는 경찰에서 4차례 조사를 받았지만, 재판에는 한번도 나오지 않았다.",
    "재판부는 경찰에서의 B씨의 진술이 일관되고 구체적인 점, B씨의 진단서가 진술을 뒷받침하는 "
    "점 등을 고려했다고 밝혔다.",
    "반면 A씨와 같은 혐의로 기소됐던 박씨는 2021년 5월 대법원에서 무죄를 확정받았다.",
])


def test_the_headline_outcomes_are_read() -> None:
    assert key_facts.outcomes(TITLE) == {"무죄"}
    assert key_facts.outcomes(LEDE) == frozenset()


@needs_kiwi
def test_the_first_sentence_telling_the_headline_outcome_is_a_point() -> None:
    brief = ExtractiveSummarizer().brief(Article(title=TITLE, text=STORY, lang="ko"))
    points = [p.text for p in brief.points]
    assert CONTRAST in points
    assert points[0] == LEDE


@needs_kiwi
def test_a_reason_whose_topic_is_a_setting_leans_on_what_it_explains() -> None:
    assert refers_back(REASON, "ko")
    assert refers_back("최근에는 8월에 장마 기간보다 더 많은 비가 내리고 있기 때문이다.", "ko")
    # a subject before the setting still names what it explains
    assert not refers_back("정부는 최근에는 수출 규제를 풀었기 때문이다.", "ko")


# Review of wt-ko45b: a claim, a demand, a warrant or a denial tells no outcome, and the
# verdict told after one gets the credit.
VERDICT_TITLE = "음주운전 혐의 50대 1심 무죄…“측정 절차 위법”"
CLAIM = "A씨는 수사 단계부터 줄곧 무죄를 주장해 왔다."
VERDICT = ("3일 법조계에 따르면 대전지법 형사3단독 박지훈 판사는 도로교통법 위반 혐의로 기소된 "
           "A씨에게 지난달 28일 무죄를 선고했다.")
VERDICT_STORY = [
    "음주운전 혐의로 기소된 50대 남성에 대해 법원이 음주 측정 절차가 위법했다고 판단했다.",
    CLAIM,
    VERDICT,
    "A씨는 지난해 5월 대전 서구에서 혈중알코올농도 0.08% 상태로 약 2㎞를 운전한 혐의로 "
    "기소됐다.",
    "재판부는 경찰이 A씨의 동의 없이 채혈한 혈액을 증거로 쓸 수 없다고 봤다.",
    "검찰은 판결에 불복해 항소했다.",
]


def features(monkeypatch: pytest.MonkeyPatch, title: str,
             paras: list[str]) -> dict[str, dict[str, float]]:
    """Each candidate's key_fact and headline_figure, as choose() is given them."""
    pools: list[Pool] = []
    real = extractive.choose

    def spy(pool: Pool, *args: object) -> list[int]:
        pools.append(pool)
        return real(pool, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(extractive, "choose", spy)
    ExtractiveSummarizer().brief(Article(title=title, text="\n\n".join(paras), lang="ko"))
    pool = pools[0]
    at = {f: STATIC.index(f) for f in ("key_fact", "headline_figure")}
    return {s: {f: v[i] for f, i in at.items()}
            for s, v in zip(pool.sentences, pool.values, strict=True)}


def test_a_claim_a_demand_a_warrant_or_a_denial_tells_no_outcome() -> None:
    for claim in (CLAIM, "A씨는 무죄를 호소했다.", "무죄 추정의 원칙이 있다."):
        assert key_facts.told_outcomes(claim, frozenset({"무죄"})) == frozenset()
    assert not key_facts.told_outcomes("시민단체는 총장의 파면을 요구했다.", frozenset({"파면"}))
    assert not key_facts.told_outcomes("A씨는 구속되지 않았다.", frozenset({"구속"}))
    assert not key_facts.told_outcomes("A씨는 끝내 무죄를 선고받지 못했다.", frozenset({"무죄"}))
    assert key_facts.told_outcomes("경찰은 A씨를 체포했으며 구속영장을 신청할 방침이다.",
                                   frozenset({"체포", "구속"})) == {"체포"}
    assert key_facts.told_outcomes(VERDICT, frozenset({"무죄"})) == {"무죄"}
    # an outcome expected, weighed or denied in its clause tells none (review of stop 45)
    every = frozenset(key_facts.HEADLINE_OUTCOMES)
    for untold in ("변호인단은 무죄 판결을 기대하고 있다.",
                   "법조계에서는 무죄 선고 가능성이 높다는 관측이 나온다.",
                   "이번 화재로 인한 사망자는 없는 것으로 확인됐다.",
                   "이번 사고로 사망자는 발생하지 않았다.",
                   "A씨가 체포된다면 구속 기소될 전망이다.",
                   "1심 무죄 판결이 나오지는 않았다."):
        assert key_facts.told_outcomes(untold, every) == frozenset(), untold
    assert key_facts.told_outcomes("A씨는 구속 기소됐고, 혐의를 인정하지 않았다.",
                                   frozenset({"구속"})) == {"구속"}


@needs_kiwi
def test_the_verdict_after_a_claim_gets_the_credit(monkeypatch: pytest.MonkeyPatch) -> None:
    got = features(monkeypatch, VERDICT_TITLE, VERDICT_STORY)
    assert got[CLAIM] == {"key_fact": 0.0, "headline_figure": 0.0}
    assert got[VERDICT]["headline_figure"] == 1.0
    brief = ExtractiveSummarizer().brief(
        Article(title=VERDICT_TITLE, text="\n\n".join(VERDICT_STORY), lang="ko"))
    points = [p.text for p in brief.points]
    assert VERDICT in points and CLAIM not in points


ARREST_TITLE = "“층간소음 때문에” 이웃 흉기 위협한 30대 현행범 체포"
ARREST_LEDE = "층간소음 문제로 다투던 이웃을 흉기로 위협한 30대 남성이 경찰에 붙잡혔다."
TOLD = "서울 강서경찰서는 특수협박 혐의로 A씨를 현행범으로 체포했다고 2일 밝혔다."
RETOLD = "신고를 받고 출동한 경찰은 현장에서 A씨를 현행범으로 체포했다."
WARRANT = "경찰은 A씨에 대한 체포영장을 발부받은 공범 B씨의 행방을 쫓고 있다."
ARREST_STORY = [
    ARREST_LEDE,
    "A씨는 지난 1일 오후 9시쯤 서울 강서구의 한 아파트에서 위층 주민 B씨를 흉기로 위협한 "
    "혐의를 받는다.",
    "A씨는 “층간소음 때문에 참을 수 없었다”고 진술한 것으로 알려졌다.",
    RETOLD,
    WARRANT,
    "경찰은 A씨를 상대로 정확한 경위를 조사하고 있다.",
]


def test_a_warrant_or_a_demand_in_a_headline_or_lede_is_no_outcome() -> None:
    # read as the body reads it (review of stop 45): "체포영장 청구" promises no arrest
    assert key_facts.outcomes("도주 A씨 체포영장 청구") == frozenset()
    assert key_facts.outcomes("시민단체, 총장 파면 요구") == frozenset()
    assert key_facts.outcomes("도주 A씨 체포…구속영장 신청") == {"체포"}
    assert key_facts.lede_tells("법원이 A씨에 대한 체포영장을 발부했다.",
                                frozenset({"체포"})) == frozenset()


def test_the_lede_tells_an_outcome_in_other_words() -> None:
    assert key_facts.lede_tells(ARREST_LEDE, frozenset({"체포"})) == {"체포"}
    assert key_facts.lede_tells("공장에서 불이 나 근로자 1명이 숨졌다.", frozenset({"사망"})) \
        == {"사망"}


@needs_kiwi
def test_an_outcome_the_lede_tells_in_other_words_is_no_headline_fact(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # ko172: "…경찰에 붙잡혔다" tells the headline's 현행범 체포.
    got = features(monkeypatch, ARREST_TITLE, [ARREST_LEDE, TOLD, *ARREST_STORY[1:]])
    assert got[TOLD]["headline_figure"] == 0.0


@needs_kiwi
def test_only_the_first_teller_of_an_outcome_gets_the_credit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    lede = "층간소음 문제로 다투던 이웃을 흉기로 위협한 30대 남성이 입건됐다."
    got = features(monkeypatch, ARREST_TITLE, [lede, WARRANT, TOLD, *ARREST_STORY[1:4]])
    assert got[WARRANT]["headline_figure"] == 0.0  # a warrant tells no arrest, nor blocks one
    assert got[TOLD] == {"key_fact": 1.0, "headline_figure": 1.0}
    assert got[RETOLD] == {"key_fact": 0.0, "headline_figure": 0.0}  # the first teller's guard


@needs_kiwi
def test_an_outcome_keeps_the_headline_figure_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    # ko31: the sentence carrying the headline's only figure carried half of the promise once
    # the headline's 적발 counted with it.
    title = "‘1인당 540만원’…위조 신분증 판매한 중국인 일당 적발"
    figure = ("A씨는 지난 3월 SNS를 통해 알게 된 중국인들로부터 1인당 3만위안(한화 540만원)을 "
              "받고 위조 신분증을 넘겨준 혐의를 받는다.")
    got = features(monkeypatch, title, [
        "제주도에 무비자로 입국한 중국인들에게 위조 신분증을 판매한 브로커들이 검찰에 넘겨졌다.",
        "제주경찰청은 공문서 위조 등 혐의로 중국인 3명을 구속 송치했다고 3일 밝혔다.",
        figure,
        "2019년 입국한 A씨는 제주에서 불법 체류하며 식당 등에서 일해왔던 것으로 조사됐다.",
        "B씨와 C씨는 A씨로부터 구매한 위조 신분증으로 목포행 여객선을 타려다가 적발됐다.",
        "경찰은 수사를 확대할 방침이다.",
    ])
    assert got[figure]["headline_figure"] == 1.0


@needs_kiwi
def test_a_standpoint_or_a_limit_is_no_subject_of_a_reason() -> None:
    assert refers_back("현재로서는 뚜렷한 대안이 없기 때문이다.", "ko")
    assert refers_back("학교에서만은 휴대전화를 쓸 수 없기 때문이다.", "ko")

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
from bot.summarize import ExtractiveSummarizer, korean
from bot.summarize.extractive import refers_back
from bot.summarize.lang.ko.select import key_facts

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

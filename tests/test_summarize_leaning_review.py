"""Sentences the lean-back rules of issue 28 misread, found in review: a comparison, a level
or a time read as a pointer elsewhere, a quotation with its speaker read as a discourse
marker, the Korean verb 이르다 read as the demonstrative 이를, and a bare quotation opening a
short Korean item."""

from __future__ import annotations

import pytest

from bot.models import Article
from bot.summarize import ExtractiveSummarizer
from bot.summarize.extractive import refers_back

S = ExtractiveSummarizer()


def _points(title: str, text: str, lang: str = "en") -> list[str]:
    return [p.text for p in S.brief(Article(title=title, text=text, lang=lang)).points]


# Each stands alone: the comparison, level, time or list is in the sentence itself.
@pytest.mark.parametrize("sentence", [
    "In contrast to its rivals, Apple reported a 10% rise in quarterly sales on Thursday.",
    "By contrast with last year, the harvest was early and large.",
    "Scientists in Ecuador have found a tiny frog species in the Andes that had never been "
    "described before.",
    "Millions of Kenyans face hunger after the below-average rains of the past three seasons.",
    "The above-average AI of the enemy sees to that.",
    "The plan, as outlined earlier this year by the Treasury, would cut corporation tax to 20%.",
    "Samsung's Galaxy S30 is a step above last year's model in almost every way.",
    "Kenyan police fired warning shots above the heads of thousands of protesters.",
    "The hearing was adjourned until the following Monday, when Judge Anne Brown will rule.",
    "The club will play its next match the following March in Madrid.",
    "The attackers sent mail from accounts with the following domains: att.net, aol.com and "
    "gmail.com.",
    "President Biden signed this executive order on Tuesday to limit asylum claims.",
    "People in this town approach strangers with open arms, the mayor said.",
])
def test_a_comparison_a_level_or_a_time_stands_alone(sentence: str) -> None:
    assert not refers_back(sentence, "en"), sentence


# Still pointing or answering the sentence before.
@pytest.mark.parametrize("sentence", [
    "In contrast, Chrysler enjoyed a 5% annual increase in unit sales.",
    "By contrast moderators on Suprnova made sure files being shared were high quality.",
    "The U.S. embassy in Cairo's brief statement early Tuesday contained the following "
    "sentence:",
    "The following enumerated values are used to denote the urgency of an operation.",
    "Keyboard Maestro recognizes this standard order when it shows a shortcut in its menus.",
    "Under this scheme larger states such as Britain are expected to have more power.",
    "As noted before, the plan has no money behind it.",
    "I’ll briefly touch on those things below.",
])
def test_a_pointer_or_a_marker_still_leans_back(sentence: str) -> None:
    assert refers_back(sentence, "en"), sentence


def test_a_lede_in_contrast_to_its_rivals_opens_the_brief() -> None:
    points = _points("Apple sales rise 10% as rivals struggle", (
        "In contrast to its rivals, Apple reported a 10% rise in quarterly sales on Thursday, "
        "helped by strong iPhone demand in China.\n\n"
        "Samsung and Huawei both said last week that their smartphone revenue had fallen.\n\n"
        "Analysts had expected Apple's sales to be flat.\n\n"
        "The company's shares rose 4% in after-hours trading in New York.\n\n"
        "Chief executive Tim Cook said the results showed the strength of the brand."))
    assert points[0].startswith("In contrast to its rivals, Apple reported"), points


# A quotation with its speaker named stands alone, discourse marker or not.
@pytest.mark.parametrize("sentence", [
    "“Of course we will appeal,” said Jane Smith, the company's lawyer.",
    '"In fact, it would drive people with health conditions to falsify tests," Ms Smith said.',
    "“Of course the violence in the schools is something we all detest,” Kavanaugh said.",
])
def test_a_quotation_with_its_speaker_stands_alone(sentence: str) -> None:
    assert not refers_back(sentence, "en"), sentence


@pytest.mark.parametrize("sentence", [
    "“Of course we will appeal.”",
    '"In fact, it would drive people with health conditions to falsify tests," she said.',
])
def test_a_marker_in_a_quotation_with_no_speaker_still_leans_back(sentence: str) -> None:
    assert refers_back(sentence, "en"), sentence


# The verb 이르다 ("reach") is no demonstrative 이를, and "이 같은" after a finished clause
# names that clause.
@pytest.mark.parametrize("sentence", [
    "올해 태풍 피해액은 1조원에 이를 것으로 추산된다.",
    "80년대까지는 경쟁률이 10대1에 이를 정도로 인기가 많았다.",
    "피해 규모는 수천억원에 이를 수도 있다고 업계는 내다봤다.",
    "올해 수출액은 7000억 달러에 이를 전망이다.",
    "선수들은 이를 악물고 마지막 5분을 버텼다.",
    "한국은행은 기준금리를 0.25%p 인상했으며 이 같은 결정은 만장일치로 내려졌다.",
])
def test_korean_reach_and_a_content_named_before_stand_alone(sentence: str) -> None:
    assert not refers_back(sentence, "ko"), sentence


@pytest.mark.parametrize("sentence", [
    "이씨는 경찰 조사에서 이를 부인했다.",
    "최안나 의협 대변인은 이날 브리핑을 열고 이 같은 내용을 담은 공동 입장을 발표했다.",
    "정부는 이를 수정해 다시 발표하기로 했다.",
    "전문가들은 이를 전망하며 대책을 촉구했다.",
])
def test_korean_demonstratives_still_lean_back(sentence: str) -> None:
    assert refers_back(sentence, "ko"), sentence


# Release notes under "Added:" and "Fixed:" are their list, no show's notes (those have a
# sponsor or links head, as ATP's "Sponsored by:"): the items are points when nothing else is.
def test_release_notes_under_added_and_fixed_heads_have_points() -> None:
    points = _points("Acme 2.0 released", (
        "Added:\n\nDark mode for the editor\n\nExport to PDF and EPUB\n\n"
        "Keyboard shortcuts for tables\n\nFixed:\n\nCrash when opening files larger than 2 GB\n\n"
        "Sync failing behind HTTP proxies\n\nSlow startup on Windows 11"))
    assert len(points) == 3 and "Dark mode for the editor" in points, points


def test_show_notes_with_a_sponsor_head_give_a_topic_line_never_the_sponsor() -> None:
    # No line is a candidate; as the last resort a topic line that says something is the
    # point (issue 28: a brief with no points read as broken), never a link title or sponsor.
    points = _points("310: Apple Playstore", (
        "Follow-up:\n\nThe Terminator saga continues\n\nGoogle+ Circles\n\nBelkin Wemo\n\n"
        "Kasa\n\nHomebridge\n\nSponsored by:\n\nHandy: The easy way to book home cleanings."))
    assert points == ["The Terminator saga continues"], points


# A short Korean item (three candidates or fewer: no choice to make) does not open on a bare
# quotation either; the sentence reporting it ("이렇게 외쳤다") goes with it. Alone, the
# quotation stays: the item is nothing else.
def test_a_short_korean_item_does_not_open_on_a_bare_quotation() -> None:
    points = _points("尹 지지층 관저 앞 집회", (
        "“윤 (대통령) 계엄선포가 실패했냐고? 이제 우리는 완전히 이겼습니다.”\n\n"
        "집회 무대에 오른 한 목사는 이렇게 외쳤다.\n\n"
        "윤석열 대통령 지지자 수천 명이 3일 서울 한남동 관저 앞에 모여 체포영장 집행에 반대했다."),
        "ko")
    assert points == [
        "윤석열 대통령 지지자 수천 명이 3일 서울 한남동 관저 앞에 모여 체포영장 집행에 반대했다."
    ], points


def test_a_korean_item_that_is_only_a_quotation_keeps_it() -> None:
    quote = "“윤 (대통령) 계엄선포가 실패했냐고? 이제 우리는 완전히 이겼습니다.”"
    assert _points("尹 지지층 관저 앞 집회", quote, "ko") != []

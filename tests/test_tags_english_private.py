"""English tags a reader would follow (issue 28, tags5): a private person named in full twice
with an age or a private description in apposition is no tag (the held-out read's
"#ashleigh-davis", "#steve-trewhella, a local photographer"); "EU" is the European Union; a
bare surname is tagged by the full name a sentence opens on, never alone; "#europe" beside
"#european-union" is one thing twice."""

from __future__ import annotations

import pytest

from bot.summarize.lang.en.tagging import _inside
from tests.support.tagging import brief_tags


def _tags(title: str, text: str) -> list[str]:
    return brief_tags(title, text, "en")


def test_a_private_person_named_twice_with_an_age_is_no_tag() -> None:
    # Fit half: "#frank-henderson" ("Frank Henderson, 60, Shoreline") on a neighbourhood story.
    text = (
        "A neighbourhood in Ayr held Christmas early for a father who has weeks to live. Frank "
        "Henderson, 60, found out last month that he had cancer. Neighbours strung lights along "
        "the street and sang carols outside his house. His daughter said Henderson cried when he "
        "saw the lights. Henderson said he had never felt so loved. The street plans to keep the "
        "lights up until New Year. Henderson thanked his neighbours. Frank Henderson has lived "
        "on the street for thirty years. Henderson worked as a builder."
    )
    tags = _tags("Ayr street holds Christmas early for dying father", text)
    assert "frank-henderson" not in tags and "ayr" in tags, tags


def test_a_private_person_in_apposition_named_twice_is_no_tag() -> None:
    text = (
        "A seal pup was rescued from a beach in Dorset after being tangled in fishing net. On "
        "Sunday morning Steve Trewhella, a local photographer, spotted the pup. Trewhella cut "
        "the net away with a knife. The pup swam off after an hour, Trewhella said. Last year "
        "Steve Trewhella rescued two seals on the same coast. Trewhella said nets left on "
        "beaches kill hundreds of animals a year. Trewhella urged anglers to take nets home."
    )
    tags = _tags("Seal pup freed from fishing net on Dorset beach", text)
    assert "steve-trewhella" not in tags and "dorset" in tags, tags


def test_a_public_figure_named_with_an_age_stays() -> None:
    text = (
        "Senator Maria Cantwell, 62, said on Monday she would vote against the bill. Maria "
        "Cantwell said the plan would raise costs for families. Cantwell has led opposition in "
        "the Senate for weeks. Cantwell said she would offer an amendment. Cantwell spoke after "
        "a meeting with the White House. Cantwell was re-elected in 2018."
    )
    tags = _tags("", text)
    assert "maria-cantwell" in tags, tags


def test_eu_is_the_european_union() -> None:
    # Fit half: "EU ministers to mull jet fuel tax" wrote "EU" six times and had no tag.
    text = (
        "European Union finance ministers are meeting on Thursday in Brussels to discuss a tax "
        "on jet fuel. The EU wants to raise money for development aid. The EU has backed the "
        "idea before. Some EU members oppose the tax. EU officials say airlines should pay for "
        "their pollution. The EU will decide next year. Airlines said the EU tax would hurt "
        "travellers."
    )
    tags = _tags("EU ministers to mull jet fuel tax", text)
    assert "european-union" in tags, tags


def test_europe_beside_the_european_union_is_one_tag() -> None:
    # Both names are written often enough for a tag of their own: only the "inside" rule keeps
    # the second out (review of the merged change: the "EU" story yielded #europe alone anyway).
    text = (
        "Europe blamed the United States for the weak dollar on Monday. The European Union said "
        "Washington must act. The European Union finance chief said Europe could not carry the "
        "burden alone. European Union exporters are losing sales. Europe has seen growth slow. "
        "The European Union will raise the issue at the G7. Europe wants a stronger dollar. "
        "European Union ministers meet next week. Europe is worried."
    )
    tags = _tags("Europe blames US over weak dollar", text)
    assert "europe" in tags and "european-union" not in tags, tags


def test_a_bare_surname_is_tagged_by_the_full_name_a_sentence_opens_on() -> None:
    # Wire dev: "#tucker" where the story opens "Rion Tucker is covering ...".
    text = (
        "Rion Tucker is covering a lot of ground in his home state of Maine. Tucker canvassed "
        "here a couple of months ago and got a lukewarm response. This time Tucker knocks on "
        "every door. Tucker says most voters want to talk. Tucker asks each voter about "
        "marriage. Tucker says minds change slowly. Tucker will be back next month."
    )
    tags = _tags("Getting To Yes On Gay Marriage, One Voter At A Time", text)
    assert "tucker" not in tags and "rion-tucker" in tags, tags


def test_an_expert_quoted_once_is_no_tag() -> None:
    # Fit half: "#shuhai-xiao" on a fossil story, quoted once in full, then "Xiao said".
    text = (
        "The fossils are 60 million years older than the date skeletal animals appeared. 'They "
        "came to dominate the Earth in a very visible way,' said Shuhai Xiao, a professor of "
        "geobiology in the Virginia Tech College of Science. Xiao said the animals built "
        "skeletons to protect themselves. The fossils were found in China, Xiao said. Xiao and "
        "his team used a microscope to study them. The find changes the timeline, Xiao added."
    )
    tags = _tags("Fossils found in China push back the dawn of skeletons", text)
    assert "shuhai-xiao" not in tags and "china" in tags, tags


def test_where_a_company_is_based_is_no_part_of_its_name() -> None:
    # BBC dev: "#bracknell-based-exel" under "Takeover rumour lifts Exel shares".
    text = (
        "Shares in logistics group Exel rose 5% on talk of a takeover bid. With its shares "
        "closing on Tuesday at 873p, Bracknell-based Exel is valued at 2.6bn pounds. Exel "
        "employs 109,000 people. Analysts said Exel would attract a bidder from Germany. Exel "
        "declined to comment. Exel reported higher profits last month."
    )
    tags = _tags("Takeover rumour lifts Exel shares", text)
    assert "bracknell-based-exel" not in tags and "exel" in tags, tags


def test_a_verb_opening_a_sentence_is_no_first_name() -> None:
    # Purity dump: "#targeting-russia" for "#russia" ("Targeting Russia's business community").
    text = (
        "Europe must be ready to accept that sanctions on Russia will hurt both sides. Russia "
        "has threatened to cut gas supplies. Leaders meet on Friday to agree new measures "
        "against Russia. Targeting Russia's business community would be one way of sapping "
        "support for the Kremlin. Russia denies sending troops. Officials said Russia would "
        "respond."
    )
    tags = _tags("", text)
    assert "targeting-russia" not in tags and "russia" in tags, tags


def test_a_bare_surname_called_by_a_position_is_no_tag() -> None:
    # Held-out read: "#ritchie", a bare surname; the story calls him "flanker Ritchie".
    text = (
        "Scotland named an unchanged side for the match against Wales on Saturday. The coach "
        "said flanker Ritchie had recovered from a knee injury. Ritchie trained fully on "
        "Tuesday. The coach praised Ritchie for his work at the breakdown. Ritchie has won 30 "
        "caps. Wales have lost their last three games. Ritchie will lead the defence."
    )
    tags = _tags("Scotland name unchanged side to face Wales", text)
    assert "ritchie" not in tags and "wales" in tags, tags


def test_a_word_the_story_writes_in_lower_case_is_no_first_name() -> None:
    # Review of the merged change: "Later Mills" opened a sentence and became "#later-mills",
    # though the story writes "later" (main: #mills).
    text = (
        "The party has spent months courting voters in Maine. Mills canvassed here a couple of "
        "months ago and got a lukewarm response. Later Mills knocked on every door. Mills says "
        "most voters want to talk. Mills asks each voter about taxes. Mills says minds change "
        "slowly. Mills will be back next month, and the campaign will know more later."
    )
    tags = _tags("Getting To Yes In Maine, One Voter At A Time", text)
    assert "later-mills" not in tags and {"mills", "maine"} <= set(tags), tags


@pytest.mark.parametrize(("title", "text", "both"), [
    ("Nigeria closes border with Niger after coup",
     "Nigeria has closed its land border with Niger after soldiers seized power in Niamey. "
     "Niger's new military rulers said they would defend the country against any attack. "
     "Nigeria leads the regional bloc that has threatened to intervene in Niger. Officials in "
     "Nigeria said the border would stay shut until civilian rule returned to Niger. Traders in "
     "Nigeria said the closure had already raised food prices. Niger imports much of its "
     "electricity from Nigeria.", {"nigeria", "niger"}),
    ("Romania and Oman sign gas accord",
     "Romania and Oman signed a gas supply accord on Monday. Oman will ship liquefied gas to "
     "Romania from next year. Romania has sought new suppliers since 2022, and Oman has spare "
     "capacity. Officials in Oman said the first cargo would reach Romania in March. Romania's "
     "energy minister called Oman a reliable partner.", {"romania", "oman"}),
])
def test_a_place_whose_letters_sit_inside_another_is_its_own_tag(
        title: str, text: str, both: set[str]) -> None:
    # Review of the merged change: a substring test on joined slugs dropped #niger and #oman.
    tags = _tags(title, text)
    assert both <= set(tags), tags


def test_the_subject_named_in_full_once_then_by_surname_is_no_quoted_expert() -> None:
    # Review of the merged change: "Jennifer Doudna, a professor of chemistry at …", then
    # "Doudna" five times as the story's subject, lost #jennifer-doudna.
    text = (
        "Jennifer Doudna, a professor of chemistry at the University of California, Berkeley, "
        "has won the Nobel Prize in chemistry. Doudna shares the prize with Emmanuelle "
        "Charpentier for developing the CRISPR gene-editing tool. Doudna said she was woken by "
        "a phone call from a reporter. The committee said Doudna's work had revolutionised the "
        "life sciences. Doudna has warned about the ethics of editing human embryos. Colleagues "
        "described Doudna as a tireless scientist."
    )
    tags = _tags("Berkeley chemist wins Nobel Prize for gene editing", text)
    assert "jennifer-doudna" in tags, tags


@pytest.mark.parametrize(("title", "text", "kept", "not_kept"), [
    # a source quoted by surname with what she notes and her research is still a source
    ("Shift In Gay Marriage Support Mirrors A Changing America",
     "Support for gay marriage has risen fast. 'It is a change in how people view gay marriage,' "
     "says Dawn Michelle Baunach, a sociologist at Georgia State University. Baunach notes that "
     "the change has sped up. Baunach's research suggests the shift is broad. But Baunach says "
     "rural views changed less. Baunach predicts support will keep rising. Gay marriage is now "
     "legal in many states, and Georgia is among them. Georgia voters backed it last year. "
     "Georgia churches remain split.",
     "georgia", "dawn-michelle-baunach"),
    # a name's particle the story writes in lower case is still the name's
    ("Philippines bans two U.S. senators",
     "The Philippines will bar two U.S. senators who sought sanctions over the jailing of "
     "Senator Leila de Lima. The senators want officials who held de Lima denied entry. "
     "De Lima, a justice minister in a former administration, has been held since 2017. "
     "Manila called the charges against de Lima lawful. Supporters of de Lima say she is a "
     "political prisoner. The Philippines said it would review visa rules.",
     "de-lima", "lima"),
])
def test_what_the_review_fixes_keep(title: str, text: str, kept: str, not_kept: str) -> None:
    # Purity dump after the review's fixes: each of these moved in a draft and must not.
    tags = _tags(title, text)
    assert kept in tags and not_kept not in tags, tags


def test_a_peoples_name_is_inside_its_places_and_letters_alone_are_not() -> None:
    # Purity dump (BBC "Indonesians face fuel price rise"): #indonesians beside #indonesia in a
    # draft that took only a singular demonym ending.
    assert _inside("Indonesians", ["Indonesia"]) and _inside("Europe", ["European Union"])
    assert _inside("Warner", ["TimeWarner"])
    assert not _inside("Niger", ["Nigeria"]) and not _inside("Oman", ["Romania"])


def test_a_source_written_twice_besides_quotes_is_still_a_quoted_expert() -> None:
    # CNN/DM fit half (tag_eval): "Professor Xiao found …", "… is now hoping": a source, where
    # a first draft of the subject rule tagged #shuhai-xiao.
    text = (
        "The fossils found in China are 60 million years older than skeletal animals. 'They "
        "came to dominate the Earth,' said Shuhai Xiao, a professor of geobiology in the "
        "Virginia Tech College of Science. Professor Xiao found patterns in the fossils. China "
        "has yielded many such finds, Professor Xiao said. Professor Xiao is now hoping to find "
        "more. The fossils in China change the timeline, Professor Xiao told reporters."
    )
    tags = _tags("Fossils found in China push back the dawn of skeletons", text)
    assert "shuhai-xiao" not in tags and "china" in tags, tags

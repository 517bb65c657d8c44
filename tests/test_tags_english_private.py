"""English tags a reader would follow (issue 28, tags5): a private person named in full twice
with an age or a private description in apposition is no tag (the held-out read's
"#ashleigh-davis", "#steve-trewhella, a local photographer"); "EU" is the European Union; a
bare surname is tagged by the full name a sentence opens on, never alone; "#europe" beside
"#european-union" is one thing twice."""

from __future__ import annotations

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
    tags = _tags("", text)
    assert "frank-henderson" not in tags, tags


def test_a_private_person_in_apposition_named_twice_is_no_tag() -> None:
    text = (
        "A seal pup was rescued from a beach in Dorset after being tangled in fishing net. On "
        "Sunday morning Steve Trewhella, a local photographer, spotted the pup. Trewhella cut "
        "the net away with a knife. The pup swam off after an hour, Trewhella said. Last year "
        "Steve Trewhella rescued two seals on the same coast. Trewhella said nets left on "
        "beaches kill hundreds of animals a year. Trewhella urged anglers to take nets home."
    )
    tags = _tags("", text)
    assert "steve-trewhella" not in tags, tags


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
    text = (
        "Europe blamed the United States for the weak dollar on Monday. The EU said Washington "
        "must act. The EU finance chief said Europe could not carry the burden alone. EU "
        "exporters are losing sales. Europe has seen growth slow. The EU will raise the issue at "
        "the G7. Europe wants a stronger dollar. EU ministers meet next week. Europe is worried."
    )
    tags = _tags("Europe blames US over weak dollar", text)
    assert not {"europe", "european-union"} <= set(tags), tags


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
    tags = _tags("", text)
    assert "shuhai-xiao" not in tags, tags


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
    tags = _tags("", text)
    assert "ritchie" not in tags, tags

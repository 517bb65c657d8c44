"""English tags are the story's subjects (issue 28, held-out read of 6 December): no side
detail of one passage of a long essay, no name cut short (an adjective, an "&" or a "+" it
holds, a bare first name under the full name), no link text."""

from __future__ import annotations

from tests.support.tagging import brief_tags


def _tags(text: str, title: str = "") -> list[str]:
    return brief_tags(title, text, "en")

# An essay about dependencies: PyPI and the Go modules run through it; Code Search is one
# anecdote in the middle (the held-out read's "#code-search").
_OPENING = [
    "Software dependencies carry risks that developers rarely check before adding them.",
    "The PyPI registry shows how fast a project gathers hundreds of packages.",
    "A typical PyPI project pulls in code written by strangers it never reviews.",
    "The Go modules system was designed with that risk in mind from the start.",
    "Teams should ask what a dependency does before they add it to a build.",
    "Testing a package before depending on it catches many of the worst surprises.",
    "Reading its issue tracker shows whether anyone maintains the code at all.",
    "The pip-audit tool lists known vulnerabilities in installed packages.",
    "Go modules record the exact versions a build used in a checked file.",
    "Pinning versions keeps a build from changing under a developer's feet.",
    "Upgrades should still happen, but on purpose and with the tests run again.",
    "Each new dependency is a new party a project has to trust with its users.",
    "Licences matter too, since a package may forbid the use a team has in mind.",
    "Some packages pull in a compiler toolchain just to build a small extension.",
]
_ANECDOTE = [
    "Years ago I built Code Search, a tool for searching public source code.",
    "Code Search used a regular expression library written by another team.",
    "When Code Search launched, that library turned out to be too slow for user queries.",
    "Code Search had to isolate the library in a separate process to keep it safe.",
    "The lesson from Code Search was that a dependency can fail in ways nobody planned for.",
    "In the end Code Search replaced the library with one written for the purpose.",
    "Code Search ran for years after the change without that class of failure.",
]
_CLOSING = [
    "Most projects have no such luxury and depend on code they cannot replace.",
    "The PyPI ecosystem makes adding a package a single short command.",
    "That ease is exactly why the cost of each package deserves a second look.",
    "Go modules make the versions visible, which is a good first step for any team.",
    "Dependency graphs grow quietly until one broken package stops every build.",
    "A left-pad style removal showed how one small PyPI package could break thousands.",
    "Watching for new versions and reading their changes takes time every week.",
    "Vendoring copies the code into the project and keeps it reviewable.",
    "Security advisories arrive for old versions long after a team moved on.",
    "The PyPI maintainers added safeguards after the left-pad removal.",
    "Go modules also verify downloaded code against a public checksum database.",
    "None of these tools decide for a team which risks it is willing to take.",
    "Developers should treat every dependency as code they are responsible for.",
    "Small utility packages are the easiest to replace with a few lines of code.",
    "Large frameworks are harder, and their upgrades deserve a plan of their own.",
    "That is the real cost of a dependency, and it is paid long after it is added.",
]
ESSAY = " ".join(_OPENING + _ANECDOTE + _CLOSING)


def test_a_side_detail_of_a_long_essay_is_no_tag() -> None:
    tags = _tags(ESSAY, "Our software dependency problem")
    assert "code-search" not in tags and "pypi" in tags, tags


def test_a_name_that_opens_on_an_adjective_keeps_it() -> None:
    # "#express" for American Express, "#commission" for the European Commission.
    text = (
        "American Express shares rose after the firm said it would spin off its advisory arm. "
        "American Express said the unit would trade on its own by the autumn. Analysts said "
        "American Express would focus on cards once the sale was done. The European "
        "Commission is looking at card fees across the region. American Express declined "
        "to comment on the European Commission review. Shares in American Express closed up "
        "4%."
    )
    tags = _tags(text, "Amex shares up on spin-off news")
    assert "american-express" in tags and "express" not in tags, tags


def test_an_ampersand_inside_a_name_is_part_of_it() -> None:
    # "#johnson" for Johnson & Johnson.
    text = (
        "Drugs giant Johnson & Johnson has agreed to buy Guidant for $25bn. The firm said the "
        "deal would make it a leader in heart devices. Guidant makes defibrillators and "
        "stents. Johnson & Johnson will pay in cash and shares. Guidant shareholders must "
        "still approve the deal, which Johnson & Johnson expects to close next year."
    )
    tags = _tags(text, "J&J agrees $25bn Guidant deal")
    assert "johnson-johnson" in tags and "johnson" not in tags, tags


def test_a_first_name_under_the_full_name_is_the_full_name() -> None:
    text = (
        "Andrea studied fine art before she turned to designing software. Since 2012 Andrea "
        "has designed apps for small teams. Andrea, it must be told, is firmly against "
        "dark patterns. You can find Andrea @amcvittie on Twitter."
    )
    tags = _tags(text, "Andrea McVittie, User Experience Designer")
    assert "andrea-mcvittie" in tags and "andrea" not in tags, tags


def test_link_text_and_cut_names_are_no_tags() -> None:
    rows = "\n".join(
        f"{name}\n{year}\n${price}\nDCR Post Here"
        for name, year, price in (("Stages Power Meter", 2016, 549), ("Garmin Vector 3", 2017, 999),
                                  ("Favero Assioma", 2017, 799), ("Wahoo Kickr", 2016, 1199),
                                  ("Elite Direto", 2017, 899)))
    text = (
        "The fall sale cuts prices on most power meters and trainers by 20%. Every meter in "
        "the table below is included, each with a link to its review. Most of them support "
        "Dual ANT+ and Bluetooth, and Dual ANT+ units pair with older head units. The sale "
        "runs until Sunday. Dual ANT+ models sell out first.\n" + rows
    )
    tags = _tags(text, "Huge fall sale on power meters")
    assert "dcr-post" not in tags and "dual-ant" not in tags, tags

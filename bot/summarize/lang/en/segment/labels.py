"""English captions told by a label before a colon ("Poignant: Vegetables sold by the victim
…", a headline quoted under its source's name), and a how-to's step labels, which only their
run shows to be steps (issue 28, stop 48's feed read)."""

from __future__ import annotations

import re

# In NOT_PROSE's order, between its boilerplate and its picture captions.
LABEL_CAPTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # A headline quoted under its source's name, as political digests list them: "Wall Street
    # Journal: "Obama Retreats on Health Care Rules"" (the quote closes the span with no mark
    # of its own: a headline, not a quoted sentence).
    ("caption", re.compile(
        r"^[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,4}: [\"“‘][^\"“”‘’.!?]{3,200}[\"”’]$")),
    # A caption opening with a label: "Poignant: Vegetables sold by the victim were found …".
    # Capitalised words only: a title with a subtitle ("Call of Duty: Black Ops 4 sold …") is
    # prose; a how-to's steps, whose labels may hold a linking word, are STEP_LABEL's.
    ("caption", re.compile(r"^[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}: [A-Z]")),
    # A caption with a label in words before the colon, closed by the scrape's " ." that marks
    # Daily Mail captions ("How time passes: Frederick and Elizabeth Noble wed … 70 years .").
    # A label with a verb is a writer's lead-in ("It also said: '…'", "Mr Limbaugh concluded:
    # '…'"), and a pronoun opens one: neither is a label.
    ("caption", re.compile(
        r"^(?!(?:He|She|It|They|We|I|You|This|That|There)\b)[A-Z][\w'’-]*"
        r"(?: (?!(?:said|says|told|tells|added|adds|wrote|writes|asks|warns|explains|insists|"
        r"claims|states|reads|\w+ed)\b)[\w'’-]+){0,5}: [\"“‘']?[A-Z].*\s\.$")),
    # The same label in lower-case words, with no verb, before a capitalised sentence: "High
    # numbers: In recent weeks, up to 10 barrel jellyfish …", "Former friends: Gerry Adams
    # (left) is pictured …". A pronoun, article or connective opens prose, not a label.
    ("caption", re.compile(
        r"^(?!(?:He|She|It|They|We|I|You|This|That|There|The|A|An|In|On|At|But|And|So|Or|As|"
        r"For)\b)[A-Z][\w'’-]*(?: (?!(?:said|says|told|tells|added|adds|wrote|writes|asks|warns|"
        r"explains|insists|claims|states|reads|is|are|was|were|has|have|had|\w+ed)\b)"
        r"[a-z][\w'’-]*){1,2}: [A-Z]")),
)

# A how-to's step: an action's name, maybe with a linking word, before a colon and what the
# step does ("Add TaskPaper to OmniFocus: This asks you …", "Ask for Input: Ask for the sub
# tasks."). Alone, the same shape is a title with its subtitle ("Call of Duty: Black Ops 4
# sold …"), so only a run is steps. Not a dash: "Mr Bez - himself a former executive at
# rival Porsche - said …" is a news story's aside (BBC).
STEP_LABEL = re.compile(r"^[A-Z][\w'’-]*(?:(?: (?:to|for|from|with|into|in|on|of|by|at|and|or"
                        r"|the|a))? [A-Z][\w'’-]*){0,3}: [\w\"“‘']")
STEP_RUN = 2  # step labels an item holds before each reads as one


def step_labels(sentences: list[str]) -> frozenset[str]:
    """The sentences of ``sentences`` that are a how-to's steps: STEP_LABEL's, where at least
    STEP_RUN of them stand in the item. Weak as a point, not barred: a reader prefers a step
    to fewer points, and its words still back the sentence that says how the how-to works
    (review of wt-rf48: rf702, rf750)."""
    steps = [s for s in sentences if s[:1].isupper() and STEP_LABEL.match(s)]
    return frozenset(steps) if len(steps) >= STEP_RUN else frozenset()

"""English forms whose "it" stands for nothing told before (a dummy "it": "It is clear that
…", "it seems", "it's raining"). One source for both readers of it: the exemption of a
sentence opening on "it" (``SELF``) and the fronted-clause rule (``fronted.FRONTED_IT``), so
the two cannot disagree on what a dummy is (review of issue 28)."""

from __future__ import annotations

# "it" and a copula, with a modal or a negation: "it's", "it isn't", "it may be", "it can be".
COPULA = (
    r"(?:['’]s|['’]ll be|['’]d be| is| was| were| isn['’]t| wasn['’]t| is not| was not"
    r"| has been| had been| (?:will|would|may|might|can|could|should|must)(?: not)? be"
    r"| (?:won|wouldn|can|couldn|shouldn)['’]t be)"
)
# What a dummy "it" is, after the copula and perhaps an adverb: "It is hard to …", "It's not
# clear why …", "it may be too soon to …", "When it's dark, …", "If it's raining, …".
STATE = (
    r"(?:hard|easy|clear|possible|impossible|important|worth|time|likely|unlikely|difficult|"
    r"safe|fair|true|unclear|not clear|too soon|too early|too late|dark|raining|snowing)"
)
# A verb whose "it" is a dummy: "It seems …", "It remains to be seen whether …", "It emerged
# on Monday that …", "It became clear that …" ("It emerged from the water" and "It turned out
# to be a hoax" have a subject told before: only with their "that").
VERB = (
    r"(?:seems|seemed|appears|appeared|makes sense|remains to be seen|"
    r"(?:won['’]t|will not|didn['’]t|did not) take|"
    r"(?:emerged|turns out|turned out|(?:becomes|became|has become) (?:\w+ )?"
    r"(?:clear|apparent|obvious|evident))(?: [\w-]+){0,3} that)"
)
# A passive of finding or telling before "that", maybe with a time or place between: "It can
# be shown that …", "It was announced on Tuesday that the plant will close" ("It is set to
# open" and "It is concerned that …" have a subject told before: only these verbs, and only
# with "that").
PASSIVE = (
    r"(?:\w+ly )?(?:thought|said|known|understood|believed|expected|hoped|estimated|predicted|"
    r"reported|feared|claimed|alleged|accepted|established|shown|noted|suggested|assumed|"
    r"rumou?red|agreed|decided|announced|confirmed|revealed|felt|found|forecast|anticipated|"
    r"argued|recogni[sz]ed|acknowledged|made clear)(?: [\w-]+){0,4},? that"
)
# A cleft on a name: "It was Apple that first shipped the feature": the sentence names what its
# "it" stands for ("It was a product that sold well" leans back). Not "It was Lao Tzu who
# said …": a quotation's lead-in, which read worse as a point than the prose it displaced.
CLEFT = r"(?: not| only)? (?-i:[A-Z])[\w.&-]*(?: (?-i:[A-Z])[\w.&-]*){0,2} that\b"
# What follows a dummy "it": a copula and a state, a passive or a cleft, or a dummy's verb.
DUMMY = rf"{COPULA} (?:\w+ly )?{STATE}\b|{COPULA} {PASSIVE}\b|{COPULA}{CLEFT}| {VERB}\b"

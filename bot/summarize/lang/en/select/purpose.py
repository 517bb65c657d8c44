"""English sentences in which the writer says what the piece presents ("This post presents
minimal version selection, a new, simple approach to …", "Here, we identified the role of
GH1, which …", "In this post I'll share the steps …"): the selector's ``purpose`` feature
(bot.summarize.scoring).

Why: on blog posts and paper abstracts the opening is setup ("A versioned Go command must
decide …", "Phosphoinositides … play essential roles …") that wins on position and
centrality, while the sentence that says what the piece gives the reader comes fourth or
tenth; readers of the real-world feed items said the brief "never says what it is" (issue
28). News stories do not write this way (no sentence of the wire, CNN/DM or BBC dev sets
matches; where a story has one, it is someone's words, "This report shows …, the senator
said.", and a reported sentence never counts), so the feature moves feed items only.

Only a sentence that opens on the piece itself and goes on with a verb of presenting counts,
in the present tense or a future ("This post will show how …"): "This post showed up in my
feed.", "This paper looked nothing like the draft.", "This blog post has been updated on …",
"This paper lets us put aside …", "Here's the thing" and "Here we go" do not. After "we" or
"I" a verb of method does not ("Here, we measured root depth …" tells how, not what)."""

from __future__ import annotations

import re

# What the writer calls the piece: "post", "blog post", "paper", "work"; "this week's episode"
# is not one (an episode's notes are links, not prose).
_PIECE = (
    r"(?:(?:blog |short |long |first |final |last |next )?post|article|paper|piece|essay|"
    r"write-?up|guide|tutorial|study|report|review|note|thesis|chapter|letter|book|talk|blog|"
    r"work)"
)
# Verbs of presenting, as stems: the forms are added below ("present" + "s", "describ" + "ed").
_PRESENTING = (
    r"(?:present|describ|explain|introduc|show|report|identif|propos|outlin|explor|discuss|"
    r"detail|review|demonstrat|compar|evaluat|analy[sz]|argu|summari[sz]|"
    r"walk|delv|develop|characteri[sz]|establish|reveal|document|focus|tackl)"
)
# Verbs of method: "This study examines …" says what it presents, "Here, we examined …" what
# was done (a methods sentence, not the result).
_METHOD = r"(?:measur|assess|examin|investigat)"
# "look", "find", "test", "share" … say what the piece presents only with an object about it ("looks
# at how …", "finds that …"); "This letter finds its way …" does not.
_GENERIC_OBJECT = r"(?:how|what|why|whether|which|when|if)\b"
# In the writer's own voice they need none ("In this post I'll share the steps …").
_GENERIC = r"(?:shar|cover|address)"
_THIRD = rf"(?:{_PRESENTING}|{_METHOD})(?:es|s|ies)\b"
_THIRD_GENERIC = (
    rf"(?:looks (?:at|into|back at)|finds that|(?:tests|shares|covers|addresses) {_GENERIC_OBJECT})"
)
_BASE = rf"(?:{_PRESENTING}|{_METHOD}|{_GENERIC})(?:e|y)?\b"
_BASE_GENERIC = rf"(?:look (?:at|into|back at)|find that|test {_GENERIC_OBJECT})"
# "is about" but not "is about to …" nor "is about a week / 20 pages" (a quantity).
_ABOUT = (
    r"is (?:all )?about\b(?! to\b)(?! (?:\d|(?:a|an|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|twenty|thirty|fifty|a hundred|half an?)\b(?: \w+)? (?:second|minute|hour|day|"
    r"week|month|year|page|word|mile|dozen|hundred|thousand|million|percent)s?\b))"
)
_MODAL_THIRD = r"(?:will|is going to|aims to|sets out to)"
_ADVERB = r"(?:also |briefly |then |further |first |now )?"
# Presenting in the writer's own voice: the past is fine here ("Here, we identified …"), a
# method is not.
_WE_VERB = rf"(?:(?:{_PRESENTING}|{_GENERIC})(?:e|y|ed|d|ied)?\b|(?:find|found) that\b)"
_WE_MODAL = r"(?:['’]ll| will| are going to|['’]re going to| want to| would like to| hope to)"
PURPOSE = re.compile(
    # "This post presents …", "This work describes …", "This post will show how …"
    rf"(?:This|The following|The rest of this|Today['’]s) {_PIECE},? {_ADVERB}"
    rf"(?:{_THIRD}|{_THIRD_GENERIC}|{_ABOUT}|{_MODAL_THIRD} {_ADVERB}(?:{_BASE}|{_BASE_GENERIC}))"
    # "In this post, I'll share …", "In this study, we developed …", "Here, we show …", "Here
    # we'll look at …" ("In this article we'll call that unit of code a package" defines a
    # word; "In this study, 20 landraces … were grown" tells a method)
    rf"|(?:In (?:this|the following|the rest of this) {_PIECE},? |Here,? )(?:we|I)"
    rf"(?:{_WE_MODAL} {_ADVERB}(?:{_BASE}|{_BASE_GENERIC})| {_ADVERB}{_WE_VERB})",
)
# Someone's words, not the writer's: "This report shows the agency failed …, Senator Jane
# Moore said."; a quotation mark, or a quote that closes at the sentence's end.
_REPORTED = re.compile(r"\b(?:said|says|told|according to)\b|[\"“”]|[.!?,]['’]\s*$")


def states_purpose(sentence: str) -> bool:
    """Whether ``sentence`` opens by saying, in the writer's own words, what the piece
    presents."""
    return PURPOSE.match(sentence) is not None and _REPORTED.search(sentence) is None

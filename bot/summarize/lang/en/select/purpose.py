"""English sentences in which the writer says what the piece presents ("This post presents
minimal version selection, a new, simple approach to …", "Here, we identified the role of
GH1, which …", "In this blog post, we provide motivation for …"): the selector's ``purpose``
feature (bot.summarize.scoring).

Why: on blog posts and paper abstracts the opening is setup ("A versioned Go command must
decide …", "Phosphoinositides … play essential roles …") that wins on position and
centrality, while the sentence that says what the piece gives the reader comes fourth or
tenth; readers of the real-world feed items said the brief "never says what it is" (issue
28). News stories do not write this way (no BBC or wire article, one CNN/DM article has such
a sentence), so the feature moves feed items only.

Only a sentence that opens on the piece itself and goes on with a verb of presenting counts:
"This blog post has been updated on …", "This paper lets us put aside …", "Here's the thing"
and "Here we go" do not."""

from __future__ import annotations

import re

# What the writer calls the piece: "post", "blog post", "paper", "this week's episode" is not
# one (an episode's notes are links, not prose).
_PIECE = (
    r"(?:(?:blog |short |long |first |final |last |next )?post|article|paper|piece|essay|"
    r"write-?up|guide|tutorial|study|report|review|note|thesis|chapter|letter|book|talk|blog)"
)
# Verbs of presenting, in the third person ("This post presents …") and, after "we"/"I",
# in the base or past form ("Here, we show …", "Here we identified …"); "-s" and "-ed" are
# added below, so each is given as its stem.
_STEMS = (
    r"(?:present|describ|explain|introduc|show|report|identif|propos|outlin|explor|examin|"
    r"discuss|cover|detail|review|investigat|demonstrat|compar|evaluat|analy[sz]|argu|"
    r"summari[sz]|shar|look|walk|delv|develop|characteri[sz]|establish|reveal|"
    r"document|test|measur|assess|find|found|focus|tackl|address)"
)
# "This post is about …" says it too.
_VERB = rf"(?:{_STEMS}(?:e|es|s|ies|ied|y|ed|d|ing)?|(?:is|was) (?:all )?about)\b"
PURPOSE = re.compile(
    # "This post presents …", "This paper describes …", "The following report delves …"
    rf"(?:This|The following|The rest of this|Today['’]s) {_PIECE},? "
    rf"(?:also |briefly |then |further )?{_VERB}"
    # "In this post, I'll share …", "In this study, we developed …": a piece fronted, then
    # the writer and a verb of presenting ("In this article we'll call that unit of code a
    # package" defines a word; "In this study, 20 landraces … were grown" tells a method)
    rf"|In (?:this|the following|the rest of this) {_PIECE},? (?:we|I)"
    rf"(?:['’]ll| will| are going to| want to| would like to| hope to)? "
    rf"(?:also |briefly |then |further |first )?{_VERB}"
    # "Here, we show …", "Here we describe …" (an abstract's own statement of its result)
    rf"|Here,? (?:we|I) (?:also |further |now )?{_VERB}",
)


def states_purpose(sentence: str) -> bool:
    """Whether ``sentence`` opens by saying what the piece presents."""
    return PURPOSE.match(sentence) is not None

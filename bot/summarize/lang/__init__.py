"""Per-language summarizer rules as data: a package per language, a module per concern."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TypeVar

_K = TypeVar("_K", bound=Hashable)
_T = TypeVar("_T")


class Memo(dict[_K, _T]):
    """Key -> what ``read`` gave for it, read when first asked and kept; with a ``bound``, the
    memo is emptied when it holds that many (a long-running bot sees ever more distinct words
    and stays bounded). The memo for a brief's readings and the word caches: a brief's
    candidate readings (``once``) and the term and bigram caches of ``bot.summarize.text`` were
    three classes (``bot.summarize.segment``'s span cache is a dict of its own). A dict's
    ``__missing__`` costs one attribute lookup on a miss and nothing on a hit, where
    functools.cache's wrapper builds an argument tuple on every call."""

    __slots__ = ("bound", "read")

    def __init__(self, read: Callable[[_K], _T], bound: int = 0) -> None:
        super().__init__()
        self.read = read
        self.bound = bound  # 0: unbounded (a memo that lives for one brief)

    def __missing__(self, key: _K) -> _T:
        if self.bound and len(self) >= self.bound:
            self.clear()
        value = self[key] = self.read(key)
        return value


def once(read: Callable[[int], _T]) -> Callable[[int], _T]:
    """``read`` of each candidate once, when first asked: a brief makes several such readers
    (the selector's lazy readings) and asks each of few candidates, so functools.cache's
    wrapper (made by ``update_wrapper``) cost more to make than the readings it kept."""
    return Memo(read).__getitem__

# Word-level caches (a word to its stem, noun or term) hold at most this many words each: a
# long-running bot sees ever more distinct words, and 16,384 words cover the common ones (the
# rest cost a recomputation, microseconds). A full cache of 65,536 words held ~13 MB: five of
# them and the term cache at twice that came to ~80 MB in a bot that reads Korean and English.
WORD_CACHE_SIZE = 16384

# What Kiwi (bot.summarize.korean) makes of a text: (form, tag, start, end) per morpheme. A
# language's rules are given the analyser rather than importing it: they sit below it.
Morph = tuple[str, str, int, int]
Analyser = Callable[[str], tuple[Morph, ...]]

# A candidate's values of the selection features a language reads in its own way
# (bot.summarize.scoring): entities, price, quote, headline_nouns, speakerless, background,
# headline_figure, key_fact. A language may give the first six only: the rest count as 0.
Cues = tuple[float, ...]
# The cues of one article's candidates: (candidates, headline, whether a feature is to be
# computed, the analyser) -> (k, candidate k, whether it is the lede) -> its cues.
CueReader = Callable[
    [list[str], str, Callable[[str], bool], "Analysis"], Callable[[int, str, bool], Cues]]

# Closing quotes and brackets that may follow a sentence's terminal mark, in any language.
CLOSERS = "\"'”’)]»」』"


@dataclass(frozen=True)
class Words:
    """The word services of bot.summarize.text a language's rules may need, handed in: the
    rules sit below it."""

    content: Callable[[str, str], list[str]]  # content_words(text, lang)
    strip_particle: Callable[[str], str]  # a Korean word without its trailing particle
    tokens: Callable[[str], list[str]]  # the raw word tokens of a text, as written
    term: Callable[[str], str | None]  # a raw token's content term, None for a stop word


@dataclass(frozen=True)
class Analysis:
    """What the analyser module (bot.summarize.korean, Kiwi) offers a language's rules, handed
    in: the rules sit below it. Nothing here loads the analyser until it is called."""

    available: Callable[[], bool]
    morphs: Analyser
    # Runs of nouns as written, each with its nouns ("미국 에너지부", ["미국", "에너지부"])
    noun_phrases: Callable[[str], list[tuple[str, list[str]]]]
    # Whether the subject particle at a character marks the main clause's subject
    main_clause_subject: Callable[[str, int], bool]
    # A line without its wire dateline and byline; whether rules would guess its sentence
    # boundaries; the analyser's sentences of it (None when it cannot say)
    story_lines: Callable[[str], list[str]]
    needs_splitting: Callable[[str], bool]
    split_line: Callable[[str], list[str] | None]


# A label candidate: (word as the label shows it, its content term) per word
Candidate = list[tuple[str, str]]
# A label names the point's subject, which comes early: one found past this share of the point
# names something the point mentions on the way ("appeal of a federal judge's injunction").
SUBJECT_SHARE = 0.6


def quoted(point: str, at: int) -> bool:
    """Whether position ``at`` of ``point`` is inside a quotation."""
    before = point[:at]
    straight = before.count('"') % 2 == 1
    curly = before.count("“") > before.count("”") or before.count("「") > before.count("」")
    single = before.count("‘") > before.count("’") or before.count("『") > before.count("』")
    return straight or curly or single


@dataclass(frozen=True)
class Labelling:
    """How a language labels a point (bot.summarize.labels asks; the language's ``labelling``
    module answers)."""

    # The candidate phrases of a point under its headline: (point, title, word services)
    phrases: Callable[[str, str, Words], list[Candidate]]
    # Whether a phrase (its words as written, the phrase, the point) reads as a label; None
    # where every candidate phrase does
    reads_well: Callable[[list[str], str, str], bool] | None
    # Whether no label can stand over the point: asked before one is looked for
    unlabelled: Callable[[str], bool]
    # A label from the analyser's reading, used where it is available (point, headline and
    # story, headline, the words earlier labels used); None where the language has none
    analysed: Callable[[str, str, str, set[str], Analysis], str | None] | None
    # Whether a label written at a character of the point early on may stand: (label, point,
    # where, headline and story, the analyser)
    stands: Callable[[str, str, int, str, Analysis], bool]
    # The label as shown ("iPad Pro" stays, "recycling plant" becomes "Recycling plant")
    shown: Callable[[str], str]


@dataclass(frozen=True)
class Splitting:
    """What bot.summarize.text hands a language's line splitter, which sits below it."""

    not_prose: Callable[[str, str], str | None]  # bot.summarize.segment.not_prose(span, lang)
    analysis: Analysis


def marked_sentences(block: str, split_line: Callable[[str], list[str]]) -> list[str]:
    """The sentences of a stripped line by a language's ``split_line``: a line with no terminal
    mark is one sentence (most Korean feed lines); blank pieces go."""
    if "." not in block and "!" not in block and "?" not in block and "…" not in block:
        return [block]
    return [s.strip() for s in split_line(block) if s.strip()]


@dataclass(frozen=True)
class Language:
    """What the shared summarizer code asks of a language: each package's ``language`` module
    builds one (``LANGUAGE``) from its own tables, and bot.summarize.lang.registry finds it by
    code, so the shared modules never branch on a language's name."""

    code: str
    # A sentence that is only site boilerplate (bot.summarize.extractive)
    boilerplate: re.Pattern[str]
    # The kind of span a sentence is when it is not prose, else None (bot.summarize.segment)
    not_prose: Callable[[str], str | None]
    # Whether the language writes compounds with or without spaces ("기초과학" ~ "기초 과학") and
    # glues Latin words to its own ("SK텔레콤"): similarity terms add character bigrams of each
    # stem (bot.summarize.text, scoring), and grounding compares names and a label's terms
    # without spaces (bot.summarize.grounding)
    spaceless_compounds: bool
    # Whether its names are written in Hangul: an English brief of its text romanises them, and
    # a point may borrow a noun Kiwi finds elsewhere in the article (bot.summarize.grounding)
    hangul_names: bool
    # A sentence's ending, where the language marks one: a candidate without it is a heading
    # (bot.summarize.scoring); None where headings cannot be told apart this way
    sentence_ending: Callable[[str], bool] | None
    # Whether a span with no sentence ending is a noun phrase with no predicate at all, by the
    # analyser's reading (Korean: "지난해 … 수상자들."): never a point; None where the language
    # has no such test (bot.summarize.extractive)
    verbless: Callable[[str, Analyser], bool] | None
    # How many spaced words a claim label may have, at least and at most
    label_words: tuple[int, int]
    # Whether a sentence opens by referring back to something it does not name; given the
    # analyser's subjectless-clause test and the analyser (bot.summarize.extractive)
    refers_back: Callable[[str, Callable[[str], bool], Analyser], bool]
    # The scope words of each negation in a text, nearest to the cue first, and the words a
    # point states (the dropped-negation check compares them); a scope's lead word counts only
    # from this length (bot.summarize.negation)
    negation_scopes: Callable[[str, Words], list[list[str]]]
    stated_words: Callable[[str, Words], set[str]]
    shortest_scope_lead: int
    # Whether a story's first prose sentence leans on nothing (impersonal leads are common),
    # whether a point may be as short as 15 characters of any word count, and whether a line
    # ending in ":" or ";" only introduces what follows (bot.summarize.extractive)
    impersonal_leads: bool
    short_points: bool
    lead_in_lines: bool
    # Whether every word of a label must recur in the story (modifiers look like nouns:
    # "바꾼 암세포"), and how the language labels a point, None where it has no label rules
    # (bot.summarize.labels)
    label_words_recur: bool
    labelling: Labelling | None
    # A line with a terminal mark cut at its sentence boundaries, unstripped (bot.summarize.text)
    split_line: Callable[[str], list[str]]
    # The sentences of one stripped line of a story, every span of it kept (bot.summarize.text)
    line_sentences: Callable[[str, Splitting], list[str]]
    # Up to ``limit`` tags of a story: (title, sentences, the brief's points, limit, the
    # sentences' tokens if known, word services, analyser) (bot.summarize.tags)
    keywords: Callable[
        [str, list[str], list[str], int, list[list[str]] | None, Words, Analysis], list[str]]
    # Caption-like sentences by their words (credits, bare attributions; bot.summarize
    # extractive and scoring), the candidates a scrape's closing mark shows to be captions,
    # and whether candidate k opens on the bare surname of someone only a later sentence
    # introduced and the headline (shown above the brief) does not name (None: the language
    # has no such rule)
    weak: Callable[[str], bool]
    late_captions: Callable[[list[tuple[int, str]]], frozenset[str]]
    bare_surname: Callable[[list[str], int, str], bool] | None
    # The sentences right before a photo credit, which are captions wherever they appear
    # (bot.summarize.segment), given the language's ``not_prose`` as the article's kinds read
    # it; None where no such credit line is known
    credited_captions: Callable[[list[str], Callable[[str], str | None]], set[str]] | None
    # Indexes of sentences their neighbours show to be no prose, wherever they are (English
    # sponsor reads after "Sponsored by:" and a show's links; bot.summarize.segment); None
    # where none is known
    section_not_prose: Callable[[list[str]], set[int]] | None
    # Indexes of the lines of a list under its lead-in (English: unmarked lines after a line
    # ending in ":"): no candidates, but points when nothing else is (bot.summarize.segment);
    # None where none is known
    list_lines: Callable[[list[str]], set[int]] | None
    # Indexes of the sentences that are pieces of a quotation the splitter cut (opened and not
    # closed, closed and not opened, or inside one): part of the story, never a point
    # (bot.summarize.extractive), given the index of each paragraph's first sentence (a
    # quotation left open ends there); None where no such rule is known
    cut_quotations: Callable[[list[str], frozenset[int]], set[int]] | None
    # The story's text made ready for splitting into lines (English joins a line broken inside
    # a name after a title: "Dr.\nJanet"; bot.summarize.text); None where nothing is to do
    prepare_text: Callable[[str], str] | None
    # Whether a short item (no more candidates than points) drops a candidate that leans back
    # on a sentence the brief does not show (bot.summarize.extractive)
    short_items_stand_alone: bool
    # The selection features the language reads in its own way (bot.summarize.scoring)
    cues: CueReader
    # What the rules cache of the analyser's readings: cleared with its own caches
    # (bot.summarize.korean.clear_cache)
    analysis_caches: tuple[Callable[[], None], ...]
    # Whether the story's first candidate, where leads may be impersonal, still leans on what
    # follows it (Korean: a bare quotation, its speaker named after it) and so opens no brief
    # (bot.summarize.extractive); None where no such rule is known
    opens_no_brief: Callable[[str], bool] | None = None
    # Whether candidate k only reports the bare quotation right before it (Korean: "…교수는
    # “…”면서 이같이 말했다" after "“…”"): it leans on that quotation, and the quotation, the
    # story's first candidate, may open the brief it names the speaker of
    # (bot.summarize.extractive); None where no such rule is known
    reports_quotation_before: Callable[[list[str], int], bool] | None = None
    # Whether candidate k names someone by surname and title only ("윤 의원은") while the full
    # name is only in a sentence the brief may not show, given the headline, which may name
    # them (bot.summarize.extractive); None where no such rule is known
    surname_title: Callable[[list[str], int, str], bool] | None = None
    # A candidate with an opening contrast set aside where the headline shows the contrast
    # (Korean: "반면 공조본은 …" under "…경호처 “사실 무근” 공조본 “채증됐다”"), read before
    # ``refers_back`` (bot.summarize.extractive); None where no such rule is known
    contrast_shown: Callable[[str, str], str] | None = None
    # Given the story's sentences, a reader of the facts a sentence tells that no chosen point
    # may lack for it to retell them (``restates``, bot.summarize.scoring; English: standalone
    # figures and names); None where the language has no such reading, and the feature is off
    new_facts: Callable[[list[str]], Callable[[str], frozenset[str]]] | None = None
    # Given the candidates' sentences and the analyser, whether candidate k retells chosen
    # candidate j (``restates`` too; Korean: a quotation of k says the clause a quotation of
    # j said, "“판사와 법원은 입법을 하면 안 된다”" after "“판사가 입법을 하면 안 된다”", or k
    # tells j's legal event again with nothing new, "…집회 참가자 2명을 체포했다고 밝혔다" after
    # "집회 참가자 2명이 … 체포됐다"); None where the language has no such reading
    retelling: Callable[[list[str], Analyser], Callable[[int, int], bool]] | None = None
    # Whether a sentence is a point that gives way to an untold key fact scoring within
    # ``fact_margin`` of it (bot.summarize.scoring ``choose``; Korean: a long quotation with no
    # figure, ko40's governor's words over "사망자 23명의 유족에는 550만원, …"); never the lede
    # nor a sentence that carries ``headline_claim`` of the headline's nouns or more. None
    # where no such rule is known; the two numbers are the language's own, set by reading
    yields_to_facts: Callable[[str], bool] | None = None
    fact_margin: float = 0.0
    headline_claim: float = 0.0
    # The headline's units a brief should carry that its lead tends to miss (Korean: a
    # headline's second fact, "A, B" or "A … B": the analyser's lemmas of B that A lacks, verb
    # stems with nouns, "열려" ~ "열렸다"; empty when the headline tells one fact), and those
    # of the units a sentence carries: the selector's ``headline_gain``
    # (bot.summarize.scoring; read from the headline, the analyser, the story's sentences
    # joined, which say how the body writes a headline word, and its lede, "" for none, which
    # says what the headline promises beyond it; Korean: the headline's nouns the lede leaves
    # untold where it tells the second fact), with how many of them no chosen point may carry
    # yet for any to gain (1: each counts alone; Korean's untold nouns: 2, as one such noun is
    # as often the headline's word for the lede's event); None: no such feature
    headline_units: Callable[[str, Analyser, str, str], tuple[frozenset[str], int]] | None = None
    units_in: Callable[[str, frozenset[str], Analyser], frozenset[str]] | None = None
    # The units a sentence may carry, read without the analyser (a superset of ``units_in``'s):
    # choose() skips the reading of a candidate that cannot win even with them all
    units_maybe: Callable[[str, frozenset[str]], frozenset[str]] | None = None
    # A photo caption's own words without the credit that closes it ("… 재촉하고 있다. /뉴스1"
    # -> "… 재촉하고 있다."; a prefix of the span, so verbatim), None for a span that is no
    # credited caption: the points of an item whose body is only captions
    # (bot.summarize.extractive); None where no such rule is known
    caption_text: Callable[[str], str | None] | None = None
    # ``weak`` as read under a headline, where the headline can make a weak kind the news
    # (Korean: a list of parties' figures under a headline about one party's figure);
    # None: ``weak`` alone
    weak_under: Callable[[str], Callable[[str], bool]] | None = None
    # Whether a sentence tells which day it is (True), only leans on a day told elsewhere
    # (False: Korean "이날" as its one time anchor) or neither (None): the selector weighs one
    # of the second kind as leaning back while no chosen point is of the first
    # (bot.summarize.scoring); None where no such rule is known
    date_told: Callable[[str], bool | None] | None = None
    # Indexes of sentences their place on the page shows to be no prose though each reads as
    # prose, given the index of each paragraph's first sentence (English: an NPR slideshow's
    # caption, an old headline on the body's first line; bot.summarize.segment); None where
    # none is known
    placed_not_prose: Callable[[list[str], frozenset[int]], set[int]] | None = None
    # Indexes of the subheads and link titles set between paragraphs of prose, given the index
    # of each paragraph's first sentence (English: a short line with no verb and no closing
    # mark after a sentence that tells something): no candidates, and points only when no
    # other line is, not even the last resort's (bot.summarize.extractive), given the
    # language's ``not_prose`` as the article's kinds read it; None where none is known
    subheads: Callable[[list[str], frozenset[int], Callable[[str], str | None]], set[int]] \
        | None = None
    # Whether a sentence opens by saying what the piece presents (English: "This post presents
    # …", "Here, we show …"): the selector's ``purpose`` (bot.summarize.scoring); None where
    # no such rule is known
    states_purpose: Callable[[str], bool] | None = None
    # The indexes of the lines an item with no candidate at all still gives as points, given
    # its lines, its headline, each paragraph's first line, the language's ``not_prose`` as
    # the article's kinds read it and whether a line leans back (English: a one-line item's
    # line, a show's topic lines; bot.summarize.extractive): a brief with no points reads as
    # broken. None where no such rule is known
    mute_item_lines: Callable[
        [list[str], str, frozenset[int], Callable[[str], str | None], Callable[[str], bool]],
        list[int]] \
        | None = None
    # The headline in the words its body writes (Korean: a Hanja abbreviation or word in
    # Hangul, "小寒" -> "소한", "野" -> "야당"), whose content words the selector's ``headline``
    # similarity reads (bot.summarize.extractive); None where a headline is read as written
    headline_reading: Callable[[str], str] | None = None
    # Whether two of a brief's tags (normalised: "macbooks", "apple-watch") name one thing to a
    # reader beyond their canonical form, given whether both are the item's feed categories
    # (English: a plural beside its singular, "#macs" beside "#macbooks"), and the feed
    # categories that only name a site's section ("blog"): no tags (bot.summarize.tags). None
    # and empty where the language has no such rules: a tag is then one thing by its form
    one_thing: Callable[[str, str, bool], bool] | None = None
    section_categories: frozenset[str] = frozenset()
    # A feed category of several words that names a site's section ("Product News", "Company
    # Updates"): its last word is a tail and the word before it a head; no tag either
    # (bot.summarize.tags); empty where none known
    section_tails: frozenset[str] = frozenset()
    section_heads: frozenset[str] = frozenset()

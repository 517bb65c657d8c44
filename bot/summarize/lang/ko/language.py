"""Korean's rules as the shared summarizer code asks for them (bot.summarize.lang.Language)."""

from __future__ import annotations

from bot.summarize.lang import Language
from bot.summarize.lang.ko import (
    labelling,
    negation,
    segment,
    select,
    sentences,
    tagging,
    words,
)
from bot.summarize.lang.ko.select import headline

LANGUAGE = Language(
    code="ko",
    boilerplate=select.BOILER,
    not_prose=segment.not_prose,
    label_words_recur=True,
    labelling=labelling.LABELLING,
    impersonal_leads=True,
    short_points=True,
    lead_in_lines=False,
    negation_scopes=negation.scopes,
    stated_words=negation.stated,
    shortest_scope_lead=2,
    refers_back=select.refers_back,
    split_line=sentences.split_line,
    line_sentences=sentences.line_sentences,
    spaceless_compounds=True,
    hangul_names=True,
    sentence_ending=select.ENDED,
    verbless=select.verbless,
    cues=select.cues,
    weak=words.weak,
    weak_under=words.weak_under,
    late_captions=select.late_captions,
    bare_surname=select.unintroduced,
    date_told=select.date_told,
    section_not_prose=None,
    list_lines=None,
    cut_quotations=sentences.quote_runs,
    prepare_text=None,
    short_items_stand_alone=False,
    credited_captions=None,
    keywords=tagging.story_tags,
    analysis_caches=(tagging.clear_cache, labelling.clear_cache),
    opens_no_brief=select.opens_no_brief,
    surname_title=select.surname_title,
    contrast_shown=headline.contrast_shown,
    units_in=select.units_in,
    units_maybe=select.units_maybe,
    headline_units=select.second_fact,
    label_words=(1, 6),
    caption_text=segment.caption_text,
    headline_reading=words.read_headline,
)

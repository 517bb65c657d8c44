"""English's rules as the shared summarizer code asks for them (bot.summarize.lang.Language)."""

from __future__ import annotations

from bot.summarize.lang import Language
from bot.summarize.lang.en import labelling, negation, segment, select, sentences, tagging, tags
from bot.summarize.lang.en.segment import captions, placed, quotations, subhead, topics
from bot.summarize.lang.en.select import new_facts, purpose
from bot.summarize.lang.en.tagging import one_thing

LANGUAGE = Language(
    code="en",
    boilerplate=select.BOILER,
    not_prose=segment.not_prose,
    label_words_recur=False,
    labelling=labelling.LABELLING,
    impersonal_leads=False,
    short_points=False,
    lead_in_lines=True,
    negation_scopes=negation.scopes,
    stated_words=negation.stated,
    shortest_scope_lead=0,
    refers_back=select.refers_back,
    split_line=sentences.split_line,
    line_sentences=sentences.line_sentences,
    spaceless_compounds=False,
    hangul_names=False,
    sentence_ending=None,
    verbless=None,
    cues=select.cues,
    weak=select.english_weak,
    late_captions=select.late_captions,
    bare_surname=select.bare_surname,
    credited_captions=captions.credited,
    placed_not_prose=placed.placed,
    section_not_prose=segment.headed_sections,
    subheads=subhead.subheads,
    list_lines=segment.list_lines,
    cut_quotations=quotations.cut_quotations,
    prepare_text=sentences.prepare,
    short_items_stand_alone=True,
    keywords=tagging.story_tags,
    one_thing=one_thing.one_thing,
    section_categories=tags.SECTION_CATEGORIES,
    section_tails=tags.SECTION_TAILS,
    section_heads=tags.SECTION_HEADS,
    analysis_caches=(),
    label_words=(2, 5),
    states_purpose=purpose.states_purpose,
    new_facts=new_facts.reader,
    mute_item_lines=topics.mute_item_lines,
)

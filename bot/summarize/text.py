"""Language detection, sentence splitting and scoring tokens for English, Korean and the rest."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from itertools import chain

from bot.summarize import segment
from bot.summarize.korean import ANALYSIS
from bot.summarize.lang import WORD_CACHE_SIZE, Memo, Splitting, Words, marked_sentences
from bot.summarize.lang.en import sentences as en_sentences
from bot.summarize.lang.en import words as en_words
from bot.summarize.lang.ko import words as ko_words
from bot.summarize.lang.registry import LANGUAGES, language

_SCRIPTS = [
    ("ko", re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+")),
    ("ja", re.compile(r"[\u3040-\u30ff]+")),
    ("zh", re.compile(r"[\u4e00-\u9fff]+")),
    ("ru", re.compile(r"[\u0400-\u04ff]+")),
    ("ar", re.compile(r"[\u0600-\u06ff]+")),
]
_LATIN_WORD = re.compile(r"[a-zA-Z\u00c0-\u024f]+")

# A handful of very frequent function words per Latin-script language; enough to tell them apart.
_LATIN_MARKERS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to in is that for was with said on it as by".split()),
    "de": frozenset("der die und das ist nicht mit sich dem den ein eine auf".split()),
    "fr": frozenset("le la les et des est une dans pour pas que qui sur du".split()),
    "es": frozenset("el los las del que por una para con como pero más está".split()),
    "pt": frozenset("os das não uma com para como mais pelo pela são também".split()),
    "it": frozenset("il della che per una non sono gli anche del nel alla".split()),
    "nl": frozenset("het een van de en niet dat zijn op voor met ook".split()),
}

_MARKER_LANGS: dict[str, tuple[str, ...]] = {}
for _lang, _words in _LATIN_MARKERS.items():
    for _w in _words:
        _MARKER_LANGS[_w] = (*_MARKER_LANGS.get(_w, ()), _lang)


# Any character of a non-Latin script we detect; most Latin-script text has none, and then
# the per-script counts are skipped.
_ANY_SCRIPT = re.compile(
    r"[\u0400-\u04ff\u0600-\u06ff\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u4e00-\u9fff"
    r"\uac00-\ud7a3]"
)


# An ASCII text's bytes with every byte but a letter made a space.
_ASCII_LETTER_RUNS = bytes(c if 65 <= c <= 90 or 97 <= c <= 122 else 32 for c in range(256))


def _ascii_letter_runs(sample: str) -> list[str]:
    """``_LATIN_WORD.findall(sample)`` of an ASCII sample, by one translate and split in C
    (findall tried the pattern at every character)."""
    return sample.encode().translate(_ASCII_LETTER_RUNS).decode().split()


# The high bytes (UTF-16) of U+AC00..U+D6FF, every one a Hangul syllable; of U+D7xx only
# U+D700..U+D7A3 are (U+D7B0.. is Jamo Extended-B).
_HANGUL_HIGH = bytes(range(0xAC, 0xD7))


def _hangul_syllables(sample: str) -> int:
    """How many Hangul syllables (U+AC00..U+D7A3) ``sample`` holds, counted on its UTF-16
    high bytes in C. ``len(re.sub(r"[^\uac00-\ud7a3]+", "", sample))`` counted the same and
    tried the pattern at every character: 289 K instructions a Korean science brief
    (callgrind), a thirtieth of it."""
    code = sample.encode("utf-16-be", "surrogatepass")
    high = code[0::2]
    count = len(high) - len(high.translate(None, _HANGUL_HIGH))
    at = high.find(0xD7)
    while at >= 0:  # "힘", "히": U+D7xx, a syllable up to U+D7A3
        count += code[2 * at + 1] <= 0xA3
        at = high.find(0xD7, at + 1)
    return count


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``: script first, then function words; "en" when unsure."""
    try:
        sample = text[:600]  # enough words to tell the languages apart
        # An ASCII sample (most English ones) holds no character of another script: only its
        # function words are counted.
        other_scripts = not sample.isascii()
        # Mostly Hangul, the common Korean case: decided by one substitution, nothing more.
        if other_scripts and _hangul_syllables(sample) * 2 > len(sample):
            return "ko"
        latin_words = (_ascii_letter_runs(sample.lower()) if not other_scripts
                       else _LATIN_WORD.findall(sample.lower()))
        if other_scripts and _ANY_SCRIPT.search(sample):
            latin_chars = sum(map(len, latin_words))
            # Runs, not single characters: far fewer objects to count.
            counts = {lang: sum(map(len, rx.findall(sample))) for lang, rx in _SCRIPTS}
            script, n = max(counts.items(), key=lambda kv: kv[1])
            if n and n * 2 >= latin_chars * 0.3:
                # Japanese text mixes kana with Han characters; Han alone is Chinese.
                if script == "zh" and counts["ja"] > 0:
                    return "ja"
                return script
        hits = Counter(chain.from_iterable(filter(None, map(_MARKER_LANGS.get, latin_words))))
        return hits.most_common(1)[0][0] if hits else "en"
    except Exception:  # detection must never take an article down
        return "en"


def _split_block(block: str, lang: str) -> list[str]:
    return marked_sentences(block, language(lang).split_line)


# What a language's line splitter needs of the modules above it.
_SPLITTING = Splitting(not_prose=segment.not_prose, analysis=ANALYSIS)

# Only runs that change: a lone space is most of the text and already right, and matching it
# made this substitution a quarter of the splitting time. Written to open on one character
# class (a run of two or more, or a lone tab or no-break space, told apart after it), so the
# engine skips to the next blank; as "[ \t\u00a0]{2,}|[\t\u00a0]" it tried both branches at every
# character (same matches).
# Besides tabs, no-break spaces and the typographic spaces HTML entities leave (thin, en, em,
# narrow no-break, ideographic: "to&thinsp; perpetuate"): a point shows one plain space.
_ODD_BLANKS = "\u00a0\u2000-\u200a\u202f\u205f\u3000"
_ODD = "\t" + _ODD_BLANKS
_SPACES = re.compile(f"[ {_ODD}](?:[ {_ODD}]+|(?<=[{_ODD}]))")


# A blank of _SPACES' other than a space or a tab: most stories, ASCII or not, hold none.
_ODD_BLANK = re.compile(f"[{_ODD_BLANKS}]")


def _collapse_blanks(text: str) -> str:
    """``_SPACES.sub(" ", text)``, the substitution run only on a text with an _ODD_BLANK (an
    ASCII text has none): most stories' only blanks to change are tabs and runs of spaces, and
    most have neither, when the text is returned as it is."""
    if not text.isascii() and _ODD_BLANK.search(text) is not None:
        return _SPACES.sub(" ", text)
    if "  " in text or "\t" in text:
        return _collapse_plain_blanks(text)
    return text


def _collapse_plain_blanks(text: str) -> str:
    """``_SPACES.sub(" ", text)`` of a text with no _ODD_BLANK, whose only blanks to change are
    tabs and runs of spaces: by str.replace in C, where the pattern stopped at every space."""
    text = text.replace("\t", " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def split_sentences(text: str, lang: str) -> list[str]:
    """Sentences of ``text``; line breaks always end a sentence (feeds and the Korean set rely
    on it), then language-specific punctuation rules apply inside each line."""
    return list(chain.from_iterable(split_paragraphs(text, lang)))


def paragraph_starts(paragraphs: list[list[str]]) -> frozenset[int]:
    """The index of each paragraph's first sentence in the sentences of ``paragraphs``."""
    starts, i = [], 0
    for p in paragraphs:
        starts.append(i)
        i += len(p)
    return frozenset(starts)


def split_paragraphs(
    text: str, lang: str, not_prose: Callable[[str, str], str | None] | None = None
) -> list[list[str]]:
    """The sentences of each line of ``text`` that holds any (see split_sentences);
    ``not_prose``: the article's ``segment.ProseKinds``, so what the splitter learns of a span
    is not worked out again."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    rules = LANGUAGES.get(lang)
    if rules is not None and rules.prepare_text is not None:
        text = rules.prepare_text(text)
    splitting = _SPLITTING if not_prose is None else Splitting(not_prose, ANALYSIS)
    paragraphs: list[list[str]] = []
    # Blanks collapsed over the whole text at once (never its line breaks), not line by line;
    # each line is stripped below, so a plain split on "\n" is enough.
    text = _collapse_blanks(text)
    for block in text.split("\n"):
        block = block.strip()
        if block:
            if rules is not None:
                parts = rules.line_sentences(block, splitting)
            else:
                # A language with no rules of its own: English's boundaries and glued sentences.
                parts = _split_block(block, lang)
                if en_sentences.GLUE_HINT.search(block):  # one scan; most lines have none
                    parts = list(chain.from_iterable(map(en_sentences.unglue, parts)))
            if parts:
                paragraphs.append(parts)
    return paragraphs


_EN_STOP, _KO_STOP, _KO_PARTICLES = en_words.STOP, ko_words.STOP, ko_words.PARTICLES
_WORD = re.compile(r"[0-9A-Za-z\u00c0-\u024f\u0400-\u04ff]+(?:['’][a-z]+)?|[\uac00-\ud7a3]+")
# _WORD as it reads an ASCII text (the same tokens): without the Hangul branch the engine
# tries one alternative at each character instead of two (a fifth of tokenising English).
_ASCII_WORD = re.compile(r"[0-9A-Za-z]+(?:'[a-z]+)?")


@lru_cache(maxsize=WORD_CACHE_SIZE)
def strip_particle(word: str) -> str:
    """The stem of a Korean word without its trailing particle, when a stem remains."""
    for p in _KO_PARTICLES:
        if word.endswith(p) and len(word) - len(p) >= 1:
            return word[: -len(p)]
    return word


def _term_of(raw: str) -> str | None:
    """The normalised content word for one raw token, or None for a stop word (or for an
    empty token: "arrests--over" splits into an empty part between its hyphens)."""
    if not raw:
        return None
    if "\uac00" <= raw[0] <= "\ud7a3":
        w = strip_particle(raw)
        return None if w in _KO_STOP or raw in _KO_STOP else w
    w = raw.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _EN_STOP or (len(w) < 2 and not w.isdigit()):
        return None
    return en_words.stem(w)


# Raw token -> term, computed once per distinct token (a dict lookup costs about half an
# lru_cache call, and this runs on every token of every article); emptied when full.
_TERM_CACHE_SIZE = 4 * WORD_CACHE_SIZE
_TERMS: Memo[str, str | None] = Memo(_term_of, _TERM_CACHE_SIZE)
_term = _TERMS.__getitem__


def _bigrams_of(term: str) -> tuple[str, ...]:
    # Only compounds (4+ syllables) are split; shorter stems match as they are.
    if len(term) > 3 and "\uac00" <= term[0] <= "\ud7a3":
        return (term, *(term[i : i + 2] for i in range(len(term) - 1)))
    return (term,)


# Term -> its bigrams (``bigrams``), computed once per distinct term: asked of every word of
# every Korean candidate, where an lru_cache call (a tuple of arguments built per call) cost
# about twice a dict lookup; emptied when full, as ``_TERMS`` is.
_BIGRAMS: Memo[str, tuple[str, ...]] = Memo(_bigrams_of, WORD_CACHE_SIZE)
# A Korean stem and its character bigrams; any other term alone.
bigrams: Callable[[str], tuple[str, ...]] = _BIGRAMS.__getitem__


# An ASCII text's bytes with every byte no token holds (_ASCII_WORD: letters, digits, "'")
# made a space, and the same without the apostrophe: one translate and one split, both in C,
# give the runs findall gives at a third of its cost (it tries the pattern at every character).
_ASCII_RUNS = bytes(c if 48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122 or c == 39 else 32
                    for c in range(256))
_ASCII_ALNUM_RUNS = _ASCII_RUNS.replace(b"'", b" ")


def _ascii_tokens(text: str) -> list[str]:
    """``_ASCII_WORD.findall(text)`` of an ASCII text. No token crosses a byte made a space,
    so the pattern reads each run apart; only a run with an apostrophe needs it ("it's",
    "'Tom'", "rock'n'roll")."""
    if "'" not in text:
        return text.encode().translate(_ASCII_ALNUM_RUNS).decode().split()
    out: list[str] = []
    for run in text.encode().translate(_ASCII_RUNS).decode().split():
        if "'" in run:
            out += _ASCII_WORD.findall(run)
        else:
            out.append(run)
    return out


def tokens(text: str) -> list[str]:
    """The raw word tokens of ``text`` (Latin, Cyrillic and digit runs; Hangul runs), as
    written. Tokenise a sentence once and pass these on: scoring, tags and labels share them."""
    return _ascii_tokens(text) if text.isascii() else _WORD.findall(text)


def terms_of(raw: list[str]) -> list[str]:
    """Content words of already tokenised text (see ``content_words``)."""
    return list(filter(None, map(_term, raw)))  # _term gives None or a non-empty term


def content_words(text: str, lang: str) -> list[str]:
    """Lower-cased content words: English stop words dropped and light-stemmed; Korean words
    with particles stripped."""
    return [t for t in map(_term, tokens(text)) if t is not None]


def scoring_terms(text: str, lang: str) -> list[str]:
    """Terms for similarity: content words, plus character bigrams of Korean stems, which
    match compounds written without spaces ("기초과학" ~ "기초 과학")."""
    words = content_words(text, lang)
    return with_bigrams(words) if language(lang).spaceless_compounds else words


def with_bigrams(words: list[str]) -> list[str]:
    """Korean stems followed by their character bigrams; other words unchanged."""
    return list(chain.from_iterable(map(bigrams, words)))


# What the languages' rules may need of this module, which sits above them.
WORDS = Words(content=content_words, strip_particle=strip_particle, tokens=tokens, term=_term)

"""The bot's words in the reader's language: gettext message catalogues, read with Babel.

Code marks a message with ``_("Subscribed to {what}.", what=...)``: the English text is the
message id, placeholders are named, and the translation comes from ``bot/i18n/<lang>.po`` for the
language in force (``use(locale)``, a context variable, so concurrent commands do not mix). The
``.po`` files are read at run time with Babel: nothing to compile when installing, and a test
checks that every marked message has a translation in every catalogue. Babel itself (0.03 s of
imports) loads with the first catalogue read: a reply in English reads none.
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.logs import get_log

log = get_log(__name__)

HERE = Path(__file__).parent
DEFAULT = "en"  # the message ids themselves
_current: contextvars.ContextVar[str] = contextvars.ContextVar("newsbrief_locale",
                                                               default=DEFAULT)


@functools.cache
def available() -> frozenset[str]:
    """Languages with a catalogue, plus English (the source)."""
    return frozenset({DEFAULT, *(p.stem for p in HERE.glob("*.po"))})


def language(locale: str | None) -> str | None:
    """``"ko-KR"``, ``"ko_KR"`` or ``"ko"`` → ``"ko"`` when there is a catalogue for it."""
    if not locale:
        return None
    lang = locale.replace("_", "-").split("-")[0].strip().lower()
    return lang if lang in available() else None


def choose(*locales: str | None) -> str:
    """The first of ``locales`` (the caller's, then the destination's) that we speak, else
    English."""
    for locale in locales:
        found = language(locale)
        if found:
            return found
    return DEFAULT


@functools.cache
def catalogue(lang: str) -> dict[str, str]:
    """msgid → translation for one language; empty for English."""
    path = HERE / f"{lang}.po"
    if lang == DEFAULT or not path.exists():
        return {}
    # Babel: loaded by the first catalogue read, which an English reply never needs
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    return {str(m.id): str(m.string) for m in catalog if m.id and m.string and not m.fuzzy}


def translate(message: str, lang: str | None = None, **values: object) -> str:
    """``message`` in ``lang`` (default: the one in force), its ``{placeholders}`` filled."""
    text = catalogue(lang or _current.get()).get(message, message)
    if not values:
        return text
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        log.warning("i18n.bad_translation", lang=lang or _current.get(), message=repr(message))
        return message.format(**values)


def _(message: str, **values: object) -> str:
    """Mark and translate a message in the language in force."""
    return translate(message, None, **values)


def current() -> str:
    return _current.get()


@contextmanager
def use(lang: str) -> Iterator[None]:
    """Speak ``lang`` inside the block (this task and the tasks it starts)."""
    token = _current.set(language(lang) or DEFAULT)
    try:
        yield
    finally:
        _current.reset(token)


def N_(message: str) -> str:
    """Mark a message for the catalogue where it is defined; translate it where it is used."""
    return message

"""Subscription kinds: what a subscription can follow (a tag, a feed, a keyword, a pattern, or
everything), in one table that the configuration, the /subscribe command, the destination store
and the router all read. Adding a filter kind is one entry in ``KINDS`` (and its name in
``Kind``); nothing else names a kind.

Each entry says how a typed value becomes the stored one (``normalise``, then ``validate``,
which refuses with a message for the user), how a stored value matches a brief, which section
of a digest a brief it matched is listed under, and, by its place in the table, which kind
wins when several subscriptions let the same brief through (the most specific first).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from bot.filters import patterns
from bot.i18n import N_, _
from bot.models import EVERYONE, Article, Audience
from bot.netguard import shown_url
from bot.tags import canonical_tag, normalise_tag, tag_in

__all__ = ["KINDS", "BriefFacts", "Kind", "KindError", "SubscriptionKind", "by_prefix", "fold",
           "get", "keyword_in", "names", "normalise_value", "precedence", "recognise",
           "require", "unknown"]

Kind = Literal["tag", "feed", "keyword", "pattern", "all"]

_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_SPACE = re.compile(r"\s+")


class KindError(ValueError):
    """A value a kind cannot store, or a kind that does not exist; the message is the user's."""


@dataclass(frozen=True, slots=True)
class BriefFacts:
    """What subscriptions look at: the feed, the tags and the words of a brief."""

    brief_id: int
    story_root: int
    feed_id: int
    feed_url: str
    feed_name: str
    tags: frozenset[str]  # canonical forms (bot.tags.canonical_tag)
    text: str  # folded headline, points and entry title, for keyword matching
    created_at: datetime
    article: Article = field(default_factory=lambda: Article(title=""))  # for pattern filters
    audience: Audience = EVERYONE  # which tenants may read the brief's feed (bot.store.tenancy)


def fold(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def keyword_in(keyword: str, folded_text: str) -> bool:
    """A plain word or phrase, case-insensitive. Latin words match whole words ("ai" is not in
    "said"); Korean matches as a substring, since particles attach to the word ("삼성전자는")."""
    needle = fold(keyword)
    if not needle:
        return False
    if _HANGUL.search(needle):
        return needle in folded_text
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(word) for word in needle.split(" ")) + r"(?!\w)"
    return re.search(pattern, folded_text) is not None


def _as_is(value: str) -> str:
    return value


def _never(text: str) -> bool:
    return False


def _words(value: str) -> str:
    return " ".join(value.split())


def _value(value: str, facts: BriefFacts) -> str:
    return value


@dataclass(frozen=True, slots=True)
class SubscriptionKind:
    name: Kind
    label: str  # N_(): "tag “ai”" in replies; for a kind without a value, the whole description
    normalise: Callable[[str], str]  # the stored form of what was typed; never refuses
    matches: Callable[[str, BriefFacts], bool]  # a stored value against one brief
    section: Callable[[str, BriefFacts], str]  # the digest section a matched brief goes under
    validate: Callable[[str], str] = _as_is  # raises KindError (for the user); may canonicalise
    prefixes: tuple[str, ...] = ()  # typed before a colon: "kw:rust"; the name always works
    looks_like: Callable[[str], bool] = _never  # a bare text that can only mean this kind
    takes_value: bool = True  # False: it follows everything, so a value is meaningless
    guessable: bool = False  # a bare word may be read as this kind (so /unsubscribe tries it)
    aliased: bool = False  # the configured tag aliases map its values ("chatgpt" → "ai")
    too_long: str = N_("That is too long (at most {limit} characters).")  # stored value, chat
    # why a brief was sent (bot.filters.reasons): what the reason keeps of a matching value,
    # and how a reader names it ("#ai"); None: “<label> “<value>”” (the label alone without one)
    reason: Callable[[str, BriefFacts], str] = _value
    named: Callable[[str], str] | None = None
    # an exclusion's (and a mute's) value against one brief, where it must match more narrowly
    # than an include (a tag's plural); None: ``matches``
    excludes: Callable[[str, BriefFacts], bool] | None = None

    def drops(self, value: str, facts: BriefFacts) -> bool:
        """Whether an exclusion of ``value`` drops the brief of ``facts``."""
        return (self.excludes or self.matches)(value, facts)


def _tag_matches(value: str, facts: BriefFacts) -> bool:
    # "#macbook" follows the brief tagged "#macbooks" (bot.tags.same_tag; issue 28)
    return tag_in(value, facts.tags)


def _tag_is(value: str, facts: BriefFacts) -> bool:
    # "-#bear" and a 🔕 on a "#bear" brief drop "#bear" only, never the Chicago "#bears": an
    # exclusion is read exactly as asked (review 48, finding 3)
    return canonical_tag(value) in facts.tags


def _feed_matches(value: str, facts: BriefFacts) -> bool:
    value = value.strip()
    return value in (str(facts.feed_id), facts.feed_url) or fold(value) == fold(facts.feed_name)


def _keyword_matches(value: str, facts: BriefFacts) -> bool:
    # A keyword also matches the tag of the same name: "/subscribe crypto" typed before any
    # brief carried #crypto is stored as a keyword and should still mean the topic.
    return keyword_in(value, facts.text) or tag_in(value, facts.tags)


def _keyword_is(value: str, facts: BriefFacts) -> bool:
    return keyword_in(value, facts.text) or canonical_tag(value) in facts.tags


def _pattern_matches(value: str, facts: BriefFacts) -> bool:
    return patterns.matches(value, facts.article)


def _canonical_pattern(value: str) -> str:
    # refused when saved (config at start-up, a command at once), not silently matching nothing
    try:
        return patterns.canonical(value)
    except patterns.PatternError as exc:
        raise KindError(str(exc)) from None


def _feed_name(value: str, facts: BriefFacts) -> str:
    return facts.feed_name


def _shown_feed_name(value: str, facts: BriefFacts) -> str:
    # an untitled feed's name is its URL: kept without its query, where private feeds keep tokens
    return shown_url(facts.feed_name) if facts.feed_name == facts.feed_url else facts.feed_name


def _quoted(text: str) -> bool:
    return len(text) > 1 and text[0] in "\"'“" and text[-1] in "\"'”"


# In precedence order: a brief several subscriptions let through is listed under the most
# specific reason it is here (a digest's sections), so the order is part of the behaviour.
KINDS: tuple[SubscriptionKind, ...] = (
    SubscriptionKind(
        "tag", N_("tag"), normalise=lambda v: normalise_tag(_words(v)), matches=_tag_matches,
        excludes=_tag_is, section=lambda value, facts: f"#{value}",
        looks_like=lambda t: t.startswith("#"), guessable=True, aliased=True,
        named=lambda value: f"#{value}"),
    SubscriptionKind(
        "feed", N_("feed"), normalise=_words, matches=_feed_matches, section=_feed_name,
        looks_like=lambda t: t.lower().startswith(("http://", "https://")), guessable=True,
        reason=_shown_feed_name),
    SubscriptionKind(
        "keyword", N_("keyword"), normalise=lambda v: _words(v).strip("\"'“”").casefold(),
        matches=_keyword_matches, excludes=_keyword_is, section=lambda value, facts: value,
        prefixes=("kw",),
        looks_like=_quoted, guessable=True),
    SubscriptionKind(
        "pattern", N_("pattern"),
        normalise=str.strip,  # spaces inside a regular expression are part of it
        matches=_pattern_matches, section=_feed_name, validate=_canonical_pattern,
        prefixes=("re", "regex"),
        too_long=N_("That pattern is too long (at most {limit} characters).")),
    SubscriptionKind(
        "all", N_("everything"), normalise=lambda v: "", matches=lambda value, facts: True,
        section=_feed_name, looks_like=lambda t: t.lower() in ("all", "everything", "*"),
        takes_value=False, reason=lambda value, facts: ""),
)


def names() -> tuple[str, ...]:
    return tuple(kind.name for kind in KINDS)


def get(name: str) -> SubscriptionKind | None:
    """The kind called ``name``; None for a name the table does not have."""
    return next((kind for kind in KINDS if kind.name == name), None)


def unknown(name: str) -> str:
    """Why ``name`` is refused, in the language in force."""
    return _("“{kind}” is not a kind of subscription; the kinds are {kinds}.",
             kind=name[:40], kinds=", ".join(names()))


def require(name: str) -> SubscriptionKind:
    found = get(name)
    if found is None:
        raise KindError(unknown(name))
    return found


def by_prefix(word: str) -> SubscriptionKind | None:
    """The kind a typed ``word:`` prefix names (its name or one of its short forms)."""
    word = word.lower()
    return next((kind for kind in KINDS if word == kind.name or word in kind.prefixes), None)


def recognise(text: str) -> SubscriptionKind | None:
    """The kind a bare text can only mean ("#ai", a URL, a quoted phrase, "all"), if any."""
    return next((kind for kind in KINDS if kind.looks_like(text)), None)


def precedence(name: str) -> int:
    """A kind's place in the table (lower wins); a name it does not have comes last."""
    return next((i for i, kind in enumerate(KINDS) if kind.name == name), len(KINDS))


def normalise_value(name: str, value: str) -> str:
    """The stored form of a subscription target: tags as slugs, keywords folded, feeds as is."""
    return require(name).normalise(value)


"""Pattern filters: regular expressions on an article's fields joined with AND / OR / NOT.

A user's regular expression runs on every new article, so it must not be able to hang the bot
(the ReDoS fear that keeps RSS-to-Telegram-Bot from offering regex filters at all). RE2 matches
in time linear in the text and refuses the constructs that need backtracking (back-references,
look-around), so a pattern is checked once, when it is saved, and is safe from then on.

Syntax, case-insensitive, ``NOT`` binding tighter than ``AND`` tighter than ``OR``; two terms
side by side mean ``AND``::

    title:/rust|golang/ AND NOT author:"press office"
    (categories:security OR text:/cve-\\d+/) -title:sponsored

A term is ``[field:]regex`` where the regex is ``/…/`` (``\\/`` for a slash), ``"…"``, or one
word; the field is ``title``, ``text``, ``categories`` (each category on its own), ``author``,
or none for title or text. ``-term`` is ``NOT term``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import re2

from bot.i18n import _
from bot.models import Article

FIELDS = {"title": "title", "text": "text", "categories": "categories",
          "category": "categories", "cat": "categories", "author": "author", "any": "any"}
MAX_TERMS = 20  # an expression is a filter, not a program
MAX_REGEX = 200
MAX_MEMORY = 1 << 20  # RE2 refuses a pattern whose automaton would need more than this


class PatternError(ValueError):
    """A pattern that cannot be saved; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class Term:
    field: str
    source: str
    regex: Any

    def matches(self, article: Article) -> bool:
        if self.field == "categories":
            return any(self.regex.search(c) for c in article.categories)
        if self.field == "author":
            return self.regex.search(article.author or "") is not None
        if self.field == "any":
            return bool(self.regex.search(article.title) or self.regex.search(article.text))
        return self.regex.search(getattr(article, self.field)) is not None

    def render(self) -> str:
        body = self.source.replace("/", "\\/")
        return f"/{body}/" if self.field == "any" else f"{self.field}:/{body}/"


@dataclass(frozen=True, slots=True)
class Not:
    inner: Node

    def matches(self, article: Article) -> bool:
        return not self.inner.matches(article)

    def render(self) -> str:
        return f"NOT {_grouped(self.inner, Not)}"


@dataclass(frozen=True, slots=True)
class All:
    parts: tuple[Node, ...]

    def matches(self, article: Article) -> bool:
        return all(p.matches(article) for p in self.parts)

    def render(self) -> str:
        return " AND ".join(_grouped(p, All) for p in self.parts)


@dataclass(frozen=True, slots=True)
class Any_:
    parts: tuple[Node, ...]

    def matches(self, article: Article) -> bool:
        return any(p.matches(article) for p in self.parts)

    def render(self) -> str:
        return " OR ".join(p.render() for p in self.parts)


Node = Term | Not | All | Any_


def _grouped(node: Node, parent: type) -> str:
    # parentheses only where precedence needs them, so the canonical form reads naturally
    loose = {Not: (All, Any_), All: (Any_,)}[parent]
    return f"({node.render()})" if isinstance(node, loose) else node.render()


def _options() -> re2.Options:
    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False  # a bad user pattern is a reply, not a line on stderr
    options.max_mem = MAX_MEMORY
    return options


def compile_regex(source: str) -> Any:
    if not source:
        raise PatternError(_("An empty pattern matches everything; use `all` instead."))
    if len(source) > MAX_REGEX:
        raise PatternError(_("A pattern is at most {limit} characters.", limit=MAX_REGEX))
    try:
        return re2.compile(source, _options())
    except re2.error as exc:
        reason = exc.args[0].decode(errors="replace") if exc.args and isinstance(
            exc.args[0], bytes) else str(exc)
        raise PatternError(_("“{pattern}” is not a pattern RE2 accepts ({reason}). Patterns use "
                             "RE2 syntax: no back-references (\\1) and no look-around "
                             "((?=…), (?!…)).", pattern=source, reason=reason)) from None


# -- parsing -----------------------------------------------------------------------------------

_KEYWORDS = {"AND", "OR", "NOT"}


def _tokens(text: str) -> list[tuple[str, str]]:
    """(kind, text) pairs: op, paren, term (field:regex with its delimiters removed)."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "()":
            out.append(("paren", ch))
            i += 1
            continue
        if ch == "-" and i + 1 < len(text) and not text[i + 1].isspace():
            out.append(("op", "NOT"))
            i += 1
            continue
        start = i
        field = "any"
        while i < len(text) and (text[i].isalpha()):
            i += 1
        if i < len(text) and text[i] == ":" and text[start:i].lower() in FIELDS:
            field = FIELDS[text[start:i].lower()]
            i += 1
        else:
            i = start
        source, i = _regex_at(text, i)
        if field == "any" and source.upper() in _KEYWORDS and text[start] not in "/\"":
            out.append(("op", source.upper()))
        else:
            out.append(("term", f"{field}\0{source}"))
    return out


def _regex_at(text: str, i: int) -> tuple[str, int]:
    """The regex starting at ``i`` and the index after it."""
    if i < len(text) and text[i] in "/\"":
        close = text[i]
        j = i + 1
        chars: list[str] = []
        while j < len(text) and text[j] != close:
            if text[j] == "\\" and j + 1 < len(text) and text[j + 1] == close:
                chars.append(close)
                j += 2
                continue
            chars.append(text[j])
            j += 1
        if j >= len(text):
            raise PatternError(_("A pattern opened with {mark} is not closed.", mark=close))
        return "".join(chars), j + 1
    j = i
    while j < len(text) and not text[j].isspace() and text[j] not in "()":
        j += 1
    if j == i:
        raise PatternError(_("Expected a pattern after the field name; put one with spaces or "
                             "parentheses between slashes: title:/…/."))
    return text[i:j], j


class _Parser:
    def __init__(self, tokens: Sequence[tuple[str, str]]) -> None:
        self.tokens = list(tokens)
        self.pos = 0
        self.terms = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def parse(self) -> Node:
        node = self.any_()
        extra = self.peek()
        if extra is not None:
            raise PatternError(_("Unexpected “{token}” in the pattern.", token=extra[1]))
        return node

    def any_(self) -> Node:
        parts = [self.all_()]
        while self.peek() == ("op", "OR"):
            self.take()
            parts.append(self.all_())
        return parts[0] if len(parts) == 1 else Any_(tuple(parts))

    def all_(self) -> Node:
        parts = [self.unary()]
        while (token := self.peek()) is not None and token not in (("op", "OR"), ("paren", ")")):
            if token == ("op", "AND"):
                self.take()
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else All(tuple(parts))

    def unary(self) -> Node:
        token = self.peek()
        if token is None:
            raise PatternError(_("The pattern ends where a term was expected."))
        self.take()
        if token == ("op", "NOT"):
            return Not(self.unary())
        if token == ("paren", "("):
            node = self.any_()
            if self.peek() != ("paren", ")"):
                raise PatternError(_("A “(” in the pattern is not closed."))
            self.take()
            return node
        if token[0] != "term":
            raise PatternError(_("“{token}” needs a term before or after it.", token=token[1]))
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise PatternError(_("A pattern has at most {limit} terms.", limit=MAX_TERMS))
        field, source = token[1].split("\0", 1)
        return Term(field, source, compile_regex(source))


@functools.lru_cache(maxsize=1024)
def parse(text: str) -> Node:
    """The expression in ``text``; raises ``PatternError`` with a reason a user can act on."""
    if not text.strip():
        raise PatternError(_("Give a pattern, e.g. `title:/rust|golang/ AND NOT author:bot`."))
    return _Parser(_tokens(text)).parse()


def canonical(text: str) -> str:
    """The stored form: the same expression however it was typed, so /unsubscribe finds it."""
    return parse(text).render()


def matches(text: str, article: Article) -> bool:
    """Whether a stored pattern matches; a pattern that no longer parses matches nothing."""
    try:
        node = parse(text)
    except PatternError:
        return False
    return node.matches(article)

"""Message templates per destination: which parts of a brief are shown, in which order, as a
box (a Discord embed) or as plain text. Named presets, or a custom template in a small
logic-less language:

    {headline}  {source}  {time}  {meta}  {tags}  {also}  {why}  {link}
                                                                a part's text ("" if none)
    {#points}{n}. {label}: {text}\\n{/points}                        once per point
    {#link}…{/link}   {^link}…{/link}                               only if there is / is not one
    {{  }}   \\n                                                     a brace; a line break

No library fits (read their docs): the Mustache renderers (chevron, pystache) read partials
from the file system by default, call lambdas found in the data, switch delimiters, HTML-escape
values (wrong for markdown and mrkdwn, which the adapters escape), render an unknown name as
nothing instead of refusing it, and chevron has had no release since 2021. This parser is a
single regex over the text, knows only the names above, and renders under an output budget, so
a hostile template (deep nesting, repeated sections) cannot grow a message without bound.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Style = Literal["embed", "text"]

SCALARS = ("headline", "source", "time", "meta", "tags", "also", "why", "link")
POINT_FIELDS = ("n", "label", "text")
LIST = "points"
MAX_SOURCE = 1500  # characters a template may have: under every platform's message limit
MAX_DEPTH = 4  # sections inside sections
OUTPUT_BUDGET = 16_000  # characters a render may produce before it stops (adapters clip further)

_TAG = re.compile(r"\{\{|\}\}|\\n|\{([#^/]?)([^{}]*)\}|\{")


class TemplateError(ValueError):
    """A template that cannot be used; the message is one line, fit to show as it is."""


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class Slot:
    name: str


@dataclass(frozen=True, slots=True)
class Section:
    name: str
    inverted: bool
    body: tuple[Node, ...]


Node = Text | Slot | Section


@dataclass(frozen=True, slots=True)
class Layout:
    """What a destination chose: a preset's name or ``custom``, its parsed body and its style.
    ``source`` is what is stored and shown back (a preset's name, or the template text)."""

    name: str
    style: Style
    body: tuple[Node, ...]
    source: str

    @property
    def is_default(self) -> bool:
        return self.name == DEFAULT


DEFAULT = "default"
# name → (style, template, what it is for). ``default`` has no template: it is today's brief,
# rendered by each adapter's own layout.
PRESETS: dict[str, tuple[Style, str, str]] = {
    DEFAULT: ("embed", "", "the full brief: headline, source and time, points, tags, link"),
    "compact": ("text", "**{headline}**{#source} · {source}{/source}{#link} · {link}{/link}",
                "one line per story, for busy channels"),
    "headlines": ("embed", "**{headline}**{#meta}\\n_{meta}_{/meta}{#tags}\\n{tags}{/tags}"
                  "{#link}\\n{link}{/link}", "headline, source and tags, no points"),
    "plain": ("text", "**{headline}**{#meta}\\n_{meta}_{/meta}{#points}\\n• {#label}{label}: "
              "{/label}{text}{/points}{#tags}\\n{tags}{/tags}{#also}\\n{also}{/also}"
              "{#link}\\n{link}{/link}", "the full brief as plain text, without a box"),
}
_STYLE_PREFIX = re.compile(r"^(embed|text):\s*", re.IGNORECASE)


def parse(source: str) -> tuple[Node, ...]:
    """The template's nodes; TemplateError (one line) for anything it does not know."""
    if len(source) > MAX_SOURCE:
        raise TemplateError(f"template too long ({len(source)} characters; at most {MAX_SOURCE})")
    if not source.strip():
        raise TemplateError("template is empty")
    stack: list[tuple[str, bool, list[Node], int]] = [("", False, [], 0)]
    position = links = 0
    for found in _TAG.finditer(source):
        if found.start() > position:
            stack[-1][2].append(Text(source[position:found.start()]))
        position = found.end()
        token = found.group(0)
        if token in ("{{", "}}"):
            stack[-1][2].append(Text(token[0]))
            continue
        if token == "\\n":
            stack[-1][2].append(Text("\n"))
            continue
        if found.group(2) is None:
            raise TemplateError(f"a “{{” with no “}}” at character {found.start() + 1}; "
                                "write {{ for a brace")
        sigil, name = found.group(1), found.group(2).strip()
        open_names = [entry[0] for entry in stack[1:]]
        if sigil == "/":
            if len(stack) == 1:
                raise TemplateError(f"{{/{name}}} closes no section")
            opened, inverted, body, _ = stack.pop()
            if opened != name:
                raise TemplateError(f"{{/{name}}} closes {{#{opened}}}; close it with "
                                    f"{{/{opened}}} first")
            stack[-1][2].append(Section(opened, inverted, tuple(body)))
            continue
        _check_name(name, in_points=LIST in open_names, section=bool(sigil))
        if not sigil:
            if name == "link":
                # one link, whole: a platform never splits or escapes it (place_link)
                if LIST in open_names:
                    raise TemplateError("{link} cannot repeat inside {#points}")
                if links:
                    raise TemplateError("{link} may appear only once")
                links += 1
            stack[-1][2].append(Slot(name))
            continue
        if name == LIST and LIST in open_names:
            raise TemplateError("{#points} inside {#points} is not allowed")
        if len(stack) > MAX_DEPTH:
            raise TemplateError(f"sections nested more than {MAX_DEPTH} deep")
        stack.append((name, sigil == "^", [], found.start()))
    if position < len(source):
        stack[-1][2].append(Text(source[position:]))
    if len(stack) > 1:
        raise TemplateError(f"{{#{stack[-1][0]}}} is never closed (add {{/{stack[-1][0]}}})")
    return tuple(stack[0][2])


def _check_name(name: str, *, in_points: bool, section: bool) -> None:
    if name in SCALARS or (section and name == LIST):
        return
    if name in POINT_FIELDS:
        if in_points:
            return
        raise TemplateError(f"{{{name}}} is only known inside {{#points}}…{{/points}}")
    if name == LIST:
        raise TemplateError("{points} is a list: write {#points}{text}{/points}")
    known = ", ".join([*(f"{{{n}}}" for n in SCALARS), "{#points}…{/points}"])
    raise TemplateError(f"unknown placeholder {{{name[:40]}}}; known: {known}")


def layout(source: str | None) -> Layout:
    """The layout a stored or typed value names: a preset, or ``embed:``/``text:`` and a custom
    template (embed when neither is written). None or "" is the default. TemplateError when
    it does not parse."""
    value = (source or "").strip()
    if not value or value.lower() == DEFAULT:
        return Layout(DEFAULT, "embed", (), DEFAULT)
    preset = PRESETS.get(value.lower())
    if preset is not None:
        return Layout(value.lower(), preset[0], parse(preset[1]), value.lower())
    style: Style = "embed"
    prefix = _STYLE_PREFIX.match(value)
    if prefix:
        style = "text" if prefix.group(1).lower() == "text" else "embed"
        value = value[prefix.end():]
        if value.strip().lower() in PRESETS:
            raise TemplateError("a preset has its own style: write its name alone")
    body = parse(value)
    return Layout("custom", style, body, f"{style}: {value}" if prefix else value)


def stored_layout(source: str | None) -> Layout:
    """The layout of a stored value; the default if it no longer parses (a template validated
    by an older version), so a message is never lost to its layout."""
    try:
        return layout(source)
    except TemplateError:
        return layout(None)


# Where the link goes while the text around it is escaped, neutralised and cut: the link is
# put in last, whole (a pass over it could put a zero-width space inside the URL, a cut could
# leave half of it as another link). No other text holds NUL (fill strips it).
LINK_SLOT = "\0link\0"
_CUT_SLOT = re.compile("\0[a-z]*|[a-z]*\0")


def place_link(text: str, link: str) -> str:
    """``text`` with its link slot filled by ``link``; a slot a cut split leaves nothing."""
    return _CUT_SLOT.sub("", text.replace(LINK_SLOT, link))


@dataclass(frozen=True, slots=True)
class Values:
    """A brief's parts as one platform writes them (escaped by its adapter): what a template
    fills in. ``literal`` makes the template's own text safe on that platform (mentions inert)."""

    scalars: Mapping[str, str]
    points: Sequence[Mapping[str, str]]
    literal: Callable[[str], str]


def render(body: Sequence[Node], values: Values, *, budget: int = OUTPUT_BUDGET) -> str:
    """The template filled in; stops adding once ``budget`` characters are written."""
    out: list[str] = []
    _render(body, values, {}, out, [budget])
    return "".join(out).strip()


def _render(body: Sequence[Node], values: Values, point: Mapping[str, str], out: list[str],
            left: list[int]) -> None:
    for node in body:
        if left[0] <= 0:
            return
        if isinstance(node, Text):
            piece = values.literal(node.text)
        elif isinstance(node, Slot):
            piece = point.get(node.name, values.scalars.get(node.name, ""))
        elif node.name == LIST:
            items = values.points
            if node.inverted:
                if not items:
                    _render(node.body, values, point, out, left)
                continue
            for item in items:
                _render(node.body, values, item, out, left)
            continue
        else:
            present = bool(point.get(node.name, values.scalars.get(node.name, "")))
            if present != node.inverted:
                _render(node.body, values, point, out, left)
            continue
        piece = piece[:left[0]]
        left[0] -= len(piece)
        out.append(piece)

